#include "runtime/db/url.h"

#include <fmt/format.h>

namespace migrac::db {

namespace {

// The scheme before "://" ("postgresql+psycopg2"), or empty.
std::string scheme_of(const std::string& url) {
  auto end = url.find("://");
  if (end == std::string::npos) return {};
  std::string scheme = url.substr(0, end);
  for (char c : scheme) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.';
    if (!ok) return {};
  }
  return scheme;
}

// "postgresql+psycopg2" -> "postgresql".
std::string base_scheme(const std::string& scheme) { return scheme.substr(0, scheme.find('+')); }

std::optional<DbUrl> parse_sqlite(const std::string& url, std::string& error) {
  std::string rest = url.substr(std::string_view("sqlite:").size());
  auto path = [&](std::string p) -> std::optional<DbUrl> {
    if (p.empty()) {
      error = fmt::format(
          "no database file in '{}' (expected sqlite:path/to.db or sqlite::memory:)", url);
      return std::nullopt;
    }
    return DbUrl{Engine::Sqlite, std::move(p), {}};
  };
  if (rest == ":memory:" || rest == "//" || rest == "//:memory:" || rest == "///:memory:") {
    return DbUrl{Engine::Sqlite, ":memory:", {}};
  }
  if (rest.rfind("//", 0) != 0) return path(rest);  // sqlite:path/to.db, as written
  // SQLAlchemy's form: sqlite://HOST/PATH, where HOST must be empty; the path
  // is everything after the third slash (a fourth one makes it absolute).
  if (rest.rfind("///", 0) != 0) {
    error = fmt::format(
        "'{}' names a host, which sqlite URLs have none of: write sqlite:///relative/path.db "
        "(three slashes) or sqlite:////absolute/path.db (four)",
        url);
    return std::nullopt;
  }
  std::string file = rest.substr(3);
  if (file.find('?') != std::string::npos) {
    error = fmt::format("query parameters in '{}' are not supported for sqlite", url);
    return std::nullopt;
  }
  return path(file);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%40" -> "@"; a '%' not followed by two hex digits stays as written.
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_digit(s[i + 1]);
      int lo = hex_digit(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// scheme://[user[:password]@][host][:port][/database][?key=value&...]. The
// user part ends at the first '@' or '/', as password_of (redact.h) reads it,
// so that a password is always found to be redacted.
std::optional<DbUrl> parse_mysql(const std::string& url, const std::string& scheme,
                                 std::string& error) {
  DbUrl out{Engine::Mysql, url, {}};
  MysqlTarget& t = out.mysql;
  std::string rest = url.substr(scheme.size() + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.resize(q);
  }
  if (auto end = rest.find_first_of("@/"); end != std::string::npos && rest[end] == '@') {
    std::string userinfo = rest.substr(0, end);
    rest = rest.substr(end + 1);
    auto colon = userinfo.find(':');
    t.user = percent_decoded(userinfo.substr(0, colon));
    if (colon != std::string::npos) t.password = percent_decoded(userinfo.substr(colon + 1));
  }
  std::string hostport = rest.substr(0, rest.find('/'));
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    t.database = percent_decoded(rest.substr(slash + 1));
    if (t.database.find('/') != std::string::npos) {
      error = fmt::format("'{}' names more than one database (mysql://user@host/DATABASE)", url);
      return std::nullopt;
    }
  }
  std::string port;
  if (!hostport.empty() && hostport[0] == '[') {  // [::1]:3306
    auto close = hostport.find(']');
    if (close == std::string::npos) {
      error = fmt::format("unclosed '[' in the host of '{}'", url);
      return std::nullopt;
    }
    t.host = hostport.substr(1, close - 1);
    std::string after = hostport.substr(close + 1);
    if (!after.empty() && after[0] != ':') {
      error = fmt::format("unexpected '{}' after the host of '{}'", after, url);
      return std::nullopt;
    }
    if (!after.empty()) port = after.substr(1);
  } else {
    auto colon = hostport.find(':');
    t.host = hostport.substr(0, colon);
    if (colon != std::string::npos) port = hostport.substr(colon + 1);
  }
  if (!port.empty()) {
    unsigned value = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || value > 65535) {
        value = 70000;
        break;
      }
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 65535) {
      error = fmt::format("invalid port '{}' in '{}'", port, url);
      return std::nullopt;
    }
    t.port = value;
  }
  for (std::size_t at = 0; at < query.size();) {
    std::size_t end = std::min(query.find('&', at), query.size());
    std::string pair = query.substr(at, end - at);
    at = end + 1;
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string key = pair.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : percent_decoded(pair.substr(eq + 1));
    if (key == "socket" || key == "unix_socket") {
      t.socket = value;
    } else if (key == "password") {
      t.password = value;
    } else if (key == "user") {
      t.user = value;
    } else if (key != "charset") {
      error = fmt::format(
          "unsupported parameter '{}' in a mysql URL (known: socket, unix_socket, user, password, "
          "charset)",
          key);
      return std::nullopt;
    }
  }
  if (t.database.empty()) {
    error = fmt::format("no database in '{}' (expected {}://user:password@host:port/database)", url,
                        scheme);
    return std::nullopt;
  }
  return out;
}

}  // namespace

bool is_sqlite_url(const std::string& url) { return url.rfind("sqlite:", 0) == 0; }

std::optional<DbUrl> parse_url(const std::string& url, std::string& error) {
  if (is_sqlite_url(url)) return parse_sqlite(url, error);
  std::string scheme = scheme_of(url);
  std::string base = base_scheme(scheme);
  if (base == "postgres" || base == "postgresql") {
    // libpq knows postgres:// and postgresql:// only: drop the driver part.
    std::string target = scheme.find('+') == std::string::npos
                             ? url
                             : "postgresql" + url.substr(scheme.size());
    return DbUrl{Engine::Postgres, target, {}};
  }
  if (base == "mysql" || base == "mariadb") return parse_mysql(url, scheme, error);
  // A libpq key=value string: "host=... dbname=...".
  if (url.find("://") == std::string::npos && url.find('=') != std::string::npos) {
    return DbUrl{Engine::Postgres, url, {}};
  }
  auto colon = url.find(':');
  std::string shown = colon == std::string::npos ? url : url.substr(0, colon);
  error = fmt::format(
      "unsupported database URL scheme '{}' (expected postgresql://..., mysql://... or "
      "sqlite:path)",
      shown);
  return std::nullopt;
}

}  // namespace migrac::db

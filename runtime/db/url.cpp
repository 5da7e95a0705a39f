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
    return DbUrl{Engine::Sqlite, std::move(p)};
  };
  if (rest == ":memory:" || rest == "//" || rest == "//:memory:" || rest == "///:memory:") {
    return DbUrl{Engine::Sqlite, ":memory:"};
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
    return DbUrl{Engine::Postgres, target};
  }
  if (base == "mysql" || base == "mariadb") return DbUrl{Engine::Mysql, url};
  // A libpq key=value string: "host=... dbname=...".
  if (url.find("://") == std::string::npos && url.find('=') != std::string::npos) {
    return DbUrl{Engine::Postgres, url};
  }
  auto colon = url.find(':');
  std::string shown = colon == std::string::npos ? url : url.substr(0, colon);
  error = fmt::format(
      "unsupported database URL scheme '{}' (expected postgresql://... or sqlite:path)", shown);
  return std::nullopt;
}

}  // namespace migrac::db

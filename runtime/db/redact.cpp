#include "runtime/db/redact.h"

#include <algorithm>
#include <cstdlib>
#include <regex>


namespace migrac::db {

namespace {

// Shorter secrets are only removed where a pattern shows them (a password "a"
// must not turn every "a" of a message into ***).
constexpr std::size_t kMinLiteralSecret = 3;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
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

void replace_all(std::string& text, const std::string& what, std::string_view with) {
  if (what.empty()) return;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

}  // namespace

std::string password_of(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end != std::string::npos) {
    std::size_t start = scheme_end + 3;
    // libpq ends the user info at the first '@' or '/'.
    std::size_t end = url.find_first_of("@/", start);
    if (end != std::string::npos && url[end] == '@') {
      std::string userinfo = url.substr(start, end - start);
      if (auto colon = userinfo.find(':'); colon != std::string::npos) return userinfo.substr(colon + 1);
    }
    static const std::regex param(R"([?&]password=([^&]*))");
    std::smatch m;
    if (std::regex_search(url, m, param)) return m[1].str();
    return {};
  }
  static const std::regex kv(R"((^|\s)password\s*=\s*('((?:[^'\\]|\\.)*)'|(\S*)))");
  std::smatch m;
  if (std::regex_search(url, m, kv)) return m[3].matched ? m[3].str() : m[4].str();
  return {};
}

Redactor::Redactor(const std::string& url) {
  std::string pw = password_of(url);
  for (std::string s : {pw, percent_decode(pw)}) {
    if (!s.empty()) secrets_.push_back(s);
  }
  if (const char* env = std::getenv("PGPASSWORD"); env && *env) secrets_.emplace_back(env);
  // Longest first, so a secret that contains another is removed whole.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string Redactor::operator()(std::string_view text) const {
  std::string out(text);
  // URLs anywhere in the text: scheme://user:secret@ -> scheme://user:***@
  static const std::regex uri(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):[^@/\s]*@)");
  out = std::regex_replace(out, uri, "$1:***@");
  static const std::regex param(R"(([?&]password=)[^&\s"]*)");
  out = std::regex_replace(out, param, "$1***");
  static const std::regex kv(R"((^|\s)(password\s*=\s*)('([^'\\]|\\.)*'|[^\s"]*))");
  out = std::regex_replace(out, kv, "$1$2***");
  for (const std::string& s : secrets_) {
    if (s.size() >= kMinLiteralSecret) replace_all(out, s, "***");
  }
  return out;
}

}  // namespace migrac::db

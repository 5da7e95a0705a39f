#include "runtime/db/redact.h"

#include <algorithm>
#include <cstdlib>

#include "runtime/config/password_text.h"

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

namespace pt = password_text;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether a URL scheme ends just before `p` (a "://" there), starting at or
// after `from`: a run of scheme characters holding a letter that can begin it.
bool scheme_before(std::string_view s, std::size_t p, std::size_t from) {
  bool letter = false;
  for (std::size_t k = p; k > from && pt::is_scheme_char(s[k - 1]); --k) {
    letter = letter || is_letter(s[k - 1]);
  }
  return letter;
}

// The value of `password = ...` at `v`: [begin, end) of the text replaced,
// and of the password itself (without quotes).
struct Value {
  std::size_t end;
  std::size_t inner_begin, inner_end;
};
Value value_at(std::string_view s, std::size_t v, std::string_view bare_stops) {
  if (v < s.size() && s[v] == '\'') {
    std::size_t end = pt::quoted_end(s, v);
    if (end != std::string_view::npos) return {end, v + 1, end - 1};
  }
  std::size_t end = pt::bare_end(s, v, bare_stops);
  return {end, v, end};
}

// "password" at `i` begins a word (the text's start or after whitespace not
// before `from`).
bool password_word_at(std::string_view s, std::size_t i, std::size_t from) {
  if (i == 0) return from == 0;
  return i - 1 >= from && pt::is_space(s[i - 1]);
}

}  // namespace

std::string password_of(const std::string& url) {
  std::string_view s = url;
  auto scheme_end = url.find("://");
  if (scheme_end != std::string::npos) {
    std::size_t start = scheme_end + 3;
    // libpq ends the user info at the first '@' or '/'.
    std::size_t end = url.find_first_of("@/", start);
    if (end != std::string::npos && url[end] == '@') {
      std::string userinfo = url.substr(start, end - start);
      if (auto colon = userinfo.find(':'); colon != std::string::npos)
        return userinfo.substr(colon + 1);
    }
    // ?password=... or &password=...
    for (std::size_t i = s.find("password="); i != std::string_view::npos;
         i = s.find("password=", i + 1)) {
      if (i == 0 || (s[i - 1] != '?' && s[i - 1] != '&')) continue;
      std::size_t v = i + 9;
      return url.substr(v, std::min(s.find('&', v), s.size()) - v);
    }
    return {};
  }
  // A key=value string: password=... or password='...'.
  for (std::size_t i = s.find("password"); i != std::string_view::npos;
       i = s.find("password", i + 1)) {
    if (!password_word_at(s, i, 0)) continue;
    std::size_t v = pt::value_after_password(s, i);
    if (v == std::string_view::npos) continue;
    Value value = value_at(s, v, "");
    return url.substr(value.inner_begin, value.inner_end - value.inner_begin);
  }
  return {};
}

Redactor::Redactor(const std::string& url) {
  std::string pw = password_of(url);
  for (std::string s : {pw, percent_decode(pw)}) {
    if (!s.empty()) secrets_.push_back(s);
  }
  for (const char* name : {"PGPASSWORD", "MYSQL_PWD"}) {
    if (const char* env = std::getenv(name); env && *env) secrets_.emplace_back(env);
  }
  // Longest first, so a secret that contains another is removed whole.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string Redactor::operator()(std::string_view text) const {
  std::string out(text);
  constexpr auto npos = std::string::npos;
  // URLs anywhere in the text: scheme://user:secret@ -> scheme://user:***@
  for (std::size_t p, next = 0, from = 0; (p = out.find("://", next)) != npos;) {
    next = p + 1;
    if (!scheme_before(out, p, from)) continue;
    std::size_t colon = pt::bare_end(out, p + 3, ":/@");
    if (colon >= out.size() || out[colon] != ':') continue;
    std::size_t at = pt::bare_end(out, colon + 1, "@/");
    if (at >= out.size() || out[at] != '@') continue;
    out.replace(colon + 1, at - colon - 1, "***");
    next = from = colon + 5;  // just past the '@'
  }
  // ?password=secret -> ?password=***
  for (std::size_t i, next = 0, from = 0; (i = out.find("password=", next)) != npos;) {
    next = i + 1;
    if (i == 0 || i - 1 < from || (out[i - 1] != '?' && out[i - 1] != '&')) continue;
    std::size_t v = i + 9;
    out.replace(v, pt::bare_end(out, v, "&\"") - v, "***");
    next = from = v + 3;
  }
  // password=secret and password='secret' (key=value strings) -> password=***
  for (std::size_t i, next = 0, from = 0; (i = out.find("password", next)) != npos;) {
    next = i + 1;
    if (!password_word_at(out, i, from)) continue;
    std::size_t v = pt::value_after_password(out, i);
    if (v == npos) continue;
    out.replace(v, value_at(out, v, "\"").end - v, "***");
    next = from = v + 3;
  }
  for (const std::string& s : secrets_) {
    if (s.size() >= kMinLiteralSecret) replace_all(out, s, "***");
  }
  return out;
}

}  // namespace migrac::db

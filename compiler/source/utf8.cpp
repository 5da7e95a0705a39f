// Strict UTF-8 validation and the `\xNN` escaping of invalid bytes (utf8.h).

#include "compiler/source/utf8.h"

namespace migrac {

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : static_cast<unsigned char>(0);
  };
  unsigned char c = at(0);
  if (c < 0x80) return 1;
  // The range the second byte must be in, which rules out overlong forms,
  // surrogates and code points above U+10FFFF; later bytes are 80..BF.
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (in(c, 0xC2, 0xDF)) {
    n = 2;
  } else if (c == 0xE0) {
    n = 3, lo = 0xA0;
  } else if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) {
    n = 3;
  } else if (c == 0xED) {
    n = 3, hi = 0x9F;
  } else if (c == 0xF0) {
    n = 4, lo = 0x90;
  } else if (in(c, 0xF1, 0xF3)) {
    n = 4;
  } else if (c == 0xF4) {
    n = 4, hi = 0x8F;
  } else {
    return 0;  // 80..C1 and F5..FF never start a sequence
  }
  if (i + n > s.size() || !in(at(1), lo, hi)) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (!in(at(k), 0x80, 0xBF)) return 0;
  }
  return n;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string escape_invalid_utf8(std::string_view s) {
  if (valid_utf8(s)) return std::string(s);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence_length(s, i);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
    ++i;
  }
  return out;
}

}  // namespace migrac

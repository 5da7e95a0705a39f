// Positions in raw SQL text for the linter (see sql_text.h).

#include "compiler/lint/sql_text.h"

#include <cctype>

#include "compiler/source/sql_scan.h"

namespace migrac::lint {

namespace {

using source::SqlScanner;
using source::SqlToken;
using source::SqlTokenKind;

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

}  // namespace

std::uint32_t skip_blank(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  return u32(source::skip_space_and_comments(text.substr(0, end), begin));
}

std::vector<SqlWord> sql_words(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::string_view part = text.substr(0, end);
  std::vector<SqlWord> words;
  for (SqlScanner s(part, begin); !s.done();) {
    SqlToken t = s.next();
    if (t.kind == SqlTokenKind::QuotedName) {
      words.push_back({source::unquote_name(t.text(part)), u32(t.begin), u32(t.end)});
    } else if (t.kind == SqlTokenKind::Word) {
      std::string w;
      for (char c : t.text(part))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      words.push_back({std::move(w), u32(t.begin), u32(t.end)});
    } else if (t.is_punct('(', part) || t.is_punct(')', part) || t.is_punct(',', part)) {
      words.push_back({std::string(t.text(part)), u32(t.begin), u32(t.end)});
    }
  }
  return words;
}

std::uint32_t clause_end(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::string_view part = text.substr(0, end);
  int depth = 0;
  std::size_t last = begin;
  for (SqlScanner s(part, begin); !s.done();) {
    SqlToken t = s.next();
    if (t.is_blank()) continue;
    if (t.is_punct('(', part)) ++depth;
    if (t.is_punct(')', part)) {
      if (depth == 0) break;
      --depth;
    }
    if (depth == 0 && (t.is_punct(',', part) || t.is_punct(';', part))) break;
    last = t.end;
  }
  return u32(last);
}

namespace {

std::string lower(std::string_view word) {
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// Whether the word `next` continues a type name whose words so far are
// `words` (lower case): `character varying`, `double precision`,
// `timestamp(3) with time zone`.
bool continues_type(const std::vector<std::string>& words, std::string_view next) {
  if (words.empty()) return false;
  std::string_view first = words.front();
  std::string_view last = words.back();
  bool zoned = first == "time" || first == "timestamp";
  if (next == "varying")
    return last == "character" || last == "char" || last == "bit" || last == "nchar";
  if (next == "character" || next == "char") return last == "national";
  if (next == "precision") return last == "double";
  if (next == "with" || next == "without") return zoned && words.size() == 1;
  if (next == "time") return zoned && (last == "with" || last == "without");
  if (next == "zone") return zoned && last == "time" && words.size() > 1;
  return false;
}

}  // namespace

std::uint32_t type_end(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::string_view part = text.substr(0, end);
  SqlScanner s(part, begin);
  // The name: words, quoted names and dots, written together.
  std::size_t name_end = begin;
  std::vector<std::string> words;  // the words of the name, lower case
  while (!s.done()) {
    SqlToken t = s.peek();
    bool part_of_name = t.kind == SqlTokenKind::Word || t.kind == SqlTokenKind::QuotedName ||
                        t.is_punct('.', part);
    if (!part_of_name) break;
    name_end = s.next().end;
    if (t.is_punct('.', part)) words.clear();
    else words.push_back(lower(t.text(part)));
  }
  // Then, in any order: the words of a type written in several
  // (`varying`, `with time zone`), a parenthesized modifier list and array
  // brackets.
  for (std::size_t pos = s.pos();;) {
    SqlScanner look(part, pos);
    while (!look.done() && look.peek().kind == SqlTokenKind::Space) look.next();
    if (look.done()) break;
    SqlToken t = look.peek();
    if (t.kind == SqlTokenKind::Word && continues_type(words, lower(t.text(part)))) {
      words.push_back(lower(t.text(part)));
      name_end = look.next().end;
    } else if (t.is_punct('(', part) || t.is_punct('[', part)) {
      char close = t.is_punct('(', part) ? ')' : ']';
      int depth = 0;
      bool closed = false;
      while (!look.done()) {
        SqlToken u = look.next();
        if (u.is_punct(t.text(part)[0], part)) ++depth;
        if (u.is_punct(close, part) && --depth == 0) {
          name_end = u.end;
          closed = true;
          break;
        }
      }
      if (!closed) break;
    } else {
      break;
    }
    pos = look.pos();
  }
  return u32(name_end);
}

long find_phrase(const std::vector<SqlWord>& words, const std::vector<std::string_view>& phrase,
                 std::size_t from) {
  if (phrase.empty()) return -1;
  for (std::size_t i = from; i + phrase.size() <= words.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < phrase.size() && match; ++k) match = words[i + k].text == phrase[k];
    if (match) return static_cast<long>(i);
  }
  return -1;
}

}  // namespace migrac::lint

// The migration header reader (see headers.h).

#include "compiler/source/headers.h"

#include "compiler/source/sql_scan.h"

#include <algorithm>

namespace migrac::source {

namespace {

constexpr std::string_view kDirective = "migrac:";

// Blanks within a line.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

HeaderWord word_at(std::string_view text, std::size_t begin, std::size_t end) {
  return {text.substr(begin, end - begin), begin, end};
}

// The directive whose "migrac:" starts at `begin`, on a line ending at `line_end`.
RawDirective directive_at(std::string_view text, std::size_t begin, std::size_t line_end,
                          bool leading) {
  RawDirective d;
  d.begin = begin;
  d.leading = leading;
  std::size_t end = line_end;
  while (end > begin && is_blank(text[end - 1])) --end;
  d.end = end;
  std::size_t name_begin = begin + kDirective.size();
  while (name_begin < end && is_blank(text[name_begin])) ++name_begin;
  std::size_t name_end = name_begin;
  while (name_end < end && !is_blank(text[name_end])) ++name_end;
  d.name = word_at(text, name_begin, name_end);
  d.value_begin = name_end;
  while (d.value_begin < end && is_blank(text[d.value_begin])) ++d.value_begin;
  return d;
}

bool is_word(std::string_view text, const SqlToken& t, std::string_view keyword) {
  if (t.kind != SqlTokenKind::Word || t.end - t.begin != keyword.size()) return false;
  for (std::size_t k = 0; k < keyword.size(); ++k) {
    char c = text[t.begin + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != keyword[k]) return false;
  }
  return true;
}

}  // namespace

std::vector<RawDirective> raw_directives(std::string_view text) {
  std::vector<RawDirective> out;
  std::size_t i = 0;
  bool leading = true;
  while (i < text.size()) {
    std::size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::size_t start = i;
    while (start < line_end && is_blank(text[start])) ++start;
    if (start == line_end) {
      i = line_end + 1;
      continue;
    }
    if (text.compare(start, 2, "--") == 0) {
      std::size_t body = start + 2;
      while (body < line_end && is_blank(text[body])) ++body;
      if (text.compare(body, kDirective.size(), kDirective) == 0)
        out.push_back(directive_at(text, body, line_end, leading));
      i = line_end + 1;
      continue;
    }
    if (leading && text.compare(start, 2, "/*") == 0) {
      i = skip_comment(text, start, kPostgresRules);
      continue;
    }
    leading = false;  // the first statement: the leading comments end here
    i = line_end + 1;
  }
  return out;
}

std::vector<HeaderWord> directive_values(std::string_view text, const RawDirective& d) {
  std::vector<HeaderWord> out;
  std::size_t i = d.name.end;
  while (i < d.end) {
    while (i < d.end && (is_blank(text[i]) || text[i] == ',')) ++i;
    if (i >= d.end) break;
    std::size_t word_end = i;
    while (word_end < d.end && !is_blank(text[word_end]) && text[word_end] != ',') ++word_end;
    out.push_back(word_at(text, i, word_end));
    i = word_end;
  }
  return out;
}

bool raw_no_transaction(std::string_view text) {
  for (const RawDirective& d : raw_directives(text))
    if (d.leading && d.name.text == "no-transaction") return true;
  return false;
}

bool tool_no_transaction(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::size_t start = i;
    while (start < line_end && is_blank(text[start])) ++start;
    i = line_end + 1;
    if (start == line_end) continue;
    if (text.compare(start, 2, "--") != 0) return false;  // the first statement
    std::size_t body = start + 2;
    while (body < line_end && is_blank(text[body])) ++body;
    std::size_t end = line_end;
    while (end > body && is_blank(text[end - 1])) --end;
    std::string_view comment = text.substr(body, end - body);
    if (comment == "morph:nontransactional" || comment == "migrate:no-transaction") return true;
  }
  return false;
}

DbmateSections dbmate_sections(std::string_view text) {
  DbmateSections out;
  DbmateSection* open = nullptr;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::size_t start = i;
    while (start < line_end && is_blank(text[start])) ++start;
    std::size_t next = std::min(line_end + 1, text.size());
    if (text.compare(start, 2, "--") == 0) {
      std::size_t body = start + 2;
      while (body < line_end && is_blank(text[body])) ++body;
      std::string_view rest = text.substr(body, line_end - body);
      DbmateSection* section = nullptr;
      if (rest.rfind("migrate:up", 0) == 0) section = &out.up;
      if (rest.rfind("migrate:down", 0) == 0) section = &out.down;
      if (section != nullptr && !section->found) {
        if (open != nullptr) open->end = i;
        section->found = true;
        section->marker = i;
        section->begin = next;
        section->end = text.size();
        section->no_transaction = rest.find("transaction:false") != std::string_view::npos;
        open = section;
      }
    }
    i = line_end + 1;
  }
  return out;
}

std::optional<std::vector<std::string>> mig_parents(std::string_view text) {
  SqlScanner s(text, 0, kMigRules);
  std::vector<std::string> parents;
  // The header: `after` and `set` statements before the first operation.
  for (;;) {
    s.skip_blank();
    if (s.done()) return parents;
    SqlToken first = s.peek();
    if (is_word(text, first, "set")) {
      while (!s.done() && !s.next_solid().is_punct(';', text)) {}
      continue;
    }
    if (!is_word(text, first, "after")) break;
    s.next();
    for (;;) {
      s.skip_blank();
      SqlToken id = s.peek();
      if (id.kind != SqlTokenKind::Word) return std::nullopt;
      s.next();
      parents.emplace_back(id.text(text));
      s.skip_blank();
      if (s.done()) return std::nullopt;
      SqlToken sep = s.next();
      if (sep.is_punct(';', text)) break;
      if (!sep.is_punct(',', text)) return std::nullopt;
    }
  }
  // Below the header an `after` followed by a name could be a late clause
  // (`alter enum ... add value 'x' after 'y'` is followed by a string).
  while (!s.done()) {
    SqlToken t = s.next_solid();
    if (!is_word(text, t, "after")) continue;
    s.skip_blank();
    if (!s.done() && s.peek().kind == SqlTokenKind::Word) return std::nullopt;
  }
  return parents;
}

}  // namespace migrac::source

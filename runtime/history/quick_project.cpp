#include "runtime/history/quick_project.h"

#include "compiler/project/loader.h"
#include "compiler/syntax/parse.h"

namespace migrac::history {

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A lexical cursor over .mig text: comments, strings, quoted identifiers and
// dollar-quoted bodies are skipped whole, so words inside them never count.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }

  void skip_space() {
    while (i < s.size()) {
      char c = s[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i;
      } else if (s.substr(i, 2) == "--") {
        std::size_t nl = s.find('\n', i);
        i = nl == std::string_view::npos ? s.size() : nl + 1;
      } else if (s.substr(i, 2) == "/*") {
        std::size_t end = s.find("*/", i + 2);
        i = end == std::string_view::npos ? s.size() : end + 2;
      } else {
        return;
      }
    }
  }

  // The keyword `kw` (any case) as a whole word at the cursor.
  bool at_word(std::string_view kw) const {
    if (s.size() - i < kw.size()) return false;
    for (std::size_t k = 0; k < kw.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != kw[k]) return false;
    }
    return i + kw.size() == s.size() || !ident_char(s[i + kw.size()]);
  }

  std::string_view word() {
    std::size_t b = i;
    while (i < s.size() && ident_char(s[i])) ++i;
    return s.substr(b, i - b);
  }

  // Skips one token: a string, quoted identifier, dollar body, word or character.
  void skip_token() {
    char c = s[i];
    if (c == '\'' || c == '"') {
      for (++i; i < s.size(); ++i) {
        if (s[i] != c) continue;
        if (i + 1 < s.size() && s[i + 1] == c) {
          ++i;
          continue;
        }
        ++i;
        return;
      }
      return;
    }
    if (c == '$') {
      std::size_t j = i + 1;
      while (j < s.size() && ident_char(s[j]) && !(j == i + 1 && s[j] >= '0' && s[j] <= '9')) ++j;
      if (j < s.size() && s[j] == '$') {
        std::string_view tag = s.substr(i, j - i + 1);
        std::size_t end = s.find(tag, j + 1);
        i = end == std::string_view::npos ? s.size() : end + tag.size();
        return;
      }
    }
    if (ident_char(c)) {
      word();
      return;
    }
    ++i;
  }

  // Skips to just after the next ';' at statement level.
  void skip_statement() {
    while (!done()) {
      skip_space();
      if (done()) return;
      if (s[i] == ';') {
        ++i;
        return;
      }
      skip_token();
    }
  }
};

}  // namespace

std::optional<std::vector<std::string>> scan_mig_parents(std::string_view text) {
  Cursor c{text};
  std::vector<std::string> parents;
  // The header: `after` and `set` statements before the first operation.
  for (;;) {
    c.skip_space();
    if (c.done()) return parents;
    if (c.at_word("set")) {
      c.skip_statement();
      continue;
    }
    if (!c.at_word("after")) break;
    c.word();
    for (;;) {
      c.skip_space();
      std::string_view id = c.word();
      if (id.empty()) return std::nullopt;
      parents.emplace_back(id);
      c.skip_space();
      if (c.done()) return std::nullopt;
      if (c.s[c.i] == ';') {
        ++c.i;
        break;
      }
      if (c.s[c.i] != ',') return std::nullopt;
      ++c.i;
    }
  }
  // Below the header an `after` followed by a name could be a late clause
  // (`alter enum ... add value 'x' after 'y'` is followed by a string).
  while (!c.done()) {
    c.skip_space();
    if (c.done()) break;
    if (c.at_word("after")) {
      c.word();
      c.skip_space();
      if (!c.done() && ident_char(c.s[c.i])) return std::nullopt;
      continue;
    }
    c.skip_token();
  }
  return parents;
}

std::optional<Project> quick_project(const std::string& dir) {
  Project p;
  std::vector<MigrationFile> files = load_directory(dir, p.sources, p.diags);
  if (p.diags.has_errors()) return std::nullopt;
  p.migrations.reserve(files.size());
  for (const MigrationFile& f : files) {
    if (f.format != MigrationFormat::Mig) {
      p.migrations.push_back(parse_raw_sql(p.sources, f, p.diags));
      continue;
    }
    const SourceFile& src = p.sources[f.file];
    auto parents = scan_mig_parents(src.text);
    if (!parents) return std::nullopt;
    ast::Migration m;
    m.id = f.id;
    m.format = f.format;
    m.file = f.file;
    m.down_file = f.down_file;
    m.checksum = checksum_v1({src.text});
    for (std::string& id : *parents) m.parents.push_back(ast::Ident{std::move(id), false, {}});
    p.migrations.push_back(std::move(m));
  }
  if (p.diags.has_errors()) return std::nullopt;
  p.graph = build_graph(p.migrations, p.diags);
  if (!p.graph.valid || p.diags.has_errors()) return std::nullopt;
  return p;
}

}  // namespace migrac::history

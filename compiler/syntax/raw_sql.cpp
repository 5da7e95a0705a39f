// parse_raw_sql: a `<id>.up.sql` (and optional `<id>.down.sql`) migration. The
// leading comment block may carry `-- migrac:after a, b` and
// `-- migrac:no-transaction`; statements are split with PostgreSQL's own parser
// (libpg_query), whose syntax errors are reported with its own messages.
//
// libpg_query keeps its parser state in thread-local memory contexts, so calls
// from several threads at once are safe (tests/unit/syntax_raw_sql_test.cpp
// exercises that).

#include <fmt/format.h>
#include <pg_query.h>

#include <array>

#include "compiler/source/migration_file.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/sql_text.h"

namespace migrac {

namespace {

constexpr std::string_view kDirective = "migrac:";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Reads the `-- migrac:` directives of one file.
class HeaderReader {
 public:
  HeaderReader(const SourceSet& sources, int file, Diagnostics& diags, ast::Migration& m, bool up)
      : sources_(sources), file_(file), text_(sources[file].text), diags_(diags), m_(m), up_(up) {}

  void read() {
    std::size_t i = 0;
    bool leading = true;
    while (i < text_.size()) {
      std::size_t line_end = text_.find('\n', i);
      if (line_end == std::string_view::npos) line_end = text_.size();
      std::size_t start = i;
      while (start < line_end && is_blank(text_[start])) ++start;
      if (start == line_end) {
        i = line_end + 1;
        continue;
      }
      if (text_.compare(start, 2, "--") == 0) {
        std::size_t body = start + 2;
        while (body < line_end && is_blank(text_[body])) ++body;
        if (text_.compare(body, kDirective.size(), kDirective) == 0) {
          directive(body, line_end, leading);
        }
        i = line_end + 1;
        continue;
      }
      if (leading && text_.compare(start, 2, "/*") == 0) {
        i = syntax::skip_comment(text_, start);
        continue;
      }
      leading = false;  // the first statement: directives end here
      i = line_end + 1;
    }
  }

 private:
  SourceRange range(std::size_t begin, std::size_t end) const {
    return sources_.range(file_, static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(end));
  }

  void directive(std::size_t begin, std::size_t line_end, bool leading) {
    std::size_t end = line_end;
    while (end > begin && (is_blank(text_[end - 1]) || text_[end - 1] == '\r')) --end;
    std::size_t name_begin = begin + kDirective.size();
    while (name_begin < end && is_blank(text_[name_begin])) ++name_begin;
    std::size_t name_end = name_begin;
    while (name_end < end && !is_blank(text_[name_end])) ++name_end;
    std::string_view name = text_.substr(name_begin, name_end - name_begin);
    SourceRange whole = range(begin, end);
    // `-- migrac:allow <rule> <reason>` suppresses a lint finding; it may stand
    // above any statement of either file, and the linter reads it.
    if (name == "allow") return;
    if (!up_) {
      diags_.report(DiagKind::MisplacedHeader, whole,
                    "'-- migrac:' directives belong in the .up.sql file",
                    "move it to the leading comments of the .up.sql file");
      return;
    }
    if (!leading) {
      diags_.report(DiagKind::MisplacedHeader, whole,
                    fmt::format("'-- migrac:{}' is ignored after the first statement", name),
                    "move it to the comments at the top of the file");
      return;
    }
    if (name == "after") {
      after(name_end, end);
    } else if (name == "no-transaction") {
      if (name_end != end) {
        std::size_t extra = name_end;
        while (extra < end && is_blank(text_[extra])) ++extra;
        diags_.report(DiagKind::UnknownRawSqlDirective, range(extra, end),
                      "'-- migrac:no-transaction' takes no value");
      }
      m_.no_transaction = true;
    } else {
      diags_.report(DiagKind::UnknownRawSqlDirective, whole,
                    fmt::format("unknown directive '-- migrac:{}'", name),
                    did_you_mean(name, {"after", "no-transaction", "allow"}));
    }
  }

  // `a, b` (commas and/or spaces between ids).
  void after(std::size_t i, std::size_t end) {
    bool any = false;
    while (i < end) {
      while (i < end && (is_blank(text_[i]) || text_[i] == ',')) ++i;
      if (i >= end) break;
      std::size_t id_end = i;
      while (id_end < end && !is_blank(text_[id_end]) && text_[id_end] != ',') ++id_end;
      std::string_view id = text_.substr(i, id_end - i);
      bool valid = true;
      for (char c : id) valid = valid && is_id_char(c);
      if (!valid) {
        std::string_view stem = id.substr(0, id.find('.'));
        bool stem_valid = !stem.empty();
        for (char c : stem) stem_valid = stem_valid && is_id_char(c);
        diags_.report(
            DiagKind::InvalidMigrationId, range(i, id_end),
            fmt::format("'{}' is not a migration id: ids are letters, digits and '_'", id),
            stem_valid && stem.size() < id.size()
                ? fmt::format("write the id without the file extension: '{}'", stem)
                : std::string{});
      } else {
        m_.parents.push_back(ast::Ident{std::string(id), false, range(i, id_end)});
      }
      any = true;
      i = id_end;
    }
    if (!any) {
      diags_.report(DiagKind::InvalidMigrationId, range(end, end),
                    "'-- migrac:after' needs the ids of the parent migrations");
    }
  }

  const SourceSet& sources_;
  int file_;
  std::string_view text_;
  Diagnostics& diags_;
  ast::Migration& m_;
  bool up_;
};

// The end of the token PostgreSQL points at, for the range of its error.
std::size_t token_end(std::string_view text, std::size_t at) {
  if (at >= text.size()) return at;
  std::size_t end = at;
  while (end < text.size() &&
         (is_id_char(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80)) {
    ++end;
  }
  return end == at ? at + 1 : end;
}

// Splits one file into statements, reporting every statement PostgreSQL cannot
// parse: after an error, splitting resumes after the failing statement's ';'.
std::vector<ast::RawStatement> split_statements(const SourceSet& sources, int file,
                                                Diagnostics& diags) {
  std::string_view text = sources[file].text;
  auto range = [&](std::size_t b, std::size_t e) {
    return sources.range(file, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
  };
  std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diags.report(DiagKind::RawSqlSyntaxError, range(nul, nul + 1),
                 "a NUL byte in a SQL file: the rest of the file is ignored");
    text = text.substr(0, nul);
  }
  std::vector<ast::RawStatement> statements;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::string chunk(text.substr(pos));
    PgQuerySplitResult r = pg_query_split_with_parser(chunk.c_str());
    if (r.error == nullptr) {
      for (int k = 0; k < r.n_stmts; ++k) {
        std::size_t loc = pos + static_cast<std::size_t>(r.stmts[k]->stmt_location);
        std::size_t end = loc + static_cast<std::size_t>(r.stmts[k]->stmt_len);
        if (r.stmts[k]->stmt_len == 0) end = text.size();
        std::size_t begin = syntax::skip_space_and_comments(text, loc);
        while (end > begin && (is_blank(text[end - 1]) || text[end - 1] == '\n')) --end;
        if (begin >= end) continue;
        statements.push_back(
            ast::RawStatement{std::string(text.substr(begin, end - begin)), range(begin, end)});
      }
      pg_query_free_split_result(r);
      break;
    }
    std::size_t at = pos + syntax::char_pos_to_offset(chunk, r.error->cursorpos);
    if (r.error->cursorpos <= 0) at = syntax::skip_space_and_comments(text, pos);
    diags.report(DiagKind::RawSqlSyntaxError, range(at, token_end(text, at)), r.error->message);
    pg_query_free_split_result(r);
    std::size_t semi = syntax::next_semicolon(text, at);
    if (semi >= text.size()) break;
    pos = semi + 1;
  }
  return statements;
}

}  // namespace

ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file,
                             Diagnostics& diags) {
  ast::Migration m;
  m.id = file.id;
  m.format = MigrationFormat::RawSql;
  m.file = file.file;
  m.down_file = file.down_file;
  std::string_view up = sources[file.file].text;
  std::size_t first_line_end = up.find('\n');
  if (first_line_end == std::string_view::npos) first_line_end = up.size();
  m.id_range = sources.range(file.file, 0, static_cast<std::uint32_t>(first_line_end));

  Diagnostics local;
  HeaderReader(sources, file.file, local, m, true).read();
  m.raw_up = split_statements(sources, file.file, local);
  if (file.down_file >= 0) {
    HeaderReader(sources, file.down_file, local, m, false).read();
    m.raw_down = split_statements(sources, file.down_file, local);
    m.checksum = checksum_v1({up, sources[file.down_file].text});
  } else {
    m.checksum = checksum_v1({up});
  }
  local.sort();
  diags.append(local);
  return m;
}

}  // namespace migrac

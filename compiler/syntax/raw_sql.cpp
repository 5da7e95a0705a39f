// parse_raw_sql: a `<id>.up.sql` (and optional `<id>.down.sql`) migration. The
// leading comment block may carry `-- migrac:after a, b` and
// `-- migrac:no-transaction` (read by source/headers.h, checked here);
// statements are split with PostgreSQL's own parser (pgsql/split.h), whose
// syntax errors are reported with its own messages.

#include <algorithm>

#include <fmt/format.h>

#include "compiler/pgsql/split.h"
#include "compiler/source/headers.h"
#include "compiler/source/migration_file.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/raw_sql_tool.h"

namespace migrac {

namespace {

bool is_id_char(char c, bool tool_ids) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (tool_ids && (c == '.' || c == '-'));
}

// Reads the `-- migrac:` directives of one file.
class HeaderReader {
 public:
  HeaderReader(const SourceSet& sources, int file, Diagnostics& diags, ast::Migration& m, bool up,
               bool tool_ids)
      : sources_(sources),
        file_(file),
        text_(sources[file].text),
        diags_(diags),
        m_(m),
        up_(up),
        tool_ids_(tool_ids) {}

  void read() {
    for (const source::RawDirective& d : source::raw_directives(text_)) directive(d);
  }

 private:
  SourceRange range(std::size_t begin, std::size_t end) const {
    return sources_.range(file_, static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(end));
  }

  void directive(const source::RawDirective& d) {
    std::string_view name = d.name.text;
    SourceRange whole = range(d.begin, d.end);
    // `-- migrac:allow <rule> <reason>` suppresses a lint finding; it may stand
    // above any statement of either file, and the linter reads it.
    if (name == "allow") return;
    if (!up_) {
      diags_.report(DiagKind::MisplacedHeader, whole,
                    "'-- migrac:' directives belong in the .up.sql file",
                    "move it to the leading comments of the .up.sql file");
      return;
    }
    if (!d.leading) {
      diags_.report(DiagKind::MisplacedHeader, whole,
                    fmt::format("'-- migrac:{}' is ignored after the first statement", name),
                    "move it to the comments at the top of the file");
      return;
    }
    if (name == "after") {
      after(d);
    } else if (name == "no-transaction") {
      if (d.value_begin != d.end) {
        diags_.report(DiagKind::UnknownRawSqlDirective, range(d.value_begin, d.end),
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
  void after(const source::RawDirective& d) {
    std::vector<source::HeaderWord> ids = source::directive_values(text_, d);
    for (const source::HeaderWord& w : ids) {
      std::string_view id = w.text;
      bool valid = true;
      for (char c : id) valid = valid && is_id_char(c, tool_ids_);
      if (!valid) {
        std::string_view stem = id.substr(0, id.find('.'));
        bool stem_valid = !stem.empty();
        for (char c : stem) stem_valid = stem_valid && is_id_char(c, false);
        diags_.report(DiagKind::InvalidMigrationId, range(w.begin, w.end),
                      fmt::format("'{}' is not a migration id: ids are letters, digits and '_'",
                                  id),
                      stem_valid && stem.size() < id.size()
                          ? fmt::format("write the id without the file extension: '{}'", stem)
                          : std::string{});
      } else {
        m_.parents.push_back(ast::Ident{std::string(id), false, range(w.begin, w.end)});
      }
    }
    if (ids.empty()) {
      diags_.report(DiagKind::InvalidMigrationId, range(d.end, d.end),
                    "'-- migrac:after' needs the ids of the parent migrations");
    }
  }

  const SourceSet& sources_;
  int file_;
  std::string_view text_;
  Diagnostics& diags_;
  ast::Migration& m_;
  bool up_;
  bool tool_ids_;
};

// Splits one file into statements, reporting every statement PostgreSQL cannot
// parse (see pgsql::split).
// `section` bounds the statements (a dbmate section); offsets stay the file's.
std::vector<ast::RawStatement> split_statements(const SourceSet& sources, int file,
                                                TextSection section, Diagnostics& diags) {
  std::string_view whole = sources[file].text;
  std::size_t begin = std::min(section.begin, whole.size());
  std::string_view text = whole.substr(begin, section.end == std::string::npos
                                                  ? std::string_view::npos
                                                  : section.end - begin);
  auto range = [&](std::size_t b, std::size_t e) {
    return sources.range(file, static_cast<std::uint32_t>(begin + b),
                         static_cast<std::uint32_t>(begin + e));
  };
  std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diags.report(DiagKind::RawSqlSyntaxError, range(nul, nul + 1),
                 "a NUL byte in a SQL file: the rest of the file is ignored");
    text = text.substr(0, nul);
  }
  pgsql::SplitSql split = pgsql::split(text);
  for (const pgsql::SplitError& e : split.errors)
    diags.report(DiagKind::RawSqlSyntaxError, range(e.begin, e.end), e.message);
  std::vector<ast::RawStatement> statements;
  statements.reserve(split.statements.size());
  for (const pgsql::StatementSpan& s : split.statements)
    statements.push_back(ast::RawStatement{std::string(text.substr(s.begin, s.end - s.begin)),
                                           range(s.begin, s.end)});
  return statements;
}

}  // namespace

ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file,
                             Diagnostics& diags) {
  return parse_raw_sql(sources, file, ToolFacts{}, diags);
}

ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file,
                             const ToolFacts& facts, Diagnostics& diags) {
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
  HeaderReader(sources, file.file, local, m, true, facts.tool_ids).read();
  m.raw_up = split_statements(sources, file.file, facts.up, local);
  if (file.down_file >= 0 && file.down_file != file.file) {
    HeaderReader(sources, file.down_file, local, m, false, facts.tool_ids).read();
    m.raw_down = split_statements(sources, file.down_file, facts.down, local);
    m.checksum = checksum_v1({up, sources[file.down_file].text});
  } else {
    // One file (dbmate's, holding both directions) or no down.
    if (file.down_file >= 0)
      m.raw_down = split_statements(sources, file.down_file, facts.down, local);
    m.checksum = checksum_v1({up});
  }
  if (facts.no_transaction) m.no_transaction = true;
  // Another tool's migration without `-- migrac:after`: after the one before it.
  if (m.parents.empty() && !facts.implied_parent.empty())
    m.parents.push_back(ast::Ident{facts.implied_parent, false, m.id_range});
  local.sort();
  diags.append(local);
  return m;
}

}  // namespace migrac

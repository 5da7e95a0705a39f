#include "compiler/dialect/raw_body.h"

#include <fmt/format.h>

namespace migrac {

namespace {

// The text of a raw SQL body without surrounding blanks and trailing semicolons.
std::string trim_body(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && (blank(text.back()) || text.back() == ';')) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

std::optional<std::string> sql_body_for(const model::RawSql& sql, Dialect dialect,
                                        const SourceRange& source, Diagnostics& diags) {
  const ast::SqlBody* chosen = nullptr;
  std::vector<std::string> written;
  for (const ast::SqlBody& body : sql.bodies) {
    if (!body.dialect) {
      if (chosen == nullptr) chosen = &body;
      continue;
    }
    written.push_back(body.dialect->name);
    if (parse_dialect(body.dialect->name) == dialect) {
      chosen = &body;
      break;
    }
  }
  if (chosen != nullptr) return trim_body(chosen->text);
  std::string list;
  for (const std::string& w : written) list += (list.empty() ? "'" : ", '") + w + "'";
  std::string_view name = dialect_name(dialect);
  diags.report(DiagKind::SqlNoBodyForDialect, source,
               fmt::format("'sql' operation has no body for dialect '{}' (it has {})", name, list),
               fmt::format("add a '{} $$ ... $$' body, or a body without a dialect name", name));
  return std::nullopt;
}

}  // namespace migrac

// PostgreSQL's CREATE TABLE.

#include <fmt/format.h>

#include "compiler/dialect/postgres/internal.h"

namespace migrac::postgres {

EmittedStatement create_table(const model::Table& table) {
  const SqlBuilder& sql = builder();
  std::vector<std::string> lines;
  for (const model::Column& col : table.columns) lines.push_back(sql.column_def(col));
  LockFacts facts;  // a new table: nobody else can see it yet
  for (const model::Constraint& k : table.constraints) {
    lines.push_back(sql.constraint_def(k));
    if (k.kind == ast::ConstraintKind::ForeignKey && k.ref_table != table.name) {
      add_other(facts, kShareRowExclusive, k.ref_table);
    }
  }
  std::string body;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    body += fmt::format("  {}{}\n", lines[i], i + 1 < lines.size() ? "," : "");
  }
  return EmittedStatement{
      fmt::format("CREATE TABLE {} (\n{})", sql.ident(table.name), body), std::move(facts), {}};
}

}  // namespace migrac::postgres

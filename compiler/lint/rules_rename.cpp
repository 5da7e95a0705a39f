// Rule family "rename": renaming a table or column in one step breaks every
// running instance of the application that still uses the old name.
#include <fmt/format.h>

#include "compiler/lint/context.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

void register_rename_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintRenameTable, "rename-table", "rename", RuleScope::Both,
                 "A rename takes effect at once, but the application servers that run during "
                 "a deploy still use the old name: their queries fail until they are replaced.",
                 "Expand/contract: create the new table, write to both, backfill, switch the "
                 "readers, then drop the old table in a later migration. Or rename and leave a "
                 "view with the old name for one release.",
                 "renaming-table"});
  out.push_back({DiagKind::LintRenameColumn, "rename-column", "rename", RuleScope::Both,
                 "Running code still selects and inserts the old column name during the "
                 "deploy; every such query fails after the rename.",
                 "Expand/contract in three migrations: add the new column and backfill it "
                 "(application writes both), switch readers to the new column, then drop the "
                 "old one.",
                 "renaming-column"});
}

void check_rename(MigContext& ctx, const model::Change& change) {
  if (change.table_is_new) return;
  if (const auto* c = std::get_if<model::RenameTable>(&change.kind)) {
    ctx.report(DiagKind::LintRenameTable, change.source,
               fmt::format("renaming table {} to {} breaks running code that uses the old name",
                           in_quotes(c->from), in_quotes(c->to)),
               "expand/contract: create the new table, copy and dual-write, then drop the old "
               "one later");
    return;
  }
  if (const auto* c = std::get_if<model::RenameColumn>(&change.kind)) {
    ctx.report(DiagKind::LintRenameColumn, change.source,
               fmt::format("renaming column {} to {} breaks running code that uses the old name",
                           in_quotes(c->table, c->from), in_quotes(c->to)),
               "expand/contract: add the new column, backfill it, switch readers, then drop "
               "the old one");
  }
}

void check_rename(RawContext& ctx, const SqlStatement& stmt) {
  if (stmt.kind != "RenameStmt") return;
  pgsql::Node body = stmt.body;
  std::string table = relation_name(body["relation"]);
  if (ctx.is_new_table(table)) return;
  std::string_view kind = body.str("renameType");
  std::string to(body.str("newname"));
  if (kind == "OBJECT_TABLE") {
    ctx.report(DiagKind::LintRenameTable, ctx.phrase(stmt, {"rename", "to"}),
               fmt::format("renaming table {} to {} breaks running code that uses the old name",
                           in_quotes(table), in_quotes(to)),
               "expand/contract: create the new table, copy and dual-write, then drop the old "
               "one later");
  } else if (kind == "OBJECT_COLUMN") {
    std::string from(body.str("subname"));
    ctx.report(DiagKind::LintRenameColumn, ctx.span(stmt, {"rename"}, from, {"to"}),
               fmt::format("renaming column {} to {} breaks running code that uses the old name",
                           in_quotes(table, from), in_quotes(to)),
               "expand/contract: add the new column, backfill it, switch readers, then drop "
               "the old one");
  }
}

}  // namespace migrac::lint

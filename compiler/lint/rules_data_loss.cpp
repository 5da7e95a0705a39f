// Rule family "data loss": operations that delete data a downgrade cannot
// bring back (drop table, drop column, truncate, drop database), and drop not
// null, which lets null values reach code that never saw one.
#include <fmt/format.h>

#include "compiler/lint/context.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

void register_data_loss_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintDropTable, "drop-table", "data-loss", RuleScope::Both,
                 "Dropping a table deletes its rows. The derived downgrade recreates the table "
                 "from the schema model, but empty: the data is gone. Code that still reads the "
                 "table fails as soon as the migration runs.",
                 "Contract in steps: stop reading and writing the table in the application, "
                 "deploy, keep a backup (or rename the table and drop it a release later), then "
                 "drop it with `-- migrac:allow drop-table <reason>` above the operation.",
                 "ban-drop-table"});
  out.push_back({DiagKind::LintDropColumn, "drop-column", "data-loss", RuleScope::Both,
                 "Dropping a column deletes its data; a downgrade recreates the column empty. "
                 "Running code that still selects or inserts the column fails.",
                 "Expand/contract: stop using the column in the application and deploy first, "
                 "then drop it in a later migration with `-- migrac:allow drop-column <reason>`.",
                 "ban-drop-column"});
  out.push_back({DiagKind::LintDropNotNull, "drop-not-null", "data-loss", RuleScope::Both,
                 "Dropping `not null` lets null values in; readers written against the old "
                 "schema may not handle them.",
                 "Make every reader null-safe first. This is the normal first step of an "
                 "expand/contract change; suppress it there with a reason.",
                 "ban-drop-not-null"});
  out.push_back({DiagKind::LintTruncate, "truncate", "data-loss", RuleScope::RawSql,
                 "TRUNCATE deletes every row under an ACCESS EXCLUSIVE lock; with CASCADE it "
                 "also empties every table that references it through a foreign key, "
                 "recursively.",
                 "Delete the rows you mean with a `backfill`-style batched DELETE and a WHERE "
                 "clause; never use CASCADE in a migration.",
                 "ban-truncate-cascade"});
  out.push_back({DiagKind::LintDropDatabase, "drop-database", "data-loss", RuleScope::RawSql,
                 "A migration runs against one database; dropping a database from it deletes "
                 "everything in it and cannot be reversed.",
                 "Drop databases by hand, outside the migration history.", "ban-drop-database"});
}

void check_data_loss(MigContext& ctx, const model::Change& change) {
  if (change.table_is_new) return;
  if (const auto* c = std::get_if<model::DropTable>(&change.kind)) {
    ctx.report(DiagKind::LintDropTable, change.source,
               fmt::format("dropping table {} deletes its rows; a downgrade recreates it empty",
                           in_quotes(c->table.name)),
               "stop using the table in running code and keep a backup first; then write "
               "'-- migrac:allow drop-table <reason>' above this line");
    return;
  }
  if (const auto* c = std::get_if<model::DropColumn>(&change.kind)) {
    ctx.report(DiagKind::LintDropColumn, change.source,
               fmt::format("dropping column {} deletes its data; a downgrade recreates it empty",
                           in_quotes(c->table, c->column.name)),
               "stop using the column in running code first (expand/contract); then write "
               "'-- migrac:allow drop-column <reason>' above this line");
    return;
  }
  if (const auto* c = std::get_if<model::DropNotNull>(&change.kind)) {
    ctx.report(DiagKind::LintDropNotNull, change.source,
               fmt::format("dropping not null on {} lets null reach readers that expect a value",
                           in_quotes(c->table, c->column)));
  }
}

void check_data_loss(RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  if (stmt.kind == "DropStmt" && body.str("removeType") == "OBJECT_TABLE") {
    for (pgsql::Node object : body["objects"]) {
      std::string name;
      for (pgsql::Node part : object.body()["items"]) {
        if (!name.empty()) name += ".";
        name += part.body().str("sval");
      }
      if (ctx.is_new_table(name)) continue;
      // DROP TABLE IF EXISTS of a table the model says is not there does nothing.
      if (body.flag("missing_ok") && ctx.table_absent(name)) continue;
      ctx.report(DiagKind::LintDropTable, ctx.statement(stmt),
                 fmt::format("dropping table {} deletes its rows", in_quotes(name)),
                 "stop using the table in running code and keep a backup first");
    }
    return;
  }
  if (stmt.kind == "AlterTableStmt") {
    std::string table = relation_name(body["relation"]);
    if (ctx.is_new_table(table)) return;
    for (pgsql::Node cmd_node : body["cmds"]) {
      pgsql::Node cmd = cmd_node.body();
      std::string_view subtype = cmd.str("subtype");
      std::string column(cmd.str("name"));
      if (subtype == "AT_DropColumn") {
        // A .down.sql dropping what its .up.sql added undoes it.
        if (ctx.down && ctx.added_columns.count(table + "." + column)) continue;
        ctx.report(DiagKind::LintDropColumn, ctx.span(stmt, {"drop"}, column),
                   fmt::format("dropping column {} deletes its data", in_quotes(table, column)),
                   "stop using the column in running code first (expand/contract)");
      } else if (subtype == "AT_DropNotNull") {
        ctx.report(DiagKind::LintDropNotNull,
                   ctx.span(stmt, {"alter"}, column, {"drop", "not", "null"}),
                   fmt::format("dropping not null on {} lets null reach readers that expect a "
                               "value",
                               in_quotes(table, column)));
      }
    }
    return;
  }
  if (stmt.kind == "TruncateStmt") {
    bool cascade = body.str("behavior") == "DROP_CASCADE";
    for (pgsql::Node rel : body["relations"]) {
      std::string table = relation_name(rel.body());
      if (ctx.is_new_table(table)) continue;
      ctx.report(DiagKind::LintTruncate, ctx.statement(stmt),
                 cascade ? fmt::format("truncate deletes every row of {} and, with cascade, of "
                                       "every table that references it",
                                       in_quotes(table))
                         : fmt::format("truncate deletes every row of {}", in_quotes(table)),
                 "delete the rows you mean in batches with a where clause");
    }
    return;
  }
  if (stmt.kind == "DropdbStmt") {
    ctx.report(DiagKind::LintDropDatabase, ctx.statement(stmt),
               fmt::format("a migration drops database {}", in_quotes(body.str("dbname"))),
               "drop databases by hand, outside the migration history");
  }
}

}  // namespace migrac::lint

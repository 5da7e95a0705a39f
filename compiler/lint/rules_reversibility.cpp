// Rule family "reversibility": what makes a migration impossible to undo or
// unsafe to re-run: raw SQL without a down, a backfill that is not idempotent,
// an enum value placed by accident, a non-transactional file whose statements
// fail when re-run after a partial failure, and a file that ends or nests the
// transaction migrac runs it in.
#include <fmt/format.h>

#include "compiler/lint/context.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

void register_reversibility_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintEnumValuePosition, "enum-value-position", "reversibility",
                 RuleScope::Both,
                 "Enum values compare in declaration order (`ORDER BY`, `<`). A value added "
                 "without `before`/`after` goes last, which is rarely where it belongs, and on "
                 "PostgreSQL it cannot be removed again: the position is permanent.",
                 "Say where the value sorts: `alter enum order_status add value 'refunded' "
                 "after 'paid';`.",
                 "require-enum-value-ordering"});
  out.push_back({DiagKind::LintIrreversibleSql, "irreversible-sql", "reversibility",
                 RuleScope::Both,
                 "migrac derives the downgrade of every operation from the schema model, except "
                 "raw SQL: a `sql` operation without a `down { }` block (or a `.up.sql` without "
                 "a `.down.sql`) makes the migration irreversible, and `migrac downgrade` "
                 "refuses to pass it.",
                 "Write the reverse: a `down { sql $$ ... $$; }` block in the .mig file, or a "
                 "`<id>.down.sql` beside the `.up.sql`.",
                 ""});
  out.push_back({DiagKind::LintBackfillWithoutWhere, "backfill-without-where", "reversibility",
                 RuleScope::Mig,
                 "A backfill runs in batches, each its own transaction, until no row matches its "
                 "`where`. Without a `where` that excludes the rows already done (one that reads "
                 "an assigned column), a run interrupted half-way starts again from the first "
                 "row, and every batch rewrites rows that were already right.",
                 "Filter on the target: `backfill articles set slug = lower(title) where slug is "
                 "null;`.",
                 ""});
  out.push_back({DiagKind::LintMissingIfExists, "missing-if-exists", "reversibility",
                 RuleScope::RawSql,
                 "A migration marked `-- migrac:no-transaction` commits statement by statement. "
                 "If it fails half-way, the runner retries it from the failed statement and a "
                 "re-run of the file repeats what already ran: a `CREATE` without `IF NOT "
                 "EXISTS` or a `DROP` without `IF EXISTS` then fails, and `ADD CONSTRAINT` or a "
                 "rename cannot be guarded at all (an `ADD CONSTRAINT` right after a `DROP "
                 "CONSTRAINT IF EXISTS` of the same name, in the same file, is re-runnable and "
                 "not reported).",
                 "Write `CREATE ... IF NOT EXISTS`, `DROP ... IF EXISTS`, `ADD COLUMN IF NOT "
                 "EXISTS`, and move unguardable statements to a transactional migration. For "
                 "`CREATE INDEX CONCURRENTLY IF NOT EXISTS`, drop an INVALID index left by a "
                 "failed build first (a .mig `create index` does this for you).",
                 "prefer-robust-stmts"});
  out.push_back({DiagKind::LintTransactionControl, "transaction-control", "reversibility",
                 RuleScope::RawSql,
                 "migrac runs a raw SQL migration in one transaction together with its history "
                 "row. A `BEGIN` inside it nests (PostgreSQL ignores it with a warning), and a "
                 "`COMMIT` ends migrac's transaction early, so a later failure leaves the "
                 "migration half-applied and unrecorded. In a non-transactional file, a "
                 "`BEGIN` without `COMMIT` leaves the transaction open.",
                 "Remove `BEGIN`/`COMMIT` from transactional files. In a file marked "
                 "`-- migrac:no-transaction`, close every `BEGIN` with `COMMIT`.",
                 "transaction-nesting, ban-uncommitted-transaction"});
}

namespace {

void columns_read(const ast::Expr& e, std::vector<std::string>& out) {
  if (e.kind == ast::ExprKind::Column) out.push_back(e.text);
  for (const ast::Expr& a : e.args) columns_read(a, out);
}

std::string join_quoted(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + in_quotes(n);
  return s;
}

}  // namespace

void check_reversibility(MigContext& ctx, const model::Change& change) {
  if (const auto* c = std::get_if<model::AddEnumValue>(&change.kind)) {
    if (c->neighbor) return;
    ctx.report(DiagKind::LintEnumValuePosition, change.source,
               fmt::format("value {} is added to enum {} without 'before' or 'after': it sorts "
                           "last, permanently",
                           in_quotes(c->value), in_quotes(c->type)),
               fmt::format("say where it sorts: add value '{}' after '...'", c->value));
    return;
  }
  if (std::holds_alternative<model::RawSql>(change.kind)) {
    if (ctx.migration.down) return;
    ctx.report(DiagKind::LintIrreversibleSql, change.source,
               fmt::format("sql without a 'down' block makes migration {} irreversible",
                           in_quotes(ctx.migration.id)),
               "add a 'down { sql $$ ... $$; }' block that undoes it");
    return;
  }
  if (const auto* c = std::get_if<model::Backfill>(&change.kind)) {
    std::vector<std::string> assigned;
    for (const ast::Assignment& a : c->assignments) assigned.push_back(a.column.name);
    if (!c->where) {
      ctx.report(DiagKind::LintBackfillWithoutWhere, change.source,
                 fmt::format("backfill of {} has no 'where': a re-run updates every row again",
                             in_quotes(c->table)),
                 fmt::format("filter out the rows already done, e.g. 'where {} is null'",
                             assigned.empty() ? "..." : assigned.front()));
      return;
    }
    std::vector<std::string> read;
    columns_read(*c->where, read);
    for (const std::string& r : read) {
      for (const std::string& a : assigned) {
        if (r == a) return;
      }
    }
    ctx.report(DiagKind::LintBackfillWithoutWhere,
               c->where->range.valid() ? c->where->range : change.source,
               fmt::format("the 'where' of this backfill does not read {}: rows already updated "
                           "still match, so a re-run does them again",
                           join_quoted(assigned)),
               fmt::format("filter out the rows already done, e.g. 'where {} is null'",
                           assigned.empty() ? "..." : assigned.front()));
  }
}

namespace {

void report_unguarded(RawContext& ctx, const SqlStatement& stmt, SourceRange at,
                      std::string_view what, std::string_view guard) {
  if (guard.empty()) {
    ctx.report(DiagKind::LintMissingIfExists, at,
               fmt::format("{} cannot be guarded against a re-run, and this migration is not "
                           "transactional",
                           what),
               "move it to a transactional migration");
    return;
  }
  (void)stmt;
  ctx.report(DiagKind::LintMissingIfExists, at,
             fmt::format("{} without '{}' fails when this non-transactional migration is re-run",
                         what, guard),
             fmt::format("write '{}'", guard));
}

std::string_view drop_what(std::string_view kind) {
  if (kind == "OBJECT_TABLE") return "drop table";
  if (kind == "OBJECT_INDEX") return "drop index";
  if (kind == "OBJECT_TYPE") return "drop type";
  if (kind == "OBJECT_VIEW") return "drop view";
  if (kind == "OBJECT_SEQUENCE") return "drop sequence";
  if (kind == "OBJECT_SCHEMA") return "drop schema";
  if (kind == "OBJECT_EXTENSION") return "drop extension";
  if (kind == "OBJECT_FUNCTION") return "drop function";
  if (kind == "OBJECT_TRIGGER") return "drop trigger";
  return "drop";
}

void check_rerunnable(RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  std::string_view t = stmt.kind;
  SourceRange at = ctx.statement(stmt);
  if (t == "CreateStmt" && !body.flag("if_not_exists")) {
    report_unguarded(ctx, stmt, at, "create table", "if not exists");
  } else if (t == "IndexStmt" && !body.flag("if_not_exists")) {
    report_unguarded(ctx, stmt, at, "create index", "if not exists");
  } else if ((t == "CreateSeqStmt" || t == "CreateExtensionStmt") && !body.flag("if_not_exists")) {
    report_unguarded(ctx, stmt, at, t == "CreateSeqStmt" ? "create sequence" : "create extension",
                     "if not exists");
  } else if (t == "CreateSchemaStmt" && !body.flag("if_not_exists")) {
    report_unguarded(ctx, stmt, at, "create schema", "if not exists");
  } else if (t == "DropStmt" && !body.flag("missing_ok")) {
    report_unguarded(ctx, stmt, at, drop_what(body.str("removeType")), "if exists");
  } else if (t == "RenameStmt") {
    report_unguarded(ctx, stmt, at, "a rename", "");
  } else if (t == "CreateEnumStmt") {
    report_unguarded(ctx, stmt, at, "create type ... as enum", "");
  } else if (t == "AlterTableStmt") {
    std::string table = relation_name(body["relation"]);
    for (pgsql::Node cmd_node : body["cmds"]) {
      pgsql::Node cmd = cmd_node.body();
      std::string_view sub = cmd.str("subtype");
      bool guarded = cmd.flag("missing_ok");
      if (sub == "AT_AddColumn" && !guarded) {
        pgsql::Node def = cmd["def"]["ColumnDef"];
        report_unguarded(ctx, stmt, ctx.clause_at(def.location(), stmt), "add column",
                         "if not exists");
      } else if (sub == "AT_DropColumn" && !guarded) {
        report_unguarded(ctx, stmt, ctx.span(stmt, {"drop"}, cmd.str("name")), "drop column",
                         "if exists");
      } else if (sub == "AT_DropConstraint" && !guarded) {
        report_unguarded(ctx, stmt, ctx.span(stmt, {"drop"}, cmd.str("name")), "drop constraint",
                         "if exists");
      } else if (sub == "AT_DropConstraint") {
        ctx.dropped_if_exists.insert(table + "." + std::string(cmd.str("name")));
      } else if (sub == "AT_AddConstraint") {
        pgsql::Node con = cmd["def"]["Constraint"];
        // A DROP CONSTRAINT IF EXISTS of the same name before it makes it re-runnable.
        std::string_view name = con.str("conname");
        if (!name.empty() && ctx.dropped_if_exists.erase(table + "." + std::string(name))) continue;
        report_unguarded(ctx, stmt, ctx.clause_at(con.location(), stmt), "add constraint", "");
      }
    }
  }
}

}  // namespace

void check_reversibility(RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  if (stmt.kind == "AlterEnumStmt") {
    std::string_view value = body.str("newVal");
    if (!value.empty() && body.str("oldVal").empty() && body.str("newValNeighbor").empty()) {
      ctx.report(DiagKind::LintEnumValuePosition, ctx.statement(stmt),
                 fmt::format("value {} is added to enum {} without before or after: it sorts "
                             "last, permanently",
                             in_quotes(value), in_quotes(last_name(body["typeName"]))),
                 fmt::format("say where it sorts: add value '{}' after '...'", value));
    }
  }
  if (stmt.kind == "TransactionStmt") {
    std::string_view kind = body.str("kind");
    bool opens = kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START";
    bool closes = kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK";
    if (ctx.transactional && (opens || closes)) {
      ctx.report(DiagKind::LintTransactionControl, ctx.statement(stmt),
                 opens ? "begin inside a migration that migrac already runs in a transaction"
                       : "this ends the transaction migrac runs the migration in: a later "
                         "failure leaves it half-applied",
                 "remove it, or mark the file '-- migrac:no-transaction'");
    } else if (!ctx.transactional && opens && ctx.in_explicit_transaction) {
      ctx.report(DiagKind::LintTransactionControl, ctx.statement(stmt),
                 "begin inside a transaction that is already open",
                 "commit the open transaction first");
    } else if (!ctx.transactional && closes && !ctx.in_explicit_transaction) {
      ctx.report(DiagKind::LintTransactionControl, ctx.statement(stmt),
                 "commit or rollback without a transaction to end", "remove it");
    }
    return;
  }
  if (!ctx.in_transaction()) check_rerunnable(ctx, stmt);
}

void check_raw_file(RawContext& ctx, const ast::Migration& migration) {
  if (!ctx.transactional && ctx.in_explicit_transaction) {
    ctx.report(DiagKind::LintTransactionControl, ctx.explicit_begin,
               "this transaction is never committed or rolled back", "end it with commit");
  }
  if (migration.down_file < 0 && !ctx.down) {
    const SourceFile& f = ctx.sources[ctx.file];
    std::uint32_t end = f.line_starts.size() > 1 ? f.line_starts[1] - 1
                                                 : static_cast<std::uint32_t>(f.text.size());
    while (end > 0 && (f.text[end - 1] == '\r' || f.text[end - 1] == '\n')) --end;
    ctx.report(DiagKind::LintIrreversibleSql, ctx.range(0, end),
               fmt::format("raw SQL migration {} has no '{}.down.sql': it cannot be downgraded",
                           in_quotes(migration.id), migration.id),
               fmt::format("write '{}.down.sql' beside it", migration.id));
  }
}

}  // namespace migrac::lint

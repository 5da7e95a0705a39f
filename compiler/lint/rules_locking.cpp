// Rule family "locking": statements that hold a blocking lock on an existing
// table for as long as they scan it or build an index, statements PostgreSQL
// refuses inside a transaction, and raw SQL that takes locks without a
// lock_timeout (a waiting ALTER queues every later query behind it).
#include <fmt/format.h>

#include "compiler/lint/context.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

void register_locking_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintBlockingIndex, "blocking-index", "locking", RuleScope::Both,
                 "A plain `CREATE INDEX` holds a SHARE lock that blocks every write to the "
                 "table until the index is built; a plain `DROP INDEX` (and `REINDEX`) takes "
                 "an ACCESS EXCLUSIVE lock that blocks reads as well.",
                 "Leave online compilation on: migrac emits `CREATE INDEX CONCURRENTLY` / `DROP "
                 "INDEX CONCURRENTLY` in a non-transactional segment, with recovery from an "
                 "INVALID index. In raw SQL, write `CONCURRENTLY` in a file marked "
                 "`-- migrac:no-transaction`.",
                 "require-concurrent-index-creation, require-concurrent-index-deletion"});
  out.push_back({DiagKind::LintBlockingConstraint, "blocking-constraint", "locking",
                 RuleScope::Both,
                 "Adding a foreign key or check validates every row while it blocks writes (a "
                 "foreign key also locks the referenced table); adding a unique or primary key "
                 "builds its index under an ACCESS EXCLUSIVE lock.",
                 "Leave online compilation on: foreign keys and checks are added `NOT VALID` "
                 "and validated in a separate transaction (`VALIDATE CONSTRAINT` does not block "
                 "writes); unique and primary keys are built with `CREATE UNIQUE INDEX "
                 "CONCURRENTLY` and attached with `ADD CONSTRAINT ... USING INDEX`. In raw SQL, "
                 "write those statements.",
                 "constraint-missing-not-valid, adding-foreign-key-constraint, "
                 "disallowed-unique-constraint, adding-serial-primary-key-field"});
  out.push_back({DiagKind::LintConcurrentlyInTransaction, "concurrently-in-transaction", "locking",
                 RuleScope::RawSql,
                 "PostgreSQL refuses `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, "
                 "`REINDEX CONCURRENTLY` and `VACUUM` inside a transaction block: the migration "
                 "fails when it runs. In a raw `.up.sql`/`.down.sql` migration, which runs in "
                 "one transaction unless its header says `-- migrac:no-transaction`, `migrac "
                 "check` reports these and the other statements PostgreSQL refuses there as "
                 "error E0124; this rule covers the PostgreSQL bodies of `sql` operations.",
                 "Move the statement to its own migration whose header has "
                 "`-- migrac:no-transaction` (and make it re-runnable with `IF [NOT] EXISTS`), "
                 "or use a .mig `create index`, which migrac splits out by itself.",
                 "ban-concurrent-index-creation-in-transaction"});
  out.push_back({DiagKind::LintMissingLockTimeout, "missing-lock-timeout", "locking",
                 RuleScope::RawSql,
                 "A DDL statement that waits for its lock (behind a long query) blocks every "
                 "query that arrives after it, so a migration can take the application down "
                 "without ever running. `lock_timeout` makes it give up instead. migrac's runner "
                 "and scripts set it around every migration (setting `lock_timeout`, default "
                 "5s), raw ones included, so this is advice for raw files that are also run "
                 "by other means (psql, another tool).",
                 "Start the file with `SET lock_timeout = '5s';`.",
                 "require-lock-timeout, require-timeout-settings"});
  out.push_back({DiagKind::LintMissingStatementTimeout, "missing-statement-timeout", "locking",
                 RuleScope::RawSql,
                 "A statement that scans or rewrites a large table while holding a lock can "
                 "run far longer than planned; `statement_timeout` bounds it.",
                 "Set `SET statement_timeout = '...'` at the top of the file, sized for the "
                 "table (or `set statement_timeout` in migrac.ini).",
                 "require-statement-timeout, require-timeout-settings"});
  out.push_back({DiagKind::LintVacuumFull, "vacuum-full", "locking", RuleScope::RawSql,
                 "`VACUUM FULL` and `CLUSTER` rewrite the whole table under an ACCESS EXCLUSIVE "
                 "lock: no reads or writes until they finish.",
                 "Run plain `VACUUM` (no blocking lock), or an online repack tool such as "
                 "pg_repack, outside the migration history.",
                 ""});
}

namespace {

std::string lock_or(std::string lock, std::string_view fallback) {
  return lock.empty() ? std::string(fallback) : lock;
}

std::string_view constraint_word(ast::ConstraintKind kind) {
  switch (kind) {
    case ast::ConstraintKind::PrimaryKey: return "primary key";
    case ast::ConstraintKind::Unique: return "unique constraint";
    case ast::ConstraintKind::ForeignKey: return "foreign key";
    case ast::ConstraintKind::Check: return "check constraint";
  }
  return "constraint";
}

void report_blocking_constraint(MigContext& ctx, const model::Change& change,
                                const std::string& table, const model::Constraint& c) {
  std::string what = fmt::format("{} {}", constraint_word(c.kind), in_quotes(c.name));
  std::string lock = ctx.lock_of(change);
  std::string message;
  if (c.kind == ast::ConstraintKind::ForeignKey) {
    message = fmt::format(
        "adding {} scans {} and blocks writes to {} and {} ({} lock; online "
        "compilation is off)",
        what, in_quotes(table), in_quotes(table), in_quotes(c.ref_table),
        lock_or(lock, "SHARE ROW EXCLUSIVE"));
  } else if (c.kind == ast::ConstraintKind::Check) {
    message = fmt::format("adding {} scans {} under an {} lock (online compilation is off)", what,
                          in_quotes(table), lock_or(lock, "ACCESS EXCLUSIVE"));
  } else {
    message = fmt::format(
        "adding {} builds its index on {} under an {} lock (online "
        "compilation is off)",
        what, in_quotes(table), lock_or(lock, "ACCESS EXCLUSIVE"));
  }
  ctx.report(DiagKind::LintBlockingConstraint, change.source, std::move(message),
             "turn online compilation back on ('set online = true;' or drop '--no-online')");
}

bool has_option(pgsql::Node body, const char* list, std::string_view name) {
  for (pgsql::Node opt : body[list]) {
    if (opt.body().str("defname") == name) return true;
  }
  return false;
}

// Whether a statement PostgreSQL refuses inside a transaction block is one
// this rule reports: in a transaction, and not one `check` reports already.
bool refused_in_block(const RawContext& ctx) {
  return ctx.in_transaction() && !ctx.transaction_block_checked;
}

// Statements that lock an existing table (for missing-lock-timeout).
bool takes_table_lock(const RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  std::string_view t = stmt.kind;
  if (t == "AlterTableStmt" || t == "IndexStmt" || t == "RenameStmt") {
    return !ctx.is_new_table(relation_name(body["relation"]));
  }
  if (t == "DropStmt") {
    std::string_view kind = body.str("removeType");
    if (kind == "OBJECT_TABLE") {
      // Tables this migration created (in a .down.sql: its .up.sql) have no other users yet.
      for (pgsql::Node object : body["objects"]) {
        std::string name;
        for (pgsql::Node part : object.body()["items"]) {
          if (!name.empty()) name += ".";
          name += part.body().str("sval");
        }
        if (!ctx.is_new_table(name)) return true;
      }
      return false;
    }
    return kind == "OBJECT_INDEX" || kind == "OBJECT_VIEW" || kind == "OBJECT_MATVIEW" ||
           kind == "OBJECT_TRIGGER";
  }
  if (t == "VacuumStmt") return has_option(body, "options", "full");
  return t == "TruncateStmt" || t == "ClusterStmt" || t == "ReindexStmt" || t == "CreateTrigStmt" ||
         t == "AlterEnumStmt" || t == "AlterDomainStmt" || t == "AlterTableMoveAllStmt";
}

// Statements that may run long on a big table (for missing-statement-timeout).
bool may_run_long(const RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  std::string_view t = stmt.kind;
  if (t == "IndexStmt") return !ctx.is_new_table(relation_name(body["relation"]));
  if (t == "VacuumStmt" || t == "ClusterStmt" || t == "ReindexStmt" || t == "UpdateStmt" ||
      t == "DeleteStmt") {
    return true;
  }
  if (t != "AlterTableStmt" || ctx.is_new_table(relation_name(body["relation"]))) return false;
  for (pgsql::Node cmd_node : body["cmds"]) {
    pgsql::Node cmd = cmd_node.body();
    std::string_view sub = cmd.str("subtype");
    if (sub == "AT_SetNotNull" || sub == "AT_AlterColumnType" || sub == "AT_ValidateConstraint") {
      return true;
    }
    if (sub == "AT_AddConstraint" || sub == "AT_AddColumn") return true;
  }
  return false;
}

void check_constraint(RawContext& ctx, const SqlStatement& stmt, const std::string& table,
                      pgsql::Node con, bool inline_column) {
  std::string_view kind = con.str("contype");
  std::string name(con.str("conname"));
  std::string label = name.empty() ? std::string() : " " + in_quotes(name);
  SourceRange at = ctx.clause_at(con.location(), stmt);
  if (kind == "CONSTR_FOREIGN" && !con.flag("skip_validation")) {
    std::string ref = relation_name(con["pktable"]);
    ctx.report(DiagKind::LintBlockingConstraint, at,
               fmt::format("adding foreign key{} scans {} and blocks writes to {} and {}", label,
                           in_quotes(table), in_quotes(table), in_quotes(ref)),
               inline_column ? "add the column first, then the foreign key with not valid, then "
                               "validate constraint"
                             : "add it with not valid, then validate constraint in a later "
                               "transaction");
  } else if (kind == "CONSTR_CHECK" && !con.flag("skip_validation")) {
    ctx.report(DiagKind::LintBlockingConstraint, at,
               fmt::format("adding check constraint{} scans {} under an ACCESS EXCLUSIVE lock",
                           label, in_quotes(table)),
               "add it with not valid, then validate constraint in a later transaction");
  } else if ((kind == "CONSTR_PRIMARY" || kind == "CONSTR_UNIQUE" || kind == "CONSTR_EXCLUSION") &&
             con.str("indexname").empty()) {
    std::string_view what = kind == "CONSTR_PRIMARY"  ? "primary key"
                            : kind == "CONSTR_UNIQUE" ? "unique constraint"
                                                      : "exclusion constraint";
    ctx.report(DiagKind::LintBlockingConstraint, at,
               fmt::format("adding {}{} builds its index on {} under an ACCESS EXCLUSIVE lock",
                           what, label, in_quotes(table)),
               "create a unique index concurrently, then add the constraint using index");
  }
}

}  // namespace

void check_locking(MigContext& ctx, const model::Change& change) {
  if (change.table_is_new || ctx.online()) return;
  if (const auto* c = std::get_if<model::CreateIndex>(&change.kind)) {
    if (c->concurrently) return;
    ctx.report(DiagKind::LintBlockingIndex, change.source,
               fmt::format("create index {} blocks writes to {} while it builds ({} lock; online "
                           "compilation is off)",
                           in_quotes(c->index.name), in_quotes(c->index.table),
                           lock_or(ctx.lock_of(change), "SHARE")),
               "turn online compilation back on to build it concurrently");
    return;
  }
  if (const auto* c = std::get_if<model::DropIndex>(&change.kind)) {
    if (c->concurrently) return;
    ctx.report(DiagKind::LintBlockingIndex, change.source,
               fmt::format("drop index {} blocks reads and writes of {} ({} lock; online "
                           "compilation is off)",
                           in_quotes(c->index.name), in_quotes(c->index.table),
                           lock_or(ctx.lock_of(change), "ACCESS EXCLUSIVE")),
               "turn online compilation back on to drop it concurrently");
    return;
  }
  if (const auto* c = std::get_if<model::AddConstraint>(&change.kind)) {
    if (c->not_valid) return;
    report_blocking_constraint(ctx, change, c->table, c->constraint);
    return;
  }
  if (const auto* c = std::get_if<model::AddColumn>(&change.kind)) {
    for (const model::Constraint& con : c->constraints) {
      report_blocking_constraint(ctx, change, c->table, con);
    }
  }
}

void check_locking(RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  std::string_view t = stmt.kind;
  if (!ctx.lock_timeout_set && !ctx.lock_timeout_reported && takes_table_lock(ctx, stmt)) {
    ctx.lock_timeout_reported = true;
    ctx.report(DiagKind::LintMissingLockTimeout, ctx.statement(stmt),
               "this statement waits for its lock without a lock_timeout: while it waits, every "
               "later query on the table queues behind it",
               "start the file with SET lock_timeout = '5s';");
  }
  if (!ctx.statement_timeout_set && !ctx.statement_timeout_reported && may_run_long(ctx, stmt)) {
    ctx.statement_timeout_reported = true;
    ctx.report(DiagKind::LintMissingStatementTimeout, ctx.statement(stmt),
               "this statement may run long on a big table and no statement_timeout bounds it",
               "set statement_timeout at the top of the file, sized for the table");
  }
  if (t == "IndexStmt") {
    std::string table = relation_name(body["relation"]);
    bool concurrent = body.flag("concurrent");
    if (concurrent && refused_in_block(ctx)) {
      ctx.report(DiagKind::LintConcurrentlyInTransaction, ctx.statement(stmt),
                 "create index concurrently cannot run inside a transaction block",
                 "move it outside the transaction ('-- migrac:no-transaction', or a 'no "
                 "transaction { }' block)");
    } else if (!concurrent && !ctx.is_new_table(table)) {
      ctx.report(DiagKind::LintBlockingIndex, ctx.statement(stmt),
                 fmt::format("create index blocks writes to {} while it builds (SHARE lock)",
                             in_quotes(table)),
                 "create index concurrently, outside a transaction ('-- migrac:no-transaction', or "
                 "a 'no transaction { }' block)");
    }
    if (!concurrent && ctx.is_new_table(table)) {
      ctx.created_indexes.insert(std::string(body.str("idxname")));
    }
    return;
  }
  if (t == "DropStmt" && body.str("removeType") == "OBJECT_INDEX") {
    bool concurrent = body.flag("concurrent");
    if (concurrent && refused_in_block(ctx)) {
      ctx.report(DiagKind::LintConcurrentlyInTransaction, ctx.statement(stmt),
                 "drop index concurrently cannot run inside a transaction block",
                 "move it outside the transaction ('-- migrac:no-transaction', or a 'no "
                 "transaction { }' block)");
      return;
    }
    if (concurrent) return;
    for (pgsql::Node object : body["objects"]) {
      std::string name = last_name(object.body()["items"]);
      if (ctx.created_indexes.count(name)) continue;
      // DROP INDEX IF EXISTS of an index the model says is not there does nothing.
      if (body.flag("missing_ok") && ctx.index_absent(name)) continue;
      std::string table;
      if (ctx.schema) {
        auto owner = ctx.schema->index_owner.find(name);
        if (owner != ctx.schema->index_owner.end()) table = owner->second;
      }
      if (!table.empty() && ctx.is_new_table(table)) continue;
      ctx.report(DiagKind::LintBlockingIndex, ctx.statement(stmt),
                 fmt::format("drop index {} blocks reads and writes of {} (ACCESS "
                             "EXCLUSIVE lock)",
                             in_quotes(name), table.empty() ? "its table" : in_quotes(table)),
                 "drop index concurrently, outside a transaction ('-- migrac:no-transaction', or a "
                 "'no transaction { }' block)");
    }
    return;
  }
  if (t == "ReindexStmt") {
    bool concurrent = has_option(body, "params", "concurrently");
    if (concurrent && refused_in_block(ctx)) {
      ctx.report(DiagKind::LintConcurrentlyInTransaction, ctx.statement(stmt),
                 "reindex concurrently cannot run inside a transaction block",
                 "move it outside the transaction ('-- migrac:no-transaction', or a 'no "
                 "transaction { }' block)");
    } else if (!concurrent) {
      ctx.report(DiagKind::LintBlockingIndex, ctx.statement(stmt),
                 "reindex blocks writes to the table and reads that use the index",
                 "reindex concurrently, outside a transaction ('-- migrac:no-transaction', or a "
                 "'no transaction { }' block)");
    }
    return;
  }
  if (t == "VacuumStmt" && body.flag("is_vacuumcmd")) {
    if (has_option(body, "options", "full")) {
      ctx.report(DiagKind::LintVacuumFull, ctx.statement(stmt),
                 "vacuum full rewrites the table under an ACCESS EXCLUSIVE lock",
                 "run plain vacuum, or an online repack outside the migrations");
    }
    if (refused_in_block(ctx)) {
      ctx.report(DiagKind::LintConcurrentlyInTransaction, ctx.statement(stmt),
                 "vacuum cannot run inside a transaction block",
                 "move it outside the transaction ('-- migrac:no-transaction', or a 'no "
                 "transaction { }' block)");
    }
    return;
  }
  if (t == "ClusterStmt") {
    ctx.report(DiagKind::LintVacuumFull, ctx.statement(stmt),
               "cluster rewrites the table under an ACCESS EXCLUSIVE lock",
               "run it outside the migrations, or use an online repack");
    return;
  }
  if (t != "AlterTableStmt") return;
  std::string table = relation_name(body["relation"]);
  if (ctx.is_new_table(table)) return;
  for (pgsql::Node cmd_node : body["cmds"]) {
    pgsql::Node cmd = cmd_node.body();
    std::string_view sub = cmd.str("subtype");
    if (sub == "AT_AddConstraint") {
      pgsql::Node con = cmd["def"]["Constraint"];
      check_constraint(ctx, stmt, table, con, false);
      if (con.flag("skip_validation") && ctx.in_transaction()) {
        ctx.not_valid_added.insert(std::string(con.str("conname")));
      }
      // check (c IS NOT NULL): once validated, SET NOT NULL needs no scan.
      pgsql::Node test = con["raw_expr"]["NullTest"];
      if (con.str("contype") == "CONSTR_CHECK" && test.str("nulltesttype") == "IS_NOT_NULL") {
        std::string column = last_name(test["arg"]["ColumnRef"]["fields"]);
        std::string key = table + "." + column;
        if (con.flag("skip_validation")) {
          ctx.not_null_checks[std::string(con.str("conname"))] = key;
        } else {
          ctx.proven_not_null.insert(key);
        }
      }
    }
    if (sub == "AT_ValidateConstraint") {
      auto check = ctx.not_null_checks.find(std::string(cmd.str("name")));
      if (check != ctx.not_null_checks.end()) ctx.proven_not_null.insert(check->second);
    }
    if (sub == "AT_ValidateConstraint" && ctx.in_transaction() &&
        ctx.not_valid_added.count(std::string(cmd.str("name")))) {
      ctx.report(DiagKind::LintBlockingConstraint, ctx.statement(stmt),
                 fmt::format("validating {} in the transaction that added it keeps the lock of "
                             "the add for the whole scan of {}",
                             in_quotes(cmd.str("name")), in_quotes(table)),
                 "validate it in a later migration (or after a COMMIT in a non-transactional "
                 "one)");
    } else if (sub == "AT_AddColumn") {
      pgsql::Node def = cmd["def"]["ColumnDef"];
      for (pgsql::Node cn : def["constraints"]) {
        check_constraint(ctx, stmt, table, cn.body(), true);
      }
    }
  }
}

}  // namespace migrac::lint

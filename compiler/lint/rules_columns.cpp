// Rule family "columns": column changes on an existing table that fail on a
// table with rows, or hold an ACCESS EXCLUSIVE lock while PostgreSQL scans or
// rewrites the whole table.
#include <array>

#include <fmt/format.h>

#include "compiler/lint/context.h"
#include "compiler/lint/rule.h"
#include "compiler/pgsql/ddl.h"

namespace migrac::lint {

void register_column_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintAddNotNullColumn, "add-not-null-column", "columns", RuleScope::Both,
                 "Adding a `not null` column without a default to a table that has rows fails: "
                 "the existing rows would hold null. It only works on an empty table, so it "
                 "passes in development and fails in production.",
                 "Add the column nullable, backfill it, then `set not null` (online compilation "
                 "makes that step non-blocking); or give it a constant default.",
                 "adding-required-field"});
  out.push_back({DiagKind::LintSetNotNull, "set-not-null", "columns", RuleScope::Both,
                 "`SET NOT NULL` scans the whole table to check for nulls while it holds an "
                 "ACCESS EXCLUSIVE lock: no reads or writes until the scan ends.",
                 "Leave online compilation on (the default): migrac compiles it to "
                 "`CHECK (c IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` (which does not block "
                 "writes), then `SET NOT NULL`, which PostgreSQL 12+ proves from the check "
                 "without a scan. In raw SQL, write those statements yourself.",
                 "adding-not-nullable-field"});
  out.push_back({DiagKind::LintColumnTypeRewrite, "column-type-rewrite", "columns", RuleScope::Both,
                 "Most type changes rewrite the whole table and its indexes under an ACCESS "
                 "EXCLUSIVE lock. A few casts do not: `varchar(n)` to `varchar(m)` with m >= n, "
                 "`varchar` to `text`, `numeric(p,s)` to a wider precision with the same scale; "
                 "migrac does not warn for those.",
                 "Add a new column of the new type, backfill it in batches, switch readers, "
                 "then drop the old column (expand/contract).",
                 "changing-column-type"});
  out.push_back({DiagKind::LintVolatileDefault, "volatile-default", "columns", RuleScope::Both,
                 "Since PostgreSQL 11 a new column with a constant or stable default (`now()`) "
                 "is added without touching the rows. A volatile default (`random()`, "
                 "`gen_random_uuid()`, `clock_timestamp()`, a user function), an identity or "
                 "serial column, or a stored generated column must be computed for every "
                 "existing row: the table is rewritten under an ACCESS EXCLUSIVE lock.",
                 "Add the column without a default (or with a constant one), set the volatile "
                 "default afterwards (it then applies to new rows only), and `backfill` the "
                 "existing rows in batches.",
                 "adding-field-with-default"});
}

namespace {

// Every function but these built-ins counts as volatile (its value may differ per row).
constexpr std::array<std::string_view, 22> kStable = {"now",
                                                      "current_timestamp",
                                                      "transaction_timestamp",
                                                      "statement_timestamp",
                                                      "current_date",
                                                      "localtimestamp",
                                                      "lower",
                                                      "upper",
                                                      "length",
                                                      "concat",
                                                      "coalesce",
                                                      "to_char",
                                                      "to_jsonb",
                                                      "jsonb_build_object",
                                                      "json_build_object",
                                                      "make_interval",
                                                      "abs",
                                                      "round",
                                                      "btrim",
                                                      "current_user",
                                                      "date_trunc",
                                                      "array_length"};

bool contains(auto& list, std::string_view name) {
  for (std::string_view v : list) {
    if (v == name) return true;
  }
  return false;
}

// "random()" when the expression calls a function that may be volatile, else "".
std::string volatile_call(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Call && !contains(kStable, e.text)) return e.text + "()";
  for (const ast::Expr& a : e.args) {
    std::string found = volatile_call(a);
    if (!found.empty()) return found;
  }
  return {};
}

std::string volatile_call(pgsql::Node expr) {
  std::string found;
  walk(expr, [&](pgsql::Node node) {
    if (!found.empty() || !node.has("FuncCall")) return;
    std::string name = last_name(node["FuncCall"]["funcname"]);
    if (!contains(kStable, name)) found = name + "()";
  });
  return found;
}

bool same_numeric_family(ast::TypeKind k) {
  return k == ast::TypeKind::Numeric || k == ast::TypeKind::Decimal;
}

}  // namespace

// Whether PostgreSQL rewrites (or scans under ACCESS EXCLUSIVE) the table to
// change a column from `from` to `to`.
bool type_change_rewrites(const ast::TypeRef& from, const ast::TypeRef& to, bool has_using) {
  using ast::TypeKind;
  if (has_using) return true;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Text) return false;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Varchar) {
    if (!to.length) return false;
    return !from.length || *to.length < *from.length;
  }
  if (from.kind == TypeKind::Text && to.kind == TypeKind::Varchar) return to.length.has_value();
  if (same_numeric_family(from.kind) && same_numeric_family(to.kind)) {
    if (!to.length) return false;
    if (!from.length) return true;
    return *to.length < *from.length || from.scale.value_or(0) != to.scale.value_or(0);
  }
  if (from.kind != to.kind) return true;
  if (from.kind == TypeKind::Enum || from.kind == TypeKind::Native) return from.name != to.name;
  return from.length != to.length || from.scale != to.scale;
}

void check_columns(MigContext& ctx, const model::Change& change) {
  if (change.table_is_new) return;
  if (const auto* c = std::get_if<model::AddColumn>(&change.kind)) {
    const model::Column& col = c->column;
    SourceRange at = change.source;
    if (col.not_null && !col.default_value && !col.identity) {
      ctx.report(
          DiagKind::LintAddNotNullColumn, at,
          fmt::format("adding not null column {} without a default fails when {} has rows",
                      in_quotes(c->table, col.name), in_quotes(c->table)),
          "add it nullable, backfill it, then 'set not null'; or give it a constant default");
    }
    std::string lock = ctx.lock_of(change);
    if (lock.empty()) lock = "ACCESS EXCLUSIVE";
    if (col.identity) {
      ctx.report(DiagKind::LintVolatileDefault, at,
                 fmt::format("adding identity column {} numbers every existing row: {} is "
                             "rewritten under an {} lock",
                             in_quotes(c->table, col.name), in_quotes(c->table), lock),
                 "add a nullable bigint column, backfill it, then attach the identity");
    } else if (col.default_value) {
      std::string call = volatile_call(*col.default_value);
      if (!call.empty()) {
        ctx.report(DiagKind::LintVolatileDefault, at,
                   fmt::format("the default {} of new column {} may be volatile: {} is rewritten "
                               "under an {} lock",
                               in_quotes(call), in_quotes(c->table, col.name), in_quotes(c->table),
                               lock),
                   "add the column without a default, set the default afterwards, and backfill "
                   "the existing rows");
      }
    }
    return;
  }
  if (const auto* c = std::get_if<model::SetNotNull>(&change.kind)) {
    if (ctx.online()) return;
    std::string lock = ctx.lock_of(change);
    if (lock.empty()) lock = "ACCESS EXCLUSIVE";
    ctx.report(DiagKind::LintSetNotNull, change.source,
               fmt::format("set not null on {} scans {} under an {} lock (online compilation is "
                           "off)",
                           in_quotes(c->table, c->column), in_quotes(c->table), lock),
               "turn online compilation back on: it validates a check constraint first and "
               "does not block writes");
    return;
  }
  if (const auto* c = std::get_if<model::AlterColumnType>(&change.kind)) {
    if (!type_change_rewrites(c->from, c->to, c->using_expr.has_value())) return;
    std::string lock = ctx.lock_of(change);
    if (lock.empty()) lock = "ACCESS EXCLUSIVE";
    ctx.report(DiagKind::LintColumnTypeRewrite, change.source,
               fmt::format("changing {} from {} to {} rewrites {} under an {} lock",
                           in_quotes(c->table, c->column), type_text(c->from), type_text(c->to),
                           in_quotes(c->table), lock),
               "add a column of the new type, backfill it, switch readers, then drop the old "
               "column");
  }
}

void check_columns(RawContext& ctx, const SqlStatement& stmt) {
  if (stmt.kind != "AlterTableStmt") return;
  pgsql::Node body = stmt.body;
  std::string table = relation_name(body["relation"]);
  if (ctx.is_new_table(table)) return;
  for (pgsql::Node cmd_node : body["cmds"]) {
    pgsql::Node cmd = cmd_node.body();
    std::string_view subtype = cmd.str("subtype");
    std::string column(cmd.str("name"));
    if (subtype == "AT_AddColumn") {
      pgsql::Node def = cmd["def"]["ColumnDef"];
      std::string name(def.str("colname"));
      std::string type = type_name(def["typeName"]);
      bool serial = type.find("serial") != std::string::npos;
      bool not_null = false, has_default = false, identity = false, generated = false;
      std::string call;
      for (pgsql::Node cn : def["constraints"]) {
        pgsql::Node con = cn.body();
        std::string_view kind = con.str("contype");
        if (kind == "CONSTR_NOTNULL" || kind == "CONSTR_PRIMARY") not_null = true;
        if (kind == "CONSTR_DEFAULT") {
          has_default = true;
          call = volatile_call(con["raw_expr"]);
        }
        if (kind == "CONSTR_IDENTITY") identity = true;
        if (kind == "CONSTR_GENERATED") generated = true;
      }
      SourceRange at = ctx.clause_at(def.location(), stmt);
      if (not_null && !has_default && !identity && !serial && !generated) {
        ctx.report(DiagKind::LintAddNotNullColumn, at,
                   fmt::format("adding not null column {} without a default fails when {} has "
                               "rows",
                               in_quotes(table, name), in_quotes(table)),
                   "add it nullable, backfill it, then set not null; or give it a constant "
                   "default");
      }
      std::string what = identity    ? "identity column"
                         : serial    ? "serial column"
                         : generated ? "stored generated column"
                                     : "";
      if (!what.empty()) {
        ctx.report(DiagKind::LintVolatileDefault, at,
                   fmt::format("adding {} {} computes a value for every existing row: {} is "
                               "rewritten under an ACCESS EXCLUSIVE lock",
                               what, in_quotes(table, name), in_quotes(table)),
                   "add a nullable column, backfill it in batches, then attach the default");
      } else if (!call.empty()) {
        ctx.report(DiagKind::LintVolatileDefault, at,
                   fmt::format("the default {} of new column {} may be volatile: {} is "
                               "rewritten under an ACCESS EXCLUSIVE lock",
                               in_quotes(call), in_quotes(table, name), in_quotes(table)),
                   "add the column without a default, set the default afterwards, and backfill "
                   "the existing rows");
      }
    } else if (subtype == "AT_SetNotNull") {
      if (ctx.proven_not_null.count(table + "." + column)) continue;
      ctx.report(DiagKind::LintSetNotNull,
                 ctx.span(stmt, {"alter"}, column, {"set", "not", "null"}),
                 fmt::format("set not null on {} scans {} under an ACCESS EXCLUSIVE lock",
                             in_quotes(table, column), in_quotes(table)),
                 "add check (c is not null) not valid, validate it, then set not null");
    } else if (subtype == "AT_AlterColumnType") {
      pgsql::Node def = cmd["def"]["ColumnDef"];
      long loc = def["typeName"].location();
      std::string type = type_name(def["typeName"]);
      if (loc >= 0) {
        SourceRange r = ctx.type_at(loc, stmt);
        type = std::string(ctx.text.substr(r.begin.offset, r.end.offset - r.begin.offset));
      }
      SourceRange at = ctx.span(stmt, {"alter"}, column, {"type"});
      const char* help =
          "add a column of the new type, backfill it, switch readers, then drop the old column";
      const model::Table* known = ctx.known_table(table);
      const model::Column* col = known ? known->column(column) : nullptr;
      if (!col) {
        ctx.report(DiagKind::LintColumnTypeRewrite, at,
                   fmt::format("changing the type of {} to {} rewrites {} under an ACCESS "
                               "EXCLUSIVE lock unless the old type converts without a rewrite",
                               in_quotes(table, column), in_quotes(type), in_quotes(table)),
                   help);
        continue;
      }
      // The model knows the column's type: the cast rewrites or it does not.
      bool identity = false;
      ast::TypeRef to = pgsql::portable_type(def["typeName"], *ctx.schema, identity);
      if (!type_change_rewrites(col->type, to, def.has("raw_default"))) continue;
      ctx.report(DiagKind::LintColumnTypeRewrite, at,
                 fmt::format("changing {} from {} to {} rewrites {} under an ACCESS EXCLUSIVE "
                             "lock",
                             in_quotes(table, column), type_text(col->type), type,
                             in_quotes(table)),
                 help);
    }
  }
}

}  // namespace migrac::lint

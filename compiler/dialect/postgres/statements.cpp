// Every model::Change as PostgreSQL 15 SQL, each
// statement with the lock it takes and whether it rewrites or scans the table
// (ALTER TABLE's lock levels per subcommand, as documented and as observed in
// pg_locks and pg_stat_xact_user_tables).

#include <fmt/format.h>

#include <algorithm>

#include "compiler/dialect/backfill_walk.h"
#include "compiler/dialect/postgres/internal.h"
#include "compiler/dialect/raw_body.h"
#include "compiler/dialect/sql_functions.h"

namespace migrac::postgres {

namespace {

// Writes the statements of one change; one call operator per change kind.
struct PgWriter {
  const SqlBuilder& sql;
  const model::Change& change;
  Diagnostics& diags;

  using Out = std::vector<EmittedStatement>;

  std::string alter(const std::string& table) const {
    return fmt::format("ALTER TABLE {}", sql.ident(table));
  }

  Out operator()(const model::AddTable& c) const { return {create_table(c.table)}; }

  Out operator()(const model::DropTable& c) const {
    LockFacts facts = lock(kAccessExclusive, c.table.name);
    for (const model::Constraint& k : c.table.constraints) {
      if (k.kind == ast::ConstraintKind::ForeignKey)
        add_other(facts, kAccessExclusive, k.ref_table);
    }
    return one_statement(fmt::format("DROP TABLE {}", sql.ident(c.table.name)), std::move(facts));
  }

  Out operator()(const model::RenameTable& c) const {
    return one_statement(fmt::format("{} RENAME TO {}", alter(c.from), sql.ident(c.to)),
                         lock(kAccessExclusive, c.from));
  }

  Out operator()(const model::AddColumn& c) const {
    const model::Column& col = c.column;
    // A stored generated column is computed for every row: the table is rewritten.
    bool rewrites = col.identity || col.generated ||
                    (col.default_value && expr_is_volatile(*col.default_value));
    bool scans = col.not_null && !col.default_value && !col.identity;
    LockFacts facts = lock(kAccessExclusive, c.table, rewrites, scans);
    std::vector<std::string> parts = {"ADD COLUMN " + sql.column_def(col)};
    for (const model::Constraint& k : c.constraints) {
      parts.push_back("ADD " + sql.constraint_def(k));
      if (k.kind == ast::ConstraintKind::ForeignKey) {
        add_other(facts, kShareRowExclusive, k.ref_table);
      } else {
        facts.scans = true;  // an index build or a CHECK over every row
      }
    }
    if (parts.size() == 1)
      return one_statement(fmt::format("{} {}", alter(c.table), parts[0]), facts);
    std::string text = alter(c.table);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      text += fmt::format("\n  {}{}", parts[i], i + 1 < parts.size() ? "," : "");
    }
    return one_statement(std::move(text), std::move(facts));
  }

  Out operator()(const model::DropColumn& c) const {
    return one_statement(fmt::format("{} DROP COLUMN {}", alter(c.table), sql.ident(c.column.name)),
                         lock(kAccessExclusive, c.table));
  }

  Out operator()(const model::RenameColumn& c) const {
    return one_statement(fmt::format("{} RENAME COLUMN {} TO {}", alter(c.table), sql.ident(c.from),
                                     sql.ident(c.to)),
                         lock(kAccessExclusive, c.table));
  }

  Out operator()(const model::AlterColumnType& c) const {
    std::string text = fmt::format("{} ALTER COLUMN {} TYPE {}", alter(c.table),
                                   sql.ident(c.column), sql.type(c.to));
    bool rewrites = pg_type_change_rewrites(c.from, c.to);
    if (c.using_expr) {
      text += " USING " + sql.expr(*c.using_expr);
      rewrites = true;
    } else if (pg_type_change_needs_using(c.from, c.to)) {
      // Enum to enum goes through text: PostgreSQL has no cast between enums.
      bool via_text = c.from.kind == ast::TypeKind::Enum && c.to.kind == ast::TypeKind::Enum;
      text += fmt::format(" USING {}{}::{}", sql.ident(c.column), via_text ? "::text" : "",
                          sql.type(c.to));
    }
    return one_statement(std::move(text), lock(kAccessExclusive, c.table, rewrites));
  }

  Out operator()(const model::SetNotNull& c) const {
    // Scans every row, unless a validated CHECK (c IS NOT NULL) exists (the
    // planner's online form knows that and clears `scans`).
    return one_statement(fmt::format("{} ALTER COLUMN {} SET NOT NULL", alter(c.table),
                                     sql.ident(c.column)),
                         lock(kAccessExclusive, c.table, false, true));
  }

  Out operator()(const model::DropNotNull& c) const {
    return one_statement(fmt::format("{} ALTER COLUMN {} DROP NOT NULL", alter(c.table),
                                     sql.ident(c.column)),
                         lock(kAccessExclusive, c.table));
  }

  Out operator()(const model::SetDefault& c) const {
    std::string action = c.to ? "SET DEFAULT " + sql.expr(*c.to, ExprContext::Default)
                              : std::string("DROP DEFAULT");
    return one_statement(fmt::format("{} ALTER COLUMN {} {}", alter(c.table), sql.ident(c.column),
                                     action),
                         lock(kAccessExclusive, c.table));
  }

  Out operator()(const model::AddConstraint& c) const {
    const model::Constraint& k = c.constraint;
    bool can_defer = k.kind == ast::ConstraintKind::ForeignKey ||
                     k.kind == ast::ConstraintKind::Check;
    bool not_valid = c.not_valid && can_defer;
    std::string text = fmt::format("{} ADD {}{}", alter(c.table), sql.constraint_def(k),
                                   not_valid ? " NOT VALID" : "");
    if (k.kind == ast::ConstraintKind::ForeignKey) {
      LockFacts facts = lock(kShareRowExclusive, c.table, false, !not_valid);
      add_other(facts, kShareRowExclusive, k.ref_table);
      return one_statement(std::move(text), std::move(facts));
    }
    // A CHECK scans unless NOT VALID; PRIMARY KEY and UNIQUE build an index.
    return one_statement(std::move(text), lock(kAccessExclusive, c.table, false, !not_valid));
  }

  Out operator()(const model::ValidateConstraint& c) const {
    return one_statement(fmt::format("{} VALIDATE CONSTRAINT {}", alter(c.table),
                                     sql.ident(c.name)),
                         lock(kShareUpdateExclusive, c.table, false, true));
  }

  Out operator()(const model::AddConstraintUsingIndex& c) const {
    bool pk = c.constraint.kind == ast::ConstraintKind::PrimaryKey;
    // PRIMARY KEY also marks the columns NOT NULL, scanning for NULLs.
    return one_statement(fmt::format("{} ADD CONSTRAINT {} {} USING INDEX {}", alter(c.table),
                                     sql.ident(c.constraint.name), pk ? "PRIMARY KEY" : "UNIQUE",
                                     sql.ident(c.index)),
                         lock(kAccessExclusive, c.table, false, pk));
  }

  Out operator()(const model::DropConstraint& c) const {
    LockFacts facts = lock(kAccessExclusive, c.table);
    if (c.constraint.kind == ast::ConstraintKind::ForeignKey) {
      add_other(facts, kAccessExclusive, c.constraint.ref_table);  // its triggers are dropped
    }
    return one_statement(fmt::format("{} DROP CONSTRAINT {}", alter(c.table),
                                     sql.ident(c.constraint.name)),
                         std::move(facts));
  }

  Out operator()(const model::CreateIndex& c) const {
    const model::Index& ix = c.index;
    std::string elements;
    for (const ast::Expr& e : ix.elements) {
      if (!elements.empty()) elements += ", ";
      elements += sql.index_element(e);
    }
    std::string text = fmt::format("CREATE {}INDEX {}{}{} ON {} ({})", ix.unique ? "UNIQUE " : "",
                                   c.concurrently ? "CONCURRENTLY " : "",
                                   c.if_not_exists ? "IF NOT EXISTS " : "", sql.ident(ix.name),
                                   sql.ident(ix.table), elements);
    if (ix.where) text += " WHERE " + sql.expr(*ix.where);
    return one_statement(std::move(text), lock(c.concurrently ? kShareUpdateExclusive : kShare,
                                               ix.table, false, true));
  }

  Out operator()(const model::DropIndex& c) const {
    return one_statement(fmt::format("DROP INDEX {}{}{}", c.concurrently ? "CONCURRENTLY " : "",
                                     c.if_exists ? "IF EXISTS " : "", sql.ident(c.index.name)),
                         lock(c.concurrently ? kShareUpdateExclusive : kAccessExclusive,
                              c.index.table));
  }

  Out operator()(const model::CreateEnum& c) const {
    std::string values;
    for (const std::string& v : c.type.values) {
      if (!values.empty()) values += ", ";
      values += sql.string_literal(v);
    }
    return one_statement(fmt::format("CREATE TYPE {} AS ENUM ({})", sql.ident(c.type.name), values),
                         LockFacts{});
  }

  // IF NOT EXISTS: PostgreSQL cannot drop an enum value, so a migration whose
  // `down { }` leaves the value behind must apply again after a downgrade.
  Out operator()(const model::AddEnumValue& c) const {
    std::string text = fmt::format("ALTER TYPE {} ADD VALUE IF NOT EXISTS {}", sql.ident(c.type),
                                   sql.string_literal(c.value));
    if (c.neighbor) {
      text += fmt::format(" {} {}", c.before ? "BEFORE" : "AFTER", sql.string_literal(*c.neighbor));
    }
    return one_statement(std::move(text), lock(kExclusive, c.type));
  }

  Out operator()(const model::DropEnum& c) const {
    return one_statement(fmt::format("DROP TYPE {}", sql.ident(c.type.name)),
                         lock(kAccessExclusive, c.type.name));
  }

  Out operator()(const model::Backfill& c) const;
  Out operator()(const model::RawSql& c) const;

  Out operator()(const model::SetLocal& c) const {
    if (c.value.empty()) {
      return one_statement(c.local ? fmt::format("SET LOCAL {} = DEFAULT", c.name)
                                   : fmt::format("RESET {}", c.name),
                           LockFacts{});
    }
    return one_statement(fmt::format("SET {}{} = {}", c.local ? "LOCAL " : "", c.name,
                                     sql.string_literal(c.value)),
                         LockFacts{});
  }
};

// A table without a key walks its blocks: each batch the rows of about
// `batch` rows' worth of pages (from pg_class's estimate), by TID ranges
// ($1: the first block of the batch, the bound: the block after its last).
// It ends past the table's last block; new row versions a batch writes
// further on are skipped by the backfill's condition.
std::string ctid_bound_sql(const BackfillParts& b, const std::string& regclass,
                           const std::string& lo, const std::string& into) {
  std::int64_t fallback = std::max<std::int64_t>(1, b.batch / 50);
  return fmt::format(
      "SELECT {0} + CASE WHEN c.reltuples > 0 AND c.relpages > 0"
      " THEN greatest(1, ceil({1} * c.relpages / c.reltuples))::bigint ELSE {2} END{3}"
      " FROM pg_class c WHERE c.oid = {4}::regclass"
      " AND {0} < pg_relation_size(c.oid) / current_setting('block_size')::bigint",
      lo, b.batch, fallback, into, regclass);
}

std::string ctid_update_sql(const BackfillParts& b, const std::string& lo, const std::string& hi) {
  return fmt::format(
      "UPDATE {} SET {} WHERE ctid >= format('(%s,0)', {})::tid AND ctid < format('(%s,0)', "
      "{})::tid AND {}",
      b.table, b.sets, lo, hi, b.where);
}

BatchWalk ctid_walk(const BackfillParts& b, const std::string& regclass) {
  BatchWalk w;
  w.keys = 1;
  w.blocks = true;
  w.first_bound = ctid_bound_sql(b, regclass, "0", "");
  w.next_bound = ctid_bound_sql(b, regclass, "$1::bigint", "");
  w.first_update = ctid_update_sql(b, "0", "$1::bigint");
  w.next_update = ctid_update_sql(b, "$1::bigint", "$2::bigint");
  w.batch = b.batch;
  w.pause_ms = b.pause_ms;
  return w;
}

// COMMIT inside DO is allowed when DO runs outside a transaction block (PostgreSQL 11+).
std::string do_block(const std::string& declare, const std::string& body) {
  std::string tag = dollar_tag(declare + body);
  return fmt::format("DO {0}\n#variable_conflict use_column\nDECLARE\n{1}BEGIN\n{2}END\n{0}", tag,
                     declare, body);
}

// The backfill's `pause` after a batch's COMMIT (a script has no --backfill-pause).
std::string pause_sql(const BackfillParts& b) {
  if (b.pause_ms <= 0) return "";
  return fmt::format("    PERFORM pg_sleep({});\n", static_cast<double>(b.pause_ms) / 1000.0);
}

std::string ctid_walk_script(const BackfillParts& b, const std::string& regclass) {
  return do_block("  migrac_lo bigint := 0;\n  migrac_hi bigint;\n",
                  fmt::format("  LOOP\n"
                              "    {};\n"
                              "    EXIT WHEN NOT FOUND;\n"
                              "    {};\n"
                              "    COMMIT;\n"
                              "{}"
                              "    migrac_lo := migrac_hi;\n"
                              "  END LOOP;\n",
                              ctid_bound_sql(b, regclass, "migrac_lo", " INTO migrac_hi"),
                              ctid_update_sql(b, "migrac_lo", "migrac_hi"), pause_sql(b)));
}

// The walk of key_walk() as a DO block: the last key done and the batch's
// bound in variables of the key columns' types.
std::string key_walk_script(const BackfillParts& b, const std::vector<std::string>& keys) {
  KeyName last = [](std::size_t i) { return fmt::format("migrac_last_{}", i); };
  KeyName next = [](std::size_t i) { return fmt::format("migrac_next_{}", i); };
  std::string declare = "  migrac_started boolean := false;\n";
  std::string into = " INTO ";
  std::string advance;
  for (std::size_t i = 1; i <= keys.size(); ++i) {
    declare += fmt::format("  {} {}.{}%TYPE;\n  {} {}.{}%TYPE;\n", last(i), b.table, keys[i - 1],
                           next(i), b.table, keys[i - 1]);
    into += (i > 1 ? ", " : "") + next(i);
    advance += fmt::format("    {} := {};\n", last(i), next(i));
  }
  std::string body = fmt::format(
      "  LOOP\n"
      "    IF migrac_started THEN\n"
      "      {};\n"
      "    ELSE\n"
      "      {};\n"
      "    END IF;\n"
      "    EXIT WHEN NOT FOUND;\n"
      "    IF migrac_started THEN\n"
      "      {};\n"
      "    ELSE\n"
      "      {};\n"
      "    END IF;\n"
      "    COMMIT;\n"
      "{}"
      "    migrac_started := true;\n"
      "{}"
      "  END LOOP;\n",
      walk_bound_sql(b, keys, &last, into), walk_bound_sql(b, keys, nullptr, into),
      walk_update_sql(b, keys, &last, next), walk_update_sql(b, keys, nullptr, next), pause_sql(b),
      advance);
  return do_block(declare, body);
}

// The statement: one batch of the rows of at most `batch` keys that still
// need the update (a self-contained form, repeated until no row changes);
// the runtime and the script walk the primary key (or a unique not-null
// key; without either, the table's blocks) instead, each row read once.
// `c IS DISTINCT FROM e` keeps updated rows out of later batches, so a rerun
// after a kill changes nothing twice; a value that moves between
// transactions (now()) cannot use it and relies on the user's `where` alone.
PgWriter::Out PgWriter::operator()(const model::Backfill& c) const {
  // The planner refused a varying value without a `where` (E0502).
  bool varies = backfill_varies(c);
  std::vector<std::string> conditions;
  if (c.where) conditions.push_back(sql.expr(*c.where, ExprContext::Operand));
  if (!varies) {
    std::string distinct;
    for (const ast::Assignment& a : c.assignments) {
      ast::Expr column{ast::ExprKind::Column, a.column.name, {}, false, false, {}, {}};
      if (!distinct.empty()) distinct += " OR ";
      distinct += sql.distinct_from(column, a.value);
    }
    conditions.push_back(c.assignments.size() > 1 ? "(" + distinct + ")" : distinct);
  }
  std::string where;
  for (const std::string& cond : conditions) where += (where.empty() ? "" : " AND ") + cond;

  std::string sets;
  for (const ast::Assignment& a : c.assignments) {
    if (!sets.empty()) sets += ", ";
    sets += fmt::format("{} = {}", sql.ident(a.column.name), sql.expr(a.value));
  }
  std::string table = sql.ident(c.table);
  std::string text;
  if (c.key_columns.empty()) {
    text = fmt::format(
        "UPDATE {0} SET {1} WHERE ctid = ANY (ARRAY(SELECT ctid FROM {0} WHERE {2} LIMIT {3}))",
        table, sets, where, c.batch);
  } else {
    std::string keys = sql.idents(c.key_columns);
    std::string lhs = c.key_columns.size() > 1 ? "(" + keys + ")" : keys;
    text = fmt::format("UPDATE {0} SET {1} WHERE {2} IN (SELECT {3} FROM {0} WHERE {4} LIMIT {5})",
                       table, sets, lhs, keys, where, c.batch);
  }
  BackfillParts parts{table, sets, where, c.batch, c.pause_ms};
  BatchWalk walk;
  std::string script;
  if (c.key_columns.empty()) {
    walk = ctid_walk(parts, sql.string_literal(table));
    script = ctid_walk_script(parts, sql.string_literal(table));
  } else {
    std::vector<std::string> keys;
    for (const std::string& k : c.key_columns) keys.push_back(sql.ident(k));
    walk = key_walk(parts, keys);
    script = key_walk_script(parts, keys);
  }
  Out out = one_statement(std::move(text), lock(kRowExclusive, c.table, false, true));
  out[0].script_sql = std::move(script);
  // The planner's estimate; -1 (never analyzed) gives none.
  walk.estimate_sql = fmt::format(
      "SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END FROM pg_class c WHERE c.oid "
      "= {}::regclass",
      sql.string_literal(table));
  out[0].walk = std::move(walk);
  return out;
}

PgWriter::Out PgWriter::operator()(const model::RawSql& c) const {
  std::optional<std::string> body = sql_body_for(c, Dialect::Postgres, change.source, diags);
  if (!body) return {};
  return one_statement(std::move(*body), LockFacts{});
}

}  // namespace

std::vector<EmittedStatement> statements(const model::Change& change, Diagnostics& diags) {
  return std::visit(PgWriter{builder(), change, diags}, change.kind);
}

std::string dollar_tag(std::string_view body) {
  std::string tag = "$migrac$";
  for (int n = 1; body.find(tag) != std::string_view::npos; ++n) tag = fmt::format("$migrac{}$", n);
  return tag;
}

}  // namespace migrac::postgres

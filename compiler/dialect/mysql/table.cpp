// MySQL's column and table definitions, and the checks of what MySQL (and
// MariaDB) cannot express in them.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/dialect/mysql/internal.h"

namespace migrac::mysql {

namespace {

bool is_literal(const ast::Expr& e) {
  return e.kind == ast::ExprKind::String || e.kind == ast::ExprKind::Number ||
         e.kind == ast::ExprKind::Bool || e.kind == ast::ExprKind::Null;
}

// The portable name of a type, as the migration wrote it.
std::string type_text(const ast::TypeRef& t) {
  static constexpr std::array<std::string_view, kTypeKindCount> kNames = {
      "smallint", "int",     "bigint", "real",  "double",   "decimal", "numeric",   "bool",
      "text",     "varchar", "char",   "bytes", "date",     "time",    "timestamp", "timestamptz",
      "interval", "uuid",    "json",   "jsonb", "postgres", "enum",    "native"};
  if (t.kind == ast::TypeKind::Native) return fmt::format("native \"{}\"", t.name);
  if (t.kind == ast::TypeKind::Enum) return t.name;
  std::string name(kNames[static_cast<std::size_t>(t.kind)]);
  if (t.length && t.scale) return fmt::format("{}({},{})", name, *t.length, *t.scale);
  if (t.length) return fmt::format("{}({})", name, *t.length);
  return name;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

}  // namespace

std::string default_expr(const ast::Expr& value, const ast::TypeRef& type) {
  bool timestamp = value.kind == ast::ExprKind::Call && value.args.empty() && value.text == "now";
  if ((is_literal(value) && !is_unkeyable(type)) || timestamp)
    return expr(value, ExprContext::Default);
  return "(" + expr(value) + ")";
}

std::optional<std::string> column_def(const model::Column& column, const Context& context) {
  std::optional<std::string> type = column_type(column, context);
  if (!type) return std::nullopt;
  std::string out = fmt::format("{} {}", builder().ident(column.name), *type);
  if (column.generated) {
    // MariaDB refuses NOT NULL on a generated column (MySQL takes it).
    if (column.not_null) {
      context.diags.report(DiagKind::DialectUnsupportedOperation, context.change.source,
                           fmt::format("generated column '{}' is not null, which MariaDB cannot "
                                       "declare",
                                       column.name),
                           "drop 'not null' (the expression decides), or add a check "
                           "constraint that it is not null");
      return std::nullopt;
    }
    return out + " GENERATED ALWAYS AS (" + expr(*column.generated) + ") STORED";
  }
  if (column.not_null) out += " NOT NULL";
  if (column.default_value) out += " DEFAULT " + default_expr(*column.default_value, column.type);
  if (column.identity) out += " AUTO_INCREMENT";
  return out;
}

bool check_constraint(const model::Constraint& k, const model::Table* table,
                      const Context& context) {
  bool ok = true;
  if (k.kind != ast::ConstraintKind::Check && table != nullptr) {
    for (const std::string& name : k.columns) {
      const model::Column* col = table->column(name);
      if (col == nullptr || !is_unkeyable(col->type)) continue;
      context.diags.report(
          DiagKind::DialectUnsupportedIndex, context.change.source,
          fmt::format("key '{}' on column '{}' of type '{}' cannot be built on mysql: a {} "
                      "column needs a prefix length to be a key",
                      k.name, name, type_text(col->type), builder().type(col->type)),
          "use varchar(n) for a column that is a key");
      ok = false;
    }
  }
  if (k.kind == ast::ConstraintKind::ForeignKey &&
      (k.on_delete == ast::RefAction::SetDefault || k.on_update == ast::RefAction::SetDefault)) {
    context.diags.report(DiagKind::DialectUnsupportedOperation, context.change.source,
                         fmt::format("foreign key '{}' with 'set default' cannot be expressed on "
                                     "mysql: InnoDB does not support SET DEFAULT",
                                     k.name),
                         "use 'set null', 'cascade' or 'restrict'");
    ok = false;
  }
  return ok;
}

bool check_index(const model::Index& index, const model::Table* table, const Context& context) {
  // Without its `where` a plain index still serves the same queries, only
  // larger; a unique one would refuse rows the partial index allows.
  if (index.where && !index.unique) {
    context.diags.report(DiagKind::DialectPartialIndexWidened, context.change.source,
                         fmt::format("partial index '{}' is built over every row on mysql, which "
                                     "has no index 'where'",
                                     index.name));
  } else if (index.where) {
    context.diags.report(DiagKind::DialectUnsupportedIndex, context.change.source,
                         fmt::format("unique partial index '{}' cannot be built on mysql: it has "
                                     "no index 'where', and a unique index over every row would "
                                     "refuse rows the partial index allows",
                                     index.name),
                         "build the index with a 'sql' operation that has a 'mysql' body");
    return false;
  }
  for (const ast::Expr& e : index.elements) {
    if (e.kind == ast::ExprKind::Column) continue;
    context.diags.report(DiagKind::DialectUnsupportedIndex, context.change.source,
                         fmt::format("index '{}' on an expression cannot be built on mysql: "
                                     "MariaDB has no expression indexes",
                                     index.name),
                         "index a (generated) column instead");
    return false;
  }
  if (table == nullptr) return true;
  for (const ast::Expr& e : index.elements) {
    const model::Column* col = table->column(e.text);
    if (col == nullptr || !is_unkeyable(col->type)) continue;
    context.diags.report(
        DiagKind::DialectUnsupportedIndex, context.change.source,
        fmt::format("index '{}' on column '{}' of type '{}' cannot be built on mysql: a {} "
                    "column needs a prefix length to be indexed",
                    index.name, col->name, type_text(col->type), builder().type(col->type)),
        "use varchar(n) for a column that is indexed");
    return false;
  }
  return true;
}

bool check_table(const model::Table& table, const Context& context) {
  bool ok = true;
  for (const model::Constraint& k : table.constraints)
    ok = check_constraint(k, &table, context) && ok;
  std::vector<std::string> identities;
  for (const model::Column& col : table.columns) {
    if (col.identity) identities.push_back(col.name);
  }
  if (identities.size() > 1) {
    context.diags.report(DiagKind::DialectUnsupportedIdentity, context.change.source,
                         fmt::format("table '{}' has {} identity columns ({}), which cannot be "
                                     "expressed on mysql: a table has at most one AUTO_INCREMENT "
                                     "column",
                                     table.name, identities.size(), quoted_list(identities)));
    return false;
  }
  for (const std::string& name : identities) {
    bool leads = std::any_of(table.constraints.begin(), table.constraints.end(),
                             [&](const model::Constraint& k) {
                               bool key = k.kind == ast::ConstraintKind::PrimaryKey ||
                                          k.kind == ast::ConstraintKind::Unique;
                               return key && !k.columns.empty() && k.columns[0] == name;
                             });
    if (leads) continue;
    context.diags.report(DiagKind::DialectUnsupportedIdentity, context.change.source,
                         fmt::format("identity column '{}.{}' cannot be expressed on mysql: it "
                                     "leads no primary key or unique constraint",
                                     table.name, name),
                         "an AUTO_INCREMENT column must be the first column of a key; make it "
                         "the primary key");
    ok = false;
  }
  return ok;
}

std::vector<std::string> constraint_defs(const model::Constraint& k) {
  const SqlBuilder& sql = builder();
  std::vector<std::string> out;
  if (k.kind == ast::ConstraintKind::ForeignKey) {
    out.push_back(fmt::format("INDEX {} ({})", sql.ident(k.name), sql.idents(k.columns)));
  }
  model::Constraint written = k;
  if (written.check) written.check = for_mysql(*written.check);
  out.push_back(sql.constraint_def(written));
  return out;
}

std::vector<std::string> add_constraint_clauses(const model::Constraint& k) {
  std::vector<std::string> out;
  for (const std::string& def : constraint_defs(k)) out.push_back("ADD " + def);
  return out;
}

std::vector<std::string> drop_constraint_clauses(const model::Constraint& k) {
  const SqlBuilder& sql = builder();
  switch (k.kind) {
    case ast::ConstraintKind::PrimaryKey: return {"DROP PRIMARY KEY"};
    case ast::ConstraintKind::Unique: return {"DROP INDEX " + sql.ident(k.name)};
    case ast::ConstraintKind::ForeignKey:
      return {"DROP FOREIGN KEY " + sql.ident(k.name), "DROP INDEX " + sql.ident(k.name)};
    case ast::ConstraintKind::Check: return {"DROP CONSTRAINT " + sql.ident(k.name)};
  }
  return {};
}

std::optional<std::string> create_table(const model::Table& table, const Context& context) {
  std::vector<std::string> lines;
  bool ok = check_table(table, context);
  for (const model::Column& col : table.columns) {
    std::optional<std::string> def = column_def(col, context);
    if (def) lines.push_back(std::move(*def));
    ok = ok && def.has_value();
  }
  if (!ok) return std::nullopt;
  for (const model::Constraint& k : table.constraints) {
    for (std::string& def : constraint_defs(k)) lines.push_back(std::move(def));
  }
  std::string body;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    body += fmt::format("  {}{}\n", lines[i], i + 1 < lines.size() ? "," : "");
  }
  return fmt::format("CREATE TABLE {} (\n{})", builder().ident(table.name), body);
}

}  // namespace migrac::mysql

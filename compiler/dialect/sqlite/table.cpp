// SQLite's table and index definitions: enums as TEXT with a CHECK, identity
// as INTEGER PRIMARY KEY AUTOINCREMENT.

#include <fmt/format.h>

#include "compiler/dialect/sqlite/internal.h"

namespace migrac::sqlite {

namespace {

bool is_identity_key(const model::Table& table, const model::Column& column) {
  const model::Constraint* pk = table.primary_key();
  return pk != nullptr && pk->columns.size() == 1 && pk->columns[0] == column.name;
}

}  // namespace

LockFacts write_lock(const std::string& table, bool rewrites, bool scans) {
  return LockFacts{"WRITE (the whole database)", table, rewrites, scans || rewrites, {}};
}

bool is_constant_default(const ast::Expr& value) {
  switch (value.kind) {
    case ast::ExprKind::String:
    case ast::ExprKind::Number:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null: return true;
    default: return false;
  }
}

std::string default_expr(const ast::Expr& value) {
  const SqlBuilder& sql = builder();
  bool keyword = value.kind == ast::ExprKind::Call && value.args.empty() && value.text == "now";
  if (is_constant_default(value) || keyword) return sql.expr(value);
  return "(" + sql.expr(value) + ")";
}

std::string column_def(const model::Column& column, const TableContext& context) {
  const SqlBuilder& sql = builder();
  // SQLite takes a column without a type (a native type of no text).
  std::string type = sql.type(column.type);
  std::string out = type.empty() ? sql.ident(column.name)
                                 : fmt::format("{} {}", sql.ident(column.name), type);
  if (column.generated) out += " GENERATED ALWAYS AS (" + sql.expr(*column.generated) + ") STORED";
  if (column.not_null) out += " NOT NULL";
  if (column.default_value) out += " DEFAULT " + default_expr(*column.default_value);
  if (column.type.kind != ast::TypeKind::Enum) return out;
  auto it = context.enums.find(column.type.name);
  if (it == context.enums.end()) {
    context.diags.report(DiagKind::DialectUnsupportedOperation, context.change.source,
                         fmt::format("enum '{}' of column '{}' is unknown to the sqlite emitter",
                                     column.type.name, column.name));
    return out;
  }
  std::string values;
  for (const std::string& v : it->second.values) {
    values += (values.empty() ? "" : ", ") + sql.string_literal(v);
  }
  return out + fmt::format(" CHECK ({} IN ({}))", sql.ident(column.name), values);
}

std::optional<std::string> create_table(const model::Table& table, std::string_view name,
                                        const TableContext& context) {
  const SqlBuilder& sql = builder();
  std::vector<std::string> lines;
  bool inline_pk = false;
  for (const model::Column& col : table.columns) {
    if (!col.identity) {
      lines.push_back(column_def(col, context));
      continue;
    }
    if (!is_identity_key(table, col) || inline_pk) {
      context.diags.report(
          DiagKind::DialectUnsupportedIdentity, context.change.source,
          fmt::format("identity column '{}.{}' cannot be expressed on sqlite: it is not the "
                      "table's single-column primary key",
                      table.name, col.name),
          "sqlite's only auto-increment column is 'INTEGER PRIMARY KEY AUTOINCREMENT'; make it "
          "the primary key, or drop 'identity'");
      return std::nullopt;
    }
    inline_pk = true;
    lines.push_back(fmt::format("{} INTEGER NOT NULL CONSTRAINT {} PRIMARY KEY AUTOINCREMENT",
                                sql.ident(col.name), sql.ident(table.primary_key()->name)));
  }
  for (const model::Constraint& k : table.constraints) {
    if (inline_pk && k.kind == ast::ConstraintKind::PrimaryKey) continue;
    lines.push_back(sql.constraint_def(k));
  }
  std::string body;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    body += fmt::format("  {}{}\n", lines[i], i + 1 < lines.size() ? "," : "");
  }
  return fmt::format("CREATE TABLE {} (\n{})", sql.ident(name), body);
}

std::string create_index(const model::Index& index, bool if_not_exists) {
  const SqlBuilder& sql = builder();
  std::string elements;
  for (const ast::Expr& e : index.elements) {
    elements += (elements.empty() ? "" : ", ") + sql.index_element(e);
  }
  std::string text = fmt::format("CREATE {}INDEX {}{} ON {} ({})", index.unique ? "UNIQUE " : "",
                                 if_not_exists ? "IF NOT EXISTS " : "", sql.ident(index.name),
                                 sql.ident(index.table), elements);
  if (index.where) text += " WHERE " + sql.expr(*index.where);
  return text;
}

}  // namespace migrac::sqlite

// Model objects as AST nodes for the generated migration (ast_build.h).
#include "compiler/autogen/ast_build.h"

#include <algorithm>

#include "compiler/check/check.h"

namespace migrac::autogen {

namespace {

bool plain_word(const std::string& name) {
  if (name.empty()) return false;
  if (!(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z'))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

void collect_columns(const ast::Expr& e, std::vector<std::string>& out) {
  if (e.kind == ast::ExprKind::Column) {
    if (std::find(out.begin(), out.end(), e.text) == out.end()) out.push_back(e.text);
    return;
  }
  if (e.kind == ast::ExprKind::RawSql) return;
  for (const ast::Expr& a : e.args) collect_columns(a, out);
}

std::vector<ast::Ident> idents(const std::vector<std::string>& names) {
  std::vector<ast::Ident> out;
  for (const std::string& n : names) out.push_back(ident(n));
  return out;
}

ast::Expr literal(ast::ExprKind kind, std::string text) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(text);
  return e;
}

}  // namespace

ast::Ident ident(const std::string& name) { return ast::Ident{name, !plain_word(name), {}}; }

std::vector<std::string> columns_read(const std::vector<ast::Expr>& exprs) {
  std::vector<std::string> out;
  for (const ast::Expr& e : exprs) collect_columns(e, out);
  return out;
}

std::string derived_name(const std::string& table, const model::Constraint& c,
                         const std::set<std::string>& taken) {
  switch (c.kind) {
    case ast::ConstraintKind::PrimaryKey: return default_name("pk", table, {});
    case ast::ConstraintKind::Unique: return default_name("uq", table, c.columns);
    case ast::ConstraintKind::ForeignKey: {
      std::vector<std::string> parts = c.columns;
      parts.push_back(c.ref_table);
      return default_name("fk", table, parts);
    }
    case ast::ConstraintKind::Check: break;
  }
  // As the checker numbers them: ck_t_a, ck_t_a_2, ...; ck_t_1, ck_t_2, ...
  std::vector<std::string> parts = c.check ? columns_read({*c.check}) : std::vector<std::string>{};
  std::size_t n = parts.empty() ? 1 : 2;
  std::string name = parts.empty() ? default_name("ck", table, {"1"})
                                   : default_name("ck", table, parts);
  while (taken.count(name) != 0) {
    std::vector<std::string> numbered = parts;
    numbered.push_back(std::to_string(n++));
    name = default_name("ck", table, numbered);
  }
  return name;
}

std::string derived_name(const model::Index& index) {
  std::vector<std::string> cols = columns_read(index.elements);
  if (cols.empty()) cols = {"expr"};
  return default_name("ix", index.table, cols);
}

ast::ColumnDef column_def(const model::Column& column, bool implied_not_null) {
  ast::ColumnDef def;
  def.name = ident(column.name);
  def.type = column.type;
  def.type.range = {};
  if (column.not_null && !implied_not_null && !column.identity) def.not_null = true;
  if (column.default_value && column.default_value->kind != ast::ExprKind::Null)
    def.default_value = column.default_value;
  def.identity = column.identity;
  def.generated = column.generated;
  return def;
}

ast::TableConstraint table_constraint(const model::Constraint& c, bool named) {
  ast::TableConstraint tc;
  if (named) tc.name = ident(c.name);
  tc.kind = c.kind;
  if (c.kind != ast::ConstraintKind::Check) tc.columns = idents(c.columns);
  if (c.kind == ast::ConstraintKind::Check) tc.check = c.check;
  if (c.kind == ast::ConstraintKind::ForeignKey) {
    ast::ForeignRef ref;
    ref.table = ident(c.ref_table);
    ref.columns = idents(c.ref_columns);
    if (c.on_delete != ast::RefAction::NoAction) ref.on_delete = c.on_delete;
    if (c.on_update != ast::RefAction::NoAction) ref.on_update = c.on_update;
    tc.ref = std::move(ref);
  }
  return tc;
}

ast::CreateIndex create_index(const model::Index& index, bool named) {
  ast::CreateIndex ci;
  if (named) ci.name = ident(index.name);
  ci.unique = index.unique;
  ci.table = ident(index.table);
  ci.elements = index.elements;
  ci.where = index.where;
  return ci;
}

ast::Expr string_expr(const std::string& text) { return literal(ast::ExprKind::String, text); }

ast::Expr placeholder(const ast::TypeRef& type, const model::Schema& schema) {
  if (type.array) return string_expr("{}");
  switch (type.kind) {
    case ast::TypeKind::SmallInt:
    case ast::TypeKind::Int:
    case ast::TypeKind::BigInt:
    case ast::TypeKind::Real:
    case ast::TypeKind::Double:
    case ast::TypeKind::Decimal:
    case ast::TypeKind::Numeric: return literal(ast::ExprKind::Number, "0");
    case ast::TypeKind::Bool: return literal(ast::ExprKind::Bool, "false");
    case ast::TypeKind::Date: return string_expr("1970-01-01");
    case ast::TypeKind::Time: return string_expr("00:00:00");
    case ast::TypeKind::Timestamp: return string_expr("1970-01-01 00:00:00");
    case ast::TypeKind::Timestamptz: return string_expr("1970-01-01 00:00:00+00");
    case ast::TypeKind::Interval: return string_expr("0 seconds");
    case ast::TypeKind::Uuid: return string_expr("00000000-0000-0000-0000-000000000000");
    case ast::TypeKind::Json:
    case ast::TypeKind::Jsonb: return string_expr("{}");
    case ast::TypeKind::Enum: {
      const model::Enum* e = schema.enum_type(type.name);
      if (e != nullptr && !e->values.empty()) return string_expr(e->values.front());
      return string_expr("");
    }
    case ast::TypeKind::Text:
    case ast::TypeKind::Varchar:
    case ast::TypeKind::Char:
    case ast::TypeKind::Bytes:
    case ast::TypeKind::Postgres:
    case ast::TypeKind::Native: break;
  }
  return string_expr("");
}

}  // namespace migrac::autogen

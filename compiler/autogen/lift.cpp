#include "compiler/autogen/lift.h"

#include "compiler/pgsql/expr_read.h"

namespace migrac::autogen {

namespace {

void lift(ast::Expr& e) {
  if (e.kind == ast::ExprKind::RawSql) {
    if (std::optional<ast::Expr> read = pgsql::read_expression(e.text)) e = std::move(*read);
    return;
  }
  for (ast::Expr& a : e.args) lift(a);
}

void lift(Boxed<ast::Expr>& e) {
  if (e) lift(*e);
}

}  // namespace

model::Schema readable_expressions(model::Schema schema) {
  schema.tables.edit_each([](model::Table& table) {
    for (model::Column& c : table.columns) {
      lift(c.default_value);
      lift(c.generated);
    }
    for (model::Constraint& k : table.constraints) lift(k.check);
    for (model::Index& ix : table.indexes) {
      for (ast::Expr& e : ix.elements) lift(e);
      lift(ix.where);
    }
  });
  return schema;
}

}  // namespace migrac::autogen

#pragma once
// Walks over expressions: every phase that asks which columns an expression
// reads (the checker, the emitters) walks the same way.

#include "compiler/ast/ast.h"

namespace migrac {

// Calls f(expr) for every Column expression of `e`, in source order; opaque
// `sql $$...$$` parts are not entered.
template <class F>
void for_each_column(const ast::Expr& e, F&& f) {
  if (e.kind == ast::ExprKind::Column) {
    f(e);
    return;
  }
  if (e.kind == ast::ExprKind::RawSql) return;
  for (const ast::Expr& a : e.args) for_each_column(a, f);
}

}  // namespace migrac

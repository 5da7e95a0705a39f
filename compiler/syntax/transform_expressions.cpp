// Expressions: one function per precedence level of the grammar, folding
// operator chains to the left.

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

ast::Expr concat(Builder& b, P::ConcatExprContext* ctx);
ast::Expr primary(Builder& b, P::PrimaryContext* ctx);

ast::Expr binary(Builder& b, std::string op, ast::Expr lhs, ast::Expr rhs) {
  ast::Expr e;
  e.kind = ast::ExprKind::Binary;
  e.text = std::move(op);
  e.range = b.span(lhs.range, rhs.range);
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  return e;
}

ast::Expr unary(Builder& b, P::UnaryExprContext* ctx) {
  if (ctx->primary() != nullptr) return primary(b, ctx->primary());
  ast::Expr operand = unary(b, ctx->unaryExpr());
  std::string op(b.text(ctx->op));
  // `-1` is a number as written, not an operation.
  if (operand.kind == ast::ExprKind::Number && operand.text.front() != '-' &&
      operand.text.front() != '+') {
    operand.text = op + operand.text;
    operand.range = b.range(ctx);
    return operand;
  }
  ast::Expr e;
  e.kind = ast::ExprKind::Unary;
  e.text = std::move(op);
  e.range = b.range(ctx);
  e.args.push_back(std::move(operand));
  return e;
}

ast::Expr mul(Builder& b, P::MulExprContext* ctx) {
  std::vector<P::UnaryExprContext*> parts = ctx->unaryExpr();
  ast::Expr e = unary(b, parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    e = binary(b, std::string(b.text(ctx->ops[i - 1])), std::move(e), unary(b, parts[i]));
  }
  return e;
}

ast::Expr add(Builder& b, P::AddExprContext* ctx) {
  std::vector<P::MulExprContext*> parts = ctx->mulExpr();
  ast::Expr e = mul(b, parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    e = binary(b, std::string(b.text(ctx->ops[i - 1])), std::move(e), mul(b, parts[i]));
  }
  return e;
}

ast::Expr concat(Builder& b, P::ConcatExprContext* ctx) {
  std::vector<P::AddExprContext*> parts = ctx->addExpr();
  ast::Expr e = add(b, parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) e = binary(b, "||", std::move(e), add(b, parts[i]));
  return e;
}

ast::Expr predicate(Builder& b, P::PredicateContext* ctx) {
  std::vector<P::ConcatExprContext*> parts = ctx->concatExpr();
  ast::Expr lhs = concat(b, parts[0]);
  if (ctx->compOp() != nullptr) {
    return binary(b, std::string(b.text(ctx->compOp())), std::move(lhs), concat(b, parts[1]));
  }
  ast::Expr e;
  e.range = b.range(ctx);
  e.negated = ctx->K_NOT() != nullptr;
  if (ctx->K_IS() != nullptr) {
    e.kind = ast::ExprKind::IsNull;
    e.args.push_back(std::move(lhs));
    return e;
  }
  if (ctx->K_LIKE() != nullptr) {
    e.kind = ast::ExprKind::Like;
    e.args.push_back(std::move(lhs));
    e.args.push_back(concat(b, parts[1]));
    return e;
  }
  if (ctx->K_IN() != nullptr) {
    e.kind = ast::ExprKind::In;
    e.args.push_back(std::move(lhs));
    for (P::ExprContext* item : ctx->expr()) e.args.push_back(transform_expr(b, item));
    return e;
  }
  if (ctx->K_BETWEEN() != nullptr) {
    e.kind = ast::ExprKind::Between;
    e.args.push_back(std::move(lhs));
    e.args.push_back(concat(b, parts[1]));
    e.args.push_back(concat(b, parts[2]));
    return e;
  }
  return lhs;
}

ast::Expr not_expr(Builder& b, P::NotExprContext* ctx) {
  if (ctx->predicate() != nullptr) return predicate(b, ctx->predicate());
  ast::Expr e;
  e.kind = ast::ExprKind::Unary;
  e.text = "not";
  e.range = b.range(ctx);
  e.args.push_back(not_expr(b, ctx->notExpr()));
  return e;
}

ast::Expr and_expr(Builder& b, P::AndExprContext* ctx) {
  std::vector<P::NotExprContext*> parts = ctx->notExpr();
  ast::Expr e = not_expr(b, parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) e = binary(b, "and", std::move(e), not_expr(b, parts[i]));
  return e;
}

ast::Expr or_expr(Builder& b, P::OrExprContext* ctx) {
  std::vector<P::AndExprContext*> parts = ctx->andExpr();
  ast::Expr e = and_expr(b, parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) e = binary(b, "or", std::move(e), and_expr(b, parts[i]));
  return e;
}

ast::Expr primary(Builder& b, P::PrimaryContext* ctx) {
  ast::Expr e;
  e.range = b.range(ctx);
  if (ctx->STRING() != nullptr) {
    e.kind = ast::ExprKind::String;
    e.text = unquote_string(b.text(ctx->STRING()));
  } else if (ctx->NUMBER() != nullptr) {
    e.kind = ast::ExprKind::Number;
    e.text = std::string(b.text(ctx->NUMBER()));
  } else if (ctx->K_TRUE() != nullptr || ctx->K_FALSE() != nullptr) {
    e.kind = ast::ExprKind::Bool;
    e.text = ctx->K_TRUE() != nullptr ? "true" : "false";
  } else if (ctx->K_NULL() != nullptr) {
    e.kind = ast::ExprKind::Null;
  } else if (ctx->K_CASE() != nullptr) {
    e.kind = ast::ExprKind::Case;
    e.has_else = ctx->K_ELSE() != nullptr;
    for (P::ExprContext* part : ctx->expr()) e.args.push_back(transform_expr(b, part));
  } else if (ctx->K_CAST() != nullptr) {
    e.kind = ast::ExprKind::Cast;
    e.args.push_back(transform_expr(b, ctx->expr(0)));
    e.type = transform_type(b, ctx->typeRef());
  } else if (ctx->K_SQL() != nullptr) {
    e.kind = ast::ExprKind::RawSql;
    e.text = std::string(dollar_body(b.text(ctx->DOLLAR_STRING())));
  } else if (ctx->functionName() != nullptr) {
    e.kind = ast::ExprKind::Call;
    e.text = transform_name(b, ctx->functionName()).name;
    for (P::ExprContext* arg : ctx->expr()) e.args.push_back(transform_expr(b, arg));
  } else if (ctx->columnName() != nullptr) {
    e.kind = ast::ExprKind::Column;
    e.text = transform_name(b, ctx->columnName()).name;
  } else {
    e.kind = ast::ExprKind::Paren;
    e.args.push_back(transform_expr(b, ctx->expr(0)));
  }
  return e;
}

}  // namespace

ast::Expr transform_expr(Builder& b, P::ExprContext* ctx) { return or_expr(b, ctx->orExpr()); }

}  // namespace migrac::syntax

// Expressions: `expr` (not, and, or), predicates, and `value` (arithmetic,
// concatenation, unary signs) over primaries.

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

ast::Expr value(Builder& b, P::ValueContext* ctx);
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

// `- x`, `x * y`, `x + y`, `x || y`, or a primary.
ast::Expr value(Builder& b, P::ValueContext* ctx) {
  if (ctx->primary() != nullptr) return primary(b, ctx->primary());
  std::vector<P::ValueContext*> operands = ctx->value();
  std::string op(b.text(ctx->op));
  if (operands.size() == 2) return binary(b, op, value(b, operands[0]), value(b, operands[1]));
  ast::Expr operand = value(b, operands[0]);
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

// A value, or a comparison, `is [not] null`, `[not] like`, `[not] in`, `[not] between`.
ast::Expr predicate(Builder& b, P::PredicateContext* ctx) {
  std::vector<P::ValueContext*> parts = ctx->value();
  ast::Expr lhs = value(b, parts[0]);
  if (ctx->compOp() != nullptr) {
    return binary(b, std::string(b.text(ctx->compOp())), std::move(lhs), value(b, parts[1]));
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
    e.args.push_back(value(b, parts[1]));
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
    e.args.push_back(value(b, parts[1]));
    e.args.push_back(value(b, parts[2]));
    return e;
  }
  return lhs;
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

ast::Expr transform_expr(Builder& b, P::ExprContext* ctx) {
  if (ctx->predicate() != nullptr) return predicate(b, ctx->predicate());
  std::vector<P::ExprContext*> operands = ctx->expr();
  if (operands.size() == 2) {
    return binary(b, ctx->K_AND() != nullptr ? "and" : "or", transform_expr(b, operands[0]),
                  transform_expr(b, operands[1]));
  }
  ast::Expr e;
  e.kind = ast::ExprKind::Unary;
  e.text = "not";
  e.range = b.range(ctx);
  e.args.push_back(transform_expr(b, operands[0]));
  return e;
}

}  // namespace migrac::syntax

// Expressions: `expr` (not, and, or), predicates, and `value` (arithmetic,
// concatenation, unary signs) over primaries.

#include <fmt/format.h>

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

// `x::type`, PostgreSQL's cast: reported with the language's spelling, and
// read as that cast (so that nothing after it fails again).
ast::Expr double_colon_cast(Builder& b, P::ValueContext* ctx) {
  auto* operand = child<P::ValueContext>(ctx, 0);
  auto* mistake = child<P::MistakeCastContext>(ctx, 1);
  auto* type_ctx = mistake->typeRef();
  ast::Expr e;
  e.kind = ast::ExprKind::Cast;
  e.range = b.range(ctx);
  e.type = transform_type(b, type_ctx);
  std::string_view x = b.text(operand);
  std::string_view t = b.text(type_ctx);
  std::string help = x.size() + t.size() <= 60 && x.find('\n') == std::string_view::npos
                         ? fmt::format("write 'cast({} as {})'", x, t)
                         : std::string("write 'cast(x as type)'");
  b.report(DiagKind::DoubleColonCast, b.range(mistake->DOUBLE_COLON()),
           "'::' is PostgreSQL's cast; the language writes cast(x as type)", std::move(help));
  e.args.push_back(value(b, operand));
  return e;
}

// `- x`, `x * y`, `x + y`, `x || y`, or a primary.
ast::Expr value(Builder& b, P::ValueContext* ctx) {
  // The shape of the children tells the alternative (the generated accessors
  // search the children, which is slow in the hot path).
  if (ctx->children.size() == 1) return primary(b, child<P::PrimaryContext>(ctx, 0));
  if (ctx->children.size() == 2 && ctx->op == nullptr) return double_colon_cast(b, ctx);
  std::string op(b.text(ctx->op));
  if (ctx->children.size() == 3) {
    return binary(b, op, value(b, child<P::ValueContext>(ctx, 0)),
                  value(b, child<P::ValueContext>(ctx, 2)));
  }
  ast::Expr operand = value(b, child<P::ValueContext>(ctx, 1));
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
  if (ctx->children.size() == 1) return value(b, child<P::ValueContext>(ctx, 0));
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
  antlr4::Token* first = ctx->getStart();
  std::size_t n = ctx->children.size();
  switch (first->getType()) {
    case P::STRING:
      e.kind = ast::ExprKind::String;
      e.text = unquote_string(b.text(first));
      return e;
    case P::NUMBER:
      e.kind = ast::ExprKind::Number;
      e.text = std::string(b.text(first));
      return e;
    case P::K_TRUE:
    case P::K_FALSE:
      e.kind = ast::ExprKind::Bool;
      e.text = first->getType() == P::K_TRUE ? "true" : "false";
      return e;
    case P::K_NULL: e.kind = ast::ExprKind::Null; return e;
    case P::K_CASE:
      e.kind = ast::ExprKind::Case;
      e.has_else = ctx->K_ELSE() != nullptr;
      for (P::ExprContext* part : ctx->expr()) e.args.push_back(transform_expr(b, part));
      return e;
    case P::K_CAST:
      e.kind = ast::ExprKind::Cast;
      e.args.push_back(transform_expr(b, child<P::ExprContext>(ctx, 2)));
      e.type = transform_type(b, child<P::TypeRefContext>(ctx, 4));
      return e;
    case P::LPAREN:
      e.kind = ast::ExprKind::Paren;
      e.args.push_back(transform_expr(b, child<P::ExprContext>(ctx, 1)));
      return e;
    case P::K_SQL:
      if (n == 2) {  // `sql $$...$$` (a column or function named sql has 1 or 3+ children)
        e.kind = ast::ExprKind::RawSql;
        e.text = std::string(dollar_body(b.text(ctx->getStop())));
        return e;
      }
      break;
    default: break;
  }
  if (n == 1) {
    e.kind = ast::ExprKind::Column;
    e.text = transform_name(b, child<P::ColumnNameContext>(ctx, 0)).name;
    return e;
  }
  e.kind = ast::ExprKind::Call;
  e.text = transform_name(b, child<P::FunctionNameContext>(ctx, 0)).name;
  for (std::size_t i = 2; i + 1 < n; i += 2)
    e.args.push_back(transform_expr(b, child<P::ExprContext>(ctx, i)));
  return e;
}

}  // namespace

ast::Expr transform_expr(Builder& b, P::ExprContext* ctx) {
  if (ctx->children.size() == 1) return predicate(b, child<P::PredicateContext>(ctx, 0));
  if (ctx->children.size() == 3) {
    std::size_t op =
        static_cast<antlr4::tree::TerminalNode*>(ctx->children[1])->getSymbol()->getType();
    return binary(b, op == P::K_AND ? "and" : "or",
                  transform_expr(b, child<P::ExprContext>(ctx, 0)),
                  transform_expr(b, child<P::ExprContext>(ctx, 2)));
  }
  ast::Expr e;
  e.kind = ast::ExprKind::Unary;
  e.text = "not";
  e.range = b.range(ctx);
  e.args.push_back(transform_expr(b, child<P::ExprContext>(ctx, 1)));
  return e;
}

}  // namespace migrac::syntax

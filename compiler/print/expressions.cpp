// Expressions with the grammar's precedence, loosest first: or < and < not <
// predicates (comparisons, is null, like, in, between) < || < + - < * / % <
// unary - + < primaries. Binary operators are left-associative; predicates do
// not nest. Parentheses come from Paren nodes; others are added only where an
// expression built by a program (not parsed) would otherwise read back as a
// different tree.

#include <fmt/format.h>

#include "compiler/print/text.h"

namespace migrac::print {

namespace {

// Precedence levels, loosest first.
enum Level : int {
  kOr = 0,
  kAnd,
  kNot,
  kPredicate,
  kConcat,
  kAdditive,
  kMultiplicative,
  kUnary,
  kPrimary,
};

Level binary_level(const std::string& op) {
  if (op == "or") return kOr;
  if (op == "and") return kAnd;
  if (op == "||") return kConcat;
  if (op == "+" || op == "-") return kAdditive;
  if (op == "*" || op == "/" || op == "%") return kMultiplicative;
  return kPredicate;  // = <> != < <= > >=
}

Level level_of(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Binary: return binary_level(e.text);
    case ast::ExprKind::Unary: return e.text == "not" ? kNot : kUnary;
    case ast::ExprKind::IsNull:
    case ast::ExprKind::Like:
    case ast::ExprKind::In:
    case ast::ExprKind::Between: return kPredicate;
    case ast::ExprKind::Number:
      return !e.text.empty() && (e.text[0] == '-' || e.text[0] == '+') ? kUnary : kPrimary;
    default: return kPrimary;
  }
}

std::string print(const ast::Expr& e);

// `e` where the grammar reads an expression of at least level `min`.
std::string at_least(const ast::Expr& e, Level min) {
  std::string text = print(e);
  return level_of(e) >= min ? text : "(" + text + ")";
}

std::string list(const std::vector<ast::Expr>& args, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < args.size(); ++i) {
    if (i > from) out += ", ";
    out += print(args[i]);
  }
  return out;
}

std::string binary(const ast::Expr& e) {
  Level level = binary_level(e.text);
  if (level == kPredicate) {
    return fmt::format("{} {} {}", at_least(e.args[0], kConcat), e.text,
                       at_least(e.args[1], kConcat));
  }
  return fmt::format("{} {} {}", at_least(e.args[0], level), e.text,
                     at_least(e.args[1], static_cast<Level>(level + 1)));
}

std::string unary(const ast::Expr& e) {
  if (e.text == "not") return "not " + at_least(e.args[0], kNot);
  std::string operand = at_least(e.args[0], kUnary);
  // `--` would start a comment.
  bool sign = !operand.empty() && (operand[0] == '-' || operand[0] == '+');
  return e.text + (sign ? " " : "") + operand;
}

std::string case_text(const ast::Expr& e) {
  std::string out = "case";
  std::size_t pairs = e.has_else ? e.args.size() - 1 : e.args.size();
  for (std::size_t i = 0; i + 1 < pairs; i += 2)
    out += fmt::format(" when {} then {}", print(e.args[i]), print(e.args[i + 1]));
  if (e.has_else) out += " else " + print(e.args.back());
  return out + " end";
}

std::string print(const ast::Expr& e) {
  const char* negated = e.negated ? "not " : "";
  switch (e.kind) {
    case ast::ExprKind::String: return string_text(e.text);
    case ast::ExprKind::Number:
    case ast::ExprKind::Bool: return e.text;
    case ast::ExprKind::Null: return "null";
    case ast::ExprKind::Column: return name_text(e.text);
    case ast::ExprKind::Call: return fmt::format("{}({})", name_text(e.text), list(e.args, 0));
    case ast::ExprKind::Unary: return unary(e);
    case ast::ExprKind::Binary: return binary(e);
    case ast::ExprKind::IsNull:
      return fmt::format("{} is {}null", at_least(e.args[0], kConcat), negated);
    case ast::ExprKind::Like:
      return fmt::format("{} {}like {}", at_least(e.args[0], kConcat), negated,
                         at_least(e.args[1], kConcat));
    case ast::ExprKind::In:
      return fmt::format("{} {}in ({})", at_least(e.args[0], kConcat), negated, list(e.args, 1));
    case ast::ExprKind::Between:
      return fmt::format("{} {}between {} and {}", at_least(e.args[0], kConcat), negated,
                         at_least(e.args[1], kConcat), at_least(e.args[2], kConcat));
    case ast::ExprKind::Case: return case_text(e);
    case ast::ExprKind::Cast:
      return fmt::format("cast({} as {})", print(e.args[0]), e.type ? type_text(*e.type) : "text");
    case ast::ExprKind::Paren: return "(" + print(e.args[0]) + ")";
    case ast::ExprKind::RawSql: return "sql " + dollar_text(e.text);
  }
  return {};
}

}  // namespace

std::string expr_text(const ast::Expr& e) { return print(e); }

}  // namespace migrac::print

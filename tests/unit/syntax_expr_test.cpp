// Expressions: precedence, associativity and every kind of node.
#include <catch2/catch.hpp>

#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

namespace {

// A compact, fully parenthesized form of an expression.
std::string show(const ast::Expr& e) {
  auto args = [&](std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < e.args.size(); ++i) out += " " + show(e.args[i]);
    return out;
  };
  std::string neg = e.negated ? "not " : "";
  switch (e.kind) {
    case ast::ExprKind::String: return "'" + e.text + "'";
    case ast::ExprKind::Number: return e.text;
    case ast::ExprKind::Bool: return e.text;
    case ast::ExprKind::Null: return "null";
    case ast::ExprKind::Column: return e.text;
    case ast::ExprKind::Call: return e.text + "(" + args(0) + " )";
    case ast::ExprKind::Unary: return "(" + e.text + args(0) + ")";
    case ast::ExprKind::Binary: return "(" + e.text + args(0) + ")";
    case ast::ExprKind::IsNull: return "(is " + neg + "null" + args(0) + ")";
    case ast::ExprKind::Like: return "(" + neg + "like" + args(0) + ")";
    case ast::ExprKind::In: return "(" + neg + "in" + args(0) + ")";
    case ast::ExprKind::Between: return "(" + neg + "between" + args(0) + ")";
    case ast::ExprKind::Case:
      return std::string("(case") + (e.has_else ? "/else" : "") + args(0) + ")";
    case ast::ExprKind::Cast:
      return "(cast" + args(0) + " as " + std::to_string(static_cast<int>(e.type->kind)) + ")";
    case ast::ExprKind::Paren: return "[" + show(e.args[0]) + "]";
    case ast::ExprKind::RawSql: return "sql{" + e.text + "}";
  }
  return "?";
}

// The default expression of `create table t (c int default <text>)`.
std::string parse_expr(const std::string& text) {
  Parsed p = parse_mig_text("backfill t set c = " + text + ";");
  INFO(text);
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  return show(only_op<ast::Backfill>(p).assignments[0].value);
}

}  // namespace

TEST_CASE("expression precedence from or down to unary", "[syntax][expr]") {
  CHECK(parse_expr("a or b and c") == "(or a (and b c))");
  CHECK(parse_expr("a and b or c") == "(or (and a b) c)");
  CHECK(parse_expr("not a and b") == "(and (not a) b)");
  CHECK(parse_expr("not a = b") == "(not (= a b))");
  CHECK(parse_expr("a = b || c") == "(= a (|| b c))");
  CHECK(parse_expr("a || b + c") == "(|| a (+ b c))");
  CHECK(parse_expr("a + b * c") == "(+ a (* b c))");
  CHECK(parse_expr("a * -b") == "(* a (- b))");
  CHECK(parse_expr("a - b - c") == "(- (- a b) c)");
  CHECK(parse_expr("a / b % c") == "(% (/ a b) c)");
  CHECK(parse_expr("(a + b) * c") == "(* [(+ a b)] c)");
  CHECK(parse_expr("a <> b") == "(<> a b)");
  CHECK(parse_expr("a != b") == "(!= a b)");
  CHECK(parse_expr("a <= b and a >= c and a < d and a > e") ==
        "(and (and (and (<= a b) (>= a c)) (< a d)) (> a e))");
}

TEST_CASE("predicates: is null, like, in, between", "[syntax][expr]") {
  CHECK(parse_expr("a is null") == "(is null a)");
  CHECK(parse_expr("a is not null") == "(is not null a)");
  CHECK(parse_expr("a like 'x%'") == "(like a 'x%')");
  CHECK(parse_expr("a not like 'x%'") == "(not like a 'x%')");
  CHECK(parse_expr("a in (1, 2, 3)") == "(in a 1 2 3)");
  CHECK(parse_expr("a not in ('x')") == "(not in a 'x')");
  CHECK(parse_expr("a between 1 and 2 and b") == "(and (between a 1 2) b)");
  CHECK(parse_expr("a not between 1 + 1 and 2") == "(not between a (+ 1 1) 2)");
  CHECK(parse_expr("a || 'x' like 'y' or b is null") == "(or (like (|| a 'x') 'y') (is null b))");
}

TEST_CASE("literals, calls, case, cast and raw sql", "[syntax][expr]") {
  CHECK(parse_expr("'it''s'") == "'it's'");
  CHECK(parse_expr("42") == "42");
  CHECK(parse_expr("-1") == "-1");
  CHECK(parse_expr("3.14") == "3.14");
  CHECK(parse_expr("- 2.5") == "-2.5");
  CHECK(parse_expr("-a") == "(- a)");
  CHECK(parse_expr("TRUE") == "true");
  CHECK(parse_expr("false") == "false");
  CHECK(parse_expr("NULL") == "null");
  CHECK(parse_expr("now()") == "now( )");
  CHECK(parse_expr("coalesce(a, B, 'x')") == "coalesce( a b 'x' )");
  CHECK(parse_expr("Lower(Email)") == "lower( email )");
  CHECK(parse_expr("case when a > 1 then 'x' when a < 0 then 'y' else 'z' end") ==
        "(case/else (> a 1) 'x' (< a 0) 'y' 'z')");
  CHECK(parse_expr("case when a then 1 end") == "(case a 1)");
  CHECK(parse_expr("cast(a as bigint)") ==
        "(cast a as " + std::to_string(static_cast<int>(ast::TypeKind::BigInt)) + ")");
  CHECK(parse_expr("sql $$ now() - interval '1 day' $$") == "sql{ now() - interval '1 day' }");
  CHECK(parse_expr("\"Weird Col\" + 1") == "(+ Weird Col 1)");
}

TEST_CASE("expression ranges cover their text", "[syntax][expr]") {
  Parsed p = parse_mig_text("backfill t set c = lower(a) || 'x' where not (b > 1);");
  REQUIRE(p.diags.all().empty());
  const auto& b = only_op<ast::Backfill>(p);
  CHECK(p.text(b.assignments[0].value.range) == "lower(a) || 'x'");
  CHECK(p.text(b.assignments[0].value.args[0].range) == "lower(a)");
  CHECK(p.text(b.assignments[0].value.args[0].args[0].range) == "a");
  CHECK(p.text(b.where->range) == "not (b > 1)");
  CHECK(p.text(b.where->args[0].range) == "(b > 1)");
}

// The shared SQL builder: identifier quoting, literals, and expressions
// parenthesized exactly where binding needs it (checked with PostgreSQL's
// parser), with the PostgreSQL spelling and a made-up dialect's.

#include <catch2/catch.hpp>

#include "compiler/dialect/sql_builder.h"
#include "compiler/dialect/sql_functions.h"
#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;

// The PostgreSQL spelling as its emitter configures it, reached through a
// CHECK constraint so that the test sees exactly what the emitter writes.
std::string pg_expr(const ast::Expr& e) {
  model::Constraint k = check("ck", e);
  std::string sql = pg_sql(change(model::AddConstraint{"t", k, false}));
  std::string prefix = "ALTER TABLE t ADD CONSTRAINT ck CHECK (";
  REQUIRE(sql.starts_with(prefix));
  return sql.substr(prefix.size(), sql.size() - prefix.size() - 1);
}

std::string pg_default(const ast::Expr& e) {
  std::string sql = pg_sql(change(model::SetDefault{"t", "c", std::nullopt, e}));
  std::string prefix = "ALTER TABLE t ALTER COLUMN c SET DEFAULT ";
  REQUIRE(sql.starts_with(prefix));
  return sql.substr(prefix.size());
}

TEST_CASE("identifiers are quoted only when needed", "[emit][builder]") {
  std::unique_ptr<Emitter> pg = make_emitter(Dialect::Postgres);
  CHECK(pg->quote("users") == "users");
  CHECK(pg->quote("_tmp1") == "_tmp1");
  CHECK(pg->quote("order_items") == "order_items");
  CHECK(pg->quote("Order Items") == "\"Order Items\"");
  CHECK(pg->quote("1abc") == "\"1abc\"");
  CHECK(pg->quote("a\"b") == "\"a\"\"b\"");
  CHECK(pg->quote("select") == "\"select\"");
  CHECK(pg->quote("user") == "\"user\"");
  CHECK(pg->quote("time") == "\"time\"");
  CHECK(pg->quote("between") == "\"between\"");
  CHECK(pg->quote("name") == "name");        // unreserved
  CHECK(pg->quote("comment") == "comment");  // unreserved
  CHECK(pg->quote("émoji") == "\"émoji\"");
  std::string long_name(63, 'x');
  CHECK(pg->quote(long_name) == long_name);  // names are final: never shortened here
}

TEST_CASE("literals", "[emit][builder]") {
  CHECK(pg_default(str("it's")) == "'it''s'");
  CHECK(pg_default(str("back\\slash")) == "'back\\slash'");
  CHECK(pg_default(num("-1")) == "-1");
  CHECK(pg_default(num("3.14")) == "3.14");
  CHECK(pg_default(boolean(false)) == "FALSE");
  CHECK(pg_default(null()) == "NULL");
}

TEST_CASE("expressions keep their meaning with minimal parentheses", "[emit][builder]") {
  ast::Expr a = col("a"), b = col("b"), c = col("c");
  CHECK(pg_expr(bin("+", a, bin("*", b, c))) == "a + b * c");
  CHECK(pg_expr(bin("*", bin("+", a, b), c)) == "(a + b) * c");
  CHECK(pg_expr(bin("-", a, bin("-", b, c))) == "a - (b - c)");
  CHECK(pg_expr(bin("-", bin("-", a, b), c)) == "a - b - c");
  CHECK(pg_expr(bin("and", bin("or", a, b), c)) == "(a OR b) AND c");
  CHECK(pg_expr(bin("or", bin("and", a, b), c)) == "a AND b OR c");
  CHECK(pg_expr(bin("!=", a, b)) == "a <> b");
  CHECK(pg_expr(unary("not", bin("=", a, b))) == "NOT (a = b)");
  CHECK(pg_expr(unary("not", a)) == "NOT a");
  CHECK(pg_expr(bin("and", unary("not", a), b)) == "NOT a AND b");
  CHECK(pg_expr(unary("not", bin("and", a, b))) == "NOT (a AND b)");
  CHECK(pg_expr(is_null(bin("=", a, b))) == "(a = b) IS NULL");
  CHECK(pg_expr(bin("=", is_null(a), boolean(true))) == "(a IS NULL) = TRUE");
  CHECK(pg_expr(is_null(a, true)) == "a IS NOT NULL");
  CHECK(pg_expr(bin("=", bin("=", a, b), c)) == "(a = b) = c");
  CHECK(pg_expr(unary("-", num("-1"))) == "-(-1)");
  CHECK(pg_expr(bin("-", a, num("-1"))) == "a - -1");
  CHECK(pg_expr(unary("-", bin("+", a, b))) == "-(a + b)");
  CHECK(pg_expr(bin("||", bin("||", a, str("-")), b)) == "a || '-' || b");
  CHECK(pg_expr(bin(">", call("length", {bin("||", a, b)}), num("2"))) == "length(a || b) > 2");
  CHECK(pg_expr(paren(bin("+", a, b))) == "(a + b)");
  CHECK(pg_expr(bin("*", paren(bin("+", a, b)), c)) == "(a + b) * c");

  ast::Expr like = expr(ast::ExprKind::Like, {}, {a, str("x%")});
  like.negated = true;
  CHECK(pg_expr(like) == "a NOT LIKE 'x%'");
  ast::Expr in = expr(ast::ExprKind::In, {}, {a, num("1"), num("2"), bin("+", b, c)});
  CHECK(pg_expr(in) == "a IN (1, 2, b + c)");
  ast::Expr between = expr(ast::ExprKind::Between, {}, {a, num("1"), bin("+", b, num("1"))});
  CHECK(pg_expr(between) == "a BETWEEN 1 AND b + 1");
  ast::Expr between_bool = expr(ast::ExprKind::Between, {}, {a, bin("and", b, c), num("1")});
  CHECK(pg_expr(between_bool) == "a BETWEEN (b AND c) AND 1");

  ast::Expr cases = expr(ast::ExprKind::Case, {}, {bin(">", a, num("0")), str("pos"), str("neg")});
  cases.has_else = true;
  CHECK(pg_expr(bin("=", cases, str("pos"))) ==
        "CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END = 'pos'");
  ast::Expr cases_no_else = expr(ast::ExprKind::Case, {},
                                 {is_null(a), num("1"), is_null(b), num("2")});
  CHECK(pg_expr(is_null(cases_no_else, true)) ==
        "CASE WHEN a IS NULL THEN 1 WHEN b IS NULL THEN 2 END IS NOT NULL");

  ast::Expr cast = expr(ast::ExprKind::Cast, {}, {bin("+", a, b)});
  cast.type = type(ast::TypeKind::Varchar, 10);
  CHECK(pg_expr(bin("<>", cast, str(""))) == "CAST(a + b AS varchar(10)) <> ''");

  ast::Expr raw = expr(ast::ExprKind::RawSql, "a ~ '^x'");
  CHECK(pg_expr(raw) == "a ~ '^x'");
  CHECK(pg_expr(bin("and", raw, b)) == "(a ~ '^x') AND b");
}

TEST_CASE("defaults parenthesize what DEFAULT cannot take bare", "[emit][builder]") {
  CHECK(pg_default(call("now")) == "now()");
  CHECK(pg_default(bin("+", call("now"), expr(ast::ExprKind::Cast, {}, {str("1 day")}))) ==
        "now() + CAST('1 day' AS text)");
  CHECK(pg_default(bin("=", col("a"), num("1"))) == "(a = 1)");
  CHECK(pg_default(expr(ast::ExprKind::RawSql, "gen_random_uuid()")) == "(gen_random_uuid())");
  CHECK(pg_default(unary("-", num("5"))) == "-5");
}

TEST_CASE("a dialect configured by data only", "[emit][builder]") {
  DialectSpelling s;
  s.quote_open = "`";
  s.quote_close = "`";
  s.bare_upper_ok = true;
  s.reserved = {"order", "select"};
  s.types[static_cast<std::size_t>(ast::TypeKind::Varchar)] = {"varchar(255)", "varchar({})", ""};
  s.types[static_cast<std::size_t>(ast::TypeKind::Bool)] = {"tinyint(1)", "", ""};
  s.enum_is_named_type = false;
  s.types[static_cast<std::size_t>(ast::TypeKind::Enum)] = {"TEXT", "", ""};
  s.functions = {{"now", "CURRENT_TIMESTAMP", true}, {"length", "char_length", false}};
  s.true_literal = "1";
  s.backslash_escapes = true;
  s.concat_function = "concat";
  s.distinct_from = "NOT ({} <=> {})";
  SqlBuilder b(s);
  CHECK(b.ident("Users") == "Users");
  CHECK(b.ident("ORDER") == "`ORDER`");
  CHECK(b.ident("a`b") == "`a``b`");
  CHECK(b.type(type(ast::TypeKind::Varchar)) == "varchar(255)");
  CHECK(b.type(type(ast::TypeKind::Varchar, 20)) == "varchar(20)");
  CHECK(b.type(type(ast::TypeKind::Bool)) == "tinyint(1)");
  CHECK(b.type(type(ast::TypeKind::Enum, {}, {}, "mood")) == "TEXT");
  CHECK(b.expr(call("now")) == "CURRENT_TIMESTAMP");
  CHECK(b.expr(call("length", {col("a")})) == "char_length(a)");
  CHECK(b.expr(boolean(true)) == "1");
  CHECK(b.string_literal("a\\b'c") == "'a\\\\b''c'");
  CHECK(b.expr(bin("||", col("a"), col("b"))) == "concat(a, b)");
  CHECK(b.distinct_from(col("a"), num("1")) == "NOT (a <=> 1)");
  CHECK(b.index_element(call("now")) == "(CURRENT_TIMESTAMP)");
}

TEST_CASE("function facts: volatile and time-varying", "[emit][builder]") {
  CHECK_FALSE(expr_is_volatile(call("now")));
  CHECK(expr_varies_between_transactions(call("now")));
  CHECK(expr_is_volatile(call("random")));
  CHECK(expr_is_volatile(call("gen_random_uuid")));
  CHECK(expr_is_volatile(call("my_function")));
  CHECK(expr_is_volatile(expr(ast::ExprKind::RawSql, "1")));
  CHECK_FALSE(expr_is_volatile(call("lower", {col("a")})));
  CHECK_FALSE(expr_varies_between_transactions(call("lower", {col("a")})));
  CHECK_FALSE(expr_varies_between_transactions(call("upper", {col("a")})));
  CHECK(expr_varies_between_transactions(bin("+", col("a"), call("random"))));
  CHECK_FALSE(expr_is_volatile(bin("+", col("a"), num("1"))));
}

}  // namespace
}  // namespace migrac

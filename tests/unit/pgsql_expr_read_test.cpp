// Catalog expressions read into the language's expressions (pgsql/expr_read.h),
// shown as the printer writes them.
#include <catch2/catch.hpp>

#include "compiler/pgsql/expr_read.h"
#include "compiler/print/print.h"

namespace {

using namespace migrac;

// How `sql` reads back, printed as a default: "" when it has no reading.
std::string as_mig(const std::string& sql) {
  std::optional<ast::Expr> e = pgsql::read_expression(sql);
  if (!e) return "";
  ast::AlterColumnDefault op;
  op.table.name = "t";
  op.column.name = "c";
  op.value = std::move(*e);
  ast::Migration m;
  m.id = "0001_x";
  m.up.push_back(ast::Operation{std::move(op), {}, -1});
  std::string text = print::print_migration(m);
  std::string head = "alter column t.c set default ";
  std::size_t at = text.find(head);
  if (at == std::string::npos) return "?" + text;
  std::size_t end = text.find(";\n", at);
  return text.substr(at + head.size(), end - at - head.size());
}

}  // namespace

TEST_CASE("catalog expressions read as the language writes them") {
  CHECK(as_mig("'low'::priority") == "'low'");
  CHECK(as_mig("''::text") == "''");
  CHECK(as_mig("'it''s'::character varying") == "'it''s'");
  CHECK(as_mig("0") == "0");
  CHECK(as_mig("(0)::numeric") == "0");
  CHECK(as_mig("'-1'::integer") == "-1");
  CHECK(as_mig("2.5") == "2.5");
  CHECK(as_mig("true") == "true");
  CHECK(as_mig("now()") == "now()");
  CHECK(as_mig("lower((email)::text)") == "lower(email)");
  CHECK(as_mig("(score >= 0)") == "score >= 0");
  CHECK(as_mig("((status)::text <> 'cancelled'::text)") == "status <> 'cancelled'");
  CHECK(as_mig("(status = ANY (ARRAY['a'::text, 'b'::text]))") == "status in ('a', 'b')");
  CHECK(as_mig("(status <> ALL (ARRAY['a'::text, 'b'::text]))") == "status not in ('a', 'b')");
  CHECK(as_mig("((a > 0) AND ((b IS NULL) OR (c < 3)))") == "a > 0 and (b is null or c < 3)");
  CHECK(as_mig("((a + b) * c)") == "(a + b) * c");
  CHECK(as_mig("(NOT (name ~~ 'x%'::text))") == "not name like 'x%'");
  CHECK(as_mig("CASE WHEN (a > 0) THEN 'p'::text ELSE 'n'::text END") ==
        "case when a > 0 then 'p' else 'n' end");
  CHECK(as_mig("coalesce(nick, name)") == "coalesce(nick, name)");
  // A string cast to a type of one name (an enum, regclass): the column's type takes it.
  CHECK(as_mig("nextval('s'::regclass)") == "nextval('s')");
  CHECK(as_mig("(\"Unit Price\" > (0)::numeric)") == "\"Unit Price\" > 0");
}

TEST_CASE("what the language cannot say has no reading") {
  CHECK(as_mig("'1 day'::interval").empty());
  CHECK(as_mig("(tags @> ARRAY['x'::text])").empty());
  CHECK(as_mig("(SELECT 1)").empty());
  CHECK(as_mig("public.f(a)").empty());
  CHECK(as_mig("count(*)").empty());
  CHECK(as_mig("CASE a WHEN 1 THEN 'x'::text END").empty());
  CHECK(as_mig("(a)::bigint").empty());
  CHECK(as_mig("not valid sql (").empty());
}

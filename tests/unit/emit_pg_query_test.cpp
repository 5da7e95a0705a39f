// Every statement the tests emit is checked with PostgreSQL's own parser
// (libpg_query, see plan_test_fixtures.h); these cases check that checker
// itself, and run it over a plan that touches every change kind with names
// that need quoting.

#include <catch2/catch.hpp>

#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;

TEST_CASE("the parser check rejects what PostgreSQL rejects", "[emit][pg_query]") {
  CHECK(pg_parse_error("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (a)").empty());
  CHECK_FALSE(pg_parse_error("CREATE TABLE user (id int)").empty());  // reserved keyword
  CHECK_FALSE(pg_parse_error("ALTER TABLE t ADD COLUMN a int DEFAULT a = 1 IS NULL").empty());
  CHECK(pg_parse_error("ALTER TABLE t ADD COLUMN a int DEFAULT (a = 1 IS NULL)").empty());
  CHECK(plpgsql_error("DO $x$ BEGIN LOOP EXIT; END LOOP; END $x$").empty());
  CHECK_FALSE(plpgsql_error("DO $x$ BEGIN LOOP EXIT; END; END $x$").empty());
}

TEST_CASE("every change kind, with names that need quotes, parses", "[emit][pg_query]") {
  std::string t = "Order Items";
  model::Table table;
  table.name = t;
  table.columns = {column("Id", type(TK::BigInt), true, std::nullopt, true),
                   column("select", type(TK::Varchar, 20), true, str("x")),
                   column("when", type(TK::Enum, {}, {}, "Status Kind")),
                   column("user", type(TK::Int), false,
                          bin("*", num("2"), paren(bin("+", num("1"), num("-3")))))};
  table.constraints = {
      pk("pk Order", {"Id"}), unique("uq-select", {"select"}),
      fk("fk user", {"user"}, "User Table", {"ID"}, ast::RefAction::SetDefault),
      check("ck when", bin("or", is_null(col("when")), bin("<>", col("select"), str("it's"))))};
  table.indexes = {index("ix Order", t, {"select", "when"}, true)};
  model::Index ix = index("ix Expr", t, {});
  ix.elements = {call("lower", {col("select")}), bin("||", col("select"), str("-"))};
  ix.where = unary("not", bin("and", is_null(col("user")), boolean(false)));

  model::Backfill b;
  b.table = t;
  b.assignments = {ast::Assignment{ast::Ident{"select", true, {}}, call("upper", {col("select")})},
                   ast::Assignment{ast::Ident{"user", true, {}}, num("0")}};
  b.where = bin("or", is_null(col("user")), bin("=", col("user"), num("-1")));
  b.batch = 50;

  std::vector<model::Change> changes = {
      change(model::CreateEnum{model::Enum{"Status Kind", {"a", "it's"}}}, 2),
      change(model::AddTable{table}, 3),
      change(model::CreateIndex{ix, false, false}, 4, true),
      change(model::RenameTable{t, "Items"}, 5),
      change(model::RenameTable{"Items", t}, 6),
      change(
          model::AddColumn{t,
                           column("Note", type(TK::Text), true, call("now")),
                           {check("ck note", bin(">", call("length", {col("Note")}), num("0")))}},
          7),
      change(model::RenameColumn{t, "Note", "note"}, 8),
      change(model::AlterColumnType{t, "note", type(TK::Text), type(TK::Jsonb), std::nullopt}, 9),
      change(model::AlterColumnType{t, "when", type(TK::Enum, {}, {}, "Status Kind"),
                                    type(TK::Enum, {}, {}, "Other Kind"), std::nullopt},
             9),
      change(model::SetNotNull{t, "when"}, 10),
      change(model::DropNotNull{t, "when"}, 11),
      change(model::SetDefault{t, "when", std::nullopt, str("a")}, 12),
      change(model::AddConstraint{t, fk("fk two", {"user"}, "User Table", {"ID"}), false}, 13),
      change(model::AddConstraint{t, unique("uq two", {"user"}), false}, 14),
      change(model::DropConstraint{t, unique("uq-select", {"select"})}, 15),
      change(model::DropIndex{table.indexes[0], false, false}, 16),
      change(model::AddEnumValue{"Status Kind", "b'", std::string("it's"), true}, 17),
      change(b, 18),
      change(model::DropColumn{t, column("note", type(TK::Jsonb))}, 19),
      change(model::DropTable{table}, 20),
      change(model::DropEnum{model::Enum{"Status Kind", {"a"}}}, 21),
  };
  PlanInput in = plan_input(changes);
  MigrationPlan plan = pg_plan(in);  // requires every statement to parse
  CHECK_FALSE(plan.up.empty());
  CHECK_FALSE(plan.reversible);  // the enum value

  // The reverse of everything but the enum value parses too.
  changes.erase(changes.begin() + 16);
  MigrationPlan reversible = pg_plan(changes);
  CHECK(reversible.reversible);
  CHECK_FALSE(reversible.down.empty());
}

}  // namespace
}  // namespace migrac

// The printer's canonical text: expressions and their parentheses, names,
// literals, dollar tags, settings, the layout of generated comments, and the
// comments of a file in every place they can be (expected output compared whole).

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "compiler/print/print.h"
#include "print_ast_equal.h"
#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

namespace {

// The printed text of a migration given as text, with its comments.
std::string formatted(const std::string& text) {
  Parsed p = parse_mig_text(text);
  INFO(text);
  REQUIRE(p.messages() == std::vector<std::string>{});
  return print::print_migration(p.m, print::read_comments(text, p.m));
}

std::string read(const std::string& name) {
  std::ifstream in(std::string(MIGRAC_SOURCE_DIR) + "/tests/unit/print_cases/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ast::Expr column(const std::string& name) {
  ast::Expr e;
  e.kind = ast::ExprKind::Column;
  e.text = name;
  return e;
}

ast::Expr op(const std::string& text, ast::Expr a, ast::Expr b) {
  ast::Expr e;
  e.kind = ast::ExprKind::Binary;
  e.text = text;
  e.args = {std::move(a), std::move(b)};
  return e;
}

// `add column t.c int default <e>;` with the expression built, not parsed.
std::string with_default(ast::Expr e) {
  ast::Migration m;
  ast::AddColumn add;
  add.table.name = "t";
  add.column.name.name = "c";
  add.column.type.kind = ast::TypeKind::Int;
  add.column.default_value = std::move(e);
  m.up.push_back(ast::Operation{add, {}, -1});
  return print::print_migration(m);
}

}  // namespace

TEST_CASE("print: expressions keep their parentheses and add none", "[print]") {
  // Written in the canonical style already: printing changes nothing.
  for (const char* text : {
           "add constraint on t check (a = 1 or b = 2 and not c is null);\n",
           "add constraint on t check ((a = 1 or b = 2) and not (c is null));\n",
           "add constraint on t check (a - (b - c) = a - b - c);\n",
           "add constraint on t check (-a * 2 + -1 - - -1 <> +3 % 2);\n",
           "add constraint on t check (a || 'it''s' || b not like 'x%');\n",
           "add constraint on t check (a not in (1, 2, 3) and b between 0 and 10 + 1);\n",
           "add constraint on t check (case when a then 1 when b then 2 else 3 end > 0);\n",
           "add constraint on t check (cast(a as decimal(10, 2)) is not null);\n",
           "add constraint on t check (coalesce(a, sql $$now()$$) != a);\n",
           "add constraint on t check (\"Weird Col\" = \"check\" and status = value);\n",
       }) {
    CHECK(formatted(text) == text);
  }
}

TEST_CASE("print: a built expression gets the parentheses its reading needs", "[print]") {
  ast::Expr sum = op("+", column("a"), column("b"));
  CHECK(with_default(op("*", sum, column("c"))) == "add column t.c int default (a + b) * c;\n");
  CHECK(with_default(op("-", column("a"), op("-", column("b"), column("c")))) ==
        "add column t.c int default a - (b - c);\n");
  CHECK(with_default(op("-", op("-", column("a"), column("b")), column("c"))) ==
        "add column t.c int default a - b - c;\n");
  ast::Expr cmp = op("=", column("a"), column("b"));
  CHECK(with_default(op("=", cmp, column("c"))) == "add column t.c int default (a = b) = c;\n");
  ast::Expr negative;
  negative.kind = ast::ExprKind::Unary;
  negative.text = "-";
  ast::Expr one;
  one.kind = ast::ExprKind::Number;
  one.text = "-1";
  negative.args = {one};
  // `--` would be a comment.
  CHECK(with_default(negative) == "add column t.c int default - -1;\n");
}

TEST_CASE("print: names, strings, types, settings and sql bodies", "[print]") {
  CHECK(formatted("ADD COLUMN Users.\"Full Name\" VARCHAR(20) NOT NULL DEFAULT 'o''neil';") ==
        "add column users.\"Full Name\" varchar(20) not null default 'o''neil';\n");
  CHECK(formatted("create enum \"text\" ('a');\nadd column t.c \"text\";\n") ==
        "create enum \"text\" ('a');\nadd column t.c \"text\";\n");
  CHECK(formatted("add column t.c native \"geometry(Point, 4326)\";") ==
        "add column t.c native \"geometry(Point, 4326)\";\n");
  CHECK(formatted("add column t.\"on\" decimal(10,2);") == "add column t.\"on\" decimal(10, 2);\n");
  CHECK(formatted("set lock_timeout = 120000ms; set statement_timeout = 0;\n"
                  "set online = FALSE;\nset transaction = none;\ndrop table t;") ==
        "set lock_timeout = 2min;\nset statement_timeout = 0;\nset online = false;\n"
        "set transaction = none;\n\ndrop table t;\n");
  // A body holding $$ gets a tag; one holding that tag too, the next one.
  CHECK(formatted("sql $a$ SELECT $$x$$ $a$;") == "sql $sql$ SELECT $$x$$ $sql$;\n");
  CHECK(formatted("sql $a$ SELECT $$x$$, $sql$y$sql$ $a$;") ==
        "sql $sql1$ SELECT $$x$$, $sql$y$sql$ $sql1$;\n");
  CHECK(formatted("sql postgres $$ A $$ sqlite $$ B $$;") ==
        "sql postgres $$ A $$\n    sqlite   $$ B $$;\n");
  CHECK(formatted("create unique index ix on t (lower(a), b) where b is not null;") ==
        "create unique index ix on t (lower(a), b) where b is not null;\n");
  CHECK(formatted("alter enum e add value 'x' before 'y';") ==
        "alter enum e add value 'x' before 'y';\n");
  CHECK(formatted("add constraint fk on t foreign key (a, b) references u (c, d) on delete set "
                  "null on update cascade;") ==
        "add constraint fk on t foreign key (a, b) references u (c, d) on delete set null on "
        "update cascade;\n");
}

TEST_CASE("print: a backfill goes on one line when it fits, else its clauses wrap", "[print]") {
  CHECK(formatted("backfill t set a = 1 where a is null batch 10;") ==
        "backfill t set a = 1 where a is null batch 10;\n");
  CHECK(formatted("backfill t set a = 1 batch 10 pause 2000ms;") ==
        "backfill t set a = 1 batch 10 pause 2s;\n");
  CHECK(formatted("backfill t set a = 1 pause 0ms;") == "backfill t set a = 1 pause 0ms;\n");
  CHECK(formatted("backfill users set display_name = coalesce(full_name, username) where "
                  "display_name is null batch 5000;") ==
        "backfill users set display_name = coalesce(full_name, username)\n"
        "  where display_name is null\n"
        "  batch 5000;\n");
}

TEST_CASE("print: generated comments go at the top and before operations", "[print]") {
  Parsed p = parse_mig_text("after 0001_a;\nadd column t.a int;\nadd column t.b int;\n");
  REQUIRE(p.messages() == std::vector<std::string>{});
  print::Comments comments;
  comments.header = {" generated", ""};
  comments.before_up[1] = {" fill in the backfill"};
  CHECK(print::print_migration(p.m, comments) ==
        "-- generated\n"
        "--\n"
        "after 0001_a;\n"
        "\n"
        "add column t.a int;\n"
        "\n"
        "-- fill in the backfill\n"
        "add column t.b int;\n");
}

TEST_CASE("print: comments stay where they were, in every place", "[print]") {
  std::string text = read("comments.mig");
  std::string expected = read("comments.expected.mig");
  REQUIRE(!text.empty());
  CHECK(formatted(text) == expected);
  CHECK(formatted(expected) == expected);
  Parsed a = parse_mig_text(text), b = parse_mig_text(expected);
  CHECK(AstEqual()(a.m, b.m) == "");
}

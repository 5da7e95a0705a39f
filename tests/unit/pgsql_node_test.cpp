// Reading PostgreSQL's parse tree (compiler/pgsql/node.h, parse.h, split.h):
// a missing key or a value of another type is an empty value, never
// undefined behaviour; statements carry their byte ranges.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "compiler/pgsql/node.h"
#include "compiler/pgsql/parse.h"
#include "compiler/pgsql/split.h"

using namespace migrac;
using pgsql::Node;

TEST_CASE("tree: missing keys and wrong types are empty values", "[pgsql][node]") {
  const nlohmann::json tree = nlohmann::json::parse(R"({
    "CreateStmt": {"relation": {"relname": "t", "location": 13},
                   "tableElts": [{"ColumnDef": {"colname": "a", "is_local": true}}, 5],
                   "oncommit": 7, "flagged": "yes", "big": 12345678901}
  })");
  Node root(&tree);
  CHECK(root.kind() == "CreateStmt");
  Node body = root.body();
  CHECK(body.is_object());
  CHECK(body["relation"].str("relname") == "t");
  CHECK(body["relation"].location() == 13);
  // A missing key, all the way down.
  Node missing = body["no"]["such"]["path"];
  CHECK(missing.missing());
  CHECK(missing.str().empty());
  CHECK(missing.integer(-7) == -7);
  CHECK_FALSE(missing.flag());
  CHECK(missing.location() == -1);
  CHECK(missing.size() == 0);
  CHECK(missing.kind().empty());
  CHECK(missing.body().missing());
  CHECK(missing.front().missing());
  CHECK(missing.back().missing());
  int visited = 0;
  for (Node n : missing) {
    (void)n;
    ++visited;
  }
  CHECK(visited == 0);
  // Wrong types: a number read as a string, a string as a flag, an object as a list.
  CHECK(body.str("oncommit").empty());
  CHECK(body.integer("oncommit") == 7);
  CHECK_FALSE(body.flag("flagged"));
  CHECK(body.integer("flagged", 3) == 3);
  CHECK(body.integer("big") == 12345678901);
  CHECK(body["relation"].size() == 0);
  CHECK(body["relation"].at(0).missing());
  CHECK(body["relation"]["relname"]["deeper"].missing());
  CHECK(body["tableElts"].str("colname").empty());
  // Elements past the end, and an element that is not a wrapper.
  Node elts = body["tableElts"];
  REQUIRE(elts.size() == 2);
  CHECK(elts.at(0).as("ColumnDef").str("colname") == "a");
  CHECK(elts.at(0).as("Constraint").missing());
  CHECK(elts.at(0)["ColumnDef"].flag("is_local"));
  CHECK(elts.at(1).kind().empty());
  CHECK(elts.at(1).body().missing());
  CHECK(elts.at(1)["ColumnDef"].missing());
  CHECK(elts.at(2).missing());
  CHECK(elts.back().integer() == 5);
  // A default-constructed node is empty too.
  CHECK(Node().get("x").missing());
  CHECK(pgsql::relation_name(Node()).empty());
  CHECK(pgsql::type_name(body["nope"]).empty());
  CHECK(pgsql::string_list(body["relation"]).empty());
  CHECK(pgsql::first_location(body) == 13);
  CHECK(pgsql::first_location(Node()) == -1);
}

TEST_CASE("tree: wrappers of more than one key are not wrappers", "[pgsql][node]") {
  const nlohmann::json tree = nlohmann::json::parse(R"({"a": {"x": 1}, "b": 2})");
  Node root(&tree);
  CHECK(root.kind().empty());
  CHECK(root.body().missing());
  CHECK(root.has("a"));
  CHECK_FALSE(root.has("c"));
  int members = 0;
  root.for_each_member([&](std::string_view, Node) { ++members; });
  CHECK(members == 2);
}

TEST_CASE("parse: statements with their kinds and byte ranges", "[pgsql][parse]") {
  std::string text = "-- lead\nCREATE TABLE a (x int);\n /* c */ ALTER TABLE a ADD y text ;\n";
  pgsql::ParsedSql parsed = pgsql::parse(text);
  REQUIRE_FALSE(parsed.error);
  REQUIRE(parsed.statements.size() == 2);
  const pgsql::Statement& create = parsed.statements[0];
  CHECK(create.kind == "CreateStmt");
  CHECK(text.substr(create.begin, create.end - create.begin) == "CREATE TABLE a (x int)");
  CHECK(pgsql::relation_name(create.body["relation"]) == "a");
  CHECK(create.body["tableElts"].at(0).as("ColumnDef").str("colname") == "x");
  CHECK(pgsql::type_name(create.body["tableElts"].at(0).as("ColumnDef")["typeName"]) == "int4");
  const pgsql::Statement& alter = parsed.statements[1];
  CHECK(alter.kind == "AlterTableStmt");
  CHECK(text.substr(alter.begin, alter.end - alter.begin) == "ALTER TABLE a ADD y text");
  // The tree stays valid when the result moves.
  pgsql::ParsedSql moved = std::move(parsed);
  CHECK(moved.statements[1].body["cmds"].at(0).as("AlterTableCmd").str("subtype") ==
        "AT_AddColumn");
}

TEST_CASE("parse: PostgreSQL's syntax error with a byte offset", "[pgsql][parse]") {
  pgsql::ParsedSql parsed = pgsql::parse("SELECT 'é';\nSELEC 1;");
  REQUIRE(parsed.error);
  CHECK(parsed.error->message == "syntax error at or near \"SELEC\"");
  CHECK(parsed.error->offset == 13u);  // 'é' is two bytes, one character
  CHECK(parsed.statements.empty());
  CHECK(pgsql::char_pos_to_offset("éa", 2) == 2u);
}

TEST_CASE("split: statements and every error", "[pgsql][split]") {
  std::string text = "SELEC 1;\nSELECT 2;\nSELECT 'a;b' ;\n-- end\n";
  pgsql::SplitSql split = pgsql::split(text);
  REQUIRE(split.errors.size() == 1);
  CHECK(split.errors[0].message == "syntax error at or near \"SELEC\"");
  CHECK(text.substr(split.errors[0].begin, split.errors[0].end - split.errors[0].begin) == "SELEC");
  REQUIRE(split.statements.size() == 2);
  const pgsql::StatementSpan& last = split.statements[1];
  CHECK(text.substr(last.begin, last.end - last.begin) == "SELECT 'a;b'");
  CHECK(pgsql::split("-- nothing\n").statements.empty());
}

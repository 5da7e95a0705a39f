// Raw SQL migrations: header directives, statements split with libpg_query,
// PostgreSQL's own syntax errors, checksums, and parsing from several threads.
#include <catch2/catch.hpp>
#include <thread>

#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

TEST_CASE("raw SQL: header directives in the leading comments", "[syntax][raw]") {
  Parsed p = parse_sql_text(
      "-- Add the phone column\n"
      "-- migrac:after 0001_initial_schema, 0001_other\n"
      "--   migrac:no-transaction\n"
      "/* a block\n   comment */\n"
      "-- migrac:after 0001_third\n"
      "CREATE INDEX CONCURRENTLY ix ON users (phone);\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.parents.size() == 3);
  CHECK(p.m.parents[0].name == "0001_initial_schema");
  CHECK(p.text(p.m.parents[0].range) == "0001_initial_schema");
  CHECK(p.m.parents[0].range.begin.line == 2);
  CHECK(p.m.parents[1].name == "0001_other");
  CHECK(p.m.parents[2].name == "0001_third");
  CHECK(p.m.no_transaction);
  CHECK(p.m.format == MigrationFormat::RawSql);
  REQUIRE(p.m.raw_up.size() == 1);
  CHECK(p.m.raw_up[0].text == "CREATE INDEX CONCURRENTLY ix ON users (phone)");
  CHECK(p.m.raw_up[0].range.begin.line == 7);
  CHECK(p.m.raw_up[0].range.begin.column == 1);
}

TEST_CASE("raw SQL: directives elsewhere, unknown and malformed ones", "[syntax][raw]") {
  Parsed p = parse_sql_text(
      "-- migrac:afer x\n"
      "-- migrac:after bad-id\n"
      "-- migrac:no-transaction please\n"
      "SELECT 1;\n"
      "-- migrac:after late\n");
  CHECK(p.messages() == std::vector<std::string>{
                            "1:4: unknown directive '-- migrac:afer'",
                            "2:17: 'bad-id' is not a migration id: ids are letters, digits and '_'",
                            "3:26: '-- migrac:no-transaction' takes no value",
                            "5:4: '-- migrac:after' is ignored after the first statement",
                        });
  CHECK(p.diags.all()[0].kind == DiagKind::UnknownRawSqlDirective);
  CHECK(p.diags.all()[0].help == "did you mean 'after'?");
  CHECK(p.diags.all()[3].kind == DiagKind::MisplacedHeader);
  CHECK(p.m.parents.empty());
}

TEST_CASE("raw SQL: statements keep their exact text and position", "[syntax][raw]") {
  Parsed p = parse_sql_text(
      "CREATE TABLE a (x int);\n"
      "\n"
      "  /* why */ INSERT INTO a VALUES (1) ;\n"
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
      "-- a comment; with a semicolon\n"
      "SELECT 'a;b', \"c;d\"\n"
      "  FROM a");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.raw_up.size() == 4);
  CHECK(p.m.raw_up[0].text == "CREATE TABLE a (x int)");
  CHECK(p.m.raw_up[1].text == "INSERT INTO a VALUES (1)");
  CHECK(p.m.raw_up[1].range.begin.line == 3);
  CHECK(p.m.raw_up[1].range.begin.column == 13);
  CHECK(p.m.raw_up[2].text == "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql");
  CHECK(p.m.raw_up[3].text == "SELECT 'a;b', \"c;d\"\n  FROM a");
  CHECK(p.m.raw_up[3].range.begin.line == 6);
  CHECK(p.m.raw_up[3].range.end.line == 7);
  for (const ast::RawStatement& s : p.m.raw_up) CHECK(p.text(s.range) == s.text);
  CHECK(parse_sql_text("").m.raw_up.empty());
  CHECK(parse_sql_text("-- only a comment\n").m.raw_up.empty());
}

TEST_CASE("raw SQL: PostgreSQL's errors at the right place, every one reported", "[syntax][raw]") {
  Parsed p = parse_sql_text(
      "SELECT 'é';\n"
      "SELEC 1;\n"
      "SELECT 2;\n"
      "SELECT 'éé' + ;\n"
      "SELECT 3");
  CHECK(p.messages() == std::vector<std::string>{
                            "2:1: syntax error at or near \"SELEC\"",
                            "4:17: syntax error at or near \";\"",
                        });
  CHECK(p.diags.all()[0].kind == DiagKind::RawSqlSyntaxError);
  CHECK(p.text(p.diags.all()[0].range) == "SELEC");
  Parsed u = parse_sql_text("SELECT 1;\nSELECT 'abc");
  REQUIRE(u.diags.all().size() == 1);
  CHECK(u.diags.all()[0].message == "unterminated quoted string at or near \"'abc\"");
  CHECK(u.diags.all()[0].range.begin.line == 2);
  CHECK(u.diags.all()[0].range.begin.column == 8);
}

TEST_CASE("raw SQL: the down file and the checksum of the pair", "[syntax][raw]") {
  std::string up = "CREATE TABLE a (x int);\r\n";
  std::string down = "-- migrac:no-transaction\nDROP TABLE a;\n";
  Parsed p = parse_sql_text(up, &down);
  CHECK(p.messages() ==
        std::vector<std::string>{"1:4: '-- migrac:' directives belong in the .up.sql file"});
  CHECK_FALSE(p.m.no_transaction);
  REQUIRE(p.m.raw_down.size() == 1);
  CHECK(p.m.raw_down[0].text == "DROP TABLE a");
  CHECK(p.m.raw_down[0].range.file == p.m.down_file);
  CHECK(p.m.checksum == checksum_v1({up, down}));
  CHECK(parse_sql_text(up).m.checksum == checksum_v1({up}));
  CHECK(parse_sql_text(up).m.checksum != p.m.checksum);
}

TEST_CASE("parsing from several threads at once gives the same results", "[syntax][raw][threads]") {
  std::string mig =
      "after 0001_a;\ncreate table t (a int not null default 1, b text check (b <> ''));\n"
      "create index on t (lower(b)) where a > 0;\nbackfill t set a = a + 1 batch 10;\n"
      "drop tabel x;\n";
  std::string sql = "CREATE TABLE a (x int);\nSELEC 1;\nINSERT INTO a VALUES (1);\n";
  Parsed ref_mig = parse_mig_text(mig);
  Parsed ref_sql = parse_sql_text(sql);
  REQUIRE(ref_mig.diags.all().size() == 1);
  REQUIRE(ref_sql.diags.all().size() == 1);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        Parsed a = parse_mig_text(mig);
        Parsed b = parse_sql_text(sql);
        if (a.messages() != ref_mig.messages() || a.m.up.size() != ref_mig.m.up.size())
          ++mismatches;
        if (b.messages() != ref_sql.messages() || b.m.raw_up.size() != ref_sql.m.raw_up.size())
          ++mismatches;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(mismatches == 0);
}

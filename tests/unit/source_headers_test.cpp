// The reader of migration headers (compiler/source/headers.h): the `after`
// ids of a .mig header for the quick status path, and the `-- migrac:`
// directives of raw SQL files.
#include <catch2/catch.hpp>

#include "compiler/source/headers.h"

using namespace migrac;

TEST_CASE("the header scan finds the parents the parser would", "[source][headers]") {
  using P = std::optional<std::vector<std::string>>;
  CHECK(source::mig_parents("create table t (a int);") == P{std::vector<std::string>{}});
  CHECK(source::mig_parents(
            "-- doc\n/* more */\nafter 0001_a;\nset lock_timeout = 2s;\nadd column t.b int;") ==
        P{{"0001_a"}});
  CHECK(source::mig_parents("set online = false;\nAFTER 0008_a, 0008_b ;\n") ==
        P{{"0008_a", "0008_b"}});
  // `after` in an enum value, in strings, comments and bodies is not a clause.
  CHECK(source::mig_parents(
            "after a;\nalter enum s add value 'x' after 'y';\n"
            "sql $$ select 'after b' $$;\n-- after c\nbackfill t set a = 'after d';") == P{{"a"}});
  CHECK(source::mig_parents("after a;\nsql $body$ after x; $body$;") == P{{"a"}});
  // A clause below the operations: the scan is not sure, the compiler decides.
  CHECK_FALSE(source::mig_parents("create table t (a int);\nafter a;"));
  CHECK_FALSE(source::mig_parents("after ;"));
  CHECK_FALSE(source::mig_parents("after a"));
}

TEST_CASE("the header scan reads .mig comments as the grammar does", "[source][headers]") {
  using P = std::optional<std::vector<std::string>>;
  // .mig block comments do not nest: the first `*/` ends this one.
  CHECK(source::mig_parents("/* a /* b */\nafter x;\ncreate table t (a int);") == P{{"x"}});
  // A quoted name with a doubled quote and a string with '' stay whole.
  CHECK(source::mig_parents(
            "after x;\ncreate table \"a\"\" after y\" (b text default 'it''s after z');") ==
        P{{"x"}});
  // An unterminated string runs to the end: no clause is found inside it.
  CHECK(source::mig_parents("after x;\nbackfill t set a = 'after y") == P{{"x"}});
}

TEST_CASE("raw directives: names, values, leading or not", "[source][headers]") {
  std::string text =
      "-- intro\n"
      "--  migrac:after a, b  c\r\n"
      "/* block\n -- migrac:inside */ -- migrac:no-transaction\n"
      "SELECT 1;\n"
      "  -- migrac:allow rule reason\n";
  std::vector<source::RawDirective> ds = source::raw_directives(text);
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].name.text == "after");
  CHECK(ds[0].leading);
  CHECK(text.substr(ds[0].begin, ds[0].end - ds[0].begin) == "migrac:after a, b  c");
  std::vector<source::HeaderWord> values = source::directive_values(text, ds[0]);
  REQUIRE(values.size() == 3);
  CHECK(values[0].text == "a");
  CHECK(values[1].text == "b");
  CHECK(values[2].text == "c");
  CHECK(text.substr(values[2].begin, 1) == "c");
  // The block comment is skipped whole; the directive after it on its last line counts.
  CHECK(ds[1].name.text == "no-transaction");
  CHECK(ds[1].leading);
  CHECK(ds[1].value_begin == ds[1].end);
  CHECK(ds[2].name.text == "allow");
  CHECK_FALSE(ds[2].leading);
  CHECK(source::raw_no_transaction(text));
  CHECK_FALSE(source::raw_no_transaction("SELECT 1;\n-- migrac:no-transaction\n"));
  CHECK_FALSE(source::raw_no_transaction("-- migrac:after a\n"));
}

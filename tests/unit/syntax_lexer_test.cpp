// The fast paths of syntax::Lexer give exactly the tokens of the generated lexer.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/syntax/lexer_check.h"

namespace {

void same_tokens(const std::string& text) {
  INFO("text: " << text);
  CHECK(migrac::syntax::lexer_difference(text) == "");
}

}  // namespace

TEST_CASE("the fast lexer gives the generated lexer's tokens", "[syntax][lexer]") {
  const std::vector<std::string> texts = {
      "",
      " ",
      "\n\n",
      "-- only a comment",
      "-- a comment\r\nafter x;",
      "create table t (id bigint identity primary key);",
      "CREATE Table T_1 (Name VarChar(10) NOT NULL DEFAULT 'a''b');",
      "after 0001_init, 0002_next;\nset lock_timeout = 5s;",
      "a-b - -c --d\n-",
      "x--",
      "x",
      "_",
      "a1_b2 notnull not_null nots",
      "backfill t set a = 1 where b is not null batch 500;",
      "sql $$ select 1 $$;\nsql postgres $tag$ x $tag$ sqlite $$y$$;",
      "/* block */ drop /* unterminated",
      "\"Quoted Ident\" \"unterminated",
      "'unterminated string",
      "abc\xC3\xA9 \xEF\xBB\xBF\x01\x02 caf\xC3\xA9",
      "set transaction = per-migration;\tset online=false;\f",
      "1.5 2min 3h 4ms 5x 6_a",
      "create index on t (lower(name)) where a <> b and c != d || e <= f;",
      "\r\rdown { drop table t; }\r",
      "f(a,b);{}=+*%.5 t.c;",
      ";",
      "a::b x<y z>w p>=q r<=s t<>u v!=w a||b a|b a!b a:b c/d e/*f*/g 1-2 -- c\n-",
      "1 12 1.5 1. 1.x .5 0001_init 5s 5S 5ms 5Ms 5min 5MIN 5h 5hx 5m 5sec 5_ 5a1 7.5s 9..2",
      "'' 'a' 'a''b' '''' 'multi\nline' 'caf\xC3\xA9' 'x'y 'open ''",
      "'a'''",
      "[1] t[] int[][]",
      "<",
      ">",
      "!",
      ":",
      "|",
      "/",
      "1",
      "12",
      "'",
      "''",
      "$$$$ $$ $ $$ $a$$a$ $a$ $b$ $a$ $ab$ $a$ x $ab$",
      "$$ unclosed",
      "$a$ unclosed $a",
      "$a",
      "$",
      "$1$ x $1$",
      "$_x9$ y $_x9$;",
      "$\xC3\xA9$ caf\xC3\xA9 $\xC3\xA9$",
      "$t$ a $T$ b $t$",
      "sql $x$DO $$ BEGIN END $$$x$;",
      "$a$$",
      "$$$",
  };
  for (const std::string& text : texts) same_tokens(text);
}

TEST_CASE("the fast lexer agrees on the files of a directory", "[syntax][lexer][.files]") {
  // Run by hand: MIGRAC_LEXER_DIR=<dir> migrac_unit "[.files]"
  const char* dir = std::getenv("MIGRAC_LEXER_DIR");
  if (dir == nullptr) return;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    same_tokens(buf.str());
  }
}

// The one SQL text scanner (compiler/source/sql_scan.h): comments (nested
// block comments in PostgreSQL, not in .mig), strings with '', E'' strings
// with backslash escapes, quoted identifiers and $tag$ bodies.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/source/sql_scan.h"

using namespace migrac;
using source::SqlTokenKind;

namespace {

// "Kind:text" for every token of `text` that is not space.
std::vector<std::string> tokens(std::string_view text,
                                const source::SqlRules& rules = source::kPostgresRules) {
  std::vector<std::string> out;
  for (source::SqlScanner s(text, 0, rules); !s.done();) {
    source::SqlToken t = s.next();
    const char* kind = "";
    switch (t.kind) {
      case SqlTokenKind::Space: continue;
      case SqlTokenKind::LineComment: kind = "line"; break;
      case SqlTokenKind::BlockComment: kind = "block"; break;
      case SqlTokenKind::String: kind = "string"; break;
      case SqlTokenKind::QuotedName: kind = "name"; break;
      case SqlTokenKind::DollarBody: kind = "dollar"; break;
      case SqlTokenKind::Word: kind = "word"; break;
      case SqlTokenKind::Punct: kind = "punct"; break;
    }
    out.push_back(std::string(kind) + (t.closed ? ":" : "!:") + std::string(t.text(text)));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("scanner: line and block comments", "[pgsql][scanner]") {
  CHECK(tokens("a -- b; c\nd") == V{"word:a", "line:-- b; c", "word:d"});
  CHECK(tokens("a /* b; */ c") == V{"word:a", "block:/* b; */", "word:c"});
  CHECK(tokens("-- only") == V{"line:-- only"});
  CHECK(tokens("a - b / c") == V{"word:a", "punct:-", "word:b", "punct:/", "word:c"});
  CHECK(tokens("/* open") == V{"block!:/* open"});
}

TEST_CASE("scanner: nested block comments in PostgreSQL, not in .mig", "[pgsql][scanner]") {
  std::string text = "/* a /* b */ c; */ d";
  CHECK(tokens(text) == V{"block:/* a /* b */ c; */", "word:d"});
  CHECK(tokens(text, source::kMigRules) ==
        V{"block:/* a /* b */", "word:c", "punct:;", "punct:*", "punct:/", "word:d"});
  // An inner comment left open keeps the outer one open to the end.
  CHECK(tokens("/* a /* b */ c") == V{"block!:/* a /* b */ c"});
  CHECK(source::next_semicolon("/* /* ; */ ; */ x;", 0) == 17u);
  CHECK(source::next_semicolon("/* /* ; */ ; */ x;", 0, source::kMigRules) == 11u);
}

TEST_CASE("scanner: strings with doubled quotes", "[pgsql][scanner]") {
  CHECK(tokens("'it''s; -- not a comment' x") == V{"string:'it''s; -- not a comment'", "word:x"});
  CHECK(tokens("'' ''''") == V{"string:''", "string:''''"});
  CHECK(tokens("'a\\' b'") == V{"string:'a\\'", "word:b", "string!:'"});
  CHECK(tokens("'open; x") == V{"string!:'open; x"});
  CHECK(source::next_semicolon("select 'a;b'';'; x", 0) == 15u);
}

TEST_CASE("scanner: E'' strings take backslash escapes", "[pgsql][scanner]") {
  CHECK(tokens("E'it\\'s; x' y") == V{"string:E'it\\'s; x'", "word:y"});
  CHECK(tokens("e'a\\\\' b") == V{"string:e'a\\\\'", "word:b"});
  CHECK(tokens("E'a''b'") == V{"string:E'a''b'"});
  // Only a standalone E opens one: in a word it is a letter.
  CHECK(tokens("name'a\\' b'") == V{"word:name", "string:'a\\'", "word:b", "string!:'"});
  // Not in .mig, which has no escape strings.
  CHECK(tokens("E'a\\' b'", source::kMigRules) ==
        V{"word:E", "string:'a\\'", "word:b", "string!:'"});
  CHECK(source::next_semicolon("select E'\\';'; x", 0) == 13u);
}

TEST_CASE("scanner: quoted identifiers", "[pgsql][scanner]") {
  CHECK(tokens("\"a \"\"b\"\"; c\" d") == V{"name:\"a \"\"b\"\"; c\"", "word:d"});
  CHECK(tokens("\"x\".\"y\"") == V{"name:\"x\"", "punct:.", "name:\"y\""});
  CHECK(tokens("\"open") == V{"name!:\"open"});
  CHECK(source::unquote_name("\"a \"\"b\"\"\"") == "a \"b\"");
  CHECK(source::unquote_name("\"\"") == "");
}

TEST_CASE("scanner: $tag$ bodies", "[pgsql][scanner]") {
  CHECK(tokens("$$ a; 'b $$ c") == V{"dollar:$$ a; 'b $$", "word:c"});
  CHECK(tokens("$fn$ $$ ; $x$ $fn$;") == V{"dollar:$fn$ $$ ; $x$ $fn$", "punct:;"});
  CHECK(tokens("$body$ open") == V{"dollar!:$body$ open"});
  // $1 is a parameter, not a tag (a tag does not start with a digit).
  CHECK(tokens("$1 $2") == V{"word:$1", "word:$2"});
  // In a word `$` is a letter of the name (PostgreSQL).
  CHECK(tokens("a$b$ c") == V{"word:a$b$", "word:c"});
  CHECK(tokens("$é$ x $é$") == V{"dollar:$é$ x $é$"});
  CHECK(source::next_semicolon("do $x$ begin; end $x$; y", 0) == 21u);
}

TEST_CASE("scanner: words and skipping blanks", "[pgsql][scanner]") {
  CHECK(tokens("Select x1, _y FROM t(") ==
        V{"word:Select", "word:x1", "punct:,", "word:_y", "word:FROM", "word:t", "punct:("});
  CHECK(tokens("é$ x", source::kMigRules) == V{"punct:\xc3", "punct:\xa9", "punct:$", "word:x"});
  std::string text = "  -- a\n /* b /* c */ */\n\tSELECT";
  CHECK(source::skip_space_and_comments(text, 0) == text.find("SELECT"));
  CHECK(source::skip_space_and_comments("  -- x", 0) == 6u);
  CHECK(source::skip_comment("/* a */ b", 0) == 7u);
  CHECK(source::skip_comment("b /* a */", 0) == 0u);
  CHECK(source::next_semicolon("no semicolon", 0) == 12u);
}

// Syntax errors: readable messages at the right place, every error of a file,
// recovery that keeps the statements around an error.
#include <catch2/catch.hpp>

#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

namespace {

// The messages of `text` as "line:col: message".
std::vector<std::string> errors_of(const std::string& text) {
  return parse_mig_text(text).messages();
}

// The help line of the only diagnostic.
std::string help_of(const std::string& text) {
  Parsed p = parse_mig_text(text);
  REQUIRE(p.diags.all().size() == 1);
  return p.diags.all()[0].help;
}

const char* kValid =
    "after 0001_initial_schema;\n"
    "set lock_timeout = 2s;\n"
    "create table users (\n"
    "  id bigint identity primary key,\n"
    "  email varchar(255) not null unique default 'x' check (email like '%@%'),\n"
    "  status order_status references statuses (name) on delete set null,\n"
    "  constraint uq unique (email)\n"
    ");\n"
    "create unique index ix on users (lower(email)) where status is not null;\n"
    "backfill users set email = case when id > 0 then 'a' || 'b' else null end batch 10;\n"
    "alter column users.email type text using cast(email as text);\n"
    "sql postgres $f$ select $$x$$ $f$ sqlite $$ select 1 $$;\n"
    "no transaction { drop index ix; }\n"
    "down { drop table users; }\n";

}  // namespace

TEST_CASE("missing ';' is reported after the statement and both statements are kept",
          "[syntax][errors]") {
  Parsed p = parse_mig_text("drop table users\ndrop table orders;\n");
  CHECK(p.messages() == std::vector<std::string>{"1:17: expected ';' after 'drop table users'"});
  CHECK(p.diags.all()[0].kind == DiagKind::SyntaxError);
  CHECK(p.m.up.size() == 2);
  CHECK(errors_of("add column users.phone text\ndrop table x;") ==
        std::vector<std::string>{"1:28: expected ';' after 'add column users.phone text'"});
  CHECK(errors_of("set online = true\ndrop table x;") ==
        std::vector<std::string>{"1:18: expected ';' after the setting"});
  CHECK(errors_of("sql $$ select 1 $$") ==
        std::vector<std::string>{"1:19: expected ';' after 'sql $$ select 1 $$'"});
}

TEST_CASE("a missing part is named by what was expected", "[syntax][errors]") {
  CHECK(errors_of("create table users (id int, email, name text);") ==
        std::vector<std::string>{"1:34: expected a column type after 'email'"});
  CHECK(errors_of("drop table ;") ==
        std::vector<std::string>{"1:12: expected a table name after 'table'"});
  CHECK(errors_of("drop column users;") ==
        std::vector<std::string>{"1:18: expected '.' after 'users'"});
  CHECK(errors_of("create table t (a int default);") ==
        std::vector<std::string>{"1:30: expected an expression after 'default'"});
  CHECK(errors_of("create enum e ();") ==
        std::vector<std::string>{"1:16: expected a string after '('"});
  CHECK(errors_of("alter column t.c set nul;") ==
        std::vector<std::string>{"1:22: unexpected 'nul': expected 'not' or 'default'"});
  CHECK(errors_of("create table t (a int not nul);") ==
        std::vector<std::string>{"1:27: expected 'null' after 'not'"});
  CHECK(errors_of("create foo;") ==
        std::vector<std::string>{
            "1:8: unexpected 'foo': expected 'table', 'unique', 'index' or 'enum'"});
  CHECK(errors_of("backfill t set a = 1 where;") ==
        std::vector<std::string>{"1:27: expected an expression after 'where'"});
  CHECK(errors_of("sql;") ==
        std::vector<std::string>{"1:4: expected a dollar-quoted body ($$ ... $$) after 'sql'"});
  CHECK(errors_of("set = 1;") ==
        std::vector<std::string>{"1:5: expected a setting name after 'set'"});
  CHECK(errors_of("after ;") ==
        std::vector<std::string>{"1:7: expected a migration id after 'after'"});
}

TEST_CASE("an unknown word where an operation belongs", "[syntax][errors]") {
  CHECK(errors_of("foo bar;\ndrop table t;") ==
        std::vector<std::string>{
            "1:1: unexpected 'foo': expected an operation such as 'create table' or 'add column'"});
  CHECK(help_of("crate table t (a int);") == "did you mean 'create'?");
  CHECK(help_of("create table t (a int uniq);") == "did you mean 'unique'?");
  CHECK(errors_of("create table t (a int uniq);") ==
        std::vector<std::string>{
            "1:23: unexpected 'uniq': expected a column clause such as 'not null', "
            "',' or ')'"});
  CHECK(errors_of("no transaction { foo; }") ==
        std::vector<std::string>{"1:18: unexpected 'foo': expected an operation such as "
                                 "'create table' or 'add column', or '}'"});
  CHECK(errors_of("}") ==
        std::vector<std::string>{
            "1:1: unexpected '}': expected an operation such as 'create table' or 'add column'"});
}

TEST_CASE("column lists: missing and trailing commas", "[syntax][errors]") {
  Parsed p = parse_mig_text("create table t (\n  a int not null\n  b text\n);");
  CHECK(p.messages() == std::vector<std::string>{"2:17: expected ',' after column definition"});
  CHECK(errors_of("create table t (a int, );") ==
        std::vector<std::string>{"1:22: unexpected ',' after the last column definition"});
}

TEST_CASE("a bad column is left out, the rest of the table is kept", "[syntax][errors]") {
  Parsed p = parse_mig_text("create table t (a int, b, c text);\ndrop table x;");
  CHECK(p.messages().size() == 1);
  REQUIRE(p.m.up.size() == 2);
  const auto& t = std::get<ast::CreateTable>(p.m.up[0].op);
  REQUIRE(t.columns.size() == 2);
  CHECK(t.columns[0].name.name == "a");
  CHECK(t.columns[1].name.name == "c");
}

TEST_CASE("every error of a file is reported; good statements stay", "[syntax][errors]") {
  Parsed p = parse_mig_text(
      "create table a (id int);\n"
      "create table b (id int,);\n"
      "drop tabel c;\n"
      "add column a.x text;\n"
      "alter column a.x set;\n"
      "create index on a (x);\n"
      "wat;\n"
      "drop table a;\n");
  CHECK(p.messages() ==
        std::vector<std::string>{
            "2:23: unexpected ',' after the last column definition",
            "3:6: unexpected 'tabel': expected 'table', 'column', 'constraint', "
            "'index' or 'enum'",
            "5:21: unexpected ';': expected 'not' or 'default'",
            "7:1: unexpected 'wat': expected an operation such as 'create table' or "
            "'add column'",
        });
  REQUIRE(p.m.up.size() == 5);
  CHECK(std::holds_alternative<ast::CreateTable>(p.m.up[0].op));
  CHECK(std::holds_alternative<ast::CreateTable>(p.m.up[1].op));  // only the stray ',' is wrong
  CHECK(std::holds_alternative<ast::AddColumn>(p.m.up[2].op));
  CHECK(std::holds_alternative<ast::CreateIndex>(p.m.up[3].op));
  CHECK(std::holds_alternative<ast::DropTable>(p.m.up[4].op));
}

TEST_CASE("recovery stops at a line that starts a new statement", "[syntax][errors]") {
  Parsed p = parse_mig_text(
      "create table t (\n  a int\n  b int\n\ncreate table u (a int);\n"
      "alter column t.a\n  set default (1;\ndrop table v;\n");
  CHECK(p.messages() == std::vector<std::string>{
                            "2:8: expected ',' after column definition",
                            "3:8: expected ')' after column definition",
                            "7:17: expected ')' after '1'",
                        });
  REQUIRE(p.m.up.size() == 2);
  CHECK(std::get<ast::CreateTable>(p.m.up[0].op).table.name == "u");
  CHECK(std::get<ast::DropTable>(p.m.up[1].op).table.name == "v");
}

TEST_CASE("unterminated literals and comments", "[syntax][errors]") {
  Parsed s = parse_mig_text(
      "drop table a;\ncreate table b (x text default 'abc);\ndrop table c;\n");
  CHECK(s.messages() == std::vector<std::string>{"2:32: unterminated string"});
  CHECK(s.diags.all()[0].kind == DiagKind::UnterminatedString);
  CHECK(s.m.up.size() == 1);

  Parsed d = parse_mig_text("sql $body$ select $$x$$; $bod$;\n");
  CHECK(d.messages() == std::vector<std::string>{"1:5: unterminated dollar-quoted string"});
  CHECK(d.diags.all()[0].kind == DiagKind::UnterminatedDollarQuote);
  CHECK(d.diags.all()[0].help == "the body must end with '$body$', exactly as it starts");

  Parsed q = parse_mig_text("drop table \"abc;\n");
  CHECK(q.messages() == std::vector<std::string>{"1:12: unterminated quoted name"});
  CHECK(q.diags.all()[0].kind == DiagKind::UnterminatedQuotedName);

  Parsed c = parse_mig_text("drop table a;\n/* never closed\ndrop table b;\n");
  CHECK(c.messages() == std::vector<std::string>{"2:1: unterminated block comment"});
  CHECK(c.diags.all()[0].kind == DiagKind::UnterminatedComment);
  CHECK(c.m.up.size() == 1);
}

TEST_CASE("stray characters and bytes that are not UTF-8", "[syntax][errors]") {
  Parsed p = parse_mig_text(
      "drop table a\xff\xfe;\n"
      "create table c (n\xc3\xa9 int, b int);\n"
      "#include <x>\n"
      "drop table \x01 d;\n"
      "drop table e;\n");
  CHECK(p.messages() == std::vector<std::string>{
                            "1:13: unexpected bytes 0xff 0xfe: the file is not UTF-8 text",
                            "2:18: unexpected character '\xc3\xa9'",
                            "3:1: unexpected character '#'",
                            "4:12: unexpected control character 0x01",
                        });
  for (const Diagnostic& d : p.diags.all()) CHECK(d.kind == DiagKind::UnexpectedCharacter);
  REQUIRE(p.m.up.size() == 2);
  CHECK(std::get<ast::CreateTable>(p.m.up[0].op).columns.size() == 1);  // 'b'
  CHECK(std::get<ast::DropTable>(p.m.up[1].op).table.name == "e");
  // A byte order mark is not an error.
  CHECK(parse_mig_text("\xef\xbb\xbf"
                       "drop table a;")
            .diags.all()
            .empty());
}

TEST_CASE("settings: invalid values and unknown names", "[syntax][errors]") {
  Parsed p = parse_mig_text(
      "set lock_timeout = 5 seconds;\n"
      "set statement_timeout = 5000;\n"
      "set lock_timout = 5s;\n"
      "set online = yes;\n"
      "set transaction = always;\n"
      "set online = true;\n"
      "set online = false;\n"
      "set colour = 1;\n");
  CHECK(p.messages() ==
        std::vector<std::string>{
            "1:20: invalid duration '5 seconds' for setting 'lock_timeout'",
            "2:25: invalid duration '5000' for setting 'statement_timeout'",
            "3:5: unknown setting 'lock_timout'",
            "4:14: invalid value 'yes' for setting 'online': expected 'true' or 'false'",
            "5:19: invalid value 'always' for setting 'transaction': expected 'per-migration' or "
            "'none'",
            "7:1: setting 'online' is given twice",
            "8:5: unknown setting 'colour'",
        });
  CHECK(p.diags.all()[0].kind == DiagKind::InvalidSettingValue);
  CHECK(p.diags.all()[0].help == "write a number and a unit: 500ms, 5s, 2min or 1h");
  CHECK(p.diags.all()[2].kind == DiagKind::UnknownSetting);
  CHECK(p.diags.all()[2].help == "did you mean 'lock_timeout'?");
  CHECK(p.diags.all()[5].kind == DiagKind::DuplicateSetting);
  REQUIRE(p.m.settings.size() == 1);  // invalid settings are left out
  CHECK(p.m.settings[0].flag);
}

TEST_CASE("SQL-style mistakes say what to write", "[syntax][errors]") {
  Parsed a = parse_mig_text("alter table users add column phone text, drop column fax;");
  REQUIRE(a.diags.all().size() == 2);
  CHECK(a.diags.all()[0].kind == DiagKind::SqlStyleSyntax);
  CHECK(a.diags.all()[0].message ==
        "'alter table' is SQL: a migration names the table in each operation");
  CHECK(a.diags.all()[0].help == "write 'add column users.phone text;'");
  CHECK(a.diags.all()[1].help == "write 'drop column users.fax;'");
  CHECK(a.diags.all()[0].range.begin.column == 1);
  CHECK(help_of("alter table t rename column a to b;") == "write 'rename column t.a to b;'");
  CHECK(help_of("alter table t rename to u;") == "write 'rename table t to u;'");
  CHECK(help_of("alter table t alter column a set not null;") ==
        "write 'alter column t.a set not null;'");
  CHECK(help_of("alter table t add constraint c unique (a);") ==
        "write 'add constraint c on t unique (a);'");
  CHECK(help_of("alter table t drop constraint c;") == "write 'drop constraint c on t;'");
  CHECK(help_of("create type mood as enum ('a', 'b');") == "write 'create enum mood ('a', 'b');'");
  CHECK(help_of("drop table if exists t;") == "remove 'if exists'");
  CHECK(help_of("create table if not exists t (a int);") == "remove 'if not exists'");
  CHECK(help_of("create index concurrently on t (a);") == "remove 'concurrently'");
  CHECK(help_of("sql 'select 1';") == "write 'sql $$ select 1 $$;'");
  CHECK(help_of("add column phone text;") == "write 'add column <table>.phone text;'");
  CHECK(help_of("create table t (a native 'x');") == "write 'native \"x\"'");
}

TEST_CASE("clauses given twice or contradicting, bad numbers and type arguments",
          "[syntax][errors]") {
  CHECK(errors_of("create table t (a int not null null);") ==
        std::vector<std::string>{"1:32: column 'a' cannot be both 'null' and 'not null'"});
  CHECK(errors_of("create table t (a int unique unique);") ==
        std::vector<std::string>{"1:30: 'unique' is given twice for column 'a'"});
  CHECK(errors_of("create table t (a int primary key null);") ==
        std::vector<std::string>{"1:35: column 'a' is a primary key and cannot be 'null'"});
  CHECK(errors_of("create table t (a int(4));") ==
        std::vector<std::string>{"1:22: type 'int' takes no arguments"});
  CHECK(errors_of("create table t (a varchar(1, 2));") ==
        std::vector<std::string>{"1:26: type 'varchar' takes one argument, its length"});
  CHECK(errors_of("create table t (a varchar(1.5));") ==
        std::vector<std::string>{
            "1:27: '1.5' is not a valid argument of type 'varchar': a whole number is needed"});
  CHECK(errors_of("backfill t set a = 1 batch 0;") ==
        std::vector<std::string>{
            "1:28: invalid batch size '0': a whole number of rows greater than 0 is needed"});
  CHECK(errors_of("after 1.5;") ==
        std::vector<std::string>{
            "1:7: '1.5' is not a migration id: ids are letters, digits and '_'"});
  CHECK(help_of("after 0001_initial_schema.mig;") ==
        "write the id without the file extension: '0001_initial_schema'");
}

TEST_CASE("blocks and header in the wrong place", "[syntax][errors]") {
  CHECK(errors_of("no transaction {\n  drop table a;\n") ==
        std::vector<std::string>{"2:16: expected '}' to close the 'no transaction' block"});
  CHECK(errors_of("drop table a;\nafter 0001_x;") ==
        std::vector<std::string>{"2:1: 'after' must come before the first operation"});
  CHECK(errors_of("after a;\nafter b;") ==
        std::vector<std::string>{"2:1: a second 'after' in the same migration"});
  CHECK(errors_of("no transaction { set online = true; }") ==
        std::vector<std::string>{"1:18: 'set' cannot be inside a block"});
  CHECK(errors_of("down { }\ndown { }") ==
        std::vector<std::string>{"2:1: a second 'down' block in the same migration"});
  CHECK(errors_of("no transaction { down { } }") ==
        std::vector<std::string>{"1:18: a 'down' block must be at the top of the migration"});
  CHECK(errors_of("no transaction { no transaction { } }") ==
        std::vector<std::string>{"1:18: 'no transaction' blocks cannot be nested"});
  CHECK(errors_of("sql $$ a $$ postgres $$ b $$;") ==
        std::vector<std::string>{
            "1:5: a body without a dialect must be the only one of its 'sql' operation"});
  CHECK(errors_of("sql postgres $$ a $$ postgres $$ b $$;") ==
        std::vector<std::string>{"1:22: a second 'sql' body for 'postgres'"});
}

TEST_CASE("messages never show parser jargon, whatever the input", "[syntax][errors]") {
  std::string valid = kValid;
  REQUIRE(parse_mig_text(valid).diags.all().empty());
  // Every prefix of a valid file, and the file with one byte dropped.
  for (std::size_t cut = 0; cut <= valid.size(); cut += 3) {
    for (const std::string& text :
         {valid.substr(0, cut), valid.substr(0, cut) + valid.substr(cut + 1)}) {
      Parsed p = parse_mig_text(text);
      for (const Diagnostic& d : p.diags.all()) {
        INFO(text);
        INFO(d.message);
        CHECK(d.message.find("T__") == std::string::npos);
        CHECK(d.message.find("<EOF>") == std::string::npos);
        CHECK(d.message.find("K_") == std::string::npos);
        CHECK(d.message.find("IDENT") == std::string::npos);
        CHECK(d.message.find("viable") == std::string::npos);
        CHECK(d.message.find("mismatched") == std::string::npos);
        CHECK(d.message.find("extraneous") == std::string::npos);
        CHECK(d.message.find("token") == std::string::npos);
        CHECK(d.range.valid());
        CHECK(d.range.end.offset <= text.size());
      }
    }
  }
}

TEST_CASE("a ';' inserted by recovery outlives the recovery of later statements",
          "[syntax][errors]") {
  // Recovery puts a `<missing ';'>` token in the tree; a later failed statement
  // resets the error strategy, and the transform still reads that token (the
  // address sanitizer build catches a read of freed memory here).
  Parsed a = parse_mig_text("alter enum s add value''after''after");
  CHECK(a.messages() == std::vector<std::string>{
                            "1:32: expected ';' after 'alter enum s add value''after'''",
                            "1:37: expected a migration id after 'after'",
                        });
  REQUIRE(a.m.up.size() == 1);
  const auto& add = std::get<ast::AlterEnumAddValue>(a.m.up[0].op);
  CHECK(add.value.value.empty());  // `''`, then `after ''`
  REQUIRE(add.neighbor);
  CHECK(add.neighbor->value.empty());

  Parsed b = parse_mig_text("create enum e ('a')\nalter;\n");
  CHECK(b.messages() == std::vector<std::string>{
                            "1:20: expected ';' after 'create enum e ('a')'",
                            "2:6: unexpected ';': expected 'column' or 'enum'",
                        });
  REQUIRE(b.m.up.size() == 1);
  const auto& values = std::get<ast::CreateEnum>(b.m.up[0].op).values;
  REQUIRE(values.size() == 1);
  CHECK(values[0].value == "a");
}

TEST_CASE("quoted text that is not UTF-8 is quoted escaped", "[syntax][errors]") {
  Parsed p = parse_mig_text("\"\xff\"");
  CHECK(p.messages() == std::vector<std::string>{
                            "1:1: unexpected '\"\\xff\"': expected an operation such as "
                            "'create table' or 'add column'",
                        });
  // Bytes that the old check let through (F5..FF never start a sequence).
  Parsed q = parse_mig_text("drop table a\xf6\x9c\x8d\xa2;\n");
  CHECK(q.messages() ==
        std::vector<std::string>{
            "1:13: unexpected bytes 0xf6 0x9c 0x8d 0xa2: the file is not UTF-8 text",
        });
}

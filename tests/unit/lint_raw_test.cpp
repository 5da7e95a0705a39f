// Lint rules over raw .up.sql migrations (PostgreSQL's parse tree), with
// positions into the file.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "compiler/lint/lint.h"
#include "compiler/lint/sql_text.h"
#include "compiler/model/apply.h"
#include "compiler/pgsql/ddl.h"
#include "compiler/source/headers.h"

using namespace migrac;

namespace {

// Lints one raw migration file with the given text; returns "CODE line:col" per finding.
std::vector<std::string> lint_sql(const std::string& text, bool with_down = true,
                                  bool no_transaction = false) {
  SourceSet sources;
  ast::Migration m;
  m.id = "0001_x";
  m.format = MigrationFormat::RawSql;
  m.file = sources.add("m/0001_x.up.sql", text);
  if (with_down) m.down_file = sources.add("m/0001_x.down.sql", "SELECT 1;\n");
  m.no_transaction = no_transaction;
  Diagnostics d = lint::lint_raw_migration(sources, m);
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) {
    out.push_back(fmt::format("{} {}:{}", diag_info(x.kind).code, x.range.begin.line,
                              x.range.begin.column));
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("create index without concurrently blocks writes", "[lint][raw]") {
  auto f = lint_sql(
      "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n"
      "CREATE INDEX ix ON users (email);\n");
  CHECK(f == std::vector<std::string>{"W0610 3:1"});
}

TEST_CASE("an index on a table created in the same file is fine", "[lint][raw]") {
  auto f = lint_sql("CREATE TABLE t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ix ON t (e);\n");
  CHECK(f.empty());
}

// `check` reports it in a raw file (E0124, golden fail_check_raw_no_transaction);
// the lint rule does not repeat it there.
TEST_CASE("concurrently inside a transactional raw file is left to check", "[lint][raw]") {
  auto f = lint_sql(
      "SET lock_timeout = '2s';\nSET statement_timeout = 0;\n"
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email);\n");
  INFO(fmt::format("{}", fmt::join(f, ", ")));
  CHECK(!has(f, "W0631 3:1"));
  auto ok = lint_sql(
      "-- migrac:no-transaction\nSET lock_timeout = '2s';\n"
      "SET statement_timeout = '5min';\n"
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email);\n");
  CHECK(ok.empty());
}

TEST_CASE("non-transactional files need IF [NOT] EXISTS", "[lint][raw]") {
  auto f = lint_sql(
      "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n"
      "CREATE INDEX CONCURRENTLY ix ON users (email);\n"
      "DROP INDEX CONCURRENTLY ix_old;\n",
      true, true);
  CHECK(f == std::vector<std::string>{"W0635 3:1", "W0635 4:1"});
}

TEST_CASE("positions point at the column clause and the type", "[lint][raw]") {
  auto f = lint_sql(
      "SET lock_timeout = '2s';\nALTER TABLE users\n  ADD COLUMN age int NOT NULL;\n");
  CHECK(has(f, "W0605 3:14"));
  CHECK(has(f, "W0618 3:18"));
}

TEST_CASE("set not null, type change, constraints without not valid", "[lint][raw]") {
  auto f = lint_sql(
      "SET lock_timeout = '2s';\nSET statement_timeout = '1s';\n"
      "ALTER TABLE a ALTER COLUMN b SET NOT NULL;\n"
      "ALTER TABLE a ALTER COLUMN b TYPE bigint;\n"
      "ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES c (id);\n"
      "ALTER TABLE a ADD CONSTRAINT fk2 FOREIGN KEY (b) REFERENCES c (id) NOT VALID;\n"
      "ALTER TABLE a VALIDATE CONSTRAINT fk2;\n");
  // The VALIDATE in the transaction of its NOT VALID add scans under the add's lock.
  CHECK(f == std::vector<std::string>{"W0606 3:1", "W0608 4:1", "W0611 5:19", "W0611 7:1"});
}

TEST_CASE("missing lock_timeout is reported once, at the first locking statement", "[lint][raw]") {
  auto f = lint_sql(
      "SET statement_timeout = '1s';\nALTER TABLE a DROP COLUMN b;\nALTER TABLE a DROP COLUMN "
      "c;\n");
  CHECK(std::count_if(f.begin(), f.end(),
                      [](const std::string& s) { return s.rfind("W0632", 0) == 0; }) == 1);
  CHECK(has(f, "W0632 2:1"));
}

TEST_CASE("a raw migration without a down file is irreversible", "[lint][raw]") {
  auto f = lint_sql("-- migrac:after 0000\nSELECT 1;\n", false);
  CHECK(f == std::vector<std::string>{"W0613 1:1"});
}

TEST_CASE("a syntax error carries PostgreSQL's message and position", "[lint][raw]") {
  SourceSet sources;
  ast::Migration m;
  m.id = "0001_x";
  m.format = MigrationFormat::RawSql;
  m.file = sources.add("0001_x.up.sql", "SELECT 1;\nCREATE TABL x (a int);\n");
  Diagnostics d = lint::lint_raw_migration(sources, m);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].kind == DiagKind::LintRawSyntax);
  CHECK(d.all()[0].message == "syntax error at or near \"TABL\"");
  CHECK(d.all()[0].range.begin.line == 2);
  CHECK(d.all()[0].range.begin.column == 8);
}

TEST_CASE("transaction control in migration files", "[lint][raw]") {
  CHECK(has(lint_sql("BEGIN;\nSELECT 1;\nCOMMIT;\n"), "W0636 1:1"));
  auto open = lint_sql("-- migrac:no-transaction\nBEGIN;\nSELECT 1;\n", true, true);
  CHECK(open == std::vector<std::string>{"W0636 2:1"});
  CHECK(lint_sql("-- migrac:no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;\n", true, true).empty());
}

TEST_CASE("types: serial, varchar, timestamp, json", "[lint][raw]") {
  auto f = lint_sql(
      "CREATE TABLE t (id serial PRIMARY KEY, a varchar(5), b varchar, c timestamp, d json, e "
      "text);\n");
  CHECK(f == std::vector<std::string>{"W0620 1:20", "W0617 1:20", "W0619 1:42", "W0616 1:67",
                                      "W0615 1:80"});
}

namespace {

// The model before a migration: the tables `sql` creates, read as `check` reads raw SQL.
ModelBefore model_of(const std::string& sql) {
  ModelBefore before;
  pgsql::read_ddl(sql, before.schema,
                  [&](const model::Edit& edit) { model::apply(before.schema, edit); });
  return before;
}

constexpr const char* kTables =
    "CREATE TABLE users (id bigint PRIMARY KEY, name varchar(30), title varchar(100), age int, "
    "email text);\nCREATE INDEX ix_users_email ON users (email);\n"
    "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10, 2));\n";
constexpr const char* kTimeouts = "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n";

// Lints a raw migration (up and down) on a model; "FILE CODE line:col message" per finding.
std::vector<std::string> lint_on(const ModelBefore* before, const std::string& up,
                                 const std::string& down = "SELECT 1;\n") {
  SourceSet sources;
  ast::Migration m;
  m.id = "0002_x";
  m.format = MigrationFormat::RawSql;
  m.file = sources.add("up.sql", up);
  m.down_file = sources.add("down.sql", down);
  m.no_transaction = source::raw_no_transaction(up);
  lint::RawLintOptions options;
  options.before = before;
  Diagnostics d = lint::lint_raw_migration(sources, m, options);
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) {
    out.push_back(fmt::format("{} {} {}:{} {}", sources[x.range.file].path, diag_info(x.kind).code,
                              x.range.begin.line, x.range.begin.column, x.message));
  }
  return out;
}

}  // namespace

TEST_CASE("type changes that do not rewrite are quiet when the model knows the column",
          "[lint][raw][model]") {
  ModelBefore before = model_of(kTables);
  auto quiet = lint_on(&before, std::string(kTimeouts) +
                                    "ALTER TABLE users ALTER COLUMN name TYPE varchar(50);\n"
                                    "ALTER TABLE users ALTER COLUMN title TYPE text;\n"
                                    "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);\n");
  // varchar(50) still draws prefer-text, nothing else.
  CHECK(quiet == std::vector<std::string>{"up.sql W0619 3:42 column 'users.name' is varchar(50) "
                                          "where text serves"});
  auto loud = lint_on(&before,
                      std::string(kTimeouts) +
                          "ALTER TABLE users ALTER COLUMN age TYPE bigint;\n"
                          "ALTER TABLE users ALTER COLUMN name TYPE text;\n"
                          "ALTER TABLE users ALTER COLUMN name TYPE character varying(20);\n"
                          "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2) "
                          "USING total;\n");
  CHECK(loud == std::vector<std::string>{
                    "up.sql W0608 3:1 changing 'users.age' from int to bigint rewrites 'users' "
                    "under an ACCESS EXCLUSIVE lock",
                    "up.sql W0608 5:1 changing 'users.name' from text to character varying(20) "
                    "rewrites 'users' under an ACCESS EXCLUSIVE lock",
                    "up.sql W0619 5:42 column 'users.name' is character varying(20) where text "
                    "serves",
                    "up.sql W0608 6:1 changing 'orders.total' from numeric(10, 2) to numeric(12, "
                    "2) rewrites 'orders' under an ACCESS EXCLUSIVE lock"});
  // Without a model, every type change is reported.
  auto unknown = lint_on(nullptr, std::string(kTimeouts) +
                                      "ALTER TABLE users ALTER COLUMN title TYPE text;\n");
  CHECK(unknown == std::vector<std::string>{
                       "up.sql W0608 3:1 changing the type of 'users.title' to 'text' rewrites "
                       "'users' under an ACCESS EXCLUSIVE lock unless the old type converts "
                       "without a rewrite"});
}

TEST_CASE("a column changed by raw SQL the model cannot follow is reported as before",
          "[lint][raw][model]") {
  ModelBefore before = model_of(kTables);
  before.uncertain_tables.insert("users");
  auto f = lint_on(&before,
                   std::string(kTimeouts) + "ALTER TABLE users ALTER COLUMN title TYPE text;\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("up.sql W0608 3:1 changing the type of 'users.title' to 'text'", 0) == 0);
}

TEST_CASE("type names are cut whole from the text", "[lint][raw]") {
  auto cut = [](std::string_view text) {
    return std::string(text.substr(0, lint::type_end(text, 0,
                                                     static_cast<std::uint32_t>(text.size()))));
  };
  CHECK(cut("character varying(30) NOT NULL") == "character varying(30)");
  CHECK(cut("double precision, b int") == "double precision");
  CHECK(cut("timestamp(3) with time zone DEFAULT now()") == "timestamp(3) with time zone");
  CHECK(cut("time without time zone") == "time without time zone");
  CHECK(cut("numeric(10, 2) USING x") == "numeric(10, 2)");
  CHECK(cut("pg_catalog.int4[] NOT NULL") == "pg_catalog.int4[]");
  CHECK(cut("national character varying (5)") == "national character varying (5)");
  CHECK(cut("text with") == "text");
}

TEST_CASE("drop index if exists of an index the model lacks is quiet", "[lint][raw][model]") {
  ModelBefore before = model_of(kTables);
  std::string sql = std::string(kTimeouts) + "DROP INDEX IF EXISTS ix_users_name;\n" +
                    "DROP TABLE IF EXISTS legacy;\n" + "DROP INDEX IF EXISTS ix_users_email;\n" +
                    "DROP INDEX IF EXISTS ix_users_email;\n";
  auto f = lint_on(&before, sql);
  // The second drop of ix_users_email finds it gone: the model follows the file.
  CHECK(f == std::vector<std::string>{"up.sql W0610 5:1 drop index 'ix_users_email' blocks reads "
                                      "and writes of 'users' (ACCESS EXCLUSIVE lock)"});
  before.opaque = true;  // raw SQL touched objects the model may lack
  auto g = lint_on(&before, std::string(kTimeouts) + "DROP INDEX IF EXISTS ix_users_name;\n");
  CHECK(g == std::vector<std::string>{"up.sql W0610 3:1 drop index 'ix_users_name' blocks reads "
                                      "and writes of its table (ACCESS EXCLUSIVE lock)"});
}

TEST_CASE("add constraint after drop constraint if exists of its name is re-runnable",
          "[lint][raw]") {
  std::string head = std::string("-- migrac:no-transaction\n") + kTimeouts;
  auto f = lint_on(nullptr, head +
                                "ALTER TABLE t DROP CONSTRAINT IF EXISTS ck_a;\n"
                                "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0) NOT VALID;\n"
                                "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0) NOT VALID;\n"
                                "ALTER TABLE u DROP CONSTRAINT IF EXISTS ck_b;\n"
                                "ALTER TABLE t ADD CONSTRAINT ck_b CHECK (a > 1) NOT VALID;\n"
                                "ALTER TABLE t DROP CONSTRAINT IF EXISTS ck_c, ADD CONSTRAINT ck_c "
                                "CHECK (a > 2) NOT VALID;\n");
  // The second add of ck_a has no drop of its own; ck_b was dropped from another table.
  CHECK(f == std::vector<std::string>{
                 "up.sql W0635 6:19 add constraint cannot be guarded against a re-run, and this "
                 "migration is not transactional",
                 "up.sql W0635 8:19 add constraint cannot be guarded against a re-run, and this "
                 "migration is not transactional"});
}

TEST_CASE("the down file is linted on the model after the up file", "[lint][raw][model]") {
  ModelBefore before = model_of(kTables);
  std::string up = std::string(kTimeouts) +
                   "CREATE TABLE sessions (id bigint PRIMARY KEY);\n"
                   "ALTER TABLE users ADD COLUMN nickname text;\n";
  std::string down = std::string(kTimeouts) +
                     "ALTER TABLE users DROP COLUMN nickname;\n"
                     "DROP TABLE sessions;\n"
                     "ALTER TABLE users DROP COLUMN age;\n"
                     "DROP INDEX ix_users_email;\n";
  auto f = lint_on(&before, up, down);
  CHECK(f == std::vector<std::string>{
                 "down.sql W0602 5:19 dropping column 'users.age' deletes its data",
                 "down.sql W0610 6:1 drop index 'ix_users_email' blocks reads and writes of "
                 "'users' (ACCESS EXCLUSIVE lock)"});
  // Without a model, what the up file created is still known from the file.
  auto g = lint_on(nullptr, up, down);
  REQUIRE(g.size() == 2);
  CHECK(g[0] == f[0]);
}

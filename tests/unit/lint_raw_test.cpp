// Lint rules over raw .up.sql migrations (PostgreSQL's parse tree), with
// positions into the file.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "compiler/lint/lint.h"

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

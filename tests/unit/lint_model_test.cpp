// Lint rules over .mig migrations: hand-built model::Changes (the schema
// model before/after each operation) and the migration's settings.
#include <catch2/catch.hpp>

#include "compiler/lint/context.h"
#include "compiler/lint/lint.h"

using namespace migrac;

namespace {

ast::TypeRef type(ast::TypeKind kind, std::optional<std::int64_t> length = std::nullopt) {
  ast::TypeRef t;
  t.kind = kind;
  t.length = length;
  return t;
}

// Lints one .mig migration made of `changes`; returns the codes found.
std::vector<std::string> lint_changes(std::vector<model::Change> changes, bool online = true,
                                      bool with_down = false) {
  SourceSet sources;
  ast::Migration m;
  m.id = "0002_x";
  m.file = sources.add("m/0002_x.mig", "after 0001;\n");
  if (with_down) m.down = std::vector<ast::Operation>{};
  CheckedMigration checked;
  checked.settings.online = online;
  for (model::Change& c : changes) {
    c.source = sources.range(m.file, 0, 5);
    checked.up.push_back(std::move(c));
  }
  Diagnostics d = lint::lint_mig_migration(sources, m, checked, nullptr);
  std::vector<std::string> codes;
  for (const Diagnostic& x : d.all()) codes.emplace_back(diag_info(x.kind).code);
  return codes;
}

model::Change change(model::ChangeKind kind, bool table_is_new = false) {
  model::Change c;
  c.kind = std::move(kind);
  c.table_is_new = table_is_new;
  return c;
}

}  // namespace

TEST_CASE("varchar widening and varchar to text do not rewrite", "[lint][model]") {
  using K = ast::TypeKind;
  CHECK_FALSE(lint::type_change_rewrites(type(K::Varchar, 10), type(K::Varchar, 20), false));
  CHECK_FALSE(lint::type_change_rewrites(type(K::Varchar, 10), type(K::Text), false));
  CHECK_FALSE(lint::type_change_rewrites(type(K::Varchar, 10), type(K::Varchar), false));
  CHECK(lint::type_change_rewrites(type(K::Varchar, 20), type(K::Varchar, 10), false));
  CHECK(lint::type_change_rewrites(type(K::Int), type(K::BigInt), false));
  CHECK(lint::type_change_rewrites(type(K::Text), type(K::Varchar, 10), false));
  CHECK(lint::type_change_rewrites(type(K::Varchar, 10), type(K::Varchar, 20), true));
  CHECK_FALSE(lint::type_change_rewrites(type(K::Numeric, 10), type(K::Numeric, 12), false));
}

TEST_CASE("alter column type warns only when the table is rewritten", "[lint][model]") {
  using K = ast::TypeKind;
  auto widen = model::AlterColumnType{
      "users", "name", type(K::Varchar, 100), type(K::Varchar, 200), {}};
  CHECK(lint_changes({change(widen)}) == std::vector<std::string>{"W0619"});  // prefer-text only
  auto to_text = model::AlterColumnType{"users", "name", type(K::Varchar, 100), type(K::Text), {}};
  CHECK(lint_changes({change(to_text)}).empty());
  auto narrow = model::AlterColumnType{"users", "age", type(K::Int), type(K::BigInt), {}};
  CHECK(lint_changes({change(narrow)}) == std::vector<std::string>{"W0608"});
  CHECK(lint_changes({change(narrow, true)}).empty());
}

TEST_CASE("drops and renames of existing tables", "[lint][model]") {
  model::Table t;
  t.name = "users";
  model::Column c;
  c.name = "bio";
  CHECK(lint_changes({change(model::DropTable{t})}) == std::vector<std::string>{"W0601"});
  CHECK(lint_changes({change(model::DropTable{t}, true)}).empty());
  CHECK(lint_changes({change(model::DropColumn{"users", c})}) == std::vector<std::string>{"W0602"});
  CHECK(lint_changes({change(model::RenameTable{"users", "accounts"})}) ==
        std::vector<std::string>{"W0603"});
  CHECK(lint_changes({change(model::RenameColumn{"users", "a", "b"})}) ==
        std::vector<std::string>{"W0604"});
}

TEST_CASE("not null columns, set not null and volatile defaults", "[lint][model]") {
  model::Column c;
  c.name = "phone";
  c.type = type(ast::TypeKind::Text);
  c.not_null = true;
  CHECK(lint_changes({change(model::AddColumn{"users", c, {}})}) ==
        std::vector<std::string>{"W0605"});
  c.default_value = ast::Expr{ast::ExprKind::String, "x", {}, false, false, {}, {}};
  CHECK(lint_changes({change(model::AddColumn{"users", c, {}})}).empty());
  c.default_value = ast::Expr{ast::ExprKind::Call, "gen_random_uuid", {}, false, false, {}, {}};
  CHECK(lint_changes({change(model::AddColumn{"users", c, {}})}) ==
        std::vector<std::string>{"W0609"});
  c.default_value = ast::Expr{ast::ExprKind::Call, "now", {}, false, false, {}, {}};
  CHECK(lint_changes({change(model::AddColumn{"users", c, {}})}).empty());

  CHECK(lint_changes({change(model::SetNotNull{"users", "phone"})}, true).empty());
  CHECK(lint_changes({change(model::SetNotNull{"users", "phone"})}, false) ==
        std::vector<std::string>{"W0606"});
}

TEST_CASE("blocking index and constraint forms only when online is off", "[lint][model]") {
  model::Index ix;
  ix.name = "ix_users_email";
  ix.table = "users";
  CHECK(lint_changes({change(model::CreateIndex{ix, false})}, true).empty());
  CHECK(lint_changes({change(model::CreateIndex{ix, false})}, false) ==
        std::vector<std::string>{"W0610"});
  CHECK(lint_changes({change(model::CreateIndex{ix, false}, true)}, false).empty());
  model::Constraint fk;
  fk.name = "fk_orders_user_id_users";
  fk.kind = ast::ConstraintKind::ForeignKey;
  fk.ref_table = "users";
  CHECK(lint_changes({change(model::AddConstraint{"orders", fk, false})}, false) ==
        std::vector<std::string>{"W0611"});
  CHECK(lint_changes({change(model::AddConstraint{"orders", fk, false})}, true).empty());
}

TEST_CASE("enum values, raw sql and backfills", "[lint][model]") {
  CHECK(lint_changes({change(model::AddEnumValue{"status", "refunded", std::nullopt, false})}) ==
        std::vector<std::string>{"W0612"});
  CHECK(lint_changes({change(model::AddEnumValue{"status", "refunded", "paid", false})}).empty());
  CHECK(lint_changes({change(model::RawSql{})}) == std::vector<std::string>{"W0613"});
  CHECK(lint_changes({change(model::RawSql{})}, true, true).empty());

  ast::Assignment a{ast::Ident{"slug", false, {}}, ast::Expr{}};
  model::Backfill b{"articles", {a}, std::nullopt, 1000, -1, {}};
  CHECK(lint_changes({change(b)}) == std::vector<std::string>{"W0614"});
  ast::Expr slug{ast::ExprKind::Column, "slug", {}, false, false, {}, {}};
  b.where = ast::Expr{ast::ExprKind::IsNull, "", {slug}, false, false, {}, {}};
  CHECK(lint_changes({change(b)}).empty());
  ast::Expr title{ast::ExprKind::Column, "title", {}, false, false, {}, {}};
  b.where = ast::Expr{ast::ExprKind::IsNull, "", {title}, true, false, {}, {}};
  CHECK(lint_changes({change(b)}) == std::vector<std::string>{"W0614"});
}

TEST_CASE("column types: json, timestamp, int keys, varchar", "[lint][model]") {
  model::Table t;
  t.name = "events";
  auto col = [](std::string name, ast::TypeRef ty) {
    model::Column c;
    c.name = std::move(name);
    c.type = ty;
    return c;
  };
  t.columns = {
      col("id", type(ast::TypeKind::Int)),       col("payload", type(ast::TypeKind::Json)),
      col("at", type(ast::TypeKind::Timestamp)), col("kind", type(ast::TypeKind::Varchar, 20)),
      col("n", type(ast::TypeKind::SmallInt)),   col("ok", type(ast::TypeKind::Timestamptz))};
  model::Constraint pk;
  pk.name = "pk_events";
  pk.kind = ast::ConstraintKind::PrimaryKey;
  pk.columns = {"id"};
  t.constraints = {pk};
  CHECK(lint_changes({change(model::AddTable{t})}) ==
        std::vector<std::string>{"W0617", "W0615", "W0616", "W0619", "W0618"});
}

TEST_CASE("the PostgreSQL bodies of sql operations are linted like raw SQL", "[lint][model]") {
  SourceSet sources;
  ast::Migration m;
  m.id = "0002_x";
  std::string text =
      "after 0001;\nsql $$ ALTER TABLE users DROP COLUMN bio $$\n    sqlite $$ SELECT 1 $$;\n";
  m.file = sources.add("m/0002_x.mig", text);
  m.down = std::vector<ast::Operation>{};
  ast::Sql sql;
  ast::SqlBody pg;
  pg.text = " ALTER TABLE users DROP COLUMN bio ";
  pg.range = sources.range(m.file, 16, 55);
  ast::SqlBody lite;
  lite.dialect = ast::Ident{"sqlite", false, {}};
  lite.text = " SELECT 1 ";
  lite.range = sources.range(m.file, 60, 76);
  sql.bodies = {pg, lite};
  m.up.push_back(ast::Operation{sql, sources.range(m.file, 12, 77), -1});
  CheckedMigration checked;
  Diagnostics d = lint::lint_mig_migration(sources, m, checked, nullptr);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].kind == DiagKind::LintDropColumn);
  CHECK(d.all()[0].range.begin.line == 2);
  CHECK(d.all()[0].range.begin.column == 26);  // "DROP COLUMN bio"
}

// .mig text -> AST: every construct of the language, names, types, ranges.
#include <catch2/catch.hpp>

#include <algorithm>

#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

TEST_CASE("header: after ids starting with digits and settings", "[syntax]") {
  Parsed p = parse_mig_text(
      "after 0001_initial_schema;\n"
      "set lock_timeout = 2s;\n"
      "set statement_timeout = 500ms;\n"
      "set online = false;\n"
      "set transaction = per-migration;\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.parents.size() == 1);
  CHECK(p.m.parents[0].name == "0001_initial_schema");
  CHECK(p.m.parents[0].range.begin.line == 1);
  CHECK(p.m.parents[0].range.begin.column == 7);
  REQUIRE(p.m.settings.size() == 4);
  CHECK(p.m.settings[0].kind == ast::SettingKind::LockTimeout);
  CHECK(p.m.settings[0].duration_ms == 2000);
  CHECK(p.text(p.m.settings[0].value_range) == "2s");
  CHECK(p.m.settings[1].kind == ast::SettingKind::StatementTimeout);
  CHECK(p.m.settings[1].duration_ms == 500);
  CHECK(p.m.settings[2].kind == ast::SettingKind::Online);
  CHECK_FALSE(p.m.settings[2].flag);
  CHECK(p.m.settings[3].kind == ast::SettingKind::Transaction);
  CHECK(p.m.settings[3].word == "per-migration");
  CHECK(p.m.id == "0002_x");
  CHECK(p.m.format == MigrationFormat::Mig);
  CHECK(p.m.checksum.rfind("v1:", 0) == 0);
  CHECK(p.m.checksum.size() == 3 + 64);
}

TEST_CASE("header: merge parents, durations and words", "[syntax]") {
  Parsed p = parse_mig_text(
      "AFTER 0003_add_tags, 0003_Add_Slug;\nset lock_timeout = 2min; set statement_timeout = 1h;\n"
      "set online = TRUE; set transaction = none;\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.parents.size() == 2);
  CHECK(p.m.parents[1].name == "0003_Add_Slug");  // ids are kept as written
  CHECK(p.m.settings[0].duration_ms == 120000);
  CHECK(p.m.settings[1].duration_ms == 3600000);
  CHECK(p.m.settings[2].flag);
  CHECK(p.m.settings[3].word == "none");
  Parsed zero = parse_mig_text("set statement_timeout = 0;");
  REQUIRE(zero.diags.all().empty());
  CHECK(zero.m.settings[0].duration_ms == 0);
}

TEST_CASE("create table: columns with every clause, in any order, and table constraints",
          "[syntax]") {
  Parsed p = parse_mig_text(
      "create table users (\n"
      "  id          bigint identity primary key,\n"
      "  email       varchar(255) not null unique,\n"
      "  is_active   bool default true not null,\n"
      "  bio         text null,\n"
      "  total       decimal(10, 2) check (total >= 0) default 0,\n"
      "  status      order_status default 'pending',\n"
      "  owner_id    int references accounts (id) on delete set null on update cascade,\n"
      "  other_id    int references others,\n"
      "  tags        native \"text[]\",\n"
      "  constraint uq_users_email unique (email),\n"
      "  primary key (id, email),\n"
      "  foreign key (owner_id) references accounts (id) on delete no action,\n"
      "  check (length(email) > 2)\n"
      ");\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  const auto& t = only_op<ast::CreateTable>(p);
  CHECK(t.table.name == "users");
  REQUIRE(t.columns.size() == 9);
  const ast::ColumnDef& id = t.columns[0];
  CHECK(id.name.name == "id");
  CHECK(id.type.kind == ast::TypeKind::BigInt);
  CHECK(id.identity);
  CHECK(id.primary_key);
  CHECK_FALSE(id.not_null.has_value());
  CHECK(p.text(id.range) == "id          bigint identity primary key");
  CHECK(p.text(id.type.range) == "bigint");

  const ast::ColumnDef& email = t.columns[1];
  CHECK(email.type.kind == ast::TypeKind::Varchar);
  CHECK(email.type.length == 255);
  CHECK(email.not_null == true);
  CHECK(email.unique);

  CHECK(t.columns[2].default_value->kind == ast::ExprKind::Bool);
  CHECK(t.columns[2].default_value->text == "true");
  CHECK(t.columns[2].not_null == true);
  CHECK(t.columns[3].not_null == false);

  const ast::ColumnDef& total = t.columns[4];
  CHECK(total.type.kind == ast::TypeKind::Decimal);
  CHECK(total.type.length == 10);
  CHECK(total.type.scale == 2);
  REQUIRE(total.check.has_value());
  CHECK(total.check->kind == ast::ExprKind::Binary);
  CHECK(total.check->text == ">=");
  CHECK(total.default_value->text == "0");

  CHECK(t.columns[5].type.kind == ast::TypeKind::Enum);
  CHECK(t.columns[5].type.name == "order_status");
  CHECK(t.columns[5].default_value->kind == ast::ExprKind::String);
  CHECK(t.columns[5].default_value->text == "pending");

  const ast::ForeignRef& ref = *t.columns[6].references;
  CHECK(ref.table.name == "accounts");
  REQUIRE(ref.columns.size() == 1);
  CHECK(ref.columns[0].name == "id");
  CHECK(ref.on_delete == ast::RefAction::SetNull);
  CHECK(ref.on_update == ast::RefAction::Cascade);
  CHECK(t.columns[7].references->columns.empty());
  CHECK_FALSE(t.columns[7].references->on_delete.has_value());

  CHECK(t.columns[8].type.kind == ast::TypeKind::Native);
  CHECK(t.columns[8].type.name == "text[]");

  REQUIRE(t.constraints.size() == 4);
  CHECK(t.constraints[0].name->name == "uq_users_email");
  CHECK(t.constraints[0].kind == ast::ConstraintKind::Unique);
  CHECK(p.text(t.constraints[0].range) == "constraint uq_users_email unique (email)");
  CHECK(t.constraints[1].kind == ast::ConstraintKind::PrimaryKey);
  CHECK_FALSE(t.constraints[1].name.has_value());
  CHECK(t.constraints[1].columns.size() == 2);
  CHECK(t.constraints[2].kind == ast::ConstraintKind::ForeignKey);
  CHECK(t.constraints[2].ref->table.name == "accounts");
  CHECK(t.constraints[2].ref->on_delete == ast::RefAction::NoAction);
  CHECK(t.constraints[3].kind == ast::ConstraintKind::Check);
  CHECK(t.constraints[3].check->args[0].kind == ast::ExprKind::Call);

  CHECK(p.m.up[0].range.begin.line == 1);
  CHECK(p.m.up[0].range.end.line == 15);
  CHECK(p.m.up[0].no_transaction_block == -1);
}

TEST_CASE("every portable type maps to its kind", "[syntax]") {
  Parsed p = parse_mig_text(
      "create table t (a smallint, b int, c bigint, d real, e double, f numeric(5), g bool,\n"
      "  h text, i char(2), j bytes, k date, l time, m timestamp, n timestamptz, o interval,\n"
      "  p uuid, q json, r jsonb, s \"MyEnum\", t native \"citext\", u INT, v Varchar(3));\n");
  REQUIRE(p.diags.all().empty());
  const auto& t = only_op<ast::CreateTable>(p);
  using K = ast::TypeKind;
  std::vector<K> kinds;
  for (const auto& c : t.columns) kinds.push_back(c.type.kind);
  CHECK(kinds == std::vector<K>{K::SmallInt, K::Int,    K::BigInt,    K::Real,        K::Double,
                                K::Numeric,  K::Bool,   K::Text,      K::Char,        K::Bytes,
                                K::Date,     K::Time,   K::Timestamp, K::Timestamptz, K::Interval,
                                K::Uuid,     K::Json,   K::Jsonb,     K::Enum,        K::Native,
                                K::Int,      K::Varchar});
  CHECK(t.columns[5].type.length == 5);
  CHECK_FALSE(t.columns[5].type.scale.has_value());
  CHECK(t.columns[8].type.length == 2);
  CHECK(t.columns[18].type.name == "MyEnum");  // a quoted name is an enum name as written
  CHECK(t.columns[21].type.length == 3);
}

TEST_CASE("PostgreSQL's type names map to the portable kinds; arrays and PostgreSQL-only types",
          "[syntax]") {
  Parsed p = parse_mig_text(
      "create table t (a integer, b int4, c int8, d int2, e boolean, f double precision,\n"
      "  g float8, h float4, i character varying(7), j character(2), k bytea,\n"
      "  l timestamp with time zone, m timestamp without time zone, n time with time zone,\n"
      "  o time without time zone, p inet, q text[], r int[][], s \"Mood\"[], t native \"x\"[],\n"
      "  u character varying, v CIDR);\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  const auto& t = only_op<ast::CreateTable>(p);
  using K = ast::TypeKind;
  std::vector<K> kinds;
  for (const auto& c : t.columns) kinds.push_back(c.type.kind);
  CHECK(kinds == std::vector<K>{K::Int,      K::Int,         K::BigInt,    K::SmallInt, K::Bool,
                                K::Double,   K::Double,      K::Real,      K::Varchar,  K::Char,
                                K::Bytes,    K::Timestamptz, K::Timestamp, K::Postgres, K::Time,
                                K::Postgres, K::Text,        K::Int,       K::Enum,     K::Native,
                                K::Varchar,  K::Postgres});
  CHECK(t.columns[8].type.length == 7);
  CHECK(t.columns[13].type.name == "timetz");
  CHECK(t.columns[15].type.name == "inet");
  CHECK(t.columns[21].type.name == "cidr");
  std::vector<bool> arrays;
  for (const auto& c : t.columns) arrays.push_back(c.type.array);
  CHECK(std::count(arrays.begin(), arrays.end(), true) == 4);
  CHECK(t.columns[16].type.array);
  CHECK(t.columns[19].type.array);
  CHECK_FALSE(t.columns[20].type.length.has_value());
}

TEST_CASE("serial is an identity column, with a note", "[syntax]") {
  Parsed p = parse_mig_text("create table t (id serial primary key, b bigserial identity);\n");
  REQUIRE(p.messages().size() == 2);
  CHECK_FALSE(p.diags.has_errors());
  const auto& t = only_op<ast::CreateTable>(p);
  CHECK(t.columns[0].type.kind == ast::TypeKind::Int);
  CHECK(t.columns[0].identity);
  CHECK(t.columns[1].type.kind == ast::TypeKind::BigInt);
  CHECK(t.columns[1].identity);
}

TEST_CASE("the words of type names stay usable as names", "[syntax]") {
  Parsed p = parse_mig_text(
      "create table zone (time time, with int, without int, precision double precision,\n"
      "  varying text, zone timestamp with time zone);\n"
      "alter column zone.time type time with time zone;\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  const auto& t = std::get<ast::CreateTable>(p.m.up[0].op);
  CHECK(t.columns[0].name.name == "time");
  CHECK(t.columns[0].type.kind == ast::TypeKind::Time);
  CHECK(t.columns[3].type.kind == ast::TypeKind::Double);
  CHECK(t.columns[5].type.kind == ast::TypeKind::Timestamptz);
}

TEST_CASE("names: bare names fold to lower case, quoted names are kept", "[syntax]") {
  Parsed p = parse_mig_text(
      "CREATE TABLE Users (\"Order Items\" int, \"say \"\"hi\"\"\" text, MixedCase text);");
  REQUIRE(p.diags.all().empty());
  const auto& t = only_op<ast::CreateTable>(p);
  CHECK(t.table.name == "users");
  CHECK_FALSE(t.table.quoted);
  CHECK(t.columns[0].name.name == "Order Items");
  CHECK(t.columns[0].name.quoted);
  CHECK(t.columns[1].name.name == "say \"hi\"");
  CHECK(t.columns[2].name.name == "mixedcase");
  CHECK(p.text(t.columns[0].name.range) == "\"Order Items\"");
}

TEST_CASE("keywords are usable as names where unambiguous", "[syntax]") {
  Parsed p = parse_mig_text(
      "create table type (status text, type text, value int, key text, name text, data json,\n"
      "  index int, table text, column text, enum text, after int, set int, sql text, batch int,\n"
      "  action text, no int, to int, down int, transaction int, native text, as int, if int);\n"
      "add column type.value text;\n"
      "alter column type.type type text;\n"
      "create index index on type (key) where value > 0 and status = 'x';\n"
      "backfill type set value = value + 1 where key is null batch 10;\n"
      "create enum status ('a');\n"
      "rename column type.data to key;\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 7);
  const auto& t = std::get<ast::CreateTable>(p.m.up[0].op);
  CHECK(t.table.name == "type");
  CHECK(t.columns.size() == 22);
  CHECK(t.columns[1].name.name == "type");
  const auto& ix = std::get<ast::CreateIndex>(p.m.up[3].op);
  CHECK(ix.name->name == "index");
  const auto& alter = std::get<ast::AlterColumnType>(p.m.up[2].op);
  CHECK(alter.column.name == "type");
  CHECK(alter.type.kind == ast::TypeKind::Text);
}

TEST_CASE("table and column operations", "[syntax]") {
  Parsed p = parse_mig_text(
      "drop table users;\n"
      "rename table users to accounts;\n"
      "add column users.phone_number varchar(20) not null default '';\n"
      "drop column users.phone_number;\n"
      "rename column users.full_name to display_name;\n"
      "alter column users.display_name type varchar(200);\n"
      "alter column users.age type int using cast(age_text as int);\n"
      "alter column users.display_name set not null;\n"
      "alter column users.display_name drop not null;\n"
      "alter column orders.status set default 'pending';\n"
      "alter column orders.status drop default;\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 11);
  CHECK(std::get<ast::DropTable>(p.m.up[0].op).table.name == "users");
  const auto& rt = std::get<ast::RenameTable>(p.m.up[1].op);
  CHECK(rt.from.name == "users");
  CHECK(rt.to.name == "accounts");
  const auto& ac = std::get<ast::AddColumn>(p.m.up[2].op);
  CHECK(ac.table.name == "users");
  CHECK(ac.column.name.name == "phone_number");
  CHECK(ac.column.default_value->text.empty());
  const auto& dc = std::get<ast::DropColumn>(p.m.up[3].op);
  CHECK(dc.table.name == "users");
  CHECK(dc.column.name == "phone_number");
  const auto& rc = std::get<ast::RenameColumn>(p.m.up[4].op);
  CHECK(rc.from.name == "full_name");
  CHECK(rc.to.name == "display_name");
  const auto& at = std::get<ast::AlterColumnType>(p.m.up[5].op);
  CHECK(at.type.length == 200);
  CHECK_FALSE(at.using_expr.has_value());
  const auto& using_ = std::get<ast::AlterColumnType>(p.m.up[6].op);
  REQUIRE(using_.using_expr.has_value());
  CHECK(using_.using_expr->kind == ast::ExprKind::Cast);
  CHECK(using_.using_expr->type->kind == ast::TypeKind::Int);
  CHECK(std::get<ast::AlterColumnNotNull>(p.m.up[7].op).set);
  CHECK_FALSE(std::get<ast::AlterColumnNotNull>(p.m.up[8].op).set);
  const auto& sd = std::get<ast::AlterColumnDefault>(p.m.up[9].op);
  CHECK(sd.value->text == "pending");
  CHECK_FALSE(std::get<ast::AlterColumnDefault>(p.m.up[10].op).value.has_value());
  CHECK(p.text(p.m.up[3].range) == "drop column users.phone_number;");
}

TEST_CASE("constraint, index and enum operations", "[syntax]") {
  Parsed p = parse_mig_text(
      "add constraint uq_articles_slug on articles unique (slug);\n"
      "add constraint on orders foreign key (user_id) references users (id) on delete cascade;\n"
      "add constraint on users check (length(username) > 2);\n"
      "drop constraint uq_articles_slug on articles;\n"
      "create index on users (email);\n"
      "create unique index ix_users_lower_email on users (lower(email), id) where deleted_at is "
      "null;\n"
      "drop index ix_users_lower_email;\n"
      "create enum order_status ('pending', 'paid', 'it''s');\n"
      "alter enum order_status add value 'refunded' after 'shipped';\n"
      "alter enum order_status add value 'new' before 'pending';\n"
      "alter enum order_status add value 'last';\n"
      "drop enum order_status;\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 12);
  const auto& a0 = std::get<ast::AddConstraint>(p.m.up[0].op);
  CHECK(a0.table.name == "articles");
  CHECK(a0.constraint.name->name == "uq_articles_slug");
  CHECK(a0.constraint.kind == ast::ConstraintKind::Unique);
  const auto& a1 = std::get<ast::AddConstraint>(p.m.up[1].op);
  CHECK_FALSE(a1.constraint.name.has_value());
  CHECK(a1.constraint.kind == ast::ConstraintKind::ForeignKey);
  CHECK(a1.constraint.ref->on_delete == ast::RefAction::Cascade);
  CHECK(std::get<ast::AddConstraint>(p.m.up[2].op).constraint.kind == ast::ConstraintKind::Check);
  const auto& d = std::get<ast::DropConstraint>(p.m.up[3].op);
  CHECK(d.name.name == "uq_articles_slug");
  CHECK(d.table.name == "articles");
  const auto& i0 = std::get<ast::CreateIndex>(p.m.up[4].op);
  CHECK_FALSE(i0.name.has_value());
  CHECK_FALSE(i0.unique);
  REQUIRE(i0.elements.size() == 1);
  CHECK(i0.elements[0].kind == ast::ExprKind::Column);
  CHECK(i0.elements[0].text == "email");
  const auto& i1 = std::get<ast::CreateIndex>(p.m.up[5].op);
  CHECK(i1.unique);
  CHECK(i1.name->name == "ix_users_lower_email");
  CHECK(i1.elements[0].kind == ast::ExprKind::Call);
  CHECK(i1.elements[1].kind == ast::ExprKind::Column);
  CHECK(i1.where->kind == ast::ExprKind::IsNull);
  CHECK_FALSE(i1.where->negated);
  CHECK(std::get<ast::DropIndex>(p.m.up[6].op).name.name == "ix_users_lower_email");
  const auto& e = std::get<ast::CreateEnum>(p.m.up[7].op);
  REQUIRE(e.values.size() == 3);
  CHECK(e.values[2].value == "it's");
  CHECK(p.text(e.values[2].range) == "'it''s'");
  const auto& av = std::get<ast::AlterEnumAddValue>(p.m.up[8].op);
  CHECK(av.value.value == "refunded");
  CHECK(av.neighbor->value == "shipped");
  CHECK_FALSE(av.before);
  CHECK(std::get<ast::AlterEnumAddValue>(p.m.up[9].op).before);
  CHECK_FALSE(std::get<ast::AlterEnumAddValue>(p.m.up[10].op).neighbor.has_value());
  CHECK(std::get<ast::DropEnum>(p.m.up[11].op).name.name == "order_status");
}

TEST_CASE("backfill and sql operations", "[syntax]") {
  Parsed p = parse_mig_text(
      "backfill articles set slug = lower(title), n = 1 where slug is null batch 5000 pause 50ms;\n"
      "backfill t set a = 0;\n"
      "sql $$ UPDATE users SET is_active = false WHERE x < now() - interval '2 years' $$;\n"
      "sql postgres $$ CREATE EXTENSION IF NOT EXISTS pg_trgm $$\n"
      "    sqlite $$ SELECT 1 $$;\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 4);
  const auto& b = std::get<ast::Backfill>(p.m.up[0].op);
  CHECK(b.table.name == "articles");
  REQUIRE(b.assignments.size() == 2);
  CHECK(b.assignments[0].column.name == "slug");
  CHECK(b.assignments[0].value.kind == ast::ExprKind::Call);
  CHECK(b.where->kind == ast::ExprKind::IsNull);
  CHECK(b.batch == 5000);
  CHECK(p.text(b.batch_range) == "5000");
  CHECK(b.pause_ms == 50);
  CHECK_FALSE(std::get<ast::Backfill>(p.m.up[1].op).batch.has_value());
  CHECK_FALSE(std::get<ast::Backfill>(p.m.up[1].op).pause_ms.has_value());
  const auto& s = std::get<ast::Sql>(p.m.up[2].op);
  REQUIRE(s.bodies.size() == 1);
  CHECK_FALSE(s.bodies[0].dialect.has_value());
  CHECK(s.bodies[0].text ==
        " UPDATE users SET is_active = false WHERE x < now() - interval '2 years' ");
  const auto& s2 = std::get<ast::Sql>(p.m.up[3].op);
  REQUIRE(s2.bodies.size() == 2);
  CHECK(s2.bodies[0].dialect->name == "postgres");
  CHECK(s2.bodies[0].text == " CREATE EXTENSION IF NOT EXISTS pg_trgm ");
  CHECK(s2.bodies[1].dialect->name == "sqlite");
  CHECK(s2.bodies[1].range.begin.line == 5);
}

TEST_CASE("dollar quotes: tags, bodies holding other dollar quotes", "[syntax]") {
  Parsed p = parse_mig_text(
      "sql $fn$ CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql $fn$;\n"
      "sql $a$ $ab$ $b$ $a$;\n"
      "sql $$$$;\n"
      "sql $_x1$ -- not a comment; 'not a string $_x1$;\n");
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 4);
  CHECK(std::get<ast::Sql>(p.m.up[0].op).bodies[0].text ==
        " CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql ");
  CHECK(std::get<ast::Sql>(p.m.up[1].op).bodies[0].text == " $ab$ $b$ ");
  CHECK(std::get<ast::Sql>(p.m.up[2].op).bodies[0].text.empty());
  CHECK(std::get<ast::Sql>(p.m.up[3].op).bodies[0].text == " -- not a comment; 'not a string ");
}

TEST_CASE("blocks: no transaction and down", "[syntax]") {
  Parsed p = parse_mig_text(
      "create index on users (email);\n"
      "no transaction {\n"
      "  sql $$ VACUUM ANALYZE users $$;\n"
      "  drop index ix_a;\n"
      "}\n"
      "no transaction { sql $$ select 2 $$; }\n"
      "down {\n"
      "  sql $$ select 1 $$;\n"
      "  no transaction { drop index ix_b; }\n"
      "}\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 4);
  CHECK(p.m.up[0].no_transaction_block == -1);
  CHECK(p.m.up[1].no_transaction_block == 0);
  CHECK(p.m.up[2].no_transaction_block == 0);
  CHECK(p.m.up[3].no_transaction_block == 1);
  REQUIRE(p.m.down.has_value());
  REQUIRE(p.m.down->size() == 2);
  CHECK((*p.m.down)[0].no_transaction_block == -1);
  CHECK((*p.m.down)[1].no_transaction_block == 2);
  CHECK(std::holds_alternative<ast::DropIndex>((*p.m.down)[1].op));
  Parsed empty = parse_mig_text("down { }");
  REQUIRE(empty.m.down.has_value());
  CHECK(empty.m.down->empty());
  CHECK_FALSE(parse_mig_text("drop table t;").m.down.has_value());
}

TEST_CASE("comments and case-insensitive keywords", "[syntax]") {
  Parsed p = parse_mig_text(
      "-- a comment; with a semicolon\n"
      "/* a block\n   comment; */ DROP /* inside */ Table users; -- trailing\n"
      "Create Unique INDEX on t (a);\n");
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 2);
  CHECK(p.m.up[0].range.begin.line == 3);
  CHECK(p.m.up[0].range.begin.column == 16);
  CHECK(std::get<ast::CreateIndex>(p.m.up[1].op).unique);
}

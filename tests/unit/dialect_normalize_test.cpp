// Each dialect's normaliser: a model's type or expression (from a .mig file,
// or as written in a raw SQL migration) and the text the database's catalog
// gives for it compare equal. The catalog texts are real: PostgreSQL 15's
// format_type, pg_get_expr and pg_get_indexdef after applying the golden
// cases and the example project (and a project of every expression form),
// SQLite 3.40's pragma table_info and sqlite_schema.
#include <catch2/catch.hpp>

#include <utility>

#include "compiler/dialect/normalize.h"
#include "syntax_test_support.h"

using namespace migrac;
using namespace migrac::test;

namespace {

// An expression as a .mig file writes it (the value of a backfill).
ast::Expr mig(const std::string& text) {
  Parsed p = parse_mig_text("backfill t set c = " + text + ";");
  INFO(text);
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  return only_op<ast::Backfill>(p).assignments[0].value;
}

// An expression as SQL text: a raw migration's, or a catalog's.
ast::Expr sql(const std::string& text) {
  ast::Expr e;
  e.kind = ast::ExprKind::RawSql;
  e.text = text;
  return e;
}

// A type as a .mig column definition writes it.
ast::TypeRef mig_type(const std::string& text) {
  Parsed p = parse_mig_text("create enum mood ('a');\ncreate table t (c " + text + ");");
  INFO(text);
  INFO(fmt::format("{}", fmt::join(p.messages(), "\n")));
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.m.up.size() == 2);
  return std::get<ast::CreateTable>(p.m.up[1].op).columns[0].type;
}

ast::TypeRef native(const std::string& text) {
  ast::TypeRef t;
  t.kind = ast::TypeKind::Native;
  t.name = text;
  return t;
}

// (model form, catalog text)
using Pair = std::pair<std::string, std::string>;

void check_equal_exprs(Dialect dialect, const std::vector<Pair>& pairs, bool model_is_mig) {
  model::Normalizer n = normalizer(dialect);
  for (const auto& [model_form, catalog] : pairs) {
    INFO("model: " << model_form << "\ncatalog: " << catalog);
    ast::Expr m = model_is_mig ? mig(model_form) : sql(model_form);
    CHECK(n.expr(m) == n.expr(sql(catalog)));
  }
}

}  // namespace

TEST_CASE("postgres: .mig expressions equal their catalog text", "[dialect][normalize]") {
  check_equal_exprs(
      Dialect::Postgres,
      {
          // defaults (pg_get_expr of pg_attrdef)
          {"now()", "now()"},
          {"true", "true"},
          {"false", "false"},
          {"0", "0"},
          {"0.00", "0.00"},
          {"0.5", "0.5"},
          {"-1", "'-1'::integer"},
          {"-0.25", "'-0.25'::numeric"},
          {"9000000000", "'9000000000'::bigint"},
          {"'n/a'", "'n/a'::text"},
          {"'it''s'", "'it''s'::text"},
          {"'new'", "'new'::character varying"},
          {"'happy'", "'happy'::mood"},
          {"'draft'", "'draft'::order_status"},
          {"sql $$gen_random_uuid()$$", "gen_random_uuid()"},
          // checks (pg_get_expr of pg_constraint)
          {"buyer_id > 0", "(buyer_id > 0)"},
          {"a_int >= 0", "(a_int >= 0)"},
          {"amount >= 0", "(amount >= (0)::numeric)"},
          {"length(email) > 3", "(length((email)::text) > 3)"},
          {"length(bio) < 1000", "(length(bio) < 1000)"},
          {"length(email) > 3 and email like '%@%'",
           "((length((email)::text) > 3) AND ((email)::text ~~ '%@%'::text))"},
          {"a_small between -10 and 10 or a_small is null",
           "(((a_small >= '-10'::integer) AND (a_small <= 10)) OR (a_small IS NULL))"},
          {"status in ('a', 'b', 'c')",
           "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying, "
           "'c'::character varying])::text[]))"},
          {"kind not in ('x', 'y')", "(kind <> ALL (ARRAY['x'::text, 'y'::text]))"},
          {"small between 1 and 10", "((small >= 1) AND (small <= 10))"},
          {"small2 not between 1 and 10", "((small2 < 1) OR (small2 > 10))"},
          {"note != 'zz'", "(note <> 'zz'::text)"},
          {"case when qty > 0 then price > 0 else true end",
           "\nCASE\n    WHEN (qty > 0) THEN (price > (0)::numeric)\n    ELSE true\nEND"},
          {"qty * 2 + 1 > -(qty) and qty % 2 = 0 or qty / 2 <> 3",
           "(((((qty * 2) + 1) > (- qty)) AND ((qty % 2) = 0)) OR ((qty / 2) <> 3))"},
          {"not (flag and qty = 0)", "(NOT (flag AND (qty = 0)))"},
          {"cast(qty as bigint) < 100 and cast(code as text) <> ''",
           "(((qty)::bigint < 100) AND ((code)::text <> ''::text))"},
          {"email not like '%x' and lower(email) like '%@%'",
           "(((email)::text !~~ '%x'::text) AND (lower((email)::text) ~~ '%@%'::text))"},
          {"coalesce(qty, 0) >= 0", "(COALESCE(qty, 0) >= 0)"},
          {"length(code || name) < 100", "(length(((code)::text || (name)::text)) < 100)"},
          {"name is not null or email is null", "((name IS NOT NULL) OR (email IS NULL))"},
          // index elements (pg_get_indexdef(oid, n, true)) and predicates
          {"phone_number is not null", "(phone_number IS NOT NULL)"},
          {"lower(email)", "lower((email)::text)"},
          {"deleted_at is null", "(deleted_at IS NULL)"},
          {"email || '#'", "((email)::text || '#'::text)"},
          {"status = 'a'", "((status)::text = 'a'::text)"},
          {"qty + 1", "(qty + 1)"},
          {"price > 0 and flag", "((price > (0)::numeric) AND flag)"},
          {"mood in ('ok', 'happy')", "(mood = ANY (ARRAY['ok'::mood, 'happy'::mood]))"},
          {"coalesce(name, email)", "COALESCE(name, email)"},
          {"not flag", "(NOT flag)"},
          {"price > 0", "(price > (0)::numeric)"},
      },
      true);
}

TEST_CASE("postgres: raw SQL expressions equal their catalog text", "[dialect][normalize]") {
  check_equal_exprs(Dialect::Postgres,
                    {
                        {"-1", "'-1'::integer"},
                        {"'x'", "'x'::text"},
                        {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
                        {"current_date", "CURRENT_DATE"},
                        {"'v'", "'v'::character varying"},
                        {"1.5", "1.5"},
                        {"TRUE", "true"},
                        {"'{}'", "'{}'::text[]"},
                        {"'{}'::jsonb", "'{}'::jsonb"},
                        {"(1 + 2) * 3", "((1 + 2) * 3)"},
                        {"'ab'", "'ab'::bpchar"},
                        {"'1 day'", "'1 day'::interval"},
                        {"0", "0"},
                        {"now()", "now()"},
                        {"e IN ('v', 'w')",
                         "((e)::text = ANY ((ARRAY['v'::character varying, 'w'::character "
                         "varying])::text[]))"},
                        {"f > 0", "(f > (0)::numeric)"},
                        {"b = ANY (ARRAY['x', 'y'])", "(b = ANY (ARRAY['x'::text, 'y'::text]))"},
                        {"b IN ('x', 'y')", "(b = ANY (ARRAY['x'::text, 'y'::text]))"},
                        {"a BETWEEN -5 AND 5", "((a >= '-5'::integer) AND (a <= 5))"},
                        {"upper(b) <> 'Z' AND e LIKE 'v%'",
                         "((upper(b) <> 'Z'::text) AND ((e)::text ~~ 'v%'::text))"},
                        {"a::bigint < 10 AND CAST(f AS int) < 1000",
                         "(((a)::bigint < 10) AND ((f)::integer < 1000))"},
                        {"lower(b)", "lower(b)"},
                        {"a > 0", "(a > 0)"},
                        {"a + 1", "(a + 1)"},
                        {"md5(b)", "md5(b)"},
                        {"nextval('t_id_seq')", "nextval('t_id_seq'::regclass)"},
                        {"price > (0)", "(price > (0)::numeric)"},
                    },
                    false);
}

TEST_CASE("postgres: different expressions stay different", "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Postgres);
  const std::vector<Pair> different = {
      {"'a'", "'b'::text"},
      {"price > 0", "(price >= (0)::numeric)"},
      {"status in ('a', 'b')", "(status <> ALL (ARRAY['a'::text, 'b'::text]))"},
      {"status in ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'c'::text]))"},
      {"now()", "CURRENT_TIMESTAMP"},
      {"lower(email)", "upper((email)::text)"},
      {"-1", "1"},
      {"a - (b - c)", "((a - b) - c)"},
      {"a or b and c", "((a OR b) AND c)"},
      {"cast(qty as bigint) < 100", "((qty)::integer < 100)"},
      {"small between 1 and 10", "((small >= 1) AND (small < 10))"},
      {"name is null", "(name IS NOT NULL)"},
      {"true", "false"},
      {"\"Email\" is null", "(email IS NULL)"},
  };
  for (const auto& [model_form, catalog] : different) {
    INFO("model: " << model_form << "\ncatalog: " << catalog);
    CHECK(n.expr(mig(model_form)) != n.expr(sql(catalog)));
  }
}

TEST_CASE("postgres: keys are readable canonical SQL", "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Postgres);
  CHECK(n.expr(sql("(price > (0)::numeric)")) == "price > 0");
  CHECK(n.expr(sql("'x'::text")) == "'x'");
  CHECK(n.expr(sql("'-1'::integer")) == "-1");
  CHECK(n.expr(sql("now()")) == "now()");
  CHECK(n.expr(sql("CURRENT_TIMESTAMP")) == "CURRENT_TIMESTAMP");
  CHECK(n.expr(sql("(status = ANY (ARRAY['a'::text, 'b'::text]))")) == "status IN ('a', 'b')");
  CHECK(n.expr(sql("(kind <> ALL (ARRAY['x'::text]))")) == "kind NOT IN ('x')");
  CHECK(n.expr(sql("nextval('t_id_seq'::regclass)")) == "nextval('t_id_seq')");
  CHECK(n.expr(sql("(((a_small >= '-10'::integer) AND (a_small <= 10)) OR (a_small IS NULL))")) ==
        "a_small >= -10 AND a_small <= 10 OR a_small IS NULL");
  CHECK(n.expr(sql("((a OR b) AND c)")) == "(a OR b) AND c");
  CHECK(n.expr(sql("((a - b) - c)")) == "a - b - c");
  CHECK(n.expr(sql("(a - (b - c))")) == "a - (b - c)");
  CHECK(n.expr(sql("(((qty)::bigint < 100))")) == "CAST(qty AS bigint) < 100");
  // a generated column's `price * qty` as the catalog deparses it
  CHECK(n.expr(sql("(price * (qty)::numeric)")) == n.expr(mig("price * qty")));
  CHECK(n.expr(sql("CASE WHEN (qty > 0) THEN 1 ELSE 2 END")) ==
        "CASE WHEN qty > 0 THEN 1 ELSE 2 END");
  CHECK(n.expr(sql("(NOT (flag AND (qty = 0)))")) == "NOT (flag AND qty = 0)");
  CHECK(n.expr(sql("(- qty)")) == "-qty");
  CHECK(n.expr(sql("((email)::text !~~ '%x'::text)")) == "email NOT LIKE '%x'");
  CHECK(n.expr(mig("\"Email\" is null")) == "\"Email\" IS NULL");
  CHECK(n.expr(mig("'it''s'")) == "'it''s'");
}

TEST_CASE("postgres: text the parser does not read is compared lower-cased",
          "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Postgres);
  CHECK(n.expr(sql("(SELECT  max(id)\n FROM t)")) == "(select max(id) from t)");
  CHECK(n.expr(sql("1, 2")) == "1, 2");
  CHECK(n.expr(sql("price >")) == "price >");
  CHECK(n.expr(sql("  Weird  Syntax ( ")) == "weird syntax (");
}

TEST_CASE("postgres: types equal format_type's text", "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Postgres);
  const std::vector<Pair> pairs = {
      {"bigint", "bigint"},
      {"int", "integer"},
      {"smallint", "smallint"},
      {"real", "real"},
      {"double", "double precision"},
      {"decimal(10, 2)", "numeric(10,2)"},
      {"numeric(12)", "numeric(12,0)"},
      {"decimal", "numeric"},
      {"bool", "boolean"},
      {"text", "text"},
      {"varchar(40)", "character varying(40)"},
      {"varchar", "character varying"},
      {"char(2)", "character(2)"},
      {"char", "character(1)"},
      {"bytes", "bytea"},
      {"date", "date"},
      {"time", "time without time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"interval", "interval"},
      {"uuid", "uuid"},
      {"json", "json"},
      {"jsonb", "jsonb"},
      {"mood", "mood"},
      {"native \"inet\"", "inet"},
      {"native \"text[]\"", "text[]"},
      {"native \"int4\"", "integer"},
      {"native \"int8\"", "bigint"},
      {"native \"timestamptz(3)\"", "timestamp(3) with time zone"},
      {"native \"float8\"", "double precision"},
      {"native \"character varying(20)[]\"", "character varying(20)[]"},
  };
  for (const auto& [model_form, catalog] : pairs) {
    INFO("model: " << model_form << "\ncatalog: " << catalog);
    CHECK(n.type(mig_type(model_form)) == n.type(native(catalog)));
  }
  CHECK(n.type(native("character varying(40)")) == "varchar(40)");
  CHECK(n.type(native("timestamp with time zone")) == "timestamptz");
  CHECK(n.type(native("\"Mood\"")) == "\"Mood\"");
  CHECK(n.type(native("public.mood")) == "mood");
  CHECK(n.type(native("integer")) != n.type(native("bigint")));
  CHECK(n.type(native("character varying(40)")) != n.type(native("character varying(41)")));
  CHECK(n.type(native("timestamp without time zone")) !=
        n.type(native("timestamp with time zone")));
  CHECK(n.type(native("character(1)")) != n.type(native("\"char\"")));
  CHECK(n.type(native("text[]")) != n.type(native("text")));
}

TEST_CASE("sqlite: .mig and raw forms equal SQLite's own text", "[dialect][normalize]") {
  // Defaults as pragma table_info gives them (outer parentheses dropped),
  // checks and index parts as sqlite_schema keeps the CREATE statements.
  check_equal_exprs(Dialect::Sqlite,
                    {
                        {"now()", "CURRENT_TIMESTAMP"},
                        {"false", "FALSE"},
                        {"-1", "-1"},
                        {"-0.25", "-0.25"},
                        {"'it''s'", "'it''s'"},
                        {"9000000000", "9000000000"},
                        {"status in ('a', 'b', 'c')", "status IN ('a', 'b', 'c')"},
                        {"small between 1 and 10", "small BETWEEN 1 AND 10"},
                        {"case when qty > 0 then price > 0 else true end",
                         "CASE WHEN qty > 0 THEN price > 0 ELSE TRUE END"},
                        {"cast(qty as bigint) < 100", "CAST(qty AS INTEGER) < 100"},
                        {"qty * 2 + 1 > -(qty) and qty % 2 = 0 or qty / 2 <> 3",
                         "qty * 2 + 1 > -(qty) AND qty % 2 = 0 OR qty / 2 <> 3"},
                        {"lower(email)", "lower(email)"},
                        {"price > 0 and flag", "price > 0 AND flag"},
                    },
                    true);
  check_equal_exprs(Dialect::Sqlite,
                    {{"((1 + 2) * 3)", "(1 + 2) * 3"}, {"(lower('A'))", "lower('A')"}}, false);
  model::Normalizer n = normalizer(Dialect::Sqlite);
  CHECK(n.expr(mig("now()")) != n.expr(sql("CURRENT_DATE")));
}

TEST_CASE("sqlite: types as the emitter writes them", "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Sqlite);
  const std::vector<Pair> pairs = {
      {"bigint", "INTEGER"},   {"int", "INTEGER"},
      {"bool", "INTEGER"},     {"real", "REAL"},
      {"double", "REAL"},      {"decimal(10, 2)", "NUMERIC"},
      {"text", "TEXT"},        {"varchar(40)", "TEXT"},
      {"timestamptz", "TEXT"}, {"uuid", "TEXT"},
      {"mood", "TEXT"},        {"bytes", "BLOB"},
      {"int", "INT"},          {"varchar(10)", "varchar(10)"},
      {"bool", "boolean"},     {"timestamp", "DATETIME"},
      {"double", "DOUBLE"},    {"bigint", "bigint"},
  };
  for (const auto& [model_form, catalog] : pairs) {
    INFO("model: " << model_form << "\ncatalog: " << catalog);
    CHECK(n.type(mig_type(model_form)) == n.type(native(catalog)));
  }
  CHECK(n.type(native("varchar(10)")) == "TEXT");
  CHECK(n.type(native("unsigned big int")) == "UNSIGNED BIG INT");
  CHECK(n.type(native("INTEGER")) != n.type(native("TEXT")));
  CHECK(n.type(native("REAL")) != n.type(native("NUMERIC")));
  CHECK_FALSE(n.compare_enums);
}

TEST_CASE("mysql: .mig forms equal MariaDB's catalog text", "[dialect][normalize]") {
  // information_schema.COLUMNS (COLUMN_TYPE, COLUMN_DEFAULT) and
  // CHECK_CONSTRAINTS of MariaDB 10.11 after applying the emitted MySQL.
  model::Normalizer n = normalizer(Dialect::Mysql);
  const std::vector<Pair> types = {
      {"bigint", "bigint(20)"},
      {"int", "int(11)"},
      {"smallint", "smallint(6)"},
      {"bool", "tinyint(1)"},
      {"varchar(20)", "varchar(20)"},
      {"decimal(10, 2)", "decimal(10,2)"},
      {"double", "double"},
      {"text", "longtext"},
      {"date", "date"},
      {"timestamptz", "datetime(6)"},
      {"timestamp", "datetime(6)"},
      {"json", "longtext"},
      {"native \"integer\"", "int(11)"},
      {"native \"numeric(8)\"", "decimal(8,0)"},
      {"native \"DECIMAL\"", "decimal(10,0)"},
  };
  for (const auto& [model_form, catalog] : types) {
    INFO("model: " << model_form << "\ncatalog: " << catalog);
    CHECK(n.type(mig_type(model_form)) == n.type(native(catalog)));
  }
  CHECK(n.type(native("tinyint(1)")) != n.type(native("tinyint(4)")));
  CHECK(n.type(native("int(11) unsigned")) == "int unsigned");
  REQUIRE(n.enum_type);
  CHECK(n.enum_type(model::Enum{"mood", {"sad", "ok", "happy"}}) ==
        n.type(native("enum('sad','ok','happy')")));
  CHECK(n.enum_type(model::Enum{"mood", {"sad", "ok"}}) !=
        n.type(native("enum('sad','ok','happy')")));
  CHECK(n.type(native("enum('Sad')")) != n.type(native("enum('sad')")));
  check_equal_exprs(Dialect::Mysql,
                    {
                        // defaults
                        {"'new'", "'new'"},
                        {"0", "0.00"},
                        {"-1", "-1"},
                        {"0.5", "0.5"},
                        {"-0.25", "-0.250"},
                        {"false", "0"},
                        {"true", "1"},
                        {"'it''s'", "'it\\'s'"},
                        {"'ok'", "'ok'"},
                        {"now()", "current_timestamp(6)"},
                        {"9000000000", "9000000000"},
                        // checks
                        {"price >= 0", "`price` >= 0"},
                        {"status in ('a', 'b', 'c')", "`status` in ('a','b','c')"},
                        {"kind not in ('x', 'y')", "`kind` not in ('x','y')"},
                        {"small between 1 and 10", "`small` between 1 and 10"},
                        {"small2 not between 1 and 10", "`small2` not between 1 and 10"},
                        {"note <> 'zz'", "`note` <> 'zz'"},
                        {"case when qty > 0 then price > 0 else true end",
                         "case when `qty` > 0 then `price` > 0 else 1 end"},
                        {"qty * 2 + 1 > -(qty) and qty % 2 = 0 or qty / 2 <> 3",
                         "`qty` * 2 + 1 > -`qty` and `qty` MOD 2 = 0 or `qty` / 2 <> 3"},
                        {"cast(qty as bigint) < 100", "cast(`qty` as signed) < 100"},
                        {"email not like '%x' and lower(email) like '%@%'",
                         "`email`  not like '%x' and lcase(`email`) like '%@%'"},
                        {"coalesce(qty, 0) >= 0", "coalesce(`qty`,0) >= 0"},
                        {"length(code || name) < 100", "char_length(concat(`code`,`name`)) < 100"},
                        {"name is not null or email is null",
                         "`name` is not null or `email` is null"},
                    },
                    true);
  check_equal_exprs(Dialect::Mysql, {{"(1+2)", "(1 + 2)"}}, false);
  CHECK(n.expr(sql("'a\\\\b'")) == "'a\\b'");
  CHECK(n.expr(sql("`a` MOD 2")) == n.expr(sql("a % 2")));
  CHECK(n.expr(sql("'x MOD y'")) == "'x MOD y'");
  CHECK_FALSE(n.compare_enums);
}

TEST_CASE("numbers compare by value", "[dialect][normalize]") {
  model::Normalizer n = normalizer(Dialect::Postgres);
  CHECK(n.expr(sql("0.00")) == "0");
  CHECK(n.expr(sql("'-0.250'::numeric")) == "-0.25");
  CHECK(n.expr(sql("007")) == "7");
  CHECK(n.expr(sql("1.50e3")) == "1.5e3");
  CHECK(n.expr(sql(".5")) == "0.5");
  CHECK(n.expr(sql("-0.0")) == "0");
  CHECK(n.expr(sql("10")) != n.expr(sql("1")));
  CHECK(n.expr(sql("100")) == "100");
}

TEST_CASE("a text's key is its dialect's, whatever was read before", "[dialect][normalize]") {
  model::Normalizer pg = normalizer(Dialect::Postgres);
  model::Normalizer my = normalizer(Dialect::Mysql);
  CHECK(pg.expr(sql("TRUE")) == "true");
  CHECK(my.expr(sql("TRUE")) == "1");
  CHECK(pg.expr(sql("TRUE")) == "true");
  CHECK(my.type(native("bool")) == "tinyint(1)");
  CHECK(pg.type(native("bool")) == "boolean");
}

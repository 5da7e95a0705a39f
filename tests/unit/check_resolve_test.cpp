// The checker on hand-built ASTs: default names, resolution into Changes,
// foreign keys, drops of what is in use, settings, and speed.
#include <catch2/catch.hpp>

#include <ctime>

#include "compiler/check/check.h"

using namespace migrac;
using ast::TypeKind;

namespace {

// Builds AST values with distinct source ranges (offsets count up).
struct Builder {
  std::uint32_t offset = 0;

  SourceRange range() {
    SourceRange r;
    r.file = 0;
    r.begin.offset = offset;
    r.end.offset = offset + 1;
    offset += 10;
    return r;
  }
  ast::Ident id(const std::string& n) { return ast::Ident{n, false, range()}; }
  ast::TypeRef type(TypeKind k, const std::string& name = {}) {
    ast::TypeRef t;
    t.kind = k;
    t.name = name;
    t.range = range();
    return t;
  }
  ast::Expr col(const std::string& n) {
    ast::Expr e;
    e.kind = ast::ExprKind::Column;
    e.text = n;
    e.range = range();
    return e;
  }
  ast::Expr num(const std::string& n) {
    ast::Expr e;
    e.kind = ast::ExprKind::Number;
    e.text = n;
    e.range = range();
    return e;
  }
  ast::Expr call(const std::string& f, std::vector<ast::Expr> args) {
    ast::Expr e;
    e.kind = ast::ExprKind::Call;
    e.text = f;
    e.args = std::move(args);
    e.range = range();
    return e;
  }
  ast::Expr bin(const std::string& op, ast::Expr a, ast::Expr b) {
    ast::Expr e;
    e.kind = ast::ExprKind::Binary;
    e.text = op;
    e.args = {std::move(a), std::move(b)};
    e.range = range();
    return e;
  }
  ast::ColumnDef column(const std::string& n, TypeKind k) {
    ast::ColumnDef c;
    c.name = id(n);
    c.type = type(k);
    c.range = range();
    return c;
  }
  ast::ForeignRef ref(const std::string& table, std::vector<std::string> cols = {}) {
    ast::ForeignRef r;
    r.table = id(table);
    for (const std::string& c : cols) r.columns.push_back(id(c));
    r.range = range();
    return r;
  }
  ast::Operation op(ast::OperationKind k) { return ast::Operation{std::move(k), range(), -1}; }
};

ast::Migration mig(const std::string& id, const std::string& parent,
                   std::vector<ast::Operation> ops) {
  ast::Migration m;
  m.id = id;
  if (!parent.empty()) m.parents.push_back(ast::Ident{parent, false, {}});
  m.up = std::move(ops);
  return m;
}

// Graph and check of a history; diagnostics in `diags`.
struct Run {
  std::vector<ast::Migration> migrations;
  Diagnostics diags;
  RevisionGraph graph;
  CheckedHistory history;

  explicit Run(std::vector<ast::Migration> ms, CheckOptions options = {})
      : migrations(std::move(ms)) {
    graph = build_graph(migrations, diags);
    SourceSet sources;
    history = check_history(migrations, graph, sources, options, diags);
  }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all())
      out.push_back(std::string(diag_info(d.kind).code) + " " + d.message);
    return out;
  }
  const model::Table& table(const std::string& n) const {
    return history.final_schema.tables.at(n);
  }
};

// users (id bigint identity primary key, email varchar(255) not null unique)
ast::Operation users_table(Builder& b) {
  ast::CreateTable t;
  t.table = b.id("users");
  ast::ColumnDef id = b.column("id", TypeKind::BigInt);
  id.identity = true;
  id.primary_key = true;
  ast::ColumnDef email = b.column("email", TypeKind::Varchar);
  email.type.length = 255;
  email.not_null = true;
  email.unique = true;
  t.columns = {id, email};
  return b.op(t);
}

}  // namespace

TEST_CASE("default names follow the language reference", "[check]") {
  CHECK(default_name("pk", "users", {}) == "pk_users");
  CHECK(default_name("uq", "users", {"email"}) == "uq_users_email");
  CHECK(default_name("fk", "orders", {"user_id", "users"}) == "fk_orders_user_id_users");
  CHECK(default_name("ix", "article_tags", {"article_id", "tag_id"}) ==
        "ix_article_tags_article_id_tag_id");
}

TEST_CASE("long default names are shortened with a stable hash", "[check]") {
  std::string table(40, 't');
  std::string name = default_name("fk", table, {"a_rather_long_column_name", "other_table"});
  CHECK(name.size() == 63);
  CHECK(name.substr(0, 44) == "fk_" + table + "_");
  CHECK(name[54] == '_');
  CHECK(name == default_name("fk", table, {"a_rather_long_column_name", "other_table"}));
  CHECK(name != default_name("fk", table, {"a_rather_long_column_name", "other_tablf"}));
  CHECK(default_name("ix", "t", {std::string(80, 'c')}, 30).size() == 30);
  // Never cuts inside a UTF-8 sequence: "é" is two bytes.
  std::string accented;
  for (int i = 0; i < 40; ++i) accented += "\xc3\xa9";
  std::string cut = default_name("ix", accented, {}, 40);
  CHECK(cut.size() <= 40);
  CHECK((static_cast<unsigned char>(cut[cut.size() - 10]) & 0xC0) != 0xC0);
}

TEST_CASE("create table resolves inline constraints into named constraints", "[check]") {
  Builder b;
  Run run({mig("0001", "", {users_table(b)})});
  REQUIRE(run.messages().empty());
  const model::Table& users = run.table("users");
  REQUIRE(users.constraints.size() == 2);
  CHECK(users.constraints[0].name == "pk_users");
  CHECK(users.constraints[1].name == "uq_users_email");
  CHECK(users.column("id")->not_null);
  const CheckedMigration& cm = run.history.checked.at(0);
  REQUIRE(cm.up.size() == 1);
  CHECK(std::holds_alternative<model::AddTable>(cm.up[0].kind));
  CHECK_FALSE(cm.up[0].table_after);
}

TEST_CASE("a foreign key without columns references the primary key", "[check]") {
  Builder b;
  ast::CreateTable orders;
  orders.table = b.id("orders");
  ast::ColumnDef user_id = b.column("user_id", TypeKind::BigInt);
  user_id.references = b.ref("users");
  user_id.references->on_delete = ast::RefAction::Cascade;
  orders.columns = {user_id};
  ast::CreateIndex ix;
  ix.table = b.id("orders");
  ix.elements = {b.col("user_id")};
  Run run({mig("0001", "", {users_table(b)}), mig("0002", "0001", {b.op(orders), b.op(ix)})});
  REQUIRE(run.messages().empty());
  const model::Constraint& fk = run.table("orders").constraints.at(0);
  CHECK(fk.name == "fk_orders_user_id_users");
  CHECK(fk.ref_table == "users");
  CHECK(fk.ref_columns == std::vector<std::string>{"id"});
  CHECK(fk.on_delete == ast::RefAction::Cascade);
  const model::Change& index = run.history.checked.at(1).up.at(1);
  CHECK(std::get<model::CreateIndex>(index.kind).index.name == "ix_orders_user_id");
  CHECK(index.table_is_new);
  CHECK(index.table_after);
}

TEST_CASE("foreign key errors", "[check]") {
  Builder b;
  ast::CreateTable orders;
  orders.table = b.id("orders");
  ast::ColumnDef user_id = b.column("user_id", TypeKind::Int);
  user_id.references = b.ref("users", {"id"});
  ast::ColumnDef email = b.column("email", TypeKind::Text);
  email.references = b.ref("users", {"email"});
  ast::ColumnDef who = b.column("who", TypeKind::BigInt);
  ast::TableConstraint two;
  two.kind = ast::ConstraintKind::ForeignKey;
  two.columns = {b.id("who"), b.id("email")};
  two.ref = b.ref("users", {"id"});
  ast::ColumnDef nope = b.column("nope", TypeKind::BigInt);
  nope.references = b.ref("userz");
  orders.columns = {user_id, email, who, nope};
  orders.constraints = {two};
  Run run({mig("0001", "", {users_table(b)}), mig("0002", "0001", {b.op(orders)})});
  CHECK(run.messages() ==
        std::vector<std::string>{
            "E0402 foreign key column 'orders.user_id' has type 'int' but 'users.id' has type "
            "'bigint'",
            "E0402 foreign key column 'orders.email' has type 'text' but 'users.email' has type "
            "'varchar(255)'",
            "E0101 unknown table 'userz'",
            "E0403 foreign key has 2 columns but references 1 column of table 'users'",
        });
}

TEST_CASE("dropping a column still in use names its users", "[check]") {
  Builder b;
  ast::CreateTable orders;
  orders.table = b.id("orders");
  ast::ColumnDef user_id = b.column("user_id", TypeKind::BigInt);
  user_id.references = b.ref("users");
  orders.columns = {user_id};
  ast::DropColumn drop{b.id("users"), b.id("id")};
  Run run({mig("0001", "", {users_table(b), b.op(orders)}), mig("0002", "0001", {b.op(drop)})});
  CHECK(run.messages() ==
        std::vector<std::string>{"E0405 column 'users.id' is still used by constraint 'pk_users', "
                                 "foreign key 'fk_orders_user_id_users' of table 'orders'"});
  CHECK(run.table("users").column("id"));
}

TEST_CASE("renames follow into constraints, indexes and foreign keys", "[check]") {
  Builder b;
  ast::CreateTable orders;
  orders.table = b.id("orders");
  ast::ColumnDef user_id = b.column("user_id", TypeKind::BigInt);
  user_id.references = b.ref("users");
  orders.columns = {user_id};
  ast::RenameColumn rc{b.id("users"), b.id("id"), b.id("user_key")};
  ast::RenameTable rt{b.id("users"), b.id("accounts")};
  ast::CreateIndex ix;
  ix.table = b.id("accounts");
  ix.elements = {b.call("lower", {b.col("email")})};
  Run run({mig("0001", "", {users_table(b), b.op(orders)}),
           mig("0002", "0001", {b.op(rc), b.op(rt), b.op(ix)})});
  REQUIRE(run.messages().empty());
  const model::Constraint& fk = run.table("orders").constraints.at(0);
  CHECK(fk.ref_table == "accounts");
  CHECK(fk.ref_columns == std::vector<std::string>{"user_key"});
  CHECK(run.table("accounts").primary_key()->columns == std::vector<std::string>{"user_key"});
  CHECK(run.table("accounts").indexes.at(0).name == "ix_accounts_email");
  CHECK(run.history.final_schema.index_owner.at("ix_accounts_email") == "accounts");
}

TEST_CASE("check names use the columns read, or a number", "[check]") {
  Builder b;
  ast::AddConstraint c1{b.id("users"), {}};
  c1.constraint.kind = ast::ConstraintKind::Check;
  c1.constraint.check = b.bin(">", b.call("length", {b.col("email")}), b.num("3"));
  ast::AddConstraint c2 = c1;
  c2.constraint.check = b.bin("<", b.call("length", {b.col("email")}), b.num("300"));
  ast::AddConstraint c3 = c1;
  c3.constraint.check = b.bin(">", b.num("2"), b.num("1"));
  Run run({mig("0001", "", {users_table(b), b.op(c1), b.op(c2), b.op(c3)})});
  REQUIRE(run.messages().empty());
  const auto& cs = run.table("users").constraints;
  REQUIRE(cs.size() == 5);
  CHECK(cs[2].name == "ck_users_email");
  CHECK(cs[3].name == "ck_users_email_2");
  CHECK(cs[4].name == "ck_users_1");
  CHECK(cs[2].columns == std::vector<std::string>{"email"});
}

TEST_CASE("unknown type suggests the portable name", "[check]") {
  Builder b;
  ast::AddColumn add{b.id("users"), b.column("n", TypeKind::Enum)};
  add.column.type.name = "integr";
  ast::AddColumn add2{b.id("users"), b.column("m", TypeKind::Enum)};
  add2.column.type.name = "integer";
  Run run({mig("0001", "", {users_table(b), b.op(add), b.op(add2)})});
  REQUIRE(run.diags.all().size() == 2);
  CHECK(run.diags.all()[0].message == "unknown type 'integr'");
  CHECK(run.diags.all()[0].help ==
        "did you mean 'int'?; 'native \"integr\"' passes a type of the database through as "
        "written");
  CHECK(run.diags.all()[1].help.rfind("did you mean 'int'?", 0) == 0);
}

TEST_CASE("previous states travel with the changes", "[check]") {
  Builder b;
  ast::AlterColumnType alter{b.id("users"), b.id("email"), b.type(TypeKind::Text), std::nullopt};
  ast::AlterColumnDefault def{b.id("users"), b.id("email"), b.call("lower", {})};
  ast::AlterColumnDefault drop_def{b.id("users"), b.id("email"), std::nullopt};
  ast::DropTable drop{b.id("users")};
  Run run({mig("0001", "", {users_table(b)}),
           mig("0002", "0001", {b.op(alter), b.op(def), b.op(drop_def), b.op(drop)})});
  REQUIRE(run.messages().empty());
  const auto& up = run.history.checked.at(1).up;
  REQUIRE(up.size() == 4);
  const auto& a = std::get<model::AlterColumnType>(up[0].kind);
  CHECK(a.from.kind == TypeKind::Varchar);
  CHECK(a.to.kind == TypeKind::Text);
  CHECK(up[0].table_after->column("email")->type.kind == TypeKind::Text);
  CHECK_FALSE(up[0].table_is_new);
  CHECK_FALSE(std::get<model::SetDefault>(up[1].kind).from);
  CHECK(std::get<model::SetDefault>(up[2].kind).from->text == "lower");
  CHECK(std::get<model::DropTable>(up[3].kind).table.constraints.size() == 2);
  CHECK_FALSE(up[3].table_after);
  CHECK(run.history.final_schema.tables.empty());
  CHECK(run.history.final_schema.index_owner.empty());
}

TEST_CASE("settings: defaults, the migration's own, then force_online", "[check]") {
  Builder b;
  ast::Migration m = mig("0001", "", {users_table(b)});
  ast::Setting lock;
  lock.kind = ast::SettingKind::LockTimeout;
  lock.duration_ms = 2000;
  ast::Setting tx;
  tx.kind = ast::SettingKind::Transaction;
  tx.word = "none";
  ast::Setting online;
  online.kind = ast::SettingKind::Online;
  online.flag = true;
  m.settings = {lock, tx, online};
  ast::Migration raw;
  raw.id = "0002";
  raw.format = MigrationFormat::RawSql;
  raw.parents.push_back(ast::Ident{"0001", false, {}});
  raw.no_transaction = true;
  CheckOptions options;
  options.defaults.statement_timeout_ms = 60000;
  options.force_online = false;
  Run run({m, raw}, options);
  const MigrationSettings& s = run.history.checked.at(0).settings;
  CHECK(s.lock_timeout_ms == 2000);
  CHECK(s.statement_timeout_ms == 60000);
  CHECK_FALSE(s.transactional);
  CHECK_FALSE(s.online);
  const CheckedMigration& r = run.history.checked.at(1);
  CHECK(r.has_raw_sql);
  CHECK(r.up.empty());
  CHECK_FALSE(r.settings.transactional);
  CHECK(run.history.position == std::vector<long>{0, 1});
}

// Scale, not speed: speed is measured by bench/bench_compile.sh, never asserted here.
TEST_CASE("ten thousand migrations with wide tables check cleanly", "[check][scale]") {
  Builder b;
  std::vector<ast::Migration> ms;
  ms.push_back(mig("00000", "", {users_table(b)}));
  for (int i = 1; i < 10000; ++i) {
    char id[16], prev[16];
    std::snprintf(id, sizeof id, "%05d", i);
    std::snprintf(prev, sizeof prev, "%05d", i - 1);
    std::vector<ast::Operation> ops;
    std::string t = "t" + std::to_string(i < 500 ? i : 1 + i % 499);
    if (i < 500) {
      ast::CreateTable ct;
      ct.table = b.id(t);
      ast::ColumnDef id_col = b.column("id", TypeKind::BigInt);
      id_col.primary_key = true;
      ast::ColumnDef user = b.column("user_id", TypeKind::BigInt);
      user.references = b.ref("users");
      ct.columns = {id_col, user};
      ops.push_back(b.op(ct));
    } else {
      std::string c = "c" + std::to_string(i);
      ops.push_back(b.op(ast::AddColumn{b.id(t), b.column(c, TypeKind::Text)}));
      ast::CreateIndex ix;
      ix.table = b.id(t);
      ix.elements = {b.col(c)};
      ops.push_back(b.op(ix));
    }
    ms.push_back(mig(id, prev, std::move(ops)));
  }
  Run run(std::move(ms));
  CHECK(run.messages().empty());
  CHECK(run.history.checked.size() == 10000);
}

TEST_CASE("check_history stops after stop_at", "[check]") {
  Builder b;
  ast::AddColumn add{b.id("users"), b.column("bio", TypeKind::Text)};
  std::vector<ast::Migration> ms{mig("0001", "", {users_table(b)}),
                                 mig("0002", "0001", {b.op(add)})};
  Diagnostics diags;
  RevisionGraph g = build_graph(ms, diags);
  SourceSet sources;
  CheckedHistory h = check_history(ms, g, sources, CheckOptions{}, diags, 0);
  CHECK(h.checked.size() == 1);
  CHECK(h.position == std::vector<long>{0, -1});
  CHECK_FALSE(h.final_schema.tables.at("users").column("bio"));
}

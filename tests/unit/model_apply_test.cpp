// The one writer of the schema model (compiler/model/apply.h): edits keep the
// name maps in step, and an undo log restores the schema exactly.
#include <catch2/catch.hpp>

#include "compiler/model/apply.h"

using namespace migrac;

namespace {

// Applies one edit (an Edit: a change kind or a raw-only rename).
void put(model::Schema& s, model::Edit e, model::UndoLog* undo = nullptr) {
  model::apply(s, e, undo);
}

model::Constraint key(std::string name, ast::ConstraintKind kind, std::vector<std::string> cols) {
  model::Constraint k;
  k.name = std::move(name);
  k.kind = kind;
  k.columns = std::move(cols);
  return k;
}

model::Schema base() {
  model::Schema s;
  model::Table t;
  t.name = "t";
  t.columns = {model::Column{"id", {}, false, {}, false, {}},
               model::Column{"e", {}, false, {}, false, {}}};
  t.constraints = {key("t_pkey", ast::ConstraintKind::PrimaryKey, {"id"})};
  put(s, model::AddTable{t});
  model::Index i;
  i.name = "t_e_idx";
  i.table = "t";
  i.columns = {"e"};
  put(s, model::CreateIndex{i});
  return s;
}

std::string dump(const model::Schema& s) {
  std::string out;
  for (const auto& [name, t] : s.tables) {
    out += "table " + name + ":";
    for (const model::Column& c : t.columns) out += " " + c.name + (c.not_null ? "!" : "");
    for (const model::Constraint& k : t.constraints) out += " con " + k.name;
    for (const model::Index& i : t.indexes) out += " ix " + i.name + "@" + i.table;
    out += "\n";
  }
  for (const auto& [n, t] : s.index_owner) out += "index " + n + " " + t + "\n";
  for (const auto& [n, t] : s.key_owner) out += "key " + n + " " + t + "\n";
  for (const auto& [n, e] : s.enums)
    out += "enum " + n + " " + std::to_string(e.values.size()) + "\n";
  return out;
}

}  // namespace

TEST_CASE("apply keeps the name maps in step", "[model][apply]") {
  model::Schema s = base();
  CHECK(s.key_owner.at("t_pkey") == "t");
  CHECK(s.index_owner.at("t_e_idx") == "t");
  put(s, model::AddConstraint{"t", key("t_e_key", ast::ConstraintKind::Unique, {"e"})});
  put(s, model::RenameIndex{"t_e_idx", "t_e_ix"});
  put(s, model::RenameConstraint{"t", "t_e_key", "t_e_uq"});
  put(s, model::RenameTable{"t", "u"});
  CHECK(dump(s) ==
        "table u: id e con t_pkey con t_e_uq ix t_e_ix@u\n"
        "index t_e_ix u\n"
        "key t_e_uq u\nkey t_pkey u\n");
  put(s, model::DropTable{s.tables.at("u")});
  CHECK(dump(s).empty());
  // An added primary key makes its columns not null.
  model::Table k;
  k.name = "k";
  k.columns = {model::Column{"id", {}, false, {}, false, {}}};
  put(s, model::AddTable{k});
  put(s, model::AddConstraint{"k", key("k_pkey", ast::ConstraintKind::PrimaryKey, {"id"})});
  CHECK(s.tables.at("k").column("id")->not_null);
  CHECK(s.key_owner.at("k_pkey") == "k");
}

TEST_CASE("an undo log restores the schema as it was", "[model][apply]") {
  model::Schema s = base();
  std::string before = dump(s);
  model::UndoLog undo;
  put(s, model::CreateEnum{model::Enum{"mood", {"a"}}}, &undo);
  put(s, model::AddEnumValue{"mood", "b", std::string("a"), true}, &undo);
  put(s, model::AddConstraint{"t", key("t_e_key", ast::ConstraintKind::Unique, {"e"})}, &undo);
  put(s, model::RenameIndex{"t_e_idx", "t_e_ix"}, &undo);
  put(s, model::RenameConstraint{"t", "t_e_key", "t_e_uq"}, &undo);
  put(s, model::RenameColumn{"t", "e", "f"}, &undo);
  put(s, model::RenameTable{"t", "u"}, &undo);
  put(s, model::DropTable{s.tables.at("u")}, &undo);
  CHECK(s.enums.at("mood").values == std::vector<std::string>{"b", "a"});
  CHECK(dump(s) == "enum mood 2\n");
  model::roll_back(undo);
  CHECK(undo.empty());
  CHECK(dump(s) == before);
  CHECK(s.tables.at("t").index("t_e_idx")->columns == std::vector<std::string>{"e"});
}

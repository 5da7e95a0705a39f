#pragma once
// The state of one autogenerate run (autogen.h): the differences of the one
// comparison sorted by object, and the operations written so far. Each phase
// (create.cpp, alter.cpp, drop.cpp) appends its operations in the order that
// applies on a database with rows.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/autogen/autogen.h"

namespace migrac::autogen {

// The differences of one table that both schemas hold.
struct TableDiffs {
  std::vector<std::string> added_columns;    // in `to`'s order
  std::vector<std::string> dropped_columns;  // in `from`'s order
  // column -> the properties that differ ("type", "not null", "default", "identity")
  std::map<std::string, std::vector<std::string>> changed_columns;
  std::vector<std::string> added_constraints;
  std::vector<std::string> dropped_constraints;
  std::vector<std::string> changed_constraints;  // by their name in `from`
};

// The differences of one enum that both schemas hold.
struct EnumDiffs {
  std::vector<std::string> added_values;
  std::vector<std::string> removed_values;
  bool order_changed = false;
};

// One run of the generator.
class Planner {
 public:
  Planner(const model::Schema& from, const model::Schema& to, const model::Normalizer& n);

  // Applies the rename hints to the working copy of `from` (and writes the
  // renames); false (with errors) when a hint names what is not there.
  bool renames(const Hints& hints);
  // Compares the working copy with `to` and writes every difference.
  void run();
  Generated take() { return std::move(out_); }

 private:
  // generate.cpp
  void sort(const std::vector<model::Difference>& diffs);
  void emit(ast::OperationKind op);
  void comment(std::string line);
  void unexpressible(std::string object, std::string reason);
  std::pair<std::string, std::string> split(const std::string& object, bool enum_value) const;
  bool rename_table(const Rename& r);
  bool rename_column(const Rename& r);
  void note_possible_renames();

  // create.cpp
  void create_enums();
  void add_enum_values();
  void create_tables();
  void create_table(const model::Table& t, const std::set<std::string>& created);
  bool fk_ready(const model::Constraint& fk, const std::string& table,
                const std::set<std::string>& created) const;

  // alter.cpp
  void alter_tables();
  void alter_table(const std::string& name, TableDiffs& d);
  void add_column(const model::Table& t, const model::Column& c);
  void fill_nulls(const std::string& table, const model::Column& c, bool existing = true);
  void add_constraint(const std::string& table, const model::Constraint& c);
  void drop_constraint(const std::string& table, const std::string& name);
  void drop_referencing_keys(const std::string& table, const model::Constraint& key);
  void alter_indexes();
  void add_foreign_keys();

  // drop.cpp
  void drop_all();
  void drop_tables();

  bool named(const std::string& table, const model::Constraint& c,
             const std::set<std::string>& taken) const;

  model::Schema work_;  // `from` with the renames applied
  const model::Schema& to_;
  const model::Normalizer& n_;
  Generated out_;

  std::vector<std::string> new_tables_;      // in `to` only, by name
  std::vector<std::string> dropped_tables_;  // in `from` only, by name
  std::map<std::string, TableDiffs> tables_;
  std::vector<std::string> added_indexes_, dropped_indexes_, changed_indexes_;
  std::vector<std::string> new_enums_, dropped_enums_;
  std::map<std::string, EnumDiffs> enums_;

  // Constraint names each table has at this point of the operations.
  std::map<std::string, std::set<std::string>> taken_;
  // Foreign keys to add once every table, key and index is there: (table, constraint of `to`).
  std::vector<std::pair<std::string, model::Constraint>> foreign_keys_;
  // Foreign keys of `from` already dropped (to change a key they reference): table.name.
  std::set<std::string> dropped_fks_;
  // `drop not null` of primary key columns, written once the key is dropped.
  std::vector<std::pair<std::string, std::string>> deferred_drop_not_null_;
  // Comments for `add column`/`drop column` pairs that may be renames: "t.c" -> line.
  std::map<std::string, std::vector<std::string>> rename_notes_;
  std::vector<Rename> renamed_tables_;  // the table hints applied
};

}  // namespace migrac::autogen

#pragma once
// The checker's working parts (private to compiler/check): the state it
// replays operations into, and the Checker with one handler per operation kind
// (check_table.cpp, check_column.cpp, check_constraint.cpp, check_index.cpp,
// check_enum.cpp, check_data.cpp). A handler checks against the state and
// resolves its operation into Changes; the state changes only through
// apply_edit (state.cpp), the same way for raw SQL (raw_ddl.cpp).
//
// Error policy: every problem is reported at the offending name and checking
// goes on. An operation with an error has no effect on the schema, except the
// definitions (`create table`, `add column`): they apply their valid parts, so
// that one mistyped type does not turn every later use of the table into an
// error too.

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/ast/walk.h"
#include "compiler/diag/diag.h"
#include "compiler/model/apply.h"
#include "compiler/model/change.h"
#include "compiler/model/schema.h"

namespace migrac::pgsql {
class ParseCache;
}  // namespace migrac::pgsql

namespace migrac {

// A raw statement that may have changed a table in ways the model cannot
// know (see CheckState::tainted).
struct Taint {
  SourceRange at;    // the raw statement
  std::string what;  // its kind, for messages: "EXECUTE of a built string"
  // Columns added to the table since, by statements the model follows: known exactly.
  std::unordered_set<std::string> exact_columns;
};

// The names of the tables and enums one migration's edits touched (created,
// changed, dropped, renamed from or to): what a merge compares of its sides
// (join.cpp). Names only, so keeping one per migration costs little.
struct Touched {
  std::set<std::string> tables, enums;
  std::set<std::string> renamed;  // tables ("t") and columns ("t.c") renamed away, for messages
};

// Where each table was last created by any migration replayed so far, on
// whatever branch: for the note of an unknown table that a migration this
// one is not after creates.
struct CreatedAnywhere {
  std::unordered_map<std::string, std::pair<std::string, SourceRange>> tables;  // -> id, where
};

// The schema being replayed plus where its names were written, for notes.
//
// It also holds what the model cannot know: the tables raw SQL may have
// changed unknowably ("tainted"), and the types raw SQL created that the
// model does not hold. They are facts about the checker's knowledge, with
// source positions, not about the schema, so they live here beside the
// notes and not in model::Schema (which introspection fills and compares);
// apply_edit keeps them in step with every edit of the schema (a renamed
// table keeps its taint, a dropped or recreated one loses it).
struct CheckState {
  model::Schema schema;
  // Where each table, index and enum was created (or renamed to its name), for notes.
  std::unordered_map<std::string, SourceRange> table_at, index_at, enum_at;
  // Where a table that no longer exists was dropped (or renamed away), for notes.
  std::unordered_map<std::string, SourceRange> table_gone_at;
  // Table -> the raw statement that may have changed it unknowably.
  std::unordered_map<std::string, Taint> tainted;
  // The last raw statement whose objects are unknown (an EXECUTE of a built
  // string): every table then in the schema is tainted, and objects the
  // model lacks may exist.
  std::optional<Taint> opaque;
  // Type name -> the raw statement that created it (a composite, domain or
  // range type); "*" for an extension, whose types are unknown.
  std::unordered_map<std::string, SourceRange> unmodeled_types;
  // When set, apply_edit records there the names each edit touches (the
  // `up` of one migration; a `down` block, rolled back, records nothing).
  Touched* touched = nullptr;
  // When set, read for the notes of unknown tables (check.cpp keeps it).
  const CreatedAnywhere* anywhere = nullptr;
  // When set, raw SQL parsed ahead (CheckOptions::parsed_ahead): a text
  // followed takes its tree from there instead of parsing it.
  pgsql::ParseCache* parsed_ahead = nullptr;
};

// Steps that restore a CheckState, run last to first (see Checker's `undo`).
using model::UndoLog;
// Runs an undo log (last step first) and empties it.
using model::roll_back;

// Where the names an edit creates and removes are written, for notes.
struct EditSites {
  SourceRange created;  // a created table, index or enum; the new name of a rename
  SourceRange removed;  // a dropped table; the old name of a rename
};

// The one way the state changes, for .mig operations and raw SQL alike: the
// schema by model::apply, and the notes of where names were created and
// dropped. With an undo log, every entry it changes is recorded there first.
void apply_edit(CheckState& state, const model::Edit& edit, const EditSites& sites, UndoLog* undo);
// The same for a change's kind (without copying it into an Edit).
void apply_edit(CheckState& state, const model::ChangeKind& change, const EditSites& sites,
                UndoLog* undo);

// A constraint being built from a definition, with where its parts were written.
struct PendingConstraint {
  model::Constraint constraint;
  const ast::ForeignRef* ref = nullptr;    // ForeignKey: the target as written
  std::vector<SourceRange> column_ranges;  // local columns, in order
  SourceRange range;                       // where name errors are reported
  bool named = false;                      // the name was written
};

// Checks operations against a CheckState, applies them and resolves them into Changes.
// With an undo log, every change to the state is recorded there first, so
// that a `down { }` block can be checked on the state after `up` and then
// rolled back, without copying the whole schema.
class Checker {
 public:
  // `sources` holds the files, for positions inside `sql` bodies.
  Checker(CheckState& state, Diagnostics& diags, UndoLog* undo = nullptr,
          const SourceSet* sources = nullptr)
      : st_(state), diags_(diags), undo_(undo), sources_(sources) {}

  // Starts a migration (or a `down` block): forgets the tables created so
  // far. `has_down`: its reverse is written (a `down { }` block), or it is one.
  void begin_migration(bool has_down = false) {
    new_tables_.clear();
    has_down_ = has_down;
  }
  // Checks one operation, applies its effect, appends its Changes to `out`.
  void check(const ast::Operation& op, std::vector<model::Change>& out);

 private:
  // --- handlers, one per operation kind
  void on(const ast::CreateTable& op);
  void on(const ast::DropTable& op);
  void on(const ast::RenameTable& op);
  void on(const ast::AddColumn& op);
  void on(const ast::DropColumn& op);
  void on(const ast::RenameColumn& op);
  void on(const ast::AlterColumnType& op);
  void on(const ast::AlterColumnNotNull& op);
  void on(const ast::AlterColumnDefault& op);
  void on(const ast::AddConstraint& op);
  void on(const ast::DropConstraint& op);
  void on(const ast::CreateIndex& op);
  void on(const ast::DropIndex& op);
  void on(const ast::CreateEnum& op);
  void on(const ast::AlterEnumAddValue& op);
  void on(const ast::DropEnum& op);
  void on(const ast::Backfill& op);
  void on(const ast::Sql& op);

  // --- lookups that report what is missing (nullptr when reported)
  const model::Table* find_table(const ast::Ident& name);
  model::Column* find_column(model::Table& table, const ast::Ident& name);
  const model::Column* find_column(const model::Table& table, const ast::Ident& name);
  std::vector<std::string> table_names() const;

  // --- shared checks (checker.cpp)
  bool check_type(const ast::TypeRef& type);
  // Whether `type` is portable, native or a known enum (no report).
  bool known_type(const ast::TypeRef& type) const {
    return type.kind != ast::TypeKind::Enum || st_.schema.enum_type(type.name) != nullptr;
  }
  // Reports unknown columns and types of `e` read in `table`; appends the
  // columns read (first appearance, no repeats) to `cols` if given.
  bool check_expr(const ast::Expr& e, const model::Table& table, std::vector<std::string>* cols);
  // A generated column's expression (def.generated) in `table`, which holds
  // the column: it reads only existing plain columns and gives the same value
  // every time (E0440).
  bool check_generated(const ast::ColumnDef& def, const model::Table& table);
  // A default reads no column; for an enum column, a string default is one of its values.
  bool check_default(const ast::Expr& e, const model::Table& table, const model::Column& column);
  // A literal default converts to the column's type (default_literal.cpp).
  bool check_default_literal(const ast::Expr& e, const model::Table& table,
                             const model::Column& column);
  // Adds "'x' is created here" to `d` if `at` knows where `name` came from.
  static void note_origin(Diagnostic& d, const std::unordered_map<std::string, SourceRange>& at,
                          const std::string& name, const char* what);
  // What already uses `name` in the namespace of tables, indexes and key
  // constraints (and enums, which share PostgreSQL's type namespace with
  // tables, but are checked by their handlers), described for a message;
  // empty if free.
  std::string relation_user(const std::string& name) const;
  bool in_new_table(const std::string& table) const { return new_tables_.count(table) > 0; }

  // --- what the model cannot know (taint.cpp)
  // The raw statement that may have changed `table` unknowably, or nullptr.
  const Taint* taint_of(const std::string& table) const;
  // For a name the model lacks on a tainted table: reports UnknowableName
  // ("column 'x'" of `table`) and returns true; false (nothing reported) if
  // the table is not tainted.
  bool unknowable(const std::string& table, const std::string& what, SourceRange at);
  // A change whose reverse is derived from model facts about `table` (its
  // column `column`, or the whole table when empty): ReverseUnknowable
  // unless the migration has a `down` block, the table is not tainted, or
  // the column was added since. Returns false when it reported.
  bool reverse_knowable(const std::string& table, const std::string& column,
                        const std::string& change, SourceRange at);
  // `type` as a column gets it: a type raw SQL created that the model does
  // not hold becomes `native` (reported as UnknowableName); others as written.
  ast::TypeRef resolve_type(const ast::TypeRef& type);
  // Whether check_type would accept an unmodeled type (no report).
  bool is_unmodeled_type(const ast::TypeRef& type) const;
  // Adds a note at the raw statement of `t` to `d`.
  static void note_taint(Diagnostic& d, const Taint& t);

  // --- definitions (check_table.cpp)
  // A column definition checked for `table` (which may not hold it yet);
  // inline constraints are appended to `pending`.
  model::Column column_from_def(const ast::ColumnDef& def, const model::Table& table,
                                std::vector<PendingConstraint>& pending);
  // --- constraints (check_constraint.cpp)
  // A table constraint as written, not yet checked.
  static PendingConstraint constraint_from_def(const ast::TableConstraint& def);
  // Resolves a foreign key's target; false (reported) if it cannot be.
  bool resolve_foreign_key(PendingConstraint& p, const model::Table& table);
  // Checks a constraint against `table` (local columns, check expression,
  // foreign key target), names it if unnamed, checks the name is free and the
  // table gets at most one primary key; adds it to `table` if all is well (a
  // primary key makes its columns not null). `table` is a draft: the Change
  // built from it is what applies to the state.
  bool add_constraint_to(model::Table& table, PendingConstraint& p);
  // Adds pending constraints to `table`: keys and checks first, then foreign
  // keys, so that a foreign key to the table itself sees its keys. Appends the
  // ones added to `added` if given.
  void add_pending(model::Table& table, std::vector<PendingConstraint>& pending,
                   std::vector<model::Constraint>* added);
  // Whether `cols` (in any order) are the primary key, a unique constraint or a
  // plain unique index of `table`: what a foreign key may reference.
  static bool is_key(const model::Table& table, const std::vector<std::string>& cols);
  // Columns of `table` other objects use (indexes, constraints, foreign keys
  // of other tables), described for ColumnInUse.
  std::vector<std::string> column_users(const model::Table& table, const std::string& column) const;

  // --- applying and emitting Changes
  // Applies `kind` to the state (apply_edit, with `sites` for the notes) and
  // appends its Change for the current operation. `table` names the table it
  // changes (empty for none): it sets table_is_new, and table_after gets a
  // copy of the table as it is after the change, if it still exists.
  void commit(model::ChangeKind kind, const std::string& table = {}, const EditSites& sites = {});

  CheckState& st_;
  Diagnostics& diags_;
  const ast::Operation* op_ = nullptr;
  std::vector<model::Change>* out_ = nullptr;
  UndoLog* undo_ = nullptr;
  const SourceSet* sources_ = nullptr;
  std::unordered_set<std::string> new_tables_;  // created earlier in this migration
  bool has_down_ = false;                       // the migration's reverse is written
};

// Follows the simple DDL of a raw .up.sql migration in `state` (raw_ddl.cpp):
// PostgreSQL's reader (pgsql/ddl.h) turns it into edits, applied with
// apply_edit, and what it cannot follow into warnings and taint.
void apply_raw_ddl(const ast::Migration& migration, CheckState& state, const SourceSet& sources,
                   Diagnostics& diags);
// Reports each raw statement that PostgreSQL refuses inside a transaction
// block (CREATE INDEX CONCURRENTLY, VACUUM, ...) in a raw migration that runs
// in one (`transactional`), or between BEGIN and COMMIT of one that does not
// (raw_transaction.cpp).
void check_raw_transaction(const ast::Migration& migration, bool transactional, Diagnostics& diags);

// The body of a `sql` operation the checker follows: the PostgreSQL one, or
// the one for every dialect (the last such body); null if there is none.
const ast::SqlBody* followed_sql_body(const ast::Sql& op);

// The same for one PostgreSQL text written at `range` (the text is found in
// its file from there, for positions): a raw statement, or the body of a
// `sql` operation. With an undo log, every change to the state is recorded.
void follow_raw_sql(std::string_view text, SourceRange range, CheckState& state,
                    const SourceSet& sources, Diagnostics& diags, UndoLog* undo);

// --- helpers shared by the handlers (names.cpp, types.cpp, expr.cpp)

// A portable type as written in the language: "varchar(255)", "order_status".
std::string type_text(const ast::TypeRef& t);
bool is_integer_type(const ast::TypeRef& t);
// Whether a foreign key column of type `a` may reference a column of type `b`:
// the same type; string lengths may differ, numeric precision may not.
bool same_key_type(const ast::TypeRef& a, const ast::TypeRef& b);
// "did you mean 'int'?" for a type name that is neither portable nor an enum.
std::string type_suggestion(const std::string& wrong, const std::vector<std::string>& enums);

// The columns `e` reads, first appearance first, without repeats.
std::vector<std::string> columns_read(const ast::Expr& e);
// Appends `name` to `list` unless it is already there.
void add_unique(std::vector<std::string>& list, const std::string& name);
// "'a', 'b'" for messages.
std::string quoted_list(const std::vector<std::string>& names);

}  // namespace migrac

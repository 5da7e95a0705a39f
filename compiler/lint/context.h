#pragma once
// What a rule sees while it runs: for a .mig migration, its resolved Changes
// (the schema model before/after each operation), its settings and the
// planned statements with their lock facts; for a raw SQL file, its parsed
// statements and what earlier statements of the same file did.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/diag/diag.h"
#include "compiler/lint/sql_text.h"
#include "compiler/model/change.h"
#include "compiler/plan/plan.h"

namespace migrac::lint {

// One .mig migration under lint.
struct MigContext {
  const ast::Migration& migration;
  const CheckedMigration& checked;
  const MigrationPlan* plan = nullptr;  // the PostgreSQL plan, when planning succeeded
  const SourceSet& sources;
  Diagnostics& out;

  bool online() const { return checked.settings.online; }
  // The strongest lock the planned statements of `change` take ("" when the
  // plan does not say), for messages.
  std::string lock_of(const model::Change& change) const;
  // Whether a planned statement of `change` rewrites its table.
  bool plan_rewrites(const model::Change& change) const;
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message, std::string help = {});
};

// One raw SQL file under lint, walked statement by statement.
struct RawContext {
  RawContext(const SourceSet& s, int f, std::string_view t, Diagnostics& o)
      : sources(s), file(f), text(t), out(o) {}

  const SourceSet& sources;
  int file = -1;
  std::string_view text;      // the whole file
  std::uint32_t base = 0;     // offset of the parsed SQL in the file (a .mig `sql` body)
  bool transactional = true;  // no `-- migrac:no-transaction` header
  // A raw migration file: `check` itself reports a statement PostgreSQL
  // refuses inside a transaction block (E0124), so the lint rule is quiet.
  bool transaction_block_checked = false;
  Diagnostics& out;

  bool down = false;  // the .down.sql file of the migration

  // The schema model before the current statement: the model before the
  // migration (when the linter has it) evolved by the statements so far
  // with the raw-DDL reader, as `check` evolves it. Empty when unknown.
  std::optional<model::Schema> schema;
  std::set<std::string> uncertain_tables;  // changed by raw SQL the model could not follow
  bool opaque = false;                     // raw SQL touched objects the model may lack

  // State built up by the statements before the current one.
  std::set<std::string> created_tables;     // CREATE TABLE earlier in this file
  std::set<std::string> added_columns;      // "table.c" added earlier in this file
  std::set<std::string> dropped_if_exists;  // "table.c" by DROP CONSTRAINT IF EXISTS, not re-added
  std::set<std::string> created_indexes;    // CREATE INDEX earlier in this file
  std::set<std::string> not_valid_added;    // constraints added NOT VALID in this transaction
  std::map<std::string, std::string> not_null_checks;  // check (c IS NOT NULL) name -> "table.c"
  std::set<std::string> proven_not_null;               // "table.c" with a validated not-null check
  bool in_explicit_transaction = false;                // after BEGIN, before COMMIT/ROLLBACK
  SourceRange explicit_begin;                          // that BEGIN
  bool lock_timeout_set = false;
  bool statement_timeout_set = false;
  bool lock_timeout_reported = false;
  bool statement_timeout_reported = false;

  // Whether a statement here runs inside a transaction.
  bool in_transaction() const { return transactional || in_explicit_transaction; }
  bool is_new_table(const std::string& name) const { return created_tables.count(name) > 0; }
  // A table as the model holds it, or nullptr when the model does not know
  // it for sure (no model, not there, or changed by raw SQL it cannot follow).
  const model::Table* known_table(const std::string& name) const;
  // Whether the model says the index (or key) `name` does not exist here.
  bool index_absent(const std::string& name) const;
  // Whether the model says the table `name` does not exist here.
  bool table_absent(const std::string& name) const;
  // Follows one statement of `sql` (parsed from it) in `schema`.
  void follow(std::string_view sql, const SqlStatement& stmt);
  SourceRange range(std::uint32_t begin, std::uint32_t end) const;
  // The range of the clause starting at a parse-tree location (`c int not null`).
  SourceRange clause_at(long location, const SqlStatement& stmt) const;
  // The range of a type name at a parse-tree location (`varchar(20)`).
  SourceRange type_at(long location, const SqlStatement& stmt) const;
  // The whole statement (the caret covers its first line).
  SourceRange statement(const SqlStatement& stmt) const { return range(stmt.begin, stmt.end); }
  // The first occurrence of a phrase in the statement, else the statement.
  SourceRange phrase(const SqlStatement& stmt, const std::vector<std::string_view>& words) const;
  // A subcommand of the statement: from the words `start` through the word
  // `name` (within a few words) and the words `finish` right after it, e.g.
  // span(stmt, {"alter"}, "email", {"set", "not", "null"}); else the statement.
  SourceRange span(const SqlStatement& stmt, const std::vector<std::string_view>& start,
                   std::string_view name, const std::vector<std::string_view>& finish = {}) const;
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message, std::string help = {});
};

// The hooks of each rule family (rules_<family>.cpp): one per .mig change,
// one per raw statement. Families ignore what is not theirs.
void check_data_loss(MigContext& ctx, const model::Change& change);
void check_data_loss(RawContext& ctx, const SqlStatement& stmt);
void check_rename(MigContext& ctx, const model::Change& change);
void check_rename(RawContext& ctx, const SqlStatement& stmt);
void check_columns(MigContext& ctx, const model::Change& change);
void check_columns(RawContext& ctx, const SqlStatement& stmt);
void check_locking(MigContext& ctx, const model::Change& change);
void check_locking(RawContext& ctx, const SqlStatement& stmt);
void check_reversibility(MigContext& ctx, const model::Change& change);
void check_reversibility(RawContext& ctx, const SqlStatement& stmt);
void check_types(MigContext& ctx, const model::Change& change);
void check_types(RawContext& ctx, const SqlStatement& stmt);
// Whole-file checks of a raw migration, after its statements.
void check_raw_file(RawContext& ctx, const ast::Migration& migration);

// Whether PostgreSQL rewrites the table (or scans it under ACCESS EXCLUSIVE)
// to change a column's type from `from` to `to` (rules_columns.cpp).
bool type_change_rewrites(const ast::TypeRef& from, const ast::TypeRef& to, bool has_using);

// Shared wording: `'users.email'`.
std::string in_quotes(std::string_view name);
std::string in_quotes(std::string_view table, std::string_view column);
// The portable type as written in .mig (`varchar(255)`, `int`).
std::string type_text(const ast::TypeRef& type);

}  // namespace migrac::lint

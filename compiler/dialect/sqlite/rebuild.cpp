// SQLite's table rebuild, the procedure of the SQLite documentation
// ("Making Other Kinds Of Table Schema Changes"), built from the schema model
// alone: foreign keys off before the migration's transaction (the pragma has
// no effect inside one), the new table, the rows copied, the old table
// dropped, the new one renamed, its indexes recreated, the foreign key check,
// and foreign keys back on after the migration. The rename runs with
// legacy_alter_table on, so that a view naming the table (written with raw
// SQL, unknown to the model) stays valid instead of failing the rename.

#include <fmt/format.h>

#include <algorithm>

#include "compiler/dialect/sqlite/internal.h"

namespace migrac::sqlite {

namespace {

EmittedStatement statement(std::string sql, LockFacts lock,
                           Placement placement = Placement::InPlace) {
  return EmittedStatement{std::move(sql), std::move(lock), {}, placement};
}

// A statement that moves or deletes rows: foreign keys are checked before commit.
EmittedStatement changing_data(std::string sql, LockFacts lock) {
  EmittedStatement s = statement(std::move(sql), std::move(lock));
  s.changes_data = true;
  return s;
}

}  // namespace

std::vector<EmittedStatement> rebuild(const model::Table& after, const Copy& copy,
                                      std::string_view why, const TableContext& context) {
  const SqlBuilder& sql = builder();
  std::string temp_name = "migrac_new_" + after.name;
  std::optional<std::string> create = create_table(after, temp_name, context);
  if (!create) return {};

  std::string table = sql.ident(after.name);
  std::string temp = sql.ident(temp_name);
  std::string columns;
  std::string values;
  for (const model::Column& col : after.columns) {
    // A generated column is computed again in the new table, never copied.
    if (col.name == copy.added_column || col.generated) continue;
    std::string name = sql.ident(col.name);
    columns += (columns.empty() ? "" : ", ") + name;
    std::string value = name;
    if (col.name == copy.converted_column && copy.using_expr) value = sql.expr(*copy.using_expr);
    values += (values.empty() ? "" : ", ") + value;
  }

  std::string comment = fmt::format("rebuild of table '{}': {}", after.name, why);
  std::replace(comment.begin(), comment.end(), '\n', ' ');
  std::replace(comment.begin(), comment.end(), '\r', ' ');

  std::vector<EmittedStatement> out;
  out.push_back(
      statement("-- foreign keys off for the table rebuild (no effect inside a transaction)\n"
                "PRAGMA foreign_keys = OFF",
                {}, Placement::BeforeMigration));
  out.push_back(statement(fmt::format("-- {}\n{}", comment, *create), write_lock(after.name)));
  if (!columns.empty()) {  // empty only for a table that had no column (PostgreSQL allows it)
    out.push_back(changing_data(fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}", temp, columns,
                                            values, table),
                                write_lock(after.name, true, true)));
  }
  out.push_back(changing_data(fmt::format("DROP TABLE {}", table), write_lock(after.name)));
  out.push_back(statement(
      "-- the rename leaves views that name the table valid\nPRAGMA legacy_alter_table = ON", {}));
  out.push_back(statement(fmt::format("ALTER TABLE {} RENAME TO {}", temp, table),
                          write_lock(after.name)));
  out.push_back(statement("PRAGMA legacy_alter_table = OFF", {}));
  for (const model::Index& index : after.indexes) {
    out.push_back(statement(create_index(index), write_lock(after.name, false, true)));
  }
  EmittedStatement check = statement(
      "-- every row must still find its parent: migrac stops on any row listed\n"
      "PRAGMA foreign_key_check",
      {});
  check.checks_references = true;
  out.push_back(std::move(check));
  out.push_back(
      statement("-- foreign keys back on after the table rebuild\nPRAGMA foreign_keys = ON", {},
                Placement::AfterMigration));
  return out;
}

}  // namespace migrac::sqlite

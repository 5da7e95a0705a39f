#pragma once
// Helpers of the emit_sqlite_* tests: the SQLite emitter, changes that carry
// the table after them and the schema's enums, and an in-memory SQLite
// database that runs emitted statements (each must prepare and run).

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "tests/unit/plan_test_fixtures.h"

namespace migrac::testing {

inline const Emitter& sqlite_emitter() {
  static std::unique_ptr<Emitter> e = make_emitter(Dialect::Sqlite);
  return *e;
}

// A change on `after` (its table_after), with the enum `mood` ('ok', 'sad').
inline model::Change table_change(model::ChangeKind kind, const model::Table& after) {
  model::Change c = change(std::move(kind));
  c.table_after = std::make_shared<model::Table>(after);
  c.enums["mood"] = model::Enum{"mood", {"ok", "sad"}};
  return c;
}

inline std::vector<EmittedStatement> sqlite_emit(const model::Change& c, Diagnostics& diags) {
  return sqlite_emitter().emit(c, diags);
}

// The SQL of each statement a change emits, requiring no diagnostics.
inline std::vector<std::string> sqlite_sql(const model::Change& c) {
  Diagnostics diags;
  std::vector<std::string> out;
  for (const EmittedStatement& e : sqlite_emit(c, diags)) out.push_back(e.sql);
  for (const Diagnostic& d : diags.all()) INFO(d.message);
  REQUIRE_FALSE(diags.has_errors());
  return out;
}

// An in-memory SQLite database with foreign keys enforced, as the runtime opens it.
class MemoryDb {
 public:
  MemoryDb() {
    REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK);
    exec("PRAGMA foreign_keys = ON");
  }
  ~MemoryDb() { sqlite3_close(db_); }
  MemoryDb(const MemoryDb&) = delete;
  MemoryDb& operator=(const MemoryDb&) = delete;

  // Runs `sql`, requiring success; the rows as "a|b" lines joined by ", ".
  std::string exec(const std::string& sql) {
    std::string rows;
    char* error = nullptr;
    int rc = sqlite3_exec(
        db_, sql.c_str(),
        [](void* out, int n, char** values, char**) {
          auto* text = static_cast<std::string*>(out);
          if (!text->empty()) *text += ", ";
          for (int i = 0; i < n; ++i) {
            *text += (i ? "|" : "") + std::string(values[i] ? values[i] : "NULL");
          }
          return 0;
        },
        &rows, &error);
    INFO(sql);
    INFO((error ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);
    return rows;
  }

  // False when `sql` fails.
  bool try_exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }

  // Runs the statements of a change as the plan places them: those before
  // the migration, the rest in one transaction, then those after.
  void apply(const std::vector<EmittedStatement>& statements) {
    for (const EmittedStatement& s : statements) {
      if (s.placement == Placement::BeforeMigration) exec(s.sql);
    }
    exec("BEGIN");
    for (const EmittedStatement& s : statements) {
      if (s.placement == Placement::InPlace) {
        std::string rows = exec(s.sql);
        if (s.sql.ends_with("PRAGMA foreign_key_check")) REQUIRE(rows == "");
      }
    }
    exec("COMMIT");
    for (const EmittedStatement& s : statements) {
      if (s.placement == Placement::AfterMigration) exec(s.sql);
    }
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace migrac::testing

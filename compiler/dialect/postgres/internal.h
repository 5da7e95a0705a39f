#pragma once
// The pieces the PostgreSQL dialect's files share: its spelling (types.cpp),
// its lock levels, CREATE TABLE (table.cpp) and the statements of every
// change (statements.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/dialect/postgres/emitter.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac::postgres {

// PostgreSQL's table lock levels, weakest last.
inline constexpr std::string_view kAccessExclusive = "ACCESS EXCLUSIVE";
inline constexpr std::string_view kExclusive = "EXCLUSIVE";
inline constexpr std::string_view kShareRowExclusive = "SHARE ROW EXCLUSIVE";
inline constexpr std::string_view kShare = "SHARE";
inline constexpr std::string_view kShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";
inline constexpr std::string_view kRowExclusive = "ROW EXCLUSIVE";

// The builder with PostgreSQL's spelling.
const SqlBuilder& builder();

// The lock facts of a statement that takes `level` on `table` (a rewrite also scans).
inline LockFacts lock(std::string_view level, const std::string& table, bool rewrites = false,
                      bool scans = false) {
  return LockFacts{std::string(level), table, rewrites, scans || rewrites, {}};
}

// Adds a lock on `table` unless it is the statement's own table or already listed.
inline void add_other(LockFacts& facts, std::string_view level, const std::string& table) {
  if (table == facts.table) return;
  for (const ObjectLock& o : facts.others) {
    if (o.object == table) return;
  }
  facts.others.push_back(ObjectLock{std::string(level), table});
}

// CREATE TABLE with its columns and constraints; it locks the tables its
// foreign keys reference (the new table itself is seen by nobody yet).
EmittedStatement create_table(const model::Table& table);

// The statements of one change.
std::vector<EmittedStatement> statements(const model::Change& change, Diagnostics& diags);

// "$migrac$", or a tag that does not occur in `body`.
std::string dollar_tag(std::string_view body);

}  // namespace migrac::postgres

// The online forms of MySQL's ALTER TABLE and what each locks. Each form is
// one both MySQL 8.0.29+ and MariaDB 10.11 accept for the operation (an
// ALGORITHM the server cannot use is an error, not a slower fallback):
//   INSTANT             add, drop or rename a column, set or drop a default,
//                       append enum values, rename a table
//   INPLACE, LOCK=NONE  add or drop an index or key, drop a foreign key or
//                       check, widen a varchar within its length-byte size,
//                       set or drop not null (a rebuild)
//   COPY, LOCK=SHARED   change a column's type, add a foreign key (validated)
//                       or a check, drop the primary key: writes wait

#include <fmt/format.h>

#include "compiler/dialect/mysql/internal.h"

namespace migrac::mysql {

namespace {

// The largest varchar length whose bytes (4 per utf8mb4 character) fit a
// one-byte length prefix; widening across it rewrites the table.
constexpr std::int64_t kOneByteVarchar = 63;

}  // namespace

std::string algorithm_clause(Algorithm a) {
  switch (a) {
    case Algorithm::Instant: return "ALGORITHM=INSTANT";
    case Algorithm::InplaceNone: return "ALGORITHM=INPLACE, LOCK=NONE";
    case Algorithm::InplaceShared: return "ALGORITHM=INPLACE, LOCK=SHARED";
    case Algorithm::Copy: return "ALGORITHM=COPY, LOCK=SHARED";
  }
  return {};
}

LockFacts alter_lock(Algorithm a, const std::string& table, bool rewrites, bool scans) {
  std::string level;
  switch (a) {
    case Algorithm::Instant:
      level = "ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock)";
      break;
    case Algorithm::InplaceNone:
      level = "ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue)";
      break;
    case Algorithm::InplaceShared: level = "ALGORITHM=INPLACE, LOCK=SHARED (writes wait)"; break;
    case Algorithm::Copy:
      level = "ALGORITHM=COPY, LOCK=SHARED (writes wait)";
      rewrites = true;
      break;
  }
  return LockFacts{level, table, rewrites, scans || rewrites, {}};
}

LockFacts metadata_lock(const std::string& table) {
  return LockFacts{"exclusive metadata lock", table, false, false, {}};
}

std::optional<Algorithm> type_change_algorithm(const ast::TypeRef& from, const ast::TypeRef& to,
                                               const Context& context) {
  model::Column a{"c", from, false, std::nullopt, false, std::nullopt};
  model::Column b{"c", to, false, std::nullopt, false, std::nullopt};
  Diagnostics quiet;  // the writer reports the new type's problems itself
  Context silent{context.enums, context.change, quiet};
  std::optional<std::string> before = column_type(a, silent);
  std::optional<std::string> after = column_type(b, silent);
  if (before && after && *before == *after) return std::nullopt;
  if (from.kind == ast::TypeKind::Varchar && to.kind == ast::TypeKind::Varchar && from.length &&
      to.length && *to.length >= *from.length &&
      (*from.length <= kOneByteVarchar) == (*to.length <= kOneByteVarchar)) {
    return Algorithm::InplaceNone;
  }
  if (from.kind == ast::TypeKind::Enum && to.kind == ast::TypeKind::Enum) {
    auto f = context.enums.find(from.name);
    auto t = context.enums.find(to.name);
    if (f != context.enums.end() && t != context.enums.end()) {
      const std::vector<std::string>& old_values = f->second.values;
      const std::vector<std::string>& new_values = t->second.values;
      bool appended = new_values.size() >= old_values.size() && new_values.size() <= 255 &&
                      std::equal(old_values.begin(), old_values.end(), new_values.begin());
      if (appended) return Algorithm::Instant;
    }
  }
  return Algorithm::Copy;
}

}  // namespace migrac::mysql

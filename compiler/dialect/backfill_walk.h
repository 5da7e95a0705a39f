#pragma once
// A backfill's batches in key order (BatchWalk), the same in every dialect
// but for quoting: each batch finds the last key of the next `batch` keys,
// then updates the rows between the last key done and it that still match
// the backfill's condition. Each row is read once, where `WHERE <not done>
// LIMIT n` rescans the rows already done.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "compiler/dialect/dialect.h"

namespace migrac {

// What every batch of one backfill shares, already in the dialect's SQL.
struct BackfillParts {
  std::string table;  // quoted
  std::string sets;   // "slug = lower(title)"
  std::string where;  // the rows that still need it
  std::int64_t batch = 10000;
  std::int64_t pause_ms = -1;  // -1: the run's --backfill-pause
};

// The name of the i-th (1-based) key value of a bound or position: "$1", or
// a PL/pgSQL variable in a script.
using KeyName = std::function<std::string(std::size_t)>;

// The query for the last key of the next batch: after the key `lo` (none for
// the first batch), selected `into` (" INTO v1, v2" in PL/pgSQL, else "").
std::string walk_bound_sql(const BackfillParts& b, const std::vector<std::string>& keys,
                           const KeyName* lo, const std::string& into);
// The update of one batch: keys after `lo` (none for the first batch) up to `hi`.
std::string walk_update_sql(const BackfillParts& b, const std::vector<std::string>& keys,
                            const KeyName* lo, const KeyName& hi);

// The four statements of a walk over `keys` (quoted columns, or "rowid"),
// with $n parameters.
BatchWalk key_walk(const BackfillParts& b, const std::vector<std::string>& keys);

}  // namespace migrac

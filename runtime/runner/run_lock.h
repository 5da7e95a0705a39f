#pragma once
// One runner at a time: takes the driver's run lock (a session-level advisory
// lock on PostgreSQL), polling until it is free or the wait is over, and says
// once that it is waiting and for whom.

#include <cstdint>
#include <string>

#include "runtime/db/driver.h"

namespace migrac::runner {

enum class LockOutcome { Taken, TimedOut, Failed };

// `message` is set for TimedOut ("another runner ... holds the migration
// lock") and Failed (the database error).
LockOutcome acquire_run_lock(db::Driver& db, std::int64_t key, std::int64_t wait_ms, bool quiet,
                             std::string& message);

}  // namespace migrac::runner

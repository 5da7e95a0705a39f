#pragma once
// PostgreSQL's table lock modes and which of them conflict (the "Conflicting
// Lock Modes" table of the manual), for the runner's wait without queuing: a
// statement's LockFacts level ("ACCESS EXCLUSIVE") against the modes other
// sessions hold or wait for, as pg_locks names them ("AccessShareLock").

#include <string>
#include <string_view>
#include <vector>

namespace migrac::db {

// Whether a LockFacts level is stronger than ROW EXCLUSIVE (it blocks, or
// queues behind, ordinary readers or writers). False for "" and unknown levels.
bool stronger_than_row_exclusive(std::string_view level);

// The pg_locks modes that conflict with a LockFacts level; empty for "" and
// unknown levels.
std::vector<std::string> conflicting_pg_modes(std::string_view level);

}  // namespace migrac::db

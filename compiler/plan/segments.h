#pragma once
// Cuts lowered steps into segments (a new segment wherever the transactional
// mode or the group changes) and opens each segment that takes a lock with
// the migration's lock_timeout (and statement_timeout, when set).

#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/dialect/dialect.h"
#include "compiler/plan/lower.h"
#include "compiler/plan/plan.h"

namespace migrac {

std::vector<Segment> build_segments(std::vector<Step> steps, const MigrationSettings& settings,
                                    const Emitter& emitter, Diagnostics& diags);

// A duration as PostgreSQL writes it in settings: "5s", "2min", "1h", "250ms".
std::string format_duration(std::int64_t ms);

}  // namespace migrac

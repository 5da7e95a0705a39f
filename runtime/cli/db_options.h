#pragma once
// The options of the database verbs (upgrade, downgrade, current, status,
// stamp) and their parsed values.

#include <cstdint>

#include <boost/program_options.hpp>

#include "runtime/cli/verb.h"
#include "runtime/runner/progress.h"

namespace migrac::cli {

// Which of the database options a verb takes.
enum DbOptionSet : unsigned {
  kConnectOptions = 1,  // --wait, --quiet, --format
  kRunOptions = 2,      // --lock-wait, --retries, --lock-deadline, --backfill-pause, --allow-edited
};

boost::program_options::options_description database_options(unsigned sets);

// The database options, parsed.
struct DbSettings {
  std::int64_t wait_ms = 0;
  std::int64_t lock_wait_ms = 60000;
  int retries = 5;
  std::int64_t lock_deadline_ms = 300000;
  std::int64_t backfill_pause_ms = 0;
  bool quiet = false;
  bool allow_edited = false;
  runner::OutputFormat format = runner::OutputFormat::Text;
};

// Parses the database options; fails with exit 2 on a bad value.
DbSettings db_settings(const Invocation& inv);

}  // namespace migrac::cli

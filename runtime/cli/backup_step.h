#pragma once
// The backup step of upgrade and downgrade: their --backup options, and the
// backup taken before anything is applied (runtime/backup/).

#include <boost/program_options.hpp>

#include "runtime/cli/db_options.h"
#include "runtime/cli/session.h"

namespace migrac::cli {

// --backup DIR and --no-backup.
boost::program_options::options_description backup_options();

// With a backup folder configured: backs up the session's database and says
// which file it wrote and its size (stdout; stderr under --format json, so
// that stdout stays one document), or, when `pending` is false, that it was
// skipped. Fails with exit 3 when the backup fails: nothing is applied.
void backup_or_fail(const Invocation& inv, const Session& session, const DbSettings& settings,
                    bool pending);

// Before an offline script (--sql), which takes no backup: --backup on the
// command line is refused (exit 2); a backup folder from migrac.ini or
// MIGRAC_BACKUP gets a note on stderr saying the script takes none.
void no_backup_offline(const Invocation& inv);

}  // namespace migrac::cli

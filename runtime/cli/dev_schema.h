#pragma once
// The development database of the raw migrations' schema cache
// (compiler/project/schema_cache.h): `migrac check --dev-url URL` replays the
// migrations on a scratch database made on that server and writes the entry
// of each raw migration whose entry is missing or stale; `migrac verify`
// holds the cache to be current.

#include <cstddef>

#include "compiler/diag/diag.h"
#include "compiler/project/project.h"
#include "runtime/cli/verb.h"

namespace migrac::cli {

// What a refresh did.
struct DevRefresh {
  std::size_t written = 0;  // entries written
  std::size_t current = 0;  // entries that were current already
  std::size_t applied = 0;  // migrations replayed on the scratch database
};

// For each raw migration whose entry is missing, stale or unreadable (in
// replay order), replays its ancestors and then it, in replay order, on a
// scratch database on the server of inv.config.dev_url, through the runner,
// reads the schema back and writes its entry (atomically); then compiles the
// project again with the new entries, so that the migrations after it are
// checked on the exact schema. The database holds only the migration's
// ancestors: the next one continues on it when it holds only ancestors of
// that one too, and is made anew otherwise (a raw migration of another
// branch). Stops replaying after the last entry it has to write.
// `project` is left compiled with every entry written so far. Fails with exit
// 3 (the server cannot be reached, a database cannot be created, an entry
// cannot be written) or 1 (a migration before an entry has errors, or does not
// apply on the database; the diagnostics and the server's message are said).
DevRefresh refresh_schema_cache(const Invocation& inv, Project& project);

// verify's compile: as compile_or_fail(inv, false, true, true), with the
// cache's errors (report_cache_not_current) put into `cache_diags`; when the
// migrations have errors of their own (a stale entry can cause them), the
// cache's errors are said with them, before verify fails with exit 1.
Project compile_for_verify(const Invocation& inv, Diagnostics& cache_diags);

// Reports (as errors) each raw migration whose entry is missing or not current,
// when the project keeps a schema cache; the number reported.
std::size_t report_cache_not_current(const Project& project, Diagnostics& diags);

}  // namespace migrac::cli

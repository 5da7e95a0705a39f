// The psql script format: not available yet. This file is its hook: replace
// render_psql_script with the real format (bookkeeping rows, ON_ERROR_STOP,
// guarded non-transactional steps).

#include <fmt/format.h>

#include "compiler/emit/script_formats.h"

namespace migrac {

std::string render_psql_script(const std::vector<const MigrationPlan*>& plans,
                               const SourceSet& sources, const ScriptOptions& options) {
  (void)plans;
  (void)sources;
  return fmt::format(
      "-- migrac: the psql script format is not available yet for {}; use the plain format\n"
      "\\echo 'migrac: the psql script format is not available yet'\n"
      "\\quit\n",
      dialect_name(options.dialect));
}

}  // namespace migrac

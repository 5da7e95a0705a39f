#include "runtime/cli/agreement.h"

#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/verb_error.h"

namespace migrac::cli {

void check_agreement(const Project& project, const history::State& state,
                     const DbSettings& settings, const std::string& verb) {
  // Warnings and refusals in one text, in the order they are found.
  std::string text;
  bool refused = false;
  for (const history::Row* row : state.unknown) {
    refused = true;
    text += fmt::format(
        "migrac {}: the database has applied migration '{}', which no migration file has\n"
        "  help: restore its file, or remove its record with 'migrac stamp --delete {}'\n",
        verb, row->id, row->id);
  }
  for (std::size_t rev : state.edited) {
    const ast::Migration& m = project.migrations[rev];
    std::string path = m.file >= 0 ? project.sources[m.file].path : m.id;
    if (settings.allow_edited) {
      text += fmt::format(
          "migrac {}: warning: '{}' was edited after it was applied (checksum {} recorded, {} in "
          "{}); "
          "going on because of --allow-edited\n",
          verb, m.id, state.row_of[rev]->checksum, m.checksum, path);
      continue;
    }
    refused = true;
    text += fmt::format(
        "migrac {}: migration '{}' was edited after it was applied: {} has checksum {}, the "
        "database recorded {}\n"
        "  help: restore the file, or, if the edit was reviewed, record the new checksum with "
        "'migrac stamp {} --rehash' (--allow-edited goes on once without recording it)\n",
        verb, m.id, path, m.checksum, state.row_of[rev]->checksum, m.id);
  }
  if (refused) throw VerbError{kDatabaseDisagrees, text};
  std::cerr << text;
}

void check_reversible(const Project& project, const std::vector<MigrationPlan>& plans) {
  Diagnostics diags;
  if (migrac::check_reversible(plans, diags)) return;
  throw VerbError{kMigrationErrors, render_text(diags, project.sources) + render_summary(diags) +
                                        "migrac downgrade: nothing was reverted\n"};
}

}  // namespace migrac::cli

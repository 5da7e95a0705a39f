#include "runtime/cli/backup_step.h"

#include <iostream>

#include <fmt/format.h>

#include "runtime/backup/backup.h"
#include "runtime/db/url.h"

namespace migrac::cli {

namespace po = boost::program_options;

po::options_description backup_options() {
  po::options_description d("Backup");
  d.add_options()("backup", po::value<std::string>(),
                  "back up the database into this folder before changing it (pg_dump -Fc, "
                  "SQLite's backup API, mariadb-dump); also MIGRAC_BACKUP, 'backup' in "
                  "migrac.ini")("no-backup", "take no backup, whatever the configuration says");
  return d;
}

void backup_or_fail(const Invocation& inv, const Session& session, const DbSettings& settings,
                    bool pending) {
  const std::string& dir = inv.config.backup_dir;
  if (dir.empty()) return;
  std::ostream& out = settings.format == runner::OutputFormat::Json ? std::cerr : std::cout;
  auto say = [&](const std::string& line) {
    if (!settings.quiet) out << line << '\n';
  };
  if (!pending) {
    say(fmt::format("backup: skipped, nothing to {}",
                    inv.verb == "downgrade" ? "revert" : "apply"));
    return;
  }
  std::string error;
  auto url = db::parse_url(inv.config.url, error);
  if (!url) fail(kUsage, "migrac {}: {}", inv.verb, error);
  if (session.create_at) {
    say(fmt::format("backup: skipped, {} does not exist yet", url->target));
    return;
  }
  backup::BackupResult r = backup::take_backup(*url, inv.config.url, dir);
  if (r.skipped) {
    say("backup: skipped, " + r.note);
    return;
  }
  if (!r.ok) {
    fail(kDatabaseError, "migrac {}: the backup failed, nothing was applied: {}", inv.verb,
         r.error);
  }
  say(fmt::format("backup: wrote {} ({}, {})", r.path, backup::size_text(r.bytes), r.tool));
}

void no_backup_offline(const Invocation& inv) {
  if (inv.vm.count("backup")) {
    fail(kUsage,
         "migrac {0}: --backup cannot be kept with --sql: the script is run by its client, not "
         "migrac; back up the database before running it (pg_dump -Fc, or drop --sql)",
         inv.verb);
  }
  if (inv.config.backup_dir.empty() || inv.vm.count("no-backup")) return;
  std::cerr << fmt::format(
      "migrac {}: note: the script takes no backup (a backup folder is configured, '{}'); back "
      "up the database before running it\n",
      inv.verb, inv.config.backup_dir);
}

}  // namespace migrac::cli

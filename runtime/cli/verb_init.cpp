// `migrac init [DIR]`: a new project in DIR (default: here): the migrations
// folder and a migrac.ini that names every setting, commented out at its
// default, with the flag and the environment variable that override it.
// An existing migrac.ini is never overwritten.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// migrac.ini as init writes it; `dialect` uncommented when given.
std::string ini_text(const std::string& dialect) {
  std::string dialect_line = dialect.empty() ? "# dialect = postgres"
                                             : fmt::format("dialect = {}", dialect);
  return fmt::format(
      R"(# migrac.ini: the settings of this project. Each one is shown commented out at
# its default; remove the '#' to set it. A flag on the command line overrides
# this file (its name in brackets), and for url and dev_url the environment does.

# The folder of the migrations, relative to this file. [--dir]
# dir = migrations

# The SQL the migrations compile to: postgres, sqlite or mysql. [--dialect]
{}

# The database to migrate, written as SQLAlchemy writes URLs:
# postgresql://user@host:5432/app, sqlite:///app.db (relative), sqlite:////abs/app.db,
# mysql://user@host:3306/app. Default: none. The environment overrides it:
# MIGRAC_URL, else DATABASE_URL (a better place for a password; it is never printed). [--url]
# url = sqlite:///app.db

# A development database server where `migrac check` replays raw SQL migrations to
# write their exact schema to migrations/.schema/. Default: none. Overridden by
# MIGRAC_DEV_URL. [--dev-url, of check]
# dev_url = postgresql://localhost/postgres

# The history table (it may be schema-qualified: ops.migrac_history). [--history-table]
# history_table = migrac_history

# lock_timeout of every transaction that takes a lock: 500ms, 5s, 2min, 1h. [--lock-timeout]
# lock_timeout = 5s

# statement_timeout of the migrations' statements. Default: none. [--statement-timeout]
# statement_timeout = 10min

# Online (safe-by-default) forms: concurrent index builds, NOT VALID constraints
# validated apart, backfills in batches. false compiles the plain, blocking forms.
# [--online, --no-online]
# online = true

# The layout of the migrations folder: migrac, golang-migrate, dbmate or flyway.
# Default: detected from the files (a line says which). [--convention]
# convention = migrac

# A folder where upgrade and downgrade write a backup (pg_dump -Fc, SQLite's
# backup API, mariadb-dump) before they apply anything. Default: none.
# Overridden by MIGRAC_BACKUP. [--backup DIR, --no-backup]
# backup = backups
)",
      dialect_line);
}

}  // namespace

int verb_init(const Args& args) {
  namespace fs = std::filesystem;
  Invocation inv = parse_invocation("init", "init [DIR] [--dialect D]", args, {}, 1);
  if (inv.vm.count("dialect")) config_dialect(inv.config);
  fs::path root = inv.positional.empty() ? fs::path(".") : fs::path(inv.positional[0]);
  fs::path ini = root / "migrac.ini";
  fs::path migrations = root / "migrations";
  std::error_code ec;
  if (fs::exists(ini, ec)) {
    fail(kUsage, "migrac init: '{}' exists already; nothing was changed", ini.string());
  }
  fs::create_directories(migrations, ec);
  if (ec) {
    fail(kDatabaseError, "migrac init: cannot create '{}': {}", migrations.string(), ec.message());
  }
  {
    std::ofstream out(ini, std::ios::binary);
    out << ini_text(inv.vm.count("dialect") ? inv.config.dialect : "");
    if (!out) fail(kDatabaseError, "migrac init: cannot write '{}'", ini.string());
  }
  std::string where = root == fs::path(".") ? "" : fmt::format(" (in {})", root.string());
  std::cout << fmt::format("created {}/ and {}\n\nnext{}:\n",
                           migrations.lexically_normal().string(), ini.lexically_normal().string(),
                           where);
  std::cout << "  migrac new create_users                  # write the first migration\n"
               "  migrac check                             # compile it, report diagnostics\n"
               "  migrac upgrade head --url sqlite:app.db  # apply it (or set url in migrac.ini)\n";
  return kOk;
}

}  // namespace migrac::cli

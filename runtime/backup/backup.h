#pragma once
// A backup of a database before a migration run changes it (`migrac upgrade
// --backup DIR`, the `backup` setting): PostgreSQL through pg_dump -Fc,
// SQLite through its online backup API, MySQL and MariaDB through
// mariadb-dump or mysqldump. The file is written under a temporary name and
// renamed when complete, so that a failed backup leaves no file that looks
// whole.

#include <cstdint>
#include <string>

#include "runtime/db/url.h"

namespace migrac::backup {

// What a backup did.
struct BackupResult {
  bool ok = false;
  bool skipped = false;  // nothing to back up (an in-memory SQLite database); `note` says why
  std::string path;      // the file written
  std::uintmax_t bytes = 0;
  std::string tool;   // "pg_dump", "sqlite3_backup", "mariadb-dump", "mysqldump"
  std::string error;  // why it failed: one line or a few, without a password
  std::string note;
};

// Backs up the database `url` names into a new file in `dir` (created when
// missing), named after the database and the time (UTC):
// `app-20261201T191500Z.dump` (pg_dump's custom format), `.sqlite` (a SQLite
// database file), `.sql` (a mysqldump script). `raw_url` is the URL as
// configured, for redacting its password from messages.
BackupResult take_backup(const db::DbUrl& url, const std::string& raw_url, const std::string& dir);

// A size for people: "812 B", "4.1 kB", "12.3 MB".
std::string size_text(std::uintmax_t bytes);

}  // namespace migrac::backup

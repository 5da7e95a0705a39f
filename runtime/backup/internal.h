#pragma once
// What the backup folder's files share: running a dump tool, and one writer
// per engine (postgres_backup.cpp, sqlite_backup.cpp, mysql_backup.cpp).

#include <string>
#include <vector>

#include "runtime/db/redact.h"
#include "runtime/db/url.h"

namespace migrac::backup {

// How a tool run ended.
struct ToolRun {
  bool found = true;  // false: the program is not on PATH
  bool started = false;
  int exit_code = -1;      // -1: killed by a signal, or not started
  std::string error_text;  // its stderr (or why it did not start)
};

// Runs argv[0] (looked up on PATH) with `argv`, stdin from /dev/null, stdout
// discarded and stderr captured; `env` are NAME=VALUE entries added to (or
// replacing those of) this process's environment: a password travels there,
// never on the command line.
ToolRun run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& env);

// The first lines of a tool's stderr, as one message (redacted).
std::string tool_message(const ToolRun& run, const db::Redactor& redact);

// One engine's backup: its database name (for the file name), the file's
// extension, and the writer, which writes `path` whole or fails with a message.
struct EngineBackup {
  std::string database;
  std::string extension;
};
EngineBackup describe_postgres(const db::DbUrl& url);
EngineBackup describe_sqlite(const db::DbUrl& url);
EngineBackup describe_mysql(const db::DbUrl& url);

// Each returns "" when `path` was written, else why not; `tool` names what wrote it.
std::string write_postgres(const db::DbUrl& url, const std::string& path,
                           const db::Redactor& redact, std::string& tool);
std::string write_sqlite(const db::DbUrl& url, const std::string& path, std::string& tool);
std::string write_mysql(const db::DbUrl& url, const std::string& path, const db::Redactor& redact,
                        std::string& tool);

}  // namespace migrac::backup

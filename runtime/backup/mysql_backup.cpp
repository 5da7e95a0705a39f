// MySQL and MariaDB: mariadb-dump (else mysqldump), found on PATH, with the
// URL's host, port, socket and user; the password goes in MYSQL_PWD, never on
// the command line. --single-transaction reads InnoDB tables consistently
// without locking them.
#include "runtime/backup/internal.h"

namespace migrac::backup {

EngineBackup describe_mysql(const db::DbUrl& url) {
  return {url.mysql.database.empty() ? "mysql" : url.mysql.database, ".sql"};
}

std::string write_mysql(const db::DbUrl& url, const std::string& path, const db::Redactor& redact,
                        std::string& tool) {
  const db::MysqlTarget& t = url.mysql;
  std::vector<std::string> env;
  if (!t.password.empty()) env.push_back("MYSQL_PWD=" + t.password);
  std::vector<std::string> args = {"--single-transaction", "--routines", "--triggers",
                                   "--result-file=" + path};
  if (!t.socket.empty()) {
    args.push_back("--socket=" + t.socket);
  } else {
    args.push_back("--host=" + (t.host.empty() ? std::string("localhost") : t.host));
    if (t.port != 0) args.push_back("--port=" + std::to_string(t.port));
  }
  if (!t.user.empty()) args.push_back("--user=" + t.user);
  args.push_back(t.database);
  for (const char* program : {"mariadb-dump", "mysqldump"}) {
    std::vector<std::string> argv = {program};
    argv.insert(argv.end(), args.begin(), args.end());
    ToolRun run = run_tool(argv, env);
    if (!run.found) continue;
    tool = program;
    if (!run.started || run.exit_code != 0) return tool + " failed: " + tool_message(run, redact);
    return "";
  }
  tool = "mariadb-dump";
  return "neither mariadb-dump nor mysqldump is on PATH\n  help: install the client programs "
         "(Debian: mariadb-client), or run without --backup";
}

}  // namespace migrac::backup

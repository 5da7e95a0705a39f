// PostgreSQL: pg_dump -Fc (the real tool, found on PATH) with the runtime's
// connection settings. The password of the URL goes to pg_dump in PGPASSWORD,
// never on its command line; -w keeps it from prompting.
#include <cstdlib>

#include <libpq-fe.h>

#include "runtime/backup/internal.h"

namespace migrac::backup {

namespace {

// The URL's connection settings as libpq reads them, the password apart.
struct Settings {
  std::string conninfo;  // key='value' pairs without the password
  std::string password;
  std::string database;
  bool ok = false;
  std::string error;
};

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

Settings read_settings(const std::string& target) {
  Settings s;
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(target.c_str(), &err);
  if (!options) {
    s.error = err ? err : "cannot read the connection string";
    if (err) PQfreemem(err);
    return s;
  }
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string key = o->keyword;
    if (key == "password") {
      s.password = o->val;
      continue;
    }
    if (key == "dbname") s.database = o->val;
    s.conninfo += (s.conninfo.empty() ? "" : " ") + key + "=" + quoted(o->val);
  }
  PQconninfoFree(options);
  if (s.database.empty()) {
    const char* env = std::getenv("PGDATABASE");
    if (env && *env) s.database = env;
  }
  s.ok = true;
  return s;
}

}  // namespace

EngineBackup describe_postgres(const db::DbUrl& url) {
  Settings s = read_settings(url.target);
  return {s.database.empty() ? "postgres" : s.database, ".dump"};
}

std::string write_postgres(const db::DbUrl& url, const std::string& path,
                           const db::Redactor& redact, std::string& tool) {
  tool = "pg_dump";
  Settings s = read_settings(url.target);
  if (!s.ok) return redact(s.error);
  std::vector<std::string> env;
  if (!s.password.empty()) env.push_back("PGPASSWORD=" + s.password);
  std::vector<std::string> argv = {"pg_dump", "--format=custom", "--no-password", "--file=" + path};
  if (!s.conninfo.empty()) argv.push_back("--dbname=" + s.conninfo);
  ToolRun run = run_tool(argv, env);
  if (!run.found) {
    return "pg_dump is not on PATH\n  help: install PostgreSQL's client programs "
           "(Debian: postgresql-client), or run without --backup";
  }
  if (!run.started || run.exit_code != 0) return "pg_dump failed: " + tool_message(run, redact);
  return "";
}

}  // namespace migrac::backup

#include "runtime/cli/generate.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "compiler/autogen/lift.h"
#include "compiler/autogen/sql_source.h"
#include "compiler/diag/render.h"
#include "compiler/lint/lint.h"
#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"

namespace migrac::cli {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_url(const std::string& s) {
  return s.find("://") != std::string::npos || s.rfind("sqlite:", 0) == 0;
}

GenSource read_database(const Invocation& inv, const std::string& url) {
  DbSettings settings = db_settings(inv);
  db::ConnectOptions at{url, settings.wait_ms, true, true, {}};
  Session session = open_session(inv, settings, SessionMode::Read, &at);
  LiveSchema live = read_live_schema(session, inv.verb);
  GenSource source;
  source.dialect = session.db->dialect();
  source.schema = source.dialect == Dialect::Postgres
                      ? autogen::readable_expressions(std::move(live.schema))
                      : std::move(live.schema);
  source.unmodeled = std::move(live.unmodeled);
  source.label = session.db->describe();
  source.is_database = true;
  return source;
}

GenSource read_sql_file(const Invocation& inv, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(kDatabaseError, "migrac {}: cannot read '{}'", inv.verb, path);
  std::ostringstream text;
  text << in.rdbuf();
  SourceSet sources;
  int file = sources.add(path, text.str());
  Diagnostics diags;
  GenSource source;
  source.schema = autogen::readable_expressions(autogen::read_sql_schema(sources, file, diags));
  source.label = path;
  diags.sort();
  if (diags.has_errors()) {
    throw VerbError{kMigrationErrors,
                    render_text(diags, sources) + render_summary(diags) +
                        fmt::format("migrac {}: '{}' could not be read; nothing was written\n",
                                    inv.verb, path)};
  }
  if (!diags.all().empty()) std::cerr << render_text(diags, sources);
  return source;
}

}  // namespace

GenSource read_source(const Invocation& inv, const std::string& source) {
  if (is_url(source)) return read_database(inv, source);
  if (ends_with(source, ".sql")) return read_sql_file(inv, source);
  fail(kUsage,
       "migrac {}: '{}' is neither a database URL nor a .sql file\n"
       "  help: --from postgresql://localhost/dev_db, --from sqlite:dev.db or --from schema.sql",
       inv.verb, source);
}

std::vector<std::string> unmodeled_lines(const std::vector<UnmodeledObject>& objects) {
  std::vector<std::string> lines;
  for (const UnmodeledObject& o : objects) {
    std::string line = fmt::format("   {} {}", o.kind, o.name);
    if (!o.note.empty()) line += fmt::format(" ({})", o.note);
    lines.push_back(std::move(line));
  }
  return lines;
}

int write_generated(const Invocation& inv, const std::string& id, const std::string& text,
                    bool lint) {
  namespace fs = std::filesystem;
  fs::path dir(inv.config.dir);
  fs::path path = dir / (id + ".mig");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (fs::exists(path)) fail(kUsage, "migrac {}: '{}' exists already", inv.verb, path.string());
  fs::path temp = dir / ("." + id + ".mig.tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      fail(kDatabaseError, "migrac {}: cannot write '{}'", inv.verb, temp.string());
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    fail(kDatabaseError, "migrac {}: cannot write '{}': {}", inv.verb, path.string(), ec.message());
  }
  std::cout << path.string() << "\n";

  // The new file as the next compile (and lint) see it.
  Project project = compile_project(project_options(inv.config));
  Diagnostics all = project.diags;
  if (lint) {
    lint::LintOptions options;
    all.append(lint::lint_project(project, options).diags);
  }
  all.sort();
  std::string text_out;
  bool errors = false;
  for (const Diagnostic& d : all.all()) {
    int f = d.range.file;
    if (f < 0 || project.sources[f].path != path.string()) continue;
    text_out += render_text(d, project.sources);
    errors = errors || d.severity == Severity::Error;
  }
  std::cerr << text_out;
  return errors ? kMigrationErrors : kOk;
}

}  // namespace migrac::cli

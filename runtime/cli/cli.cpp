#include "runtime/cli/cli.h"

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/diag.h"
#include "compiler/diag/json_text.h"
#include "runtime/cli/colour_option.h"
#include "runtime/cli/verb_error.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// One entry of the verb table: its help's one-line description and example.
struct VerbEntry {
  std::string_view name;
  int (*run)(const Args&);
  std::string_view summary;
  std::string_view example;
};

constexpr VerbEntry kVerbs[] = {
    {"init", verb_init, "start a project: a migrations folder and a commented migrac.ini",
     "migrac init"},
    {"check", verb_check, "compile every migration and report diagnostics",
     "migrac check --dialect sqlite"},
    {"sql", verb_sql, "print the SQL of a range of migrations ([FROM:]TO, --down)",
     "migrac sql 0002_add_email:head --dialect postgres"},
    {"schema", verb_schema, "print the schema model as CREATE statements (--at REV)",
     "migrac schema --at 0003_add_index"},
    {"heads", verb_heads, "print the current head revisions", "migrac heads --format json"},
    {"history", verb_history, "list the migrations in order (--verbose)",
     "migrac history --verbose"},
    {"new", verb_new, "scaffold the next migration after the head (--from: autogenerate it)",
     "migrac new add_phone_number"},
    {"import", verb_import, "a baseline migration of an existing database (--stamp)",
     "migrac import --url postgresql://localhost/app --stamp"},
    {"adopt", verb_adopt,
     "record the migrations another tool applied (--from golang-migrate|dbmate|flyway|alembic)",
     "migrac adopt --from dbmate --url postgresql://localhost/app"},
    {"merge", verb_merge, "scaffold a merge migration of two heads", "migrac merge 0004_a 0004_b"},
    {"upgrade", verb_upgrade,
     "apply migrations up to a revision (head, heads, +N, ID; --sql for psql)",
     "migrac upgrade head --url sqlite:app.db"},
    {"downgrade", verb_downgrade, "revert migrations down to a revision (-N, base, ID; --sql)",
     "migrac downgrade -1 --url sqlite:app.db"},
    {"current", verb_current, "print the revisions the database is at",
     "migrac current --url sqlite:app.db"},
    {"status", verb_status, "compare the database with the files (pending, edited, unknown)",
     "migrac status --url sqlite:app.db"},
    {"stamp", verb_stamp,
     "record a revision as applied without running it (--delete, --rehash, --purge)",
     "migrac stamp head --url sqlite:app.db"},
    {"verify", verb_verify,
     "apply and revert every migration on a scratch database, holding each result against the "
     "model",
     "migrac verify --url postgresql://localhost/postgres"},
    {"diff", verb_diff, "drift: the live database against the model at its recorded revisions",
     "migrac diff --url postgresql://localhost/app"},
    {"lint", verb_lint, "lint the migrations for unsafe operations (--base GITREF, --format)",
     "migrac lint --base origin/main"},
    {"fmt", verb_fmt, "format .mig migrations in the canonical style (--check, --all)",
     "migrac fmt --check"},
};

// True when the command line asks for JSON output (--format json).
bool wants_json(const Args& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == "--format=json") return true;
    if (args[i] == "--format" && i + 1 < args.size() && args[i + 1] == "json") return true;
  }
  return false;
}

// A verb's failure as a JSON document on stdout, for machines that asked for
// JSON (the text stays on stderr, for people):
// {"status":"failed","exit_code":N,"error":{"message":"..."}}.
std::string error_json(const VerbError& e) {
  std::string message = e.message;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return json_text(nlohmann::json{
      {"status", "failed"}, {"exit_code", e.exit_code}, {"error", {{"message", message}}}});
}

void print_usage(std::ostream& out) {
  out << "usage: migrac VERB [options]\n\nverbs:\n";
  for (const VerbEntry& v : kVerbs) out << fmt::format("  {:<10} {}\n", v.name, v.summary);
  out << "\n'migrac VERB --help' shows a verb's options.\n";
}

}  // namespace

int run(int argc, char** argv) {
  Args args(argv + 1, argv + argc);
  if (auto err = take_colour_option(args)) {
    std::cerr << fmt::format("migrac: {}\n", *err);
    return kUsage;
  }
  if (args.empty()) {
    print_usage(std::cerr);
    return kUsage;
  }
  std::string verb = args[0];
  args.erase(args.begin());
  if (verb == "--help" || verb == "-h" || verb == "help") {
    print_usage(std::cout);
    return kOk;
  }
  if (verb == "--version") {
    std::cout << "migrac 0.1.0\n";
    return kOk;
  }
  for (const VerbEntry& v : kVerbs) {
    if (v.name != verb) continue;
    // The one place where a verb that stopped early is turned into its exit
    // code, or (VerbRestart, once) runs again from the start.
    for (int attempt = 0;; ++attempt) {
      try {
        return v.run(args);
      } catch (const VerbRestart& r) {
        if (attempt == 0) continue;
        std::cerr << r.message;
        return kDatabaseError;
      } catch (const VerbError& e) {
        std::cerr << e.message;
        if (wants_json(args) && e.exit_code != kOk && !e.message.empty())
          std::cout << error_json(e);
        return e.exit_code;
      }
    }
  }
  std::vector<std::string> names;
  for (const VerbEntry& v : kVerbs) names.emplace_back(v.name);
  std::string help = did_you_mean(verb, names);
  std::cerr << fmt::format("migrac: unknown verb '{}'\n", verb);
  if (!help.empty()) {
    std::cerr << "  help: " << help << "\n";
    return kUsage;
  }
  print_usage(std::cerr);
  return kUsage;
}

VerbDoc verb_doc(std::string_view verb) {
  for (const VerbEntry& v : kVerbs)
    if (v.name == verb) return {v.summary, v.example};
  return {};
}

}  // namespace migrac::cli

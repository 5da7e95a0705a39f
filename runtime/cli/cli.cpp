#include "runtime/cli/cli.h"

#include <iostream>
#include <string_view>

#include <fmt/format.h>

#include "runtime/cli/verb_error.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// One entry of the verb table.
struct VerbEntry {
  std::string_view name;
  int (*run)(const Args&);
  std::string_view summary;
};

constexpr VerbEntry kVerbs[] = {
    {"check", verb_check, "compile every migration and report diagnostics"},
    {"sql", verb_sql, "print the SQL of a range of migrations ([FROM:]TO, --down)"},
    {"schema", verb_schema, "print the schema model as CREATE statements (--at REV)"},
    {"heads", verb_heads, "print the current head revisions"},
    {"history", verb_history, "list the migrations in order (--verbose)"},
    {"new", verb_new, "scaffold the next migration after the head (--from: autogenerate it)"},
    {"import", verb_import, "a baseline migration of an existing database (--stamp)"},
    {"adopt", verb_adopt,
     "record the migrations another tool applied (--from golang-migrate|dbmate|flyway|alembic)"},
    {"merge", verb_merge, "scaffold a merge migration of two heads"},
    {"upgrade", verb_upgrade,
     "apply migrations up to a revision (head, heads, +N, ID; --sql for psql)"},
    {"downgrade", verb_downgrade, "revert migrations down to a revision (-N, base, ID; --sql)"},
    {"current", verb_current, "print the revisions the database is at"},
    {"status", verb_status, "compare the database with the files (pending, edited, unknown)"},
    {"stamp", verb_stamp,
     "record a revision as applied without running it (--delete, --rehash, --purge)"},
    {"verify", verb_verify,
     "apply and revert every migration on a scratch database, holding each result against the "
     "model"},
    {"diff", verb_diff, "drift: the live database against the model at its recorded revisions"},
    {"lint", verb_lint, "lint the migrations for unsafe operations (--base GITREF, --format)"},
    {"fmt", verb_fmt, "format .mig migrations in the canonical style (--check, --all)"},
};

void print_usage(std::ostream& out) {
  out << "usage: migrac VERB [options]\n\nverbs:\n";
  for (const VerbEntry& v : kVerbs) out << fmt::format("  {:<10} {}\n", v.name, v.summary);
  out << "\n'migrac VERB --help' shows a verb's options.\n";
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) {
    print_usage(std::cerr);
    return kUsage;
  }
  std::string_view verb = argv[1];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    print_usage(std::cout);
    return kOk;
  }
  if (verb == "--version") {
    std::cout << "migrac 0.1.0\n";
    return kOk;
  }
  Args args(argv + 2, argv + argc);
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
        return e.exit_code;
      }
    }
  }
  std::cerr << fmt::format("migrac: unknown verb '{}'\n", verb);
  print_usage(std::cerr);
  return kUsage;
}

}  // namespace migrac::cli

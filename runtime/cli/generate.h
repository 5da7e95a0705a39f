#pragma once
// What `new --from` and `import` share: the schema a SOURCE holds (a database
// URL or a desired-state .sql file), and the writing of a generated migration,
// which is compiled and linted at once.

#include <string>
#include <vector>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/dialect.h"
#include "compiler/model/schema.h"
#include "compiler/print/print.h"
#include "runtime/cli/verb.h"

namespace migrac::cli {

// A SOURCE's schema, what it holds that the model does not, and how to name
// it in a comment (a URL without its password).
struct GenSource {
  Dialect dialect = Dialect::Postgres;
  model::Schema schema;
  std::vector<UnmodeledObject> unmodeled;
  std::string label;
  bool is_database = false;
};

// Reads SOURCE: a URL (postgresql://, sqlite:, mysql://, ...) is connected to
// read-only and introspected (exit 3 when it cannot be); a path ending in
// .sql is read with PostgreSQL's parser (its errors at file:line:col, exit 1).
// Anything else is a usage error.
GenSource read_source(const Invocation& inv, const std::string& source);

// Comment lines ("  kind name (note)") for objects a source holds that the
// model does not.
std::vector<std::string> unmodeled_lines(const std::vector<UnmodeledObject>& objects);

// Writes DIR/<id>.mig (refused, exit 2, if it exists; written whole or not at
// all: a temporary file renamed), prints its path, then compiles (and, with
// `lint`, lints) the project and prints the new file's diagnostics. Returns
// 0, or 1 when the new file has errors.
int write_generated(const Invocation& inv, const std::string& id, const std::string& text,
                    bool lint);

// `migrac new` with --from (autogenerate.cpp): writes migration `id`, titled
// `title`, that takes the model at head to the --from SOURCE; with --check
// writes nothing and returns 1 when they differ.
int new_from_source(const Invocation& inv, const Project& project, const std::string& id,
                    const std::string& title);

}  // namespace migrac::cli

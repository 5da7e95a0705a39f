#pragma once
// Autogenerate: the operations that take one schema model to another (the
// model at head to a database's or a desired-state file's schema), in an
// order that applies on a database with rows, with the comments a reviewer
// needs. Renames come from hints, never from guessing.

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/compare.h"
#include "compiler/model/schema.h"
#include "compiler/print/print.h"

namespace migrac::autogen {

// `--rename users.full_name=display_name` (table "users", from "full_name",
// to "display_name") or `--rename table old=new` (table empty).
struct Rename {
  std::string table;  // empty: a table rename
  std::string from;
  std::string to;
};

// What the generator is told besides the two schemas.
struct Hints {
  std::vector<Rename> renames;
};

// A difference the language cannot express (an identity added to a column,
// an enum value removed): written nowhere, reported to the user.
struct Unexpressible {
  std::string object;  // "users.id", "mood.sad"
  std::string reason;  // "the language has no operation that removes an enum value"
};

// The generated migration body: operations, their comments, and what could
// not be generated.
struct Generated {
  std::vector<ast::Operation> up;
  print::Comments comments;
  std::vector<Unexpressible> unexpressible;
  std::vector<std::string> placeholders;  // "users.nick": a backfill the user must complete
  // Hints that name what is not there ("--rename users.nick=handle: the model
  // has no column 'users.nick'"): the caller reports them; with any, nothing
  // else is generated (`up` is empty).
  std::vector<std::string> errors;
};

// The operations that take `from` to `to`, from model::compare(from', to,
// normalizer) where from' is `from` with the rename hints applied; in the
// order: renames, enums, enum values, new tables (and their indexes), then
// per existing table columns added, types, defaults, not null, constraints;
// indexes; foreign keys that wait for their targets; drops (foreign keys,
// indexes, constraints, columns, tables, enums). A hint naming what is not
// there gives `errors` and nothing else. `normalizer` decides what counts
// as the same type or expression (the target dialect's), and its flags what
// was compared at all (an enum that SQLite cannot show is never dropped).
Generated generate(const model::Schema& from, const model::Schema& to, const Hints& hints,
                   const model::Normalizer& normalizer);

}  // namespace migrac::autogen

#pragma once
// The raw-DDL reader: the simple DDL of raw SQL migrations read as the edits
// of the schema model that the checker produces for the same .mig operations
// (model::Change kinds, plus the renames only raw SQL makes), so that later
// .mig migrations can use what raw SQL created. It follows CREATE/DROP TABLE,
// ALTER TABLE (add/drop/alter column, add/drop constraint), renames of
// tables, columns, constraints and indexes, CREATE/DROP INDEX,
// CREATE/ALTER/DROP TYPE ... AS ENUM, and the same statements inside `DO`
// blocks (read with PostgreSQL's PL/pgSQL parser: plain statements, and
// EXECUTE of a constant string).
//
// What it cannot follow exactly it says, statement by statement, as an
// Unfollowed note: a statement that may change tables in ways the model
// cannot know (EXECUTE of a built string, ALTER TABLE subcommands it does not
// model, CREATE TABLE ... AS), one it follows by a guess (a statement under
// a condition or in a loop of a DO block), and one that creates objects the
// model does not hold (views, functions, triggers, composite types). Data
// changes, grants, comments and settings change no schema and are passed over
// without a note.
//
// Objects get PostgreSQL's names (names.h), since that is what the raw SQL
// creates in the database. Expressions (checks, index expressions and
// predicates, defaults) are kept as opaque `sql` text cut from the statement.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/apply.h"
#include "compiler/model/schema.h"
#include "compiler/pgsql/node.h"
#include "compiler/pgsql/parse.h"

namespace migrac::pgsql {

// How a statement escapes the model (see Unfollowed).
enum class UnfollowedKind {
  // It may change the tables it names (or, when opaque, any object) in ways
  // the model cannot know.
  Unfollowed,
  // It is followed, but only as if the condition (or loop) around it in a DO
  // block ran it once: the tables it names may differ from the model.
  Guessed,
  // It creates or changes objects the model does not hold (a view, a
  // function, a trigger, a composite type); no table of the model changes.
  Unmodeled,
};

// One statement the reader cannot follow exactly.
struct Unfollowed {
  UnfollowedKind kind = UnfollowedKind::Unfollowed;
  std::string what;    // the statement kind: "CREATE VIEW", "EXECUTE of a built string"
  std::string object;  // the object it creates or changes, described ("view 'v'"), or ""
  std::vector<std::string> tables;  // the tables it names, as the model names them
  // A type it creates that the model does not hold (a composite, domain or
  // range type), "*" when the types it creates are unknown (an extension), or "".
  std::string type;
  // Guessed: what the reader assumed ("the IF condition around it held").
  std::string assumption;
  // Unfollowed: where a statement not followed at all sits ("in an EXCEPTION
  // handler"), or "".
  std::string context;
  bool opaque = false;      // the objects it may touch are unknown
  std::uint32_t begin = 0;  // its byte range in the text given to read_ddl
  std::uint32_t end = 0;
};

// Receives each edit as it is read. It must apply the edit to the schema the
// reader reads (model::apply) before it returns: later parts of a statement
// (the next subcommand of an ALTER TABLE) read the schema after the earlier ones.
using EditSink = std::function<void(const model::Edit&)>;
// Receives each note, after the edits of its statement.
using UnfollowedSink = std::function<void(const Unfollowed&)>;

// Reads the DDL of the statements in `sql` (one raw statement, as split, or
// the body of a `sql` operation) on `schema`, sending each edit to `apply`
// and each note to `notes` (if given). SQL PostgreSQL cannot parse is passed
// over (its syntax error is reported elsewhere).
void read_ddl(std::string_view sql, const model::Schema& schema, const EditSink& apply,
              const UnfollowedSink& notes = {});

// The same, with `sql` already parsed (`parsed` is parse(sql), parse.h).
void read_ddl(std::string_view sql, const ParsedSql& parsed, const model::Schema& schema,
              const EditSink& apply, const UnfollowedSink& notes = {});

// The same for one statement already parsed from `sql` (parse.h): its
// wrapper node and byte range in `sql`.
void read_ddl_statement(std::string_view sql, Node stmt, std::uint32_t begin, std::uint32_t end,
                        const model::Schema& schema, const EditSink& apply,
                        const UnfollowedSink& notes = {});

// A TypeName node as the model's portable type where there is one (an enum
// type when `schema` has it, else a native type); serial types set
// `identity`.
ast::TypeRef portable_type(Node type_name, const model::Schema& schema, bool& identity);

}  // namespace migrac::pgsql

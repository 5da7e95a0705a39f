#pragma once
// The raw-DDL reader: the simple DDL of raw SQL migrations read as the edits
// of the schema model that the checker produces for the same .mig operations
// (model::Change kinds, plus the renames only raw SQL makes), so that later
// .mig migrations can use what raw SQL created. It follows CREATE/DROP TABLE,
// ALTER TABLE (add/drop/alter column, add/drop constraint), renames of
// tables, columns, constraints and indexes, CREATE/DROP INDEX and
// CREATE/ALTER/DROP TYPE ... AS ENUM. Anything else (functions, views, data
// changes) is passed over: raw SQL is the user's to answer for, so this
// reports nothing.
//
// Objects get PostgreSQL's names (names.h), since that is what the raw SQL
// creates in the database. Expressions (checks, index expressions and
// predicates, defaults) are kept as opaque `sql` text cut from the statement.

#include <functional>
#include <string_view>

#include "compiler/model/apply.h"
#include "compiler/model/schema.h"

namespace migrac::pgsql {

// Receives each edit as it is read. It must apply the edit to the schema the
// reader reads (model::apply) before it returns: later parts of a statement
// (the next subcommand of an ALTER TABLE) read the schema after the earlier ones.
using EditSink = std::function<void(const model::Edit&)>;

// Reads the DDL of the statements in `sql` (one raw statement, as split) on
// `schema`, sending each edit to `apply`. SQL PostgreSQL cannot parse is
// passed over.
void read_ddl(std::string_view sql, const model::Schema& schema, const EditSink& apply);

}  // namespace migrac::pgsql

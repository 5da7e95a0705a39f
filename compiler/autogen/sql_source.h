#pragma once
// A desired-state SQL file (CREATE TABLE, CREATE TYPE ... AS ENUM, CREATE
// INDEX, ALTER TABLE ... ADD CONSTRAINT, ...) read into the schema model with
// PostgreSQL's parser, as the checker reads a raw .up.sql migration on an
// empty schema: the source of `migrac new NAME --from FILE.sql`.

#include <string>

#include "compiler/diag/diag.h"
#include "compiler/model/schema.h"
#include "compiler/source/source.h"

namespace migrac::autogen {

// The schema `sources[file]` creates from nothing. Its syntax errors
// (PostgreSQL's message at file:line:col) and what the model cannot follow
// (warnings) are reported in `diags`; with errors the schema is what was read
// before them.
model::Schema read_sql_schema(const SourceSet& sources, int file, Diagnostics& diags);

}  // namespace migrac::autogen

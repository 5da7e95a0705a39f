#pragma once
// The syntax phase: .mig text -> ast::Migration (ANTLR stays inside this
// folder), and raw .up.sql/.down.sql -> ast::Migration (libpg_query).

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"
#include "compiler/source/migration_file.h"

namespace migrac {

// Parses one .mig file. Reports every syntax error (not only the first); the
// returned migration holds whatever parsed cleanly. Thread-safe: files may be
// parsed in parallel, each with its own Diagnostics.
ast::Migration parse_mig(const SourceSet& sources, const MigrationFile& file, Diagnostics& diags);

// Reads a raw SQL migration: header comments (`-- migrac:after a, b`,
// `-- migrac:no-transaction`) and statements split with PostgreSQL's parser.
ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file,
                             Diagnostics& diags);

}  // namespace migrac

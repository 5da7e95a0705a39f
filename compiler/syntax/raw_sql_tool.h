#pragma once
// parse_raw_sql for a migration written for another tool: its implied parent
// (when it has no `-- migrac:after`), the tool's no-transaction marker and
// dbmate's sections (source/tool_file.h).

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"
#include "compiler/source/tool_file.h"

namespace migrac {

ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file,
                             const ToolFacts& facts, Diagnostics& diags);

}  // namespace migrac

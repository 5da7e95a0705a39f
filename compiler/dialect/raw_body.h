#pragma once
// The body of a `sql` operation for one dialect, shared by every emitter.

#include <optional>
#include <string>

#include "compiler/dialect/dialect.h"

namespace migrac {

// The body written for `dialect` by name, else the body without a dialect
// name, without surrounding blanks and trailing semicolons. Reports E0501 at
// `source` and returns nullopt when there is none.
std::optional<std::string> sql_body_for(const model::RawSql& sql, Dialect dialect,
                                        const SourceRange& source, Diagnostics& diags);

}  // namespace migrac

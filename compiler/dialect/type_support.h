#pragma once
// The gate before a dialect writes a change: types it cannot hold are errors.

#include "compiler/dialect/dialect.h"

namespace migrac {

// False (and E0520 reported at the change) when `change` writes an array or a
// PostgreSQL-only type that `caps` lacks.
bool types_supported(const model::Change& change, const Capabilities& caps, Dialect dialect,
                     Diagnostics& diags);

}  // namespace migrac

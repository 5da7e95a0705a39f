#pragma once
// The SQLite emitter (SQLite 3.40): every model::Change as SQLite SQL. What
// SQLite's ALTER TABLE cannot do is compiled into the documented table
// rebuild (rebuild.cpp) from the schema model, so it needs no live
// database.

#include <memory>

#include "compiler/dialect/dialect.h"

namespace migrac {

std::unique_ptr<Emitter> make_sqlite_emitter();

}  // namespace migrac

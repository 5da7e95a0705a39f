// The PostgreSQL dialect: its Emitter (emitter.cpp) and the facts about
// PostgreSQL type changes it relies on (types.cpp), exposed for make_emitter
// and tests.

#include <memory>

#include "compiler/ast/ast.h"
#include "compiler/dialect/dialect.h"

namespace migrac {

std::unique_ptr<Emitter> make_postgres_emitter();

// True when ALTER COLUMN ... TYPE from `from` to `to` rewrites the table
// (false only for binary-coercible changes: varchar(n) -> varchar(m >= n),
// varchar -> text, numeric(p,s) -> numeric(q >= p,s), the same type).
bool pg_type_change_rewrites(const ast::TypeRef& from, const ast::TypeRef& to);

// True when PostgreSQL has no assignment cast from `from` to `to`, so that
// ALTER COLUMN ... TYPE needs `USING col::to`.
bool pg_type_change_needs_using(const ast::TypeRef& from, const ast::TypeRef& to);

}  // namespace migrac

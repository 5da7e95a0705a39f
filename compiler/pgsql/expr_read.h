#pragma once
// A PostgreSQL expression (as a catalog prints it: `'low'::priority`,
// `lower((email)::text)`, `status = ANY (ARRAY['a'::text, 'b'::text])`) read
// into the language's own expression tree, where the language can say it:
// what autogenerate and import write, instead of an opaque `sql $$ ... $$`.

#include <optional>
#include <string_view>

#include "compiler/ast/ast.h"

namespace migrac::pgsql {

// The expression `sql` as an ast::Expr without RawSql parts, or nullopt when
// some part of it has no form in the language (a sub-select, an operator
// other than the language's, a cast to a type other than text or of a
// non-constant). Casts a catalog adds on its own are left out: of a constant
// to a string or user type ('x'::text, 'low'::priority), of a number to a
// numeric type ((0)::numeric), of a column to text. Compiled again for
// PostgreSQL, the result is stored as `sql` was.
std::optional<ast::Expr> read_expression(std::string_view sql);

}  // namespace migrac::pgsql

#pragma once
// What the compiler knows about functions in portable expressions: whether a
// value can change from one evaluation to the next (volatile: a column added
// with it is rewritten) or between transactions (time-varying: a batched
// backfill cannot use `c IS DISTINCT FROM e` to know it is done).

#include "compiler/ast/ast.h"

namespace migrac {

// True when `e` calls a function that is volatile or unknown (user functions
// are VOLATILE unless declared otherwise), or holds opaque raw SQL.
bool expr_is_volatile(const ast::Expr& e);

// True when `e` may give another value in a later transaction: volatile, or it
// reads the clock (now(), current_date, ...).
bool expr_varies_between_transactions(const ast::Expr& e);

}  // namespace migrac

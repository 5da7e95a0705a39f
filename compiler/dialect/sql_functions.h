#pragma once
// What the compiler knows about functions in portable expressions: whether a
// value can change from one evaluation to the next (volatile: a column added
// with it is rewritten) or between transactions (time-varying: a batched
// backfill cannot use `c IS DISTINCT FROM e` to know it is done).

#include "compiler/ast/ast.h"
#include "compiler/model/change.h"

namespace migrac {

// True when `e` calls a function that is volatile or unknown (user functions
// are VOLATILE unless declared otherwise), or holds opaque raw SQL.
bool expr_is_volatile(const ast::Expr& e);

// True when `e` may give another value in a later transaction: volatile, or it
// reads the clock (now(), current_date, ...).
bool expr_varies_between_transactions(const ast::Expr& e);

// True when a backfill sets a value that may differ in a later batch's
// transaction, so `col IS DISTINCT FROM value` cannot tell which rows are done.
bool backfill_varies(const model::Backfill& backfill);

}  // namespace migrac

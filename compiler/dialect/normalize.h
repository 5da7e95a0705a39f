#pragma once
// The normaliser that compares schemas in one dialect (model/compare.h):
// types as the dialect spells them with its synonyms folded (`int4` and
// `integer`), expressions as the dialect writes them, read back by
// PostgreSQL's parser and printed without what the database adds on its own
// (casts of constants, parentheses), so that a model's expression and the
// text a catalog gives for it compare equal.

#include "compiler/dialect/dialect.h"
#include "compiler/model/compare.h"

namespace migrac {

model::Normalizer normalizer(Dialect dialect);

}  // namespace migrac

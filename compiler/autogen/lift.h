#pragma once
// A PostgreSQL schema's expressions (defaults, checks, index elements and
// predicates), which a catalog or a raw SQL file gives as opaque SQL text,
// turned into the language's expressions wherever the language can say them,
// so that what autogenerate and import write reads like a hand-written
// migration (`default 'low'`, not `default sql $$'low'::priority$$`).

#include "compiler/model/schema.h"

namespace migrac::autogen {

// `schema` with each opaque expression replaced by pgsql::read_expression's
// reading of it where there is one. Only for PostgreSQL's SQL.
model::Schema readable_expressions(model::Schema schema);

}  // namespace migrac::autogen

// The comparison normaliser of each dialect (types and expressions as text, for now).

#include "compiler/dialect/normalize.h"

namespace migrac {

model::Normalizer normalizer(Dialect dialect) {
  (void)dialect;
  model::Normalizer n;
  n.type = [](const ast::TypeRef& t) { return t.name; };
  n.expr = [](const ast::Expr& e) { return e.text; };
  return n;
}

}  // namespace migrac

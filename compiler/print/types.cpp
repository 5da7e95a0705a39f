// Column types: the portable names, PostgreSQL-only types by name, enums by
// name, `native "..."`, each with `[]` when an array.

#include <fmt/format.h>

#include "compiler/ast/type_names.h"
#include "compiler/print/text.h"

namespace migrac::print {

namespace {

// Whether a bare word would be read as a type other than an enum (an enum of
// that name is quoted).
bool type_word(std::string_view name) {
  return name == "native" || ast::find_type_word(name) != nullptr;
}

}  // namespace

std::string type_text(const ast::TypeRef& type) {
  std::string out;
  if (type.kind == ast::TypeKind::Native) {
    ast::Ident inner{type.name, true, {}};
    out = "native " + ident_text(inner);
  } else if (type.kind == ast::TypeKind::Enum) {
    ast::Ident name{type.name, type_word(type.name), {}};
    out = ident_text(name);
  } else {
    out = std::string(ast::canonical_type_word(type.kind, type.name));
  }
  if (type.length) {
    out += fmt::format("({}", *type.length);
    if (type.scale) out += fmt::format(", {}", *type.scale);
    out += ")";
  }
  if (type.array) out += "[]";
  return out;
}

}  // namespace migrac::print

// Column types: the portable names, enums by name, `native "..."`.

#include <fmt/format.h>

#include "compiler/print/text.h"

namespace migrac::print {

namespace {

// The portable name of a kind (Enum and Native have none).
std::string_view kind_name(ast::TypeKind kind) {
  switch (kind) {
    case ast::TypeKind::SmallInt: return "smallint";
    case ast::TypeKind::Int: return "int";
    case ast::TypeKind::BigInt: return "bigint";
    case ast::TypeKind::Real: return "real";
    case ast::TypeKind::Double: return "double";
    case ast::TypeKind::Decimal: return "decimal";
    case ast::TypeKind::Numeric: return "numeric";
    case ast::TypeKind::Bool: return "bool";
    case ast::TypeKind::Text: return "text";
    case ast::TypeKind::Varchar: return "varchar";
    case ast::TypeKind::Char: return "char";
    case ast::TypeKind::Bytes: return "bytes";
    case ast::TypeKind::Date: return "date";
    case ast::TypeKind::Time: return "time";
    case ast::TypeKind::Timestamp: return "timestamp";
    case ast::TypeKind::Timestamptz: return "timestamptz";
    case ast::TypeKind::Interval: return "interval";
    case ast::TypeKind::Uuid: return "uuid";
    case ast::TypeKind::Json: return "json";
    case ast::TypeKind::Jsonb: return "jsonb";
    case ast::TypeKind::Enum:
    case ast::TypeKind::Native: break;
  }
  return {};
}

// Whether a bare word names a portable type (an enum of that name is quoted).
bool portable_name(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(ast::TypeKind::Jsonb); ++k) {
    if (kind_name(static_cast<ast::TypeKind>(k)) == name) return true;
  }
  return false;
}

}  // namespace

std::string type_text(const ast::TypeRef& type) {
  if (type.kind == ast::TypeKind::Native) {
    ast::Ident inner{type.name, true, {}};
    return "native " + ident_text(inner);
  }
  std::string out;
  if (type.kind == ast::TypeKind::Enum) {
    ast::Ident name{type.name, portable_name(type.name) || type.name == "native", {}};
    out = ident_text(name);
  } else {
    out = std::string(kind_name(type.kind));
  }
  if (type.length) {
    out += fmt::format("({}", *type.length);
    if (type.scale) out += fmt::format(", {}", *type.scale);
    out += ")";
  }
  return out;
}

}  // namespace migrac::print

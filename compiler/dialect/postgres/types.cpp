#include "compiler/dialect/postgres/emitter.h"

namespace migrac {

namespace {

using ast::TypeKind;

bool is_numeric_family(TypeKind k) {
  return k == TypeKind::SmallInt || k == TypeKind::Int || k == TypeKind::BigInt ||
         k == TypeKind::Real || k == TypeKind::Double || k == TypeKind::Decimal ||
         k == TypeKind::Numeric;
}

bool is_decimal(TypeKind k) { return k == TypeKind::Decimal || k == TypeKind::Numeric; }

bool is_string(TypeKind k) {
  return k == TypeKind::Text || k == TypeKind::Varchar || k == TypeKind::Char;
}

bool is_datetime(TypeKind k) {
  return k == TypeKind::Date || k == TypeKind::Timestamp || k == TypeKind::Timestamptz;
}

bool same_type(const ast::TypeRef& a, const ast::TypeRef& b) {
  bool same_kind = a.kind == b.kind || (is_decimal(a.kind) && is_decimal(b.kind));
  return same_kind && a.length == b.length && a.scale == b.scale && a.name == b.name;
}

}  // namespace

bool pg_type_change_rewrites(const ast::TypeRef& from, const ast::TypeRef& to) {
  if (same_type(from, to)) return false;
  // varchar and text share a representation; only a length check would scan.
  bool from_var = from.kind == TypeKind::Varchar || from.kind == TypeKind::Text;
  if (from_var && to.kind == TypeKind::Text) return false;
  if (from_var && to.kind == TypeKind::Varchar) {
    if (!to.length) return false;
    return from.kind == TypeKind::Text || !from.length || *to.length < *from.length;
  }
  if (is_decimal(from.kind) && is_decimal(to.kind)) {
    if (!to.length) return false;  // unconstrained numeric accepts every value
    if (!from.length) return true;
    return *to.length < *from.length || from.scale.value_or(0) != to.scale.value_or(0);
  }
  return true;
}

bool pg_type_change_needs_using(const ast::TypeRef& from, const ast::TypeRef& to) {
  bool named = to.kind == TypeKind::Enum || to.kind == TypeKind::Native;
  if (from.kind == to.kind && (!named || from.name == to.name)) return false;
  if (is_string(to.kind)) return false;  // every type has an assignment cast to text types
  if (is_numeric_family(from.kind) && is_numeric_family(to.kind)) return false;
  if (is_datetime(from.kind) && is_datetime(to.kind)) return false;
  auto pair = [&](TypeKind a, TypeKind b) {
    return (from.kind == a && to.kind == b) || (from.kind == b && to.kind == a);
  };
  return !pair(TypeKind::Json, TypeKind::Jsonb) && !pair(TypeKind::Time, TypeKind::Interval);
}

}  // namespace migrac

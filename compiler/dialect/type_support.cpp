// Whether a dialect can hold the types a change writes: arrays and the
// PostgreSQL-only types exist on PostgreSQL only (Capabilities::arrays,
// Capabilities::postgres_types); elsewhere the change is an error (E0520).

#include "compiler/dialect/type_support.h"

#include <fmt/format.h>

#include <type_traits>

namespace migrac {

namespace {

// A column type, or a cast's type, the change writes.
struct WrittenType {
  const ast::TypeRef* type;
  std::string what;  // "column 'users.ip'", "a cast"
};

void casts_in(const ast::Expr& e, std::vector<WrittenType>& out) {
  if (e.kind == ast::ExprKind::Cast && e.type) out.push_back({&*e.type, "a cast"});
  for (const ast::Expr& a : e.args) casts_in(a, out);
}

void column_types(const std::string& table, const model::Column& c, std::vector<WrittenType>& out) {
  out.push_back({&c.type, fmt::format("column '{}.{}'", table, c.name)});
  if (c.default_value) casts_in(*c.default_value, out);
}

std::vector<WrittenType> written_types(const model::Change& change) {
  std::vector<WrittenType> out;
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, model::AddTable>) {
          for (const model::Column& col : c.table.columns) column_types(c.table.name, col, out);
        } else if constexpr (std::is_same_v<T, model::AddColumn>) {
          column_types(c.table, c.column, out);
        } else if constexpr (std::is_same_v<T, model::AlterColumnType>) {
          out.push_back({&c.to, fmt::format("column '{}.{}'", c.table, c.column)});
          if (c.using_expr) casts_in(*c.using_expr, out);
        } else if constexpr (std::is_same_v<T, model::SetDefault>) {
          if (c.to) casts_in(*c.to, out);
        } else if constexpr (std::is_same_v<T, model::Backfill>) {
          for (const ast::Assignment& a : c.assignments) casts_in(a.value, out);
          if (c.where) casts_in(*c.where, out);
        }
      },
      change.kind);
  return out;
}

std::string written(const ast::TypeRef& t) {
  std::string base = t.kind == ast::TypeKind::Native ? fmt::format("native \"{}\"", t.name)
                                                     : t.name;
  return t.array ? base + "[]" : base;
}

}  // namespace

bool types_supported(const model::Change& change, const Capabilities& caps, Dialect dialect,
                     Diagnostics& diags) {
  bool ok = true;
  std::string_view name = dialect_name(dialect);
  for (const WrittenType& w : written_types(change)) {
    const ast::TypeRef& t = *w.type;
    // The caret on the type where the file wrote one, else on the change.
    SourceRange at = t.range.valid() ? t.range : change.source;
    if (t.array && !caps.arrays) {
      diags.report(DiagKind::DialectUnsupportedType, at,
                   fmt::format("{} is an array, which {} cannot hold: arrays exist on "
                               "PostgreSQL only",
                               w.what, name),
                   "keep a list in a json column, or in a table of its own, to run on every "
                   "dialect");
      ok = false;
    } else if (t.kind == ast::TypeKind::Postgres && !caps.postgres_types) {
      diags.report(DiagKind::DialectUnsupportedType, at,
                   fmt::format("{} has type '{}', which exists on PostgreSQL only, not on {}",
                               w.what, written(t), name),
                   fmt::format("use a portable type (text holds '{}' values as text), or "
                               "'native \"...\"' naming a {} type",
                               t.name, name));
      ok = false;
    }
  }
  return ok;
}

}  // namespace migrac

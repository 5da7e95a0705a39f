// What the model cannot know: checks relaxed on tables raw SQL may have
// changed unknowably, and reverses refused where they would be derived from
// model facts that raw SQL may have made wrong (see CheckState::tainted).
#include <fmt/format.h>

#include "compiler/check/checker.h"

namespace migrac {

const Taint* Checker::taint_of(const std::string& table) const {
  auto it = st_.tainted.find(table);
  return it == st_.tainted.end() ? nullptr : &it->second;
}

void Checker::note_taint(Diagnostic& d, const Taint& t) {
  d.note(t.at, fmt::format("raw SQL the model cannot follow ({}) is here", t.what));
}

bool Checker::unknowable(const std::string& table, const std::string& what, SourceRange at) {
  const Taint* t = taint_of(table);
  if (!t) return false;
  Diagnostic& d = diags_.report(
      DiagKind::UnknowableName, at,
      fmt::format("the model has no {} in table '{}', but cannot know whether it exists: raw SQL "
                  "may have changed the table",
                  what, table),
      "if it does not exist, this migration fails when it runs");
  note_taint(d, *t);
  return true;
}

bool Checker::reverse_knowable(const std::string& table, const std::string& column,
                               const std::string& change, SourceRange at) {
  if (has_down_) return true;
  const Taint* t = taint_of(table);
  if (!t) return true;
  if (!column.empty() && t->exact_columns.count(column)) return true;
  Diagnostic& d = diags_.report(
      DiagKind::ReverseUnknowable, at,
      fmt::format("the reverse of '{}' cannot be derived from the model: raw SQL may have changed "
                  "table '{}' in ways the model cannot follow",
                  change, table),
      "write a 'down { }' block that undoes this migration");
  note_taint(d, *t);
  return false;
}

bool Checker::is_unmodeled_type(const ast::TypeRef& type) const {
  if (type.kind != ast::TypeKind::Enum || st_.schema.enum_type(type.name)) return false;
  return st_.unmodeled_types.count(type.name) > 0 || st_.unmodeled_types.count("*") > 0;
}

ast::TypeRef Checker::resolve_type(const ast::TypeRef& type) {
  if (!is_unmodeled_type(type)) return type;
  auto it = st_.unmodeled_types.find(type.name);
  bool created = it != st_.unmodeled_types.end();
  if (!created) it = st_.unmodeled_types.find("*");
  Diagnostic& d = diags_.report(
      DiagKind::UnknowableName, type.range,
      created ? fmt::format("type '{}' is not in the schema model: raw SQL creates it", type.name)
              : fmt::format("the model has no type '{}', but cannot know whether it exists: raw "
                            "SQL creates types it cannot follow",
                            type.name),
      fmt::format("it is used as written, as 'native \"{}\"'", type.name));
  d.note(it->second, created ? fmt::format("type '{}' is created here", type.name)
                             : std::string("raw SQL the model cannot follow is here"));
  ast::TypeRef native = type;
  native.kind = ast::TypeKind::Native;
  return native;
}

}  // namespace migrac

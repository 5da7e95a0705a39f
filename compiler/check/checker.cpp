// The Checker's dispatch, lookups and the checks every handler shares
// (types, expressions, defaults, the relation namespace).
#include "compiler/check/checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace migrac {

namespace {

// SQL's value functions written without parentheses; the language spells them as calls.
std::string value_function_hint(const std::string& name) {
  if (name == "current_timestamp" || name == "localtimestamp" || name == "current_time" ||
      name == "localtime")
    return "write 'now()' for the current time";
  if (name == "current_date") return "write 'cast(now() as date)' for the current date";
  return {};
}

}  // namespace

void Checker::check(const ast::Operation& op, std::vector<model::Change>& out) {
  op_ = &op;
  out_ = &out;
  std::visit([this](const auto& o) { on(o); }, op.op);
  op_ = nullptr;
  out_ = nullptr;
}

void Checker::commit(model::ChangeKind kind, const std::string& table, const EditSites& sites) {
  // `table` is usually the name inside the schema's table (t->name), which the
  // edit replaces by a copy when it is shared; the old one lives only as long
  // as another holder (a Change the planner may drop at any time): the name
  // is copied before the edit.
  const std::string name = table;
  apply_edit(st_, kind, sites, undo_);
  model::Change c{std::move(kind), op_->range, op_->no_transaction_block, false, nullptr};
  c.enums = st_.schema.enums;
  if (!name.empty()) {
    c.table_is_new = in_new_table(name);
    c.table_after = st_.schema.tables.share(name);
  }
  out_->push_back(std::move(c));
}

std::vector<std::string> Checker::table_names() const {
  std::vector<std::string> names;
  names.reserve(st_.schema.tables.size());
  for (const auto& [name, t] : st_.schema.tables) names.push_back(name);
  return names;
}

const model::Table* Checker::find_table(const ast::Ident& name) {
  if (const model::Table* t = st_.schema.table(name.name)) return t;
  Diagnostic& d = diags_.report(DiagKind::UnknownTable, name.range,
                                fmt::format("unknown table '{}'", name.name),
                                did_you_mean(name.name, table_names()));
  if (auto gone = st_.table_gone_at.find(name.name); gone != st_.table_gone_at.end())
    d.note(gone->second, fmt::format("table '{}' is dropped or renamed here", name.name));
  else if (st_.opaque)
    d.note(st_.opaque->at,
           "raw SQL the model cannot follow may create it here; a table must be "
           "in the model to be changed");
  else if (st_.anywhere) {
    auto it = st_.anywhere->tables.find(name.name);
    if (it != st_.anywhere->tables.end() && it->second.second.valid())
      d.note(it->second.second,
             fmt::format("table '{}' is created here, in '{}', which this migration is not after",
                         name.name, it->second.first));
  }
  return nullptr;
}

const model::Column* Checker::find_column(const model::Table& table, const ast::Ident& name) {
  if (const model::Column* c = table.column(name.name)) return c;
  std::vector<std::string> names;
  for (const model::Column& c : table.columns) names.push_back(c.name);
  diags_.report(DiagKind::UnknownColumn, name.range,
                fmt::format("unknown column '{}' in table '{}'", name.name, table.name),
                did_you_mean(name.name, names));
  return nullptr;
}

model::Column* Checker::find_column(model::Table& table, const ast::Ident& name) {
  if (model::Column* c = table.column(name.name)) return c;
  find_column(std::as_const(table), name);  // reports
  return nullptr;
}

bool Checker::check_type(const ast::TypeRef& type) {
  if (type.kind != ast::TypeKind::Enum || st_.schema.enum_type(type.name)) return true;
  if (is_unmodeled_type(type)) return true;  // resolve_type reports it
  std::vector<std::string> enums;
  for (const auto& [name, e] : st_.schema.enums) enums.push_back(name);
  std::string help = type_suggestion(type.name, enums);
  std::string native = fmt::format(
      "'native \"{}\"' passes a type of the database through as written", type.name);
  help = help.empty() ? native : fmt::format("{}; {}", help, native);
  diags_.report(DiagKind::UnknownType, type.range, fmt::format("unknown type '{}'", type.name),
                help);
  return false;
}

bool Checker::check_expr(const ast::Expr& e, const model::Table& table,
                         std::vector<std::string>* cols) {
  bool ok = true;
  if (e.kind == ast::ExprKind::RawSql) return true;
  if (e.kind == ast::ExprKind::Column) {
    if (table.column(e.text)) {
      if (cols) add_unique(*cols, e.text);
      return true;
    }
    if (unknowable(table.name, fmt::format("column '{}'", e.text), e.range)) {
      if (cols) add_unique(*cols, e.text);
      return true;
    }
    std::vector<std::string> names;
    for (const model::Column& c : table.columns) names.push_back(c.name);
    std::string help = value_function_hint(e.text);
    if (help.empty()) help = did_you_mean(e.text, names);
    diags_.report(DiagKind::UnknownColumn, e.range,
                  fmt::format("unknown column '{}' in table '{}'", e.text, table.name), help);
    return false;
  }
  if (e.kind == ast::ExprKind::Cast && e.type && !check_type(*e.type)) ok = false;
  for (const ast::Expr& a : e.args)
    if (!check_expr(a, table, cols)) ok = false;
  return ok;
}

void Checker::note_origin(Diagnostic& d, const std::unordered_map<std::string, SourceRange>& at,
                          const std::string& name, const char* what) {
  auto it = at.find(name);
  if (it == at.end() || !it->second.valid()) return;
  d.note(it->second, fmt::format("{} '{}' is created here", what, name));
}

bool Checker::check_default(const ast::Expr& e, const model::Table& table,
                            const model::Column& col) {
  const std::string& column = col.name;
  bool ok = true;
  if (e.kind == ast::ExprKind::String && col.type.kind == ast::TypeKind::Enum) {
    if (const model::Enum* en = st_.schema.enum_type(col.type.name)) {
      const auto& values = en->values;
      if (std::find(values.begin(), values.end(), e.text) == values.end()) {
        diags_.report(DiagKind::UnknownEnumValue, e.range,
                      fmt::format("enum '{}' has no value '{}'", en->name, e.text),
                      did_you_mean(e.text, values));
        ok = false;
      }
    }
  }
  if (!check_default_literal(e, table, col)) ok = false;
  for_each_column(e, [&](const ast::Expr& ref) {
    ok = false;
    std::string help = value_function_hint(ref.text);
    if (help.empty())
      help =
          "a default is a constant or a function call such as now(); "
          "use 'backfill' to copy values from other columns";
    diags_.report(DiagKind::DefaultReadsColumn, ref.range,
                  fmt::format("default of column '{}.{}' refers to column '{}'", table.name, column,
                              ref.text),
                  help);
  });
  // Cast types in a default must exist too.
  std::vector<const ast::Expr*> stack{&e};
  while (!stack.empty()) {
    const ast::Expr* cur = stack.back();
    stack.pop_back();
    if (cur->kind == ast::ExprKind::RawSql) continue;
    if (cur->kind == ast::ExprKind::Cast && cur->type && !check_type(*cur->type)) ok = false;
    for (const ast::Expr& a : cur->args) stack.push_back(&a);
  }
  return ok;
}

std::string Checker::relation_user(const std::string& name) const {
  if (st_.schema.table(name)) return fmt::format("table '{}'", name);
  if (auto it = st_.schema.index_owner.find(name); it != st_.schema.index_owner.end())
    return fmt::format("index '{}' on table '{}'", name, it->second);
  if (auto it = st_.schema.key_owner.find(name); it != st_.schema.key_owner.end())
    return fmt::format("constraint '{}' on table '{}'", name, it->second);
  return {};
}

}  // namespace migrac

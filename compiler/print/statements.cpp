// The text of each operation, one function per kind, in the canonical style:
// lower-case keywords, `table.column`, one space between words, `, ` in lists.

#include <fmt/format.h>

#include <algorithm>

#include "compiler/print/text.h"

namespace migrac::print {

namespace {

std::string names(const std::vector<ast::Ident>& ids) {
  std::string out;
  for (const ast::Ident& id : ids) {
    if (!out.empty()) out += ", ";
    out += ident_text(id);
  }
  return out;
}

std::string_view action_text(ast::RefAction a) {
  switch (a) {
    case ast::RefAction::NoAction: return "no action";
    case ast::RefAction::Restrict: return "restrict";
    case ast::RefAction::Cascade: return "cascade";
    case ast::RefAction::SetNull: return "set null";
    case ast::RefAction::SetDefault: return "set default";
  }
  return {};
}

std::string column_of(const ast::Ident& table, const ast::Ident& column) {
  return ident_text(table) + "." + ident_text(column);
}

// Each operation kind, without the final `;` (added by Lines below).
struct OperationText {
  std::size_t indent;

  std::vector<std::string> operator()(const ast::CreateTable& op) const {
    TableText t = table_text(op);
    std::vector<std::string> lines{t.head};
    for (std::size_t i = 0; i < t.elements.size(); ++i)
      lines.push_back("  " + t.elements[i] + (i + 1 < t.elements.size() ? "," : ""));
    lines.push_back(")");
    return lines;
  }
  std::vector<std::string> operator()(const ast::DropTable& op) const {
    return {"drop table " + ident_text(op.table)};
  }
  std::vector<std::string> operator()(const ast::RenameTable& op) const {
    return {fmt::format("rename table {} to {}", ident_text(op.from), ident_text(op.to))};
  }
  std::vector<std::string> operator()(const ast::AddColumn& op) const {
    return {fmt::format("add column {} {}", column_of(op.table, op.column.name),
                        column_rest_text(op.column))};
  }
  std::vector<std::string> operator()(const ast::DropColumn& op) const {
    return {"drop column " + column_of(op.table, op.column)};
  }
  std::vector<std::string> operator()(const ast::RenameColumn& op) const {
    return {fmt::format("rename column {} to {}", column_of(op.table, op.from), ident_text(op.to))};
  }
  std::vector<std::string> operator()(const ast::AlterColumnType& op) const {
    std::string line = fmt::format("alter column {} type {}", column_of(op.table, op.column),
                                   type_text(op.type));
    if (op.using_expr) line += " using " + expr_text(*op.using_expr);
    return {line};
  }
  std::vector<std::string> operator()(const ast::AlterColumnNotNull& op) const {
    return {fmt::format("alter column {} {} not null", column_of(op.table, op.column),
                        op.set ? "set" : "drop")};
  }
  std::vector<std::string> operator()(const ast::AlterColumnDefault& op) const {
    std::string head = "alter column " + column_of(op.table, op.column);
    if (!op.value) return {head + " drop default"};
    return {head + " set default " + expr_text(*op.value)};
  }
  std::vector<std::string> operator()(const ast::AddConstraint& op) const {
    std::string line = "add constraint ";
    if (op.constraint.name) line += ident_text(*op.constraint.name) + " ";
    ast::TableConstraint body = op.constraint;
    body.name.reset();
    return {line + "on " + ident_text(op.table) + " " + constraint_text(body)};
  }
  std::vector<std::string> operator()(const ast::DropConstraint& op) const {
    return {fmt::format("drop constraint {} on {}", ident_text(op.name), ident_text(op.table))};
  }
  std::vector<std::string> operator()(const ast::CreateIndex& op) const {
    std::string line = op.unique ? "create unique index " : "create index ";
    if (op.name) line += ident_text(*op.name) + " ";
    line += "on " + ident_text(op.table) + " (";
    for (std::size_t i = 0; i < op.elements.size(); ++i)
      line += (i > 0 ? ", " : "") + expr_text(op.elements[i]);
    line += ")";
    if (op.where) line += " where " + expr_text(*op.where);
    return {line};
  }
  std::vector<std::string> operator()(const ast::DropIndex& op) const {
    return {"drop index " + ident_text(op.name)};
  }
  std::vector<std::string> operator()(const ast::CreateEnum& op) const {
    std::string values;
    for (const ast::StringLit& v : op.values)
      values += (values.empty() ? "" : ", ") + string_text(v.value);
    return {fmt::format("create enum {} ({})", ident_text(op.name), values)};
  }
  std::vector<std::string> operator()(const ast::AlterEnumAddValue& op) const {
    std::string line = fmt::format("alter enum {} add value {}", ident_text(op.name),
                                   string_text(op.value.value));
    if (op.neighbor)
      line += fmt::format(" {} {}", op.before ? "before" : "after",
                          string_text(op.neighbor->value));
    return {line};
  }
  std::vector<std::string> operator()(const ast::DropEnum& op) const {
    return {"drop enum " + ident_text(op.name)};
  }
  // On one line when it fits in kLineWidth, else `where`, `batch` and `pause` on lines of their
  // own.
  std::vector<std::string> operator()(const ast::Backfill& op) const {
    std::string head = fmt::format("backfill {} set ", ident_text(op.table));
    for (std::size_t i = 0; i < op.assignments.size(); ++i) {
      head += fmt::format("{}{} = {}", i > 0 ? ", " : "", ident_text(op.assignments[i].column),
                          expr_text(op.assignments[i].value));
    }
    std::vector<std::string> clauses;
    if (op.where) clauses.push_back("where " + expr_text(*op.where));
    if (op.batch) clauses.push_back(fmt::format("batch {}", *op.batch));
    // `pause 0ms`: the lexer reads a bare 0 as a number, not a duration.
    if (op.pause_ms)
      clauses.push_back("pause " + (*op.pause_ms == 0 ? "0ms" : duration_text(*op.pause_ms)));
    std::string one_line = head;
    for (const std::string& c : clauses) one_line += " " + c;
    if (indent + one_line.size() + 1 <= kLineWidth || clauses.empty()) return {one_line};
    std::vector<std::string> lines{head};
    for (const std::string& c : clauses) lines.push_back("  " + c);
    return lines;
  }
  // One body: `sql [dialect] $$...$$`; several: one a line, the dialects aligned.
  std::vector<std::string> operator()(const ast::Sql& op) const {
    std::size_t width = 0;
    bool all_named = true;
    for (const ast::SqlBody& b : op.bodies) {
      if (b.dialect) width = std::max(width, ident_text(*b.dialect).size());
      else all_named = false;
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < op.bodies.size(); ++i) {
      const ast::SqlBody& b = op.bodies[i];
      std::string dialect = b.dialect ? ident_text(*b.dialect) : "";
      if (op.bodies.size() > 1 && all_named) dialect.resize(width, ' ');
      std::string line = i == 0 ? "sql " : "    ";
      if (!dialect.empty()) line += dialect + " ";
      lines.push_back(line + dollar_text(b.text));
    }
    return lines;
  }
};

}  // namespace

std::string foreign_ref_text(const ast::ForeignRef& ref) {
  std::string out = "references " + ident_text(ref.table);
  if (!ref.columns.empty()) out += " (" + names(ref.columns) + ")";
  if (ref.on_delete) out += fmt::format(" on delete {}", action_text(*ref.on_delete));
  if (ref.on_update) out += fmt::format(" on update {}", action_text(*ref.on_update));
  return out;
}

std::string column_rest_text(const ast::ColumnDef& c) {
  std::string out = type_text(c.type);
  if (c.not_null) out += *c.not_null ? " not null" : " null";
  if (c.default_value) out += " default " + expr_text(*c.default_value);
  if (c.identity) out += " identity";
  if (c.primary_key) out += " primary key";
  if (c.unique) out += " unique";
  if (c.references) out += " " + foreign_ref_text(*c.references);
  if (c.check) out += " check (" + expr_text(*c.check) + ")";
  if (c.generated) out += " generated always as (" + expr_text(*c.generated) + ") stored";
  return out;
}

std::string constraint_text(const ast::TableConstraint& c) {
  std::string out = c.name ? "constraint " + ident_text(*c.name) + " " : "";
  switch (c.kind) {
    case ast::ConstraintKind::PrimaryKey: return out + "primary key (" + names(c.columns) + ")";
    case ast::ConstraintKind::Unique: return out + "unique (" + names(c.columns) + ")";
    case ast::ConstraintKind::ForeignKey:
      out += "foreign key (" + names(c.columns) + ")";
      if (c.ref) out += " " + foreign_ref_text(*c.ref);
      return out;
    case ast::ConstraintKind::Check:
      return out + "check (" + (c.check ? expr_text(*c.check) : "") + ")";
  }
  return out;
}

TableText table_text(const ast::CreateTable& table) {
  TableText t;
  t.head = "create table " + ident_text(table.table) + " (";
  std::size_t width = 0;
  for (const ast::ColumnDef& c : table.columns) width = std::max(width, ident_text(c.name).size());
  for (const ast::ColumnDef& c : table.columns) {
    std::string name = ident_text(c.name);
    name.resize(width + 2, ' ');
    t.elements.push_back(name + column_rest_text(c));
  }
  for (const ast::TableConstraint& c : table.constraints) t.elements.push_back(constraint_text(c));
  return t;
}

std::vector<std::string> operation_lines(const ast::OperationKind& op, std::size_t indent) {
  std::vector<std::string> lines = std::visit(OperationText{indent}, op);
  lines.back() += ";";
  return lines;
}

}  // namespace migrac::print

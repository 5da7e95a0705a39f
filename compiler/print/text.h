#pragma once
// The pieces of the printer: names, literals, types, expressions and the
// text of each operation, in the canonical style. Internal to compiler/print.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::print {

// A folded name as the language reads it back: bare when it is a lower-case
// word that is not a reserved keyword, else double-quoted ("" inside).
std::string name_text(std::string_view name);
// An identifier: quoted when written quoted, or when it must be.
std::string ident_text(const ast::Ident& id);
// 'text' with '' for a quote inside.
std::string string_text(std::string_view value);
// $$body$$, or $tag$body$tag$ with a tag that does not occur in the body.
std::string dollar_text(std::string_view body);
// A setting's duration: 0, 500ms, 5s, 2min, 1h (the largest exact unit).
std::string duration_text(std::int64_t ms);

std::string type_text(const ast::TypeRef& type);
std::string expr_text(const ast::Expr& e);

// `references t (c) on delete cascade`
std::string foreign_ref_text(const ast::ForeignRef& ref);
// A column definition after its name: `type clauses...`.
std::string column_rest_text(const ast::ColumnDef& column);
// `[constraint name] primary key (a, b)` and the other table constraints.
std::string constraint_text(const ast::TableConstraint& c);

// A create table in parts: `create table t (`, one line per element (columns
// with their names padded to one width, then constraints; no commas), `);`.
struct TableText {
  std::string head;
  std::vector<std::string> elements;
};
TableText table_text(const ast::CreateTable& table);

// Any other operation: its lines, the first without indentation, the others
// with their own; `indent` is where the first line starts (for the width).
std::vector<std::string> operation_lines(const ast::OperationKind& op, std::size_t indent);

// The widest line the printer keeps a backfill on.
constexpr std::size_t kLineWidth = 80;

}  // namespace migrac::print

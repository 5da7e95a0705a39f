#pragma once
// Model objects written back as AST nodes, the way a person writes them: a
// name only where it differs from the one the checker derives, `not null`
// only where no primary key or identity implies it.

#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/schema.h"

namespace migrac::autogen {

// A name as an identifier, quoted when it is not a plain lower-case word.
ast::Ident ident(const std::string& name);

// The columns an expression reads, first appearance first, without repeats
// (as the checker collects them for derived names).
std::vector<std::string> columns_read(const std::vector<ast::Expr>& exprs);

// The name the checker derives for `c` on table `table`, given the
// constraint names the table already has (`taken`: a second check on the
// same columns is numbered).
std::string derived_name(const std::string& table, const model::Constraint& c,
                         const std::set<std::string>& taken);
// The name the checker derives for `index`.
std::string derived_name(const model::Index& index);

// A column definition: type, `not null` (unless `implied_not_null`), default,
// identity.
ast::ColumnDef column_def(const model::Column& column, bool implied_not_null);

// A table constraint, named when `named`.
ast::TableConstraint table_constraint(const model::Constraint& c, bool named);

// `create [unique] index [name] on t (...) [where ...]`, named when `named`.
ast::CreateIndex create_index(const model::Index& index, bool named);

// A value of the type for rows that must get one (the zero of the type: ''
// / 0 / false / a fixed date; an enum's first value), to be replaced by the user.
ast::Expr placeholder(const ast::TypeRef& type, const model::Schema& schema);

// A string literal expression.
ast::Expr string_expr(const std::string& text);

}  // namespace migrac::autogen

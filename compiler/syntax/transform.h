#pragma once
// The explicit transforms from parse-tree contexts to AST nodes, one small file
// per area: names and types (transform_types.cpp), expressions, columns and
// constraints, operations, the header (after/set) and blocks/statements.
// Each takes a context that parsed without an error.

#include <optional>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/syntax/builder.h"

namespace migrac::syntax {

// The i-th child of `ctx`, known from the grammar to be a `Ctx`. (The generated
// accessors search the children with dynamic_cast; this is the fast path.)
template <class Ctx>
Ctx* child(antlr4::ParserRuleContext* ctx, std::size_t i) {
  return static_cast<Ctx*>(ctx->children[i]);
}

// The i-th child of `ctx`, known from the grammar to be some rule context: its
// rule index (P::Rule...) tells which, for a static cast with child().
inline antlr4::ParserRuleContext* rule_child(antlr4::ParserRuleContext* ctx, std::size_t i) {
  return child<antlr4::ParserRuleContext>(ctx, i);
}

// --- names and types (transform_types.cpp)
ast::Ident transform_identifier(Builder& b, P::IdentifierContext* ctx);
// Any of the name rules (tableName, columnName, ...): each wraps one identifier.
template <class NameCtx>
ast::Ident transform_name(Builder& b, NameCtx* ctx) {
  return transform_identifier(b, ctx->identifier());
}
// `serial`: set when the type is serial, bigserial or smallserial (the column
// becomes an identity); null where a column shorthand cannot be (an error).
ast::TypeRef transform_type(Builder& b, P::TypeRefContext* ctx, bool* serial = nullptr);

// --- expressions (transform_expressions.cpp)
ast::Expr transform_expr(Builder& b, P::ExprContext* ctx);

// --- columns and constraints (transform_columns.cpp)
ast::ColumnDef transform_column_def(Builder& b, P::ColumnDefContext* ctx);
ast::TableConstraint transform_table_constraint(Builder& b, P::TableConstraintContext* ctx);
ast::TableConstraint transform_constraint_body(Builder& b, P::ConstraintBodyContext* ctx);
ast::ForeignRef transform_references(Builder& b, P::ReferencesClauseContext* ctx);
std::vector<ast::Ident> transform_column_list(Builder& b, P::ColumnListContext* ctx);

// --- operations (transform_operations.cpp); empty when the operation is one of
// the recognized mistakes (reported here).
std::optional<ast::OperationKind> transform_operation(Builder& b, P::OperationContext* ctx);

// --- header (transform_header.cpp)
std::vector<ast::Ident> transform_after(Builder& b, P::AfterClauseContext* ctx);
// Empty when the name is unknown or the value invalid (reported).
std::optional<ast::Setting> transform_setting(Builder& b, P::SettingContext* ctx);
// `500ms`, `5s`, `2min`, `1h`, or `0` -> milliseconds; none when not a duration.
std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace migrac::syntax

namespace migrac::syntax {

// --- statements and blocks (transform_blocks.cpp)
// Fills `m` from the statements of a file. `fatal_tokens` are the token indexes
// of syntax errors that left a statement unusable: such statements are left out
// (they have been reported).
void transform_file(Builder& b, P::File_Context* ctx, const std::vector<std::size_t>& fatal_tokens,
                    ast::Migration& m);

}  // namespace migrac::syntax

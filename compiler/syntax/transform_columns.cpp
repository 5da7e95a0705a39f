// Column definitions, table constraints and foreign-key references.

#include <fmt/format.h>

#include "compiler/ast/type_names.h"
#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

ast::RefAction action_kind(P::ActionKindContext* ctx) {
  if (ctx->K_CASCADE() != nullptr) return ast::RefAction::Cascade;
  if (ctx->K_RESTRICT() != nullptr) return ast::RefAction::Restrict;
  if (ctx->K_NO() != nullptr) return ast::RefAction::NoAction;
  if (ctx->K_NULL() != nullptr) return ast::RefAction::SetNull;
  return ast::RefAction::SetDefault;
}

// Reports a column clause given twice.
void duplicate_clause(Builder& b, P::ColumnClauseContext* clause, std::string_view column) {
  b.report(DiagKind::ConflictingColumnClause, b.range(clause),
           fmt::format("'{}' is given twice for column '{}'", lower(b.text(clause)), column));
}

}  // namespace

std::vector<ast::Ident> transform_column_list(Builder& b, P::ColumnListContext* ctx) {
  std::vector<ast::Ident> columns;
  for (P::ColumnNameContext* c : ctx->columnName()) columns.push_back(transform_name(b, c));
  return columns;
}

ast::ForeignRef transform_references(Builder& b, P::ReferencesClauseContext* ctx) {
  ast::ForeignRef ref;
  ref.range = b.range(ctx);
  ref.table = transform_name(b, ctx->tableName());
  if (ctx->columnList() != nullptr) ref.columns = transform_column_list(b, ctx->columnList());
  for (P::ReferentialActionContext* a : ctx->referentialAction()) {
    bool on_delete = a->K_DELETE() != nullptr;
    std::optional<ast::RefAction>& slot = on_delete ? ref.on_delete : ref.on_update;
    if (slot) {
      b.report(DiagKind::ConflictingColumnClause, b.range(a),
               fmt::format("'on {}' is given twice", on_delete ? "delete" : "update"));
    }
    slot = action_kind(a->actionKind());
  }
  return ref;
}

ast::ColumnDef transform_column_def(Builder& b, P::ColumnDefContext* ctx) {
  ast::ColumnDef col;
  col.range = b.range(ctx);
  // children: name, type, clauses...
  col.name = transform_name(b, child<P::ColumnNameContext>(ctx, 0));
  bool serial = false;
  col.type = transform_type(b, child<P::TypeRefContext>(ctx, 1), &serial);
  if (serial) {
    // PostgreSQL's serial is an integer with a sequence: here, an identity column.
    std::string_view written = b.text(child<P::TypeRefContext>(ctx, 1));
    std::string portable = std::string(ast::canonical_type_word(col.type.kind, {}));
    b.report(DiagKind::SerialIsIdentity, col.type.range,
             fmt::format("'{}' is read as '{} identity'", written, portable),
             fmt::format("write '{} identity'", portable));
    col.identity = true;
  }
  P::ColumnClauseContext* nullability = nullptr;
  P::ColumnClauseContext* generated = nullptr;  // the `generated always as` clause
  for (std::size_t i = 2; i < ctx->children.size(); ++i) {
    auto* c = child<P::ColumnClauseContext>(ctx, i);
    switch (c->getStart()->getType()) {
      case P::K_NOT:
      case P::K_NULL: {
        bool not_null = c->getStart()->getType() == P::K_NOT;
        if (col.not_null) {
          if (*col.not_null == not_null) {
            duplicate_clause(b, c, col.name.name);
          } else {
            b.report(DiagKind::ConflictingColumnClause, b.range(c),
                     fmt::format("column '{}' cannot be both 'null' and 'not null'", col.name.name))
                .note(b.range(nullability), "the other clause is here");
          }
        }
        col.not_null = not_null;
        nullability = c;
        break;
      }
      case P::K_DEFAULT:
        if (col.default_value) duplicate_clause(b, c, col.name.name);
        col.default_value = transform_expr(b, child<P::ExprContext>(c, 1));
        break;
      case P::K_IDENTITY:
        if (col.identity && !serial) duplicate_clause(b, c, col.name.name);
        col.identity = true;
        break;
      case P::K_PRIMARY:
        if (col.primary_key) duplicate_clause(b, c, col.name.name);
        col.primary_key = true;
        break;
      case P::K_UNIQUE:
        if (col.unique) duplicate_clause(b, c, col.name.name);
        col.unique = true;
        break;
      case P::K_REFERENCES:
        if (col.references) duplicate_clause(b, c, col.name.name);
        col.references = transform_references(b, child<P::ReferencesClauseContext>(c, 0));
        break;
      case P::K_CHECK:
        if (col.check) duplicate_clause(b, c, col.name.name);
        col.check = transform_expr(b, child<P::ExprContext>(c, 2));
        break;
      case P::K_GENERATED:
        if (col.generated) duplicate_clause(b, c, col.name.name);
        col.generated = transform_expr(b, child<P::ExprContext>(c, 4));
        generated = c;
        break;
      default: break;
    }
  }
  // A generated column's value is its expression: nothing else may give one.
  if (generated != nullptr) {
    const char* other = col.default_value ? "a default"
                        : col.identity    ? "identity"
                        : col.primary_key ? "primary key"
                                          : nullptr;
    if (other != nullptr) {
      b.report(DiagKind::ConflictingColumnClause, b.range(generated),
               fmt::format("generated column '{}' cannot also have {}", col.name.name, other),
               col.primary_key && !col.default_value && !col.identity
                   ? "SQLite cannot key a table on a generated column; key it on the columns "
                     "the expression reads"
                   : "a generated column's value is its expression; remove the other clause");
      col.primary_key = false;  // reported here, not again as a second key
    }
  }
  if (col.primary_key && col.not_null && !*col.not_null) {
    b.report(DiagKind::ConflictingColumnClause, b.range(nullability),
             fmt::format("column '{}' is a primary key and cannot be 'null'", col.name.name));
  }
  return col;
}

ast::TableConstraint transform_constraint_body(Builder& b, P::ConstraintBodyContext* ctx) {
  ast::TableConstraint con;
  con.range = b.range(ctx);
  if (ctx->K_PRIMARY() != nullptr) {
    con.kind = ast::ConstraintKind::PrimaryKey;
    con.columns = transform_column_list(b, ctx->columnList());
  } else if (ctx->K_FOREIGN() != nullptr) {
    con.kind = ast::ConstraintKind::ForeignKey;
    con.columns = transform_column_list(b, ctx->columnList());
    con.ref = transform_references(b, ctx->referencesClause());
  } else if (ctx->K_UNIQUE() != nullptr) {
    con.kind = ast::ConstraintKind::Unique;
    con.columns = transform_column_list(b, ctx->columnList());
  } else {
    con.kind = ast::ConstraintKind::Check;
    con.check = transform_expr(b, ctx->expr());
  }
  return con;
}

ast::TableConstraint transform_table_constraint(Builder& b, P::TableConstraintContext* ctx) {
  ast::TableConstraint con = transform_constraint_body(b, ctx->constraintBody());
  con.range = b.range(ctx);
  if (ctx->constraintName() != nullptr) con.name = transform_name(b, ctx->constraintName());
  return con;
}

}  // namespace migrac::syntax

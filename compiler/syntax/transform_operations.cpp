// Operations: one small function per kind, plus the recognized mistakes
// (SQL-style `alter table`, `if exists`, `concurrently`, ...), which report what
// to write instead.

#include <fmt/format.h>

#include <charconv>

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

ast::CreateTable create_table(Builder& b, P::CreateTableContext* ctx) {
  ast::CreateTable op;
  op.table = transform_name(b, ctx->tableName());
  for (P::TableElementContext* el : ctx->tableElement()) {
    if (el->exception != nullptr) continue;  // reported by the parser
    if (el->columnDef() != nullptr) {
      op.columns.push_back(transform_column_def(b, el->columnDef()));
    } else {
      op.constraints.push_back(transform_table_constraint(b, el->tableConstraint()));
    }
  }
  return op;
}

ast::AlterColumnType alter_type(Builder& b, P::AlterColumnActionContext* a, ast::Ident table,
                                ast::Ident column) {
  ast::AlterColumnType op{std::move(table), std::move(column), transform_type(b, a->typeRef()), {}};
  if (a->expr() != nullptr) op.using_expr = transform_expr(b, a->expr());
  return op;
}

// `alter column t.c <action>` (also used for the SQL-style form).
ast::OperationKind alter_column(Builder& b, P::AlterColumnActionContext* a, ast::Ident table,
                                ast::Ident column) {
  if (a->K_TYPE() != nullptr) return alter_type(b, a, std::move(table), std::move(column));
  bool set = a->K_SET() != nullptr;
  if (a->K_NULL() != nullptr)
    return ast::AlterColumnNotNull{std::move(table), std::move(column), set};
  ast::AlterColumnDefault op{std::move(table), std::move(column), {}};
  if (set) op.value = transform_expr(b, a->expr());
  return op;
}

ast::CreateIndex create_index(Builder& b, P::CreateIndexContext* ctx) {
  ast::CreateIndex op;
  op.unique = ctx->K_UNIQUE() != nullptr;
  if (ctx->indexName() != nullptr) op.name = transform_name(b, ctx->indexName());
  op.table = transform_name(b, ctx->tableName());
  for (P::IndexElementContext* el : ctx->indexElement()) {
    op.elements.push_back(transform_expr(b, el->expr()));
  }
  if (ctx->expr() != nullptr) op.where = transform_expr(b, ctx->expr());
  return op;
}

std::vector<ast::StringLit> string_list(Builder& b,
                                        const std::vector<antlr4::tree::TerminalNode*>& nodes) {
  std::vector<ast::StringLit> values;
  for (antlr4::tree::TerminalNode* n : nodes) {
    values.push_back({unquote_string(b.text(n)), b.range(n)});
  }
  return values;
}

ast::Backfill backfill(Builder& b, P::BackfillContext* ctx) {
  ast::Backfill op;
  op.table = transform_name(b, ctx->tableName());
  for (P::AssignmentContext* a : ctx->assignment()) {
    op.assignments.push_back({transform_name(b, a->columnName()), transform_expr(b, a->expr())});
  }
  if (ctx->expr() != nullptr) op.where = transform_expr(b, ctx->expr());
  if (ctx->NUMBER() != nullptr) {
    std::string_view text = b.text(ctx->NUMBER());
    op.batch_range = b.range(ctx->NUMBER());
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v <= 0) {
      b.report(
          DiagKind::InvalidNumber, op.batch_range,
          fmt::format("invalid batch size '{}': a whole number of rows greater than 0 is needed",
                      text));
    } else {
      op.batch = v;
    }
  }
  if (ctx->DURATION() != nullptr) {
    std::string_view text = b.text(ctx->DURATION());
    std::optional<std::int64_t> ms = parse_duration(text);
    if (!ms) {
      b.report(DiagKind::InvalidNumber, b.range(ctx->DURATION()),
               fmt::format("invalid pause '{}': a number and a unit are needed", text),
               "write 50ms, 1s or 2min");
    } else {
      op.pause_ms = *ms;
    }
  }
  return op;
}

ast::Sql sql(Builder& b, P::SqlOpContext* ctx) {
  ast::Sql op;
  for (P::SqlBodyContext* body : ctx->sqlBody()) {
    ast::SqlBody s;
    s.range = b.range(body);
    if (body->identifier() != nullptr) s.dialect = transform_identifier(b, body->identifier());
    s.text = std::string(dollar_body(b.text(body->DOLLAR_STRING())));
    op.bodies.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < op.bodies.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      bool same = op.bodies[i].dialect.has_value() == op.bodies[j].dialect.has_value() &&
                  (!op.bodies[i].dialect ||
                   op.bodies[i].dialect->name == op.bodies[j].dialect->name);
      if (!same) continue;
      std::string which = op.bodies[i].dialect ? "'" + op.bodies[i].dialect->name + "'"
                                               : std::string("every dialect");
      b.report(DiagKind::SyntaxError, op.bodies[i].range,
               fmt::format("a second 'sql' body for {}", which))
          .note(op.bodies[j].range, "the first one is here");
      break;
    }
  }
  if (op.bodies.size() > 1 && !op.bodies[0].dialect) {
    b.report(DiagKind::SyntaxError, op.bodies[0].range,
             "a body without a dialect must be the only one of its 'sql' operation",
             "name the dialect of each body: sql postgres $$ ... $$ sqlite $$ ... $$");
  }
  return op;
}

// --- mistakes

void report_if_exists(Builder& b, antlr4::ParserRuleContext* clause, std::string_view what) {
  if (clause == nullptr) return;
  b.report(DiagKind::SqlStyleSyntax, b.range(clause),
           fmt::format("'{}' is not needed: migrac knows which {} exist at each migration",
                       lower(b.text(clause)), what),
           fmt::format("remove '{}'", lower(b.text(clause))));
}

void report_concurrently(Builder& b, P::MistakeConcurrentlyContext* ctx) {
  if (ctx == nullptr) return;
  b.report(DiagKind::SqlStyleSyntax, b.range(ctx),
           "'concurrently' is not written in a migration: on PostgreSQL, indexes on existing "
           "tables are built and dropped concurrently when 'online' is on (the default)",
           "remove 'concurrently'");
}

void report_alter_table(Builder& b, P::OperationContext* op, P::MistakeAlterTableContext* ctx) {
  std::string table(b.text(ctx->tableName()));
  for (P::MistakeAlterActionContext* a : ctx->mistakeAlterAction()) {
    std::string instead;
    if (a->K_ADD() != nullptr && a->columnDef() != nullptr) {
      instead = fmt::format("add column {}.{}", table, b.text(a->columnDef()));
    } else if (a->K_ADD() != nullptr) {
      std::string con(b.text(a->tableConstraint()));
      std::string name;
      if (a->tableConstraint()->constraintName() != nullptr) {
        name = std::string(b.text(a->tableConstraint()->constraintName())) + " ";
        con = std::string(b.text(a->tableConstraint()->constraintBody()));
      }
      instead = fmt::format("add constraint {}on {} {}", name, table, con);
    } else if (a->K_DROP() != nullptr && a->K_CONSTRAINT() != nullptr) {
      instead = fmt::format("drop constraint {} on {}", b.text(a->constraintName()), table);
    } else if (a->K_DROP() != nullptr) {
      instead = fmt::format("drop column {}.{}", table, b.text(a->columnName(0)));
    } else if (a->K_RENAME() != nullptr && a->tableName() != nullptr) {
      instead = fmt::format("rename table {} to {}", table, b.text(a->tableName()));
    } else if (a->K_RENAME() != nullptr) {
      instead = fmt::format("rename column {}.{} to {}", table, b.text(a->columnName(0)),
                            b.text(a->columnName(1)));
    } else {
      instead = fmt::format("alter column {}.{} {}", table, b.text(a->columnName(0)),
                            b.text(a->alterColumnAction()));
    }
    b.report(DiagKind::SqlStyleSyntax, b.range(op),
             "'alter table' is SQL: a migration names the table in each operation",
             fmt::format("write '{};'", instead));
  }
}

}  // namespace

std::optional<ast::OperationKind> transform_operation(Builder& b, P::OperationContext* ctx) {
  // children: the keyword, then the rule of its kind of operation, which (but for
  // backfill and sql) has the form as its only child. Their rule indexes tell
  // the alternative (the generated accessors search the children, slowly).
  antlr4::ParserRuleContext* kind = rule_child(ctx, 1);
  if (kind->getRuleIndex() == P::RuleBackfill)
    return backfill(b, static_cast<P::BackfillContext*>(kind));
  if (kind->getRuleIndex() == P::RuleSqlOp) {
    auto* s = static_cast<P::SqlOpContext*>(kind);
    if (P::MistakeSqlStringContext* m = s->mistakeSqlString()) {
      b.report(DiagKind::SqlStyleSyntax, b.range(m->STRING()),
               "a 'sql' body is dollar-quoted, not a string",
               fmt::format("write 'sql $$ {} $$;'", unquote_string(b.text(m->STRING()))));
      return std::nullopt;
    }
    return sql(b, s);
  }
  antlr4::ParserRuleContext* form = rule_child(kind, 0);
  switch (form->getRuleIndex()) {
    case P::RuleCreateTable: {
      auto* t = static_cast<P::CreateTableContext*>(form);
      report_if_exists(b, t->mistakeIfNotExists(), "tables");
      return create_table(b, t);
    }
    case P::RuleCreateIndex: {
      auto* i = static_cast<P::CreateIndexContext*>(form);
      report_concurrently(b, i->mistakeConcurrently());
      return create_index(b, i);
    }
    case P::RuleCreateEnum: {
      auto* e = static_cast<P::CreateEnumContext*>(form);
      return ast::CreateEnum{transform_name(b, e->enumName()), string_list(b, e->STRING())};
    }
    case P::RuleMistakeCreateTypeEnum: {
      auto* m = static_cast<P::MistakeCreateTypeEnumContext*>(form);
      std::vector<std::string> values;
      for (antlr4::tree::TerminalNode* s : m->STRING()) values.emplace_back(b.text(s));
      b.report(DiagKind::SqlStyleSyntax, b.range(ctx),
               "'create type ... as enum' is SQL: a migration creates an enum with 'create enum'",
               fmt::format("write 'create enum {} ({});'", b.text(m->enumName()),
                           fmt::join(values, ", ")));
      return ast::CreateEnum{transform_name(b, m->enumName()), string_list(b, m->STRING())};
    }
    case P::RuleDropTable: {
      auto* t = static_cast<P::DropTableContext*>(form);
      report_if_exists(b, t->mistakeIfExists(), "tables");
      return ast::DropTable{transform_name(b, t->tableName())};
    }
    case P::RuleDropColumn: {
      auto* c = static_cast<P::DropColumnContext*>(form);
      report_if_exists(b, c->mistakeIfExists(), "columns");
      return ast::DropColumn{transform_name(b, c->qualifiedColumn()->tableName()),
                             transform_name(b, c->qualifiedColumn()->columnName())};
    }
    case P::RuleDropConstraint: {
      auto* c = static_cast<P::DropConstraintContext*>(form);
      return ast::DropConstraint{transform_name(b, c->tableName()),
                                 transform_name(b, c->constraintName())};
    }
    case P::RuleDropIndex: {
      auto* i = static_cast<P::DropIndexContext*>(form);
      report_concurrently(b, i->mistakeConcurrently());
      report_if_exists(b, i->mistakeIfExists(), "indexes");
      return ast::DropIndex{transform_name(b, i->indexName())};
    }
    case P::RuleDropEnum:
      return ast::DropEnum{transform_name(b, static_cast<P::DropEnumContext*>(form)->enumName())};
    case P::RuleRenameTable: {
      auto* t = static_cast<P::RenameTableContext*>(form);
      return ast::RenameTable{transform_name(b, t->tableName(0)),
                              transform_name(b, t->tableName(1))};
    }
    case P::RuleRenameColumn: {
      auto* c = static_cast<P::RenameColumnContext*>(form);
      return ast::RenameColumn{transform_name(b, c->qualifiedColumn()->tableName()),
                               transform_name(b, c->qualifiedColumn()->columnName()),
                               transform_name(b, c->columnName())};
    }
    case P::RuleAddColumn: {
      auto* c = static_cast<P::AddColumnContext*>(form);
      if (P::MistakeAddColumnWithoutTableContext* m = c->mistakeAddColumnWithoutTable()) {
        b.report(
            DiagKind::SyntaxError, b.range(m->columnDef()->columnName()),
            "'add column' names the table and the column: 'add column <table>.<column> <type>'",
            fmt::format("write 'add column <table>.{};'", b.text(m->columnDef())));
        return std::nullopt;
      }
      report_if_exists(b, c->mistakeIfNotExists(), "columns");
      return ast::AddColumn{transform_name(b, c->tableName()),
                            transform_column_def(b, c->columnDef())};
    }
    case P::RuleAddConstraint: {
      auto* c = static_cast<P::AddConstraintContext*>(form);
      ast::AddConstraint op{transform_name(b, c->tableName()),
                            transform_constraint_body(b, c->constraintBody())};
      if (c->constraintName() != nullptr)
        op.constraint.name = transform_name(b, c->constraintName());
      return op;
    }
    case P::RuleAlterColumn: {
      auto* c = static_cast<P::AlterColumnContext*>(form);
      return alter_column(b, c->alterColumnAction(),
                          transform_name(b, c->qualifiedColumn()->tableName()),
                          transform_name(b, c->qualifiedColumn()->columnName()));
    }
    case P::RuleAlterEnum: {
      auto* e = static_cast<P::AlterEnumContext*>(form);
      std::vector<antlr4::tree::TerminalNode*> strings = e->STRING();
      ast::AlterEnumAddValue op;
      op.name = transform_name(b, e->enumName());
      op.value = {unquote_string(b.text(strings[0])), b.range(strings[0])};
      if (strings.size() > 1) {
        op.neighbor = ast::StringLit{unquote_string(b.text(strings[1])), b.range(strings[1])};
        op.before = e->K_BEFORE() != nullptr;
      }
      return op;
    }
    default: break;
  }
  report_alter_table(b, ctx, static_cast<P::MistakeAlterTableContext*>(form));
  return std::nullopt;
}

}  // namespace migrac::syntax

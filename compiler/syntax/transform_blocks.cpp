// Statements and blocks: the header at the top, operations in order,
// `no transaction { }` and `down { }` blocks.

#include <fmt/format.h>

#include <algorithm>

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

// Where a statement is: at the top, or inside one or two blocks.
struct Place {
  bool in_down = false;
  int no_transaction_block = -1;
};

// The walk over the statements of one file.
class FileTransform {
 public:
  FileTransform(Builder& b, const std::vector<std::size_t>& fatal, ast::Migration& m)
      : b_(b), fatal_(fatal), m_(m) {}

  void statements(const std::vector<P::StatementContext*>& list, Place place,
                  std::vector<ast::Operation>& out) {
    // Room for the operations at once: an operation is large, and moved
    // each time the vector grows.
    std::size_t operations = 0;
    for (P::StatementContext* s : list)
      if (s->exception == nullptr && !s->children.empty() &&
          rule_child(s, 0)->getRuleIndex() == P::RuleOperation)
        ++operations;
    out.reserve(out.size() + operations);
    for (P::StatementContext* s : list) statement(s, place, out);
  }

 private:
  // Whether the statement parsed into a tree that can be transformed.
  bool usable(P::StatementContext* s) const {
    if (s->exception != nullptr || s->getStop() == nullptr) return false;
    std::size_t first = s->getStart()->getTokenIndex();
    std::size_t last = s->getStop()->getTokenIndex();
    return std::none_of(fatal_.begin(), fatal_.end(),
                        [&](std::size_t t) { return t >= first && t <= last; });
  }

  void statement(P::StatementContext* s, Place place, std::vector<ast::Operation>& out) {
    if (s->exception != nullptr || s->children.empty()) return;  // reported by the parser
    // A statement is one of its alternatives, its only child.
    antlr4::ParserRuleContext* alt = rule_child(s, 0);
    std::size_t rule = alt->getRuleIndex();
    if (rule == P::RuleNoTransactionBlock)
      return no_transaction(static_cast<P::NoTransactionBlockContext*>(alt), place, out);
    if (rule == P::RuleDownBlock) return down(static_cast<P::DownBlockContext*>(alt), place);
    if (!usable(s)) return;
    if (rule == P::RuleAfterClause) return after(static_cast<P::AfterClauseContext*>(alt), place);
    if (rule == P::RuleSetting) return setting(static_cast<P::SettingContext*>(alt), place);
    auto* operation = static_cast<P::OperationContext*>(alt);
    std::optional<ast::OperationKind> op = transform_operation(b_, operation);
    seen_operation_ = true;
    if (!op) return;
    out.push_back(ast::Operation{std::move(*op), b_.range(operation), place.no_transaction_block});
  }

  void header_placement(antlr4::ParserRuleContext* ctx, std::string_view what, Place place) {
    if (place.in_down || place.no_transaction_block >= 0) {
      b_.report(DiagKind::MisplacedHeader, b_.range(ctx),
                fmt::format("'{}' cannot be inside a block", what),
                fmt::format("move '{}' to the top of the migration", what));
    } else if (seen_operation_) {
      b_.report(DiagKind::MisplacedHeader, b_.range(ctx),
                fmt::format("'{}' must come before the first operation", what),
                fmt::format("move '{}' to the top of the migration", what));
    }
  }

  void after(P::AfterClauseContext* ctx, Place place) {
    header_placement(ctx, "after", place);
    if (after_ != nullptr) {
      b_.report(DiagKind::MisplacedHeader, b_.range(ctx), "a second 'after' in the same migration",
                "list every parent in one 'after': after a, b;")
          .note(b_.range(after_), "the first 'after' is here");
    } else {
      after_ = ctx;
    }
    for (ast::Ident& id : transform_after(b_, ctx)) m_.parents.push_back(std::move(id));
  }

  void setting(P::SettingContext* ctx, Place place) {
    header_placement(ctx, "set", place);
    std::optional<ast::Setting> s = transform_setting(b_, ctx);
    if (!s) return;
    for (const ast::Setting& other : m_.settings) {
      if (other.name.name != s->name.name) continue;
      b_.report(DiagKind::DuplicateSetting, s->range,
                fmt::format("setting '{}' is given twice", s->name.name))
          .note(other.range, "the first value is here");
      return;
    }
    m_.settings.push_back(std::move(*s));
  }

  void no_transaction(P::NoTransactionBlockContext* ctx, Place place,
                      std::vector<ast::Operation>& out) {
    if (place.no_transaction_block >= 0) {
      b_.report(DiagKind::MisplacedBlock,
                b_.range(ctx->K_NO()->getSymbol(), ctx->LBRACE()->getSymbol()),
                "'no transaction' blocks cannot be nested");
    } else {
      place.no_transaction_block = next_block_++;
    }
    statements(ctx->statement(), place, out);
    seen_operation_ = true;
  }

  void down(P::DownBlockContext* ctx, Place place) {
    SourceRange head = b_.range(ctx->K_DOWN()->getSymbol(), ctx->LBRACE()->getSymbol());
    if (place.in_down || place.no_transaction_block >= 0) {
      b_.report(DiagKind::MisplacedBlock, head,
                "a 'down' block must be at the top of the migration");
      return;
    }
    if (down_ != nullptr) {
      b_.report(DiagKind::MisplacedBlock, head, "a second 'down' block in the same migration")
          .note(b_.range(down_->K_DOWN()), "the first 'down' block is here");
      return;
    }
    down_ = ctx;
    place.in_down = true;
    std::vector<ast::Operation> ops;
    statements(ctx->statement(), place, ops);
    m_.down = std::move(ops);
    seen_operation_ = true;
  }

  Builder& b_;
  const std::vector<std::size_t>& fatal_;
  ast::Migration& m_;
  bool seen_operation_ = false;
  int next_block_ = 0;
  P::AfterClauseContext* after_ = nullptr;
  P::DownBlockContext* down_ = nullptr;
};

}  // namespace

void transform_file(Builder& b, P::File_Context* ctx, const std::vector<std::size_t>& fatal_tokens,
                    ast::Migration& m) {
  FileTransform walk(b, fatal_tokens, m);
  walk.statements(ctx->statement(), Place{}, m.up);
}

}  // namespace migrac::syntax

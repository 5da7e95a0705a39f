#pragma once
// Syntax errors in words a person understands. Replaces ANTLR's default error
// reporting: each error is described from what the parser could have accepted at
// that point (a column type, an expression, ';', ...), never with token names;
// recovery abandons the statement (see recovery.cpp) so that parsing goes on and
// every error of the file is reported.

#include <cstddef>
#include <memory>
#include <set>
#include <vector>

#include "compiler/syntax/builder.h"

namespace migrac::syntax {

// The error strategy of the full (second) parsing pass.
class ReadableErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ReadableErrorStrategy(Builder& b) : b_(b) {}

  // Abandons the statement being parsed (caught by `statement`/`tableElement`).
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  // Between statements: skips what cannot start one, after reporting it.
  void sync(antlr4::Parser* parser) override;

  // Token indexes of errors that left the statement around them unusable.
  const std::vector<std::size_t>& fatal_tokens() const { return fatal_; }
  // Errors from this token on no longer spoil their statement (the part of
  // the statement that held them was skipped and left out).
  void forgive_from(std::size_t token_index);
  // Reports the error tokens of the lexer (unterminated strings, stray bytes)
  // that the parser skipped without reporting.
  void report_skipped_lexical_errors(antlr4::TokenStream& tokens);

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser,
                           const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser,
                             const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  // Statement recovery replaces ANTLR's single-token repairs, except a missing
  // ';' (the statement is still whole).
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  bool singleTokenInsertion(antlr4::Parser* parser) override;
  // The token that single-token insertion puts in the tree (a `<missing ';'>`).
  // Owned by this strategy until it is destroyed, which is after the transform
  // (the parser holds it), whatever reset() does: ANTLR 4.9's reset() frees its
  // own conjured tokens, and the recovery handlers call it after each failed
  // statement, while the tree keeps pointing to them.
  antlr4::Token* getMissingSymbol(antlr4::Parser* parser) override;

 private:
  // The one place that words an error: `offending` is where the parser stopped,
  // `state`/`ctx` what it was parsing.
  void report_at(antlr4::Parser* parser, antlr4::Token* offending, std::size_t state,
                 antlr4::ParserRuleContext* ctx, bool missing_token);
  bool report_lexical(antlr4::Token* t);
  // Between statements: skips (after reporting) what cannot start one.
  void sync_statements(antlr4::Parser* parser, bool in_block);
  // In the element list of `create table`: a missing ',' is reported and the
  // next element parsed; anything else is skipped up to the next ',' or ')'.
  // False when not at that list.
  bool sync_table_elements(antlr4::Parser* parser);

  Builder& b_;
  std::vector<std::size_t> fatal_;
  std::set<std::size_t> reported_tokens_;
  std::vector<std::unique_ptr<antlr4::Token>> conjured_;  // see getMissingSymbol
};

// Statement recovery, shared by the strategy and the parser's catch clauses.
bool is_statement_keyword(std::size_t token_type);
// Skips the rest of a statement that failed to parse: up to and including the
// next ';', or up to a line that starts a new statement, or to the '}' that
// closes the enclosing block.
void skip_statement(antlr4::Parser& parser, antlr4::ParserRuleContext* statement);
// Skips the rest of a table element that failed to parse: true when stopped at
// the ',' or ')' that ends it, false when the statement ends first.
bool skip_element(antlr4::Parser& parser, antlr4::ParserRuleContext* element);

}  // namespace migrac::syntax

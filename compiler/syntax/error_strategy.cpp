// Readable syntax errors and statement-level recovery (see error_strategy.h),
// and the parser's catch-clause handlers declared in the grammar.

#include "compiler/syntax/error_strategy.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/source/utf8.h"
#include "compiler/syntax/expectations.h"

namespace migrac::syntax {

namespace {

// The last token on the default channel before `index`, or null.
antlr4::Token* previous_visible(antlr4::TokenStream& tokens, std::size_t index) {
  while (index > 0) {
    --index;
    antlr4::Token* t = tokens.get(index);
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
  }
  return nullptr;
}

antlr4::ParserRuleContext* ancestor(antlr4::ParserRuleContext* ctx, std::size_t rule) {
  for (antlr4::ParserRuleContext* c = ctx; c != nullptr;
       c = static_cast<antlr4::ParserRuleContext*>(c->parent)) {
    if (c->getRuleIndex() == rule) return c;
  }
  return nullptr;
}

// The operation a rule context belongs to, as the user wrote its keywords.
std::string_view operation_words(std::size_t rule) {
  switch (rule) {
    case P::RuleCreateTable: return "create table";
    case P::RuleCreateIndex: return "create index";
    case P::RuleCreateEnum: return "create enum";
    case P::RuleDropTable: return "drop table";
    case P::RuleDropColumn: return "drop column";
    case P::RuleDropConstraint: return "drop constraint";
    case P::RuleDropIndex: return "drop index";
    case P::RuleDropEnum: return "drop enum";
    case P::RuleRenameTable: return "rename table";
    case P::RuleRenameColumn: return "rename column";
    case P::RuleAddColumn: return "add column";
    case P::RuleAddConstraint: return "add constraint";
    case P::RuleAlterColumn: return "alter column";
    case P::RuleAlterEnum: return "alter enum";
    case P::RuleBackfill: return "backfill";
    case P::RuleSqlOp: return "sql";
    default: return {};
  }
}

// What a ';' would end, for "expected ';' after ...".
std::string construct_before_semicolon(Builder& b, antlr4::ParserRuleContext* ctx,
                                       antlr4::Token* last) {
  for (antlr4::ParserRuleContext* c = ctx; c != nullptr;
       c = static_cast<antlr4::ParserRuleContext*>(c->parent)) {
    std::size_t rule = c->getRuleIndex();
    if (rule == P::RuleColumnDef) return "column definition";
    if (rule == P::RuleSetting) return "the setting";
    if (rule == P::RuleAfterClause) return "the 'after' list";
    std::string_view words = operation_words(rule);
    if (words.empty()) continue;
    antlr4::ParserRuleContext* op = ancestor(c, P::RuleOperation);
    std::string_view text;
    if (op != nullptr && last != nullptr) {
      SourceRange r = b.range(op->getStart(), last);
      text = b.src.substr(r.begin.offset, r.end.offset - r.begin.offset);
    }
    if (!text.empty() && text.size() <= 40 && text.find('\n') == std::string_view::npos) {
      return fmt::format("'{}'", text);
    }
    return fmt::format("the '{}' operation", words);
  }
  return "the statement";
}

bool is_name_token(std::size_t type) {
  return type == P::IDENT || type == P::QUOTED_IDENT || (type >= P::K_AFTER && type <= P::K_ZONE);
}

bool starts_line(antlr4::TokenStream& tokens, antlr4::Token* t) {
  antlr4::Token* prev = previous_visible(tokens, t->getTokenIndex());
  return prev == nullptr || prev->getLine() < t->getLine();
}

// The column definition that ends just before `offending`, if the rule being
// parsed has one there (its clause loop was left at the offending token).
P::ColumnDefContext* column_def_before(antlr4::ParserRuleContext* ctx, antlr4::Token* prev) {
  if (prev == nullptr) return nullptr;
  P::ColumnDefContext* def = nullptr;
  if (ctx->getRuleIndex() == P::RuleCreateTable) {
    std::vector<P::TableElementContext*> els =
        static_cast<P::CreateTableContext*>(ctx)->tableElement();
    if (!els.empty()) def = els.back()->columnDef();
  } else if (ctx->getRuleIndex() == P::RuleAddColumn) {
    def = static_cast<P::AddColumnContext*>(ctx)->columnDef();
  } else if (ctx->getRuleIndex() == P::RuleColumnDef) {
    def = static_cast<P::ColumnDefContext*>(ctx);
  }
  if (def == nullptr || def->getStop() == nullptr ||
      def->getStop()->getTokenIndex() != prev->getTokenIndex()) {
    return nullptr;
  }
  return def;
}

// The outermost rule that starts at `offending` and has a name ("a column
// type", "an expression"): what was expected, said in one phrase.
std::size_t rule_starting_at(antlr4::ParserRuleContext* ctx, antlr4::Token* offending) {
  std::size_t found = static_cast<std::size_t>(-1);
  for (antlr4::ParserRuleContext* c = ctx; c != nullptr;
       c = static_cast<antlr4::ParserRuleContext*>(c->parent)) {
    if (c->getStart() == nullptr || c->getStart()->getTokenIndex() != offending->getTokenIndex())
      break;
    if (rule_has_phrase(c->getRuleIndex())) found = c->getRuleIndex();
  }
  return found;
}

// Whether `t` looks like the start of the next statement: a statement keyword
// first on its line, not indented more than the statement being parsed.
bool starts_statement(antlr4::TokenStream& tokens, antlr4::Token* t,
                      antlr4::ParserRuleContext* statement) {
  if (!is_statement_keyword(t->getType()) || !starts_line(tokens, t)) return false;
  return statement == nullptr ||
         t->getCharPositionInLine() <= statement->getStart()->getCharPositionInLine();
}

}  // namespace

bool is_statement_keyword(std::size_t type) {
  switch (type) {
    case P::K_CREATE:
    case P::K_DROP:
    case P::K_RENAME:
    case P::K_ADD:
    case P::K_ALTER:
    case P::K_BACKFILL:
    case P::K_SQL:
    case P::K_AFTER:
    case P::K_SET:
    case P::K_NO:
    case P::K_DOWN: return true;
    default: return false;
  }
}

void skip_statement(antlr4::Parser& parser, antlr4::ParserRuleContext* statement) {
  antlr4::TokenStream& tokens = *parser.getTokenStream();
  antlr4::Token* start = statement->getStart();
  bool in_block = ancestor(static_cast<antlr4::ParserRuleContext*>(statement->parent),
                           P::RuleNoTransactionBlock) != nullptr ||
                  ancestor(static_cast<antlr4::ParserRuleContext*>(statement->parent),
                           P::RuleDownBlock) != nullptr;
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == antlr4::Token::EOF) return;
    if (type == P::RBRACE && in_block) return;
    if (type == P::SEMI) {
      parser.consume();
      return;
    }
    bool at_start = t->getTokenIndex() == start->getTokenIndex();
    if (!at_start && is_statement_keyword(type) && starts_line(tokens, t) &&
        t->getCharPositionInLine() <= start->getCharPositionInLine()) {
      return;
    }
    parser.consume();
  }
}

bool skip_element(antlr4::Parser& parser, antlr4::ParserRuleContext* element) {
  antlr4::TokenStream& tokens = *parser.getTokenStream();
  antlr4::ParserRuleContext* statement = ancestor(element, P::RuleStatement);
  int depth = 0;
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == antlr4::Token::EOF || type == P::SEMI || type == P::RBRACE) return false;
    if (depth == 0 && (type == P::COMMA || type == P::RPAREN)) return true;
    if (starts_statement(tokens, t, statement)) return false;
    if (type == P::LPAREN) ++depth;
    if (type == P::RPAREN) --depth;
    parser.consume();
  }
}

antlr4::Token* ReadableErrorStrategy::singleTokenDeletion(antlr4::Parser*) { return nullptr; }

antlr4::Token* ReadableErrorStrategy::getMissingSymbol(antlr4::Parser* parser) {
  // As ANTLR's own, but the token is kept in conjured_ rather than in the base
  // class's list, which reset() frees while the parse tree still points to it.
  antlr4::Token* current = parser->getCurrentToken();
  antlr4::Token* lookback = parser->getTokenStream()->LT(-1);
  if (current->getType() == antlr4::Token::EOF && lookback != nullptr) current = lookback;
  std::size_t type = getExpectedTokens(parser).getMinElement();
  std::string text = "<missing " + parser->getVocabulary().getDisplayName(type) + ">";
  conjured_.push_back(parser->getTokenFactory()->create(
      {current->getTokenSource(), current->getTokenSource()->getInputStream()}, type, text,
      antlr4::Token::DEFAULT_CHANNEL, INVALID_INDEX, INVALID_INDEX, current->getLine(),
      current->getCharPositionInLine()));
  return conjured_.back().get();
}

bool ReadableErrorStrategy::singleTokenInsertion(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet expected = getExpectedTokens(parser);
  if (expected.size() != 1 || !expected.contains(static_cast<std::size_t>(P::SEMI))) return false;
  return DefaultErrorStrategy::singleTokenInsertion(parser);
}

void ReadableErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) {
  throw P::StatementAbort{};
}

void ReadableErrorStrategy::sync(antlr4::Parser* parser) {
  antlr4::ParserRuleContext* ctx = parser->getContext();
  std::size_t rule = ctx->getRuleIndex();
  if (rule == P::RuleFile_ || rule == P::RuleNoTransactionBlock || rule == P::RuleDownBlock) {
    sync_statements(parser, rule != P::RuleFile_);
    return;
  }
  if (inErrorRecoveryMode(parser)) return;
  antlr4::atn::ATNState* s = parser->getATN().states[parser->getState()];
  switch (s->getStateType()) {
    case antlr4::atn::ATNState::BLOCK_START:
    case antlr4::atn::ATNState::STAR_BLOCK_START:
    case antlr4::atn::ATNState::PLUS_BLOCK_START:
    case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
    case antlr4::atn::ATNState::PLUS_LOOP_BACK:
    case antlr4::atn::ATNState::STAR_LOOP_BACK: break;
    default: return;
  }
  std::size_t la = parser->getTokenStream()->LA(1);
  antlr4::misc::IntervalSet next = parser->getATN().nextTokens(s);
  if (next.contains(antlr4::Token::EPSILON) || next.contains(la)) return;
  if (rule == P::RuleCreateTable && sync_table_elements(parser)) return;
  // Unlike ANTLR's own sync, never skip tokens here: the statement (or the
  // table element) is recovered as a whole.
  throw antlr4::InputMismatchException(parser);
}

void ReadableErrorStrategy::sync_statements(antlr4::Parser* parser, bool in_block) {
  // Between statements: whatever cannot start one is reported and skipped.
  antlr4::ParserRuleContext* ctx = parser->getContext();
  antlr4::TokenStream& tokens = *parser->getTokenStream();
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == antlr4::Token::EOF || is_statement_keyword(type) ||
        (type == P::RBRACE && in_block)) {
      return;
    }
    report_at(parser, t, parser->getState(), ctx, false);
    endErrorCondition(parser);
    parser->consume();
    for (;;) {
      t = tokens.LT(1);
      type = t->getType();
      if (type == antlr4::Token::EOF || (type == P::RBRACE && in_block)) break;
      if (type == P::SEMI) {
        parser->consume();
        break;
      }
      if (is_statement_keyword(type) && starts_line(tokens, t)) break;
      parser->consume();
    }
  }
}

bool ReadableErrorStrategy::sync_table_elements(antlr4::Parser* parser) {
  auto* table = static_cast<P::CreateTableContext*>(parser->getContext());
  if (table->LPAREN() == nullptr || table->tableElement().empty()) return false;
  antlr4::TokenStream& tokens = *parser->getTokenStream();
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == P::COMMA || type == P::RPAREN) return true;
    antlr4::Token* prev = previous_visible(tokens, t->getTokenIndex());
    bool next_element = (is_name_token(type) || type == P::K_CONSTRAINT || type == P::K_FOREIGN) &&
                        prev != nullptr && t->getLine() > prev->getLine() &&
                        column_def_before(table, prev) != nullptr &&
                        !starts_statement(tokens, t, ancestor(table, P::RuleStatement));
    std::size_t state = parser->getState();
    if (next_element) {
      // A missing ',' between two lines: reported, then the next element is
      // parsed as if the ',' were there.
      report_at(parser, t, state, table, true);
      endErrorCondition(parser);
      static_cast<P*>(parser)->tableElement();
      parser->setState(state);
      continue;
    }
    report_at(parser, t, state, table, false);
    std::size_t first_fatal = t->getTokenIndex();
    if (!skip_element(*parser, table)) throw P::StatementAbort{};
    forgive_from(first_fatal);
    endErrorCondition(parser);
    return true;
  }
}

void ReadableErrorStrategy::forgive_from(std::size_t token_index) {
  fatal_.erase(std::remove_if(fatal_.begin(), fatal_.end(),
                              [&](std::size_t t) { return t >= token_index; }),
               fatal_.end());
}

void ReadableErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                      const antlr4::NoViableAltException& e) {
  antlr4::Token* offending = e.getOffendingToken();
  if (report_lexical(offending)) return;
  if (e.getStartToken() != nullptr && offending != nullptr &&
      e.getStartToken()->getTokenIndex() != offending->getTokenIndex()) {
    // The parser looked ahead several tokens: what was expected at the start
    // of the decision says nothing about this token.
    antlr4::Token* prev = previous_visible(*parser->getTokenStream(), offending->getTokenIndex());
    std::string message = fmt::format("unexpected {}",
                                      describe_token(b_.text(offending), offending->getType()));
    if (prev != nullptr)
      message += fmt::format(" after {}", describe_token(b_.text(prev), prev->getType()));
    b_.report(DiagKind::SyntaxError, b_.range(offending), message);
    fatal_.push_back(offending->getTokenIndex());
    return;
  }
  report_at(parser, offending, e.getOffendingState(),
            static_cast<antlr4::ParserRuleContext*>(e.getCtx()), false);
}

void ReadableErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                                const antlr4::InputMismatchException& e) {
  report_at(parser, e.getOffendingToken(), e.getOffendingState(),
            static_cast<antlr4::ParserRuleContext*>(e.getCtx()), false);
}

void ReadableErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                                  const antlr4::FailedPredicateException& e) {
  report_at(parser, e.getOffendingToken(), e.getOffendingState(),
            static_cast<antlr4::ParserRuleContext*>(e.getCtx()), false);
}

void ReadableErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report_at(parser, parser->getCurrentToken(), parser->getState(), parser->getContext(), false);
}

void ReadableErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report_at(parser, parser->getCurrentToken(), parser->getState(), parser->getContext(), true);
}

bool ReadableErrorStrategy::report_lexical(antlr4::Token* t) {
  if (t == nullptr) return false;
  std::size_t type = t->getType();
  if (type != P::UNTERMINATED_STRING && type != P::UNTERMINATED_QUOTED_IDENT &&
      type != P::UNTERMINATED_BLOCK_COMMENT && type != P::UNTERMINATED_DOLLAR_STRING &&
      type != P::UNEXPECTED_CHAR) {
    return false;
  }
  std::string_view text = b_.text(t);
  SourceRange r = b_.range(t);
  switch (type) {
    case P::UNTERMINATED_STRING:
      b_.report(DiagKind::UnterminatedString, r, "unterminated string",
                "a string ends with ' (write '' for a quote inside it)");
      break;
    case P::UNTERMINATED_QUOTED_IDENT:
      b_.report(DiagKind::UnterminatedQuotedName, r, "unterminated quoted name",
                "a quoted name ends with \" (write \"\" for a quote inside it)");
      break;
    case P::UNTERMINATED_BLOCK_COMMENT:
      b_.report(DiagKind::UnterminatedComment, r, "unterminated block comment",
                "a block comment ends with '*/'");
      break;
    case P::UNTERMINATED_DOLLAR_STRING: {
      std::size_t open = text.find('$', 1);
      std::string_view delim = text.substr(0, open == std::string_view::npos ? 1 : open + 1);
      b_.report(DiagKind::UnterminatedDollarQuote, r, "unterminated dollar-quoted string",
                fmt::format("the body must end with '{}', exactly as it starts", delim));
      break;
    }
    case P::UNEXPECTED_CHAR: {
      bool control = false;
      bool nul = false;
      bool ascii = true;
      for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        control = control || c < 0x20 || c == 0x7f;
        nul = nul || c == 0;
        ascii = ascii && c < 0x80;
      }
      if (nul || !valid_utf8(text)) {
        std::string bytes;
        for (std::size_t i = 0; i < text.size() && i < 4; ++i) {
          bytes += fmt::format("{}0x{:02x}", i == 0 ? "" : " ",
                               static_cast<unsigned char>(text[i]));
        }
        if (text.size() > 4) bytes += " ...";
        b_.report(DiagKind::UnexpectedCharacter, r,
                  fmt::format("unexpected bytes {}: the file is not UTF-8 text", bytes));
      } else if (control) {
        unsigned char first = 0;
        for (char ch : text) {
          auto c = static_cast<unsigned char>(ch);
          if (c < 0x20 || c == 0x7f) {
            first = c;
            break;
          }
        }
        b_.report(DiagKind::UnexpectedCharacter, r,
                  fmt::format("unexpected control character 0x{:02x}", first));
      } else if (!ascii) {
        b_.report(
            DiagKind::UnexpectedCharacter, r, fmt::format("unexpected character '{}'", text),
            "bare names are ASCII letters, digits and '_'; write other names in double quotes");
      } else {
        b_.report(DiagKind::UnexpectedCharacter, r, fmt::format("unexpected character '{}'", text));
      }
      break;
    }
    default: return false;
  }
  reported_tokens_.insert(t->getTokenIndex());
  fatal_.push_back(t->getTokenIndex());
  return true;
}

void ReadableErrorStrategy::report_skipped_lexical_errors(antlr4::TokenStream& tokens) {
  std::set<std::size_t> lines;  // one error per line is enough
  for (std::size_t i : reported_tokens_) lines.insert(tokens.get(i)->getLine());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    antlr4::Token* t = tokens.get(i);
    if (reported_tokens_.count(i) != 0 || lines.count(t->getLine()) != 0) continue;
    if (report_lexical(t)) lines.insert(t->getLine());
  }
}

void ReadableErrorStrategy::report_at(antlr4::Parser* parser, antlr4::Token* offending,
                                      std::size_t state, antlr4::ParserRuleContext* ctx,
                                      bool missing_token) {
  if (offending == nullptr) offending = parser->getCurrentToken();
  if (report_lexical(offending)) return;
  antlr4::TokenStream& tokens = *parser->getTokenStream();
  if (ctx == nullptr) ctx = parser->getContext();
  Expected x;
  std::size_t named = rule_starting_at(ctx, offending);
  if (named != static_cast<std::size_t>(-1)) {
    add_rule_start(*parser, named, x);
  } else {
    x = expected_at(*parser, state, ctx);
  }

  bool eof = offending->getType() == antlr4::Token::EOF;
  antlr4::Token* prev = previous_visible(tokens, offending->getTokenIndex());
  P::ColumnDefContext* column_before = column_def_before(ctx, prev);
  if (column_before != nullptr) add_rule_start(*parser, P::RuleColumnClause, x);
  antlr4::ParserRuleContext* statement = ancestor(ctx, P::RuleStatement);
  bool prev_in_statement = prev != nullptr && statement != nullptr &&
                           prev->getTokenIndex() >= statement->getStart()->getTokenIndex();
  bool new_line = eof || (prev != nullptr && offending->getLine() > prev->getLine());
  std::string found = describe_token(b_.text(offending), offending->getType());
  SourceRange at = b_.range(offending);
  SourceRange after_prev = prev != nullptr ? b_.after(prev) : at;
  // Only a missing ';' is repaired in place (see singleTokenInsertion): the
  // statement before it is whole and stays in the AST.
  bool fatal = !missing_token;
  std::string help;
  if (offending->getType() == P::IDENT) help = did_you_mean(lower(b_.text(offending)), x.keywords);

  auto report = [&](SourceRange r, std::string message) -> Diagnostic& {
    // An error placed just after the previous token belongs to the statement
    // of that token, not to the one the offending token may start.
    bool at_prev = prev != nullptr && r.begin.offset == after_prev.begin.offset &&
                   r.end.offset == after_prev.end.offset;
    if (fatal) fatal_.push_back(at_prev ? prev->getTokenIndex() : offending->getTokenIndex());
    reported_tokens_.insert(offending->getTokenIndex());
    return b_.report(DiagKind::SyntaxError, r, std::move(message), help);
  };

  // A block left open at the end of the file.
  antlr4::ParserRuleContext* block = ancestor(ctx, P::RuleNoTransactionBlock);
  if (block == nullptr) block = ancestor(ctx, P::RuleDownBlock);
  if (eof && x.close_brace && block != nullptr) {
    std::string_view name = block->getRuleIndex() == P::RuleDownBlock ? "down" : "no transaction";
    report(after_prev, fmt::format("expected '}}' to close the '{}' block", name))
        .note(b_.range(block->getStart()), "the block starts here");
    return;
  }
  // The next statement starts while this one is unfinished (and not for want
  // of a ';', handled below).
  if (prev_in_statement && !x.semicolon && !x.phrases.empty() &&
      starts_statement(tokens, offending, statement)) {
    if (ctx->getRuleIndex() == P::RuleCreateTable && column_before != nullptr) {
      report(after_prev, "expected ')' after column definition");
      return;
    }
    report(after_prev, fmt::format("expected {} after {}", join_alternatives(x.phrases),
                                   describe_token(b_.text(prev), prev->getType())));
    return;
  }
  // A missing ';' (the statement ended, something else follows).
  if (x.semicolon && prev_in_statement && (new_line || x.only("';'"))) {
    report(new_line ? after_prev : at,
           fmt::format("expected ';' after {}", construct_before_semicolon(b_, ctx, prev)));
    return;
  }
  // A missing ',' between column definitions.
  bool in_table = ancestor(ctx, P::RuleCreateTable) != nullptr;
  if (in_table && column_before != nullptr && new_line && !eof &&
      is_name_token(offending->getType())) {
    report(after_prev, "expected ',' after column definition");
    return;
  }
  // `(a int, )`
  if (ctx->getRuleIndex() == P::RuleTableElement && offending->getType() == P::RPAREN &&
      prev != nullptr && prev->getType() == P::COMMA) {
    report(b_.range(prev), "unexpected ',' after the last column definition");
    return;
  }
  if (x.phrases.size() == 1 && prev_in_statement) {
    report(new_line ? after_prev : at, fmt::format("expected {} after {}", x.phrases[0],
                                                   describe_token(b_.text(prev), prev->getType())));
    return;
  }
  if (eof && prev != nullptr) at = after_prev;
  if (x.phrases.empty()) {
    report(at, fmt::format("unexpected {}", found));
    return;
  }
  report(at, fmt::format("unexpected {}: expected {}", found, join_alternatives(x.phrases)));
}

}  // namespace migrac::syntax

namespace migrac::grammar {

void MigracParser::statementError(antlr4::ParserRuleContext* ctx, antlr4::RecognitionException* e) {
  if (bail) throw antlr4::ParseCancellationException();
  if (e != nullptr) _errHandler->reportError(this, *e);
  ctx->exception = std::current_exception();
  migrac::syntax::skip_statement(*this, ctx);
  _errHandler->reset(this);
}

void MigracParser::elementError(antlr4::ParserRuleContext* ctx, antlr4::RecognitionException* e) {
  if (bail) throw antlr4::ParseCancellationException();
  if (e != nullptr) _errHandler->reportError(this, *e);
  ctx->exception = std::current_exception();
  if (!migrac::syntax::skip_element(*this, ctx)) throw StatementAbort{};
  // The element is left out; the errors in it do not spoil the statement.
  static_cast<migrac::syntax::ReadableErrorStrategy*>(_errHandler.get())
      ->forgive_from(ctx->getStart()->getTokenIndex());
  _errHandler->reset(this);
}

}  // namespace migrac::grammar

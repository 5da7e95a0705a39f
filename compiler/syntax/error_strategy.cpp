#include "compiler/syntax/error_strategy.h"

#include <fmt/format.h>

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
  return type == P::IDENT || type == P::QUOTED_IDENT ||
         (type >= P::K_AFTER && type <= P::K_CONCURRENTLY);
}

bool starts_line(antlr4::TokenStream& tokens, antlr4::Token* t) {
  antlr4::Token* prev = previous_visible(tokens, t->getTokenIndex());
  return prev == nullptr || prev->getLine() < t->getLine();
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

bool is_statement_keyword(std::size_t type) {
  switch (type) {
    case P::K_CREATE: case P::K_DROP: case P::K_RENAME: case P::K_ADD: case P::K_ALTER:
    case P::K_BACKFILL: case P::K_SQL: case P::K_AFTER: case P::K_SET: case P::K_NO: case P::K_DOWN:
      return true;
    default:
      return false;
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
  std::size_t column = statement != nullptr ? statement->getStart()->getCharPositionInLine() : 0;
  int depth = 0;
  bool first = true;
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == antlr4::Token::EOF || type == P::SEMI || type == P::RBRACE) return false;
    if (depth == 0 && (type == P::COMMA || type == P::RPAREN)) return true;
    if (!first && is_statement_keyword(type) && starts_line(tokens, t) &&
        t->getCharPositionInLine() <= column) {
      return false;
    }
    if (type == P::LPAREN) ++depth;
    if (type == P::RPAREN) --depth;
    parser.consume();
    first = false;
  }
}

void ReadableErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) {
  throw P::StatementAbort{};
}

void ReadableErrorStrategy::sync(antlr4::Parser* parser) {
  antlr4::ParserRuleContext* ctx = parser->getContext();
  std::size_t rule = ctx->getRuleIndex();
  if (rule != P::RuleFile_ && rule != P::RuleNoTransactionBlock && rule != P::RuleDownBlock) {
    DefaultErrorStrategy::sync(parser);
    return;
  }
  // Between statements: whatever cannot start one is reported and skipped.
  antlr4::TokenStream& tokens = *parser->getTokenStream();
  bool in_block = rule != P::RuleFile_;
  for (;;) {
    antlr4::Token* t = tokens.LT(1);
    std::size_t type = t->getType();
    if (type == antlr4::Token::EOF || is_statement_keyword(type) || (type == P::RBRACE && in_block)) {
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

void ReadableErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                      const antlr4::NoViableAltException& e) {
  antlr4::Token* offending = e.getOffendingToken();
  if (report_lexical(offending)) return;
  if (e.getStartToken() != nullptr && offending != nullptr &&
      e.getStartToken()->getTokenIndex() != offending->getTokenIndex()) {
    // The parser looked ahead several tokens: what was expected at the start
    // of the decision says nothing about this token.
    antlr4::Token* prev = previous_visible(*parser->getTokenStream(), offending->getTokenIndex());
    std::string message = fmt::format("unexpected {}", describe_token(b_.text(offending), offending->getType()));
    if (prev != nullptr) message += fmt::format(" after {}", describe_token(b_.text(prev), prev->getType()));
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
      auto c = static_cast<unsigned char>(text.empty() ? 0 : text[0]);
      if (c >= 0x80 && valid_utf8(text)) {
        b_.report(DiagKind::UnexpectedCharacter, r, fmt::format("unexpected character '{}'", text),
                  "bare names are ASCII letters, digits and '_'; write other names in double quotes");
      } else if (c >= 0x80) {
        std::string bytes;
        for (std::size_t i = 0; i < text.size() && i < 4; ++i) {
          bytes += fmt::format("{}0x{:02x}", i == 0 ? "" : " ", static_cast<unsigned char>(text[i]));
        }
        if (text.size() > 4) bytes += " ...";
        b_.report(DiagKind::UnexpectedCharacter, r,
                  fmt::format("unexpected bytes {}: the file is not valid UTF-8 text", bytes));
      } else if (c < 0x20 || c == 0x7f) {
        b_.report(DiagKind::UnexpectedCharacter, r, fmt::format("unexpected control character 0x{:02x}", c));
      } else {
        b_.report(DiagKind::UnexpectedCharacter, r, fmt::format("unexpected character '{}'", text));
      }
      break;
    }
    default:
      return false;
  }
  reported_tokens_.insert(t->getTokenIndex());
  fatal_.push_back(t->getTokenIndex());
  return true;
}

void ReadableErrorStrategy::report_skipped_lexical_errors(antlr4::TokenStream& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    antlr4::Token* t = tokens.get(i);
    if (reported_tokens_.count(t->getTokenIndex()) != 0) continue;
    report_lexical(t);
  }
}

void ReadableErrorStrategy::report_at(antlr4::Parser* parser, antlr4::Token* offending,
                                      std::size_t state, antlr4::ParserRuleContext* ctx,
                                      bool missing_token) {
  if (offending == nullptr) offending = parser->getCurrentToken();
  if (report_lexical(offending)) return;
  antlr4::TokenStream& tokens = *parser->getTokenStream();
  if (ctx == nullptr) ctx = parser->getContext();
  Expected x = expected_at(*parser, state, ctx);

  bool eof = offending->getType() == antlr4::Token::EOF;
  antlr4::Token* prev = previous_visible(tokens, offending->getTokenIndex());
  antlr4::ParserRuleContext* statement = ancestor(ctx, P::RuleStatement);
  bool prev_in_statement = prev != nullptr && statement != nullptr &&
                           prev->getTokenIndex() >= statement->getStart()->getTokenIndex();
  bool new_line = eof || (prev != nullptr && offending->getLine() > prev->getLine());
  std::string found = describe_token(b_.text(offending), offending->getType());
  SourceRange at = b_.range(offending);
  SourceRange after_prev = prev != nullptr ? b_.after(prev) : at;
  bool fatal = !(missing_token && x.semicolon && x.phrases.size() == 1);
  std::string help;
  if (offending->getType() == P::IDENT) help = did_you_mean(lower(b_.text(offending)), x.keywords);

  auto report = [&](SourceRange r, std::string message) -> Diagnostic& {
    if (fatal) fatal_.push_back(offending->getTokenIndex());
    reported_tokens_.insert(offending->getTokenIndex());
    return b_.report(DiagKind::SyntaxError, r, std::move(message), help);
  };

  // A block left open at the end of the file.
  antlr4::ParserRuleContext* block = ancestor(ctx, P::RuleNoTransactionBlock);
  if (block == nullptr) block = ancestor(ctx, P::RuleDownBlock);
  if (eof && x.close_brace && block != nullptr) {
    std::string_view name = block->getRuleIndex() == P::RuleDownBlock ? "down" : "no transaction";
    report(after_prev, fmt::format("expected '}}' to close the '{}' block", name))
        .notes.push_back({b_.range(block->getStart()), "the block starts here"});
    return;
  }
  // A missing ';' (the statement ended, something else follows).
  if (x.semicolon && prev_in_statement && (new_line || x.only("';'"))) {
    report(new_line ? after_prev : at,
           fmt::format("expected ';' after {}", construct_before_semicolon(b_, ctx, prev)));
    return;
  }
  // A missing ',' between column definitions.
  bool in_element = ancestor(ctx, P::RuleTableElement) != nullptr;
  if (in_element && ctx->getRuleIndex() == P::RuleColumnDef && new_line && !eof &&
      is_name_token(offending->getType())) {
    report(after_prev, "expected ',' after column definition");
    return;
  }
  // `(a int, )`
  if (ctx->getRuleIndex() == P::RuleTableElement && offending->getType() == P::RPAREN &&
      prev != nullptr && prev->getType() == P::COMMA) {
    report(b_.range(prev), "a ',' after the last column definition");
    return;
  }
  if (x.phrases.size() == 1 && prev_in_statement) {
    report(new_line ? after_prev : at,
           fmt::format("expected {} after {}", x.phrases[0], describe_token(b_.text(prev), prev->getType())));
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
  _errHandler->reset(this);
}

}  // namespace migrac::grammar

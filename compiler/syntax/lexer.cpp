#include "compiler/syntax/lexer.h"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/syntax/lexer_check.h"

namespace migrac::syntax {

namespace {

bool blank(std::size_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

bool word_start(std::size_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool word_char(std::size_t c) { return word_start(c) || (c >= '0' && c <= '9'); }

bool digit(std::size_t c) { return c >= '0' && c <= '9'; }

// DOLLAR_TAG's characters: a letter, '_' or a byte of a UTF-8 sequence, then digits too.
bool dollar_tag_start(std::size_t c) { return word_start(c) || (c >= 0x80 && c <= 0xFF); }
bool dollar_tag_char(std::size_t c) { return dollar_tag_start(c) || digit(c); }

// The token of a character that is a whole token by itself, whatever follows
// (no longer rule starts with it); 0 for any other character.
std::size_t punctuation_type(std::size_t c) {
  switch (c) {
    case ';': return L::SEMI;
    case ',': return L::COMMA;
    case '.': return L::DOT;
    case '(': return L::LPAREN;
    case ')': return L::RPAREN;
    case '{': return L::LBRACE;
    case '}': return L::RBRACE;
    case '[': return L::LBRACKET;
    case ']': return L::RBRACKET;
    case '=': return L::EQ;
    case '+': return L::PLUS;
    case '*': return L::STAR;
    case '%': return L::PERCENT;
    default: return 0;
  }
}

// An operator of one or two characters at `c` (then `next`) and its length;
// {0, 0} for any other text. `--` and `/*` start comments, which are not
// operators; a lone `:`, `|` or `!` is no token of the language.
std::pair<std::size_t, std::size_t> operator_type(std::size_t c, std::size_t next) {
  switch (c) {
    case '<':
      if (next == '>') return {L::NEQ, 2};
      if (next == '=') return {L::LE, 2};
      return {L::LT, 1};
    case '>':
      if (next == '=') return {L::GE, 2};
      return {L::GT, 1};
    case '!':
      if (next == '=') return {L::NEQ, 2};
      return {0, 0};
    case ':':
      if (next == ':') return {L::DOUBLE_COLON, 2};
      return {0, 0};
    case '|':
      if (next == '|') return {L::CONCAT, 2};
      return {0, 0};
    case '-':
      if (next == '-') return {0, 0};
      return {L::MINUS, 1};
    case '/':
      if (next == '*') return {0, 0};
      return {L::SLASH, 1};
    default: return {0, 0};
  }
}

// Whether the letters after a number's digits are a duration's unit (ms, s,
// min, h, either case): then the word is a DURATION, not a DIGIT_IDENT.
bool duration_unit(std::string_view unit) {
  return unit == "ms" || unit == "s" || unit == "min" || unit == "h";
}

// The keywords, lowercase, and their token types, from the K_ token names.
const std::unordered_map<std::string, std::size_t>& keywords(const antlr4::dfa::Vocabulary& v) {
  static const std::unordered_map<std::string, std::size_t> table = [&] {
    std::unordered_map<std::string, std::size_t> t;
    for (std::size_t type = 1; type <= v.getMaxTokenType(); ++type) {
      std::string name = v.getSymbolicName(type);
      if (name.rfind("K_", 0) != 0) continue;
      std::string word = name.substr(2);
      for (char& c : word) c = static_cast<char>(c - 'A' + 'a');
      t.emplace(std::move(word), type);
    }
    return t;
  }();
  return table;
}

}  // namespace

Lexer::Lexer(ByteStream* input)
    : L(input), bytes_(input), simulator_(getInterpreter<antlr4::atn::LexerATNSimulator>()) {}

std::size_t Lexer::getLine() const { return simulator_->getLine(); }

std::size_t Lexer::getCharPositionInLine() { return simulator_->getCharPositionInLine(); }

std::size_t Lexer::scan_word(std::size_t at, std::string& word) const {
  for (std::size_t c = bytes_->at(at); word_char(c); c = bytes_->at(++at))
    word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return at;
}

void Lexer::consume_to(std::size_t index) {
  std::size_t line = simulator_->getLine();
  std::size_t column = simulator_->getCharPositionInLine();
  for (std::size_t i = bytes_->index(); i < index; ++i) {
    if (bytes_->at(i) == '\n') {
      ++line;
      column = 0;
    } else {
      ++column;
    }
  }
  simulator_->setLine(line);
  simulator_->setCharPositionInLine(column);
  bytes_->move_to(index);
}

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  skip_blanks_and_line_comments();
  // As the generated nextToken() begins: after the end, the EOF token.
  if (hitEOF) {
    emitEOF();
    return std::move(token);
  }
  std::size_t start = bytes_->index();
  std::size_t c = bytes_->at(start);
  // The token's type and end, when a fast path knows them.
  std::size_t token_type = 0;
  std::size_t end = start;
  std::string word;  // a word's text, lowercase
  if (std::size_t p = punctuation_type(c); p != 0) {
    token_type = p;
    end = start + 1;
  } else if (auto [op, length] = operator_type(c, bytes_->at(start + 1)); op != 0) {
    token_type = op;
    end = start + length;
  } else if (word_start(c)) {
    end = scan_word(start, word);
    const auto& table = keywords(getVocabulary());
    auto it = table.find(word);
    token_type = it != table.end() ? it->second : static_cast<std::size_t>(IDENT);
  } else if (digit(c)) {
    // DIGIT+ then a fraction (NUMBER), a word (DURATION when it is only a
    // unit, else DIGIT_IDENT) or nothing (NUMBER).
    for (end = start; digit(bytes_->at(end));) ++end;
    if (bytes_->at(end) == '.' && digit(bytes_->at(end + 1))) {
      for (end += 1; digit(bytes_->at(end));) ++end;
      token_type = NUMBER;
    } else if (word_start(bytes_->at(end))) {
      end = scan_word(end, word);
      token_type = duration_unit(word) ? DURATION : DIGIT_IDENT;
    } else {
      token_type = NUMBER;
    }
  } else if (c == '\'') {
    // A terminated string: quotes inside are doubled. An unterminated one
    // (no closing quote before the end) is left to the generated rules.
    for (end = start + 1;;) {
      std::size_t q = bytes_->at(end);
      if (q == antlr4::Token::EOF) break;
      ++end;
      if (q != '\'') continue;
      if (bytes_->at(end) != '\'') {
        token_type = STRING;
        break;
      }
      ++end;  // a doubled quote
    }
  } else if (c == '$') {
    // A closed dollar-quoted string: `$tag$` (the tag optional), the body,
    // then the first `$tag$` again, as scanDollarBody() reads it. An opening
    // without its closing is left to the generated rules.
    std::size_t open_end = start + 1;
    if (dollar_tag_start(bytes_->at(open_end)))
      for (++open_end; dollar_tag_char(bytes_->at(open_end));) ++open_end;
    if (bytes_->at(open_end) == '$') {
      const std::size_t open_len = open_end + 1 - start;
      for (std::size_t j = open_end + 1; bytes_->at(j) != antlr4::Token::EOF; ++j) {
        if (bytes_->at(j) != '$') continue;
        std::size_t k = 0;
        while (k < open_len && bytes_->at(j + k) == bytes_->at(start + k)) ++k;
        if (k == open_len) {
          token_type = DOLLAR_STRING;
          end = j + open_len;
          break;
        }
      }
    }
  }
  if (token_type == 0) return L::nextToken();
  // Set up and emitted as the generated nextToken() does.
  token.reset();
  channel = antlr4::Token::DEFAULT_CHANNEL;
  tokenStartCharIndex = start;
  tokenStartCharPositionInLine = simulator_->getCharPositionInLine();
  tokenStartLine = simulator_->getLine();
  _text.clear();
  consume_to(end);
  type = token_type;
  if (_input->LA(1) == antlr4::Token::EOF) hitEOF = true;
  // The token emit() would make with the default factory (no text copied).
  auto made = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, _input), type, channel, start,
      end - 1);
  made->setLine(tokenStartLine);
  made->setCharPositionInLine(tokenStartCharPositionInLine);
  token = std::move(made);
  return std::move(token);
}

std::size_t TokenStream::fetch(std::size_t n) {
  if (_fetchedEOF) return 0;
  std::size_t i = 0;
  while (i < n) {
    std::unique_ptr<antlr4::Token> t = _tokenSource->nextToken();
    static_cast<antlr4::CommonToken*>(t.get())->setTokenIndex(_tokens.size());
    _tokens.push_back(std::move(t));
    ++i;
    if (_tokens.back()->getType() == antlr4::Token::EOF) {
      _fetchedEOF = true;
      break;
    }
  }
  return i;
}

// The text between tokens, as the skipped WS and LINE_COMMENT tokens.
void Lexer::skip_blanks_and_line_comments() {
  std::size_t start = bytes_->index();
  std::size_t i = start;
  for (;;) {
    std::size_t c = bytes_->at(i);
    if (blank(c)) {
      ++i;
    } else if (c == '-' && bytes_->at(i + 1) == '-') {
      while (c != antlr4::Token::EOF && c != '\r' && c != '\n') c = bytes_->at(++i);
    } else {
      break;
    }
  }
  if (i == start) return;
  consume_to(i);
  // After a skipped token at the end, the generated lexer goes straight to EOF.
  if (bytes_->at(i) == antlr4::Token::EOF) hitEOF = true;
}

namespace {

template <class LexerT>
std::vector<std::string> describe_tokens(std::string_view text) {
  ByteStream input(text);
  LexerT lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<std::string> out;
  for (antlr4::Token* t : tokens.getTokens()) {
    out.push_back(fmt::format("type {} channel {} [{}, {}] at {}:{}", t->getType(), t->getChannel(),
                              t->getStartIndex(), t->getStopIndex(), t->getLine(),
                              t->getCharPositionInLine()));
  }
  return out;
}

}  // namespace

std::string lexer_difference(std::string_view text) {
  std::vector<std::string> fast = describe_tokens<Lexer>(text);
  std::vector<std::string> generated = describe_tokens<L>(text);
  for (std::size_t i = 0; i < fast.size() && i < generated.size(); ++i) {
    if (fast[i] != generated[i])
      return fmt::format("token {}: {}, expected {}", i, fast[i], generated[i]);
  }
  if (fast.size() != generated.size())
    return fmt::format("{} tokens, expected {}", fast.size(), generated.size());
  return {};
}

}  // namespace migrac::syntax

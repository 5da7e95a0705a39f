#pragma once
// The one lexical scanner of SQL text. Every place that reads SQL as text
// (raw migrations, the linter's positions, the raw DDL reader's expression
// cuts, the quick status scan of .mig headers, the SQLite driver) cuts it into
// tokens here, so that comments, strings, quoted names and dollar-quoted
// bodies are recognised the same way everywhere and words inside them never
// count.
//
// The rules differ a little between flavours of SQL text (SqlRules): in
// PostgreSQL block comments nest and E'...' strings take backslash escapes;
// in the .mig language (grammar/Migrac.g4) and in SQLite they do not.

#include <cstddef>
#include <string>
#include <string_view>

namespace migrac::source {

// The lexical rules of one flavour of SQL text.
struct SqlRules {
  bool nested_comments = true;  // `/* /* */ */` nests; else the first `*/` closes
  bool escape_strings = true;   // E'...' strings take backslash escapes
  bool unicode_words = true;    // `$` and bytes >= 0x80 continue a word (PostgreSQL names)
};

// PostgreSQL's rules.
inline constexpr SqlRules kPostgresRules{true, true, true};
// The .mig language: block comments do not nest, strings take no escapes,
// words are ASCII letters, digits and '_'.
inline constexpr SqlRules kMigRules{false, false, false};
// SQLite's rules: block comments do not nest, no E'' strings.
inline constexpr SqlRules kSqliteRules{false, false, true};

// What a token is.
enum class SqlTokenKind {
  Space,         // blanks and line breaks
  LineComment,   // `--` up to the line break (not included)
  BlockComment,  // `/* ... */`
  String,        // '...' with '' for a quote, or E'...' (the E included)
  QuotedName,    // "..." with "" for a quote
  DollarBody,    // $tag$ ... $tag$ (tag may be empty)
  Word,          // a keyword, bare name or number
  Punct,         // any other single byte
};

// One token: its kind and byte range in the text.
struct SqlToken {
  SqlTokenKind kind = SqlTokenKind::Punct;
  std::size_t begin = 0;
  std::size_t end = 0;
  // False for a comment, string, quoted name or dollar body that runs to the
  // end of the text without being closed.
  bool closed = true;

  bool is_comment() const {
    return kind == SqlTokenKind::LineComment || kind == SqlTokenKind::BlockComment;
  }
  // Space or a comment: nothing a statement is made of.
  bool is_blank() const { return kind == SqlTokenKind::Space || is_comment(); }
  bool is_punct(char c, std::string_view text) const {
    return kind == SqlTokenKind::Punct && end > begin && text[begin] == c;
  }
  std::string_view text(std::string_view of) const { return of.substr(begin, end - begin); }
};

// The token that starts at `at`; an empty Punct token at the end of the text.
SqlToken sql_token(std::string_view text, std::size_t at, const SqlRules& rules = kPostgresRules);

// Walks the tokens of a text from an offset.
class SqlScanner {
 public:
  explicit SqlScanner(std::string_view text, std::size_t from = 0,
                      const SqlRules& rules = kPostgresRules)
      : text_(text), pos_(from), rules_(rules) {}

  bool done() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  // The token at the cursor, without moving.
  SqlToken peek() const { return sql_token(text_, pos_, rules_); }
  // The token at the cursor; the cursor moves past it.
  SqlToken next() {
    SqlToken t = peek();
    pos_ = t.end;
    return t;
  }
  // The next token that is not blank (space or comment).
  SqlToken next_solid() {
    SqlToken t = next();
    while (t.is_blank() && !done()) t = next();
    return t;
  }
  // Moves past blanks and comments.
  void skip_blank() {
    while (!done() && peek().is_blank()) next();
  }

 private:
  std::string_view text_;
  std::size_t pos_;
  SqlRules rules_;
};

// The offset of the first byte at or after `from` that is neither space nor
// part of a comment; text.size() when there is none.
std::size_t skip_space_and_comments(std::string_view text, std::size_t from,
                                    const SqlRules& rules = kPostgresRules);

// Past the comment that starts at `at`; `at` itself when none starts there.
std::size_t skip_comment(std::string_view text, std::size_t at,
                         const SqlRules& rules = kPostgresRules);

// The offset of the first ';' at or after `from` outside strings, quoted
// names, dollar-quoted bodies and comments; text.size() when there is none.
std::size_t next_semicolon(std::string_view text, std::size_t from,
                           const SqlRules& rules = kPostgresRules);

// The name a QuotedName token spells: without the quotes, "" read as ".
std::string unquote_name(std::string_view token);

}  // namespace migrac::source

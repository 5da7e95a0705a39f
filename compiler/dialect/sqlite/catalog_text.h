#pragma once
// The pure parts of SQLite's introspection (catalog.cpp runs the queries):
// SQL text split into tokens (sql_tokens.cpp), the CREATE TABLE and CREATE
// INDEX text of sqlite_schema.sql read into what the pragmas do not give
// (create_text.cpp: constraint names, CHECK expressions, AUTOINCREMENT,
// table options, index expressions and predicates), and declared types and
// default texts mapped back to the model (catalog_values.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::sqlite {

// --- tokens (sql_tokens.cpp)

enum class TokenKind {
  Word,    // a bare name or keyword
  Quoted,  // "name", `name` or [name]: `text` holds the name unquoted
  String,  // 'text': `text` holds the value unescaped
  Number,  // 42, 1.5e3, 0x1F
  Blob,    // X'00ff'
  Punct,   // ( ) , ; . and operators (one token per operator: <=, ||, ...)
};

// One token of SQL text; `begin`/`end` are byte offsets into the text.
struct Token {
  TokenKind kind = TokenKind::Punct;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;

  bool is_word(std::string_view upper) const;  // a Word equal to `upper`, ignoring case
  bool is(std::string_view punct) const { return kind == TokenKind::Punct && text == punct; }
  bool is_name() const { return kind == TokenKind::Word || kind == TokenKind::Quoted; }
};

// `s` in lower case (ASCII): SQLite compares names so.
std::string lower(std::string_view s);

// The tokens of `sql`, comments and blanks left out. An unterminated quote
// or comment ends the text.
std::vector<Token> tokenize(std::string_view sql);

// --- CREATE TABLE / CREATE INDEX text (create_text.cpp)

// A constraint as the CREATE TABLE text writes it, on a column or on the table.
struct TextConstraint {
  std::string name;  // empty: written without CONSTRAINT name
  ast::ConstraintKind kind = ast::ConstraintKind::Check;
  std::string column;                    // the column it is written on; empty: a table constraint
  std::vector<std::string> columns;      // PK, UNIQUE, FK: its columns (a column's: that column)
  std::string ref_table;                 // FK
  std::vector<std::string> ref_columns;  // FK, as written (empty: the target's primary key)
  std::string check;                     // CHECK: the text inside its parentheses
  bool autoincrement = false;            // PRIMARY KEY ... AUTOINCREMENT
  bool deferrable = false;               // FK: DEFERRABLE (without NOT)
  bool ordered = false;                  // PK/UNIQUE with ASC/DESC/COLLATE on a column
  bool conflict = false;                 // with an ON CONFLICT clause
};

// What a column's definition says that the pragmas do not.
struct TextColumn {
  std::string name;
  std::string collation;       // COLLATE name, if any
  std::string generated;       // "stored" or "virtual" for a generated column
  std::string generated_expr;  // its expression's text, inside the parentheses
};

// A CREATE TABLE statement as far as introspection needs it.
struct TableText {
  std::string name;
  std::vector<TextColumn> columns;
  std::vector<TextConstraint> constraints;  // in text order
  bool without_rowid = false;
  bool strict = false;
  bool as_select = false;  // CREATE TABLE ... AS SELECT: no definitions
};

// Reads a CREATE TABLE statement; nullopt when the text is not one.
std::optional<TableText> read_create_table(std::string_view sql);

// A CREATE INDEX statement.
struct IndexText {
  std::string name;
  std::string table;
  bool unique = false;
  std::vector<std::string> elements;  // each element's text, without ASC/DESC and COLLATE
  bool ordered = false;               // an element has ASC, DESC or COLLATE
  std::optional<std::string> where;   // the partial index predicate's text
};

// Reads a CREATE INDEX statement; nullopt when the text is not one.
std::optional<IndexText> read_create_index(std::string_view sql);

// The names among `columns` that `expr_text` reads (first appearance first):
// names not followed by '(' (a call), outside string literals.
std::vector<std::string> columns_in(std::string_view expr_text,
                                    const std::vector<std::string>& columns);

// When `check_text` is `name IN ('a', 'b', ...)` for column `column` (the
// form the emitter writes for an enum column), its values in order.
std::optional<std::vector<std::string>> enum_values(std::string_view check_text,
                                                    std::string_view column);

// --- values (catalog_values.cpp)

// A declared column type (pragma_table_xinfo's `type`) as a portable type:
// the names migrac writes and their usual synonyms, with length or precision
// and scale as declared; anything else (and no type at all) is native, as written.
ast::TypeRef declared_type(std::string_view declared);

// A default (pragma_table_xinfo's `dflt_value`, outer parentheses already
// removed by SQLite) as an expression: literals, CURRENT_TIMESTAMP (now()),
// a column or a call of such; anything else as opaque `sql` text.
ast::Expr default_value(std::string_view text);

// An expression text (an index element) the same way; a text in
// parentheses is read without them.
ast::Expr expression(std::string_view text);

}  // namespace migrac::sqlite

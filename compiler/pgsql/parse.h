#pragma once
// PostgreSQL's own parser (libpg_query) over a SQL text: the statements with
// their parse trees and byte ranges, or PostgreSQL's syntax error. This
// folder is the only one that includes pg_query.h; everything else reads the
// tree through pgsql::Node.
//
// libpg_query keeps its parser state in thread-local memory contexts, so
// texts may be parsed from several threads at once.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/pgsql/node.h"

namespace migrac::pgsql {

// One top-level statement of a parsed text.
struct Statement {
  std::string_view kind;    // the node type, e.g. "AlterTableStmt"
  Node node;                // the wrapper {"AlterTableStmt": {...}}
  Node body;                // its fields
  std::uint32_t begin = 0;  // first byte of the statement's first token
  std::uint32_t end = 0;    // one past its last byte (blanks and the ';' left out)
};

// PostgreSQL's syntax error in a text.
struct SyntaxError {
  std::string message;       // e.g. syntax error at or near "TABL"
  std::uint32_t offset = 0;  // byte offset of the error cursor (0 when it gives none)
  bool has_cursor = false;   // whether PostgreSQL pointed at a position
};

// A parsed text: its statements, or the syntax error. Move-only; the
// statements' nodes point into the tree it owns.
class ParsedSql {
 public:
  ParsedSql();
  ~ParsedSql();
  ParsedSql(ParsedSql&&) noexcept;
  ParsedSql& operator=(ParsedSql&&) noexcept;

  std::vector<Statement> statements;
  std::optional<SyntaxError> error;

 private:
  friend ParsedSql parse(std::string_view text);
  std::unique_ptr<nlohmann::json> tree_;
};

// Parses a whole text. A NUL byte ends the text for PostgreSQL.
ParsedSql parse(std::string_view text);

// The byte offset of the 1-based character position `pos` (as PostgreSQL
// reports it, counting UTF-8 characters) in `text`.
std::size_t char_pos_to_offset(std::string_view text, int pos);

}  // namespace migrac::pgsql

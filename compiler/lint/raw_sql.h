#pragma once
// Raw SQL as the linter reads it: a whole .up.sql file parsed with
// PostgreSQL's own parser (libpg_query) into statements with file offsets,
// and small helpers to read the JSON parse tree and to find positions the
// tree does not carry (an ALTER TABLE subcommand has no location).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace migrac::lint {

using Json = nlohmann::json;

// One top-level statement of a file.
struct SqlStatement {
  std::string type;          // the node type, e.g. "AlterTableStmt"
  const Json* body = nullptr;  // the node's fields (the object under `type`)
  std::uint32_t begin = 0;   // first byte of the statement's first token
  std::uint32_t end = 0;     // one past its last byte (before the ';')
};

// A parsed file: statements, or PostgreSQL's syntax error.
struct ParsedSql {
  Json tree;
  std::vector<SqlStatement> statements;
  std::optional<std::string> error;  // PostgreSQL's message, e.g. syntax error at or near "TABL"
  std::uint32_t error_offset = 0;    // byte offset of the error cursor
};

// Parses a whole file. Thread-safe (libpg_query keeps its state per thread).
ParsedSql parse_sql(const std::string& text);

// A word of SQL (keyword or identifier, bare words lower-cased) with its byte range.
struct SqlWord {
  std::string text;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The words of text[begin, end): comments and string literals are skipped,
// quoted identifiers are words as written (without the quotes), and each
// parenthesis and comma is a word of its own.
std::vector<SqlWord> sql_words(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The first offset in [begin, end) that is not blank or inside a comment.
std::uint32_t skip_blank(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The end of the clause that starts at `begin`: the first ',' or unmatched ')'
// at nesting depth 0, or `end`, with trailing blanks trimmed.
std::uint32_t clause_end(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The end of a type name starting at `begin`: its first word and a
// parenthesized modifier list right after it (`varchar(20)`, `numeric(10, 2)`).
std::uint32_t type_end(std::string_view text, std::uint32_t begin, std::uint32_t end);

// Finds `phrase` (lower-case words) in `words` from index `from`; returns the
// index of its first word, or -1.
long find_phrase(const std::vector<SqlWord>& words, const std::vector<std::string_view>& phrase,
                 std::size_t from = 0);

// --- reading the parse tree ----------------------------------------------

// The string field `key` of a node, or "".
std::string_view field_str(const Json& node, const char* key);
// The boolean field `key` of a node (absent means false).
bool field_bool(const Json& node, const char* key);
// The `location` field of a node, or -1.
long node_location(const Json& node);
// The object field `key` of a node, or an empty object.
const Json& field(const Json& node, const char* key);
// The array field `key` of a node, or an empty array.
const Json& field_list(const Json& node, const char* key);
// The single child of a wrapper node ({"ColumnDef": {...}}): its type and fields.
std::string_view node_type(const Json& wrapper);
const Json& node_body(const Json& wrapper);
// The last component of a TypeName (`int4`, `varchar`, `serial`, ...) and
// whether it was written with modifiers (`varchar(20)`).
std::string type_name(const Json& type_node);
bool type_has_modifiers(const Json& type_node);
// A RangeVar as written: `schema.table` or `table`.
std::string relation_name(const Json& range_var);
// The last component of a list of String nodes (qualified names).
std::string last_name(const Json& names);
// Calls `visit` on every object of the subtree (pre-order).
template <class F>
void walk(const Json& node, F&& visit) {
  if (node.is_object()) {
    visit(node);
    for (const auto& [key, child] : node.items()) walk(child, visit);
  } else if (node.is_array()) {
    for (const Json& child : node) walk(child, visit);
  }
}

}  // namespace migrac::lint

#pragma once
// Small lexical helpers over PostgreSQL text, for raw SQL migrations: skipping
// whitespace and comments, finding the ';' that ends a statement, and turning
// PostgreSQL's character positions into byte offsets.

#include <cstddef>
#include <string_view>

namespace migrac::syntax {

// The offset of the first byte at or after `from` that is neither whitespace nor
// part of a comment (`-- ...` or a nested `/* ... */`).
std::size_t skip_space_and_comments(std::string_view text, std::size_t from);

// Past the comment that starts at `at` ("--" to the end of the line, or a nested
// "/* */"); `at` itself when no comment starts there.
std::size_t skip_comment(std::string_view text, std::size_t at);

// The offset of the first ';' at or after `from` outside strings, quoted names,
// dollar-quoted bodies and comments; text.size() when there is none.
std::size_t next_semicolon(std::string_view text, std::size_t from);

// The byte offset of the 1-based character position `pos` (as PostgreSQL
// reports it, counting UTF-8 characters) in `text`.
std::size_t char_pos_to_offset(std::string_view text, int pos);

}  // namespace migrac::syntax

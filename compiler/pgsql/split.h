#pragma once
// The statement splitter: a SQL text cut into its top-level statements by
// PostgreSQL's own parser (libpg_query), every statement it cannot parse
// reported with PostgreSQL's message.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migrac::pgsql {

// One statement of a split text: its byte range, without the blanks and
// comments before it and the blanks after it (the ';' is not part of it).
struct StatementSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A statement PostgreSQL cannot parse: its message and the range of the
// token the error points at.
struct SplitError {
  std::string message;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A split text.
struct SplitSql {
  std::vector<StatementSpan> statements;
  std::vector<SplitError> errors;  // in text order
};

// Splits `text` into statements. After an error, splitting resumes after the
// failing statement's ';', so every broken statement is reported; with
// errors, only the statements after the last one are returned. The text must
// hold no NUL byte.
SplitSql split(std::string_view text);

}  // namespace migrac::pgsql

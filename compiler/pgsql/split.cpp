// The statement splitter (see split.h).

#include "compiler/pgsql/split.h"

#include <pg_query.h>

#include "compiler/pgsql/parse.h"
#include "compiler/source/sql_scan.h"

namespace migrac::pgsql {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the token PostgreSQL points at, for the range of its error.
std::size_t token_end(std::string_view text, std::size_t at) {
  if (at >= text.size()) return at;
  std::size_t end = at;
  while (end < text.size() && is_id_char(text[end])) ++end;
  return end == at ? at + 1 : end;
}

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

}  // namespace

SplitSql split(std::string_view text) {
  SplitSql out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::string chunk(text.substr(pos));
    PgQuerySplitResult r = pg_query_split_with_parser(chunk.c_str());
    if (r.error == nullptr) {
      for (int k = 0; k < r.n_stmts; ++k) {
        std::size_t loc = pos + static_cast<std::size_t>(r.stmts[k]->stmt_location);
        std::size_t end = loc + static_cast<std::size_t>(r.stmts[k]->stmt_len);
        if (r.stmts[k]->stmt_len == 0) end = text.size();
        std::size_t begin = source::skip_space_and_comments(text, loc);
        while (end > begin && is_space(text[end - 1])) --end;
        if (begin >= end) continue;
        out.statements.push_back({u32(begin), u32(end)});
      }
      pg_query_free_split_result(r);
      break;
    }
    std::size_t at = pos + char_pos_to_offset(chunk, r.error->cursorpos);
    if (r.error->cursorpos <= 0) at = source::skip_space_and_comments(text, pos);
    out.errors.push_back({r.error->message, u32(at), u32(token_end(text, at))});
    pg_query_free_split_result(r);
    std::size_t semi = source::next_semicolon(text, at);
    if (semi >= text.size()) break;
    pos = semi + 1;
  }
  return out;
}

}  // namespace migrac::pgsql

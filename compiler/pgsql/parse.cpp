// PostgreSQL's parser over a text (see parse.h).

#include "compiler/pgsql/parse.h"

#include <pg_query.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compiler/source/sql_scan.h"

namespace migrac::pgsql {

ParsedSql::ParsedSql() = default;
ParsedSql::~ParsedSql() = default;
ParsedSql::ParsedSql(ParsedSql&&) noexcept = default;
ParsedSql& ParsedSql::operator=(ParsedSql&&) noexcept = default;

std::size_t char_pos_to_offset(std::string_view text, int pos) {
  std::size_t offset = 0;
  for (int chars = 1; chars < pos && offset < text.size(); ++chars) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
      ++offset;
  }
  return offset;
}

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

ParsedSql parse(std::string_view text) {
  ParsedSql out;
  std::string copy(text);
  PgQueryParseResult result = pg_query_parse(copy.c_str());
  if (result.error) {
    SyntaxError e;
    e.message = result.error->message;
    e.has_cursor = result.error->cursorpos > 0;
    e.offset = static_cast<std::uint32_t>(char_pos_to_offset(copy, result.error->cursorpos));
    out.error = std::move(e);
    pg_query_free_parse_result(result);
    return out;
  }
  out.tree_ = std::make_unique<nlohmann::json>(nlohmann::json::parse(result.parse_tree, nullptr,
                                                                     false));
  pg_query_free_parse_result(result);
  Node tree(out.tree_.get());
  const auto size = static_cast<std::uint32_t>(std::min(copy.size(), copy.find('\0')));
  for (Node raw : tree["stmts"]) {
    Statement s;
    s.node = raw.has("stmt") ? raw["stmt"] : raw;
    s.kind = s.node.kind();
    s.body = s.node.body();
    auto loc = static_cast<std::uint32_t>(std::max<std::int64_t>(0, raw.integer("stmt_location")));
    auto len = static_cast<std::uint32_t>(std::max<std::int64_t>(0, raw.integer("stmt_len")));
    std::uint32_t stop = len == 0 ? size : std::min(size, loc + len);
    loc = std::min(loc, stop);
    std::string_view part = std::string_view(copy).substr(0, stop);
    s.begin = static_cast<std::uint32_t>(source::skip_space_and_comments(part, loc));
    std::uint32_t e = stop;
    while (e > s.begin && (is_blank(copy[e - 1]) || copy[e - 1] == ';')) --e;
    s.end = e;
    out.statements.push_back(s);
  }
  return out;
}

}  // namespace migrac::pgsql

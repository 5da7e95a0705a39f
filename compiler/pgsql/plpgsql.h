#pragma once
// PostgreSQL's PL/pgSQL parser (libpg_query) over the body of a DO block:
// the block's statement tree, or the parser's message. Like parse.h, it is
// read through pgsql::Node.

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "compiler/pgsql/node.h"

namespace migrac::pgsql {

// A parsed PL/pgSQL body. Move-only; `action` points into the tree it owns.
class ParsedPlpgsql {
 public:
  ParsedPlpgsql();
  ~ParsedPlpgsql();
  ParsedPlpgsql(ParsedPlpgsql&&) noexcept;
  ParsedPlpgsql& operator=(ParsedPlpgsql&&) noexcept;

  // The outermost block ({"PLpgSQL_stmt_block": {...}}); empty on error.
  Node action;
  // PL/pgSQL's message when the body cannot be read, else "".
  std::string error;

 private:
  friend ParsedPlpgsql parse_plpgsql(std::string_view body);
  std::unique_ptr<nlohmann::json> tree_;
};

// Parses `body`, the text of a DO block (or of a PL/pgSQL function). Its
// statements' line numbers count from 1 at the body's first line.
ParsedPlpgsql parse_plpgsql(std::string_view body);

}  // namespace migrac::pgsql

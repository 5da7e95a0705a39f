#pragma once
// Texts parsed ahead. The checker reads the raw SQL of a history (`sql`
// bodies, raw .up.sql statements) on one thread, in history order, and
// parsing is most of that reading; the texts are known once the files are
// parsed, so compile_project parses them there, on every core, and the
// checker takes each tree from here instead of parsing it again.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/pgsql/parse.h"

namespace migrac::pgsql {

// Parsed texts by their text. Filled before the reader runs, then taken from
// by one thread.
class ParseCache {
 public:
  // Keeps `parsed` as the tree of `text` (a text given twice keeps the first).
  void put(std::string text, ParsedSql parsed);
  // The tree of `text` if it was put and not taken yet; it is taken (each
  // tree serves one reading, and its memory goes with it).
  std::optional<ParsedSql> take(std::string_view text);
  std::size_t size() const { return trees_.size(); }

 private:
  std::unordered_map<std::string, ParsedSql> trees_;
};

}  // namespace migrac::pgsql

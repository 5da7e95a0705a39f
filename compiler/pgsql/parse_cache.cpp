#include "compiler/pgsql/parse_cache.h"

#include <utility>

namespace migrac::pgsql {

void ParseCache::put(std::string text, ParsedSql parsed) {
  trees_.try_emplace(std::move(text), std::move(parsed));
}

std::optional<ParsedSql> ParseCache::take(std::string_view text) {
  if (trees_.empty()) return std::nullopt;
  auto it = trees_.find(std::string(text));
  if (it == trees_.end()) return std::nullopt;
  std::optional<ParsedSql> out(std::move(it->second));
  trees_.erase(it);
  return out;
}

}  // namespace migrac::pgsql

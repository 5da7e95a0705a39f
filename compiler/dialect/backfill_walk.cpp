#include "compiler/dialect/backfill_walk.h"

#include <fmt/format.h>

namespace migrac {

namespace {

// "k" or "(k1, k2)" for keys given by `name`.
std::string tuple(std::size_t n, const std::function<std::string(std::size_t)>& name) {
  std::string out;
  for (std::size_t i = 1; i <= n; ++i) out += (i > 1 ? ", " : "") + name(i);
  return n > 1 ? "(" + out + ")" : out;
}

std::string list(std::size_t n, const std::function<std::string(std::size_t)>& name) {
  std::string out;
  for (std::size_t i = 1; i <= n; ++i) out += (i > 1 ? ", " : "") + name(i);
  return out;
}

std::string dollar(std::size_t i) { return fmt::format("${}", i); }

}  // namespace

std::string walk_bound_sql(const BackfillParts& b, const std::vector<std::string>& keys,
                           const KeyName* lo, const std::string& into) {
  std::size_t k = keys.size();
  auto key = [&keys](std::size_t i) { return keys[i - 1]; };
  auto alias = [](std::size_t i) { return fmt::format("migrac_k{}", i); };
  std::string inner;
  for (std::size_t i = 1; i <= k; ++i)
    inner += fmt::format("{}{} AS {}", i > 1 ? ", " : "", key(i), alias(i));
  std::string after = lo ? fmt::format(" WHERE {} > {}", tuple(k, key), tuple(k, *lo)) : "";
  std::string desc;
  for (std::size_t i = 1; i <= k; ++i)
    desc += fmt::format("{}{} DESC", i > 1 ? ", " : "", alias(i));
  return fmt::format(
      "SELECT {}{} FROM (SELECT {} FROM {}{} ORDER BY {} LIMIT {}) migrac_batch ORDER BY {} LIMIT "
      "1",
      list(k, alias), into, inner, b.table, after, list(k, key), b.batch, desc);
}

std::string walk_update_sql(const BackfillParts& b, const std::vector<std::string>& keys,
                            const KeyName* lo, const KeyName& hi) {
  std::size_t k = keys.size();
  auto key = [&keys](std::size_t i) { return keys[i - 1]; };
  std::string lhs = tuple(k, key);
  std::string range = lo ? fmt::format("{} > {} AND ", lhs, tuple(k, *lo)) : "";
  range += fmt::format("{} <= {}", lhs, tuple(k, hi));
  return fmt::format("UPDATE {} SET {} WHERE {} AND {}", b.table, b.sets, range, b.where);
}

BatchWalk key_walk(const BackfillParts& b, const std::vector<std::string>& keys) {
  std::size_t k = keys.size();
  KeyName lo = dollar;
  KeyName hi_first = dollar;
  KeyName hi_next = [k](std::size_t i) { return dollar(k + i); };
  BatchWalk w;
  w.keys = k;
  w.first_bound = walk_bound_sql(b, keys, nullptr, "");
  w.next_bound = walk_bound_sql(b, keys, &lo, "");
  w.first_update = walk_update_sql(b, keys, nullptr, hi_first);
  w.next_update = walk_update_sql(b, keys, &lo, hi_next);
  w.batch = b.batch;
  w.pause_ms = b.pause_ms;
  return w;
}

}  // namespace migrac

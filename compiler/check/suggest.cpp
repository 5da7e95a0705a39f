// The nearest name for a typo in the checker's messages. Like nearest_name in
// diag.h, but a swap of two neighboring letters counts as one edit
// ('titel' -> 'title', 'boi' -> 'bio'), the most common typo in names.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of adjacent characters.
std::size_t osa_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> nearest(std::string_view wrong, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    std::size_t dist = osa_distance(wrong, c);
    if (!best || dist < best_distance) {
      best = c;
      best_distance = dist;
    }
  }
  // A likely typo: at most a third of the longer name differs (at least one edit).
  std::size_t limit = std::max<std::size_t>(1, std::max(wrong.size(), best ? best->size() : 0) / 3);
  if (!best || best_distance == 0 || best_distance > limit) return std::nullopt;
  return best;
}

std::string suggest(std::string_view wrong, const std::vector<std::string>& candidates) {
  auto n = nearest(wrong, candidates);
  return n ? fmt::format("did you mean '{}'?", *n) : std::string{};
}

}  // namespace migrac

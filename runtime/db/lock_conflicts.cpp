#include "runtime/db/lock_conflicts.h"

#include <array>
#include <cstddef>
#include <optional>

namespace migrac::db {

namespace {

// The eight modes, weakest first: a level's index, its pg_locks name.
struct Mode {
  std::string_view level;
  std::string_view pg_name;
};
constexpr std::array<Mode, 8> kModes{{
    {"ACCESS SHARE", "AccessShareLock"},
    {"ROW SHARE", "RowShareLock"},
    {"ROW EXCLUSIVE", "RowExclusiveLock"},
    {"SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"},
    {"SHARE", "ShareLock"},
    {"SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"},
    {"EXCLUSIVE", "ExclusiveLock"},
    {"ACCESS EXCLUSIVE", "AccessExclusiveLock"},
}};

// kConflicts[i][j]: mode i conflicts with mode j (the manual's table 13.2).
constexpr std::array<std::array<bool, 8>, 8> kConflicts{{
    //  AS     RS     RE     SUE    S      SRE    E      AE
    {false, false, false, false, false, false, false, true},  // ACCESS SHARE
    {false, false, false, false, false, false, true, true},   // ROW SHARE
    {false, false, false, false, true, true, true, true},     // ROW EXCLUSIVE
    {false, false, false, true, true, true, true, true},      // SHARE UPDATE EXCLUSIVE
    {false, false, true, true, false, true, true, true},      // SHARE
    {false, false, true, true, true, true, true, true},       // SHARE ROW EXCLUSIVE
    {false, true, true, true, true, true, true, true},        // EXCLUSIVE
    {true, true, true, true, true, true, true, true},         // ACCESS EXCLUSIVE
}};

constexpr std::size_t kRowExclusive = 2;

std::optional<std::size_t> mode_index(std::string_view level) {
  for (std::size_t i = 0; i < kModes.size(); ++i) {
    if (kModes[i].level == level) return i;
  }
  return std::nullopt;
}

}  // namespace

bool stronger_than_row_exclusive(std::string_view level) {
  auto i = mode_index(level);
  return i && *i > kRowExclusive;
}

std::vector<std::string> conflicting_pg_modes(std::string_view level) {
  std::vector<std::string> out;
  auto i = mode_index(level);
  if (!i) return out;
  for (std::size_t j = 0; j < kModes.size(); ++j) {
    if (kConflicts[*i][j]) out.emplace_back(kModes[j].pg_name);
  }
  return out;
}

}  // namespace migrac::db

#pragma once
// The migration every fuzzed file comes after (`0001_root.mig`): the enum,
// tables and index that the golden inputs' migrations build on, so that a
// fuzzed migration has something to change.

namespace migrac::fuzz {

extern const char* const kRootMigration;
inline constexpr const char* kRootId = "0001_root";

}  // namespace migrac::fuzz

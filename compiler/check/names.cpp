// Deterministic default names of constraints and indexes (docs/language.md):
// <prefix>_<table>[_<part>...], shortened past the length limit to a prefix
// plus '_' and 8 hex digits of the FNV-1a 64 hash of the full name, so the
// same definition gets the same name on every platform and every run.
#include <fmt/format.h>

#include <cstdint>

#include "compiler/check/check.h"

namespace migrac {

namespace {

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

std::string default_name(const std::string& prefix, const std::string& table,
                         const std::vector<std::string>& parts, std::size_t max_length) {
  std::string name = prefix + "_" + table;
  for (const std::string& p : parts) name += "_" + p;
  if (name.size() <= max_length) return name;
  std::string suffix = fmt::format("_{:08x}", fnv1a64(name) >> 32);
  if (max_length <= suffix.size()) return suffix.substr(suffix.size() - max_length);
  std::size_t keep = max_length - suffix.size();
  // Never cut a UTF-8 sequence (quoted names may hold any text), nor end on '_'.
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  while (keep > 0 && name[keep - 1] == '_') --keep;
  return name.substr(0, keep) + suffix;
}

}  // namespace migrac

// The schema comparison (tables only, for now).

#include "compiler/model/compare.h"

#include <fmt/format.h>

namespace migrac::model {

std::vector<Difference> compare(const Schema& expected, const Schema& actual,
                                const Normalizer& normalizer) {
  (void)normalizer;
  std::vector<Difference> out;
  for (const auto& [name, t] : expected.tables) {
    if (!actual.table(name)) out.push_back({DiffKind::Missing, "table", name, {}, {}, {}});
  }
  for (const auto& [name, t] : actual.tables) {
    if (!expected.table(name)) out.push_back({DiffKind::Unexpected, "table", name, {}, {}, {}});
  }
  return out;
}

std::string describe(const Difference& d) {
  switch (d.kind) {
    case DiffKind::Missing:
      return fmt::format("the database lacks {} '{}'", d.object_kind, d.object);
    case DiffKind::Unexpected:
      return fmt::format("the database has {} '{}' that the model does not", d.object_kind,
                         d.object);
    case DiffKind::Changed: break;
  }
  return fmt::format("{} '{}' has {} '{}' in the database, '{}' in the model", d.object_kind,
                     d.object, d.property, d.actual, d.expected);
}

}  // namespace migrac::model

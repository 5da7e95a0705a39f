#pragma once
// The one Emitter implementation: a dialect is its parts (name, capabilities
// and the functions that write its statements), given by its emitter.cpp.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"

namespace migrac {

// What a dialect folder supplies to make its Emitter.
struct DialectParts {
  Dialect dialect = Dialect::Postgres;
  Capabilities capabilities;
  // The statements of one change (see Emitter::emit).
  std::vector<EmittedStatement> (*statements)(const model::Change& change,
                                              Diagnostics& diags) = nullptr;
  std::string (*quote)(std::string_view identifier) = nullptr;
  // Optional (see Emitter::invalid_index_condition).
  std::string (*invalid_index_condition)(std::string_view index) = nullptr;
};

// An Emitter from a dialect's parts.
std::unique_ptr<Emitter> make_emitter_from(const DialectParts& parts);

}  // namespace migrac

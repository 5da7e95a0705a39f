#include "compiler/dialect/basic_emitter.h"

#include "compiler/dialect/type_support.h"

namespace migrac {

namespace {

// The Emitter of one dialect's parts.
class BasicEmitter final : public Emitter {
 public:
  explicit BasicEmitter(const DialectParts& parts) : parts_(parts) {}

  Dialect dialect() const override { return parts_.dialect; }
  const Capabilities& capabilities() const override { return parts_.capabilities; }

  std::vector<EmittedStatement> emit(const model::Change& change,
                                     Diagnostics& diags) const override {
    if (!types_supported(change, parts_.capabilities, parts_.dialect, diags)) return {};
    return parts_.statements(change, diags);
  }

  std::string quote(std::string_view identifier) const override { return parts_.quote(identifier); }

  std::string invalid_index_condition(std::string_view index) const override {
    return parts_.invalid_index_condition ? parts_.invalid_index_condition(index) : std::string();
  }

 private:
  DialectParts parts_;
};

}  // namespace

std::unique_ptr<Emitter> make_emitter_from(const DialectParts& parts) {
  return std::make_unique<BasicEmitter>(parts);
}

}  // namespace migrac

#pragma once
// The lint rule registry: every rule has a stable code and default severity
// (from codes_lint.def), a name users write in suppressions (`drop-column`),
// a rationale and a safe alternative. docs/lint-rules.md is generated from it.
// Each rule family (rules_*.cpp) contributes its own entries.

#include <string_view>
#include <vector>

#include "compiler/diag/diag.h"

namespace migrac::lint {

// Which sources a rule reads.
enum class RuleScope {
  Both,         // .mig operations (via the schema model) and raw SQL statements
  Mig,          // .mig operations only
  RawSql,       // raw SQL statements only (.up.sql and .down.sql files, .mig `sql` bodies)
  History,      // the revision graph and the base branch
  Suppression,  // the suppression comments themselves
};

// One rule as documented.
struct Rule {
  DiagKind kind;            // code and default severity come from the registry
  std::string_view name;    // kebab-case, used in `-- migrac:allow <name> <reason>`
  std::string_view family;  // the rules_<family>.cpp it lives in, for the docs
  RuleScope scope = RuleScope::Both;
  std::string_view rationale;    // why it is dangerous
  std::string_view alternative;  // what to write instead
  std::string_view squawk;       // squawk rule names it corresponds to (comma separated)
  bool suppressible = true;
};

// Every rule, ordered by code.
const std::vector<Rule>& all_rules();
// The rule of a kind, or nullptr if the kind is not a lint rule.
const Rule* rule_for(DiagKind kind);
// A rule by its name or code (`drop-column` or `W0602`), or nullptr.
const Rule* find_rule(std::string_view name_or_code);
std::string_view scope_name(RuleScope scope);

// Each family's entries (defined in its rules_<family>.cpp).
void register_data_loss_rules(std::vector<Rule>& out);
void register_rename_rules(std::vector<Rule>& out);
void register_column_rules(std::vector<Rule>& out);
void register_locking_rules(std::vector<Rule>& out);
void register_reversibility_rules(std::vector<Rule>& out);
void register_type_rules(std::vector<Rule>& out);
void register_syntax_rules(std::vector<Rule>& out);
void register_history_rules(std::vector<Rule>& out);
void register_suppression_rules(std::vector<Rule>& out);

}  // namespace migrac::lint

#include <algorithm>

#include "compiler/lint/rule.h"

namespace migrac::lint {

void register_syntax_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintRawSyntax, "raw-sql-syntax", "syntax", RuleScope::Mig,
                 "The PostgreSQL body of a `sql` operation that PostgreSQL cannot parse fails when "
                 "the migration runs. The message is PostgreSQL's own, pointed at the position in "
                 "the .mig file. (Raw `.up.sql` files get the same check from the compiler, "
                 "E0217.)",
                 "Fix the statement; `migrac sql` shows it as it will run.", "syntax-error",
                 false});
}

namespace {

std::vector<Rule> build() {
  std::vector<Rule> rules;
  register_data_loss_rules(rules);
  register_rename_rules(rules);
  register_column_rules(rules);
  register_locking_rules(rules);
  register_reversibility_rules(rules);
  register_type_rules(rules);
  register_syntax_rules(rules);
  register_history_rules(rules);
  register_suppression_rules(rules);
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    return diag_info(a.kind).code < diag_info(b.kind).code;
  });
  return rules;
}

}  // namespace

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = build();
  return rules;
}

const Rule* rule_for(DiagKind kind) {
  for (const Rule& r : all_rules()) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

const Rule* find_rule(std::string_view name_or_code) {
  for (const Rule& r : all_rules()) {
    if (r.name == name_or_code || diag_info(r.kind).code == name_or_code) return &r;
  }
  return nullptr;
}

std::string_view scope_name(RuleScope scope) {
  switch (scope) {
    case RuleScope::Both: return ".mig and raw SQL";
    case RuleScope::Mig: return ".mig";
    case RuleScope::RawSql: return "raw SQL";
    case RuleScope::History: return "history";
    case RuleScope::Suppression: return "suppression comments";
  }
  return "";
}

}  // namespace migrac::lint

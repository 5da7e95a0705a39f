// The phrases of syntax errors: a walk over the parser's ATN from the state
// where the error happened, naming rules ("a column type") and tokens ("';'").

#include "compiler/syntax/expectations.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "compiler/syntax/builder.h"

namespace migrac::syntax {

namespace {

constexpr std::string_view kOperation = "an operation such as 'create table' or 'add column'";
constexpr std::string_view kOperator = "an operator";

// How a rule is named when the parser expects it; empty: look inside the rule.
struct RulePhrase {
  std::string_view phrase;
  bool hidden = false;         // a mistake rule: never offered as an alternative
  bool keyword_hints = false;  // offer its first keywords for "did you mean"
};

std::vector<RulePhrase> build_rule_phrases() {
  std::vector<RulePhrase> t(P::RuleNonReservedKeyword + 1);
  auto set = [&](std::size_t rule, std::string_view phrase, bool hints = false) {
    t[rule] = RulePhrase{phrase, false, hints};
  };
  set(P::RuleStatement, kOperation, true);
  set(P::RuleOperation, kOperation, true);
  set(P::RuleMigrationId, "a migration id");
  set(P::RuleSettingName, "a setting name");
  set(P::RuleSettingValue, "a setting value");
  set(P::RuleSettingAtom, "a setting value");
  set(P::RuleTableElement, "a column definition or a table constraint", true);
  set(P::RuleColumnDef, "a column definition");
  set(P::RuleColumnClause, "a column clause such as 'not null'", true);
  set(P::RuleTableConstraint, "'primary key', 'unique', 'foreign key' or 'check'", true);
  set(P::RuleConstraintBody, "'primary key', 'unique', 'foreign key' or 'check'", true);
  set(P::RuleReferentialAction, "'on delete' or 'on update'", true);
  set(P::RuleActionKind, "'cascade', 'set null', 'set default', 'restrict' or 'no action'", true);
  set(P::RuleTypeRef, "a column type");
  set(P::RuleTypeName, "a column type");
  for (std::size_t r : {P::RuleExpr, P::RulePredicate, P::RuleValue, P::RulePrimary}) {
    set(r, "an expression", true);
  }
  set(P::RuleCompOp, kOperator);
  set(P::RuleTableName, "a table name");
  set(P::RuleColumnName, "a column name");
  set(P::RuleQualifiedColumn, "'table.column'");
  set(P::RuleIndexName, "an index name");
  set(P::RuleConstraintName, "a constraint name");
  set(P::RuleEnumName, "an enum name");
  set(P::RuleFunctionName, "a function name");
  set(P::RuleIdentifier, "a name");
  set(P::RuleNonReservedKeyword, "a name");
  set(P::RuleSqlBody, "a dollar-quoted body ($$ ... $$)");
  set(P::RuleIndexElement, "a column or an expression", true);
  set(P::RuleAssignment, "'column = value'");
  for (std::size_t r :
       {P::RuleMistakeIfExists, P::RuleMistakeIfNotExists, P::RuleMistakeConcurrently,
        P::RuleMistakeCreateTypeEnum, P::RuleMistakeAlterTable, P::RuleMistakeAlterAction,
        P::RuleMistakeAddColumnWithoutTable, P::RuleMistakeSqlString, P::RuleMistakeCast,
        P::RuleTypeNameWord, P::RuleTimeZone, P::RuleArraySuffix}) {
    t[r].hidden = true;
  }
  return t;
}

const std::vector<RulePhrase>& rule_phrases() {
  static const std::vector<RulePhrase> table = build_rule_phrases();
  return table;
}

bool is_keyword(std::size_t type) { return type >= P::K_AFTER && type <= P::K_ZONE; }

// Tokens that continue an expression: listed together as "an operator".
bool is_operator(std::size_t type) {
  switch (type) {
    case P::CONCAT:
    case P::PLUS:
    case P::MINUS:
    case P::STAR:
    case P::SLASH:
    case P::PERCENT:
    case P::K_AND:
    case P::K_OR:
    case P::K_IS:
    case P::K_LIKE:
    case P::K_IN:
    case P::K_BETWEEN:
    case P::EQ:
    case P::NEQ:
    case P::LT:
    case P::LE:
    case P::GT:
    case P::GE: return true;
    default: return false;
  }
}

// The walk over the ATN from one state.
class Walk {
 public:
  explicit Walk(const antlr4::Parser& parser) : atn_(parser.getATN()) {}

  void from(antlr4::atn::ATNState* s, antlr4::RuleContext* ctx) {
    std::vector<antlr4::atn::ATNState*> follow;
    visit(s, follow, ctx);
  }

  std::vector<std::string> rule_phrases_found;  // in order
  std::vector<std::size_t> tokens;              // in order, unique
  std::vector<std::size_t> hint_rules;

 private:
  void add_token(std::size_t t) {
    if (std::find(tokens.begin(), tokens.end(), t) == tokens.end()) tokens.push_back(t);
  }
  void add_phrase(std::size_t rule, std::string_view p) {
    std::string s(p);
    if (std::find(rule_phrases_found.begin(), rule_phrases_found.end(), s) ==
        rule_phrases_found.end()) {
      rule_phrases_found.push_back(s);
    }
    if (rule_phrases()[rule].keyword_hints) hint_rules.push_back(rule);
  }

  void visit(antlr4::atn::ATNState* s, std::vector<antlr4::atn::ATNState*>& follow,
             antlr4::RuleContext* ctx) {
    auto key = std::make_tuple(s->stateNumber, follow.size(), ctx);
    if (!seen_.insert(key).second || seen_.size() > 20000) return;
    if (s->getStateType() == antlr4::atn::ATNState::RULE_STOP) {
      if (!follow.empty()) {
        antlr4::atn::ATNState* next = follow.back();
        follow.pop_back();
        visit(next, follow, ctx);
        follow.push_back(next);
        return;
      }
      if (ctx != nullptr && ctx->parent != nullptr &&
          ctx->invokingState != antlr4::atn::ATNState::INVALID_STATE_NUMBER) {
        auto* rt = static_cast<antlr4::atn::RuleTransition*>(
            atn_.states[ctx->invokingState]->transitions[0]);
        visit(rt->followState, follow, static_cast<antlr4::RuleContext*>(ctx->parent));
        return;
      }
      add_token(antlr4::Token::EOF);
      return;
    }
    for (antlr4::atn::Transition* t : s->transitions) {
      switch (t->getSerializationType()) {
        case antlr4::atn::Transition::RULE: {
          auto* rt = static_cast<antlr4::atn::RuleTransition*>(t);
          const RulePhrase& rp = rule_phrases()[rt->ruleIndex];
          if (rp.hidden) break;
          if (!rp.phrase.empty()) {
            add_phrase(rt->ruleIndex, rp.phrase);
            break;
          }
          follow.push_back(rt->followState);
          visit(rt->target, follow, ctx);
          follow.pop_back();
          break;
        }
        case antlr4::atn::Transition::ATOM:
        case antlr4::atn::Transition::RANGE:
        case antlr4::atn::Transition::SET:
          for (ssize_t tok : t->label().toList()) add_token(static_cast<std::size_t>(tok));
          break;
        case antlr4::atn::Transition::NOT_SET:
        case antlr4::atn::Transition::WILDCARD: break;
        default:  // epsilon, action, predicate
          visit(t->target, follow, ctx);
          break;
      }
    }
  }

  const antlr4::atn::ATN& atn_;
  std::set<std::tuple<std::size_t, std::size_t, antlr4::RuleContext*>> seen_;
};

// How a token is offered: "';'", "'create'", "a name".
std::string token_phrase(const antlr4::Parser& parser, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case P::IDENT:
    case P::QUOTED_IDENT: return "a name";
    case P::NUMBER: return "a number";
    case P::STRING: return "a string";
    case P::DOLLAR_STRING: return "a dollar-quoted body ($$ ... $$)";
    case P::DURATION: return "a duration";
    case P::DIGIT_IDENT: return "a migration id";
    case P::NEQ: return "'<>'";
    default: break;
  }
  const antlr4::dfa::Vocabulary& v = parser.getVocabulary();
  if (is_keyword(type)) return "'" + lower(v.getSymbolicName(type).substr(2)) + "'";
  std::string literal = v.getLiteralName(type);
  if (!literal.empty()) return literal;
  return lower(v.getSymbolicName(type));
}

}  // namespace

std::string describe_token(std::string_view text, std::size_t type) {
  if (type == antlr4::Token::EOF) return "end of file";
  if (type == P::DOLLAR_STRING) return "the dollar-quoted body";
  return quote_for_message(text);
}

Expected expected_at(const antlr4::Parser& parser, std::size_t state, antlr4::RuleContext* ctx) {
  Expected out;
  const antlr4::atn::ATN& atn = parser.getATN();
  if (state >= atn.states.size()) return out;
  Walk walk(parser);
  walk.from(atn.states[state], ctx);

  std::size_t operators = 0;
  for (std::size_t t : walk.tokens) operators += is_operator(t) ? 1 : 0;
  bool has_operator_phrase = std::find(walk.rule_phrases_found.begin(),
                                       walk.rule_phrases_found.end(),
                                       std::string(kOperator)) != walk.rule_phrases_found.end();
  bool collapse_operators = operators >= 3 || has_operator_phrase;

  auto add = [&](std::string p) {
    if (std::find(out.phrases.begin(), out.phrases.end(), p) == out.phrases.end()) {
      out.phrases.push_back(std::move(p));
    }
  };
  for (const std::string& p : walk.rule_phrases_found) {
    if (p != kOperator) add(p);
  }
  bool eof = false;
  for (std::size_t t : walk.tokens) {
    if (t == antlr4::Token::EOF) {
      eof = true;
      continue;
    }
    if (t == P::SEMI) out.semicolon = true;
    if (t == P::RBRACE) out.close_brace = true;
    if (is_keyword(t))
      out.keywords.push_back(lower(parser.getVocabulary().getSymbolicName(t).substr(2)));
    if (collapse_operators && (is_operator(t) || t == P::K_NOT)) {
      add(std::string(kOperator));
      continue;
    }
    add(token_phrase(parser, t));
  }
  if (has_operator_phrase) add(std::string(kOperator));
  if (eof && out.phrases.empty()) add("end of file");
  // Keywords that may start the rules offered (for "did you mean"); a rule that
  // may start with a name offers only its reserved keywords.
  antlr4::misc::IntervalSet names = atn.nextTokens(atn.ruleToStartState[P::RuleNonReservedKeyword]);
  for (std::size_t rule : walk.hint_rules) {
    antlr4::misc::IntervalSet first = atn.nextTokens(atn.ruleToStartState[rule]);
    bool name_start = first.contains(static_cast<std::size_t>(P::IDENT));
    for (ssize_t t : first.toList()) {
      auto type = static_cast<std::size_t>(t);
      if (!is_keyword(type) || (name_start && names.contains(type))) continue;
      out.keywords.push_back(lower(parser.getVocabulary().getSymbolicName(type).substr(2)));
    }
  }
  std::sort(out.keywords.begin(), out.keywords.end());
  out.keywords.erase(std::unique(out.keywords.begin(), out.keywords.end()), out.keywords.end());
  return out;
}

bool rule_has_phrase(std::size_t rule) {
  return rule < rule_phrases().size() && !rule_phrases()[rule].hidden &&
         !rule_phrases()[rule].phrase.empty();
}

void add_rule_start(const antlr4::Parser& parser, std::size_t rule, Expected& x) {
  const antlr4::atn::ATN& atn = parser.getATN();
  std::string phrase(rule_phrases()[rule].phrase);
  if (std::find(x.phrases.begin(), x.phrases.end(), phrase) == x.phrases.end()) {
    x.phrases.insert(x.phrases.begin(), phrase);
  }
  antlr4::misc::IntervalSet names = atn.nextTokens(atn.ruleToStartState[P::RuleNonReservedKeyword]);
  for (ssize_t t : atn.nextTokens(atn.ruleToStartState[rule]).toList()) {
    auto type = static_cast<std::size_t>(t);
    if (!is_keyword(type) || names.contains(type)) continue;
    x.keywords.push_back(lower(parser.getVocabulary().getSymbolicName(type).substr(2)));
  }
}

std::string join_alternatives(const std::vector<std::string>& phrases) {
  bool nested_or = std::any_of(phrases.begin(), phrases.end(), [](const std::string& p) {
    return p.find(" or ") != std::string::npos;
  });
  std::string out;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += i + 1 == phrases.size() ? (nested_or ? ", or " : " or ") : ", ";
    out += phrases[i];
  }
  return out;
}

}  // namespace migrac::syntax

#include "compiler/plan/lower.h"

#include <fmt/format.h>

#include <cctype>
#include <string>
#include <vector>

#include "compiler/dialect/sql_functions.h"
#include "compiler/source/sql_scan.h"

namespace migrac {

namespace {

// What a change does to the object it names.
struct EffectOf {
  template <class Kind>
  ObjectEffect operator()(const Kind&) const {
    return ObjectEffect::None;
  }
  ObjectEffect operator()(const model::AddTable&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::RenameTable&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::AddColumn&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::RenameColumn&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::AddConstraint&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::AddConstraintUsingIndex&) const {
    return ObjectEffect::Creates;
  }
  ObjectEffect operator()(const model::CreateIndex&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::CreateEnum&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::AddEnumValue&) const { return ObjectEffect::Creates; }
  ObjectEffect operator()(const model::DropTable&) const { return ObjectEffect::Drops; }
  ObjectEffect operator()(const model::DropColumn&) const { return ObjectEffect::Drops; }
  ObjectEffect operator()(const model::DropConstraint&) const { return ObjectEffect::Drops; }
  ObjectEffect operator()(const model::DropIndex&) const { return ObjectEffect::Drops; }
  ObjectEffect operator()(const model::DropEnum&) const { return ObjectEffect::Drops; }
};

// What a raw statement does, from its first keyword: CREATE and ALTER create
// (or add), DROP drops. The planner knows nothing else of user SQL.
ObjectEffect raw_effect(std::string_view sql) {
  std::size_t at = source::skip_space_and_comments(sql, 0, source::kPostgresRules);
  std::string word;
  for (; at < sql.size() && std::isalpha(static_cast<unsigned char>(sql[at])); ++at) {
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[at])));
  }
  if (word == "CREATE" || word == "ALTER") return ObjectEffect::Creates;
  if (word == "DROP") return ObjectEffect::Drops;
  return ObjectEffect::None;
}

// Whether a raw statement builds an index: CREATE [UNIQUE] INDEX.
bool raw_builds_index(std::string_view sql) {
  std::size_t at = 0;
  std::vector<std::string> words;
  while (words.size() < 3) {
    at = source::skip_space_and_comments(sql, at, source::kPostgresRules);
    std::string word;
    for (; at < sql.size() && std::isalpha(static_cast<unsigned char>(sql[at])); ++at) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[at])));
    }
    if (word.empty()) break;
    words.push_back(word);
  }
  if (words.size() < 2 || words[0] != "CREATE") return false;
  return words[1] == "INDEX" || (words[1] == "UNIQUE" && words.size() > 2 && words[2] == "INDEX");
}

// True for a change that writes or deletes rows, or drops a table or an index
// that rows or references depend on (raw SQL may do anything).
bool changes_data(const model::ChangeKind& kind) {
  return std::holds_alternative<model::DropTable>(kind) ||
         std::holds_alternative<model::DropIndex>(kind) ||
         std::holds_alternative<model::Backfill>(kind) ||
         std::holds_alternative<model::RawSql>(kind);
}

}  // namespace

bool Lowering::online(const model::Change& change) const {
  return settings_.online && !change.table_is_new;
}

Lowering::Slot Lowering::slot(const model::Change& change, Place place) {
  bool in_block = change.no_transaction_block >= 0;
  bool transactional = settings_.transactional && caps_.transactional_ddl && !in_block;
  switch (place) {
    case Place::Main: {
      if (!in_block) return Slot{transactional, 0};
      auto [it, added] = block_groups_.try_emplace(change.no_transaction_block, next_group_);
      if (added) ++next_group_;
      return Slot{false, it->second};
    }
    case Place::OwnTransaction: return Slot{transactional, next_group_++};
    case Place::OwnOutside: return Slot{false, next_group_++};
  }
  return Slot{transactional, 0};
}

model::Change Lowering::derived(const model::Change& origin, model::ChangeKind kind) const {
  return model::derive_change(origin, std::move(kind));
}

std::size_t Lowering::put(const model::Change& change, Slot at, StatementRole role) {
  std::vector<EmittedStatement> emitted = emitter_.emit(change, diags_);
  // The change's effect is its statement's; a form of several statements (a
  // table rebuild) cannot be rerun statement by statement, so it has none.
  std::size_t statements = 0;
  for (const EmittedStatement& e : emitted) statements += e.placement == Placement::InPlace ? 1 : 0;
  bool raw = std::holds_alternative<model::RawSql>(change.kind);
  ObjectEffect effect = statements == 1 ? std::visit(EffectOf{}, change.kind) : ObjectEffect::None;
  bool data = changes_data(change.kind);
  std::size_t in_place = 0;
  for (EmittedStatement& e : emitted) {
    PlannedStatement s;
    s.role = e.checks_references ? StatementRole::ReferenceCheck : role;
    s.effect = raw ? raw_effect(e.sql) : effect;
    s.changes_data = data || e.changes_data;
    s.builds_index = (s.role == StatementRole::Ddl || s.role == StatementRole::Raw) &&
                     (raw ? raw_builds_index(e.sql)
                          : std::holds_alternative<model::CreateIndex>(change.kind));
    s.sql = std::move(e.sql);
    s.lock = std::move(e.lock);
    s.source = change.source;
    s.script_sql = std::move(e.script_sql);
    s.walk = std::move(e.walk);
    if (e.placement != Placement::InPlace) {
      auto& list = e.placement == Placement::BeforeMigration ? before_ : after_;
      bool seen = false;
      for (const PlannedStatement& p : list) seen = seen || p.sql == s.sql;
      if (!seen) list.push_back(std::move(s));
      continue;
    }
    steps_.push_back(Step{std::move(s), at.transactional, at.group});
    ++in_place;
  }
  return in_place;
}

std::vector<Step> Lowering::take() {
  std::vector<Step> out;
  int first = next_group_++;
  for (PlannedStatement& s : before_) out.push_back(Step{std::move(s), false, first});
  for (Step& s : steps_) out.push_back(std::move(s));
  int last = next_group_++;
  for (PlannedStatement& s : after_) out.push_back(Step{std::move(s), false, last});
  before_.clear();
  steps_.clear();
  after_.clear();
  return out;
}

void Lowering::concurrent_index(const model::Change& origin, model::Index index) {
  Slot own = slot(origin, Place::OwnOutside);
  std::string condition = emitter_.invalid_index_condition(index.name);
  if (!condition.empty()) {
    model::Change drop = derived(origin, model::DropIndex{index, true, true});
    if (put(drop, own, StatementRole::Recovery) > 0)
      steps_.back().statement.condition_sql = condition;
  }
  put(derived(origin, model::CreateIndex{std::move(index), true, true}), own);
}

void Lowering::add_constraint(const model::Change& change, const model::AddConstraint& c) {
  const model::Constraint& k = c.constraint;
  bool keyed = k.kind == ast::ConstraintKind::PrimaryKey || k.kind == ast::ConstraintKind::Unique;
  if (keyed && online(change) && caps_.concurrent_index && caps_.constraint_using_index) {
    model::Index index;
    index.name = k.name;
    index.table = c.table;
    index.unique = true;
    index.columns = k.columns;
    for (const std::string& col : k.columns) {
      index.elements.push_back(ast::Expr{ast::ExprKind::Column, col, {}, false, false, {}, {}});
    }
    concurrent_index(change, std::move(index));
    put(derived(change, model::AddConstraintUsingIndex{c.table, k, k.name}),
        slot(change, Place::Main));
    return;
  }
  if (!keyed && online(change) && caps_.not_valid_constraints) {
    put(derived(change, model::AddConstraint{c.table, k, true}), slot(change, Place::Main));
    put(derived(change, model::ValidateConstraint{c.table, k.name}),
        slot(change, Place::OwnTransaction));
    return;
  }
  put(change, slot(change, Place::Main));
}

void Lowering::set_not_null(const model::Change& change, const model::SetNotNull& c) {
  if (!online(change) || !caps_.not_valid_constraints) {
    put(change, slot(change, Place::Main));
    return;
  }
  // CHECK (c IS NOT NULL) NOT VALID, VALIDATE it under a weak lock, then SET
  // NOT NULL trusts the validated check instead of scanning, and the check goes.
  model::Constraint check;
  check.name = default_name("ck", c.table, {c.column, "not_null"}, caps_.max_identifier_length);
  check.kind = ast::ConstraintKind::Check;
  check.columns = {c.column};
  ast::Expr column{ast::ExprKind::Column, c.column, {}, false, false, {}, {}};
  check.check = ast::Expr{ast::ExprKind::IsNull, "", {column}, true, false, {}, {}};

  put(derived(change, model::AddConstraint{c.table, check, true}), slot(change, Place::Main));
  put(derived(change, model::ValidateConstraint{c.table, check.name}),
      slot(change, Place::OwnTransaction));
  Slot main = slot(change, Place::Main);
  if (put(change, main) > 0) steps_.back().statement.lock.scans = false;
  put(derived(change, model::DropConstraint{c.table, check}), main);
}

void Lowering::add_column(const model::Change& change, const model::AddColumn& c) {
  if (!online(change) || c.constraints.empty()) {
    put(change, slot(change, Place::Main));
    return;
  }
  // The column alone first, then each of its constraints in its online form.
  put(derived(change, model::AddColumn{c.table, c.column, {}}), slot(change, Place::Main));
  for (const model::Constraint& k : c.constraints) {
    model::AddConstraint add{c.table, k, false};
    add_constraint(derived(change, add), add);
  }
}

void Lowering::add(const model::Change& change) {
  if (const auto* c = std::get_if<model::CreateIndex>(&change.kind)) {
    if (online(change) && caps_.concurrent_index) {
      concurrent_index(change, c->index);
      return;
    }
  } else if (const auto* d = std::get_if<model::DropIndex>(&change.kind)) {
    if (online(change) && caps_.concurrent_index) {
      put(derived(change, model::DropIndex{d->index, true, true}), slot(change, Place::OwnOutside));
      return;
    }
  } else if (const auto* k = std::get_if<model::AddConstraint>(&change.kind)) {
    add_constraint(change, *k);
    return;
  } else if (const auto* n = std::get_if<model::SetNotNull>(&change.kind)) {
    set_not_null(change, *n);
    return;
  } else if (const auto* a = std::get_if<model::AddColumn>(&change.kind)) {
    add_column(change, *a);
    return;
  } else if (std::holds_alternative<model::AddEnumValue>(change.kind)) {
    // Its own transaction, committed before later statements may use the value.
    put(change, slot(change, caps_.enum_add_value_in_transaction ? Place::OwnTransaction
                                                                 : Place::OwnOutside));
    return;
  } else if (const auto* backfill = std::get_if<model::Backfill>(&change.kind)) {
    if (backfill_varies(*backfill) && !backfill->where) {
      diags_.report(DiagKind::BackfillNeedsWhere, change.source,
                    fmt::format("backfill of table '{}' sets a value that changes between batches "
                                "and has no 'where' to tell which rows are done",
                                backfill->table),
                    "add a 'where' that no longer matches a row once it is updated "
                    "(for example 'where col is null')");
      return;
    }
    put(change, slot(change, Place::OwnOutside), StatementRole::Backfill);
    return;
  } else if (std::holds_alternative<model::RawSql>(change.kind)) {
    put(change, slot(change, Place::Main), StatementRole::Raw);
    return;
  }
  put(change, slot(change, Place::Main));
}

void Lowering::add_raw(const ast::RawStatement& raw, bool transactional) {
  std::string_view text = raw.text;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && (blank(text.back()) || text.back() == ';')) text.remove_suffix(1);
  if (text.empty()) return;
  bool autocommit = !(transactional && caps_.transactional_ddl);
  if (autocommit) {
    if (auto recovery = raw_index_recovery(raw, emitter_))
      steps_.push_back(Step{std::move(*recovery), false, 0});
  }
  PlannedStatement s;
  s.sql = std::string(text);
  s.role = StatementRole::Raw;
  s.effect = raw_effect(s.sql);
  s.changes_data = true;
  s.source = raw.range;
  steps_.push_back(Step{std::move(s), transactional && caps_.transactional_ddl, 0});
}

}  // namespace migrac

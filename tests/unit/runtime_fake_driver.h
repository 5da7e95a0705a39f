#pragma once
// A scripted Driver for the runtime's unit tests: records every statement it
// is given and answers from rules (an error for a statement matching a text,
// rows for a query, affected counts for a backfill).

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "runtime/db/driver.h"

namespace migrac::test {

// One scripted answer: statements containing `match` get it, `times` times
// (-1: always).
struct Rule {
  std::string match;
  int times = -1;
  std::optional<db::DbError> error;
  std::vector<db::Row> rows;
  std::deque<std::int64_t> affected;  // consumed one per call, then 0
};

// Records statements (transaction control as BEGIN, COMMIT, ROLLBACK); a
// transaction sent at once is recorded one statement per entry with a
// "batch: " prefix on its BEGIN. It speaks PostgreSQL (its history statements).
class FakeDriver final : public db::Driver {
 public:
  std::vector<std::string> log;
  // Per log entry: the role the statement was run with; nullopt for exec()
  // and transaction control.
  std::vector<std::optional<StatementRole>> roles;
  std::vector<Rule> rules;
  bool lock_free = true;

  std::string_view engine() const override { return "fake"; }
  Dialect dialect() const override { return Dialect::Postgres; }
  std::string describe() const override { return "fake database"; }

  db::Result exec(std::string_view sql, const db::Params& params) override {
    (void)params;
    return record(std::string(sql), std::nullopt);
  }
  db::Result run(const db::Statement& st) override {
    run_params.push_back(st.params ? *st.params : db::Params{});
    return record(std::string(st.sql), st.role);
  }
  // The parameters of each run(), in order.
  std::vector<db::Params> run_params;
  db::Result begin() override { return record("BEGIN", std::nullopt); }
  db::Result commit() override { return record("COMMIT", std::nullopt); }
  db::Result rollback() override { return record("ROLLBACK", std::nullopt); }

  db::Result run_transaction(const std::vector<db::Statement>& statements,
                             db::TransactionStop& stop) override {
    stop = db::TransactionStop{statements.size(), false};
    if (db::Result r = record("batch: BEGIN", std::nullopt); !r.ok()) return r;
    for (std::size_t i = 0; i < statements.size(); ++i) {
      db::Result r = run(statements[i]);
      if (!r.ok()) {
        stop = db::TransactionStop{i, true};
        return r;
      }
    }
    return commit();
  }

  // The role of the first statement logged as `sql`; nullopt when none has it.
  std::optional<StatementRole> role_of(const std::string& sql) const {
    for (std::size_t i = 0; i < log.size(); ++i) {
      if (log[i] == sql) return roles[i];
    }
    return std::nullopt;
  }

  db::Result try_run_lock(std::int64_t key, bool& taken) override {
    log.push_back("try_run_lock " + std::to_string(key));
    roles.emplace_back();
    taken = lock_free;
    return {};
  }
  void release_run_lock(std::int64_t key) override {
    log.push_back("release_run_lock " + std::to_string(key));
    roles.emplace_back();
  }
  db::LockHolder run_lock_holder(std::int64_t) override { return {true, "pid 42"}; }

  // Answers of lock_blockers, one per call; when none is left, `blocked`
  // (none by default). Each call is logged as "lock_blockers" and its
  // question kept in `blocker_questions`.
  std::deque<std::vector<db::LockBlocker>> blocker_answers;
  std::vector<db::LockBlocker> blocked;
  std::vector<std::vector<db::TableLock>> blocker_questions;
  db::Result lock_blockers(const std::vector<db::TableLock>& locks,
                           std::vector<db::LockBlocker>& out) override {
    log.push_back("lock_blockers");
    roles.emplace_back();
    blocker_questions.push_back(locks);
    if (blocker_answers.empty()) {
      out = blocked;
    } else {
      out = blocker_answers.front();
      blocker_answers.pop_front();
    }
    return {};
  }

  // The error for statements containing `match`, `times` times.
  void fail_on(const std::string& match, db::ErrorKind kind, std::string message, int times = -1) {
    Rule r;
    r.match = match;
    r.times = times;
    r.error = db::DbError{kind, "XX000", std::move(message), "", ""};
    rules.push_back(std::move(r));
  }
  // One row, one column, for queries containing `match`.
  void answer_with(const std::string& match, std::string value) {
    Rule r;
    r.match = match;
    r.rows = {db::Row{std::move(value)}};
    rules.push_back(std::move(r));
  }
  void affect(const std::string& match, std::deque<std::int64_t> counts) {
    Rule r;
    r.match = match;
    r.affected = std::move(counts);
    rules.push_back(std::move(r));
  }

  // The log entries that contain `text`.
  std::size_t count(const std::string& text) const {
    std::size_t n = 0;
    for (const std::string& s : log) n += s.find(text) != std::string::npos ? 1 : 0;
    return n;
  }

 private:
  db::Result record(std::string sql, std::optional<StatementRole> role) {
    log.push_back(sql);
    roles.push_back(role);
    return answer(sql);
  }

  db::Result answer(const std::string& sql) {
    db::Result r;
    for (Rule& rule : rules) {
      if (rule.times == 0 || sql.find(rule.match) == std::string::npos) continue;
      if (rule.times > 0) --rule.times;
      r.error = rule.error;
      r.rows = rule.rows;
      if (!rule.affected.empty()) {
        r.affected = rule.affected.front();
        rule.affected.pop_front();
      }
      return r;
    }
    return r;
  }
};

}  // namespace migrac::test

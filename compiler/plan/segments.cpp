#include "compiler/plan/segments.h"

#include <cctype>

#include <fmt/format.h>

#include "compiler/source/sql_scan.h"

namespace migrac {

std::string format_duration(std::int64_t ms) {
  if (ms != 0 && ms % 3600000 == 0) return fmt::format("{}h", ms / 3600000);
  if (ms != 0 && ms % 60000 == 0) return fmt::format("{}min", ms / 60000);
  if (ms != 0 && ms % 1000 == 0) return fmt::format("{}s", ms / 1000);
  return fmt::format("{}ms", ms);
}

namespace {

// True when a statement can wait on a lock held by someone else.
bool may_wait(const PlannedStatement& s) {
  return s.lock.takes_lock() || s.role == StatementRole::Raw;
}

// True for user SQL that only changes rows (INSERT, UPDATE, DELETE, REPLACE),
// by its first keyword.
bool is_dml(const PlannedStatement& s) {
  if (s.role != StatementRole::Raw) return false;
  std::size_t at = source::skip_space_and_comments(s.sql, 0);
  std::string word;
  for (; at < s.sql.size() && std::isalpha(static_cast<unsigned char>(s.sql[at])); ++at) {
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(s.sql[at])));
  }
  return word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "REPLACE";
}

// The SQL of one setting as a dialect writes it. A history sets the same
// few timeouts in nearly every migration: each thread keeps what it emitted
// (a dialect writes a setting the same way whichever emitter does it).
struct EmittedSetting {
  Dialect dialect;
  std::string name;
  std::string value;
  bool local;
  std::vector<std::string> sql;
};
constexpr std::size_t kSettingsKept = 16;

// Emits one setting statement: SET LOCAL in a transaction, else for the session.
void setting(std::vector<PlannedStatement>& out, const std::string& name, std::string value,
             bool local, const Emitter& emitter, Diagnostics& diags) {
  auto append = [&out](const std::vector<std::string>& statements) {
    for (const std::string& sql : statements) {
      PlannedStatement& s = out.emplace_back();
      s.sql = sql;
      s.role = StatementRole::Setting;
    }
  };
  thread_local std::vector<EmittedSetting> kept;
  const Dialect dialect = emitter.dialect();
  for (const EmittedSetting& k : kept) {
    if (k.dialect == dialect && k.local == local && k.name == name && k.value == value)
      return append(k.sql);
  }
  std::size_t reported = diags.all().size();
  EmittedSetting made{dialect, name, value, local, {}};
  model::Change change{model::SetLocal{name, std::move(value), local}, {}, -1, false, {}};
  for (EmittedStatement& e : emitter.emit(change, diags)) made.sql.push_back(std::move(e.sql));
  append(made.sql);
  // Kept only when emitting it said nothing (a message is for each use).
  if (diags.all().size() == reported && kept.size() < kSettingsKept)
    kept.push_back(std::move(made));
}

// Adds the timeouts to a segment that may wait on a lock. Outside a
// transaction SET LOCAL does nothing, so the session is set before the
// statements and reset after them. A backfill gets no statement_timeout: in a
// script its batches run in one DO statement, which the timeout would cut short.
void add_timeouts(Segment& segment, const MigrationSettings& settings, const Emitter& emitter,
                  Diagnostics& diags) {
  // Without transactional DDL (MySQL) a setting is for the session, also in a transaction.
  bool local = segment.transactional && emitter.capabilities().transactional_ddl;
  bool backfill = false;
  for (const PlannedStatement& s : segment.statements) {
    backfill = backfill || s.role == StatementRole::Backfill;
  }
  std::vector<PlannedStatement> head;
  std::vector<PlannedStatement> tail;
  setting(head, "lock_timeout", format_duration(settings.lock_timeout_ms), local, emitter, diags);
  if (!local) setting(tail, "lock_timeout", "", false, emitter, diags);
  if (settings.statement_timeout_ms > 0 && !backfill) {
    setting(head, "statement_timeout", format_duration(settings.statement_timeout_ms), local,
            emitter, diags);
    if (!local) setting(tail, "statement_timeout", "", false, emitter, diags);
  }
  segment.statements.insert(segment.statements.begin(), std::make_move_iterator(head.begin()),
                            std::make_move_iterator(head.end()));
  segment.statements.insert(segment.statements.end(), std::make_move_iterator(tail.begin()),
                            std::make_move_iterator(tail.end()));
}

}  // namespace

std::vector<Segment> build_segments(std::vector<Step> steps, const MigrationSettings& settings,
                                    const Emitter& emitter, Diagnostics& diags) {
  // Without transactional DDL every statement commits on its own, so each
  // statement outside a transaction is a segment of its own (a setting goes
  // with the statement after it): the history table then records each one
  // as done, and a rerun never repeats a statement that committed and was
  // recorded. Row changes of the main flow run in a transaction with their
  // history update.
  bool per_statement = !emitter.capabilities().transactional_ddl;
  std::vector<Segment> segments;
  int group = -1;
  bool segment_has_statement = false;  // a statement other than a setting
  for (Step& step : steps) {
    if (per_statement && settings.transactional && step.group == 0 && is_dml(step.statement)) {
      step.transactional = true;
    }
    bool setting = step.statement.role == StatementRole::Setting;
    bool fresh = segments.empty() || segments.back().transactional != step.transactional ||
                 group != step.group ||
                 (per_statement && !step.transactional && segment_has_statement);
    if (fresh) {
      segments.push_back(Segment{step.transactional, {}});
      segment_has_statement = false;
    }
    group = step.group;
    segment_has_statement = segment_has_statement || !setting;
    segments.back().statements.push_back(std::move(step.statement));
  }
  if (!emitter.capabilities().lock_timeout) return segments;
  for (Segment& segment : segments) {
    bool waits = false;
    for (const PlannedStatement& s : segment.statements) waits = waits || may_wait(s);
    if (waits) add_timeouts(segment, settings, emitter, diags);
  }
  return segments;
}

}  // namespace migrac

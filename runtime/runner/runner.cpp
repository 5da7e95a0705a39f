#include "runtime/runner/runner.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "runtime/db/lock_conflicts.h"
#include "runtime/runner/index_watch.h"
#include "runtime/runner/kill_points.h"

namespace migrac::runner {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t ms_since(Clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
}

// The first words of a statement, on one line, for kill-point labels.
std::string sql_head(const std::string& sql) {
  std::string out;
  for (char ch : sql) {
    if (out.size() >= 48) break;
    char c = (ch == '\n' || ch == '\t' || ch == '\r') ? ' ' : ch;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return out;
}

// A statement of a resumed non-transactional segment that fails because its
// work is already there was done by the interrupted run (a concurrent index
// built, then the process killed before the segment was recorded).
bool done_by_interrupted_run(const db::DbError& e, const PlannedStatement& st) {
  if (st.role != StatementRole::Ddl && st.role != StatementRole::Raw) return false;
  if (e.kind == db::ErrorKind::AlreadyExists) return st.effect == ObjectEffect::Creates;
  if (e.kind == db::ErrorKind::Missing) return st.effect == ObjectEffect::Drops;
  return false;
}

// The locks stronger than ROW EXCLUSIVE that `st` takes, added to `out` once each.
void add_strong_locks(const PlannedStatement& st, std::vector<db::TableLock>& out) {
  auto add = [&out](const std::string& level, const std::string& table) {
    if (table.empty() || !db::stronger_than_row_exclusive(level)) return;
    for (const db::TableLock& l : out) {
      if (l.level == level && l.table == table) return;
    }
    out.push_back(db::TableLock{level, table});
  };
  add(st.lock.level, st.lock.table);
  for (const ObjectLock& o : st.lock.others) add(o.level, o.object);
}

std::vector<db::TableLock> strong_locks(const Segment& seg) {
  std::vector<db::TableLock> out;
  for (const PlannedStatement& st : seg.statements) add_strong_locks(st, out);
  return out;
}

// The first statement of a segment that takes a strong lock, for the failure report.
const PlannedStatement* first_locking(const Segment& seg) {
  for (const PlannedStatement& st : seg.statements) {
    std::vector<db::TableLock> l;
    add_strong_locks(st, l);
    if (!l.empty()) return &st;
  }
  return nullptr;
}

std::string duration_words(std::int64_t ms) {
  if (ms < 1000) return fmt::format("{} ms", ms);
  return fmt::format("{:.2f} s", static_cast<double>(ms) / 1000.0);
}

}  // namespace

// The migration, direction and segment being run.
struct Runner::Context {
  const MigrationPlan* plan = nullptr;
  const history::Row* row = nullptr;
  bool down = false;
  HistoryRowKey key;
  int segment = 0;  // 1-based
  int segments = 0;
  bool resumed = false;  // this segment may have run in part in an interrupted run
  bool transactional = true;

  void point(std::string_view what) const {
    if (!kill_points_enabled()) return;
    kill_point(fmt::format("{} {} seg {}/{} {}: {}", plan->id, down ? "down" : "up", segment,
                           segments, transactional ? "tx" : "autocommit", what));
  }
  // The history statement that records segment `segment` as done;
  // `duration_sql` is an SQL expression of its milliseconds.
  std::string done_sql(const HistorySql& h, const std::string& duration_sql) const {
    if (!down) return h.up_done(key, segment, duration_sql);
    if (segment >= segments) return h.remove(plan->id);
    return h.down_done(plan->id, segment, duration_sql);
  }
};

bool is_retryable(const db::DbError& error) {
  return error.kind == db::ErrorKind::LockTimeout || error.kind == db::ErrorKind::Deadlock;
}

Runner::Runner(db::Driver& db, HistoryTable table, const SourceSet& sources, Progress& progress,
               RunOptions options)
    : db_(db),
      history_(make_history_sql(db.dialect(), table)),
      sources_(sources),
      progress_(progress),
      options_(options) {}

bool Runner::upgrade(const std::vector<Step>& steps) {
  for (const Step& s : steps) {
    if (!run_migration(s, false)) return false;
  }
  return true;
}

bool Runner::downgrade(const std::vector<Step>& steps) {
  for (const Step& s : steps) {
    if (!run_migration(s, true)) return false;
  }
  return true;
}

std::int64_t Runner::backoff(int attempt) const {
  std::int64_t wait = options_.backoff_ms;
  for (int i = 1; i < attempt && wait < options_.max_backoff_ms; ++i) wait *= 2;
  return std::min(wait, options_.max_backoff_ms);
}

std::optional<db::DbError> Runner::run_plain(const std::string& sql, StatementRole role) {
  return db_.run(db::Statement{sql, role, false}).error;
}

bool Runner::run_migration(const Step& step, bool down) {
  const MigrationPlan& plan = *step.plan;
  Context c;
  c.plan = &plan;
  c.row = step.row;
  c.down = down;
  c.key = HistoryRowKey{plan.id, plan.checksum, plan.parents, static_cast<int>(plan.up.size()),
                        "run"};
  const std::vector<Segment>& segs = down ? plan.down : plan.up;
  c.segments = static_cast<int>(segs.size());
  int start = 0;
  if (step.row) start = down ? step.row->down_done : step.row->segments_done;
  progress_.migration_begin(plan.id, down, start, c.segments);
  auto t0 = Clock::now();

  if (segs.empty()) {
    // A merge migration, or an empty down block: only the bookkeeping.
    c.transactional = true;
    c.point("before history");
    std::string sql = down ? history_->remove(plan.id) : history_->up_done(c.key, 0, "0");
    if (auto err = run_plain(sql, StatementRole::History))
      return fail(c, nullptr, *err, "nothing was recorded");
    c.point("after history");
  }
  for (int k = start + 1; k <= c.segments; ++k) {
    const Segment& seg = segs[static_cast<std::size_t>(k - 1)];
    c.segment = k;
    c.transactional = seg.transactional;
    c.resumed = k == start + 1 && step.row && step.row->segment_started == k &&
                (down ? step.row->partly_reverted() : step.row->partly_applied());
    bool ok = seg.transactional ? run_transactional(c, seg) : run_autocommit(c, seg);
    if (!ok) return false;
  }
  progress_.migration_end(ms_since(t0));
  ++done_;
  return true;
}

// Whether a transactional segment can go in one round trip: only plain
// statements (no condition to check, no loop, no user SQL that might hold
// several statements).
bool batchable(const Segment& seg) {
  for (const PlannedStatement& st : seg.statements) {
    if (st.role != StatementRole::Ddl && st.role != StatementRole::Setting &&
        st.role != StatementRole::ReferenceCheck) {
      return false;
    }
  }
  return true;
}

std::optional<db::DbError> Runner::run_batched(Context& c, const Segment& seg,
                                               const PlannedStatement*& failed_st,
                                               bool& in_transaction) {
  std::vector<db::Statement> batch;
  batch.reserve(seg.statements.size() + 1);
  for (const PlannedStatement& st : seg.statements) batch.push_back(db::Statement::of(st));
  std::string done = c.done_sql(*history_, history_->transaction_duration());
  batch.push_back(db::Statement::history(done));
  db::TransactionStop stop;
  c.point("before batch");
  if (kill_points_enabled()) db_.set_after_send([&c] { c.point("sent batch"); });
  db::Result r = db_.run_transaction(batch, stop);
  db_.set_after_send(nullptr);
  if (r.ok()) {
    c.point("after batch");
    return std::nullopt;
  }
  if (stop.statement < seg.statements.size()) failed_st = &seg.statements[stop.statement];
  in_transaction = stop.open;
  return r.error;
}

bool Runner::run_transactional(Context& c, const Segment& seg) {
  bool batch = batchable(seg);
  std::vector<db::TableLock> locks = strong_locks(seg);
  auto deadline = Clock::now() + std::chrono::milliseconds(options_.lock_deadline_ms);
  for (int attempt = 0;; ++attempt) {
    if (auto err = wait_for_blockers(c, locks, deadline))
      return fail(c, first_locking(seg), *err, "nothing of this segment is applied");
    auto t0 = Clock::now();
    std::optional<db::DbError> failed;
    const PlannedStatement* failed_st = nullptr;
    bool in_transaction = true;
    if (batch) {
      failed = run_batched(c, seg, failed_st, in_transaction);
    } else {
      c.point("before begin");
      if (auto err = db_.begin().error)
        return fail(c, nullptr, *err, "nothing of this segment is applied");
      for (std::size_t i = 0; i < seg.statements.size() && !failed; ++i) {
        c.point(fmt::format("before stmt {}", i + 1));
        failed = run_statement(c, seg.statements[i], true, i);
        if (failed) failed_st = &seg.statements[i];
        else c.point(fmt::format("after stmt {}", i + 1));
      }
      if (!failed) {
        c.point("before history");
        failed = run_plain(c.done_sql(*history_, history_->transaction_duration()),
                           StatementRole::History);
      }
      if (!failed) {
        c.point("before commit");
        failed = db_.commit().error;
        in_transaction = false;  // a failed COMMIT ends the transaction too
        if (!failed) c.point("after commit");
      }
    }
    if (!failed) {
      progress_.segment_done(c.segment, c.segments, true, seg.statements.size(), ms_since(t0));
      return true;
    }
    if (in_transaction) db_.rollback();
    if (is_retryable(*failed) && attempt < options_.retries) {
      std::int64_t wait = backoff(attempt + 1);
      if (Clock::now() + std::chrono::milliseconds(wait) >= deadline) {
        return fail(c, failed_st, *failed,
                    fmt::format("the lock deadline ({}) passes before the next retry; the "
                                "segment's transaction was rolled back: nothing of it is applied",
                                duration_words(options_.lock_deadline_ms)));
      }
      progress_.retry(c.plan->id, c.segment, *failed, attempt + 1, options_.retries, wait);
      std::this_thread::sleep_for(std::chrono::milliseconds(wait));
      continue;
    }
    return fail(c, failed_st, *failed,
                "the segment's transaction was rolled back: nothing of it is applied");
  }
}

bool Runner::run_autocommit(Context& c, const Segment& seg) {
  c.point("before start mark");
  std::string started = c.down ? history_->down_started(c.plan->id, c.segment)
                               : history_->up_started(c.key, c.segment);
  if (auto err = run_plain(started, StatementRole::History))
    return fail(c, nullptr, *err, "nothing of this segment is applied");
  c.point("after start mark");
  auto t0 = Clock::now();
  std::vector<std::string> resets;
  auto reset_all = [&] {
    for (const std::string& r : resets) run_plain(r, StatementRole::Setting);
  };
  const char* partial_note =
      "no transaction: the statements before this one stay applied; a rerun resumes this segment";
  for (std::size_t i = 0; i < seg.statements.size(); ++i) {
    const PlannedStatement& st = seg.statements[i];
    c.point(fmt::format("before stmt {}", i + 1));
    if (st.role == StatementRole::Setting) {
      if (auto err = st.session ? run_plain(st.session->set_sql, StatementRole::Setting)
                                : db_.run(db::Statement::of(st)).error) {
        reset_all();
        return fail(c, &st, *err, partial_note);
      }
      if (st.session) resets.push_back(st.session->reset_sql);
      continue;
    }
    const PlannedStatement* failed_st = &st;
    std::vector<db::TableLock> locks;
    add_strong_locks(st, locks);
    auto deadline = Clock::now() + std::chrono::milliseconds(options_.lock_deadline_ms);
    for (int attempt = 0;; ++attempt) {
      std::optional<db::DbError> err = wait_for_blockers(c, locks, deadline);
      if (err) {
        reset_all();
        return fail(c, &st, *err, partial_note);
      }
      if (attempt > 0) {
        // A failed concurrent build leaves an INVALID index: recover first.
        for (std::size_t j = 0; j < i && !err; ++j) {
          if (seg.statements[j].role != StatementRole::Recovery) continue;
          err = run_statement(c, seg.statements[j], false, j);
          if (err) failed_st = &seg.statements[j];
        }
      }
      if (!err) {
        failed_st = &st;
        err = run_statement(c, st, false, i);
      }
      if (!err) break;
      if (is_retryable(*err) && attempt < options_.retries &&
          Clock::now() + std::chrono::milliseconds(backoff(attempt + 1)) < deadline) {
        std::int64_t wait = backoff(attempt + 1);
        progress_.retry(c.plan->id, c.segment, *err, attempt + 1, options_.retries, wait);
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
        continue;
      }
      if (c.resumed && failed_st == &st && done_by_interrupted_run(*err, st)) {
        progress_.note(fmt::format("already done by the interrupted run: {}", err->message));
        break;
      }
      reset_all();
      return fail(c, failed_st, *err, partial_note);
    }
    c.point(fmt::format("after stmt {}", i + 1));
  }
  reset_all();
  c.point("before history");
  if (auto err = run_plain(c.done_sql(*history_, std::to_string(ms_since(t0))),
                           StatementRole::History))
    return fail(c, nullptr, *err, "the segment ran but is not recorded; a rerun repeats it");
  c.point("after history");
  progress_.segment_done(c.segment, c.segments, false, seg.statements.size(), ms_since(t0));
  return true;
}

std::optional<db::DbError> Runner::run_statement(Context& c, const PlannedStatement& st,
                                                 bool in_transaction, std::size_t index) {
  if (st.role == StatementRole::Backfill) return run_backfill(c, st, in_transaction, index);
  if (st.role == StatementRole::Recovery && !st.condition_sql.empty()) {
    db::Result cond = db_.exec(st.condition_sql);
    if (!cond.ok()) return cond.error;
    bool needed = !cond.rows.empty() && !cond.rows[0].empty() &&
                  cond.rows[0][0] == std::optional<std::string>("t");
    if (!needed) return std::nullopt;
  }
  if (kill_points_enabled()) {
    std::string label = fmt::format("sent stmt {} ({})", index + 1, sql_head(st.sql));
    db_.set_after_send([&c, label] { c.point(label); });
  }
  if (st.builds_index && !index_reader_tried_) {
    index_reader_tried_ = true;
    if (!progress_.json() && !progress_.quiet()) index_reader_ = db_.index_progress_reader();
  }
  db::Result r;
  {
    IndexWatch watch(st.builds_index ? index_reader_.get() : nullptr, st.lock.table, progress_);
    r = db_.run(db::Statement::of(st));
  }
  db_.set_after_send(nullptr);
  return r.error;
}

std::optional<db::DbError> Runner::run_backfill(Context& c, const PlannedStatement& st,
                                                bool in_transaction, std::size_t index) {
  if (st.walk.keys > 0) return run_walk(c, st, in_transaction, index);
  BackfillState state;
  state.table = st.lock.table;
  state.estimate = backfill_estimate(st);
  auto t0 = Clock::now();
  for (;;) {
    if (!in_transaction) {
      if (auto err = db_.begin().error) return err;
    }
    if (kill_points_enabled()) {
      std::string label = fmt::format("sent stmt {} batch {} ({})", index + 1, state.batches + 1,
                                      sql_head(st.sql));
      db_.set_after_send([&c, label] { c.point(label); });
    }
    db::Result r = db_.run(db::Statement::of(st));
    db_.set_after_send(nullptr);
    if (!r.ok()) {
      if (!in_transaction) db_.rollback();
      return r.error;
    }
    if (!in_transaction) {
      if (auto err = db_.commit().error) return err;
    }
    state.rows += r.affected;
    ++state.batches;
    state.elapsed_ms = ms_since(t0);
    c.point(fmt::format("after stmt {} batch {}", index + 1, state.batches));
    if (r.affected == 0) break;
    progress_.backfill_progress(state, false);
    pause_between_batches(st, in_transaction);
  }
  progress_.backfill_progress(state, true);
  return std::nullopt;
}

std::int64_t Runner::backfill_estimate(const PlannedStatement& st) {
  if (st.walk.estimate_sql.empty()) return -1;
  db::Result r = db_.exec(st.walk.estimate_sql);
  if (!r.ok() || r.rows.empty() || r.rows[0].empty() || !r.rows[0][0]) return -1;
  try {
    return std::stoll(*r.rows[0][0]);
  } catch (const std::exception&) {
    return -1;
  }
}

void Runner::pause_between_batches(const PlannedStatement& st, bool in_transaction) const {
  // Inside a transaction a pause would only hold the batch's locks longer.
  if (in_transaction) return;
  std::int64_t ms = st.walk.pause_ms >= 0 ? st.walk.pause_ms : options_.backfill_pause_ms;
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

std::optional<db::DbError> Runner::wait_for_blockers(Context& c,
                                                     const std::vector<db::TableLock>& locks,
                                                     Clock::time_point deadline) {
  if (locks.empty()) return std::nullopt;
  auto t0 = Clock::now();
  auto reported = t0;
  std::set<std::string> shown;  // "pid table": each blocker is reported once
  for (;;) {
    std::vector<db::LockBlocker> blockers;
    if (auto err = db_.lock_blockers(locks, blockers).error) return err;
    if (blockers.empty()) {
      if (!shown.empty()) progress_.lock_free(ms_since(t0));
      return std::nullopt;
    }
    std::string pids;
    std::set<std::string> listed;
    for (const db::LockBlocker& b : blockers) {
      if (listed.insert(b.pid).second)
        pids += fmt::format("{}pid {} ('{}')", pids.empty() ? "" : ", ", b.pid, b.table);
      if (!shown.insert(b.pid + " " + b.table).second) continue;
      std::string level;  // the lock of ours that b's conflicts with
      for (const db::TableLock& l : locks) {
        std::vector<std::string> modes = db::conflicting_pg_modes(l.level);
        if (l.table != b.table || std::find(modes.begin(), modes.end(), b.mode) == modes.end())
          continue;
        level = l.level;
        break;
      }
      progress_.lock_blocker(c.plan->id, c.segment, level, b);
    }
    auto now = Clock::now();
    if (now >= deadline) {
      const db::LockBlocker& b = blockers.front();
      db::DbError e;
      e.kind = db::ErrorKind::LockTimeout;
      e.message = fmt::format(
          "lock deadline ({}) passed while pid {} {} {} on '{}'; nothing was asked of the lock "
          "queue",
          duration_words(options_.lock_deadline_ms), b.pid, b.granted ? "holds" : "waits for",
          b.mode, b.table);
      e.detail = fmt::format("pid {}: application '{}', {}, query: {}", b.pid, b.application,
                             b.state, b.query);
      e.hint = fmt::format(
          "end that transaction, or wait for it and rerun (pg_terminate_backend({}) ends it)",
          b.pid);
      return e;
    }
    if (now - reported >= std::chrono::milliseconds(options_.lock_report_ms)) {
      reported = now;
      progress_.lock_waiting(ms_since(t0), pids);
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(options_.lock_poll_ms)));
  }
}

std::optional<db::DbError> Runner::run_walk(Context& c, const PlannedStatement& st,
                                            bool in_transaction, std::size_t index) {
  const BatchWalk& w = st.walk;
  BackfillState state;
  state.table = st.lock.table;
  state.walked = 0;
  state.estimate = backfill_estimate(st);
  auto t0 = Clock::now();
  db::Params last;  // the last key done; empty before the first batch
  for (;;) {
    if (!in_transaction) {
      if (auto err = db_.begin().error) return err;
    }
    auto abort = [&](const db::DbError& e) {
      if (!in_transaction) db_.rollback();
      return std::optional<db::DbError>(e);
    };
    bool first = last.empty();
    db::Statement bound{first ? w.first_bound : w.next_bound, StatementRole::Backfill, false,
                        first ? nullptr : &last};
    db::Result b = db_.run(bound);
    if (!b.ok()) return abort(*b.error);
    if (b.rows.empty() || b.rows[0].size() < w.keys || !b.rows[0][0]) {
      // past the last key: the walk is done
      if (!in_transaction) {
        if (auto err = db_.commit().error) return err;
      }
      break;
    }
    db::Params range = last;
    range.insert(range.end(), b.rows[0].begin(),
                 b.rows[0].begin() + static_cast<std::ptrdiff_t>(w.keys));
    if (kill_points_enabled()) {
      std::string label = fmt::format("sent stmt {} batch {} ({})", index + 1, state.batches + 1,
                                      sql_head(st.sql));
      db_.set_after_send([&c, label] { c.point(label); });
    }
    db::Statement update{first ? w.first_update : w.next_update, StatementRole::Backfill,
                         st.changes_data, &range};
    db::Result r = db_.run(update);
    db_.set_after_send(nullptr);
    if (!r.ok()) return abort(*r.error);
    if (!in_transaction) {
      if (auto err = db_.commit().error) return err;
    }
    state.rows += r.affected;
    ++state.batches;
    state.walked += w.batch;
    state.elapsed_ms = ms_since(t0);
    c.point(fmt::format("after stmt {} batch {}", index + 1, state.batches));
    last.assign(range.end() - static_cast<std::ptrdiff_t>(w.keys), range.end());
    progress_.backfill_progress(state, false);
    pause_between_batches(st, in_transaction);
  }
  state.elapsed_ms = ms_since(t0);
  progress_.backfill_progress(state, true);
  return std::nullopt;
}

bool Runner::fail(Context& c, const PlannedStatement* st, const db::DbError& error,
                  std::string note) {
  RunFailure f;
  f.id = c.plan->id;
  f.down = c.down;
  f.segment = c.segment;
  f.segments = c.segments;
  f.transactional = c.transactional;
  if (st) {
    f.location = sources_.location(st->source);
    f.statement = st->sql;
  }
  f.error = error;
  f.note = std::move(note);
  progress_.failure(f);
  return false;
}

}  // namespace migrac::runner

#include "compiler/script/psql.h"

#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "compiler/dialect/postgres/history.h"

namespace migrac {

namespace {

// The elapsed time of the current segment, as the runtime records it.
constexpr const char* kDurationSql =
    "(extract(epoch FROM clock_timestamp() - :'migrac_t0'::timestamptz) * 1000)::bigint";

// A statement's text with exactly one terminating semicolon.
std::string terminated(const std::string& sql) {
  std::size_t end = sql.find_last_not_of(" \t\r\n;");
  if (end == std::string::npos) return ";";
  return sql.substr(0, end + 1) + ";";
}

std::string unterminated(const std::string& sql) {
  std::string t = terminated(sql);
  return t.substr(0, t.size() - 1);
}

// Prefix every line of `text` with "-- ".
std::string comment_lines(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += "-- " + line + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string values_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids)
    out += fmt::format("{}({})", out.empty() ? "" : ",\n      ", sql_literal(id));
  return out;
}

std::string in_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids)
    out += fmt::format("{}{}", out.empty() ? "" : ",\n      ", sql_literal(id));
  return out;
}

constexpr const char* kRunLockComment =
    "-- One runner at a time: the advisory lock migrac itself takes, asked for\n"
    "-- without waiting in the lock queue: pg_try_advisory_lock every 200 ms, each\n"
    "-- try in a transaction of its own. A run killed during a concurrent index\n"
    "-- build leaves the build running, and its session holding the lock, until\n"
    "-- the server notices the client is gone; a pg_advisory_lock waiting for that\n"
    "-- session and the build waiting for the waiter's transaction would deadlock.\n"
    "-- While the lock is held it names the holder (pid, statement, since when)\n"
    "-- and waits up to migrac_lock_wait seconds (psql -v migrac_lock_wait=N;\n"
    "-- 60 by default), then stops with how to end the holder. The server is\n"
    "-- asked to notice a lost client within a second (PostgreSQL 14+), so that\n"
    "-- the statement of a killed run does not go on for long.\n";

// The wait for the run lock: {0} the key, {1} and {2} its halves as pg_locks
// shows them (classid, objid).
constexpr const char* kRunLockLoop =
    "DO $migrac$\n"
    "DECLARE\n"
    "  wait_s numeric := current_setting('migrac.lock_wait')::numeric;\n"
    "  t0 timestamptz := clock_timestamp();\n"
    "  h record;\n"
    "  shown text := '';\n"
    "BEGIN\n"
    "  LOOP\n"
    "    EXIT WHEN pg_try_advisory_lock({0});\n"
    "    SELECT a.pid, coalesce(a.state, '?') AS state, coalesce(a.application_name, '') AS app,\n"
    "           to_char(CASE WHEN a.state = 'active' THEN a.query_start ELSE a.state_change END,\n"
    "                   'YYYY-MM-DD HH24:MI:SS TZ') AS since,\n"
    "           round(extract(epoch FROM clock_timestamp() - CASE WHEN a.state = 'active'\n"
    "                 THEN a.query_start ELSE a.state_change END)::numeric, 1) AS secs,\n"
    "           left(regexp_replace(regexp_replace(coalesce(a.query, ''), "
    "'^(\\s*--[^\\n]*\\n)*\\s*', ''),\n"
    "                '\\s+', ' ', 'g'), 160) AS query\n"
    "      INTO h FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid\n"
    "      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1\n"
    "        AND l.classid = {1} AND l.objid = {2}\n"
    "        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());\n"
    "    IF FOUND AND shown IS DISTINCT FROM h.pid || ' ' || h.state THEN\n"
    "      shown := h.pid || ' ' || h.state;\n"
    "      IF h.state = 'active' THEN\n"
    "        RAISE WARNING 'migrac: the migration lock is held by pid %, still running a statement "
    "since % (% s): %',\n"
    "          h.pid, h.since, h.secs, h.query\n"
    "          USING HINT = format('a killed run''s statement goes on until the server notices; "
    "waiting up to %s s for it '\n"
    "                              '(SELECT pg_terminate_backend(%s) ends it)', wait_s, h.pid);\n"
    "      ELSE\n"
    "        RAISE WARNING 'migrac: another runner holds the migration lock: pid % (application "
    "''%'', %, since %); waiting up to % s',\n"
    "          h.pid, h.app, h.state, h.since, wait_s;\n"
    "      END IF;\n"
    "    END IF;\n"
    "    IF clock_timestamp() - t0 > wait_s * interval '1 second' THEN\n"
    "      IF h.pid IS NULL THEN\n"
    "        RAISE EXCEPTION 'migrac: gave up waiting for the migration lock after % s', wait_s;\n"
    "      END IF;\n"
    "      RAISE EXCEPTION 'migrac: the migration lock is still held after % s by pid % (%, since "
    "%: %)',\n"
    "        wait_s, h.pid, h.state, h.since, h.query\n"
    "        USING HINT = format('wait for it to end and run the script again, or end it with "
    "SELECT '\n"
    "                            'pg_terminate_backend(%s); wait longer with psql -v "
    "migrac_lock_wait=SECONDS',\n"
    "                            h.pid);\n"
    "    END IF;\n"
    "    COMMIT;\n"
    "    PERFORM pg_sleep(0.2);\n"
    "    COMMIT;\n"
    "  END LOOP;\n"
    "END\n"
    "$migrac$;\n";

// Writes one script.
class PsqlWriter {
 public:
  PsqlWriter(const SourceSet& sources, const ScriptOptions& options, HistoryTable table)
      : sources_(sources),
        options_(options),
        table_(std::move(table)),
        h_(qualified_name(table_)) {}

  std::string render(const std::vector<const MigrationPlan*>& plans) {
    for (const MigrationPlan* p : plans) (p->repeatable ? repeatables_ : versioned_).push_back(p);
    preamble(versioned_);
    for (const MigrationPlan* p : plans) {
      if (p->repeatable) repeatable(*p);
      else options_.down ? down(*p) : up(*p);
    }
    std::string done = fmt::format("\\echo 'migrac: done: {} migration{} {}'\n", plans.size(),
                                   plans.size() == 1 ? "" : "s",
                                   options_.down ? "reverted" : "applied");
    if (plans.empty()) {
      out_ += "\n\\echo 'migrac: nothing to do'\n";
      return out_;
    }
    std::string nothing = options_.down
                              ? fmt::format(
                                    "\\echo 'migrac: nothing to do: none of the {} migration{} "
                                    "{} applied'\n",
                                    plans.size(), plans.size() == 1 ? "" : "s",
                                    plans.size() == 1 ? "is" : "are")
                              : fmt::format(
                                    "\\echo 'migrac: nothing to do: the {} migration{} {} "
                                    "applied already'\n",
                                    plans.size(), plans.size() == 1 ? "" : "s",
                                    plans.size() == 1 ? "was" : "were");
    out_ += "\n\\if :migrac_nothing\n" + nothing + "\\else\n" + done + "\\endif\n";
    return out_;
  }

 private:
  void preamble(const std::vector<const MigrationPlan*>& plans) {
    out_ += fmt::format("-- migrac psql script: {} {} migration{}",
                        options_.down ? "downgrade" : "upgrade", plans.size(),
                        plans.size() == 1 ? "" : "s");
    if (!plans.empty()) out_ += fmt::format(", {} .. {}", plans.front()->id, plans.back()->id);
    if (!repeatables_.empty()) {
      out_ += fmt::format(", then {} repeatable{} where changed", repeatables_.size(),
                          repeatables_.size() == 1 ? "" : "s");
    }
    out_ +=
        "\n-- Apply with: psql -v ON_ERROR_STOP=1 -f THIS_FILE\n"
        "-- It stops at the first error; after fixing the cause, run it again: every\n"
        "-- segment already recorded in the history table is skipped.\n"
        "\\set ON_ERROR_STOP on\n"
        "SET client_min_messages = warning;\n\n";
    run_lock();
    out_ += fmt::format("-- The history table {}, created if missing.\n", table_.display());
    for (const std::string& sql : history_create_sql(table_)) out_ += terminated(sql) + "\n";
    out_ += "\n";
    options_.down ? down_check(plans) : up_check(plans);
    finished_check(plans);
  }

  // migrac_nothing: whether the script has nothing to do, read before it runs
  // (a rerun of a finished script says so at its end).
  void finished_check(const std::vector<const MigrationPlan*>& plans) {
    if (plans.empty() && !repeatables_.empty()) {
      out_ += "\n-- Whether a run before this one did everything already.\n";
      out_ += fmt::format("SELECT {} AS migrac_nothing \\gset\n", repeatables_unchanged());
      return;
    }
    if (plans.empty()) return;
    std::vector<std::string> ids;
    for (const MigrationPlan* p : plans) ids.push_back(p->id);
    out_ += "\n-- Whether a run before this one did everything already.\n";
    if (options_.down) {
      out_ += fmt::format(
          "SELECT NOT EXISTS (SELECT 1 FROM {} WHERE id IN (\n      {})) AS migrac_nothing "
          "\\gset\n",
          h_, in_list(ids));
      return;
    }
    out_ += fmt::format(
        "SELECT count(*) = {}{} AS migrac_nothing FROM {} WHERE id IN (\n      {})\n"
        "    AND segments_done >= segments_total AND down_done = 0 AND segment_started = 0 "
        "\\gset\n",
        ids.size(), repeatables_.empty() ? "" : "\n    AND " + repeatables_unchanged(), h_,
        in_list(ids));
  }

  // Whether every repeatable of the script last ran with its checksum.
  std::string repeatables_unchanged() const {
    std::string out;
    for (const MigrationPlan* p : repeatables_) {
      out += fmt::format("{}NOT ({})", out.empty() ? "" : "\n    AND ",
                         history_repeatable_changed_sql(table_, p->id, p->checksum));
    }
    return out;
  }

  // A repeatable: run (in one transaction, with its new history row) only
  // when the checksum it last ran with is not the file's.
  void repeatable(const MigrationPlan& p) {
    out_ += fmt::format("\n-- ============================================================\n");
    out_ += fmt::format("-- apply repeatable {} (when its checksum changed)\n", p.id);
    if (!p.file.empty()) out_ += fmt::format("-- file: {}\n", p.file);
    out_ += fmt::format("-- checksum: {}\n", p.checksum);
    guard(history_repeatable_changed_sql(table_, p.id, p.checksum));
    out_ += fmt::format("\\echo 'migrac: apply repeatable {}'\n", p.id);
    out_ += "SELECT clock_timestamp() AS migrac_t0 \\gset\n";
    out_ += "BEGIN;\n";
    for (const Segment& seg : p.up)
      for (const PlannedStatement& st : seg.statements) statement(st, true);
    HistoryRowKey key = key_of(p);
    out_ += terminated(history_repeatable_done_sql(table_, key, kDurationSql)) + "\n";
    out_ += "COMMIT;\n\\endif\n";
  }

  // One runner at a time: the advisory lock the runtime takes, asked for
  // without entering the lock queue (see kRunLockComment).
  void run_lock() {
    auto u = static_cast<std::uint64_t>(run_lock_key(table_));
    out_ += kRunLockComment;
    out_ +=
        "\\if :{?migrac_lock_wait}\n\\else\n\\set migrac_lock_wait 60\n\\endif\n"
        "SELECT set_config('migrac.lock_wait', :'migrac_lock_wait', false) AS migrac_lock_wait "
        "\\gset\n";
    out_ +=
        "DO $migrac$\nBEGIN\n"
        "  PERFORM set_config('client_connection_check_interval', '1s', false);\n"
        "EXCEPTION WHEN OTHERS THEN\n"
        "  NULL;  -- before PostgreSQL 14, or a server that cannot check\n"
        "END\n$migrac$;\n";
    out_ += "\\echo 'migrac: taking the migration lock'\n";
    out_ += fmt::format(kRunLockLoop, run_lock_key(table_), u >> 32, u & 0xffffffffu);
    out_ += "\n";
  }

  // The database must have every parent the script does not apply itself, and
  // must not have applied any migration of the script from other files.
  void up_check(const std::vector<const MigrationPlan*>& plans) {
    std::set<std::string> in_script;
    for (const MigrationPlan* p : plans) in_script.insert(p->id);
    std::vector<std::string> needed;
    std::set<std::string> seen;
    for (const MigrationPlan* p : plans) {
      for (const std::string& parent : p->parents) {
        if (!in_script.count(parent) && seen.insert(parent).second) needed.push_back(parent);
      }
    }
    out_ += "-- The database must be at the revision this script starts from.\n";
    out_ += "DO $migrac$\nDECLARE\n  bad text;\nBEGIN\n";
    if (!needed.empty()) {
      out_ += fmt::format(
          "  SELECT string_agg(p.id, ', ') INTO bad FROM (VALUES\n      {}) AS p(id)\n"
          "    WHERE NOT EXISTS (SELECT 1 FROM {} h WHERE h.id = p.id AND h.segments_done >= "
          "h.segments_total\n"
          "                      AND h.down_done = 0 AND h.segment_started = 0);\n"
          "  IF bad IS NOT NULL THEN\n"
          "    RAISE EXCEPTION 'migrac: the database is not at the revision this script starts "
          "from: not applied: %', bad;\n"
          "  END IF;\n",
          values_list(needed), h_);
    }
    checksum_check(plans);
    if (!plans.empty()) {
      std::vector<std::string> ids;
      for (const MigrationPlan* p : plans) ids.push_back(p->id);
      out_ += fmt::format(
          "  SELECT string_agg(id, ', ') INTO bad FROM {} WHERE id IN (\n      {})\n"
          "    AND segments_done >= segments_total AND (down_done > 0 OR segment_started > 0);\n"
          "  IF bad IS NOT NULL THEN\n"
          "    RAISE EXCEPTION 'migrac: partly reverted, finish the downgrade first: %', bad;\n"
          "  END IF;\n",
          h_, in_list(ids));
    }
    out_ += "END\n$migrac$;\n";
  }

  // Nothing outside the script may depend on what it reverts.
  void down_check(const std::vector<const MigrationPlan*>& plans) {
    std::vector<std::string> ids;
    for (const MigrationPlan* p : plans) ids.push_back(p->id);
    out_ += "-- The database must be at the revision this script starts from.\n";
    out_ += "DO $migrac$\nDECLARE\n  bad text;\nBEGIN\n";
    for (const MigrationPlan* p : plans) {
      if (p->reversible) continue;
      out_ += fmt::format(
          "  RAISE EXCEPTION 'migrac: migration ''{}'' cannot be reverted: %', {};\n", p->id,
          sql_literal(p->irreversible_reason));
    }
    if (!ids.empty()) {
      out_ += fmt::format(
          "  SELECT string_agg(h.id, ', ') INTO bad FROM {} h WHERE h.id NOT IN (\n      {})\n"
          "    AND EXISTS (SELECT 1 FROM unnest(string_to_array(h.parents, ',')) AS p(id) WHERE "
          "p.id IN (\n      {}));\n"
          "  IF bad IS NOT NULL THEN\n"
          "    RAISE EXCEPTION 'migrac: applied migrations depend on what this script reverts: %', "
          "bad;\n"
          "  END IF;\n"
          "  SELECT string_agg(id, ', ') INTO bad FROM {} WHERE segments_done < segments_total AND "
          "id IN (\n      {});\n"
          "  IF bad IS NOT NULL THEN\n"
          "    RAISE EXCEPTION 'migrac: partly applied, finish the upgrade first: %', bad;\n"
          "  END IF;\n",
          h_, in_list(ids), in_list(ids), h_, in_list(ids));
    }
    checksum_check(plans);
    out_ += "END\n$migrac$;\n";
  }

  void checksum_check(const std::vector<const MigrationPlan*>& plans) {
    if (plans.empty()) return;
    std::string pairs;
    for (const MigrationPlan* p : plans) {
      pairs += fmt::format("{}({}, {})", pairs.empty() ? "" : ",\n      ", sql_literal(p->id),
                           sql_literal(p->checksum));
    }
    out_ += fmt::format(
        "  SELECT string_agg(h.id, ', ') INTO bad FROM {} h JOIN (VALUES\n      {}) AS f(id, "
        "checksum)\n"
        "    ON f.id = h.id WHERE h.checksum <> f.checksum;\n"
        "  IF bad IS NOT NULL THEN\n"
        "    RAISE EXCEPTION 'migrac: edited after it was applied (checksum differs): %', bad;\n"
        "  END IF;\n",
        h_, pairs);
  }

  void header(const MigrationPlan& p) {
    out_ += fmt::format("\n-- ============================================================\n");
    out_ += fmt::format("-- {} {}\n", options_.down ? "revert" : "apply", p.id);
    if (!p.file.empty()) out_ += fmt::format("-- file: {}\n", p.file);
    out_ += fmt::format("-- parents: {}\n", p.parents.empty() ? "<base>" : join_parents(p.parents));
    out_ += fmt::format("-- checksum: {}\n", p.checksum);
  }

  HistoryRowKey key_of(const MigrationPlan& p) const {
    return HistoryRowKey{p.id, p.checksum, p.parents, static_cast<int>(p.up.size()), "psql"};
  }

  // `\if` on a condition computed from the history table.
  void guard(const std::string& condition) {
    out_ += fmt::format("SELECT {} AS migrac_run \\gset\n\\if :migrac_run\n", condition);
  }

  void up(const MigrationPlan& p) {
    header(p);
    HistoryRowKey key = key_of(p);
    std::string id = sql_literal(p.id);
    if (p.up.empty()) {
      guard(fmt::format("NOT EXISTS (SELECT 1 FROM {} WHERE id = {})", h_, id));
      out_ += fmt::format("\\echo 'migrac: apply {} (nothing to run)'\n", p.id);
      out_ += terminated(history_up_done_sql(table_, key, 0, "0")) + "\n\\endif\n";
      return;
    }
    int n = static_cast<int>(p.up.size());
    for (int k = 1; k <= n; ++k) {
      const Segment& seg = p.up[static_cast<std::size_t>(k - 1)];
      out_ += fmt::format("\n-- segment {}/{}: {}\n", k, n,
                          seg.transactional
                              ? "one transaction, recorded in it"
                              : "no transaction (autocommit), recorded after it succeeds");
      guard(fmt::format("NOT EXISTS (SELECT 1 FROM {} WHERE id = {} AND segments_done >= {})", h_,
                        id, k));
      out_ += fmt::format("\\echo 'migrac: apply {} segment {}/{}'\n", p.id, k, n);
      out_ += "SELECT clock_timestamp() AS migrac_t0 \\gset\n";
      segment(seg, history_up_started_sql(table_, key, k),
              history_up_done_sql(table_, key, k, kDurationSql));
      out_ += "\\endif\n";
    }
  }

  void down(const MigrationPlan& p) {
    header(p);
    std::string id = sql_literal(p.id);
    if (p.down.empty()) {
      out_ += fmt::format("\\echo 'migrac: revert {} (nothing to run)'\n", p.id);
      out_ += terminated(history_delete_sql(table_, p.id)) + "\n";
      return;
    }
    int n = static_cast<int>(p.down.size());
    for (int k = 1; k <= n; ++k) {
      const Segment& seg = p.down[static_cast<std::size_t>(k - 1)];
      out_ += fmt::format("\n-- down segment {}/{}: {}\n", k, n,
                          seg.transactional
                              ? "one transaction, recorded in it"
                              : "no transaction (autocommit), recorded after it succeeds");
      guard(
          fmt::format("EXISTS (SELECT 1 FROM {} WHERE id = {} AND segments_done >= segments_total "
                      "AND down_done < {})",
                      h_, id, k));
      out_ += fmt::format("\\echo 'migrac: revert {} segment {}/{}'\n", p.id, k, n);
      out_ += "SELECT clock_timestamp() AS migrac_t0 \\gset\n";
      std::string done = k == n ? history_delete_sql(table_, p.id)
                                : history_down_done_sql(table_, p.id, k, kDurationSql);
      segment(seg, history_down_started_sql(table_, p.id, k), done);
      out_ += "\\endif\n";
    }
  }

  void segment(const Segment& seg, const std::string& started_sql, const std::string& done_sql) {
    if (seg.transactional) {
      out_ += "BEGIN;\n";
      for (const PlannedStatement& st : seg.statements) statement(st, true);
      out_ += terminated(done_sql) + "\n";
      out_ += "COMMIT;\n";
      return;
    }
    out_ += terminated(started_sql) + "\n";
    std::vector<std::string> resets;
    for (const PlannedStatement& st : seg.statements) {
      if (st.role == StatementRole::Setting && st.session) {
        out_ += terminated(st.session->set_sql) + "\n";
        resets.push_back(st.session->reset_sql);
        continue;
      }
      statement(st, false);
    }
    for (const std::string& r : resets) out_ += terminated(r) + "\n";
    out_ += terminated(done_sql) + "\n";
  }

  void about(const PlannedStatement& st) {
    std::string facts;
    if (st.source.valid()) facts = sources_.location(st.source);
    if (!st.lock.level.empty()) {
      facts += fmt::format("{}lock {}{}", facts.empty() ? "" : ", ", st.lock.level,
                           st.lock.table.empty() ? "" : " on " + st.lock.table);
    }
    if (st.lock.rewrites) facts += ", rewrites the table";
    else if (st.lock.scans) facts += ", scans the table";
    if (!facts.empty()) out_ += "-- " + facts + "\n";
  }

  void statement(const PlannedStatement& st, bool in_transaction) {
    about(st);
    switch (st.role) {
      case StatementRole::Recovery:
        if (st.condition_sql.empty()) break;
        out_ += "-- recovery: runs only when needed\n";
        out_ += fmt::format("SELECT ({}) AS migrac_recover \\gset\n\\if :migrac_recover\n",
                            unterminated(st.condition_sql));
        out_ += terminated(st.sql) + "\n\\endif\n";
        return;
      case StatementRole::Backfill:
        out_ += comment_lines("one batch: " + unterminated(st.sql));
        out_ += terminated(backfill_loop(st, in_transaction)) + "\n";
        return;
      default: break;
    }
    out_ += terminated(st.sql) + "\n";
  }

  // A backfill as one DO block: batches until one updates no row, each
  // committed on its own outside a transaction (as the runtime does).
  static std::string backfill_loop(const PlannedStatement& st, bool in_transaction) {
    if (!in_transaction && !st.script_sql.empty()) return st.script_sql;
    return fmt::format(
        "DO $migrac_backfill$\nDECLARE\n  n bigint;\nBEGIN\n  LOOP\n    {};\n"
        "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n{}  END "
        "LOOP;\nEND\n$migrac_backfill$",
        unterminated(st.sql), in_transaction ? "" : "    COMMIT;\n");
  }

  const SourceSet& sources_;
  ScriptOptions options_;
  HistoryTable table_;
  std::string h_;  // the qualified table name
  std::string out_;
  std::vector<const MigrationPlan*> versioned_;    // the plans of graph revisions
  std::vector<const MigrationPlan*> repeatables_;  // Flyway repeatables, after them
};

}  // namespace

std::string render_psql_script(const std::vector<const MigrationPlan*>& plans,
                               const SourceSet& sources, const ScriptOptions& options) {
  std::string error;
  auto table = parse_history_table(options.history_table, error);
  if (!table) {
    return fmt::format(
        "\\set ON_ERROR_STOP on\nDO $migrac$ BEGIN RAISE EXCEPTION {}; END $migrac$;\n",
        sql_literal("migrac: " + error));
  }
  return PsqlWriter(sources, options, *table).render(plans);
}

}  // namespace migrac

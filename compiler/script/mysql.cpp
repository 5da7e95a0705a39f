#include "compiler/script/mysql.h"

#include <set>

#include <fmt/format.h>

#include "compiler/dialect/mysql/history.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac {

namespace {

constexpr std::size_t kMaxLockName = 64;  // MySQL's limit on a user-level lock's name

// A history row recorded whole (neither partly applied nor partly reverted).
constexpr const char* kComplete =
    "segments_done >= segments_total AND down_done = 0 AND segment_started = 0";

// The elapsed milliseconds of the current autocommit segment, as the runtime records them.
constexpr const char* kDurationSql = "TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000";

// Stops the script when @migrac_error holds a message (see kStopComment).
constexpr const char* kStop =
    "SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, "
    "@migrac_error);\n";

constexpr const char* kStopComment =
    "-- Each check sets @migrac_error to NULL, or to a message, and the statement\n"
    "-- after it stops the script with that message (the mysql client cannot skip a\n"
    "-- statement: the variable completion_type set to the message fails with ERROR\n"
    "-- 1231 \"Variable 'completion_type' can't be set to the value of 'migrac: ...'\";\n"
    "-- without a message it is set to the value it has).\n";

const SqlBuilder& sql() { return sql_builder(Dialect::Mysql); }

std::string lit(std::string_view value) { return sql().string_literal(value); }

// The statement with one terminating semicolon: at the end of its last line,
// or on a line of its own when that line may end in a `--` comment.
std::string terminated(const std::string& text) {
  std::size_t end = text.find_last_not_of(" \t\r\n;");
  std::string s = end == std::string::npos ? std::string() : text.substr(0, end + 1);
  std::size_t last_line = s.rfind('\n');
  std::string_view tail = last_line == std::string::npos ? std::string_view(s)
                                                         : std::string_view(s).substr(last_line);
  if (tail.find("--") != std::string_view::npos) return s + "\n;";
  return s + ";";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : std::string(separator)) + s;
  return out;
}

std::string in_list(const std::vector<std::string>& ids) {
  std::vector<std::string> quoted;
  for (const std::string& id : ids) quoted.push_back(lit(id));
  return joined(quoted, ", ");
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Writes one script.
class MysqlWriter {
 public:
  MysqlWriter(const SourceSet& sources, const ScriptOptions& options, HistoryTable table)
      : sources_(sources),
        options_(options),
        table_(std::move(table)),
        history_(make_mysql_history_sql(table_)) {
    h_ = table_.schema.empty() ? sql().ident(table_.name)
                               : sql().ident(table_.schema) + "." + sql().ident(table_.name);
  }

  std::string render(const std::vector<const MigrationPlan*>& plans) {
    for (const MigrationPlan* p : plans) ids_.push_back(p->id);
    preamble(plans);
    if (plans.empty()) {
      out_ += "SELECT 'migrac: nothing to do' AS migrac;\n";
      return out_;
    }
    session();
    run_lock();
    history_table();
    where_at();
    options_.down ? down_check(plans) : up_check(plans);
    for (const MigrationPlan* p : plans) options_.down ? down(*p) : up(*p);
    out_ += "\n-- ============================================================\n";
    out_ += "DO RELEASE_LOCK(@migrac_lock);\n";
    out_ += fmt::format("SELECT 'migrac: done: {} {}' AS migrac;\n",
                        plural(plans.size(), "migration", "migrations"),
                        options_.down ? "reverted" : "applied");
    return out_;
  }

 private:
  // What the script promises, and the revisions it goes between.
  void preamble(const std::vector<const MigrationPlan*>& plans) {
    out_ += fmt::format("-- migrac mysql script: {} {}", options_.down ? "downgrade" : "upgrade",
                        plural(plans.size(), "migration", "migrations"));
    if (!plans.empty()) out_ += fmt::format(", {} .. {}", plans.front()->id, plans.back()->id);
    out_ += "\n";
    if (plans.empty()) return;
    from_ = options_.down ? down_start(plans) : up_start(plans);
    start_ = from_.empty() ? "base" : joined(from_, ", ");
    out_ += fmt::format(
        "-- It starts from {} and changes nothing unless the database is there.\n"
        "-- Apply with: mysql DATABASE < THIS_FILE (or mariadb); it stops at the first error\n"
        "-- (never with --force: its checks stop it by failing).\n"
        "-- MySQL commits every DDL statement on its own, so nothing here is rolled back:\n"
        "-- each segment is recorded in the history table as migrac {} records it.\n"
        "-- A database at another revision is refused before anything is changed,\n"
        "-- with an error naming both; so is a rerun of a finished script (\"migrac:\n"
        "-- nothing to do\"; the client exits 1). After a failure or a kill, `migrac\n"
        "-- {}` resumes at the next statement; this script then refuses to run again.\n"
        "-- Another runner's lock is waited for up to @migrac_lock_wait seconds (60\n"
        "-- unless set: mysql --init-command='SET @migrac_lock_wait = 300' ...).\n\n",
        start_, options_.down ? "downgrade" : "upgrade", options_.down ? "downgrade" : "upgrade");
    out_ += kStopComment;
    out_ += "\n";
  }

  // The parents the script does not apply itself (none: it starts from base).
  static std::vector<std::string> up_start(const std::vector<const MigrationPlan*>& plans) {
    std::set<std::string> in_script;
    for (const MigrationPlan* p : plans) in_script.insert(p->id);
    std::vector<std::string> needed;
    std::set<std::string> seen;
    for (const MigrationPlan* p : plans) {
      for (const std::string& parent : p->parents) {
        if (!in_script.count(parent) && seen.insert(parent).second) needed.push_back(parent);
      }
    }
    return needed;
  }

  // The migrations of the script that none of the others names as a parent.
  static std::vector<std::string> down_start(const std::vector<const MigrationPlan*>& plans) {
    std::set<std::string> parents;
    for (const MigrationPlan* p : plans) parents.insert(p->parents.begin(), p->parents.end());
    std::vector<std::string> heads;
    for (const MigrationPlan* p : plans) {
      if (!parents.count(p->id)) heads.push_back(p->id);
    }
    return heads;
  }

  void stop_if(const std::string& message_sql) {
    out_ += fmt::format("SET @migrac_error = {};\n", message_sql);
    out_ += kStop;
  }

  // The session as the runtime's connection has it: utf8mb4, autocommit (a
  // history row must commit even where no DDL statement follows it).
  void session() {
    out_ += "SET NAMES utf8mb4;\nSET SESSION autocommit = 1;\n";
    stop_if("IF(DATABASE() IS NULL, 'migrac: no database selected (mysql DATABASE < FILE)', NULL)");
    out_ += "\n";
  }

  // One runner at a time: the runtime's run lock, GET_LOCK('migrac:<database>:<key>').
  void run_lock() {
    std::string tail = fmt::format(":{}", run_lock_key(table_));
    out_ +=
        "-- One runner at a time: the lock migrac upgrade and downgrade take, held until\n"
        "-- the end of the script (or of the session).\n"
        "SET @migrac_lock_wait = COALESCE(@migrac_lock_wait, 60);\n";
    out_ += fmt::format("SET @migrac_lock = CONCAT(LEFT(CONCAT('migrac:', DATABASE()), {}), {});\n",
                        kMaxLockName - tail.size(), lit(tail));
    out_ += "SET @migrac_locked = GET_LOCK(@migrac_lock, @migrac_lock_wait);\n";
    stop_if(
        "IF(@migrac_locked = 1, NULL, CONCAT('migrac: the migration lock is still held after ', "
        "@migrac_lock_wait, ' s by connection ', COALESCE(IS_USED_LOCK(@migrac_lock), '?'), "
        "COALESCE((SELECT CONCAT(' (user ''', USER, ''')') FROM information_schema.PROCESSLIST "
        "WHERE ID = IS_USED_LOCK(@migrac_lock)), ''), '; wait longer with SET @migrac_lock_wait = "
        "SECONDS'))");
    out_ += "\n";
  }

  // The history table, created if missing; a database without it is at base,
  // which a script from another revision refuses before creating it.
  void history_table() {
    out_ += fmt::format("-- The history table {}, created if missing.\n", table_.display());
    bool from_base = !options_.down && from_.empty();
    if (!from_base) {
      std::string schema = table_.schema.empty() ? "DATABASE()" : lit(table_.schema);
      std::string message =
          options_.down
              ? lit(fmt::format("migrac: nothing to do: none of the {} {} applied (no table {})",
                                plural(ids_.size(), "migration", "migrations"),
                                ids_.size() == 1 ? "is" : "are", table_.display()))
              : lit(fmt::format("migrac: the database is at base (no table {}), this script "
                                "starts from {}; nothing was changed",
                                table_.display(), start_));
      stop_if(fmt::format(
          "IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = {} AND "
          "table_name = {}), NULL,\n  {})",
          schema, lit(table_.name), message));
    }
    std::string ignored;
    for (const std::string& s : history_->create(ignored)) out_ += terminated(s) + "\n";
    out_ += "\n";
  }

  // @migrac_at: where the database is, for the messages (the recorded
  // migrations no other one names as a parent, each marked when partly done).
  void where_at() {
    out_ += fmt::format(
        "-- Where the database is: the recorded migrations that no other names as a parent.\n"
        "SET @migrac_at = (SELECT COALESCE(GROUP_CONCAT(CONCAT(h.id, CASE\n"
        "    WHEN h.segments_done < h.segments_total THEN CONCAT(' (partly applied: ', "
        "h.segments_done, ' of ', h.segments_total, ' segments recorded)')\n"
        "    WHEN h.down_done > 0 OR h.segment_started > 0 THEN ' (partly reverted)' ELSE '' END)\n"
        "    ORDER BY h.id SEPARATOR ', '), 'base')\n"
        "  FROM {0} h WHERE NOT EXISTS (SELECT 1 FROM {0} c\n"
        "    WHERE FIND_IN_SET(CAST(h.id AS BINARY), CAST(c.parents AS BINARY)) > 0));\n",
        h_);
  }

  // @migrac_edited: the script's migrations recorded with another checksum.
  void edited(const std::vector<const MigrationPlan*>& plans) {
    std::string cases;
    for (const MigrationPlan* p : plans)
      cases += fmt::format(" WHEN {} THEN {}", lit(p->id), lit(p->checksum));
    out_ += fmt::format(
        "SET @migrac_edited = (SELECT GROUP_CONCAT(id ORDER BY id SEPARATOR ', ') FROM {}\n"
        "  WHERE checksum <> CASE id{} ELSE checksum END);\n",
        h_, cases);
  }

  std::string at_message(std::string_view tail) const {
    return fmt::format("CONCAT('migrac: the database is at ', @migrac_at, {})",
                       lit(fmt::format(", this script starts from {}; {}", start_, tail)));
  }

  // Nothing of the script recorded, every parent it does not apply recorded
  // whole; the script finished already: nothing to do.
  void up_check(const std::vector<const MigrationPlan*>& plans) {
    out_ += "-- The database must be at the revision this script starts from.\n";
    edited(plans);
    std::string s = in_list(ids_);
    std::string parents_missing;
    if (!from_.empty()) {
      parents_missing = fmt::format(
          "\n    OR (SELECT COUNT(*) FROM {} WHERE id IN ({}) AND {}) < {}", h_, in_list(from_),
          kComplete, from_.size());
    }
    stop_if(fmt::format(
        "CASE\n"
        "  WHEN @migrac_edited IS NOT NULL\n"
        "    THEN CONCAT('migrac: edited after it was applied (checksum differs): ', "
        "@migrac_edited)\n"
        "  WHEN (SELECT COUNT(*) FROM {0} WHERE id IN ({1}) AND {2}) = {3}\n"
        "    THEN {4}\n"
        "  WHEN EXISTS (SELECT 1 FROM {0} WHERE id IN ({1}) AND segments_done < segments_total)\n"
        "    THEN {5}\n"
        "  WHEN EXISTS (SELECT 1 FROM {0} WHERE id IN ({1})){6}\n"
        "    THEN {7}\n"
        "END",
        h_, s, kComplete, plans.size(),
        lit(fmt::format("migrac: nothing to do: the {} applied already",
                        plans.size() == 1 ? "migration was"
                                          : fmt::format("{} migrations were", plans.size()))),
        at_message("a run stopped part-way: migrac upgrade resumes it"), parents_missing,
        at_message("nothing was changed")));
  }

  // Every migration of the script recorded whole, none recorded after it.
  void down_check(const std::vector<const MigrationPlan*>& plans) {
    out_ += "-- The database must be at the revision this script starts from.\n";
    for (const MigrationPlan* p : plans) {
      if (p->reversible) continue;
      stop_if(lit(fmt::format("migrac: migration '{}' cannot be reverted: {}", p->id,
                              p->irreversible_reason)));
    }
    edited(plans);
    std::string s = in_list(ids_);
    std::string depends;
    for (const std::string& id : ids_)
      depends += fmt::format("{}FIND_IN_SET({}, parents) > 0", depends.empty() ? "" : " OR ",
                             lit(id));
    out_ += fmt::format(
        "SET @migrac_dependents = (SELECT GROUP_CONCAT(id ORDER BY id SEPARATOR ', ') FROM {}\n"
        "  WHERE id NOT IN ({}) AND ({}));\n",
        h_, s, depends);
    stop_if(fmt::format(
        "CASE\n"
        "  WHEN @migrac_edited IS NOT NULL\n"
        "    THEN CONCAT('migrac: edited after it was applied (checksum differs): ', "
        "@migrac_edited)\n"
        "  WHEN NOT EXISTS (SELECT 1 FROM {0} WHERE id IN ({1}))\n"
        "    THEN {2}\n"
        "  WHEN EXISTS (SELECT 1 FROM {0} WHERE id IN ({1}) AND segments_done >= segments_total\n"
        "               AND (down_done > 0 OR segment_started > 0))\n"
        "    THEN {3}\n"
        "  WHEN (SELECT COUNT(*) FROM {0} WHERE id IN ({1}) AND {4}) < {5}\n"
        "    THEN {6}\n"
        "  WHEN @migrac_dependents IS NOT NULL\n"
        "    THEN CONCAT('migrac: applied migrations depend on what this script reverts: ', "
        "@migrac_dependents)\n"
        "END",
        h_, s,
        lit(fmt::format("migrac: nothing to do: none of the {} {} applied",
                        plural(plans.size(), "migration", "migrations"),
                        plans.size() == 1 ? "is" : "are")),
        at_message("a run stopped part-way: migrac downgrade resumes it"), kComplete, plans.size(),
        at_message("nothing was changed")));
  }

  void header(const MigrationPlan& p) {
    out_ += "\n-- ============================================================\n";
    out_ += fmt::format("-- {} {}\n", options_.down ? "revert" : "apply", p.id);
    if (!p.file.empty()) out_ += fmt::format("-- file: {}\n", p.file);
    out_ += fmt::format("-- parents: {}\n", p.parents.empty() ? "<base>" : join_parents(p.parents));
    out_ += fmt::format("-- checksum: {}\n", p.checksum);
    const std::vector<Segment>& segs = options_.down ? p.down : p.up;
    out_ += fmt::format("SELECT {} AS migrac;\n",
                        lit(fmt::format("migrac: {} {} ({})", options_.down ? "revert" : "apply",
                                        p.id, plural(segs.size(), "segment", "segments"))));
  }

  void up(const MigrationPlan& p) {
    header(p);
    HistoryRowKey key{p.id, p.checksum, p.parents, static_cast<int>(p.up.size()), "mysql"};
    if (p.up.empty()) {
      out_ += terminated(history_->up_done(key, 0, "0")) + "\n";
      return;
    }
    int n = static_cast<int>(p.up.size());
    for (int k = 1; k <= n; ++k) {
      const Segment& seg = p.up[static_cast<std::size_t>(k - 1)];
      segment_title(seg, k, n, false);
      std::string duration = seg.transactional ? history_->transaction_duration() : kDurationSql;
      segment(seg, history_->up_started(key, k), history_->up_done(key, k, duration));
    }
  }

  void down(const MigrationPlan& p) {
    header(p);
    if (p.down.empty()) {
      out_ += terminated(history_->remove(p.id)) + "\n";
      return;
    }
    int n = static_cast<int>(p.down.size());
    for (int k = 1; k <= n; ++k) {
      const Segment& seg = p.down[static_cast<std::size_t>(k - 1)];
      segment_title(seg, k, n, true);
      std::string duration = seg.transactional ? history_->transaction_duration() : kDurationSql;
      std::string done = k == n ? history_->remove(p.id) : history_->down_done(p.id, k, duration);
      segment(seg, history_->down_started(p.id, k), done);
    }
  }

  void segment_title(const Segment& seg, int k, int n, bool down) {
    out_ += fmt::format("\n-- {}segment {}/{}: {}\n", down ? "down " : "", k, n,
                        seg.transactional
                            ? "one transaction, recorded in it"
                            : "commits on its own; recorded as started, then as done");
  }

  void segment(const Segment& seg, const std::string& started_sql, const std::string& done_sql) {
    if (seg.transactional) {
      out_ += "SET @migrac_transaction_start = SYSDATE(6);\nSTART TRANSACTION;\n";
      for (const PlannedStatement& st : seg.statements) statement(st);
      out_ += terminated(done_sql) + "\nCOMMIT;\n";
      return;
    }
    out_ += terminated(started_sql) + "\n";
    out_ += "SET @migrac_t0 = SYSDATE(6);\n";
    std::vector<std::string> resets;
    for (const PlannedStatement& st : seg.statements) {
      if (st.role == StatementRole::Setting && st.session) {
        out_ += terminated(st.session->set_sql) + "\n";
        resets.push_back(st.session->reset_sql);
        continue;
      }
      statement(st);
    }
    for (const std::string& r : resets) out_ += terminated(r) + "\n";
    out_ += terminated(done_sql) + "\n";
  }

  void about(const PlannedStatement& st) {
    std::string facts;
    if (st.source.valid() && static_cast<std::size_t>(st.source.file) < sources_.files.size())
      facts = sources_.location(st.source);
    if (!st.lock.level.empty()) {
      facts += fmt::format("{}lock {}{}", facts.empty() ? "" : ", ", st.lock.level,
                           st.lock.table.empty() ? "" : " on " + st.lock.table);
    }
    if (st.lock.rewrites) facts += ", rewrites the table";
    else if (st.lock.scans) facts += ", scans the table";
    if (!facts.empty()) out_ += "-- " + facts + "\n";
  }

  void statement(const PlannedStatement& st) {
    about(st);
    if (st.role == StatementRole::Recovery && !st.condition_sql.empty()) {
      // Only a concurrent index build has one (PostgreSQL's); a script cannot test it.
      out_ += "-- recovery left out: only migrac upgrade can test when it is needed\n";
      return;
    }
    bool loop = st.role == StatementRole::Backfill && !st.script_sql.empty();
    out_ += terminated(loop ? st.script_sql : st.sql) + "\n";
  }

  const SourceSet& sources_;
  ScriptOptions options_;
  HistoryTable table_;
  std::unique_ptr<HistorySql> history_;
  std::string h_;  // the table's name in SQL
  // The revision the script starts from: the parents it needs (up), its
  // newest migrations (down); start_ as its messages name it.
  std::vector<std::string> from_;
  std::string start_;
  std::vector<std::string> ids_;
  std::string out_;
};

}  // namespace

std::string render_mysql_script(const std::vector<const MigrationPlan*>& plans,
                                const SourceSet& sources, const ScriptOptions& options) {
  std::string error;
  auto table = parse_history_table(options.history_table, error);
  if (!table) {
    return fmt::format("SET SESSION completion_type = {};\n", lit("migrac: " + error));
  }
  return MysqlWriter(sources, options, *table).render(plans);
}

}  // namespace migrac

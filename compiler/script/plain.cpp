// The plain script format: SQL for a DBA to review (and run with any client).
// A header names the dialect and the number of migrations; each migration
// opens with its id, file, parents and whether it can be undone; each segment
// is marked as in or outside a transaction (with explicit BEGIN/COMMIT); each
// statement has a comment line with its lock, rewrite/scan facts and source.
// The output is byte-for-byte deterministic: no timestamps, no paths beyond
// the ones given.

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "compiler/script/formats.h"
#include "compiler/source/parallel.h"

namespace migrac {

namespace {

constexpr std::string_view kRule =
    "-- ---------------------------------------------------------------------------";

// Appends a name for a comment: as is when plain, else in double quotes.
void append_comment_name(std::string& out, const std::string& name) {
  bool plain = !name.empty();
  for (char c : name) {
    plain = plain && (c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  }
  if (plain) {
    out += name;
    return;
  }
  out += '"';
  out += name;
  out += '"';
}

// Appends "LEVEL on table, LEVEL on other, ..." (or "none").
void append_lock(std::string& out, const LockFacts& lock) {
  bool any = false;
  auto one = [&](const std::string& level, const std::string& object) {
    if (any) out += ", ";
    out += level;
    out += " on ";
    append_comment_name(out, object);
    any = true;
  };
  if (!lock.level.empty()) one(lock.level, lock.table);
  for (const ObjectLock& o : lock.others) one(o.level, o.object);
  if (!any) out += "none";
}

// Appends "lock: ... | rewrites: yes|no | scans: yes|no".
void append_facts(std::string& out, const LockFacts& lock) {
  out += "lock: ";
  append_lock(out, lock);
  out += lock.rewrites ? " | rewrites: yes" : " | rewrites: no";
  out += lock.scans ? " | scans: yes" : " | scans: no";
}

// Appends " | path:line", or nothing when the statement has no source.
void append_where(std::string& out, const PlannedStatement& s, const SourceSet& sources) {
  if (!s.source.valid() || static_cast<std::size_t>(s.source.file) >= sources.files.size()) return;
  out += " | ";
  out += sources[s.source.file].path;
  out += ':';
  fmt::format_to(std::back_inserter(out), "{}", s.source.begin.line);
}

// Appends the comment line before a statement.
// `closing`: a setting after the segment's last statement (it resets the session).
// `session_only`: the dialect's settings are for the session, also in a
// transaction (MySQL has no SET LOCAL).
void append_comment(std::string& out, const PlannedStatement& s, const Segment& segment,
                    bool closing, bool session_only, const SourceSet& sources) {
  switch (s.role) {
    case StatementRole::Setting:
      if (segment.transactional && !session_only) out += "-- setting: for this transaction only";
      else if (closing) out += "-- setting: back to the session default";
      else if (segment.transactional) out += "-- setting: for the session, reset after the segment";
      else out += "-- setting: for the session, as SET LOCAL has no effect outside a transaction";
      break;
    case StatementRole::Recovery:
      out +=
          "-- recovery: drops an index left INVALID by an interrupted build (the runner runs it "
          "only in that case) | ";
      append_facts(out, s.lock);
      append_where(out, s, sources);
      break;
    case StatementRole::Backfill:
      out += "-- backfill: in batches, each committed, until no row is left | ";
      append_facts(out, s.lock);
      append_where(out, s, sources);
      break;
    case StatementRole::Raw:
      out += "-- raw SQL: locks not analyzed";
      append_where(out, s, sources);
      break;
    case StatementRole::Ddl:
    case StatementRole::ReferenceCheck:
    case StatementRole::History:
      out += "-- ";
      append_facts(out, s.lock);
      append_where(out, s, sources);
      break;
  }
  out += '\n';
}

// A duration as the language writes it.
std::string pause_text(std::int64_t ms) {
  if (ms % 1000 == 0 && ms > 0) return fmt::format("{}s", ms / 1000);
  return fmt::format("{}ms", ms);
}

// `text` as comment lines: a line break (in a string literal) continues the comment.
std::string commented(const std::string& label, const std::string& text) {
  std::string out = "--   " + label;
  for (char c : text) out += c == '\n' ? std::string("\n--           ") : std::string(1, c);
  return out + "\n";
}

// What `migrac upgrade` runs for a backfill, which a script cannot (it loops
// in one statement, or has no loop at all): its batch statements, the row
// estimate its progress is measured against, and its pause.
std::string runtime_backfill(const PlannedStatement& s) {
  const BatchWalk& w = s.walk;
  std::string out;
  if (w.blocks) {
    out += fmt::format(
        "-- migrac upgrade walks the table's blocks instead, about {} rows' worth a batch, from "
        "the block after the last done ($1):\n",
        w.batch);
    out += commented("bound:  ", w.next_bound);
    out += commented("update: ", w.next_update);
  } else if (w.keys > 0) {
    out += fmt::format(
        "-- migrac upgrade walks the key in ranges of {} instead, each batch after the last key "
        "done ($1{}):\n",
        w.batch, w.keys > 1 ? fmt::format("..${}", w.keys) : "");
    out += commented("bound:  ", w.next_bound);
    out += commented("update: ", w.next_update);
  } else {
    out += "-- migrac upgrade repeats one batch instead, until it changes no row:\n";
    out += commented("batch:  ", s.sql);
  }
  if (!w.estimate_sql.empty()) out += commented("rows:   ", w.estimate_sql);
  if (w.pause_ms >= 0)
    out += fmt::format("--   pause:  {} between batches\n", pause_text(w.pause_ms));
  return out;
}

// Appends the statement with its terminating semicolon: at the end of its
// last line, or on a line of its own when that line may end in a `--` comment.
void append_terminated(std::string& out, const std::string& sql) {
  std::size_t last_line = sql.rfind('\n');
  std::string_view tail = last_line == std::string::npos ? std::string_view(sql)
                                                         : std::string_view(sql).substr(last_line);
  out += sql;
  out += tail.find("--") != std::string_view::npos ? "\n;" : ";";
}

void render_segments(std::string& out, const std::vector<Segment>& segments, bool session_only,
                     const SourceSet& sources) {
  if (segments.empty()) {
    out += "-- (no statements)\n";
    return;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& seg = segments[i];
    fmt::format_to(std::back_inserter(out), "-- segment {}/{}: {}\n", i + 1, segments.size(),
                   seg.transactional ? "in a transaction" : "outside a transaction");
    if (seg.transactional) out += "BEGIN;\n";
    // Settings after the last real statement close the segment (they reset the session).
    std::size_t last_real = seg.statements.size();
    for (std::size_t k = 0; k < seg.statements.size(); ++k) {
      if (seg.statements[k].role != StatementRole::Setting) last_real = k;
    }
    for (std::size_t k = 0; k < seg.statements.size(); ++k) {
      const PlannedStatement& s = seg.statements[k];
      bool closing = last_real < seg.statements.size() && k > last_real;
      out += "\n";
      append_comment(out, s, seg, closing, session_only, sources);
      if (s.role == StatementRole::Backfill) out += runtime_backfill(s);
      const std::string& text = s.role == StatementRole::Backfill && !s.script_sql.empty()
                                    ? s.script_sql
                                    : s.sql;
      append_terminated(out, text);
      out += '\n';
    }
    if (seg.transactional) out += "\nCOMMIT;\n";
    out += "\n";
  }
}

void render_migration(std::string& out, const MigrationPlan& plan, const SourceSet& sources,
                      bool down) {
  std::string parents;
  for (const std::string& p : plan.parents) parents += (parents.empty() ? "" : ", ") + p;
  fmt::format_to(std::back_inserter(out), "{}\n", kRule);
  fmt::format_to(std::back_inserter(out), "-- migration: {}{}\n", plan.id,
                 down ? " (downgrade)" : "");
  if (!plan.file.empty()) fmt::format_to(std::back_inserter(out), "-- file: {}\n", plan.file);
  if (plan.repeatable)
    out += "-- after: every versioned migration (repeatable: runs when its checksum changed)\n";
  else
    fmt::format_to(std::back_inserter(out), "-- after: {}\n", parents.empty() ? "(root)" : parents);
  if (plan.reversible) {
    out += "-- reversible: yes\n";
  } else {
    std::string at = plan.irreversible_at.valid() &&
                             static_cast<std::size_t>(plan.irreversible_at.file) <
                                 sources.files.size()
                         ? fmt::format(" ({})", sources.location(plan.irreversible_at))
                         : "";
    fmt::format_to(std::back_inserter(out), "-- reversible: no, {}{}\n", plan.irreversible_reason,
                   at);
  }
  fmt::format_to(std::back_inserter(out), "{}\n\n", kRule);
  if (down && !plan.reversible) {
    out += "-- (no statements: this migration cannot be downgraded)\n\n";
    return;
  }
  render_segments(out, down ? plan.down : plan.up, !plan.transactional_ddl, sources);
}

}  // namespace

std::vector<std::string> plain_script_pieces(const std::vector<const MigrationPlan*>& plans,
                                             const SourceSet& sources, const ScriptOptions& options,
                                             std::vector<std::string>* rendered) {
  std::vector<std::string> pieces(plans.size() + 1);
  std::string& out = pieces.front();
  out = fmt::format("-- migrac {} script for {}: {} migration{}\n",
                    options.down ? "downgrade" : "upgrade", dialect_name(options.dialect),
                    plans.size(), plans.size() == 1 ? "" : "s");
  out +=
      "-- Each segment runs in a transaction of its own or outside any transaction, as marked.\n";
  out += "-- Before each statement: the lock it takes, whether it rewrites or scans the table,\n";
  out += "-- and the line it comes from.\n";
  bool autocommit = std::any_of(plans.begin(), plans.end(),
                                [](const MigrationPlan* p) { return !p->transactional_ddl; });
  if (autocommit) {
    out += fmt::format("-- {} has no transactional DDL: each statement commits on its own.\n",
                       dialect_name(options.dialect));
  }
  out += "\n";
  // Each migration's text depends on its plan only: rendered in parallel
  // (those not rendered ahead), kept in order.
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (rendered && i < rendered->size() && !(*rendered)[i].empty())
      pieces[i + 1] = std::move((*rendered)[i]);
    else todo.push_back(i);
  }
  parallel_for(todo.size(), 0, 64, [&](std::size_t k) {
    render_migration(pieces[todo[k] + 1], *plans[todo[k]], sources, options.down);
  });
  // The script ends with one newline. Every migration's text starts with a
  // rule, so only the last piece has the blank lines to drop.
  std::string& last = pieces.back();
  while (last.size() > 1 && last[last.size() - 1] == '\n' && last[last.size() - 2] == '\n')
    last.pop_back();
  return pieces;
}

std::string render_plain_migration(const MigrationPlan& plan, const SourceSet& sources, bool down) {
  std::string out;
  render_migration(out, plan, sources, down);
  return out;
}

std::string render_plain_script(const std::vector<const MigrationPlan*>& plans,
                                const SourceSet& sources, const ScriptOptions& options) {
  std::vector<std::string> pieces = plain_script_pieces(plans, sources, options);
  std::size_t size = 0;
  for (const std::string& piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (const std::string& piece : pieces) out += piece;
  return out;
}

}  // namespace migrac

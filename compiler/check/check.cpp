// check_history: replays the migrations in topological order, each on the
// state of its own ancestors (join.h), resolving each into Changes, with its
// effective settings.
//
// Cost: along a line of migrations the state moves from parent to child and
// is never copied. A revision's state is copied only when more than one
// reader needs it: a second child (a branch point), a merge whose sides
// fork from it (its base), the final join of several heads. Lookups are by
// name (maps); only the tables a Change carries (table_after, previous
// states) are copied. A `down { }` block is checked on the schema after its
// `up` and then rolled back with an undo log (copies of the few tables it
// touches).
#include "compiler/check/check.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "compiler/check/checker.h"
#include "compiler/check/join.h"

namespace migrac {

namespace {

// CheckOptions.defaults, then the migration's own `set`s; --no-online wins.
MigrationSettings resolve_settings(const ast::Migration& m, const CheckOptions& options) {
  MigrationSettings s = options.defaults;
  for (const ast::Setting& set : m.settings) {
    switch (set.kind) {
      case ast::SettingKind::LockTimeout: s.lock_timeout_ms = set.duration_ms; break;
      case ast::SettingKind::StatementTimeout: s.statement_timeout_ms = set.duration_ms; break;
      case ast::SettingKind::Online: s.online = set.flag; break;
      case ast::SettingKind::Transaction: s.transactional = set.word != "none"; break;
      case ast::SettingKind::Unknown: break;  // reported by the syntax phase
    }
  }
  if (options.force_online) s.online = *options.force_online;
  if (m.no_transaction) s.transactional = false;
  return s;
}

// The schema after raw migration `id` from a current schema cache entry, or null.
const model::Schema* cached_schema(const CheckOptions& options, const std::string& id) {
  if (!options.raw_schemas) return nullptr;
  auto it = options.raw_schemas->find(id);
  return it == options.raw_schemas->end() ? nullptr : &it->second;
}

// The states of the replayed revisions that are still to be read. Each
// revision's reads are counted before the replay; the last read moves the
// state out, earlier ones copy it (or look at it), so a line of migrations
// never copies.
class StateStore {
 public:
  explicit StateStore(std::size_t revisions) : states_(revisions), reads_(revisions, 0) {}

  // One more read of `rev`'s state is to come.
  void expect(std::size_t rev) { ++reads_[rev]; }
  // Keeps the state of `rev` if it is to be read.
  void put(std::size_t rev, CheckState state) {
    if (reads_[rev] > 0) states_[rev] = std::make_unique<CheckState>(std::move(state));
  }
  // Reads `rev`'s state to own it: moved out by its last read, else copied.
  CheckState take(std::size_t rev) {
    if (--reads_[rev] > 0) return *states_[rev];
    CheckState s = std::move(*states_[rev]);
    states_[rev].reset();
    return s;
  }
  // Looks at `rev`'s state; release() ends the read.
  const CheckState& peek(std::size_t rev) const { return *states_[rev]; }
  void release(std::size_t rev) {
    if (--reads_[rev] == 0) states_[rev].reset();
  }

 private:
  std::vector<std::unique_ptr<CheckState>> states_;  // held only while to be read
  std::vector<int> reads_;
};

// Runs a join plan (join.h) over the stored states.
CheckState run_join(const JoinPlan& plan, StateStore& store, const JoinContext& ctx) {
  CheckState joined = store.take(plan.first);
  for (const JoinPlan::Step& step : plan.steps) {
    CheckState made;  // the empty schema, or the join of a criss-cross's bases
    const CheckState* base = &made;
    if (step.base_rev >= 0) {
      base = &store.peek(static_cast<std::size_t>(step.base_rev));
    } else if (step.base_join) {
      JoinContext quiet{ctx.migrations, ctx.touched, nullptr, {}};
      made = run_join(*step.base_join, store, quiet);
    }
    join_states(joined, *base, store.peek(step.parent), step, ctx);
    store.release(step.parent);
    if (step.base_rev >= 0) store.release(static_cast<std::size_t>(step.base_rev));
  }
  return joined;
}

// The `after` clause of a merge migration, where its conflicts are reported.
SourceRange after_clause(const ast::Migration& m) {
  if (m.parents.empty()) return m.id_range;
  SourceRange r = m.parents.front().range;
  r.end = m.parents.back().range.end;
  return r;
}

// The revisions with `in` set that no other such revision is after, by id.
std::vector<std::size_t> heads_in(const RevisionGraph& graph,
                                  const std::vector<ast::Migration>& migrations,
                                  const std::vector<std::size_t>& replayed,
                                  const std::vector<bool>& in) {
  std::vector<std::size_t> heads;
  for (std::size_t rev : replayed) {
    const std::vector<std::size_t>& children = graph.revisions[rev].children;
    if (std::none_of(children.begin(), children.end(), [&](std::size_t c) { return in[c]; }))
      heads.push_back(rev);
  }
  std::sort(heads.begin(), heads.end(),
            [&](std::size_t a, std::size_t b) { return migrations[a].id < migrations[b].id; });
  return heads;
}

}  // namespace

CheckedHistory check_history(const std::vector<ast::Migration>& migrations,
                             const RevisionGraph& graph, const SourceSet& sources,
                             const CheckOptions& options, Diagnostics& diags,
                             std::optional<std::size_t> stop_at) {
  CheckedHistory history;
  history.position.assign(migrations.size(), -1);
  history.checked.reserve(graph.order.size());

  // The revisions replayed (graph.order, up to stop_at) and their places.
  std::vector<std::size_t> replayed;
  std::vector<bool> in(migrations.size(), false);
  std::vector<long> place(migrations.size(), -1);
  for (std::size_t rev : graph.order) {
    in[rev] = true;
    place[rev] = static_cast<long>(replayed.size());
    replayed.push_back(rev);
    if (stop_at && rev == *stop_at) break;
  }

  // Who reads each revision's state: its children, the merges it is a base
  // of, and the final schema.
  StateStore store(migrations.size());
  std::vector<std::vector<std::size_t>> parents(migrations.size());
  std::vector<std::unique_ptr<JoinPlan>> merges(migrations.size());
  std::vector<std::size_t> reads;
  for (std::size_t rev : replayed) {
    for (std::size_t p : graph.revisions[rev].parents)
      if (in[p]) parents[rev].push_back(p);
    if (parents[rev].size() == 1) store.expect(parents[rev].front());
    if (parents[rev].size() < 2) continue;
    merges[rev] = std::make_unique<JoinPlan>(plan_join(graph, parents[rev], in, place));
    reads.clear();
    plan_reads(*merges[rev], reads);
    for (std::size_t r : reads) store.expect(r);
  }
  std::vector<std::size_t> heads;
  if (stop_at && in[*stop_at]) heads.push_back(*stop_at);
  else heads = heads_in(graph, migrations, replayed, in);
  std::unique_ptr<JoinPlan> final_join;
  if (heads.size() == 1) store.expect(heads.front());
  if (heads.size() > 1) {
    final_join = std::make_unique<JoinPlan>(plan_join(graph, heads, in, place));
    reads.clear();
    plan_reads(*final_join, reads);
    for (std::size_t r : reads) store.expect(r);
  }

  // A line of migrations from one root needs neither what each touched (no
  // join reads it) nor where other branches create tables (there are none).
  std::size_t roots = 0;
  bool branchy = false;
  for (std::size_t rev : replayed) {
    if (parents[rev].empty()) ++roots;
    if (parents[rev].size() > 1) branchy = true;
    const std::vector<std::size_t>& children = graph.revisions[rev].children;
    if (std::count_if(children.begin(), children.end(), [&](std::size_t c) { return in[c]; }) > 1)
      branchy = true;
  }
  branchy = branchy || roots > 1;
  std::vector<Touched> touched(branchy ? migrations.size() : 0);
  CreatedAnywhere anywhere;
  for (std::size_t rev : replayed) {
    const ast::Migration& m = migrations[rev];
    CheckState state;  // a root starts from the empty schema
    if (merges[rev]) {
      JoinContext ctx{migrations, touched, &diags, after_clause(m)};
      state = run_join(*merges[rev], store, ctx);
    } else if (!parents[rev].empty()) {
      state = store.take(parents[rev].front());
    }
    if (branchy) {
      state.touched = &touched[rev];
      state.anywhere = &anywhere;
    }
    state.parsed_ahead = options.parsed_ahead;
    if (options.keep_before && rev < options.keep_before->size() && (*options.keep_before)[rev]) {
      ModelBefore& before = history.before[rev];
      before.schema = state.schema;
      for (const auto& [table, taint] : state.tainted) before.uncertain_tables.insert(table);
      before.opaque = state.opaque.has_value();
    }
    CheckedMigration cm;
    cm.migration = rev;
    cm.settings = resolve_settings(m, options);
    if (m.format == MigrationFormat::RawSql) {
      cm.has_raw_sql = true;
      check_raw_transaction(m, cm.settings.transactional, diags);
      if (const model::Schema* cached = cached_schema(options, m.id))
        apply_edit(state, model::Edit{model::ReplaceSchema{*cached}},
                   EditSites{m.id_range, m.id_range}, nullptr);
      else apply_raw_ddl(m, state, sources, diags);
    } else {
      Checker checker(state, diags, nullptr, &sources);
      checker.begin_migration(m.down.has_value());
      for (const ast::Operation& op : m.up) checker.check(op, cm.up);
      state.touched = nullptr;
      if (m.down) {
        // Checked on the state after `up`, then rolled back.
        UndoLog undo;
        Checker down_checker(state, diags, &undo, &sources);
        down_checker.begin_migration(true);
        std::vector<model::Change> down;
        for (const ast::Operation& op : *m.down) down_checker.check(op, down);
        roll_back(undo);
        cm.explicit_down = std::move(down);
      }
    }
    state.touched = nullptr;
    state.anywhere = nullptr;
    state.parsed_ahead = nullptr;
    if (branchy) {
      for (const std::string& t : touched[rev].tables) {  // the tables it created
        auto at = state.table_at.find(t);
        if (at != state.table_at.end() && at->second.file == m.file && state.schema.table(t))
          anywhere.tables.insert_or_assign(t, std::make_pair(m.id, at->second));
      }
    }
    history.position[rev] = static_cast<long>(history.checked.size());
    history.checked.push_back(std::move(cm));
    if (options.on_checked) options.on_checked(history.checked.back());
    if (options.keep_schemas) history.schema_after.push_back(state.schema);
    store.put(rev, std::move(state));
  }

  if (final_join) {
    JoinContext quiet{migrations, touched, nullptr, {}};
    history.final_schema = run_join(*final_join, store, quiet).schema;
  } else if (!heads.empty()) {
    history.final_schema = store.take(heads.front()).schema;
  }
  return history;
}

void check_repeatables(const std::vector<ast::Migration>& repeatables, const SourceSet& sources,
                       const CheckOptions& options, CheckedHistory& history, Diagnostics& diags) {
  CheckState state;
  state.schema = std::move(history.final_schema);
  for (std::size_t i = 0; i < repeatables.size(); ++i) {
    const ast::Migration& m = repeatables[i];
    CheckedMigration cm;
    cm.migration = i;
    cm.settings = resolve_settings(m, options);
    cm.has_raw_sql = true;
    if (!cm.settings.transactional) {
      diags.report(DiagKind::RepeatableNoTransaction, m.id_range,
                   fmt::format("repeatable migration '{}' is marked to run outside a transaction",
                               m.id),
                   "a repeatable runs in one transaction with its history row, so that a failed "
                   "run leaves nothing behind; move statements such as CREATE INDEX "
                   "CONCURRENTLY into a versioned migration");
    }
    if (cm.settings.transactional) check_raw_transaction(m, true, diags);
    apply_raw_ddl(m, state, sources, diags);
    history.repeatables.push_back(std::move(cm));
  }
  history.final_schema = std::move(state.schema);
}

}  // namespace migrac

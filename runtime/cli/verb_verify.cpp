// `migrac verify [--url SERVER] [--head-only]`: on a scratch database, apply
// every migration in order, reading the schema back after each one and holding
// it against the model at that revision; then revert them one by one, holding
// each result against the model before the migration; then apply them again.
// Each divergence is a diagnostic at its migration; a divergence is reported
// where it appears, and the run goes on from what the database holds, so one
// run reports every one of them. Exit 0: the model and the database agree
// everywhere; 1: they do not, or a migration does not apply or revert, or (in
// a project that keeps a schema cache) a raw migration's entry is not current.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string_view>

#include <unistd.h>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/model/apply.h"
#include "runtime/cli/dev_schema.h"
#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/steps.h"
#include "runtime/cli/verbs.h"
#include "runtime/db/scratch.h"
#include "runtime/db/url.h"

namespace migrac::cli {

namespace {

// One verify run: the project, its plans, the scratch session, and what the
// last comparison found (a divergence already reported is not repeated).
class Verifier {
 public:
  Verifier(const Project& project, const std::vector<MigrationPlan>& plans, Session& session,
           bool head_only, bool show_progress)
      : project_(project),
        plans_(plans),
        session_(session),
        head_only_(head_only),
        show_progress_(show_progress),
        progress_(runner::OutputFormat::Text, true, std::cout, std::cerr) {}

  void run() {
    std::size_t n = plans_.size();
    steps_total_ = 3 * n;
    // Up, one migration at a time.
    for (std::size_t i = 0; i < n; ++i) {
      if (!apply(i, i + 1, false)) return;
      if (!head_only_ || i + 1 == n) hold(i, false, schema_after(i + 1), "after ");
      step_done("applied", i + 1 == n);
    }
    // Down, one at a time, as far as the migrations can be reverted.
    std::size_t reverted_to = n;
    while (reverted_to > 0) {
      std::size_t i = reverted_to - 1;
      const MigrationPlan& plan = plans_[i];
      if (!plan.reversible) {
        diags_.report(DiagKind::VerifyStopsDown, plan.irreversible_at,
                      fmt::format("the way down stops at '{}', which cannot be reverted: {}",
                                  plan.id, plan.irreversible_reason));
        break;
      }
      if (!apply(i, i + 1, true)) return;
      declare_leftovers(i);
      reverted_to = i;
      if (!head_only_ || reverted_to == 0) hold(i, true, schema_after(i), "after reverting ");
      step_done("reverted", reverted_to == 0);
    }
    // The way down may stop early: then so many fewer to revert and apply again.
    steps_total_ = n + 2 * (n - reverted_to);
    if (reverted_to > 0) step_done("reverted", true, false);
    // Up again, to the head.
    if (reverted_to < n) {
      again_ = true;
      if (!apply(reverted_to, n, false)) return;
      hold(n - 1, false, schema_after(n), "after applying again up to ");
      steps_ += n - reverted_to - 1;
      step_done("applied again", true);
    }
  }

  const Diagnostics& diagnostics() const { return diags_; }
  std::size_t reverted() const { return reverted_; }

 private:
  // Progress on stderr, counting each migration applied, reverted or applied
  // again as a step: on a terminal at most a line a second with the steps done
  // of the total, their rate and the time left; otherwise a line at the end of
  // each pass (`pass_end`). `count`: this call is a step.
  void step_done(const char* pass, bool pass_end, bool count = true) {
    if (count) ++steps_;
    if (!show_progress_) return;
    using namespace std::chrono;
    auto now = steady_clock::now();
    double seconds = duration<double>(now - start_).count();
    bool terminal = isatty(STDERR_FILENO) == 1;
    if (terminal ? (!pass_end && now - last_line_ < seconds_t(1)) : !pass_end) return;
    last_line_ = now;
    double rate = seconds > 0 ? static_cast<double>(steps_) / seconds : 0;
    std::string left;
    if (rate > 0 && steps_ < steps_total_)
      left = fmt::format(", about {:.1f} s left",
                         static_cast<double>(steps_total_ - steps_) / rate);
    std::cerr << fmt::format("verify: {} of {} steps ({} {}), {:.1f} migrations/s{}\n", steps_,
                             steps_total_, pass, pass_count(pass), rate, left);
  }

  // How many migrations the pass named `pass` has done so far.
  std::size_t pass_count(std::string_view pass) const {
    std::size_t n = plans_.size();
    if (pass == "applied") return std::min(steps_, n);
    if (pass == "reverted") return reverted_;
    return steps_ - n - reverted_;
  }

  using seconds_t = std::chrono::duration<double>;

  // The model after the first `k` migrations in order (with branches, the
  // join of their heads: what the database holds then).
  const model::Schema& schema_after(std::size_t k) {
    auto it = models_.find(k);
    if (it != models_.end()) return it->second;
    std::vector<std::size_t> revs;
    for (std::size_t i = 0; i < k; ++i) revs.push_back(plans_[i].migration);
    return models_.emplace(k, model_of(project_, revs)).first->second;
  }

  // Applies plans [from, to) (or reverts plan `from` when `down`); a failure
  // is reported at the migration.
  bool apply(std::size_t from, std::size_t to, bool down) {
    runner::Runner r(*session_.db, session_.table, project_.sources, progress_, {});
    std::vector<runner::Step> steps;
    std::vector<history::Row> rows;
    if (down) {
      bool exists = false;
      if (auto err = session_.store->read(rows, exists)) {
        fail(kDatabaseError, "migrac verify: history table {}: {}", session_.table.display(),
             err->one_line());
      }
      const history::Row* row = nullptr;
      for (const history::Row& candidate : rows) {
        if (candidate.id == plans_[from].id) row = &candidate;
      }
      steps.push_back({&plans_[from], row});
    } else {
      for (std::size_t i = from; i < to; ++i) steps.push_back({&plans_[i], nullptr});
    }
    if (down ? r.downgrade(steps) : r.upgrade(steps)) {
      if (down) ++reverted_;
      return true;
    }
    const MigrationPlan& failed = plans_[std::min(from + r.done(), to - 1)];
    diags_.report(DiagKind::VerifyApplyFailed, project_.migrations[failed.migration].id_range,
                  fmt::format("'{}' does not {} on the scratch database (the server's message is "
                              "above); verify stops here",
                              failed.id,
                              down     ? "revert"
                              : again_ ? "apply again after its revert"
                                       : "apply"));
    return false;
  }

  // Records what the written down block of plan `i` leaves of its up: the
  // model before the migration against the schema after its up and down.
  void declare_leftovers(std::size_t i) {
    long pos = project_.history.position[plans_[i].migration];
    if (pos < 0) return;
    const CheckedMigration& cm = project_.history.checked[static_cast<std::size_t>(pos)];
    if (!cm.explicit_down) return;
    model::Schema after_down = schema_after(i + 1);
    for (const model::Change& c : *cm.explicit_down) model::apply(after_down, c.kind);
    for (model::Difference& d : compare_live(session_, schema_after(i), after_down))
      declared_.push_back(std::move(d));
  }

  // Reads the database and reports what differs from `model` and was not
  // reported before; new unmodeled objects as information.
  void hold(std::size_t i, bool down, const model::Schema& model, const std::string& what) {
    LiveSchema live = read_live_schema(session_, "verify");
    std::vector<model::Difference> now = compare_live(session_, model, live.schema);
    std::vector<model::Difference> fresh;
    for (const model::Difference& d : now) {
      if (std::find(last_.begin(), last_.end(), d) == last_.end()) fresh.push_back(d);
    }
    const std::string& id = plans_[i].id;
    // What a written `down { }` block says it leaves behind (PostgreSQL cannot
    // drop an enum value) is a warning: the database does what the file says.
    // Applying again repeats the first way up: what that reported is not repeated.
    if (again_) {
      std::erase_if(fresh, [&](const model::Difference& d) {
        return std::find(reported_up_.begin(), reported_up_.end(), d) != reported_up_.end();
      });
    } else if (!down) {
      reported_up_.insert(reported_up_.end(), fresh.begin(), fresh.end());
    }
    std::vector<model::Difference> kept;
    if (down) {
      std::erase_if(fresh, [&](const model::Difference& d) {
        if (std::find(declared_.begin(), declared_.end(), d) == declared_.end()) return false;
        kept.push_back(d);
        return true;
      });
    }
    report_differences(diags_, down ? DiagKind::VerifyDownDiffers : DiagKind::VerifyUpDiffers,
                       fmt::format("{}'{}' ", what, id), fresh, project_, plans_[i].migration,
                       down);
    for (const model::Difference& d : kept) {
      diags_.report(DiagKind::VerifyDownKeeps,
                    difference_location(project_, plans_[i].migration, true, d),
                    fmt::format("{}'{}' {}, as its down block says", what, id, model::describe(d)));
    }
    last_ = std::move(now);
    for (const UnmodeledObject& o : live.unmodeled) {
      std::string key = o.kind + " " + o.name;
      if (!unmodeled_.insert(key).second) continue;
      diags_.report(DiagKind::UnmodeledObject, project_.migrations[plans_[i].migration].id_range,
                    fmt::format("after '{}' the database has {} '{}'{}, which the model does not "
                                "hold: it is not compared",
                                id, o.kind, o.name, o.note.empty() ? "" : " (" + o.note + ")"));
    }
  }

  const Project& project_;
  const std::vector<MigrationPlan>& plans_;
  Session& session_;
  bool head_only_;
  bool show_progress_;
  std::size_t steps_ = 0;  // migrations applied, reverted and applied again so far
  std::size_t steps_total_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_line_{};
  runner::Progress progress_;
  Diagnostics diags_;
  std::vector<model::Difference> last_;
  std::map<std::size_t, model::Schema> models_;  // schema_after(k), worked out once
  std::vector<model::Difference> declared_;      // left behind by written down blocks
  std::vector<model::Difference> reported_up_;   // reported on the first way up
  std::set<std::string> unmodeled_;
  std::size_t reverted_ = 0;
  bool again_ = false;  // applying again after the way down
};

// The dialect of the scratch database and the server it is made on ("" for a
// temporary SQLite file); fails with exit 2.
std::pair<Dialect, std::string> scratch_target(const Invocation& inv) {
  std::string url = inv.config.url;
  Dialect dialect = config_dialect(inv.config);
  if (db::is_sqlite_url(url)) return {Dialect::Sqlite, ""};
  if (url.empty()) {
    if (dialect == Dialect::Sqlite) return {Dialect::Sqlite, ""};
    usage_error(inv, fmt::format("no server for the scratch database of the {} dialect: give "
                                 "--url (verify creates a database there and drops it), or verify "
                                 "offline with --dialect sqlite",
                                 dialect_name(dialect)));
  }
  std::string error;
  std::optional<db::DbUrl> parsed = db::parse_url(url, error);
  if (!parsed) usage_error(inv, error);
  if (parsed->engine == db::Engine::Mysql) return {Dialect::Mysql, url};
  return {Dialect::Postgres, url};
}

}  // namespace

int verb_verify(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("head-only", po::bool_switch(),
                     "read the schema back only at the head and at base (faster on long "
                     "histories)");
  opts.add(database_options(kConnectOptions));
  Invocation inv = parse_invocation(
      "verify", "verify [--url SERVER] [--dialect D] [--head-only] [--format text|json]", args,
      opts, 0);
  DbSettings settings = db_settings(inv);
  auto t0 = std::chrono::steady_clock::now();
  auto [dialect, server] = scratch_target(inv);
  auto emitter = make_emitter(dialect);
  Diagnostics cache_diags;  // raw migrations whose schema cache entry is not current
  Project project = compile_for_verify(inv, cache_diags);
  std::vector<MigrationPlan> plans = plan_or_fail(project, project.graph.order, *emitter);

  std::string error;
  std::unique_ptr<db::ScratchDatabase> scratch = db::ScratchDatabase::create(server, error);
  if (!scratch) fail(kDatabaseError, "migrac verify: {}", error);
  for (const std::string& left : scratch->removed_leftovers())
    std::cerr << fmt::format("migrac verify: removed '{}', left by a killed run\n", left);
  Diagnostics diags;
  std::size_t reverted = 0;
  {
    Session session = open_session(inv, settings, SessionMode::Write, &scratch->connect_options());
    ensure_history_table(session, "verify");
    Verifier v(project, plans, session, inv.vm["head-only"].as<bool>(),
               settings.format != runner::OutputFormat::Json && !settings.quiet);
    v.run();
    diags = v.diagnostics();
    reverted = v.reverted();
  }
  // A raw migration's model is the database's only when its cache entry is current.
  diags.append(cache_diags);
  if (std::string err = scratch->remove(); !err.empty())
    std::cerr << fmt::format("migrac verify: could not remove the scratch {}: {}\n",
                             scratch->describe(), err);
  diags.sort();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  t0)
                .count();
  if (settings.format == runner::OutputFormat::Json) {
    std::cout << render_json(diags, project.sources);
  } else {
    std::cerr << render_text(diags, project.sources);
    std::cout << fmt::format(
        "verify: {} migrations applied, {} reverted{} on a scratch {} database in {} ms: {}\n",
        plans.size(), reverted, reverted ? " and applied again" : "", dialect_name(dialect), ms,
        diags.has_errors() ? fmt::format("{} divergences", diags.error_count())
                           : std::string("the model and the database agree"));
  }
  return diags.has_errors() ? kMigrationErrors : kOk;
}

}  // namespace migrac::cli

#include "compiler/project/plan_ahead.h"

#include <stdexcept>

#include "compiler/project/project.h"

namespace migrac {

namespace {

// Slots a planner takes at once: few enough that two planners share the end
// of the history, enough that the lock is rarely taken.
constexpr std::size_t kBatch = 8;

// Empties what a rendered migration's plan was made from: its operations and
// raw statements. Its id, parents, settings and checksum stay (the checker
// names migrations by id in its messages).
void drop_operations(ast::Migration& m) {
  m.up = {};
  m.down.reset();
  m.raw_up = {};
  m.raw_down = {};
}

}  // namespace

PlanAhead::PlanAhead(const Emitter& emitter, PlanOptions options, RenderPlan render)
    : emitter_(emitter), options_(options), render_(std::move(render)) {}

PlanAhead::~PlanAhead() {
  if (thread_.joinable()) finish();
}

void PlanAhead::start(std::vector<ast::Migration>& migrations, const SourceSet& sources,
                      std::size_t capacity) {
  migrations_ = &migrations;
  sources_ = &sources;
  // Reserved once: publish never reallocates, so a planner reads a slot
  // while the checker appends the next.
  published_.reserve(capacity);
  if (render_) {
    owned_.reserve(capacity);
    texts_.resize(capacity);
  }
  plans_.resize(capacity);
  diags_.resize(capacity);
  thread_ = std::thread([this] { drain(true); });
}

void PlanAhead::publish(CheckedMigration& checked) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (published_.size() == published_.capacity()) return;  // more than start said: planned later
  if (render_) {
    CheckedMigration& mine = owned_.emplace_back();
    mine.migration = checked.migration;
    mine.settings = checked.settings;
    mine.has_raw_sql = checked.has_raw_sql;
    mine.up = std::move(checked.up);
    mine.explicit_down = std::move(checked.explicit_down);
    checked.up = {};
    checked.explicit_down.reset();
    published_.push_back(&mine);
  } else {
    published_.push_back(&checked);
  }
  if (waiting_) wake_.notify_one();
}

void PlanAhead::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    if (waiting_) wake_.notify_one();
  }
  drain(false);
  if (thread_.joinable()) thread_.join();
}

void PlanAhead::drain(bool until_done) {
  for (;;) {
    std::size_t first = 0, last = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      while (next_ == published_.size()) {
        if (done_ || !until_done) return;
        waiting_ = true;
        wake_.wait(lock);
        waiting_ = false;
      }
      first = next_;
      last = std::min(published_.size(), first + kBatch);
      next_ = last;
    }
    for (std::size_t i = first; i < last; ++i) {
      const CheckedMigration& cm = *published_[i];
      MigrationPlan& plan = plans_[i];
      plan = plan_migration((*migrations_)[cm.migration], cm, emitter_, *sources_, options_,
                            diags_[i]);
      if (!render_) continue;
      owned_[i].up = {};
      owned_[i].explicit_down.reset();
      if (diags_[i].has_errors()) continue;
      texts_[i] = render_(plan, *sources_);
      plan.up = {};
      plan.down = {};
      drop_operations((*migrations_)[cm.migration]);
    }
  }
}

std::vector<MigrationPlan> PlanAhead::take(const Project& project,
                                           const std::vector<std::size_t>& revs, Diagnostics& diags,
                                           std::vector<std::string>* texts) {
  if (render_ && taken_)
    throw std::logic_error("PlanAhead::take: the checked changes went with the first take");
  taken_ = true;
  std::vector<MigrationPlan> plans;
  if (texts) texts->clear();
  // The whole history in check order, all planned ahead (a plain `sql`):
  // the plans are taken as they are, not moved one by one.
  bool as_checked = revs.size() == published_.size();
  for (std::size_t at = 0; as_checked && at < revs.size(); ++at) {
    as_checked = project.history.position[revs[at]] == static_cast<long>(at) &&
                 published_[at]->migration == revs[at];
  }
  if (as_checked) {
    plans = std::move(plans_);
    plans.resize(revs.size());
    for (std::size_t at = 0; at < revs.size(); ++at) {
      diags.append(diags_[at]);
      if (texts) texts->push_back(render_ ? std::move(texts_[at]) : std::string());
    }
  } else {
    take_each(project, revs, diags, texts, plans);
  }
  // Taken once: the moved-from shells go, and (without render_) a later
  // take plans anew.
  published_ = {};
  owned_ = {};
  plans_ = {};
  texts_ = {};
  diags_ = {};
  return plans;
}

void PlanAhead::take_each(const Project& project, const std::vector<std::size_t>& revs,
                          Diagnostics& diags, std::vector<std::string>* texts,
                          std::vector<MigrationPlan>& plans) {
  plans.reserve(revs.size());
  for (std::size_t rev : revs) {
    long pos = project.history.position[rev];
    if (pos < 0) continue;
    auto at = static_cast<std::size_t>(pos);
    std::string text;
    if (at < published_.size() && published_[at]->migration == rev) {
      plans.push_back(std::move(plans_[at]));
      diags.append(diags_[at]);
      if (render_) text = std::move(texts_[at]);
    } else {
      Diagnostics now;
      plans.push_back(plan_revisions(project, {rev}, emitter_, now, options_).front());
      diags.append(now);
    }
    if (texts) texts->push_back(std::move(text));
  }
}

}  // namespace migrac

#pragma once
// Planning beside the checker. The checker replays the history on one core;
// planning the whole history after it would leave the other cores idle
// meanwhile. A PlanAhead given to compile_project (ProjectOptions::plan_ahead)
// plans each migration on a second thread as soon as the checker has resolved
// it, and the caller takes the plans afterwards. A migration checked after the
// first error is not planned ahead (the run fails anyway).
//
// Given a RenderPlan, the planning thread also renders each plan as soon as
// it is made, and then keeps only the text and the plan's facts (its
// segments dropped), and drops the migration's checked changes, which it
// took from the history when they were published, and the migration's
// operations as parsed (its id, parents and settings stay): a long history's
// syntax trees, changes, plans and script text are then never all held at
// once, and the checker reuses their memory.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/diag/diag.h"
#include "compiler/plan/plan.h"
#include "compiler/source/source.h"

namespace migrac {

struct Project;

// The script text of one migration's plan (see above).
using RenderPlan = std::function<std::string(const MigrationPlan&, const SourceSet&)>;

// Plans the checked migrations of one compile_project run, on its own thread.
class PlanAhead {
 public:
  PlanAhead(const Emitter& emitter, PlanOptions options, RenderPlan render = {});
  ~PlanAhead();
  PlanAhead(const PlanAhead&) = delete;
  PlanAhead& operator=(const PlanAhead&) = delete;

  // compile_project's side. start: before the checker, with room for
  // `capacity` migrations; publish: on the checking thread, for each
  // migration checked (in check order; with a RenderPlan, its changes are
  // moved out of `checked`); finish: after the checker, helps plan what is
  // left and waits for the thread. The migrations and sources must not
  // change until finish returns (with a RenderPlan, the planning thread
  // empties the operations of each migration it has rendered).
  void start(std::vector<ast::Migration>& migrations, const SourceSet& sources,
             std::size_t capacity);
  void publish(CheckedMigration& checked);
  void finish();

  // The plans of `revs` (graph indexes, in order), as plan_revisions makes
  // them: taken from what was planned ahead, planned now where nothing was.
  // With a RenderPlan, `texts` (when given) gets each plan's text, or "" for
  // a plan that was not rendered (planned now, or with errors), and a
  // rendered plan has no segments; the changes being gone, take is then
  // called once.
  std::vector<MigrationPlan> take(const Project& project, const std::vector<std::size_t>& revs,
                                  Diagnostics& diags, std::vector<std::string>* texts = nullptr);

  // How many migrations were published (and so planned ahead), until take.
  std::size_t published() const { return published_.size(); }

 private:
  // take's general case: each of `revs` taken from its slot, or planned now.
  void take_each(const Project& project, const std::vector<std::size_t>& revs, Diagnostics& diags,
                 std::vector<std::string>* texts, std::vector<MigrationPlan>& plans);

  // Plans published migrations until there are none (and, unless
  // `until_done` is false, until finish has been called).
  void drain(bool until_done);

  const Emitter& emitter_;
  PlanOptions options_;
  RenderPlan render_;
  std::vector<ast::Migration>* migrations_ = nullptr;
  const SourceSet* sources_ = nullptr;
  // Slot i holds the plan of the i-th migration checked (CheckedHistory::checked[i]).
  std::vector<const CheckedMigration*> published_;
  // With render_: what published_ points to, the changes taken from the
  // history (released once planned).
  std::vector<CheckedMigration> owned_;
  std::vector<MigrationPlan> plans_;
  std::vector<std::string> texts_;
  std::vector<Diagnostics> diags_;
  bool taken_ = false;    // with render_: take has run
  std::size_t next_ = 0;  // the first published slot not yet taken by a planner
  std::mutex mutex_;
  std::condition_variable wake_;
  bool waiting_ = false;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace migrac

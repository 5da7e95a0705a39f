#include "runtime/runner/index_watch.h"

namespace migrac::runner {

IndexWatch::IndexWatch(db::IndexProgressReader* reader, std::string table, Progress& progress)
    : reader_(reader),
      table_(std::move(table)),
      progress_(progress),
      start_(std::chrono::steady_clock::now()) {
  if (reader_ != nullptr && !progress_.json() && !progress_.quiet())
    thread_ = std::thread([this] { watch(); });
}

IndexWatch::~IndexWatch() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void IndexWatch::watch() {
  // The first line after a second: a quick build prints none.
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) {
    lock.unlock();
    std::optional<db::IndexBuildState> state = reader_->read();
    lock.lock();
    if (stop_) return;
    if (!state) continue;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start_)
                  .count();
    progress_.index_progress(table_, *state, ms);
  }
}

}  // namespace migrac::runner

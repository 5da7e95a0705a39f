#pragma once
// Progress of a long CREATE INDEX: while the statement runs on the runner's
// connection, a thread reads the build's phase from a second connection
// (db::IndexProgressReader) once a second and reports it (Progress).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "runtime/db/driver.h"
#include "runtime/runner/progress.h"

namespace migrac::runner {

// Watches one index build for as long as it lives; does nothing with a null reader.
class IndexWatch {
 public:
  IndexWatch(db::IndexProgressReader* reader, std::string table, Progress& progress);
  ~IndexWatch();  // stops the thread and waits for it
  IndexWatch(const IndexWatch&) = delete;
  IndexWatch& operator=(const IndexWatch&) = delete;

 private:
  void watch();

  db::IndexProgressReader* reader_;
  std::string table_;
  Progress& progress_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace migrac::runner

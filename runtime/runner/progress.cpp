#include "runtime/runner/progress.h"

#include <chrono>
#include <iostream>
#include <ostream>

#include <unistd.h>

#include <fmt/format.h>

#include "compiler/diag/colour.h"
#include "compiler/diag/json_text.h"

namespace migrac::runner {

namespace {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::string duration_text(std::int64_t ms) {
  if (ms < 1000) return fmt::format("{} ms", ms);
  return fmt::format("{:.2f} s", static_cast<double>(ms) / 1000.0);
}

}  // namespace

Progress::Progress(OutputFormat format, bool quiet, std::ostream& out, std::ostream& err)
    : format_(format), quiet_(quiet), out_(out), err_(err) {
  doc_["migrations"] = nlohmann::json::array();
}

void Progress::header(const std::string& line) {
  if (json() || quiet_) return;
  out_ << line << "\n";
}

void Progress::migration_begin(const std::string& id, bool down, int resume_at, int segments) {
  current_ = nlohmann::json{
      {"id", id}, {"direction", down ? "down" : "up"}, {"segments", nlohmann::json::array()}};
  if (resume_at > 0) current_["resumed_at_segment"] = resume_at + 1;
  if (json() || quiet_) return;
  std::string resumed = resume_at > 0 ? fmt::format(" (resuming at segment {} of {})",
                                                    resume_at + 1, segments)
                                      : "";
  out_ << fmt::format("{} {}{}\n",
                      paint(down ? "revert" : "apply ", sgr::kGreen, colour_choice().out), id,
                      resumed);
  out_.flush();
}

void Progress::segment_done(int index, int segments, bool transactional, std::size_t statements,
                            std::int64_t ms) {
  current_["segments"].push_back({{"segment", index},
                                  {"transactional", transactional},
                                  {"statements", statements},
                                  {"duration_ms", ms}});
  if (json() || quiet_) return;
  out_ << fmt::format("  segment {}/{} {:<15} {:>3} statement{}  {}\n", index, segments,
                      transactional ? "transaction" : "no transaction", statements,
                      statements == 1 ? " " : "s", duration_text(ms));
  out_.flush();
}

namespace {

// 12345 -> "12.3k", 2000000 -> "2.00M": the rate and counts of a progress line.
std::string count_text(double n) {
  if (n >= 1e6) return fmt::format("{:.2f}M", n / 1e6);
  if (n >= 1e4) return fmt::format("{:.1f}k", n / 1e3);
  return fmt::format("{:.0f}", n);
}

}  // namespace

void Progress::backfill_progress(const BackfillState& b, bool final) {
  double seconds = static_cast<double>(b.elapsed_ms) / 1000.0;
  // A walk passes rows whether they need the update or not: its pace is the
  // rows walked; without a walk, the rows updated.
  std::int64_t done = b.walked >= 0 ? b.walked : b.rows;
  if (b.estimate >= 0 && done > b.estimate) done = b.estimate;
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  if (final) {
    current_["backfill_rows"] = current_.value("backfill_rows", std::int64_t{0}) + b.rows;
    current_["backfills"].push_back({{"table", b.table},
                                     {"rows", b.rows},
                                     {"batches", b.batches},
                                     {"estimate", b.estimate},
                                     {"duration_ms", b.elapsed_ms}});
  }
  if (json() || quiet_) return;
  std::int64_t now = now_ms();
  if (!final && now - last_progress_ms_ < 1000) return;
  last_progress_ms_ = now;
  std::string batches = fmt::format("{} batch{}", b.batches, b.batches == 1 ? "" : "es");
  if (final) {
    out_ << fmt::format("  backfill {}: {} rows ({}) in {}{}\n", b.table, b.rows, batches,
                        duration_text(b.elapsed_ms),
                        rate > 0 ? fmt::format(", {} rows/s", count_text(rate)) : "");
    out_.flush();
    return;
  }
  std::string of;
  std::string left;
  if (b.estimate > 0) {
    of = fmt::format(" of ~{} ({:.0f}%)", count_text(static_cast<double>(b.estimate)),
                     100.0 * static_cast<double>(done) / static_cast<double>(b.estimate));
    if (rate > 0) {
      auto ms = static_cast<std::int64_t>(static_cast<double>(b.estimate - done) / rate * 1000.0);
      left = fmt::format(", about {} left", duration_text(ms));
    }
  }
  std::string updated = b.walked >= 0 ? fmt::format(" walked, {} updated",
                                                    count_text(static_cast<double>(b.rows)))
                                      : " updated";
  out_ << fmt::format("  backfill {}: {}{} rows{} ({}), {} rows/s{}\n", b.table,
                      count_text(static_cast<double>(done)), of, updated, batches, count_text(rate),
                      left);
  out_.flush();
}

void Progress::index_progress(const std::string& table, const db::IndexBuildState& s,
                              std::int64_t elapsed_ms) {
  if (json() || quiet_) return;
  bool new_phase = s.phase != index_phase_;
  if (new_phase) {
    index_phase_ = s.phase;
    index_phase_ms_ = elapsed_ms;
    index_phase_done_ = s.done;
  }
  bool terminal = &out_ == &std::cout && isatty(STDOUT_FILENO) == 1;
  if (!new_phase && !terminal) return;
  std::string counts;
  if (s.total > 0) {
    counts = fmt::format(", {} of {} {} ({:.0f}%)", count_text(static_cast<double>(s.done)),
                         count_text(static_cast<double>(s.total)), s.unit,
                         100.0 * static_cast<double>(s.done) / static_cast<double>(s.total));
    double seconds = static_cast<double>(elapsed_ms - index_phase_ms_) / 1000.0;
    double rate = seconds > 0 ? static_cast<double>(s.done - index_phase_done_) / seconds : 0;
    if (rate > 0) {
      auto ms = static_cast<std::int64_t>(static_cast<double>(s.total - s.done) / rate * 1000.0);
      counts += fmt::format(", {} {}/s, about {} left in this phase", count_text(rate), s.unit,
                            duration_text(ms));
    }
  }
  out_ << fmt::format("  index build on {}: {}{} ({} so far)\n", table, s.phase, counts,
                      duration_text(elapsed_ms));
  out_.flush();
}

void Progress::retry(const std::string& id, int segment, const db::DbError& error, int attempt,
                     int retries, std::int64_t wait_ms) {
  current_["retries"] = current_.value("retries", 0) + 1;
  if (json()) return;
  err_ << fmt::format("migrac: {} in segment {} of '{}': {}; retry {} of {} in {}\n",
                      error.kind == db::ErrorKind::Deadlock ? "deadlock" : "lock timeout", segment,
                      id, error.message, attempt, retries, duration_text(wait_ms));
  err_.flush();
}

void Progress::lock_blocker(const std::string& id, int segment, const std::string& level,
                            const db::LockBlocker& b) {
  current_["lock_waits"].push_back({{"segment", segment},
                                    {"table", b.table},
                                    {"level", level},
                                    {"pid", b.pid},
                                    {"application", b.application},
                                    {"state", b.state},
                                    {"transaction_ms", b.transaction_ms},
                                    {"mode", b.mode},
                                    {"granted", b.granted},
                                    {"query", b.query}});
  if (json()) return;
  std::string who;
  if (!b.application.empty()) who += fmt::format("application '{}', ", b.application);
  if (!b.state.empty()) who += fmt::format("{}, ", b.state);
  if (b.transaction_ms >= 0)
    who += fmt::format("transaction open {}, ", duration_text(b.transaction_ms));
  err_ << fmt::format(
      "migrac: segment {} of '{}' waits without queuing for {} on '{}': pid {} ({}{} {}); "
      "query: {}\n",
      segment, id, level, b.table, b.pid, who, b.granted ? "holds" : "waits for", b.mode, b.query);
  err_.flush();
}

void Progress::lock_waiting(std::int64_t ms, const std::string& pids) {
  if (json()) return;
  err_ << fmt::format("migrac: still waiting after {} for {}\n", duration_text(ms), pids);
  err_.flush();
}

void Progress::lock_free(std::int64_t ms) {
  if (json() || quiet_) return;
  err_ << fmt::format("migrac: no conflicting lock after {}; taking the lock\n", duration_text(ms));
  err_.flush();
}

void Progress::note(const std::string& text) {
  if (json()) {
    doc_["notes"].push_back(text);
    return;
  }
  if (quiet_) return;
  out_ << "  " << text << "\n";
}

void Progress::migration_end(std::int64_t ms) {
  current_["duration_ms"] = ms;
  doc_["migrations"].push_back(current_);
}

void Progress::failure(const RunFailure& f) {
  doc_["error"] = {{"migration", f.id},
                   {"direction", f.down ? "down" : "up"},
                   {"segment", f.segment},
                   {"transactional", f.transactional},
                   {"location", f.location},
                   {"statement", f.statement},
                   {"sqlstate", f.error.sqlstate},
                   {"message", f.error.message},
                   {"detail", f.error.detail},
                   {"hint", f.error.hint},
                   {"state", f.note}};
  if (json()) return;
  err_ << fmt::format("migrac: {} migration '{}' failed in {}segment {}/{} ({})\n",
                      paint("error:", sgr::kRed, colour_choice().err), f.id, f.down ? "down " : "",
                      f.segment, f.segments, f.transactional ? "transaction" : "no transaction");
  if (!f.location.empty()) err_ << fmt::format("  --> {}\n", f.location);
  if (!f.statement.empty()) {
    std::string stmt = f.statement;
    for (std::size_t at = stmt.find('\n'); at != std::string::npos; at = stmt.find('\n', at + 1)) {
      stmt.insert(at + 1, "             ");
    }
    err_ << fmt::format("  statement: {}\n", stmt);
  }
  err_ << fmt::format("  server: {}{}\n", f.error.one_line(),
                      f.error.sqlstate.empty() ? "" : fmt::format(" [{}]", f.error.sqlstate));
  if (!f.note.empty()) err_ << fmt::format("  note: {}\n", f.note);
}

void Progress::summary(std::size_t migrations, bool down, std::int64_t ms) {
  doc_["duration_ms"] = ms;
  if (json() || quiet_) return;
  if (migrations == 0) {
    out_ << (down ? "nothing to revert\n" : "nothing to apply: the database is up to date\n");
    return;
  }
  out_ << fmt::format("{} {} migration{} in {}\n", down ? "reverted" : "applied", migrations,
                      migrations == 1 ? "" : "s", duration_text(ms));
}

void Progress::finish(const std::string& status) {
  if (!json()) return;
  doc_["status"] = status;
  out_ << json_text(doc_);
}

}  // namespace migrac::runner

#include "runtime/cli/db_options.h"

#include <string>

namespace migrac::cli {

namespace po = boost::program_options;

po::options_description database_options(unsigned sets) {
  po::options_description d("Database options");
  if (sets & kConnectOptions) {
    d.add_options()("wait", po::value<std::string>(),
                    "retry connecting this long while the server starts (e.g. 30s)")(
        "quiet,q", "print only errors (and retries)")(
        "format", po::value<std::string>()->default_value("text"), "text or json");
  }
  if (sets & kRunOptions) {
    d.add_options()("lock-wait", po::value<std::string>()->default_value("60s"),
                    "wait this long for another runner to finish")(
        "retries", po::value<int>()->default_value(5), "retries of a step that hits lock_timeout")(
        "lock-deadline", po::value<std::string>()->default_value("5min"),
        "how long a segment may wait for its table locks in all (waiting without queuing behind "
        "other sessions' locks, then lock_timeout and retries)")(
        "backfill-pause", po::value<std::string>(),
        "pause this long between the batches of a backfill that sets no 'pause' of its own "
        "(e.g. 50ms)")(
        "allow-edited",
        "run even though an applied migration's file was edited (a reviewed edit is recorded with "
        "'migrac stamp ID --rehash')");
  }
  return d;
}

DbSettings db_settings(const Invocation& inv) {
  DbSettings s;
  const po::variables_map& vm = inv.vm;
  auto duration = [&](const char* name, std::int64_t& target) {
    if (!vm.count(name)) return;
    auto ms = parse_duration_ms(vm[name].as<std::string>());
    if (!ms) {
      fail(kUsage, "migrac {}: invalid duration '{}' for --{} (use e.g. 500ms, 30s, 2min)",
           inv.verb, vm[name].as<std::string>(), name);
    }
    target = *ms;
  };
  duration("wait", s.wait_ms);
  duration("lock-wait", s.lock_wait_ms);
  duration("lock-deadline", s.lock_deadline_ms);
  duration("backfill-pause", s.backfill_pause_ms);
  if (vm.count("retries")) {
    s.retries = vm["retries"].as<int>();
    if (s.retries < 0) fail(kUsage, "migrac {}: --retries must be 0 or more", inv.verb);
  }
  s.quiet = vm.count("quiet") > 0;
  s.allow_edited = vm.count("allow-edited") > 0;
  if (vm.count("format")) {
    std::string f = vm["format"].as<std::string>();
    if (f == "json") s.format = runner::OutputFormat::Json;
    else if (f != "text")
      fail(kUsage, "migrac {}: unknown format '{}' (text or json)", inv.verb, f);
  }
  return s;
}

}  // namespace migrac::cli

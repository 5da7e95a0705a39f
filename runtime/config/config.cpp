#include "runtime/config/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include <fmt/format.h>

namespace migrac {

namespace po = boost::program_options;

po::options_description global_options() {
  po::options_description d("Common options");
  d.add_options()
      ("dir", po::value<std::string>(), "migrations directory (default: migrations)")
      ("config", po::value<std::string>(), "config file (default: ./migrac.ini if present)")
      ("dialect", po::value<std::string>(), "postgres, sqlite or mysql (default: postgres)")
      ("url", po::value<std::string>(), "database URL (else MIGRAC_URL, DATABASE_URL, migrac.ini)")
      ("history-table", po::value<std::string>(), "history table (default: migrac_history)")
      ("lock-timeout", po::value<std::string>(), "lock_timeout for locking transactions (default 5s)")
      ("statement-timeout", po::value<std::string>(), "statement_timeout (default: none)")
      ("online", po::value<std::string>(), "online (safe-by-default) compilation: true or false")
      ("no-online", "compile the plain (blocking) forms");
  return d;
}

namespace {

// The keys migrac.ini may hold.
po::options_description ini_options() {
  po::options_description d;
  d.add_options()
      ("dir", po::value<std::string>())("dialect", po::value<std::string>())
      ("url", po::value<std::string>())("history_table", po::value<std::string>())
      ("lock_timeout", po::value<std::string>())("statement_timeout", po::value<std::string>())
      ("online", po::value<std::string>());
  return d;
}

std::optional<bool> parse_bool(const std::string& s) {
  if (s == "true" || s == "on" || s == "yes" || s == "1") return true;
  if (s == "false" || s == "off" || s == "no" || s == "0") return false;
  return std::nullopt;
}

// Applies one layer (ini or flags); `prefix` names the layer in messages.
std::optional<std::string> apply(const po::variables_map& vm, Config& c, bool ini,
                                 const std::string& where) {
  auto get = [&](const char* flag, const char* key) -> std::optional<std::string> {
    const char* name = ini ? key : flag;
    if (vm.count(name)) return vm[name].as<std::string>();
    return std::nullopt;
  };
  if (auto v = get("dir", "dir")) c.dir = *v;
  if (auto v = get("dialect", "dialect")) c.dialect = *v;
  if (auto v = get("url", "url")) c.url = *v;
  if (auto v = get("history-table", "history_table")) c.history_table = *v;
  for (auto [flag, key, target] :
       {std::tuple{"lock-timeout", "lock_timeout", &c.lock_timeout_ms},
        std::tuple{"statement-timeout", "statement_timeout", &c.statement_timeout_ms}}) {
    if (auto v = get(flag, key)) {
      auto ms = parse_duration_ms(*v);
      if (!ms) return fmt::format("{}: invalid duration '{}' for {} (use e.g. 500ms, 5s, 2min)", where, *v, key);
      *target = *ms;
    }
  }
  if (auto v = get("online", "online")) {
    auto b = parse_bool(*v);
    if (!b) return fmt::format("{}: expected true or false for online, got '{}'", where, *v);
    c.online = *b;
  }
  if (!ini && vm.count("no-online")) c.online = false;
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_duration_ms(const std::string& text) {
  static const std::regex re(R"(^\s*(\d+)\s*(ms|s|min|h)?\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, re)) return std::nullopt;
  std::int64_t n = std::stoll(m[1].str());
  std::string unit = m[2].str();
  if (unit == "s") return n * 1000;
  if (unit == "min") return n * 60 * 1000;
  if (unit == "h") return n * 3600 * 1000;
  return n;
}

std::string redact_url(const std::string& url) {
  static const std::regex uri(R"(^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*):[^@]*@)");
  static const std::regex kv(R"((password\s*=\s*)('([^'\\]|\\.)*'|[^\s]*))");
  std::string out = std::regex_replace(url, uri, "$1:***@");
  return std::regex_replace(out, kv, "$1***");
}

std::optional<std::string> load_config(const po::variables_map& flags, Config& config) {
  namespace fs = std::filesystem;
  std::string path;
  bool explicit_path = flags.count("config") > 0;
  if (explicit_path) path = flags["config"].as<std::string>();
  else if (fs::exists("migrac.ini")) path = "migrac.ini";
  if (!path.empty()) {
    std::ifstream in(path);
    if (!in) return fmt::format("cannot read config file '{}'", path);
    po::variables_map ini;
    try {
      po::store(po::parse_config_file(in, ini_options(), false), ini);
    } catch (const po::error& e) {
      return fmt::format("{}: {}", path, e.what());
    }
    if (auto err = apply(ini, config, true, path)) return err;
    fs::path base = fs::path(path).parent_path();
    if (ini.count("dir") && fs::path(config.dir).is_relative() && !base.empty()) {
      config.dir = (base / config.dir).lexically_normal().string();
    }
    config.config_file = path;
  }
  if (const char* v = std::getenv("DATABASE_URL"); v && *v) config.url = v;
  if (const char* v = std::getenv("MIGRAC_URL"); v && *v) config.url = v;
  return apply(flags, config, false, "command line");
}

}  // namespace migrac

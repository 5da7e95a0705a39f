#include "runtime/config/config.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "compiler/source/convention.h"
#include "compiler/source/utf8.h"
#include "runtime/config/password_text.h"

namespace migrac {

namespace po = boost::program_options;

po::options_description global_options() {
  po::options_description d("Common options");
  d.add_options()("dir", po::value<std::string>(), "migrations directory (default: migrations)")(
      "config", po::value<std::string>(), "config file (default: ./migrac.ini if present)")(
      "dialect", po::value<std::string>(), "postgres, sqlite or mysql (default: postgres)")(
      "url", po::value<std::string>(), "database URL (else MIGRAC_URL, DATABASE_URL, migrac.ini)")(
      "history-table", po::value<std::string>(), "history table (default: migrac_history)")(
      "convention", po::value<std::string>(),
      "migrac, golang-migrate, dbmate or flyway (default: detected from the files)")(
      "lock-timeout", po::value<std::string>(),
      "lock_timeout for locking transactions (default 5s)")("statement-timeout",
                                                            po::value<std::string>(),
                                                            "statement_timeout (default: none)")(
      "online", po::value<std::string>(), "online (safe-by-default) compilation: true or false")(
      "no-online", "compile the plain (blocking) forms")(
      "color", po::value<std::string>(),
      "auto (on a terminal, unless NO_COLOR is set), always or never");
  return d;
}

namespace {

// The keys migrac.ini may hold.
po::options_description ini_options() {
  po::options_description d;
  d.add_options()("dir", po::value<std::string>())("dialect", po::value<std::string>())(
      "url", po::value<std::string>())("dev_url", po::value<std::string>())(
      "history_table", po::value<std::string>())("convention", po::value<std::string>())(
      "lock_timeout", po::value<std::string>())("statement_timeout", po::value<std::string>())(
      "online", po::value<std::string>())("backup", po::value<std::string>());
  return d;
}

// A value as a message quotes it: cut when long, invalid UTF-8 escaped.
std::string shown(const std::string& value) {
  constexpr std::size_t kMax = 40;
  if (value.size() <= kMax) return escape_invalid_utf8(value);
  std::size_t keep = kMax;
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  return escape_invalid_utf8(std::string_view(value).substr(0, keep)) + "...";
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
  if (auto v = get("dev-url", "dev_url")) c.dev_url = *v;
  if (auto v = get("history-table", "history_table")) c.history_table = *v;
  if (auto v = get("convention", "convention")) {
    if (!parse_convention(*v)) {
      return fmt::format(
          "{}: expected migrac, golang-migrate, dbmate or flyway for convention, "
          "got '{}'",
          where, shown(*v));
    }
    c.convention = *v;
  }
  for (auto [flag, key, target] :
       {std::tuple{"lock-timeout", "lock_timeout", &c.lock_timeout_ms},
        std::tuple{"statement-timeout", "statement_timeout", &c.statement_timeout_ms}}) {
    if (auto v = get(flag, key)) {
      auto ms = parse_duration_ms(*v);
      if (!ms) {
        return fmt::format("{}: invalid duration '{}' for {} (use e.g. 500ms, 5s, 2min)", where,
                           shown(*v), key);
      }
      *target = *ms;
    }
  }
  if (auto v = get("online", "online")) {
    auto b = parse_bool(*v);
    if (!b) return fmt::format("{}: expected true or false for online, got '{}'", where, shown(*v));
    c.online = *b;
  }
  if (!ini && vm.count("no-online")) c.online = false;
  if (auto v = get("backup", "backup")) c.backup_dir = *v;
  if (!ini && vm.count("no-backup")) c.backup_dir.clear();
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_duration_ms(const std::string& text) {
  using password_text::is_space;
  using password_text::skip_spaces;
  std::string_view s = text;
  std::size_t i = skip_spaces(s, 0);
  std::size_t digits = i;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == i) return std::nullopt;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data() + i, s.data() + digits, n);
  if (ec != std::errc()) return std::nullopt;  // too many digits for 64 bits
  std::string_view unit = s.substr(skip_spaces(s, digits));
  while (!unit.empty() && is_space(unit.back())) unit.remove_suffix(1);
  std::int64_t scale = unit == "s"                    ? 1000
                       : unit == "min"                ? 60 * 1000
                       : unit == "h"                  ? 3600 * 1000
                       : unit == "ms" || unit.empty() ? 1
                                                      : 0;
  if (scale == 0 || n > std::numeric_limits<std::int64_t>::max() / scale) return std::nullopt;
  return n * scale;
}

std::string redact_url(const std::string& url) {
  namespace pt = password_text;
  std::string out = url;
  // scheme://user:secret@ at the start -> scheme://user:***@
  std::size_t scheme = 0;
  while (scheme < out.size() && pt::is_scheme_char(out[scheme])) ++scheme;
  bool letter = !out.empty() &&
                ((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'));
  if (letter && out.compare(scheme, 3, "://") == 0) {
    std::size_t colon = out.find_first_of(":/@", scheme + 3);
    if (colon != std::string::npos && out[colon] == ':') {
      std::size_t at = out.find('@', colon + 1);
      if (at != std::string::npos) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password = secret, or password = 'secret', anywhere -> password = ***
  for (std::size_t i = out.find("password"); i != std::string::npos; i = out.find("password", i)) {
    std::size_t v = pt::value_after_password(out, i);
    if (v == std::string::npos) {
      ++i;
      continue;
    }
    std::size_t end = v < out.size() && out[v] == '\'' ? pt::quoted_end(out, v) : std::string::npos;
    if (end == std::string::npos) end = pt::bare_end(out, v, "");
    out.replace(v, end - v, "***");
    i = v + 3;
  }
  return out;
}

namespace {

// True when `text` holds `%word%`, the form of Boost's message placeholders.
bool has_placeholder(std::string_view text) {
  for (std::size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at)) {
    std::size_t end = at + 1;
    while (end < text.size() &&
           (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '_'))
      ++end;
    if (end > at + 1 && end < text.size() && text[end] == '%') return true;
    at = end;
  }
  return false;
}

}  // namespace

std::string options_error_text(const po::error& e, std::string_view input) {
  if (!has_placeholder(input)) return escape_invalid_utf8(e.what());
  if (const auto* u = dynamic_cast<const po::unknown_option*>(&e))
    return fmt::format("unrecognised option '{}'", shown(u->get_option_name()));
  if (const auto* m = dynamic_cast<const po::multiple_occurrences*>(&e))
    return fmt::format("option '{}' cannot be specified more than once",
                       shown(m->get_option_name()));
  if (const auto* l = dynamic_cast<const po::invalid_config_file_syntax*>(&e))
    return fmt::format("the options configuration file contains an invalid line '{}'",
                       shown(l->tokens()));
  if (const auto* v = dynamic_cast<const po::validation_error*>(&e))
    return fmt::format("the argument for option '{}' is invalid", shown(v->get_option_name()));
  if (const auto* o = dynamic_cast<const po::error_with_option_name*>(&e))
    return fmt::format("invalid use of option '{}'", shown(o->get_option_name()));
  return escape_invalid_utf8(e.what());  // no placeholders in the other errors
}

std::optional<std::string> load_config(const po::variables_map& flags, Config& config) {
  namespace fs = std::filesystem;
  std::string path;
  bool explicit_path = flags.count("config") > 0;
  if (explicit_path) path = flags["config"].as<std::string>();
  else if (fs::exists("migrac.ini")) path = "migrac.ini";
  if (!path.empty()) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return fmt::format("cannot read config file '{}'", path);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::istringstream in(text);
    po::variables_map ini;
    try {
      po::store(po::parse_config_file(in, ini_options(), false), ini);
    } catch (const po::error& e) {
      return fmt::format("{}: {}", path, options_error_text(e, text));
    }
    if (auto err = apply(ini, config, true, path)) return err;
    fs::path base = fs::path(path).parent_path();
    if (ini.count("dir") && fs::path(config.dir).is_relative() && !base.empty()) {
      config.dir = (base / config.dir).lexically_normal().string();
    }
    if (ini.count("backup") && fs::path(config.backup_dir).is_relative() && !base.empty()) {
      config.backup_dir = (base / config.backup_dir).lexically_normal().string();
    }
    config.config_file = path;
  }
  if (const char* v = std::getenv("DATABASE_URL"); v && *v) config.url = v;
  if (const char* v = std::getenv("MIGRAC_URL"); v && *v) config.url = v;
  if (const char* v = std::getenv("MIGRAC_DEV_URL"); v && *v) config.dev_url = v;
  if (const char* v = std::getenv("MIGRAC_BACKUP"); v && *v) config.backup_dir = v;
  return apply(flags, config, false, "command line");
}

}  // namespace migrac

#include "runtime/backup/backup.h"

#include <ctime>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "runtime/backup/internal.h"

namespace migrac::backup {

namespace fs = std::filesystem;

namespace {

// A database name as a file name's part: letters, digits, '_', '-' and '.'.
std::string file_part(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.';
    out += keep ? c : '_';
  }
  return out.empty() || out[0] == '.' ? "db" + out : out;
}

std::string utc_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
  return text;
}

// A file name in `dir` that does not exist yet.
fs::path fresh_name(const fs::path& dir, const std::string& base, const std::string& extension) {
  fs::path path = dir / (base + extension);
  for (int n = 2; fs::exists(path) || fs::exists(path.string() + ".partial"); ++n)
    path = dir / fmt::format("{}-{}{}", base, n, extension);
  return path;
}

}  // namespace

std::string size_text(std::uintmax_t bytes) {
  if (bytes < 1000) return fmt::format("{} B", bytes);
  double v = static_cast<double>(bytes) / 1000.0;
  for (const char* unit : {"kB", "MB", "GB"}) {
    if (v < 1000.0) return fmt::format("{:.1f} {}", v, unit);
    v /= 1000.0;
  }
  return fmt::format("{:.1f} TB", v);
}

BackupResult take_backup(const db::DbUrl& url, const std::string& raw_url, const std::string& dir) {
  BackupResult r;
  if (url.engine == db::Engine::Sqlite && url.target == ":memory:") {
    r.skipped = true;
    r.note = "an in-memory SQLite database has nothing to back up";
    return r;
  }
  EngineBackup engine = url.engine == db::Engine::Postgres ? describe_postgres(url)
                        : url.engine == db::Engine::Sqlite ? describe_sqlite(url)
                                                           : describe_mysql(url);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    r.error = fmt::format("cannot create the backup folder '{}': {}", dir,
                          ec ? ec.message() : "it is not a folder");
    return r;
  }
  fs::path final_path = fresh_name(dir, file_part(engine.database) + "-" + utc_stamp(),
                                   engine.extension);
  std::string partial = final_path.string() + ".partial";
  db::Redactor redact(raw_url);
  std::string error = url.engine == db::Engine::Postgres
                          ? write_postgres(url, partial, redact, r.tool)
                      : url.engine == db::Engine::Sqlite
                          ? write_sqlite(url, partial, r.tool)
                          : write_mysql(url, partial, redact, r.tool);
  if (error.empty() && !fs::is_regular_file(partial, ec))
    error = fmt::format("{} wrote no file '{}'", r.tool, partial);
  if (error.empty()) {
    fs::rename(partial, final_path, ec);
    if (ec) error = fmt::format("cannot rename '{}': {}", partial, ec.message());
  }
  if (!error.empty()) {
    fs::remove(partial, ec);
    r.error = error;
    return r;
  }
  r.ok = true;
  r.path = final_path.string();
  r.bytes = fs::file_size(final_path, ec);
  return r;
}

}  // namespace migrac::backup

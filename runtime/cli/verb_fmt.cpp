// `migrac fmt [FILES...] [--check] [--all]`: rewrites .mig migrations in the
// canonical style (compiler/print), keeping their comments. Without FILES,
// every .mig of the migrations directory; raw .sql migrations are never
// touched. Each file is written atomically (a temporary file beside it, then
// renamed) and its path printed; `--check` writes nothing, prints the files
// that would change and exits 1 when there are any. A file with syntax errors
// is left as it is, its diagnostics printed, exit 1.
//
// The history records each applied migration's checksum, of its bytes: a
// reformatted applied migration would read as edited. So when a database URL
// is configured, the migrations it records are left alone (and named) unless
// `--all`; with `--all` they are formatted too, and `migrac stamp ID --rehash`
// re-records them. The history is only read: nothing is created, not even a
// missing SQLite file (which records nothing). Exit 3 when the database cannot
// be read.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/print/print.h"
#include "compiler/syntax/parse.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verbs.h"
#include "runtime/db/url.h"

namespace migrac::cli {

namespace {

namespace fs = std::filesystem;

// The .mig files to format: those given, else every one of the directory, by name.
std::vector<std::string> files_to_format(const Invocation& inv) {
  if (!inv.positional.empty()) return inv.positional;
  std::vector<std::string> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(inv.config.dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".mig") out.push_back(e.path().string());
  }
  if (ec)
    fail(kMigrationErrors, "migrac fmt: cannot read directory '{}': {}", inv.config.dir,
         ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

// The ids the history records, read only; empty without a URL or with a
// SQLite file that does not exist yet. Fails with exit 3 when it cannot be read.
std::set<std::string> recorded_ids(const Invocation& inv) {
  if (inv.config.url.empty()) return {};
  std::string error;
  std::optional<db::DbUrl> url = db::parse_url(inv.config.url, error);
  if (url && url->engine == db::Engine::Sqlite && url->target != ":memory:" &&
      !fs::exists(url->target))
    return {};
  DbSettings settings;
  settings.quiet = true;
  Session session = open_session(inv, settings, SessionMode::Read);
  std::set<std::string> ids;
  for (const history::Row& row : session.rows) ids.insert(row.id);
  return ids;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces `path` by `text`: a temporary file in the same directory, renamed
// over it. Fails with exit 1 when it cannot.
void write_atomically(const std::string& path, const std::string& text) {
  fs::path target(path);
  fs::path temp = target.parent_path() / ("." + target.filename().string() + ".fmt-tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) fail(kMigrationErrors, "migrac fmt: cannot write '{}'", temp.string());
  }
  std::error_code ec;
  fs::permissions(temp, fs::status(target).permissions(), ec);
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    fail(kMigrationErrors, "migrac fmt: cannot replace '{}'", path);
  }
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

// One file that formatting changes.
struct Change {
  std::string path;
  std::string id;
  std::string text;
  bool recorded = false;
};

}  // namespace

int verb_fmt(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("check", "write nothing; list the files that would change, exit 1 if any")(
      "all", "also format the migrations the database's history records (their checksums change)");
  Invocation inv = parse_invocation("fmt", "fmt [FILES...] [--check] [--all]", args, opts, 1 << 20);
  bool check = inv.vm.count("check") > 0;
  bool all = inv.vm.count("all") > 0;
  std::vector<std::string> files = files_to_format(inv);
  // The database first: an unreadable one stops the verb before any file changes.
  std::set<std::string> recorded = recorded_ids(inv);

  bool errors = false;
  std::vector<Change> changes;
  for (const std::string& path : files) {
    if (fs::path(path).extension() != ".mig") {
      std::cerr << fmt::format("migrac fmt: '{}' is not a .mig file: left alone\n", path);
      continue;
    }
    std::optional<std::string> text = read_file(path);
    if (!text) {
      std::cerr << fmt::format("migrac fmt: cannot read '{}'\n", path);
      errors = true;
      continue;
    }
    SourceSet sources;
    int file = sources.add(path, *text);
    std::string id = fs::path(path).stem().string();
    Diagnostics diags;
    ast::Migration m = parse_mig(sources, MigrationFile{id, MigrationFormat::Mig, file, -1}, diags);
    if (diags.has_errors()) {
      std::cerr << render_text(diags, sources);
      errors = true;
      continue;
    }
    std::string printed = print::print_migration(m, print::read_comments(*text, m));
    if (printed == *text) continue;
    changes.push_back({path, id, std::move(printed), recorded.count(id) > 0});
  }

  std::vector<std::string> left_alone, recorded_done;
  bool changed = false;
  for (const Change& c : changes) {
    if (c.recorded && !all) {
      left_alone.push_back(c.id);
      continue;
    }
    if (c.recorded) recorded_done.push_back(c.id);
    if (!check) write_atomically(c.path, c.text);
    std::cout << c.path << "\n";
    changed = true;
  }
  if (!left_alone.empty()) {
    std::cerr << fmt::format(
        "migrac fmt: left alone {} migration{} the database's history records, whose checksum "
        "would change: {} (--all formats them too)\n",
        left_alone.size(), left_alone.size() == 1 ? "" : "s", joined(left_alone));
  }
  if (!recorded_done.empty()) {
    std::cerr << fmt::format(
        "migrac fmt: {} {} migration{} the database's history records: {}; 'migrac stamp ID "
        "--rehash' re-records the checksum of each\n",
        check ? "would reformat" : "reformatted", recorded_done.size(),
        recorded_done.size() == 1 ? "" : "s", joined(recorded_done));
  }
  if (errors) return kMigrationErrors;
  return check && changed ? kMigrationErrors : kOk;
}

}  // namespace migrac::cli

#include "compiler/project/loader.h"

#include "compiler/source/headers.h"
#include "compiler/source/parallel.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace migrac {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The whole file `name` of the directory `dir_fd`, read with one openat and
// one read when it is smaller than the buffer (a short read of a regular file
// is its end), and no fstat: a stream per file, or a stat, costs more than
// the read itself in a directory of thousands of small files.
bool read_file(int dir_fd, const char* name, std::string& out) {
  int fd = ::openat(dir_fd, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buffer[64 * 1024];
  out.clear();
  bool ok = true;
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ok = false;
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
    if (static_cast<std::size_t>(n) < sizeof buffer) break;
  }
  ::close(fd);
  return ok;
}

std::string display_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  if (d.rfind("./", 0) == 0) d = d.substr(2);
  return d + "/" + name;
}

// The names of the regular files in `dir` (symbolic links followed) and of
// its other entries; the error of opening or reading the directory.
std::error_code list_directory(const std::string& dir, std::vector<std::string>& files,
                               std::vector<std::string>& others) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return {errno, std::generic_category()};
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(d);
    if (e == nullptr) break;
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    bool regular = e->d_type == DT_REG;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      struct stat st {};
      regular = ::fstatat(::dirfd(d), e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
    }
    (regular ? files : others).emplace_back(name);
  }
  std::error_code ec;
  if (errno != 0) ec = {errno, std::generic_category()};
  ::closedir(d);
  return ec;
}

// Files the loader reads before it knows their kind: any convention's.
bool candidate(const std::string& name) {
  return ends_with(name, ".mig") || ends_with(name, ".sql") || ends_with(name, ".sql.conf");
}

// Whether a Flyway `<script>.sql.conf` text says `executeInTransaction=false`.
bool conf_no_transaction(std::string_view text) {
  std::string compact;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r') compact += c;
  return compact.find("executeInTransaction=false") != std::string::npos;
}

// Under another tool's convention: the implied parents in version order, the
// tool's no-transaction markers and dbmate's sections.
// One raw migration of the tool and its facts.
struct ToolEntry {
  MigrationFile* file;
  ToolFacts* facts;
};

void apply_tool_convention(Convention convention, std::vector<ToolEntry>& tool_files,
                           const std::map<std::string, std::string>& confs,
                           const SourceSet& sources, Diagnostics& diags) {
  std::stable_sort(tool_files.begin(), tool_files.end(),
                   [](const ToolEntry& a, const ToolEntry& b) {
                     return compare_versions(a.file->id, b.file->id) < 0;
                   });
  const MigrationFile* previous = nullptr;
  for (ToolEntry& e : tool_files) {
    MigrationFile* f = e.file;
    ToolFacts* t = e.facts;
    std::string_view text = sources[f->file].text;
    t->tool_ids = true;
    if (previous != nullptr && compare_versions(previous->id, f->id) == 0 &&
        previous->id != f->id) {
      diags.report(DiagKind::BadFileName, sources.range(f->file, 0, 0),
                   fmt::format("'{}' has the version of '{}' ('{}' and '{}' are one version)",
                               sources[f->file].path, sources[previous->file].path, f->id,
                               previous->id),
                   "renumber one of them");
    }
    if (previous != nullptr) t->implied_parent = previous->id;
    previous = f;
    switch (convention) {
      case Convention::GolangMigrate: t->no_transaction = source::tool_no_transaction(text); break;
      case Convention::Flyway: {
        auto conf = confs.find(f->id);
        t->no_transaction = source::tool_no_transaction(text) ||
                            (conf != confs.end() && conf_no_transaction(conf->second));
        break;
      }
      case Convention::Dbmate: {
        source::DbmateSections sections = source::dbmate_sections(text);
        if (!sections.up.found) {
          diags.report(DiagKind::BadFileName, sources.range(f->file, 0, 0),
                       fmt::format("'{}' has no '-- migrate:up' line", sources[f->file].path),
                       "dbmate files start their statements with '-- migrate:up' (and the "
                       "revert with '-- migrate:down')");
          break;
        }
        t->up = TextSection{sections.up.begin, sections.up.end};
        t->no_transaction = sections.up.no_transaction || sections.down.no_transaction;
        if (sections.down.found) {
          f->down_file = f->file;
          t->down = TextSection{sections.down.begin, sections.down.end};
        }
        break;
      }
      case Convention::Migrac: break;
    }
  }
}

}  // namespace

LoadedDirectory load_migrations(const std::string& dir, std::optional<Convention> convention,
                                SourceSet& sources, Diagnostics& diags) {
  LoadedDirectory loaded;
  std::vector<std::string> names;
  std::vector<std::string> not_regular;  // entries with a migration's name that are no file
  std::error_code ec = list_directory(dir, names, not_regular);
  if (ec) {
    std::string help;
    if (ec == std::errc::no_such_file_or_directory) {
      help =
          "'migrac init' starts a project here (a migrations folder and migrac.ini); --dir "
          "names another folder";
    }
    diags.report(DiagKind::CannotReadDirectory, {},
                 fmt::format("cannot read the migrations directory '{}': {}", dir, ec.message()),
                 help);
    return loaded;
  }
  std::sort(names.begin(), names.end());
  std::sort(not_regular.begin(), not_regular.end());
  std::erase_if(names, [](const std::string& name) { return !candidate(name); });
  // Read in parallel (more readers than cores: reading waits on the disk), then
  // add to the SourceSet in name order.
  // Each reader also finds its file's lines (SourceFile), which the
  // diagnostics and the scripts' source comments read.
  std::vector<std::optional<SourceFile>> read(names.size());
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  parallel_for(names.size(), 8, 32, [&](std::size_t i) {
    std::string text;
    if (dir_fd >= 0 && read_file(dir_fd, names[i].c_str(), text))
      read[i].emplace(display_path(dir, names[i]), std::move(text));
  });
  if (dir_fd >= 0) ::close(dir_fd);
  if (convention) {
    loaded.convention = *convention;
  } else {
    std::vector<DetectInput> inputs;
    inputs.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
      inputs.push_back({names[i], read[i] ? std::string_view(read[i]->text) : std::string_view()});
    loaded.convention = detect_convention(inputs);
    loaded.detected = true;
  }
  const Convention conv = loaded.convention;
  const bool tool = conv != Convention::Migrac;

  for (const std::string& name : not_regular) {
    if (classify_file(conv, name).kind == ConventionFileKind::Other) continue;
    diags.report(DiagKind::CannotReadFile, {},
                 fmt::format("cannot read '{}': not a regular file", display_path(dir, name)));
  }

  std::map<std::string, MigrationFile> by_id;
  std::vector<std::pair<std::string, int>> downs;  // id, file
  std::map<std::string, std::string> confs;        // Flyway: id -> its .conf text
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    ConventionFile cf = classify_file(conv, name);
    if (cf.kind == ConventionFileKind::Other) continue;
    if (!read[i]) {
      diags.report(DiagKind::CannotReadFile, {},
                   fmt::format("cannot read '{}'", display_path(dir, name)));
      continue;
    }
    if (cf.kind == ConventionFileKind::Config) {
      confs[cf.id] = std::move(read[i]->text);
      continue;
    }
    const std::string path = read[i]->path;
    int file = sources.add(std::move(*read[i]));
    if (cf.kind == ConventionFileKind::Unsupported) {
      diags.report(DiagKind::BadFileName, sources.range(file, 0, 0),
                   fmt::format("'{}' is {}", path, cf.why),
                   fmt::format("the directory is read as a {} directory; move the file out of it "
                               "or set 'convention' in migrac.ini",
                               convention_name(conv)));
      continue;
    }
    const std::string& stem = cf.id;
    if (!is_valid_convention_id(conv, stem)) {
      diags.report(DiagKind::BadFileName, sources.range(file, 0, 0),
                   tool ? fmt::format("'{}' is not a valid migration id (letters, digits, '_', "
                                      "'.' and '-' only)",
                                      stem)
                        : fmt::format("'{}' is not a valid migration id (letters, digits and '_' "
                                      "only)",
                                      stem),
                   "rename the file, e.g. '0001_initial_schema.mig'");
      continue;
    }
    if (cf.kind == ConventionFileKind::Down) {
      downs.emplace_back(stem, file);
      continue;
    }
    if (cf.kind == ConventionFileKind::Repeatable) {
      MigrationFile rf;
      rf.id = stem;
      rf.format = MigrationFormat::RawSql;
      rf.file = file;
      loaded.repeatables.push_back(rf);
      continue;
    }
    MigrationFile mf;
    mf.id = stem;
    mf.format = cf.kind == ConventionFileKind::Mig ? MigrationFormat::Mig : MigrationFormat::RawSql;
    mf.file = file;
    auto [it, inserted] = by_id.emplace(stem, mf);
    if (!inserted) {
      // Two files with one id: kept both so that the graph reports the duplicate.
      by_id.emplace(stem + "\x01" + std::to_string(file), mf);
    }
  }
  for (const auto& [id, file] : downs) {
    auto it = by_id.find(id);
    if (it == by_id.end() || it->second.format != MigrationFormat::RawSql) {
      diags.report(DiagKind::DownWithoutUp, sources.range(file, 0, 0),
                   tool ? fmt::format("'{}' has no matching up migration of version '{}'",
                                      sources[file].path, id)
                        : fmt::format("'{}' has no matching '{}.up.sql'", sources[file].path, id));
      continue;
    }
    it->second.down_file = file;
  }
  loaded.files.reserve(by_id.size());
  for (auto& [key, mf] : by_id) loaded.files.push_back(std::move(mf));
  loaded.tool.resize(loaded.files.size());
  if (tool) {
    std::vector<ToolEntry> tool_files;
    for (std::size_t i = 0; i < loaded.files.size(); ++i)
      if (loaded.files[i].format == MigrationFormat::RawSql)
        tool_files.push_back({&loaded.files[i], &loaded.tool[i]});
    apply_tool_convention(conv, tool_files, confs, sources, diags);
  }
  // Flyway runs repeatables in the order of their descriptions (names are
  // sorted already); each in one transaction unless it says otherwise.
  loaded.repeatable_tool.resize(loaded.repeatables.size());
  for (std::size_t i = 0; i < loaded.repeatables.size(); ++i) {
    const MigrationFile& f = loaded.repeatables[i];
    ToolFacts& t = loaded.repeatable_tool[i];
    t.tool_ids = true;
    auto conf = confs.find(f.id);
    t.no_transaction = source::tool_no_transaction(sources[f.file].text) ||
                       (conf != confs.end() && conf_no_transaction(conf->second));
  }
  if (loaded.files.empty() && !diags.has_errors()) {
    diags.report(DiagKind::NoMigrations, {},
                 fmt::format("no migrations in '{}' (expected <id>.mig or <id>.up.sql files)", dir),
                 "'migrac new NAME' writes the first one");
  }
  return loaded;
}

std::vector<MigrationFile> load_directory(const std::string& dir, SourceSet& sources,
                                          Diagnostics& diags) {
  return load_migrations(dir, std::nullopt, sources, diags).files;
}

}  // namespace migrac

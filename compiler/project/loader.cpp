#include "compiler/project/loader.h"

#include "compiler/source/parallel.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

namespace migrac {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(out.data(), size);
  return static_cast<bool>(in) || in.gcount() == size;
}

std::string display_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  if (d.rfind("./", 0) == 0) d = d.substr(2);
  return d + "/" + name;
}

// The kind of migration file a name is, and its stem (the id).
enum class FileKind { Mig, UpSql, DownSql, Other };
FileKind classify(const std::string& name, std::string& stem) {
  if (ends_with(name, ".up.sql")) {
    stem = name.substr(0, name.size() - 7);
    return FileKind::UpSql;
  }
  if (ends_with(name, ".down.sql")) {
    stem = name.substr(0, name.size() - 9);
    return FileKind::DownSql;
  }
  if (ends_with(name, ".mig")) {
    stem = name.substr(0, name.size() - 4);
    return FileKind::Mig;
  }
  return FileKind::Other;
}

}  // namespace

std::vector<MigrationFile> load_directory(const std::string& dir, SourceSet& sources,
                                          Diagnostics& diags) {
  std::error_code ec;
  std::vector<std::string> names;
  std::vector<std::string> not_regular;  // entries with a migration's name that are no file
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    (it->is_regular_file(file_ec) ? names : not_regular).push_back(it->path().filename().string());
  }
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
    return {};
  }
  std::sort(names.begin(), names.end());
  std::sort(not_regular.begin(), not_regular.end());
  for (const std::string& name : not_regular) {
    std::string stem;
    if (classify(name, stem) == FileKind::Other) continue;
    diags.report(DiagKind::CannotReadFile, {},
                 fmt::format("cannot read '{}': not a regular file", display_path(dir, name)));
  }

  std::erase_if(names, [](const std::string& name) {
    std::string stem;
    return classify(name, stem) == FileKind::Other;
  });
  // Read in parallel (more readers than cores: reading waits on the disk), then
  // add to the SourceSet in name order.
  std::vector<std::string> texts(names.size());
  std::vector<char> read_ok(names.size(), 0);
  parallel_for(names.size(), 8, 32, [&](std::size_t i) {
    read_ok[i] = read_file(fs::path(dir) / names[i], texts[i]) ? 1 : 0;
  });

  std::map<std::string, MigrationFile> by_id;
  std::vector<std::pair<std::string, int>> downs;  // id, file
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    std::string stem;
    FileKind kind = classify(name, stem);
    std::string path = display_path(dir, name);
    if (!read_ok[i]) {
      diags.report(DiagKind::CannotReadFile, {}, fmt::format("cannot read '{}'", path));
      continue;
    }
    int file = sources.add(path, std::move(texts[i]));
    if (!is_valid_migration_id(stem)) {
      diags.report(DiagKind::BadFileName, sources.range(file, 0, 0),
                   fmt::format("'{}' is not a valid migration id (letters, digits and '_' only)",
                               stem),
                   "rename the file, e.g. '0001_initial_schema.mig'");
      continue;
    }
    if (kind == FileKind::DownSql) {
      downs.emplace_back(stem, file);
      continue;
    }
    MigrationFile mf{stem, kind == FileKind::Mig ? MigrationFormat::Mig : MigrationFormat::RawSql,
                     file, -1};
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
                   fmt::format("'{}' has no matching '{}.up.sql'", sources[file].path, id));
      continue;
    }
    it->second.down_file = file;
  }
  std::vector<MigrationFile> out;
  out.reserve(by_id.size());
  for (auto& [key, mf] : by_id) out.push_back(std::move(mf));
  if (out.empty() && !diags.has_errors()) {
    diags.report(DiagKind::NoMigrations, {},
                 fmt::format("no migrations in '{}' (expected <id>.mig or <id>.up.sql files)", dir),
                 "'migrac new NAME' writes the first one");
  }
  return out;
}

}  // namespace migrac

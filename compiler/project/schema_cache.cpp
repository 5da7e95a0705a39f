// The schema cache of raw SQL migrations (see schema_cache.h): keys, the
// entries' file form, reading them, and writing one atomically.
#include "compiler/project/schema_cache.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "compiler/model/serialize.h"
#include "compiler/source/migration_file.h"

namespace migrac {

namespace fs = std::filesystem;

namespace {

// The first line of every entry's "format": a later layout gets a new number.
constexpr const char* kFormat = "migrac schema cache 1";

}  // namespace

std::vector<std::string> schema_cache_keys(const std::vector<ast::Migration>& migrations,
                                           const RevisionGraph& graph) {
  std::vector<std::string> keys(migrations.size());
  std::string parents;
  for (std::size_t rev : graph.order) {  // parents first
    const ast::Migration& m = migrations[rev];
    // A root has none, a line one, a merge its parents' keys in the order written.
    parents.clear();
    for (std::size_t p : graph.revisions[rev].parents) {
      if (!parents.empty()) parents += ' ';
      parents += keys[p];
    }
    std::string text = fmt::format("{}\n{}\n{}\n{}\n", kFormat, parents, m.id, m.checksum);
    keys[rev] = checksum_v1({text});
  }
  return keys;
}

std::string schema_cache_path(const std::string& folder, const std::string& id) {
  return (fs::path(folder) / (id + ".json")).string();
}

std::string schema_cache_text(const SchemaCacheEntry& entry) {
  nlohmann::json j{{"format", kFormat},
                   {"migration", entry.migration},
                   {"key", entry.key},
                   {"dialect", entry.dialect},
                   {"schema", model::schema_to_json(entry.schema)}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<SchemaCacheEntry> parse_schema_cache(const std::string& text, std::string& error) {
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    if (!j.is_object()) throw std::runtime_error("not a JSON object");
    auto text_of = [&](const char* key) {
      if (!j.contains(key) || !j.at(key).is_string())
        throw std::runtime_error(fmt::format("no \"{}\" string", key));
      return j.at(key).get<std::string>();
    };
    if (std::string format = text_of("format"); format != kFormat)
      throw std::runtime_error(fmt::format("format '{}' is not '{}'", format, kFormat));
    if (!j.contains("schema")) throw std::runtime_error("no \"schema\"");
    return SchemaCacheEntry{text_of("migration"), text_of("key"), text_of("dialect"),
                            model::schema_from_json(j.at("schema"))};
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

SchemaCache read_schema_cache(const std::string& dir, const std::vector<ast::Migration>& migrations,
                              const RevisionGraph& graph) {
  SchemaCache cache;
  cache.folder = (fs::path(dir) / kSchemaCacheFolder).string();
  std::error_code ec;
  cache.folder_exists = fs::is_directory(cache.folder, ec);
  cache.state.assign(migrations.size(), CacheState::NotRaw);
  if (!graph.valid) return cache;
  // Only raw migrations have entries: without one, no key is read.
  if (std::none_of(migrations.begin(), migrations.end(),
                   [](const ast::Migration& m) { return m.format == MigrationFormat::RawSql; }))
    return cache;
  cache.keys = schema_cache_keys(migrations, graph);
  for (std::size_t rev = 0; rev < migrations.size(); ++rev) {
    const ast::Migration& m = migrations[rev];
    if (m.format != MigrationFormat::RawSql) continue;
    cache.state[rev] = CacheState::Missing;
    if (!cache.folder_exists) continue;
    std::string path = schema_cache_path(cache.folder, m.id);
    if (!fs::exists(path, ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    std::optional<SchemaCacheEntry> entry;
    if (!in) error = "cannot be read";
    else entry = parse_schema_cache(text.str(), error);
    if (entry && entry->migration != m.id)
      error = fmt::format("it is the entry of '{}'", entry->migration);
    if (!error.empty()) {
      cache.state[rev] = CacheState::Unreadable;
      cache.errors[m.id] = error;
      continue;
    }
    if (entry->key != cache.keys[rev]) {
      cache.state[rev] = CacheState::Stale;
      continue;
    }
    cache.state[rev] = CacheState::Current;
    cache.current.emplace(m.id, std::move(entry->schema));
  }
  return cache;
}

void report_schema_cache(const SchemaCache& cache, const std::vector<ast::Migration>& migrations,
                         Diagnostics& diags) {
  for (std::size_t rev = 0; rev < migrations.size(); ++rev) {
    if (cache.state[rev] != CacheState::Stale && cache.state[rev] != CacheState::Unreadable)
      continue;
    const ast::Migration& m = migrations[rev];
    std::string path = schema_cache_path(cache.folder, m.id);
    if (cache.state[rev] == CacheState::Stale) {
      diags.report(DiagKind::SchemaCacheStale, m.id_range,
                   fmt::format("the schema cache entry '{}' is stale: '{}' or a migration before "
                               "it changed since it was written, so the schema after '{}' is "
                               "read from its statements",
                               path, m.id, m.id),
                   "`migrac check --dev-url URL` refreshes it");
    } else if (cache.state[rev] == CacheState::Unreadable) {
      diags.report(DiagKind::SchemaCacheStale, m.id_range,
                   fmt::format("the schema cache entry '{}' of '{}' is not one ({}), so the schema "
                               "after it is read from its statements",
                               path, m.id, cache.errors.at(m.id)),
                   "`migrac check --dev-url URL` writes it again");
    }
  }
}

std::string write_schema_cache(const std::string& folder, const SchemaCacheEntry& entry) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return fmt::format("cannot create '{}': {}", folder, ec.message());
  std::string path = schema_cache_path(folder, entry.migration);
  std::random_device rd;
  std::string temp = fmt::format("{}.tmp.{}.{:x}", path, ::getpid(), rd());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << schema_cache_text(entry);
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return fmt::format("cannot write '{}'", temp);
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return fmt::format("cannot rename '{}' to '{}': {}", temp, path, ec.message());
  }
  return {};
}

}  // namespace migrac

// `migrac new NAME` and `migrac merge A B`: scaffold the next migration.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "compiler/project/loader.h"
#include "runtime/cli/db_options.h"
#include "runtime/cli/generate.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// "Add Phone number!" -> "add_phone_number"
std::string snake_case(const std::string& name) {
  std::string out;
  for (char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// The next number: one more than the largest leading number of an id, 4 digits.
std::string next_number(const Project& project) {
  long max = 0;
  for (const ast::Migration& m : project.migrations) {
    std::size_t digits = 0;
    while (digits < m.id.size() && m.id[digits] >= '0' && m.id[digits] <= '9') ++digits;
    if (digits > 0 && digits < 10) max = std::max(max, std::stol(m.id.substr(0, digits)));
  }
  return fmt::format("{:04}", max + 1);
}

// Writes DIR/<id>.mig with the given text unless it exists (exit 2) or
// cannot be written (exit 3).
int write_migration(const Invocation& inv, const std::string& id, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(inv.config.dir) / (id + ".mig");
  std::error_code ec;
  fs::create_directories(inv.config.dir, ec);
  if (fs::exists(path)) fail(kUsage, "migrac {}: '{}' exists already", inv.verb, path.string());
  std::ofstream out(path);
  out << text;
  if (!out) fail(kDatabaseError, "migrac {}: cannot write '{}'", inv.verb, path.string());
  std::cout << path.string() << "\n";
  return kOk;
}

// The project as far as loading and the graph go: `new` works on a project
// whose migrations have errors (the one being written, typically).
Project load_for_scaffold(const Invocation& inv) {
  return compile_project(project_options(inv.config));
}

// A new migration: its name as the first comment (history shows it), the
// `after` line (none for the first migration), and commented examples of the
// common operations. It compiles as it is.
std::string migration_template(const std::string& name, const std::string& after) {
  std::string text = fmt::format("-- {}\n", name);
  if (!after.empty()) text += fmt::format("after {};\n", after);
  text += R"(
-- The operations, in the order they run (docs/language.md describes them all).
-- Common ones, to uncomment and edit:
--
-- create table users (
--   id          bigint identity primary key,
--   email       varchar(255) not null unique,
--   created_at  timestamptz not null default now()
-- );
-- add column users.phone_number varchar(20);
-- create index on users (phone_number);
-- rename column users.name to full_name;
-- alter column users.email type text;
-- alter column users.phone_number set not null;
-- backfill users set phone_number = '' where phone_number is null;
-- drop column users.legacy_flag;
-- drop table old_sessions;
)";
  return text;
}

// `--rename table a=b` as one value, "table a=b".
Args join_table_renames(const Args& args) {
  Args out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--rename" && i + 2 < args.size() && args[i + 1] == "table") {
      out.push_back("--rename=table " + args[i + 2]);
      i += 2;
      continue;
    }
    out.push_back(args[i]);
  }
  return out;
}

}  // namespace

int verb_new(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("from", po::value<std::string>(),
                     "autogenerate from a database URL or a desired-state .sql file")(
      "check", "with --from: write nothing; exit 1 when the model at head differs from SOURCE")(
      "rename", po::value<std::vector<std::string>>(),
      "with --from: TABLE.OLD=NEW (a column) or 'table OLD=NEW': a rename, not a drop and an add");
  opts.add(database_options(kConnectOptions));
  Invocation inv = parse_invocation(
      "new", "new NAME [--from URL|FILE.sql [--check]] [--rename TABLE.OLD=NEW]",
      join_table_renames(args), opts, 1);
  if (!inv.vm.count("from") && (inv.vm.count("check") || inv.vm.count("rename")))
    usage_error(inv, "--check and --rename go with --from SOURCE");
  if (inv.positional.empty())
    fail(kUsage, "migrac new: a name is needed, e.g. migrac new add_phone_number");
  std::string name = snake_case(inv.positional[0]);
  if (name.empty()) {
    fail(kUsage, "migrac new: '{}' has no letters or digits to name a migration",
         inv.positional[0]);
  }
  Project project = load_for_scaffold(inv);
  if (project.graph.heads.size() > 1) {
    std::string heads;
    for (std::size_t h : project.graph.heads) heads += fmt::format(" {}", project.migrations[h].id);
    fail(kMigrationErrors, "migrac new: more than one head:{}\n  help: migrac merge{}", heads,
         heads);
  }
  std::string id = next_number(project) + "_" + name;
  if (inv.vm.count("from")) return new_from_source(inv, project, id, inv.positional[0]);
  std::string after = project.graph.heads.empty()
                          ? std::string()
                          : mig_after_id(project.migrations[project.graph.heads[0]].id);
  return write_migration(inv, id, migration_template(inv.positional[0], after));
}

int verb_merge(const Args& args) {
  Invocation inv = parse_invocation("merge", "merge A B [...]", args, {}, 16);
  Project project = load_for_scaffold(inv);
  std::vector<std::string> parents;
  if (inv.positional.empty()) {
    for (std::size_t h : project.graph.heads) parents.push_back(project.migrations[h].id);
  } else {
    const std::vector<std::size_t>& heads = project.graph.heads;
    std::string head_list;
    for (std::size_t h : heads) head_list += fmt::format(" {}", project.migrations[h].id);
    for (const std::string& spec : inv.positional) {
      RevisionRef ref = resolve_revision(project, spec);
      if (ref.is_base) fail(kUsage, "migrac merge: 'base' is not a migration to merge");
      const std::string& id = project.migrations[ref.rev].id;
      if (std::find(parents.begin(), parents.end(), id) != parents.end())
        fail(kUsage, "migrac merge: '{}' is named twice: name each head once", id);
      if (std::find(heads.begin(), heads.end(), ref.rev) == heads.end())
        fail(kUsage,
             "migrac merge: '{}' is not a head (a later migration is after it); the heads "
             "are:{}",
             id, head_list);
      parents.push_back(id);
    }
  }
  if (parents.size() < 2)
    fail(kUsage, "migrac merge: nothing to merge: name two heads (there is one head or none)");
  std::string list, name = "merge";
  for (const std::string& p : parents) {
    list += (list.empty() ? "" : ", ") + p;
  }
  std::string id = next_number(project) + "_" + name;
  return write_migration(inv, id, fmt::format("-- merge {}\nafter {};\n", list, list));
}

}  // namespace migrac::cli

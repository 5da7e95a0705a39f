#pragma once
// The migrations directory as it is on the base branch of a pull request
// (`migrac lint --base GITREF`), and how to read it from git.

#include <optional>
#include <string>
#include <vector>

namespace migrac::lint {

// One file of the migrations directory at the base ref.
struct BaseFile {
  std::string name;               // file name inside the directory, e.g. "0002_users.mig"
  bool same_as_worktree = false;  // byte-identical to the working tree's file (text not read)
  std::string text;               // the base text when it differs (or the file is gone here)
};

// The base ref's view of the migrations directory, at two commits: the merge
// base of the ref and HEAD (`git merge-base REF HEAD`: what the branch started
// from, for the immutability and deleted-file checks) and the ref's tip (for
// the heads a new migration must build on, and the newest merged id). A
// branch that is behind the ref sees the tip's newer migrations only there.
struct BaseTree {
  std::string ref;              // as the user wrote it, e.g. "origin/main"
  std::vector<BaseFile> files;  // at the merge base
  std::vector<BaseFile>
      tip_files;  // at the ref's tip (the same as `files` when it is the merge base)
};

// Reads `dir` (a path as given on the command line) at the merge base of `ref`
// and HEAD and at `ref` with git: lists it with `git ls-tree`, compares blob
// ids with the working tree, and reads only the files that differ (`git
// cat-file`). Without a merge base (unrelated histories) the tip stands for
// it. On failure returns nullopt and sets `error` (not a git repository,
// unknown ref, ...); `usage` tells whether the user's input (the ref) was at
// fault.
std::optional<BaseTree> read_base_tree(const std::string& dir, const std::string& ref,
                                       std::string& error, bool& usage);

// The id and kind of a migration file name: "0001_a.mig" -> ("0001_a", Mig),
// "0001_a.up.sql" -> Up, "0001_a.down.sql" -> Down; nullopt for other files.
enum class MigrationFileRole { Mig, Up, Down };
struct MigrationFileName {
  std::string id;
  MigrationFileRole role;
};
std::optional<MigrationFileName> parse_migration_file_name(const std::string& name);

}  // namespace migrac::lint

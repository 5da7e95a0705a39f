// `lint --base`: a temporary git repository whose committed migrations are the
// base; the working tree edits one, deletes one, or adds one on a stale parent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "compiler/lint/lint.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A throwaway repository with three merged migrations at HEAD.
struct Repo {
  fs::path root;
  fs::path dir;

  Repo() {
    root = fs::temp_directory_path() /
           fmt::format("migrac-lint-base-{}-{}", ::getpid(), counter()++);
    fs::remove_all(root);
    dir = root / "migrations";
    fs::create_directories(dir);
    write("0001_users.mig", "create table users (id bigint identity primary key, email text);\n");
    write("0002_bio.mig", "after 0001_users;\n\nadd column users.bio text;\n");
    write("0003_phone.mig", "after 0002_bio;\n\nadd column users.phone text;\n");
    git("init -q");
    commit("base");
    git("branch -M main");
  }
  ~Repo() { fs::remove_all(root); }

  void commit(const std::string& message) {
    git("add -A");
    git("-c user.name=t -c user.email=t@example.com commit -q -m " + message);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  void git(const std::string& args) {
    std::string cmd = fmt::format("git -C '{}' {} >/dev/null 2>&1", root.string(), args);
    REQUIRE(std::system(cmd.c_str()) == 0);
  }

  // "CODE file:line" of every lint finding against `ref`.
  std::vector<std::string> lint(const std::string& ref = "HEAD") {
    ProjectOptions o;
    o.dir = dir.string();
    Project p = compile_project(o);
    std::string error;
    bool usage = false;
    auto base = lint::read_base_tree(o.dir, ref, error, usage);
    INFO(error);
    REQUIRE(base);
    lint::LintOptions lo;
    lo.base = &*base;
    lint::LintResult r = lint::lint_project(p, lo);
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diags.all()) {
      std::string file = d.range.valid()
                             ? fs::path(p.sources[d.range.file].path).filename().string()
                             : "";
      out.push_back(fmt::format("{} {}:{}", diag_info(d.kind).code, file, d.range.begin.line));
    }
    linted = r.linted;
    return out;
  }
  std::size_t linted = 0;
};

}  // namespace

TEST_CASE("an unchanged tree lints nothing", "[lint][base]") {
  Repo repo;
  CHECK(repo.lint().empty());
  CHECK(repo.linted == 0);
}

TEST_CASE("an edited merged migration is an error at the edited line", "[lint][base]") {
  Repo repo;
  repo.write("0002_bio.mig", "after 0001_users;\n\nadd column users.bio varchar(20);\n");
  auto f = repo.lint();
  CHECK(f == std::vector<std::string>{"W0652 0002_bio.mig:3", "W0619 0002_bio.mig:3"});
}

TEST_CASE("line endings alone are not an edit", "[lint][base]") {
  Repo repo;
  repo.write("0002_bio.mig", "after 0001_users;\r\n\r\nadd column users.bio text;\r\n");
  CHECK(repo.lint().empty());
}

TEST_CASE("a deleted merged migration is an error", "[lint][base]") {
  Repo repo;
  fs::remove(repo.dir / "0003_phone.mig");
  CHECK(repo.lint() == std::vector<std::string>{"W0653 0003_phone.mig:1"});
}

TEST_CASE("a new migration on a stale parent", "[lint][base]") {
  Repo repo;
  repo.write("0004_age.mig", "after 0002_bio;\n\nadd column users.age bigint;\n");
  auto f = repo.lint();
  CHECK(f == std::vector<std::string>{"W0650 0004_age.mig:1", "W0654 0004_age.mig:1"});
  CHECK(repo.linted == 1);
}

TEST_CASE("a new migration on the head is fine; one sorting before a merged id is not",
          "[lint][base]") {
  Repo repo;
  repo.write("0004_age.mig", "after 0003_phone;\n\nadd column users.age bigint;\n");
  CHECK(repo.lint().empty());
  repo.write("0002_zip.mig", "after 0004_age;\n\nadd column users.zip text;\n");
  CHECK(repo.lint() == std::vector<std::string>{"W0651 0002_zip.mig:1"});
}

// A branch forked from main before main gained 0004 and 0005 (and edited
// nothing of the fork point): it is behind main, not deleting anything.
TEST_CASE("a branch behind its base has no false deletions or edits", "[lint][base]") {
  Repo repo;
  repo.git("checkout -q -b feature");
  repo.git("checkout -q main");
  repo.write("0004_age.mig", "after 0003_phone;\n\nadd column users.age bigint;\n");
  repo.write("0005_zip.mig", "after 0004_age;\n\nadd column users.zip text;\n");
  repo.commit("main-gains-two");
  repo.git("checkout -q feature");
  REQUIRE(!fs::exists(repo.dir / "0004_age.mig"));
  CHECK(repo.lint("main").empty());
  CHECK(repo.linted == 0);

  SECTION("a new migration on the fork point's head is stale against main's tip") {
    repo.write("0004_nick.mig", "after 0003_phone;\n\nadd column users.nick text;\n");
    CHECK(repo.lint("main") ==
          std::vector<std::string>{"W0651 0004_nick.mig:1", "W0654 0004_nick.mig:1"});
    CHECK(repo.linted == 1);
  }
  SECTION("a deletion on the branch is still reported") {
    fs::remove(repo.dir / "0003_phone.mig");
    repo.commit("feature-drops-0003");
    CHECK(repo.lint("main") == std::vector<std::string>{"W0653 0003_phone.mig:1"});
  }
  SECTION("an edit on the branch is still reported") {
    repo.write("0002_bio.mig", "after 0001_users;\n\nadd column users.bio varchar(20);\n");
    auto f = repo.lint("main");
    CHECK(std::count(f.begin(), f.end(), "W0652 0002_bio.mig:3") == 1);
  }
  SECTION("a migration main deleted or edited after the fork is not the branch's doing") {
    repo.git("checkout -q main");
    repo.write("0002_bio.mig", "after 0001_users;\n\nadd column users.bio varchar(40);\n");
    repo.commit("main-edits-0002");
    repo.git("checkout -q feature");
    CHECK(repo.lint("main").empty());
    repo.git("checkout -q main -- migrations/0002_bio.mig");
    CHECK(repo.lint("main").empty());
  }
}

TEST_CASE("a branch that took main's newer migrations by merging lints against the tip",
          "[lint][base]") {
  Repo repo;
  repo.git("checkout -q -b feature");
  repo.git("checkout -q main");
  repo.write("0004_age.mig", "after 0003_phone;\n\nadd column users.age bigint;\n");
  repo.commit("main-gains-one");
  repo.git("checkout -q feature");
  repo.git("-c user.name=t -c user.email=t@example.com merge -q --no-edit main");
  repo.write("0005_nick.mig", "after 0004_age;\n\nadd column users.nick text;\n");
  CHECK(repo.lint("main").empty());
  CHECK(repo.linted == 1);
}

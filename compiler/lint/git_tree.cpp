// Reads the migrations directory at a git ref (for `migrac lint --base`):
// runs git as a child process (no shell), compares blob ids with the working
// tree, and fetches only the files that differ.
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "compiler/lint/base.h"

extern char** environ;

namespace migrac::lint {

namespace {

// The outcome of a child process.
struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::optional<ProcessResult> run_process(const std::vector<std::string>& args) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return std::nullopt;
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return std::nullopt;
  }
  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::optional<std::string> git(const std::vector<std::string>& args, std::string& error) {
  std::vector<std::string> full = {"git"};
  full.insert(full.end(), args.begin(), args.end());
  auto r = run_process(full);
  if (!r) {
    error = "cannot run git";
    return std::nullopt;
  }
  if (r->exit_code != 0) {
    std::string msg = r->err;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
    error = msg.empty() ? fmt::format("git {} failed", args.empty() ? "" : args.front()) : msg;
    return std::nullopt;
  }
  return std::move(r->out);
}

std::string trim_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// git's object id of a blob with this content (SHA-1 of "blob <size>\0<content>").
std::string blob_id(const std::string& content) {
  std::string header = fmt::format("blob {}", content.size());
  header.push_back('\0');
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  EVP_DigestUpdate(ctx, header.data(), header.size());
  EVP_DigestUpdate(ctx, content.data(), content.size());
  EVP_DigestFinal_ex(ctx, digest, &len);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::optional<MigrationFileName> parse_migration_file_name(const std::string& name) {
  if (ends_with(name, ".up.sql"))
    return MigrationFileName{name.substr(0, name.size() - 7), MigrationFileRole::Up};
  if (ends_with(name, ".down.sql")) {
    return MigrationFileName{name.substr(0, name.size() - 9), MigrationFileRole::Down};
  }
  if (ends_with(name, ".mig"))
    return MigrationFileName{name.substr(0, name.size() - 4), MigrationFileRole::Mig};
  return std::nullopt;
}

namespace {

// The migration files of directory `sub` of the repository at `root` as
// commit `commit` has them; `dir` is the same directory in the working tree.
std::optional<std::vector<BaseFile>> read_files_at(const std::string& root, const std::string& sub,
                                                   const std::string& dir,
                                                   const std::string& commit, std::string& error) {
  std::vector<std::string> ls = {"-C", root, "ls-tree", "-z", commit};
  if (!sub.empty()) {
    ls.push_back("--");
    ls.push_back(sub);
  }
  auto listing = git(ls, error);
  if (!listing) return std::nullopt;
  std::vector<BaseFile> files;
  std::size_t pos = 0;
  while (pos < listing->size()) {
    std::size_t nul = listing->find('\0', pos);
    if (nul == std::string::npos) nul = listing->size();
    std::string entry = listing->substr(pos, nul - pos);
    pos = nul + 1;
    // "<mode> SP <type> SP <object> TAB <path>"
    std::size_t tab = entry.find('\t');
    if (tab == std::string::npos) continue;
    std::istringstream meta(entry.substr(0, tab));
    std::string mode, type, object;
    meta >> mode >> type >> object;
    std::string path = entry.substr(tab + 1);
    if (type != "blob" || path.compare(0, sub.size(), sub) != 0) continue;
    std::string name = path.substr(sub.size());
    if (name.find('/') != std::string::npos || !parse_migration_file_name(name)) continue;
    BaseFile file;
    file.name = name;
    auto here = read_file(dir + "/" + name);
    if (here && blob_id(*here) == object) {
      file.same_as_worktree = true;
    } else {
      auto text = git({"-C", root, "cat-file", "blob", object}, error);
      if (!text) return std::nullopt;
      file.text = std::move(*text);
    }
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace

std::optional<BaseTree> read_base_tree(const std::string& dir, const std::string& ref,
                                       std::string& error, bool& usage) {
  usage = false;
  auto top = git({"-C", dir, "rev-parse", "--show-toplevel"}, error);
  if (!top) {
    error = fmt::format("'{}' is not inside a git repository: {}", dir, error);
    return std::nullopt;
  }
  auto prefix = git({"-C", dir, "rev-parse", "--show-prefix"}, error);
  if (!prefix) return std::nullopt;
  std::string root = trim_line(*top);
  std::string sub = trim_line(*prefix);
  auto tip = git({"-C", root, "rev-parse", "--verify", "--quiet", ref + "^{commit}"}, error);
  if (!tip) {
    error = fmt::format("unknown git ref '{}'", ref);
    usage = true;
    return std::nullopt;
  }
  std::string tip_commit = trim_line(*tip);
  // No merge base (no commit yet, or unrelated histories): the tip stands for it.
  std::string ignored;
  auto fork = git({"-C", root, "merge-base", tip_commit, "HEAD"}, ignored);
  std::string fork_commit = fork ? trim_line(*fork) : tip_commit;
  BaseTree tree;
  tree.ref = ref;
  auto tip_files = read_files_at(root, sub, dir, tip_commit, error);
  if (!tip_files) return std::nullopt;
  tree.tip_files = std::move(*tip_files);
  if (fork_commit == tip_commit) {
    tree.files = tree.tip_files;
    return tree;
  }
  auto fork_files = read_files_at(root, sub, dir, fork_commit, error);
  if (!fork_files) return std::nullopt;
  tree.files = std::move(*fork_files);
  return tree;
}

}  // namespace migrac::lint

// The scratch directory of a fuzzing process (scratch.h).

#include "tests/fuzz/scratch.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace migrac::fuzz {

namespace fs = std::filesystem;

Scratch::Scratch(std::string_view tag) {
  std::error_code ec;
  std::string base = fs::is_directory("/dev/shm", ec) ? "/dev/shm"
                                                      : fs::temp_directory_path().string();
  std::string pattern = base + "/migrac-fuzz-" + std::string(tag) + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) fail("cannot make a scratch directory", pattern);
  dir_ = buf.data();
}

Scratch::~Scratch() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void Scratch::write(std::string_view name, std::string_view bytes) const {
  std::ofstream out(path(name), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) fail("cannot write a scratch file", path(name));
}

void Scratch::remove(std::string_view name) const {
  std::error_code ec;
  fs::remove(path(name), ec);
}

void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "migrac fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  }
  std::abort();
}

}  // namespace migrac::fuzz

#pragma once
// A fresh temporary directory for one test, removed at its end.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace migrac::test {

// `<tmp>/<prefix>-<pid>-<n>`, made empty; files written into it as given.
struct TempDir {
  std::filesystem::path dir;

  explicit TempDir(const std::string& prefix) {
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~TempDir() { std::filesystem::remove_all(dir); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
};

}  // namespace migrac::test

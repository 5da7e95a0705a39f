#pragma once
// A scratch directory for one fuzzing process: the fuzz targets write each
// input as a migration file (or a config file) and run migrac on it, as the
// command line would. Removed when the process exits normally; a crash leaves
// it for a look.

#include <string>
#include <string_view>

namespace migrac::fuzz {

// One directory, made on first use, under $TMPDIR (or /dev/shm when present).
class Scratch {
 public:
  explicit Scratch(std::string_view tag);
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::string& dir() const { return dir_; }
  std::string path(std::string_view name) const { return dir_ + "/" + std::string(name); }
  // Writes `bytes` to dir/name (replacing it).
  void write(std::string_view name, std::string_view bytes) const;
  // Removes dir/name if present.
  void remove(std::string_view name) const;

 private:
  std::string dir_;
};

// Ends the process with a message (libFuzzer reports it as a crash and keeps
// the input): for an output that breaks a rule of migrac, not for a bad input.
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});

}  // namespace migrac::fuzz

// libFuzzer target: the input is a raw SQL migration (`0002_fuzz.up.sql`)
// that comes after a fixed root migration (pipeline.h); the whole compiler
// runs over the two. A line `-- fuzz:down` splits off the rest of the input
// as the migration's `.down.sql`.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/pipeline.h"
#include "tests/fuzz/root.h"
#include "tests/fuzz/scratch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace migrac::fuzz;
  static const Scratch scratch("sql");
  static const bool rooted = (scratch.write(std::string(kRootId) + ".mig", kRootMigration), true);
  (void)rooted;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kDown = "\n-- fuzz:down\n";
  std::size_t split = input.find(kDown);
  scratch.write("0002_fuzz.up.sql", input.substr(0, split));
  if (split == std::string_view::npos) {
    scratch.remove("0002_fuzz.down.sql");
  } else {
    scratch.write("0002_fuzz.down.sql", input.substr(split + kDown.size()));
  }
  compile_everything(scratch.dir());
  return 0;
}

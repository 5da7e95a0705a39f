// libFuzzer target: the input is a whole `.mig` file that comes after a fixed
// root migration (pipeline.h); the whole compiler runs over the two, and the
// printer over the input (print_check.h); the lexer's fast paths give the
// generated lexer's tokens for it (lexer_check.h).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/syntax/lexer_check.h"

#include "tests/fuzz/pipeline.h"
#include "tests/fuzz/print_check.h"
#include "tests/fuzz/root.h"
#include "tests/fuzz/scratch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace migrac::fuzz;
  static const Scratch scratch("mig");
  static const bool rooted = (scratch.write(std::string(kRootId) + ".mig", kRootMigration), true);
  (void)rooted;
  scratch.write("0002_fuzz.mig", std::string_view(reinterpret_cast<const char*>(data), size));
  compile_everything(scratch.dir());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_print(text);
  if (std::string difference = migrac::syntax::lexer_difference(text); !difference.empty()) {
    std::fprintf(stderr, "the fast lexer differs from the generated one: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}

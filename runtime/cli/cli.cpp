#include "runtime/cli/cli.h"

#include <cstdio>

namespace migrac::cli {

int run(int, char**) {
  std::fputs("migrac: not yet\n", stderr);
  return 2;
}

}  // namespace migrac::cli

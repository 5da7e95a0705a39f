// The migrac executable: hands the command line to the CLI dispatcher.
#include <malloc.h>

#include "runtime/cli/cli.h"

int main(int argc, char** argv) {
  // Heaps grow in steps of 32 MiB of address space (not of memory: pages are
  // only taken when touched) instead of a few pages at a time: the parsing
  // threads' heaps otherwise grow by thousands of small mprotect calls, each
  // of which stalls the other thread's page faults.
  mallopt(M_TOP_PAD, 32 << 20);
  return migrac::cli::run(argc, argv);
}

// The migrac executable: hands the command line to the CLI dispatcher.
#include "runtime/cli/cli.h"

int main(int argc, char** argv) { return migrac::cli::run(argc, argv); }

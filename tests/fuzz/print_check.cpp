#include "tests/fuzz/print_check.h"

#include <optional>
#include <string>

#include "compiler/print/print.h"
#include "compiler/syntax/parse.h"
#include "tests/fuzz/scratch.h"
#include "tests/unit/print_ast_equal.h"

namespace migrac::fuzz {

namespace {

// The migration `text` parses to, or nothing when it has errors.
std::optional<ast::Migration> parsed(const std::string& text) {
  SourceSet sources;
  int file = sources.add("0002_fuzz.mig", text);
  Diagnostics diags;
  ast::Migration m = parse_mig(sources, MigrationFile{"0002_fuzz", MigrationFormat::Mig, file, -1},
                               diags);
  if (diags.has_errors()) return std::nullopt;
  return m;
}

}  // namespace

void check_print(std::string_view input) {
  std::string text(input);
  std::optional<ast::Migration> m = parsed(text);
  if (!m) return;
  for (bool with_comments : {true, false}) {
    print::Comments comments = with_comments ? print::read_comments(text, *m) : print::Comments{};
    std::string printed = print::print_migration(*m, comments);
    std::optional<ast::Migration> again = parsed(printed);
    if (!again) fail("printed text does not parse", printed);
    std::string difference = test::AstEqual()(*m, *again);
    if (!difference.empty()) fail("printed text parses to another AST: " + difference, printed);
    print::Comments comments_again = with_comments ? print::read_comments(printed, *again)
                                                   : print::Comments{};
    if (print::print_migration(*again, comments_again) != printed)
      fail("printing the printed text changes it", printed);
  }
}

}  // namespace migrac::fuzz

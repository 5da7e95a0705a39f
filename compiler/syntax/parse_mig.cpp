// parse_mig: .mig text -> ast::Migration. Two passes: a fast one (SLL
// prediction, bail out at the first error), which is enough for nearly every
// file, then, only when it fails, the full one (LL prediction) with readable
// error reporting and statement-level recovery.

#include <memory>

#include "compiler/source/migration_file.h"
#include "compiler/syntax/error_strategy.h"
#include "compiler/syntax/lexer.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/transform.h"

namespace migrac {

ast::Migration parse_mig(const SourceSet& sources, const MigrationFile& file, Diagnostics& diags) {
  ast::Migration m;
  m.id = file.id;
  m.format = MigrationFormat::Mig;
  m.file = file.file;
  m.down_file = file.down_file;
  const SourceFile& source = sources[file.file];
  m.checksum = checksum_v1({source.text});
  std::size_t first_line_end = source.text.find('\n');
  if (first_line_end == std::string::npos) first_line_end = source.text.size();
  m.id_range = sources.range(file.file, 0, static_cast<std::uint32_t>(first_line_end));

  Diagnostics local;
  syntax::Builder b(sources, file.file, local);
  syntax::ByteStream input(source.text);
  syntax::Lexer lexer(&input);
  lexer.removeErrorListeners();
  syntax::TokenStream tokens(&lexer);
  tokens.fill();
  syntax::P parser(&tokens);
  parser.removeErrorListeners();
  auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();

  syntax::P::File_Context* tree = nullptr;
  parser.bail = true;
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  try {
    tree = parser.file_();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }

  std::vector<std::size_t> fatal;
  // Owns the tokens that error recovery puts in the tree: alive until the
  // transform is done.
  std::shared_ptr<syntax::ReadableErrorStrategy> strategy;
  if (tree == nullptr) {
    parser.reset();
    parser.bail = false;
    strategy = std::make_shared<syntax::ReadableErrorStrategy>(b);
    parser.setErrorHandler(strategy);
    simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.file_();
    } catch (const syntax::P::StatementAbort&) {
      tree = nullptr;  // reported; nothing usable
    }
    strategy->report_skipped_lexical_errors(tokens);
    fatal = strategy->fatal_tokens();
  }
  if (tree != nullptr) syntax::transform_file(b, tree, fatal, m);
  local.sort();
  diags.append(local);
  return m;
}

}  // namespace migrac

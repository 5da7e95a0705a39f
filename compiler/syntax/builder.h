#pragma once
// What the transform functions share while turning one parse tree into the AST:
// the file, where diagnostics go, and helpers that turn tokens and rule contexts
// into source ranges, text and names.

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"
#include "compiler/source/source.h"
#include "compiler/syntax/parse_tree.h"

namespace migrac::syntax {

// The file being transformed and its diagnostics.
class Builder {
 public:
  Builder(const SourceSet& sources, int file, Diagnostics& diags);

  // [first byte, last byte + 1) of a token; zero-width for a token made up by
  // error recovery (it has no text).
  SourceRange range(antlr4::Token* t) const;
  SourceRange range(antlr4::tree::TerminalNode* n) const { return range(n->getSymbol()); }
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::Token* first, antlr4::Token* last) const;
  SourceRange span(const SourceRange& first, const SourceRange& last) const;
  // A zero-width range just after a token (where a missing ';' belongs).
  SourceRange after(antlr4::Token* t) const;

  // The bytes of a token or of a rule context, exactly as written.
  std::string_view text(antlr4::Token* t) const;
  std::string_view text(antlr4::tree::TerminalNode* n) const { return text(n->getSymbol()); }
  std::string_view text(antlr4::ParserRuleContext* ctx) const;

  Diagnostic& report(DiagKind kind, SourceRange range, std::string message, std::string help = {});

  const SourceSet& sources;
  const int file;
  Diagnostics& diags;
  const std::string_view src;

 private:
  // A byte range of the file; positions (line, column) are found only for
  // the ends a SourceRange keeps.
  struct Offsets {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  Offsets offsets(antlr4::Token* t) const;
  Offsets offsets(antlr4::Token* first, antlr4::Token* last) const;
  Offsets offsets(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(Offsets o) const;
};

// ASCII lower case (bare names and keywords are case-insensitive).
std::string lower(std::string_view s);
// The value of a single-quoted literal: quotes removed, '' -> '.
std::string unquote_string(std::string_view token);
// The text between the delimiters of a dollar-quoted body ($tag$...$tag$).
std::string_view dollar_body(std::string_view token);
// Short text of a token for a message: the text itself, cut when long.
std::string quote_for_message(std::string_view text);

}  // namespace migrac::syntax

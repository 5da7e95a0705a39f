// Ranges, text and literal helpers shared by the transforms.

#include "compiler/syntax/builder.h"

#include <algorithm>

namespace migrac::syntax {

namespace {

// A token made up by error recovery has no position in the text.
bool has_text(antlr4::Token* t, std::size_t size) {
  return t != nullptr && t->getType() != antlr4::Token::EOF && t->getStartIndex() < size &&
         t->getStopIndex() < size && t->getStopIndex() >= t->getStartIndex();
}

}  // namespace

Builder::Builder(const SourceSet& sources_, int file_, Diagnostics& diags_)
    : sources(sources_), file(file_), diags(diags_), src(sources_[file_].text) {}

Builder::Offsets Builder::offsets(antlr4::Token* t) const {
  if (t == nullptr) return {0, 0};
  if (t->getType() == antlr4::Token::EOF) {
    auto at = static_cast<std::uint32_t>(src.size());
    return {at, at};
  }
  if (!has_text(t, src.size())) {
    auto at = static_cast<std::uint32_t>(std::min(t->getStartIndex(), src.size()));
    return {at, at};
  }
  return {static_cast<std::uint32_t>(t->getStartIndex()),
          static_cast<std::uint32_t>(t->getStopIndex() + 1)};
}

Builder::Offsets Builder::offsets(antlr4::Token* first, antlr4::Token* last) const {
  Offsets a = offsets(first);
  if (last == nullptr) return a;
  Offsets b = offsets(last);
  if (b.end < a.begin) return a;
  return {a.begin, std::max(a.end, b.end)};
}

Builder::Offsets Builder::offsets(antlr4::ParserRuleContext* ctx) const {
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || (start != nullptr && stop->getTokenIndex() < start->getTokenIndex())) {
    Offsets a = offsets(start);
    return {a.begin, a.begin};
  }
  return offsets(start, stop);
}

SourceRange Builder::range(Offsets o) const {
  const SourceFile& f = sources[file];
  return SourceRange{file, f.pos_at(o.begin), f.pos_at(o.end)};
}

SourceRange Builder::range(antlr4::Token* t) const { return range(offsets(t)); }

SourceRange Builder::range(antlr4::Token* first, antlr4::Token* last) const {
  return range(offsets(first, last));
}

SourceRange Builder::range(antlr4::ParserRuleContext* ctx) const { return range(offsets(ctx)); }

SourceRange Builder::span(const SourceRange& first, const SourceRange& last) const {
  SourceRange r = first;
  if (last.end.offset > r.end.offset) r.end = last.end;
  return r;
}

SourceRange Builder::after(antlr4::Token* t) const {
  SourceRange r = range(t);
  r.begin = r.end;
  return r;
}

std::string_view Builder::text(antlr4::Token* t) const {
  if (!has_text(t, src.size())) return {};
  return src.substr(t->getStartIndex(), t->getStopIndex() + 1 - t->getStartIndex());
}

std::string_view Builder::text(antlr4::ParserRuleContext* ctx) const {
  Offsets o = offsets(ctx);
  return src.substr(o.begin, o.end - o.begin);
}

Diagnostic& Builder::report(DiagKind kind, SourceRange r, std::string message, std::string help) {
  return diags.report(kind, r, std::move(message), std::move(help));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string unquote_string(std::string_view token) {
  if (token.size() < 2) return {};
  std::string_view inner = token.substr(1, token.size() - 2);
  std::string out;
  out.reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
  }
  return out;
}

std::string_view dollar_body(std::string_view token) {
  std::size_t open = token.find('$', 1);
  if (open == std::string_view::npos) return {};
  std::size_t delim = open + 1;
  if (token.size() < 2 * delim) return {};
  return token.substr(delim, token.size() - 2 * delim);
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::size_t newline = text.find('\n');
  bool cut = text.size() > kMax || newline != std::string_view::npos;
  std::string_view shown = text.substr(0, std::min({text.size(), kMax, newline}));
  return "'" + std::string(shown) + (cut ? "...'" : "'");
}

}  // namespace migrac::syntax

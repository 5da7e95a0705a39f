#include "compiler/diag/diag.h"

#include <algorithm>

#include "compiler/source/utf8.h"

namespace migrac {

namespace {

std::vector<DiagInfo> build_registry() {
  return {
#define MIGRAC_DIAG(kind, code, severity, summary) \
  DiagInfo{DiagKind::kind, #kind, code, severity, summary},
#include "compiler/diag/codes.def"
#undef MIGRAC_DIAG
  };
}

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of neighbours ("titel" -> "title" is one edit).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

const std::vector<DiagInfo>& all_diag_infos() {
  static const std::vector<DiagInfo> registry = build_registry();
  return registry;
}

const DiagInfo& diag_info(DiagKind kind) {
  return all_diag_infos()[static_cast<std::size_t>(kind)];
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

Diagnostic& Diagnostics::report(DiagKind kind, SourceRange range, std::string message,
                                std::string help) {
  Severity severity = diag_info(kind).severity;
  if (severity == Severity::Error) ++error_count_;
  diags_.push_back(Diagnostic{
      kind, severity, range, escape_invalid_utf8(message), escape_invalid_utf8(help), {}});
  return diags_.back();
}

Diagnostic& Diagnostic::note(SourceRange at, std::string_view text) {
  notes.push_back(DiagNote{at, escape_invalid_utf8(text)});
  return *this;
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.diags_) {
    if (d.severity == Severity::Error) ++error_count_;
    diags_.push_back(d);
  }
}

void Diagnostics::sort() {
  std::stable_sort(diags_.begin(), diags_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    return a.range.begin.offset < b.range.begin.offset;
  });
}

std::optional<std::string> nearest_name(std::string_view wrong,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(wrong, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A likely typo: at most a third of the longer name differs (and at least one edit allowed).
  std::size_t limit = std::max<std::size_t>(1, std::max(wrong.size(), best ? best->size() : 0) / 3);
  if (!best || best_distance == 0 || best_distance > limit) return std::nullopt;
  return best;
}

std::string did_you_mean(std::string_view wrong, const std::vector<std::string>& candidates) {
  auto n = nearest_name(wrong, candidates);
  return n ? "did you mean '" + *n + "'?" : std::string{};
}

}  // namespace migrac

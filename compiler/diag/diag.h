#pragma once
// Diagnostics: records of what is wrong (or worth a look) in the user's input.
// Every kind is declared once in the registry (codes_*.def, one file per phase)
// with its code and default severity; renderers (text, JSON, SARIF) read the
// same records.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source.h"

namespace migrac {

enum class Severity { Note, Info, Warning, Error };

// Every diagnostic kind of the project, generated from the registry.
enum class DiagKind {
#define MIGRAC_DIAG(kind, code, severity, summary) kind,
#include "compiler/diag/codes.def"
#undef MIGRAC_DIAG
};

// Static facts about a kind, from the registry.
struct DiagInfo {
  DiagKind kind;
  std::string_view name;     // the enumerator's name, e.g. "UnknownColumn"
  std::string_view code;     // stable code, e.g. "E0102"
  Severity severity;         // default severity
  std::string_view summary;  // one line for docs and SARIF rule descriptions
};

const DiagInfo& diag_info(DiagKind kind);
const std::vector<DiagInfo>& all_diag_infos();
std::string_view severity_name(Severity s);

// A secondary location with a message ("previous definition is here").
struct DiagNote {
  SourceRange range;
  std::string message;
};

// One reported problem. Its texts are valid UTF-8: source bytes that are not
// are shown as `\xNN` (see compiler/source/utf8.h); report() and note() see to it.
struct Diagnostic {
  DiagKind kind;
  Severity severity;
  SourceRange range;
  std::string message;  // lowercase, no trailing period, names in single quotes
  std::string help;     // optional "help:" line (e.g. "did you mean 'title'?")
  std::vector<DiagNote> notes;

  // Adds a secondary location; returns *this for chaining.
  Diagnostic& note(SourceRange at, std::string_view message);
};

// Collects the diagnostics of a run, in the order reported. The message and
// help of a report are made valid UTF-8 (invalid bytes as `\xNN`).
class Diagnostics {
 public:
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message, std::string help = {});
  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diags_; }
  void append(const Diagnostics& other);
  // Stable order for output: by file, line, column, then report order.
  void sort();

 private:
  std::vector<Diagnostic> diags_;
  std::size_t error_count_ = 0;
};

// The nearest candidate by edit distance, if close enough to be a likely typo.
std::optional<std::string> nearest_name(std::string_view wrong,
                                        const std::vector<std::string>& candidates);
// "did you mean 'x'?" for nearest_name, or empty.
std::string did_you_mean(std::string_view wrong, const std::vector<std::string>& candidates);

}  // namespace migrac

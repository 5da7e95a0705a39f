#include "compiler/lint/suppress.h"

#include <fmt/format.h>

namespace migrac::lint {

void register_suppression_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintUnusedSuppression, "unused-suppression", "suppression",
                 RuleScope::Suppression,
                 "A suppression that silences nothing is stale (the operation changed, or the "
                 "rule name is for another operation) and would hide a future finding there.",
                 "Remove the comment.", "", false});
  out.push_back({DiagKind::LintInvalidSuppression, "invalid-suppression", "suppression",
                 RuleScope::Suppression,
                 "A suppression must name a known rule and give a reason, and stand on the line "
                 "right above an operation (or at the top of the file, for the whole file); "
                 "otherwise it suppresses nothing.",
                 "Write `-- migrac:allow <rule> <reason>` directly above the operation.", "",
                 false});
}

namespace {

constexpr std::string_view kMarker = "migrac:allow";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_comment_line(std::string_view line) { return trim(line).substr(0, 2) == "--"; }
bool is_blank_line(std::string_view line) { return trim(line).empty(); }

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const Rule& r : all_rules()) names.emplace_back(r.name);
  return names;
}

}  // namespace

std::vector<Suppression> find_suppressions(const SourceSet& sources, int file,
                                           const std::vector<SourceRange>& units,
                                           Diagnostics& problems) {
  std::vector<Suppression> found;
  const SourceFile& f = sources[file];
  if (f.text.find(kMarker) == std::string::npos) return found;
  std::uint32_t first_unit_line = units.empty() ? UINT32_MAX : units.front().begin.line;
  auto line_count = static_cast<std::uint32_t>(f.line_starts.size());
  for (std::uint32_t line = 1; line <= line_count; ++line) {
    std::string_view text = f.line_text(line);
    std::string_view body = trim(text);
    if (body.substr(0, 2) != "--") continue;
    body = trim(body.substr(2));
    if (body.substr(0, kMarker.size()) != kMarker) continue;
    std::string_view rest = body.substr(kMarker.size());
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;
    rest = trim(rest);
    std::uint32_t begin = f.line_starts[line - 1] + static_cast<std::uint32_t>(text.find("--"));
    SourceRange comment = sources.range(
        file, begin,
        f.line_starts[line - 1] + static_cast<std::uint32_t>(trim(text).size() + text.find("--")));
    std::size_t space = rest.find_first_of(" \t");
    std::string name(rest.substr(0, space));
    std::string reason(space == std::string_view::npos ? std::string_view()
                                                       : trim(rest.substr(space)));
    if (name.empty()) {
      problems.report(DiagKind::LintInvalidSuppression, comment, "this suppression names no rule",
                      "write '-- migrac:allow <rule> <reason>'");
      continue;
    }
    const Rule* rule = find_rule(name);
    if (!rule) {
      std::string help = did_you_mean(name, rule_names());
      problems.report(DiagKind::LintInvalidSuppression, comment,
                      fmt::format("unknown lint rule '{}' in this suppression", name),
                      help.empty() ? "see 'migrac lint --list-rules' for the rule names" : help);
      continue;
    }
    if (!rule->suppressible) {
      problems.report(DiagKind::LintInvalidSuppression, comment,
                      fmt::format("rule '{}' cannot be suppressed", rule->name));
      continue;
    }
    if (reason.empty()) {
      problems.report(DiagKind::LintInvalidSuppression, comment,
                      fmt::format("this suppression of '{}' gives no reason", rule->name),
                      fmt::format("say why it is safe: -- migrac:allow {} <reason>", rule->name));
      continue;
    }
    // Attached: the next line that is not a comment starts an operation.
    std::uint32_t next = line + 1;
    while (next <= line_count && is_comment_line(f.line_text(next))) ++next;
    const SourceRange* target = nullptr;
    if (next <= line_count && !is_blank_line(f.line_text(next))) {
      for (const SourceRange& u : units) {
        if (u.begin.line == next) {
          target = &u;
          break;
        }
      }
    }
    Suppression s;
    s.comment = comment;
    s.rule = rule;
    s.reason = reason;
    if (target) {
      s.target = *target;
    } else if (line < first_unit_line) {
      s.file_level = true;
    } else {
      problems.report(DiagKind::LintInvalidSuppression, comment,
                      fmt::format("this suppression of '{}' is not on the line above an operation",
                                  rule->name),
                      "move it right above the operation, or to the top of the file for the whole "
                      "file");
      continue;
    }
    found.push_back(std::move(s));
  }
  return found;
}

Diagnostics apply_suppressions(const Diagnostics& findings,
                               std::vector<Suppression>& suppressions) {
  Diagnostics kept;
  Diagnostics one;
  for (const Diagnostic& d : findings.all()) {
    bool suppressed = false;
    for (Suppression& s : suppressions) {
      if (s.rule->kind != d.kind || s.comment.file != d.range.file) continue;
      bool inside = s.file_level || (d.range.begin.offset >= s.target.begin.offset &&
                                     d.range.begin.offset <= s.target.end.offset);
      if (!inside) continue;
      s.used = true;
      suppressed = true;
    }
    if (suppressed) continue;
    one = Diagnostics();
    Diagnostic& copy = one.report(d.kind, d.range, d.message, d.help);
    copy.notes = d.notes;
    copy.severity = d.severity;
    kept.append(one);
  }
  return kept;
}

void report_unused(const std::vector<Suppression>& suppressions, Diagnostics& problems) {
  for (const Suppression& s : suppressions) {
    if (s.used) continue;
    problems.report(DiagKind::LintUnusedSuppression, s.comment,
                    s.file_level
                        ? fmt::format("this suppression of '{}' silences nothing in this file",
                                      s.rule->name)
                        : fmt::format("this suppression of '{}' silences nothing in the operation "
                                      "below",
                                      s.rule->name),
                    "remove it");
  }
}

}  // namespace migrac::lint

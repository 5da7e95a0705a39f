// `migrac check`: compile everything, report diagnostics.
#include <iostream>

#include <fmt/format.h>

#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

int verb_check(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("format", po::value<std::string>()->default_value("text"), "text or json");
  int code = kOk;
  auto inv = parse_invocation("check", "check [--format text|json]", args, opts, 0, code);
  if (!inv) return code;
  std::string format = inv->vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    std::cerr << fmt::format("migrac check: unknown format '{}' (text or json)\n", format);
    return kUsage;
  }
  auto project = compile_or_report(*inv, code, format == "json");
  if (!project) return code;
  if (format == "text") {
    std::cout << fmt::format("ok: {} migration{} checked, head{} {}\n", project->migrations.size(),
                             project->migrations.size() == 1 ? "" : "s",
                             project->graph.heads.size() == 1 ? "" : "s",
                             [&] {
                               std::string s;
                               for (std::size_t h : project->graph.heads)
                                 s += (s.empty() ? "" : ", ") + project->migrations[h].id;
                               return s.empty() ? std::string("(none)") : s;
                             }());
  }
  return kOk;
}

}  // namespace migrac::cli

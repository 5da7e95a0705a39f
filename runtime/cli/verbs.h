#pragma once
// Every verb of the command line: one function each, in a file named for it
// (verb_<name>.cpp). `args` are the arguments after the verb. A verb that runs
// to its end returns its exit code; one that stops early throws a VerbError
// (verb_error.h), which cli::run() catches.

#include <string>
#include <vector>

namespace migrac::cli {

using Args = std::vector<std::string>;

// Compiler verbs (offline).
int verb_init(const Args& args);
int verb_check(const Args& args);
int verb_sql(const Args& args);
int verb_schema(const Args& args);
int verb_heads(const Args& args);
int verb_history(const Args& args);
int verb_new(const Args& args);
int verb_import(const Args& args);
int verb_merge(const Args& args);
int verb_lint(const Args& args);
int verb_fmt(const Args& args);

// Database verbs (runtime).
int verb_upgrade(const Args& args);
int verb_downgrade(const Args& args);
int verb_current(const Args& args);
int verb_status(const Args& args);
int verb_stamp(const Args& args);
int verb_adopt(const Args& args);
int verb_verify(const Args& args);
int verb_diff(const Args& args);

}  // namespace migrac::cli

#pragma once
// Every verb of the command line: one function each, in a file named for it
// (verb_<name>.cpp). `args` are the arguments after the verb.

#include <string>
#include <vector>

namespace migrac::cli {

using Args = std::vector<std::string>;

// Compiler verbs (offline).
int verb_check(const Args& args);
int verb_sql(const Args& args);
int verb_schema(const Args& args);
int verb_heads(const Args& args);
int verb_history(const Args& args);
int verb_new(const Args& args);
int verb_merge(const Args& args);

}  // namespace migrac::cli

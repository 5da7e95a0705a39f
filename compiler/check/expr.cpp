// Walks over expressions for the checker: the columns they read.
#include <algorithm>

#include "compiler/check/checker.h"

namespace migrac {

std::vector<std::string> columns_read(const ast::Expr& e) {
  std::vector<std::string> cols;
  for_each_column(e, [&](const ast::Expr& c) { add_unique(cols, c.text); });
  return cols;
}

void add_unique(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += "'" + n + "'";
  }
  return out;
}

}  // namespace migrac

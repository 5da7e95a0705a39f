#include "runtime/cli/marks.h"

#include <iostream>

#include <fmt/format.h>

#include "compiler/dialect/postgres/history.h"
#include "runtime/db/connect.h"
#include "runtime/history/history.h"
#include "runtime/history/state.h"

namespace migrac::cli {

std::vector<std::string> applied_marks(const Invocation& inv, const Project& project) {
  if (inv.config.url.empty()) return {};
  std::string error;
  auto table = parse_history_table(inv.config.history_table, error);
  db::Connection c = table ? db::connect({inv.config.url, 0, true, true, {}})
                           : db::Connection{nullptr, error};
  std::vector<history::Row> rows;
  bool exists = false;
  if (c.driver) {
    history::Store store(*c.driver, *table);
    if (auto err = store.read(rows, exists)) c.error = err->one_line();
  }
  if (!c.error.empty()) {
    std::cerr << fmt::format("migrac {}: warning: not marking what is applied: {}\n", inv.verb,
                             c.error);
    return {};
  }
  history::State state = history::compare(project.migrations, project.graph, rows);
  std::vector<std::string> marks(project.migrations.size());
  for (std::size_t r = 0; r < marks.size(); ++r) {
    const history::Row* row = state.row_of[r];
    if (!row) continue;
    marks[r] = row->partly_applied()    ? " (partly applied)"
               : row->partly_reverted() ? " (partly reverted)"
                                        : " (applied)";
  }
  for (std::size_t r : history::applied_heads(project.graph, state)) marks[r] += " (current)";
  return marks;
}

}  // namespace migrac::cli

// Prints a script that runs MySQL's history-table statements
// (compiler/dialect/mysql/history.h) through a migration's life: created
// twice, exists, two segments applied, a third in a transaction, a
// downgrade, the row removed, stamps; the rows selected after each step.
// tests/live/mysql_history.sh runs it on MariaDB and compares the output.
//   mysql_history_script [TABLE]

#include <iostream>
#include <string>

#include "compiler/dialect/history.h"

using namespace migrac;

int main(int argc, char** argv) {
  std::string error;
  auto table = parse_history_table(argc > 1 ? argv[1] : "migrac_history", error);
  if (!table) {
    std::cerr << error << "\n";
    return 2;
  }
  std::unique_ptr<HistorySql> sql = make_history_sql(Dialect::Mysql, *table);
  auto out = [](const std::string& statement) { std::cout << statement << ";\n"; };
  auto rows = [&](const std::string& step) {
    out("SELECT '-- " + step + "'");
    out(sql->select());
  };

  out(sql->exists());
  for (int i = 0; i < 2; ++i) {
    for (const std::string& s : sql->create(error)) out(s);
  }
  out(sql->exists());

  HistoryRowKey key{"0001_init", "v1:ab", {"0000_root", "0000_other"}, 3, "run"};
  out(sql->up_started(key, 1));
  rows("up segment 1 started");
  out(sql->up_done(key, 1, "5"));
  out(sql->up_started(key, 2));
  out(sql->up_done(key, 2, "7"));
  rows("up segments 1 and 2 done");
  // The runtime marks a transaction's start: this one began a second ago.
  out("SET @migrac_transaction_start = SYSDATE(6) - INTERVAL 1 SECOND");
  out("BEGIN");
  out(sql->up_done(key, 3, sql->transaction_duration()));
  out("COMMIT");
  rows("up segment 3 done in a transaction of a second");

  out(sql->down_started("0001_init", 1));
  rows("down segment 1 started");
  out(sql->down_done("0001_init", 1, "4"));
  rows("down segment 1 done");
  out(sql->remove("0001_init"));
  rows("reverted");

  HistoryRowKey odd{"0002_it's \\ odd", "v1:cd", {}, 2, "stamp"};
  out(sql->stamp(odd));
  odd.checksum = "v1:ef";
  odd.parents = {"0001_init"};
  out(sql->stamp(odd));
  rows("stamped twice");
  HistoryRowKey upper{"0001_INIT", "v1:00", {}, 1, "stamp"};
  HistoryRowKey lower{"0001_init", "v1:11", {}, 1, "stamp"};
  out(sql->stamp(upper));
  out(sql->stamp(lower));
  rows("ids are case-sensitive");
  return 0;
}

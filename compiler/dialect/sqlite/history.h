#pragma once
// SQLite's history-table statements (the columns: compiler/dialect/history.h).
// SQLite has no schemas, no clock of the transaction and no user, so these
// statements call two functions the runtime's SQLite connection defines:
//   migrac_user()            who applies, for applied_by
//   migrac_transaction_ms()  the milliseconds since the current transaction began
// applied_at is stored as CURRENT_TIMESTAMP writes it (UTC, "YYYY-MM-DD HH:MM:SS").

#include <memory>

#include "compiler/dialect/history.h"

namespace migrac {

// SQLite's history statements for `table`; a table with a schema cannot be created.
std::unique_ptr<HistorySql> make_sqlite_history_sql(const HistoryTable& table);

}  // namespace migrac

#pragma once
// MySQL's (and MariaDB's) history-table statements (the columns:
// compiler/dialect/history.h). A schema is a MySQL database. applied_at is
// written as UTC_TIMESTAMP() (a DATETIME, read back with " UTC"), applied_by
// as CURRENT_USER(). A transaction's duration is measured from the session
// variable @migrac_transaction_start, which the runtime sets to SYSDATE(6)
// when it begins a transaction (0 when it is not set).

#include <memory>

#include "compiler/dialect/history.h"

namespace migrac {

// MySQL's history statements for `table`.
std::unique_ptr<HistorySql> make_mysql_history_sql(const HistoryTable& table);

}  // namespace migrac

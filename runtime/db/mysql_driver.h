#pragma once
// The MySQL and MariaDB driver (MariaDB Connector/C; it speaks to MySQL 8
// servers too). The run lock is a user-level lock, GET_LOCK(), held by the
// connection: it survives commits and every DDL statement's implicit commit.

#include <functional>
#include <memory>
#include <string>

#include "runtime/db/driver.h"
#include "runtime/db/redact.h"
#include "runtime/db/url.h"

namespace migrac::db {

// Opens one connection. On failure returns null and sets `error` to one
// redacted line naming host (or socket), port, database, user and the
// server's reason; `retryable` says whether waiting could help (a refused or
// lost connection, not a wrong password or an unknown database).
std::unique_ptr<Driver> open_mysql(const MysqlTarget& target, const Redactor& redact,
                                   std::string& error, bool& retryable);

// The kind of a MySQL error number (1205 -> LockTimeout, ...).
ErrorKind mysql_error_kind(unsigned error_number);

// `sql` with its $1.. parameters replaced by `literal` of each value (NULL for
// nullopt), outside quotes and comments. MySQL's text protocol has no
// numbered parameters.
std::string bind_dollar_params(std::string_view sql, const Params& params,
                               const std::function<std::string(const std::string&)>& literal);

}  // namespace migrac::db

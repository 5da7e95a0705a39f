#pragma once
// The MySQL emitter (MySQL 8.0.29+ and MariaDB 10.11): every model::Change as
// MySQL SQL, each ALTER TABLE with the online form it may use
// (ALGORITHM=INSTANT, else ALGORITHM=INPLACE, LOCK=NONE, else an explicit
// ALGORITHM=COPY) and its lock comment saying which. MySQL has no
// transactional DDL: every statement commits on its own.

#include <memory>

#include "compiler/dialect/dialect.h"

namespace migrac {

std::unique_ptr<Emitter> make_mysql_emitter();

}  // namespace migrac

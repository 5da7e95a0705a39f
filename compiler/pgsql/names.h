#pragma once
// PostgreSQL's own names for objects created without one (what the database
// holds after raw SQL creates them): users_pkey, users_email_key,
// orders_user_id_fkey, users_n_check, users_email_idx. The names migrac gives
// unnamed objects of .mig migrations are its own (check/names.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/schema.h"

namespace migrac::pgsql {

// An unnamed primary key of `table`: <table>_pkey.
std::string primary_key_name(const std::string& table);

// An unnamed constraint of `table`: <table>[_<column>...]_<label>, with a
// number after the label (1, 2, ...) while the table already has a
// constraint or index of that name. Labels: "key" (unique), "fkey", "check".
std::string constraint_name(const model::Table& table, const std::vector<std::string>& columns,
                            std::string_view label);

// An unnamed index of `table`: <table>[_<part>...]_idx, with a number after
// "idx" while the schema has an index of that name. The parts are the
// indexed columns, a function's name for an expression over one, else "expr".
std::string index_name(const model::Schema& schema, const std::string& table,
                       const std::vector<std::string>& parts);

}  // namespace migrac::pgsql

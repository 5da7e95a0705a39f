// The MariaDB Connector/C functions the MySQL driver calls, each forwarding
// to the library's own, loaded when first needed (client_library.h). The
// declarations are mysql.h's: a definition that does not match its
// declaration does not compile.
#include <mysql.h>

#include "runtime/db/client_library.h"

// Defines `name` with the parameters `params`, calling the library's `name` with `args`.
#define MIGRAC_MARIADB(result, name, params, args)                                                 \
  extern "C" result STDCALL name params {                                                          \
    static const auto fn = reinterpret_cast<decltype(&name)>(migrac::db::mariadb_function(#name)); \
    return fn args;                                                                                \
  }

MIGRAC_MARIADB(MYSQL*, mysql_init, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(int, mysql_options, (MYSQL * mysql, enum mysql_option option, const void* arg),
               (mysql, option, arg))
MIGRAC_MARIADB(int, mysql_options4,
               (MYSQL * mysql, enum mysql_option option, const void* arg1, const void* arg2),
               (mysql, option, arg1, arg2))
MIGRAC_MARIADB(MYSQL*, mysql_real_connect,
               (MYSQL * mysql, const char* host, const char* user, const char* passwd,
                const char* db, unsigned int port, const char* unix_socket,
                unsigned long clientflag),
               (mysql, host, user, passwd, db, port, unix_socket, clientflag))
MIGRAC_MARIADB(void, mysql_close, (MYSQL * sock), (sock))
MIGRAC_MARIADB(unsigned int, mysql_errno, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(const char*, mysql_error, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(const char*, mysql_sqlstate, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(int, mysql_send_query, (MYSQL * mysql, const char* q, unsigned long length),
               (mysql, q, length))
MIGRAC_MARIADB(my_bool, mysql_read_query_result, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(MYSQL_RES*, mysql_store_result, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(my_bool, mysql_more_results, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(int, mysql_next_result, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(unsigned int, mysql_field_count, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(my_ulonglong, mysql_affected_rows, (MYSQL * mysql), (mysql))
MIGRAC_MARIADB(unsigned int, mysql_num_fields, (MYSQL_RES * res), (res))
MIGRAC_MARIADB(MYSQL_ROW, mysql_fetch_row, (MYSQL_RES * result), (result))
MIGRAC_MARIADB(unsigned long*, mysql_fetch_lengths, (MYSQL_RES * result), (result))
MIGRAC_MARIADB(void, mysql_free_result, (MYSQL_RES * result), (result))
MIGRAC_MARIADB(unsigned long, mysql_real_escape_string,
               (MYSQL * mysql, char* to, const char* from, unsigned long length),
               (mysql, to, from, length))

// The libpq functions the PostgreSQL driver, its index-build watcher and the
// backup call, each forwarding to libpq's own, loaded when first needed
// (client_library.h). The declarations are libpq-fe.h's: a definition that
// does not match its declaration does not compile.
#include <libpq-fe.h>

#include "runtime/db/client_library.h"

// Defines `name` with the parameters `params`, calling libpq's `name` with `args`.
#define MIGRAC_LIBPQ(result, name, params, args)                                                 \
  extern "C" result name params {                                                                \
    static const auto fn = reinterpret_cast<decltype(&name)>(migrac::db::libpq_function(#name)); \
    return fn args;                                                                              \
  }

MIGRAC_LIBPQ(PGconn*, PQconnectdbParams,
             (const char* const* keywords, const char* const* values, int expand_dbname),
             (keywords, values, expand_dbname))
MIGRAC_LIBPQ(ConnStatusType, PQstatus, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(void, PQfinish, (PGconn * conn), (conn))
MIGRAC_LIBPQ(char*, PQerrorMessage, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(char*, PQhost, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(char*, PQport, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(char*, PQdb, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(char*, PQuser, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(int, PQserverVersion, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(int, PQbackendPID, (const PGconn* conn), (conn))
MIGRAC_LIBPQ(PQnoticeReceiver, PQsetNoticeReceiver,
             (PGconn * conn, PQnoticeReceiver proc, void* arg), (conn, proc, arg))
MIGRAC_LIBPQ(PQconninfoOption*, PQconninfo, (PGconn * conn), (conn))
MIGRAC_LIBPQ(PQconninfoOption*, PQconninfoParse, (const char* conninfo, char** errmsg),
             (conninfo, errmsg))
MIGRAC_LIBPQ(void, PQconninfoFree, (PQconninfoOption * options), (options))
MIGRAC_LIBPQ(void, PQfreemem, (void* ptr), (ptr))
MIGRAC_LIBPQ(PGresult*, PQexecParams,
             (PGconn * conn, const char* command, int nParams, const Oid* paramTypes,
              const char* const* paramValues, const int* paramLengths, const int* paramFormats,
              int resultFormat),
             (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats,
              resultFormat))
MIGRAC_LIBPQ(int, PQsendQuery, (PGconn * conn, const char* query), (conn, query))
MIGRAC_LIBPQ(int, PQsendQueryParams,
             (PGconn * conn, const char* command, int nParams, const Oid* paramTypes,
              const char* const* paramValues, const int* paramLengths, const int* paramFormats,
              int resultFormat),
             (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats,
              resultFormat))
MIGRAC_LIBPQ(PGresult*, PQgetResult, (PGconn * conn), (conn))
MIGRAC_LIBPQ(ExecStatusType, PQresultStatus, (const PGresult* res), (res))
MIGRAC_LIBPQ(char*, PQresultErrorMessage, (const PGresult* res), (res))
MIGRAC_LIBPQ(char*, PQresultErrorField, (const PGresult* res, int fieldcode), (res, fieldcode))
MIGRAC_LIBPQ(int, PQntuples, (const PGresult* res), (res))
MIGRAC_LIBPQ(int, PQnfields, (const PGresult* res), (res))
MIGRAC_LIBPQ(char*, PQgetvalue, (const PGresult* res, int tup_num, int field_num),
             (res, tup_num, field_num))
MIGRAC_LIBPQ(int, PQgetlength, (const PGresult* res, int tup_num, int field_num),
             (res, tup_num, field_num))
MIGRAC_LIBPQ(int, PQgetisnull, (const PGresult* res, int tup_num, int field_num),
             (res, tup_num, field_num))
MIGRAC_LIBPQ(char*, PQcmdTuples, (PGresult * res), (res))
MIGRAC_LIBPQ(void, PQclear, (PGresult * res), (res))

#pragma once
// The database client libraries (libpq, MariaDB Connector/C), loaded when a
// driver first connects instead of at the start of every process: a compile
// never connects, and loading libpq alone, with the Kerberos, LDAP and TLS
// libraries it needs, was half of migrac's start-up time.
//
// libpq_api.cpp and mariadb_api.cpp define the client functions the drivers
// call (with the libraries' own declarations, from their headers); each
// forwards to the library's function, loading the library the first time.
// The drivers call load_libpq / load_mariadb before connecting, so that a
// missing library is a connection error that names it.

#include <string>

namespace migrac::db {

// Loads the library (once per process); false, with `error` saying which
// library is missing and why, when it cannot be loaded.
bool load_libpq(std::string& error);
bool load_mariadb(std::string& error);

// The client library's function `name` (loading the library if need be).
// A library or function that cannot be had ends the process with a message:
// the drivers load the library before their first call, so this happens
// only when the installed library lacks a function migrac needs.
void* libpq_function(const char* name);
void* mariadb_function(const char* name);

}  // namespace migrac::db

#include "runtime/db/client_library.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace migrac::db {

namespace {

// One client library: its file (by soname), the package that has it, and
// once loaded, its handle or why it could not be loaded.
struct Library {
  const char* file;
  const char* package;
  std::once_flag once;
  void* handle = nullptr;
  std::string error;
};

Library g_libpq{"libpq.so.5", "libpq5", {}, nullptr, {}};
Library g_mariadb{"libmariadb.so.3", "libmariadb3", {}, nullptr, {}};

void* open(Library& library) {
  std::call_once(library.once, [&] {
    library.handle = ::dlopen(library.file, RTLD_NOW | RTLD_LOCAL);
    if (library.handle) return;
    const char* why = ::dlerror();
    library.error = std::string("cannot load the client library ") + library.file + " (" +
                    (why ? why : "not found") + "); install the package " + library.package;
  });
  return library.handle;
}

bool load(Library& library, std::string& error) {
  if (open(library)) return true;
  error = library.error;
  return false;
}

void* function(Library& library, const char* name) {
  void* handle = open(library);
  void* fn = handle ? ::dlsym(handle, name) : nullptr;
  if (fn) return fn;
  if (handle) {
    std::fprintf(stderr, "migrac: the client library %s has no function %s; install a newer %s\n",
                 library.file, name, library.package);
  } else {
    std::fprintf(stderr, "migrac: %s\n", library.error.c_str());
  }
  std::exit(3);  // kDatabaseError
}

}  // namespace

bool load_libpq(std::string& error) { return load(g_libpq, error); }
bool load_mariadb(std::string& error) { return load(g_mariadb, error); }
void* libpq_function(const char* name) { return function(g_libpq, name); }
void* mariadb_function(const char* name) { return function(g_mariadb, name); }

}  // namespace migrac::db

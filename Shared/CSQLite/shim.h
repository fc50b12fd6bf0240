// Shim for the system's SQLite 3 (Debian: libsqlite3-dev). Only BeianStore imports this module.
#ifndef BEIAN_CSQLITE_SHIM_H
#define BEIAN_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline sqlite3_destructor_type beian_sqlite3_transient(void) { return SQLITE_TRANSIENT; }

// sqlite3_db_config is variadic; expose the forms we use.
static inline int beian_sqlite3_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

#endif

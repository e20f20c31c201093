#ifndef CSQLITE3_SHIM_H
#define CSQLITE3_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a cast macro that Swift cannot import.
static inline sqlite3_destructor_type csqlite3_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Turns off SQLite's memory statistics (`SQLITE_CONFIG_MEMSTATUS`): with them on, every allocation and
/// free takes one process-wide mutex to update the counters, and this library is built without lookaside,
/// so every small allocation is one. Only effective before `sqlite3_initialize`; `sqlite3_config` is
/// variadic, which Swift cannot call.
static inline int csqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif

#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H

#include <malloc.h>

/// `M_ARENA_MAX` is a macro of <malloc.h>: caps the malloc arenas a process's threads spread over.
static inline int cmalloc_limit_arenas(int arenas) {
    return mallopt(M_ARENA_MAX, arenas);
}

/// Returns the heap's free pages to the system (`malloc_trim(0)`): start-up's temporaries (the dialog
/// files read, the intent recognizer trained) would otherwise stay resident for the whole run.
static inline int cmalloc_release_free_memory(void) {
    return malloc_trim(0);
}

#endif

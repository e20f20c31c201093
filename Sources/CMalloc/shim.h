#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H

#include <malloc.h>

/// `M_ARENA_MAX` is a macro of <malloc.h>: caps the malloc arenas a process's threads spread over.
static inline int cmalloc_limit_arenas(int arenas) {
    return mallopt(M_ARENA_MAX, arenas);
}

#endif

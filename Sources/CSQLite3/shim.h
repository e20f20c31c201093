#ifndef CSQLITE3_SHIM_H
#define CSQLITE3_SHIM_H

#include <sqlite3.h>
#include <string.h>

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

/// The VFS `csqlite3_register_wal_vfs` registers, by name: the default VFS, but a transaction's frames reach
/// its write-ahead log in one `pwrite` (one per 120 KiB) instead of two each.
#define CSQLITE3_WAL_VFS "loket-wal"

/// A write-ahead log opened through `CSQLITE3_WAL_VFS`: the default VFS's file (`inner`, allocated right after
/// this struct) and the bytes written to it and not passed on yet, which are consecutive from `start`.
typedef struct {
    sqlite3_file base;
    sqlite3_file *inner;
    unsigned char *pending;
    int pendingCount;
    int pendingCapacity;
    sqlite3_int64 start;
    /// The log's page size, from its header; 0 while unknown, when every write is passed on at once.
    int pageSize;
} csqlite3_wal_file;

enum {
    csqlite3_wal_header_size = 32,
    csqlite3_wal_frame_header_size = 24,
    /// The most bytes passed on at once: the default VFS writes at most 128 KiB - 1 in one call, and a larger
    /// write whose remainder is a multiple of 128 KiB fails as if the disk were full.
    csqlite3_wal_pending_limit = 120 * 1024,
};

static inline sqlite3_vfs *csqlite3_wal_root(sqlite3_vfs *vfs) { return (sqlite3_vfs *)vfs->pAppData; }

static inline sqlite3_file *csqlite3_wal_inner(sqlite3_file *file) { return ((csqlite3_wal_file *)file)->inner; }

static inline unsigned csqlite3_wal_get4(const unsigned char *bytes) {
    return ((unsigned)bytes[0] << 24) | ((unsigned)bytes[1] << 16) | ((unsigned)bytes[2] << 8) | bytes[3];
}

/// The page size a log's header holds (at its byte 8), or 0 when that is not one.
static inline int csqlite3_wal_page_size(const unsigned char *header) {
    unsigned size = csqlite3_wal_get4(header + 8);
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0 ? (int)size : 0;
}

/// The bytes of a `csqlite3_wal_file` before its `inner` file, which is aligned to 8 bytes.
static inline int csqlite3_wal_own_size(void) { return (int)((sizeof(csqlite3_wal_file) + 7) & ~(size_t)7); }

/// Passes the pending bytes on in one write, and forgets them whether or not it succeeded.
static inline int csqlite3_wal_flush(csqlite3_wal_file *file) {
    if (file->pendingCount == 0) return SQLITE_OK;
    int count = file->pendingCount;
    file->pendingCount = 0;
    return file->inner->pMethods->xWrite(file->inner, file->pending, count, file->start);
}

/// Passes the pending bytes on, then `bytes`, each in a write of its own.
static inline int csqlite3_wal_write_through(
    csqlite3_wal_file *file, const void *bytes, int count, sqlite3_int64 offset
) {
    int rc = csqlite3_wal_flush(file);
    if (rc != SQLITE_OK) return rc;
    return file->inner->pMethods->xWrite(file->inner, bytes, count, offset);
}

/// Reads the page size from the log's header on disk, when a log that existed before gets its next frames.
static inline void csqlite3_wal_read_page_size(csqlite3_wal_file *file) {
    unsigned char header[csqlite3_wal_header_size];
    if (file->inner->pMethods->xRead(file->inner, header, sizeof header, 0) != SQLITE_OK) return;
    file->pageSize = csqlite3_wal_page_size(header);
}

/// Takes SQLite's writes to the log. Bytes that follow the pending ones are kept; the pending bytes are passed
/// on once they end with a commit frame (a frame whose header holds the database's size after the commit), so
/// that they are in the file before SQLite makes the commit visible to other connections, which it does after
/// its last write and without another call on the log, or before they would pass the limit. Any other write is
/// passed on after the pending bytes.
static inline int csqlite3_wal_write(sqlite3_file *base, const void *bytes, int count, sqlite3_int64 offset) {
    csqlite3_wal_file *file = (csqlite3_wal_file *)base;
    if (offset == 0 && count >= csqlite3_wal_header_size) {
        file->pageSize = csqlite3_wal_page_size((const unsigned char *)bytes);
    }
    if (file->pendingCount > 0
        && (offset != file->start + file->pendingCount
            || file->pendingCount + count > csqlite3_wal_pending_limit)) {
        int rc = csqlite3_wal_flush(file);
        if (rc != SQLITE_OK) return rc;
    }
    if (file->pageSize == 0 && offset > 0) csqlite3_wal_read_page_size(file);
    if (file->pageSize == 0 || count > csqlite3_wal_pending_limit) {
        return csqlite3_wal_write_through(file, bytes, count, offset);
    }
    if (file->pendingCount == 0) file->start = offset;
    if (file->pendingCount + count > file->pendingCapacity) {
        int capacity = file->pendingCapacity > 0 ? file->pendingCapacity : 64 * 1024;
        while (capacity < file->pendingCount + count) capacity *= 2;
        unsigned char *grown = (unsigned char *)sqlite3_realloc(file->pending, capacity);
        if (grown == 0) return csqlite3_wal_write_through(file, bytes, count, offset);
        file->pending = grown;
        file->pendingCapacity = capacity;
    }
    memcpy(file->pending + file->pendingCount, bytes, (size_t)count);
    file->pendingCount += count;
    sqlite3_int64 end = offset + count;
    sqlite3_int64 frame = csqlite3_wal_frame_header_size + file->pageSize;
    if (end > csqlite3_wal_header_size && (end - csqlite3_wal_header_size) % frame == 0) {
        sqlite3_int64 header = end - frame;
        // A frame's header before the pending bytes cannot be read here: pass them on, as for a commit.
        if (header < file->start || csqlite3_wal_get4(file->pending + (header - file->start) + 4) != 0) {
            return csqlite3_wal_flush(file);
        }
    }
    return SQLITE_OK;
}

static inline int csqlite3_wal_close(sqlite3_file *base) {
    csqlite3_wal_file *file = (csqlite3_wal_file *)base;
    int rc = csqlite3_wal_flush(file);
    int closed = file->inner->pMethods->xClose(file->inner);
    sqlite3_free(file->pending);
    file->pending = 0;
    file->pendingCapacity = 0;
    return rc != SQLITE_OK ? rc : closed;
}

static inline int csqlite3_wal_read(sqlite3_file *base, void *bytes, int count, sqlite3_int64 offset) {
    int rc = csqlite3_wal_flush((csqlite3_wal_file *)base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xRead(inner, bytes, count, offset);
}

static inline int csqlite3_wal_truncate(sqlite3_file *base, sqlite3_int64 size) {
    int rc = csqlite3_wal_flush((csqlite3_wal_file *)base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xTruncate(inner, size);
}

static inline int csqlite3_wal_sync(sqlite3_file *base, int flags) {
    int rc = csqlite3_wal_flush((csqlite3_wal_file *)base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xSync(inner, flags);
}

static inline int csqlite3_wal_file_size(sqlite3_file *base, sqlite3_int64 *size) {
    int rc = csqlite3_wal_flush((csqlite3_wal_file *)base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xFileSize(inner, size);
}

static inline int csqlite3_wal_lock(sqlite3_file *base, int level) {
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xLock(inner, level);
}

static inline int csqlite3_wal_unlock(sqlite3_file *base, int level) {
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xUnlock(inner, level);
}

static inline int csqlite3_wal_check_reserved_lock(sqlite3_file *base, int *result) {
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xCheckReservedLock(inner, result);
}

static inline int csqlite3_wal_file_control(sqlite3_file *base, int operation, void *argument) {
    int rc = csqlite3_wal_flush((csqlite3_wal_file *)base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xFileControl(inner, operation, argument);
}

static inline int csqlite3_wal_sector_size(sqlite3_file *base) {
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xSectorSize(inner);
}

static inline int csqlite3_wal_device_characteristics(sqlite3_file *base) {
    sqlite3_file *inner = csqlite3_wal_inner(base);
    return inner->pMethods->xDeviceCharacteristics(inner);
}

/// Opens a write-ahead log through the default VFS inside a `csqlite3_wal_file`; any other file is the default
/// VFS's own, opened in place.
static inline int csqlite3_wal_open(
    sqlite3_vfs *vfs, const char *name, sqlite3_file *base, int flags, int *outFlags
) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    if ((flags & SQLITE_OPEN_WAL) == 0) return root->xOpen(root, name, base, flags, outFlags);
    static const sqlite3_io_methods methods = {
        1,
        csqlite3_wal_close,
        csqlite3_wal_read,
        csqlite3_wal_write,
        csqlite3_wal_truncate,
        csqlite3_wal_sync,
        csqlite3_wal_file_size,
        csqlite3_wal_lock,
        csqlite3_wal_unlock,
        csqlite3_wal_check_reserved_lock,
        csqlite3_wal_file_control,
        csqlite3_wal_sector_size,
        csqlite3_wal_device_characteristics,
    };
    csqlite3_wal_file *file = (csqlite3_wal_file *)base;
    memset(file, 0, sizeof *file);
    file->inner = (sqlite3_file *)((char *)file + csqlite3_wal_own_size());
    int rc = root->xOpen(root, name, file->inner, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (file->inner->pMethods != 0) file->inner->pMethods->xClose(file->inner);
        file->base.pMethods = 0;
        return rc;
    }
    file->base.pMethods = &methods;
    return SQLITE_OK;
}

static inline int csqlite3_wal_delete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xDelete(root, name, syncDirectory);
}

static inline int csqlite3_wal_access(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xAccess(root, name, flags, result);
}

static inline int csqlite3_wal_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *output) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xFullPathname(root, name, size, output);
}

static inline int csqlite3_wal_randomness(sqlite3_vfs *vfs, int count, char *output) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xRandomness(root, count, output);
}

static inline int csqlite3_wal_sleep(sqlite3_vfs *vfs, int microseconds) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xSleep(root, microseconds);
}

static inline int csqlite3_wal_current_time(sqlite3_vfs *vfs, double *now) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xCurrentTime(root, now);
}

static inline int csqlite3_wal_last_error(sqlite3_vfs *vfs, int size, char *output) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xGetLastError(root, size, output);
}

static inline int csqlite3_wal_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *now) {
    sqlite3_vfs *root = csqlite3_wal_root(vfs);
    return root->xCurrentTimeInt64(root, now);
}

/// Registers `CSQLITE3_WAL_VFS` (not as the default) over the default VFS, once; open a connection with its
/// name. A write-ahead log's other methods are the default VFS's, with the pending bytes passed on first (a
/// read, a sync, a truncation, its size), so that SQLite always finds in the file what it wrote. Shared memory
/// and memory mapping belong to the database file, which is the default VFS's own.
static inline int csqlite3_register_wal_vfs(void) {
    static sqlite3_vfs vfs;
    sqlite3_vfs *root = sqlite3_vfs_find(0);
    if (root == 0) return SQLITE_ERROR;
    if (sqlite3_vfs_find(CSQLITE3_WAL_VFS) != 0) return SQLITE_OK;
    vfs.iVersion = 2;
    vfs.szOsFile = csqlite3_wal_own_size() + root->szOsFile;
    vfs.mxPathname = root->mxPathname;
    vfs.zName = CSQLITE3_WAL_VFS;
    vfs.pAppData = root;
    vfs.xOpen = csqlite3_wal_open;
    vfs.xDelete = csqlite3_wal_delete;
    vfs.xAccess = csqlite3_wal_access;
    vfs.xFullPathname = csqlite3_wal_full_pathname;
    vfs.xDlOpen = root->xDlOpen;
    vfs.xDlError = root->xDlError;
    vfs.xDlSym = root->xDlSym;
    vfs.xDlClose = root->xDlClose;
    vfs.xRandomness = csqlite3_wal_randomness;
    vfs.xSleep = csqlite3_wal_sleep;
    vfs.xCurrentTime = csqlite3_wal_current_time;
    vfs.xGetLastError = csqlite3_wal_last_error;
    vfs.xCurrentTimeInt64 = csqlite3_wal_current_time_int64;
    return sqlite3_vfs_register(&vfs, 0);
}

#endif

#ifndef LOKET_CLIBFUZZER_SHIM_H
#define LOKET_CLIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs with their own main (compiler-rt, FuzzerDriver.cpp). Only declared here:
/// it is linked, and called, only in a build made with `-sanitize=fuzzer` (see scripts/fuzz).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

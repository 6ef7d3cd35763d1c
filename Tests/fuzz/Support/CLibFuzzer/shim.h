// libFuzzer's entry for programs with their own main (llvm.org/docs/LibFuzzer.html). The runtime
// comes from `-sanitize=fuzzer`; this header only declares it for Swift.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

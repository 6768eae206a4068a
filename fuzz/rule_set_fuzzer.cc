#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jixiao::fuzz::rule_set(data, size);
  return 0;
}

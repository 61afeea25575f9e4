// libFuzzer entry: a revision string.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::revision(data, size);
  return 0;
}

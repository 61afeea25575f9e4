// libFuzzer entry: two documents (split at the first 0xFF byte) compared and rendered.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::diff_two(data, size);
  return 0;
}

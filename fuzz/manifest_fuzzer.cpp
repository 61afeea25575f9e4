// libFuzzer entry: a snapshot manifest.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::manifest_file(data, size);
  return 0;
}

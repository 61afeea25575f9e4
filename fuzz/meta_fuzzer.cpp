// libFuzzer entry: a store commit's message.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::commit_metadata(data, size);
  return 0;
}

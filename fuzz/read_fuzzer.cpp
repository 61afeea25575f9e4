// libFuzzer entry: one document through ingest, normalize, segment and render.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::read_one(data, size);
  return 0;
}

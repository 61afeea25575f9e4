// libFuzzer entry: a boilerplate rules file.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  strata::fuzz::rules_file(data, size);
  return 0;
}

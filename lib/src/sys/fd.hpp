// Internal: file descriptor helpers shared by the library's file writers.
#pragma once

#include <string_view>

namespace strata::util {

// Writes the whole of `bytes` to `fd`, through short writes and signals;
// false with errno set when a write fails.
bool write_all(int fd, std::string_view bytes);

}  // namespace strata::util

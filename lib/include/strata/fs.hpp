// File writes that never leave a half-written file behind.
#pragma once

#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata {

// Writes to a temporary file beside `path`, flushes it to disk and renames it
// over `path`: readers see the old content or the new, never a mix. Creates
// missing parent directories.
Result<void> write_file_atomic(const std::string& path, std::string_view content);

}  // namespace strata

// File writes that never leave a half-written file behind (docs/reliability.md).
#pragma once

#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata {

struct WriteOptions {
  // fsync the file before the rename and its folder after, so that after a
  // power cut the path holds the old content or the new. Default: true;
  // caches that are only recomputed when lost skip it.
  bool sync = true;
};

// Writes to a temporary file beside `path` (created with O_EXCL|O_NOFOLLOW,
// named with kTempPrefix), flushes it to disk and renames it over `path`:
// readers see the old content or the new, never a mix. Creates missing parent
// directories. Refuses to replace a symbolic link (which would otherwise
// redirect the write, or be replaced by a file). Temporary files of writes
// killed before the rename, older than kStaleTempSeconds, are removed from the
// folder first, once per folder and process: a history's cache writes
// thousands of entries into one folder, and sweeping it before each was
// quadratic in their number.
Result<void> write_file_atomic(const std::string& path, std::string_view content, const WriteOptions& options = {});

// Every temporary file strata writes starts with this; nothing else does.
inline constexpr std::string_view kTempPrefix = ".strata-tmp-";
// A temporary file this old belongs to a write that was killed: no write of
// strata takes an hour, and an hour leaves any clock skew between machines
// sharing a folder out of the question.
inline constexpr long kStaleTempSeconds = 3600;

// Removes the temporary files of writes in progress in this process. Async-
// signal-safe: meant for a SIGINT/SIGTERM handler, which then re-raises.
void remove_pending_temp_files() noexcept;

}  // namespace strata

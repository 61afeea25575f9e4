// The one TOML reader of strata's own files: the snapshot manifest, the
// boilerplate, programme, significance and check rule files. Every one
// reports a syntax error the same way, "path:line: description", and reads
// its file with read_file_bytes()'s refusals (directories, missing files,
// inputs past kMaxInputBytes).
#pragma once

#include <toml++/toml.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata {

// `text` parsed; `source` names it in errors.
Result<toml::table> parse_toml(std::string_view text, std::string_view source);
// The file at `path` read and parsed.
Result<toml::table> load_toml(const std::string& path);

// A whole number: an integer, or a float with no fraction that an int64_t
// holds. toml++'s own conversion (value<int64_t>()) casts any float, and a
// cast of one past int64_t's range is undefined behaviour.
std::optional<int64_t> whole_number(const toml::node& node);

}  // namespace strata

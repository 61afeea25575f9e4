// Character sets: byte order marks, HTML's charset declarations, and
// conversion to UTF-8 through iconv. Internal to ingest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::charset {

// A byte order mark at the start of `bytes`: the charset it names (utf-8,
// utf-16le, utf-16be, utf-32le, utf-32be) and its length in bytes.
struct Bom {
  std::string_view charset;
  size_t length = 0;
};
std::optional<Bom> find_bom(std::string_view bytes);

// UTF-16 or UTF-32 text without a byte order mark, told by where its NUL bytes
// fall ("utf-16le", ...); nullopt when the bytes do not look like either.
std::optional<std::string_view> guess_wide_charset(std::string_view bytes);

// The charset an HTML page declares in <meta charset>, <meta http-equiv
// content="...; charset=..."> or <?xml encoding>, lower-cased, with the labels
// that the WHATWG Encoding standard maps to windows-1252 (iso-8859-1, latin1,
// us-ascii, ...) mapped to it; nullopt when none is declared.
std::optional<std::string> declared_html_charset(std::string_view bytes);

// `bytes` in `from` (an iconv name) as UTF-8. `source` names the input in
// errors, which give the byte offset of the first byte iconv could not convert.
Result<std::string> to_utf8(std::string_view bytes, const std::string& from, std::string_view source);

}  // namespace strata::charset

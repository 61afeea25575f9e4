// Checks that bytes are a text document and decodes them to LF-terminated UTF-8.
#include <cstring>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <system_error>

#include "strata/ingest.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

// git's rule: a NUL in the first 8,000 bytes makes a file binary. A NUL later
// on is kept as a control character and compared (shown as U+2400).
constexpr size_t kBinarySniffBytes = 8000;

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

}  // namespace

InputFormat format_from_path(std::string_view path) {
  if (ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown")) return InputFormat::kMarkdown;
  return InputFormat::kPlainText;
}

Result<InputFormat> parse_input_format(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "plain") return InputFormat::kPlainText;
  if (name == "markdown" || name == "md") return InputFormat::kMarkdown;
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown input format '{}' (expected auto, text or markdown)", name));
}

Result<std::string> decode_text(std::string_view bytes, std::string_view source) {
  if (bytes.size() > kMaxInputBytes) {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}: input is {} bytes, above the limit of {} bytes", source, bytes.size(),
                                  kMaxInputBytes));
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (std::memchr(bytes.data(), '\0', std::min(bytes.size(), kBinarySniffBytes)) != nullptr) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: binary input (NUL byte), not a text document", source));
  }
  if (const size_t bad = utf8::find_invalid(bytes); bad != std::string_view::npos) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: invalid UTF-8 at byte {}", source, bad));
  }
  std::string text;
  if (std::memchr(bytes.data(), '\r', bytes.size()) == nullptr) {
    text.assign(bytes);  // LF only, the common case: no per-byte pass
  } else {
    text.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      if (c == '\r') {
        text.push_back('\n');
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      } else {
        text.push_back(c);
      }
    }
  }
  if (text.find_first_not_of(" \t\n\f\v") == std::string::npos) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: empty document (no text)", source));
  }
  return text;
}

Result<std::string> read_file_bytes(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return make_error(ErrorCode::kNotFound, fmt::format("{}: no such file", path));
  }
  if (std::filesystem::is_directory(status)) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: is a directory, not a document", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, fmt::format("{}: cannot open for reading", path));
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxInputBytes) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("{}: file is larger than the limit of {} bytes", path, kMaxInputBytes));
    }
  }
  if (in.bad()) return make_error(ErrorCode::kIo, fmt::format("{}: read error", path));
  return bytes;
}

}  // namespace strata

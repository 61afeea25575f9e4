#include "store/meta.hpp"

#include <charconv>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <vector>

#include "strata/ingest.hpp"
#include "strata/manifest.hpp"

namespace strata::store {

namespace {

constexpr std::string_view kIdKey = "Snapshot-Id";
constexpr std::string_view kTitleKey = "Snapshot-Title";
constexpr std::string_view kSourceKey = "Snapshot-Source";
constexpr std::string_view kDateKey = "Snapshot-Date";
constexpr std::string_view kFormatKey = "Snapshot-Format";
constexpr std::string_view kNormalizationKey = "Normalization";
constexpr std::string_view kRawKey = "Raw-Blob";

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  return out;
}

}  // namespace

std::string commit_message(const VersionInfo& v) {
  return fmt::format("Import {}: {}\n\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n", v.id,
                     one_line(v.title), kIdKey, v.id, kTitleKey, one_line(v.title), kSourceKey, one_line(v.source),
                     kDateKey, v.date, kFormatKey, to_string(v.format), kNormalizationKey, v.normalization, kRawKey,
                     v.raw_blob);
}

Result<void> parse_commit_message(std::string_view message, VersionInfo& out) {
  bool have_id = false;
  bool have_date = false;
  const size_t trailers = message.rfind("\n\n");
  std::string_view rest = trailers == std::string_view::npos ? std::string_view{} : message.substr(trailers + 2);
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    const size_t colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = line.substr(colon + 2);
    if (key == kIdKey) {
      out.id = std::string(value);
      have_id = true;
    } else if (key == kTitleKey) {
      out.title = std::string(value);
    } else if (key == kSourceKey) {
      out.source = std::string(value);
    } else if (key == kDateKey) {
      out.date = std::string(value);
      have_date = true;
    } else if (key == kFormatKey) {
      auto format = parse_input_format(value);
      out.format = format ? *format : InputFormat::kPlainText;
    } else if (key == kRawKey) {
      out.raw_blob = std::string(value);
    } else if (key == kNormalizationKey) {
      std::from_chars(value.data(), value.data() + value.size(), out.normalization);
    }
  }
  if (!have_id || !have_date || out.raw_blob.size() != 40) {
    return make_error(ErrorCode::kCorrupt, "commit message lacks the Snapshot-Id, Snapshot-Date or Raw-Blob trailer");
  }
  return {};
}

std::string meta_json(const VersionInfo& v, std::string_view raw) {
  nlohmann::ordered_json j;
  j["store_format"] = kStoreFormat;
  j["id"] = v.id;
  j["title"] = v.title;
  j["source"] = v.source;
  j["date"] = v.date;
  j["format"] = to_string(v.format);
  j["normalization"] = v.normalization;
  j["raw_bytes"] = raw.size();
  j["raw_sha256"] = strata::sha256_hex(raw);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace strata::store

#include "store/meta.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "ingest/ingest.hpp"
#include "text/hash.hpp"
#include "text/utf8.hpp"

namespace strata::store {

namespace {

constexpr std::string_view kIdKey = "Snapshot-Id";
constexpr std::string_view kTitleKey = "Snapshot-Title";
constexpr std::string_view kSourceKey = "Snapshot-Source";
constexpr std::string_view kDateKey = "Snapshot-Date";
constexpr std::string_view kFormatKey = "Snapshot-Format";
constexpr std::string_view kNormalizationKey = "Normalization";
constexpr std::string_view kRawKey = "Raw-Blob";
// Optional, one line per selector, in the order given at import.
constexpr std::string_view kSelectKey = "Snapshot-Select";
constexpr std::string_view kRemoveKey = "Snapshot-Remove";

}  // namespace

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode(s, pos);
    if (cp == utf8::kInvalid) {
      utf8::append(out, 0xFFFD);
    } else if (cp < 0x20 || cp == 0x7f) {
      out += ' ';
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

std::string commit_message(const VersionInfo& v) {
  std::string out =
      fmt::format("Import {}: {}\n\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}\n", v.id, one_line(v.title),
                  kIdKey, v.id, kTitleKey, one_line(v.title), kSourceKey, one_line(v.source), kDateKey, v.date,
                  kFormatKey, to_string(v.format), kNormalizationKey, v.normalization, kRawKey, v.raw_blob);
  for (const std::string& s : v.selectors.select) out += fmt::format("{}: {}\n", kSelectKey, one_line(s));
  for (const std::string& s : v.selectors.remove) out += fmt::format("{}: {}\n", kRemoveKey, one_line(s));
  return out;
}

namespace {

// A value as strata writes it: valid UTF-8 on one line, no control
// character (an ESC in a title would reach every `log`), not too long.
Result<void> check_value(std::string_view key, std::string_view value) {
  const auto bad = [&](std::string_view why) {
    return make_error(ErrorCode::kCorrupt, fmt::format("trailer {} {}", key, why));
  };
  if (value.size() > kMaxTrailerValue) return bad(fmt::format("is longer than {} bytes", kMaxTrailerValue));
  if (utf8::find_invalid(value) != std::string_view::npos) return bad("is not valid UTF-8");
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return bad(fmt::format("holds the control character 0x{:02x}", u));
  }
  return {};
}

}  // namespace

Result<void> parse_commit_message(std::string_view message, VersionInfo& out) {
  constexpr std::string_view kKeys[] = {kIdKey,     kTitleKey,         kSourceKey, kDateKey,
                                        kFormatKey, kNormalizationKey, kRawKey};
  std::array<bool, std::size(kKeys)> seen{};
  // Blank lines after the trailers (git tools may add one) are not a paragraph.
  while (message.ends_with("\n\n")) message.remove_suffix(1);
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
    if (key == kSelectKey || key == kRemoveKey) {
      if (auto ok = check_value(key, value); !ok) return ok.error();
      (key == kSelectKey ? out.selectors.select : out.selectors.remove).emplace_back(value);
      continue;
    }
    const auto known = std::find(std::begin(kKeys), std::end(kKeys), key);
    if (known == std::end(kKeys)) continue;  // other trailers are not strata's
    bool& once = seen[static_cast<size_t>(known - std::begin(kKeys))];
    if (once) return make_error(ErrorCode::kCorrupt, fmt::format("trailer {} appears twice", key));
    once = true;
    if (auto ok = check_value(key, value); !ok) return ok.error();
    if (key == kIdKey) {
      if (auto ok = check_version_id(value); !ok) return make_error(ErrorCode::kCorrupt, ok.error().message);
      out.id = std::string(value);
    } else if (key == kTitleKey) {
      out.title = std::string(value);
    } else if (key == kSourceKey) {
      out.source = std::string(value);
    } else if (key == kDateKey) {
      if (auto ok = check_snapshot_date(value); !ok) return make_error(ErrorCode::kCorrupt, ok.error().message);
      out.date = std::string(value);
    } else if (key == kFormatKey) {
      auto format = parse_input_format(value);
      if (!format || *format == InputFormat::kAuto) {
        return make_error(ErrorCode::kCorrupt,
                          fmt::format("trailer {} is '{}', not markdown, text or html", key, value));
      }
      out.format = *format;
    } else if (key == kRawKey) {
      if (value.size() != 40 || value.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
        return make_error(ErrorCode::kCorrupt, fmt::format("trailer {} is not a 40-digit object id", key));
      }
      out.raw_blob = std::string(value);
    } else if (key == kNormalizationKey) {
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out.normalization);
      if (ec != std::errc{} || end != value.data() + value.size() || out.normalization < 1) {
        return make_error(ErrorCode::kCorrupt, fmt::format("trailer {} is '{}', not a positive number", key, value));
      }
    }
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    if (!seen[k]) return make_error(ErrorCode::kCorrupt, fmt::format("the {} trailer is missing", kKeys[k]));
  }
  return {};
}

std::string meta_json(const VersionInfo& v, size_t raw_bytes, std::string_view raw_sha256) {
  nlohmann::ordered_json j;
  j["store_format"] = kStoreFormat;
  j["id"] = v.id;
  j["title"] = v.title;
  j["source"] = v.source;
  j["date"] = v.date;
  j["format"] = to_string(v.format);
  j["normalization"] = v.normalization;
  j["raw_bytes"] = raw_bytes;
  j["raw_sha256"] = raw_sha256;
  if (!v.selectors.select.empty()) j["select"] = v.selectors.select;
  if (!v.selectors.remove.empty()) j["remove"] = v.selectors.remove;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace strata::store

namespace strata {

std::string VersionInfo::reading_key() const {
  if (selectors.select.empty() && selectors.remove.empty()) return raw_blob;
  // Each selector after its kind and a separator no selector holds, so that
  // `select a, remove b` and `select a b` differ.
  std::string all;
  for (const std::string& s : selectors.select) all.append("select\x1f").append(s).push_back('\x1e');
  for (const std::string& s : selectors.remove) all.append("remove\x1f").append(s).push_back('\x1e');
  return fmt::format("{}-s{:016x}", raw_blob, util::word_hash(all));
}

}  // namespace strata

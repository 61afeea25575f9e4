#include "history/derived.hpp"
#include "history/build_key.hpp"
#include "history/cache_entry.hpp"
#include "history/derive_steps.hpp"
#include "history/pair_entry.hpp"
#include "history/term_counts.hpp"
#include "sys/parallel.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "ingest/ingest.hpp"
#include "strata/fs.hpp"

namespace strata::store {

namespace {

using Json = nlohmann::json;

}  // namespace

std::vector<const Sentence*> claims_in_order(const Document& doc) {
  std::vector<const Sentence*> out;
  for (const Section& s : doc.sections) {
    for (const Sentence& k : s.sentences) out.push_back(&k);
  }
  return out;
}

Deriver::Deriver(const Store& store, bool keep_paragraphs)
    : store_(store),
      cache_dir_(fmt::format("{}/{}/{}", store.dir(), kCacheDir, derived_build_key())),
      paragraphs_(keep_paragraphs ? std::make_shared<ParagraphLog>() : nullptr) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  if (fs::is_directory(cache_dir_, ec)) fs::last_write_time(cache_dir_, now, ec);
  const auto unused_since = now - std::chrono::hours(24 * kOtherBuildCacheDays);
  const fs::path own = fs::path(cache_dir_).filename();
  for (auto it = fs::directory_iterator(fs::path(cache_dir_).parent_path(), ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::error_code entry_ec;
    if (it->path().filename() == own || !it->is_directory(entry_ec)) continue;
    const auto written = it->last_write_time(entry_ec);
    if (!entry_ec && written < unused_since) fs::remove_all(it->path(), entry_ec);
  }
}

std::string Deriver::cache_path(const std::string& kind, const std::string& name) const {
  return fmt::format("{}/{}/{}.json", cache_dir_, kind, name);
}

Result<Document> Deriver::document(const VersionInfo& version) const {
  auto raw = store_.read_raw(version);
  if (!raw) return raw.error();
  return parse_version(version, *raw, reads_, sentences_);
}

std::optional<VersionSummary> Deriver::cached_summary(const VersionInfo& version) const {
  const auto j = read_cache(cache_path("versions", entry_name(version)));
  if (!j) return std::nullopt;
  // A malformed entry is a cache miss; nlohmann reports it by throwing.
  try {
    VersionSummary out;
    out.sections = j->at("sections").get<std::vector<std::string>>();
    out.claims = j->at("claims").get<int>();
    for (const auto& k : j->at("acronyms")) out.acronyms.push_back({k.at(0), k.at(1)});
    return out;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

Result<VersionSummary> Deriver::summary(const VersionInfo& version) const {
  if (auto cached = cached_summary(version)) return std::move(*cached);
  auto doc = document(version);
  if (!doc) return doc.error();
  VersionSummary out = summarize(*doc);
  write_cache(cache_path("versions", entry_name(version)), summary_json(out));
  return out;
}

Deriver::PairEntries Deriver::pair_entries(const VersionInfo& older, const VersionInfo& newer) const {
  const std::string name = entry_name(older) + "-" + entry_name(newer);
  return {cache_path("pairs", name), cache_path("pair-wording", name)};
}

namespace {

// The alignment and the parts of `needs` from the cache; nullopt when one of
// them is missing or malformed (a miss, never an error).
std::optional<PairResult> read_pair(const std::string& alignment, const std::string& wording, const PairNeeds& needs) {
  const auto a = read_cache(alignment);
  if (!a) return std::nullopt;
  std::optional<Json> w;
  if (needs.wording && !(w = read_cache(wording))) return std::nullopt;
  return pair_from_json(*a, w ? &*w : nullptr);
}

}  // namespace

Result<PairResult> Deriver::pair(const VersionInfo& older, const VersionInfo& newer, const PairNeeds& needs) const {
  const PairEntries entries = pair_entries(older, newer);
  if (auto cached = read_pair(entries.alignment, entries.wording, needs)) return std::move(*cached);
  auto old_doc = document(older);
  if (!old_doc) return old_doc.error();
  auto new_doc = document(newer);
  if (!new_doc) return new_doc.error();
  PairResult out = derive_pair(*old_doc, *new_doc, needs, sentences_);
  write_cache(entries.alignment, alignment_json(out));
  if (needs.wording) write_cache(entries.wording, wording_json(out));
  return out;
}

Result<std::vector<std::vector<int>>> Deriver::term_counts(const std::vector<VersionInfo>& versions,
                                                           const std::vector<std::string>& terms) const {
  const size_t n = versions.size();
  std::vector<std::vector<int>> counts(n, std::vector<int>(terms.size(), 0));
  if (terms.empty()) return counts;
  std::vector<std::map<std::string, int>> known(n);
  std::vector<size_t> missing;
  for (size_t i = 0; i < n; ++i) {
    if (auto j = read_cache(cache_path("terms", entry_name(versions[i])))) {
      const auto it = j->find("counts");
      if (it != j->end() && it->is_object()) {
        for (const auto& [term, value] : it->items()) {
          if (value.is_number_integer()) known[i][term] = value.get<int>();
        }
      }
    }
    const bool complete = std::all_of(terms.begin(), terms.end(), [&](const auto& t) { return known[i].contains(t); });
    if (!complete) missing.push_back(i);
  }
  // Shared by the versions, which share most of their paragraphs.
  TermCounter counter(terms);
  const auto keep = [&](size_t i, const std::vector<int>& found) {
    for (size_t t = 0; t < terms.size(); ++t) {
      if (!known[i].contains(terms[t])) known[i][terms[t]] = found[t];
    }
    Json j;
    j["counts"] = known[i];
    write_cache(cache_path("terms", entry_name(versions[i])), std::move(j));
  };
  // Versions whose paragraphs the pass kept are not read again, and each
  // distinct paragraph they hold is read once.
  std::vector<std::pair<size_t, const std::vector<uint32_t>*>> logged;
  std::vector<size_t> unread;
  for (const size_t i : missing) {
    const auto* ids = paragraphs_ ? paragraphs_->find(entry_name(versions[i])) : nullptr;
    if (ids) {
      logged.emplace_back(i, ids);
    } else {
      unread.push_back(i);
    }
  }
  if (!logged.empty()) {
    std::vector<bool> used(paragraphs_->distinct(), false);
    for (const auto& entry : logged) {
      for (const uint32_t id : *entry.second) used[id] = true;
    }
    std::vector<TermCounter::Piece> pieces(used.size());
    util::parallel_for(pieces.size(), kMaxThreads, [&](size_t id) {
      if (used[id]) pieces[id] = counter.read(paragraphs_->text(static_cast<uint32_t>(id)));
    });
    util::parallel_for(logged.size(), kMaxThreads, [&](size_t k) {
      std::vector<const TermCounter::Piece*> version;
      version.reserve(logged[k].second->size());
      for (const uint32_t id : *logged[k].second) version.push_back(&pieces[id]);
      keep(logged[k].first, counter.count(version));
    });
  }
  for (size_t lo = 0; lo < unread.size(); lo += kPrefetchWindow) {
    const size_t hi = std::min(unread.size(), lo + kPrefetchWindow);
    std::vector<std::string> raw(hi - lo);
    for (size_t k = lo; k < hi; ++k) {
      auto bytes = store_.read_raw(versions[unread[k]]);  // libgit2 stays on this thread
      if (!bytes) return bytes.error();
      raw[k - lo] = std::move(*bytes);
    }
    std::vector<std::optional<Error>> errors(raw.size());
    util::parallel_for(raw.size(), kMaxThreads, [&](size_t k) {
      const size_t i = unread[lo + k];
      auto text = decode_text(raw[k], versions[i].id);
      if (!text) {
        errors[k] = text.error();
        return;
      }
      keep(i, counter.count(*text));
    });
    for (const auto& e : errors) {
      if (e) return *e;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t t = 0; t < terms.size(); ++t) counts[i][t] = known[i][terms[t]];
  }
  return counts;
}

}  // namespace strata::store

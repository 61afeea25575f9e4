#include "history/derived.hpp"
#include "history/build_key.hpp"
#include "history/cache_entry.hpp"
#include "history/pair_entry.hpp"
#include "sys/parallel.hpp"
#include "text/ascii.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "strata/compare.hpp"
#include "strata/fs.hpp"

namespace strata::store {

namespace {

using Json = nlohmann::json;

// compare() and parsing are CPU-bound; beyond a few threads the machine's
// cores, not strata, are the limit.
constexpr unsigned kMaxThreads = 8;
// Versions whose raw bytes and Documents are held at once while prefetching:
// 64 versions of a 100 KB page stay well under 100 MB.
constexpr size_t kPrefetchWindow = 64;
// Documents parsed ahead of a caller that takes them in order: enough to
// keep the threads busy, few enough that a 300 KB page's 16 Documents stay
// near 50 MB.
constexpr size_t kParseWindow = 16;

bool is_real_change(ChangeStatus s) { return s != ChangeStatus::kUnchanged && s != ChangeStatus::kEquivalent; }

// Flat claim number of each (section, block, sentence).
struct ClaimIndex {
  std::vector<std::vector<std::vector<int>>> at;
  explicit ClaimIndex(const Document& doc) {
    int n = 0;
    at.resize(doc.sections.size());
    for (size_t s = 0; s < doc.sections.size(); ++s) {
      for (const Block& b : doc.sections[s].blocks) {
        at[s].emplace_back();
        for (size_t k = 0; k < b.sentences.size(); ++k) at[s].back().push_back(n++);
      }
    }
  }
  int of(const ClaimSide& side) const {
    if (side.section < 0 || static_cast<size_t>(side.section) >= at.size()) return -1;
    const auto& blocks = at[static_cast<size_t>(side.section)];
    if (side.block < 0 || static_cast<size_t>(side.block) >= blocks.size()) return -1;
    const auto& sentences = blocks[static_cast<size_t>(side.block)];
    if (side.sentence < 0 || static_cast<size_t>(side.sentence) >= sentences.size()) return -1;
    return sentences[static_cast<size_t>(side.sentence)];
  }
};

// Facts and figures are never used by the history queries, and the other
// classify stages only when asked for: the alignment alone is about half of
// compare()'s time on a 100 KB page.
CompareOptions pair_options(const PairNeeds& needs) {
  CompareOptions options;
  options.classify = needs.wording;
  options.classification.facts = false;
  options.classification.numbers = false;
  options.classification.find_programmes = false;
  options.classification.wording = needs.wording;
  options.threads = false;  // pairs already run one a core (parallel_for)
  // Every claim's link is needed to follow claims across the history.
  options.max_listed_claims = SIZE_MAX;
  return options;
}

PairResult derive_pair(const Document& old_doc, const Document& new_doc, const PairNeeds& needs) {
  const ChangeSet changes = compare(old_doc, new_doc, pair_options(needs));
  const ClaimIndex old_index(old_doc);
  const ClaimIndex new_index(new_doc);
  PairResult out;
  out.links.resize(claims_in_order(new_doc).size());
  for (size_t i = 0; i < out.links.size(); ++i) out.links[i].new_claim = static_cast<int>(i);
  for (const ClaimChange& c : changes.claims) {
    switch (c.status) {
      case ChangeStatus::kModified:
      case ChangeStatus::kSplit:
      case ChangeStatus::kMerged:
        ++out.size.claims_modified;
        break;
      case ChangeStatus::kMoved:
        ++out.size.claims_moved;
        break;
      case ChangeStatus::kAdded:
        out.size.claims_added += static_cast<int>(c.new_sides.size());
        break;
      case ChangeStatus::kRemoved:
        out.size.claims_removed += static_cast<int>(c.old_sides.size());
        break;
      default:
        break;
    }
    if (c.status == ChangeStatus::kAdded) continue;
    bool changed = false;
    if (is_real_change(c.status)) {
      for (const ClaimSide& o : c.old_sides) {
        for (const ClaimSide& n : c.new_sides) changed = changed || o.norm != n.norm;
      }
      changed = changed || c.old_sides.size() != c.new_sides.size();
    }
    for (const ClaimSide& n : c.new_sides) {
      const int at = new_index.of(n);
      if (at < 0) continue;
      ClaimLink& link = out.links[static_cast<size_t>(at)];
      link.text_changed = changed;
      for (const ClaimSide& o : c.old_sides) {
        if (const int from = old_index.of(o); from >= 0) link.old_claims.push_back(from);
      }
    }
  }
  out.section_links.assign(new_doc.sections.size(), -1);
  if (!out.section_links.empty()) out.section_links[0] = 0;
  for (const SectionChange& c : changes.sections) {
    if (c.old_sides.empty() || c.new_sides.empty()) continue;
    const int from = c.old_sides.front().index;
    for (const SectionSide& n : c.new_sides) {
      if (n.index >= 0 && static_cast<size_t>(n.index) < out.section_links.size() &&
          out.section_links[static_cast<size_t>(n.index)] < 0) {
        out.section_links[static_cast<size_t>(n.index)] = from;
      }
    }
  }
  for (const WordingShift& w : changes.wording) {
    out.wording.push_back({w.from.value_or(""), w.to.value_or(""), w.count});
  }
  const auto old_claims = claims_in_order(old_doc);
  const auto new_claims = claims_in_order(new_doc);
  out.old_claims = static_cast<int>(old_claims.size());
  std::vector<bool> reached(old_claims.size(), false);
  for (const ClaimLink& link : out.links) {
    if (link.old_claims.empty())
      out.added.push_back({link.new_claim, new_claims[static_cast<size_t>(link.new_claim)]->norm});
    for (const int from : link.old_claims) reached[static_cast<size_t>(from)] = true;
  }
  for (size_t c = 0; c < old_claims.size(); ++c) {
    if (!reached[c]) out.vanished.push_back({static_cast<int>(c), old_claims[c]->norm});
  }
  return out;
}

Result<Document> parse_version(const VersionInfo& version, std::string_view raw) {
  LoadOptions options;
  options.format = version.format;
  options.selectors = version.selectors;  // as the import read it
  auto doc = parse_document(raw, version.id, options);
  if (!doc) return doc.error();
  doc->meta.source = version.id;
  doc->meta.title = version.title;
  doc->meta.date = version.date;
  return doc;
}

VersionSummary summarize(const Document& doc) {
  VersionSummary out;
  for (size_t i = 1; i < doc.sections.size(); ++i) {
    std::string path_text;
    for (const std::string& t : doc.title_path(static_cast<int>(i))) path_text += (path_text.empty() ? "" : " > ") + t;
    out.sections.push_back(std::move(path_text));
  }
  out.claims = static_cast<int>(doc.sentence_count());
  out.acronyms = defined_acronyms(doc);
  return out;
}

Json summary_json(const VersionSummary& s) {
  Json j;
  j["sections"] = s.sections;
  j["claims"] = s.claims;
  j["acronyms"] = Json::array();
  for (const KnownAcronym& k : s.acronyms) j["acronyms"].push_back({k.acronym, k.name});
  return j;
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Occurrences of `needle` in `hay` (both lowercase comparison form) that
// start and end at word boundaries.
int count_occurrences(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return 0;
  int n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(hay[at - 1]) || !is_word_byte(needle.front());
    const size_t end = at + needle.size();
    const bool ends = end == hay.size() || !is_word_byte(hay[end]) || !is_word_byte(needle.back());
    n += starts && ends ? 1 : 0;
  }
  return n;
}

}  // namespace

std::vector<const Sentence*> claims_in_order(const Document& doc) {
  std::vector<const Sentence*> out;
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      for (const Sentence& k : b.sentences) out.push_back(&k);
    }
  }
  return out;
}

Deriver::Deriver(const Store& store)
    : store_(store), cache_dir_(fmt::format("{}/{}/{}", store.dir(), kCacheDir, derived_build_key())) {
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
  return parse_version(version, *raw);
}

Result<VersionSummary> Deriver::summary(const VersionInfo& version) const {
  const std::string path = cache_path("versions", entry_name(version));
  if (auto j = read_cache(path)) {
    // A malformed entry is a cache miss; nlohmann reports it by throwing.
    try {
      VersionSummary out;
      out.sections = j->at("sections").get<std::vector<std::string>>();
      out.claims = j->at("claims").get<int>();
      for (const auto& k : j->at("acronyms")) out.acronyms.push_back({k.at(0), k.at(1)});
      return out;
    } catch (const Json::exception&) {
    }
  }
  auto doc = document(version);
  if (!doc) return doc.error();
  VersionSummary out = summarize(*doc);
  write_cache(path, summary_json(out));
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
  PairResult out = derive_pair(*old_doc, *new_doc, needs);
  write_cache(entries.alignment, alignment_json(out));
  if (needs.wording) write_cache(entries.wording, wording_json(out));
  return out;
}

Result<void> Deriver::prefetch(const std::vector<VersionInfo>& versions, bool summaries, bool pairs,
                               const PairNeeds& needs) const {
  const size_t n = versions.size();
  std::error_code ec;
  const auto summary_path = [&](size_t i) { return cache_path("versions", entry_name(versions[i])); };
  // Entries of the pair (i - 1, i), and what each pair lacks.
  std::vector<PairEntries> entries(n);
  std::vector<bool> want_summary(n, false);
  std::vector<bool> want_alignment(n, false);
  std::vector<PairNeeds> want_parts(n);
  std::vector<bool> want_pair(n, false);
  for (size_t i = 0; i < n; ++i) {
    want_summary[i] = summaries && !std::filesystem::exists(summary_path(i), ec);
    if (!pairs || i == 0) continue;
    entries[i] = pair_entries(versions[i - 1], versions[i]);
    want_alignment[i] = !std::filesystem::exists(entries[i].alignment, ec);
    want_parts[i].wording = needs.wording && !std::filesystem::exists(entries[i].wording, ec);
    want_pair[i] = want_alignment[i] || want_parts[i].wording;
  }
  // Windows bound memory: raw bytes and Documents of kPrefetchWindow versions.
  for (size_t lo = 0; lo < n; lo += kPrefetchWindow) {
    const size_t hi = std::min(n, lo + kPrefetchWindow);
    const size_t first = lo > 0 ? lo - 1 : lo;  // the older side of pair (lo - 1, lo)
    std::vector<std::optional<std::string>> raw(hi - first);
    for (size_t i = first; i < hi; ++i) {
      const bool needed = want_summary[i] || want_pair[i] || (i + 1 < hi && want_pair[i + 1]);
      if (!needed) continue;
      auto bytes = store_.read_raw(versions[i]);  // libgit2 stays on this thread
      if (!bytes) return bytes.error();
      raw[i - first] = std::move(*bytes);
    }
    std::vector<std::optional<Document>> docs(raw.size());
    std::vector<std::optional<Error>> errors(raw.size());
    util::parallel_for(raw.size(), kMaxThreads, [&](size_t k) {
      if (!raw[k]) return;
      auto doc = parse_version(versions[first + k], *raw[k]);
      if (!doc) {
        errors[k] = doc.error();
        return;
      }
      docs[k] = std::move(*doc);
      if (want_summary[first + k] && first + k >= lo)
        write_cache(summary_path(first + k), summary_json(summarize(*docs[k])));
    });
    for (const auto& e : errors) {
      if (e) return *e;
    }
    util::parallel_for(hi - lo, kMaxThreads, [&](size_t k) {
      const size_t i = lo + k;
      if (!want_pair[i] || !docs[i - 1 - first] || !docs[i - first]) return;
      // Only the missing parts are computed; the alignment comes with any of them.
      const PairResult r = derive_pair(*docs[i - 1 - first], *docs[i - first], want_parts[i]);
      if (want_alignment[i]) write_cache(entries[i].alignment, alignment_json(r));
      if (want_parts[i].wording) write_cache(entries[i].wording, wording_json(r));
    });
  }
  return {};
}

Result<void> Deriver::each_document(const std::vector<VersionInfo>& versions,
                                    const std::function<void(size_t, Document)>& use) const {
  for (size_t lo = 0; lo < versions.size(); lo += kParseWindow) {
    const size_t hi = std::min(versions.size(), lo + kParseWindow);
    std::vector<std::string> raw(hi - lo);
    for (size_t i = lo; i < hi; ++i) {
      auto bytes = store_.read_raw(versions[i]);  // libgit2 stays on this thread
      if (!bytes) return bytes.error();
      raw[i - lo] = std::move(*bytes);
    }
    std::vector<std::optional<Result<Document>>> docs(raw.size());
    util::parallel_for(raw.size(), kMaxThreads, [&](size_t k) { docs[k] = parse_version(versions[lo + k], raw[k]); });
    for (size_t k = 0; k < docs.size(); ++k) {
      if (!*docs[k]) return docs[k]->error();
      use(lo + k, std::move(docs[k]->value()));
    }
  }
  return {};
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
  for (size_t lo = 0; lo < missing.size(); lo += kPrefetchWindow) {
    const size_t hi = std::min(missing.size(), lo + kPrefetchWindow);
    std::vector<std::string> raw(hi - lo);
    for (size_t k = lo; k < hi; ++k) {
      auto bytes = store_.read_raw(versions[missing[k]]);  // libgit2 stays on this thread
      if (!bytes) return bytes.error();
      raw[k - lo] = std::move(*bytes);
    }
    std::vector<std::optional<Error>> errors(raw.size());
    util::parallel_for(raw.size(), kMaxThreads, [&](size_t k) {
      const size_t i = missing[lo + k];
      auto text = decode_text(raw[k], versions[i].id);
      if (!text) {
        errors[k] = text.error();
        return;
      }
      const std::string hay = ascii::lower(normalize_text(*text));
      for (const std::string& term : terms) {
        if (!known[i].contains(term)) known[i][term] = count_occurrences(hay, term);
      }
      Json j;
      j["counts"] = known[i];
      write_cache(cache_path("terms", entry_name(versions[i])), std::move(j));
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

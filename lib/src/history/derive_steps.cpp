// The work the Deriver caches, without the cache: reading a version,
// summarizing it, deriving a pair.
#include "history/derive_steps.hpp"

#include "classify/classify_internal.hpp"
#include "pipeline/compare_linked.hpp"
#include "programmes/programmes_internal.hpp"

namespace strata::store {

namespace {

bool is_real_change(ChangeStatus s) { return s != ChangeStatus::kUnchanged && s != ChangeStatus::kEquivalent; }

// Flat claim number of each (section, block, sentence): where each block's
// claims start, in two flat vectors.
class ClaimIndex {
 public:
  explicit ClaimIndex(const Document& doc) {
    int n = 0;
    for (const Section& s : doc.sections) {
      first_block_.push_back(block_start_.size());
      for (const Block& b : s.blocks) {
        block_start_.push_back(n);
        n += static_cast<int>(b.sentence_count);
      }
    }
    first_block_.push_back(block_start_.size());
    block_start_.push_back(n);
  }
  int of(const ClaimSide& side) const {
    if (side.section < 0 || static_cast<size_t>(side.section) + 1 >= first_block_.size()) return -1;
    const size_t begin = first_block_[static_cast<size_t>(side.section)];
    const size_t end = first_block_[static_cast<size_t>(side.section) + 1];
    if (side.block < 0 || begin + static_cast<size_t>(side.block) >= end) return -1;
    const size_t b = begin + static_cast<size_t>(side.block);
    if (side.sentence < 0 || side.sentence >= block_start_[b + 1] - block_start_[b]) return -1;
    return block_start_[b] + side.sentence;
  }

 private:
  std::vector<size_t> first_block_;  // per section, then the end
  std::vector<int> block_start_;     // per block, then the claim count
};

// The alignment and the claim changes (compare_linked, no classify stage:
// the history keeps only the wording shifts, wording_of(), and those only
// when asked for).
CompareOptions pair_options() {
  CompareOptions options;
  options.threads = false;  // pairs already run one a core (parallel_for)
  // Every claim's link is needed to follow claims across the history.
  options.max_listed_claims = SIZE_MAX;
  return options;
}

// The wording shifts classify() finds for the pair, without the scores,
// highlights and narrative it makes after them, which no query keeps (7% of
// the instructions of a cold timeline of the QUIC draft's first 301
// versions).
std::vector<WordingShift> wording_of(const Document& old_doc, const Document& new_doc, const ChangeSet& changes,
                                     const std::shared_ptr<SentenceCache>& sentences) {
  ClassifyOptions options;
  options.facts = false;
  options.numbers = false;
  options.find_programmes = false;
  options.cache = sentences;
  const classify_detail::DocumentReading reading = classify_detail::read_documents(old_doc, new_doc, options);
  if (!reading.index) return {};      // past max_read_sentences, as classify() leaves it
  std::vector<std::string> warnings;  // a query shows the phrases, not why a list was cut
  return classify_detail::wording_shifts(*reading.index, changes.claims, options.max_wording, warnings);
}

}  // namespace

PairResult derive_pair(const Document& old_doc, const Document& new_doc, const PairNeeds& needs,
                       const std::shared_ptr<SentenceCache>& sentences, const align::Side* old_side,
                       const align::Side* new_side) {
  const pipeline::LinkedChanges linked = pipeline::compare_linked(old_doc, new_doc, pair_options(), old_side, new_side);
  const ChangeSet& changes = linked.changes;
  const ClaimIndex old_index(old_doc);
  const ClaimIndex new_index(new_doc);
  PairResult out;
  out.links.resize(new_doc.sentence_count());
  for (size_t i = 0; i < out.links.size(); ++i) out.links[i].new_claim = static_cast<int>(i);
  for (const auto& [from, to] : linked.unchanged) out.links[static_cast<size_t>(to)].old_claims.push_back(from);
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
  out.section_links = linked.section_links;
  if (needs.wording) {
    for (const WordingShift& w : wording_of(old_doc, new_doc, changes, sentences)) {
      out.wording.push_back({w.from.value_or(""), w.to.value_or(""), w.count});
    }
  }
  const auto old_claims = claims_in_order(old_doc);
  const auto new_claims = claims_in_order(new_doc);
  out.old_claims = static_cast<int>(old_claims.size());
  std::vector<bool> reached(old_claims.size(), false);
  for (const ClaimLink& link : out.links) {
    if (link.old_claims.empty())
      out.added.push_back({link.new_claim, new_claims[static_cast<size_t>(link.new_claim)]->norm.str()});
    for (const int from : link.old_claims) reached[static_cast<size_t>(from)] = true;
  }
  for (size_t c = 0; c < old_claims.size(); ++c) {
    if (!reached[c]) out.vanished.push_back({static_cast<int>(c), old_claims[c]->norm.str()});
  }
  return out;
}

Result<Document> parse_version(const VersionInfo& version, std::string_view raw,
                               const std::shared_ptr<ReadCache>& reads,
                               const std::shared_ptr<SentenceCache>& sentences) {
  LoadOptions options;
  options.cache = reads;
  options.sentences = sentences;
  options.format = version.format;
  options.selectors = version.selectors;  // as the import read it
  auto doc = parse_document(raw, version.id, options);
  if (!doc) return doc.error();
  doc->meta.source = version.id;
  doc->meta.title = version.title;
  doc->meta.date = version.date;
  return doc;
}

VersionSummary summarize(const Document& doc, const align::Side* side) {
  VersionSummary out;
  for (size_t i = 1; i < doc.sections.size(); ++i) {
    std::string path_text;
    for (const std::string& t : doc.title_path(static_cast<int>(i))) path_text += (path_text.empty() ? "" : " > ") + t;
    out.sections.push_back(std::move(path_text));
  }
  out.claims = static_cast<int>(doc.sentence_count());
  out.acronyms = side != nullptr ? classify_detail::defined_acronyms(*side) : defined_acronyms(doc);
  return out;
}

nlohmann::json summary_json(const VersionSummary& s) {
  nlohmann::json j;
  j["sections"] = s.sections;
  j["claims"] = s.claims;
  j["acronyms"] = nlohmann::json::array();
  for (const KnownAcronym& k : s.acronyms) j["acronyms"].push_back({k.acronym, k.name});
  return j;
}

}  // namespace strata::store

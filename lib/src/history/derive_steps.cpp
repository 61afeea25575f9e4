// The work the Deriver caches, without the cache: reading a version,
// summarizing it, deriving a pair.
#include "history/derive_steps.hpp"

#include "strata/compare.hpp"

namespace strata::store {

namespace {

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

}  // namespace

PairResult derive_pair(const Document& old_doc, const Document& new_doc, const PairNeeds& needs,
                       const std::shared_ptr<SentenceCache>& sentences) {
  CompareOptions options = pair_options(needs);
  options.classification.cache = sentences;
  const ChangeSet changes = compare(old_doc, new_doc, options);
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

nlohmann::json summary_json(const VersionSummary& s) {
  nlohmann::json j;
  j["sections"] = s.sections;
  j["claims"] = s.claims;
  j["acronyms"] = nlohmann::json::array();
  for (const KnownAcronym& k : s.acronyms) j["acronyms"].push_back({k.acronym, k.name});
  return j;
}

}  // namespace strata::store

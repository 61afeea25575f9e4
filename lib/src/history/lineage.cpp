#include "history/lineage.hpp"

#include <string>
#include <unordered_map>

#include "align/claims.hpp"
#include "text/hash.hpp"

namespace strata::store {

namespace {

// A claim that comes back after a gap continues a vanished claim whose words
// it shares this well (Dice). Stricter than the 0.5 of consecutive pairing:
// the search spans every earlier version, where more unrelated claims on
// the same topic wait. 2015's "Relations date back to the early 1990s and
// have since developed into one of the most substantive of NATO's
// partnerships" and 2023's "Relations between NATO and Ukraine date back
// ..." score 0.87; sentences of one topic that say different things stay
// below 0.5.
constexpr double kReturnSimilarity = 0.7;

}  // namespace

// Claims that vanished from the history, waiting for a return.
class LineageTracer::Vanished {
 public:
  struct Entry {
    int version;
    int claim;
    std::string norm;
    align::Bag bag;
    bool returned = false;
  };

  void add(int version, int claim, const std::string& norm) {
    const int id = static_cast<int>(entries_.size());
    entries_.push_back(Entry{version, claim, norm, align::bag_of(norm)});
    by_text_[util::word_hash(norm)].push_back(id);
    by_word_.add(id, entries_.back().bag);
  }

  // The vanished claim `norm` continues, or null: the latest with the same
  // text, else the most similar (the latest among equals). Each vanished
  // claim returns once.
  const Entry* take(const std::string& norm) {
    int best = -1;
    if (const auto it = by_text_.find(util::word_hash(norm)); it != by_text_.end()) {
      for (auto id = it->second.rbegin(); id != it->second.rend() && best < 0; ++id) {
        if (entries_[static_cast<size_t>(*id)].norm == norm) best = *id;
      }
    }
    if (best < 0) {
      const align::Bag bag = align::bag_of(norm);
      double best_score = kReturnSimilarity;
      for (const int id : by_word_.candidates(bag)) {
        const Entry& e = entries_[static_cast<size_t>(id)];
        if (e.returned) continue;
        const double score = align::dice(bag, e.bag);
        if (score > best_score || (score == best_score && (best < 0 || id > best))) {
          best = id;
          best_score = score;
        }
      }
    }
    if (best < 0) return nullptr;
    Entry& e = entries_[static_cast<size_t>(best)];
    e.returned = true;
    // Out of the word index: a claim that vanished and returned hundreds of
    // times would otherwise make its own words too common to probe, and its
    // next return, if reworded, would go unseen.
    by_word_.remove(best, e.bag);
    std::erase(by_text_[util::word_hash(e.norm)], best);
    return &e;
  }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<uint64_t, std::vector<int>>
      by_text_;  // hash of the comparison form -> waiting entries, oldest first
  align::WordIndex by_word_;
};

LineageTracer::LineageTracer() : vanished_(std::make_unique<Vanished>()) {}
LineageTracer::~LineageTracer() = default;

std::vector<Ancestry> LineageTracer::follow(size_t v, const PairResult& pair) {
  std::vector<Ancestry> ancestry(pair.links.size());
  for (size_t c = 0; c < pair.links.size(); ++c) {
    const ClaimLink& link = pair.links[c];
    if (!link.old_claims.empty()) ancestry[c] = Ancestry{static_cast<int>(v - 1), link.old_claims, link.text_changed};
  }
  // Added claims look among those that vanished before the previous
  // version; the previous version's own losses were the pair's to match.
  for (const NumberedNorm& added : pair.added) {
    if (const auto* e = vanished_->take(added.norm)) {
      ancestry[static_cast<size_t>(added.claim)] = Ancestry{e->version, {e->claim}, e->norm != added.norm};
    }
  }
  for (const NumberedNorm& gone : pair.vanished) vanished_->add(static_cast<int>(v - 1), gone.claim, gone.norm);
  return ancestry;
}

Result<Lineage> trace_lineage(const Deriver& deriver, const std::vector<VersionInfo>& versions) {
  Lineage out;
  if (versions.empty()) return out;
  // The pairs carry the claim counts and the texts of the claims they leave
  // unlinked: no document is read.
  if (versions.size() == 1) {
    auto summary = deriver.summary(versions.front());
    if (!summary) return summary.error();
    out.emplace_back(static_cast<size_t>(summary->claims));
    return out;
  }
  LineageTracer tracer;
  for (size_t v = 1; v < versions.size(); ++v) {
    auto pair = deriver.pair(versions[v - 1], versions[v], PairNeeds{});
    if (!pair) return pair.error();
    if (v == 1) out.emplace_back(static_cast<size_t>(pair->old_claims));
    out.push_back(tracer.follow(v, *pair));
  }
  return out;
}

}  // namespace strata::store

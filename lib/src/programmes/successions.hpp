// Internal: succession statements ("the Commission was replaced by the
// NATO-Ukraine Council", "X and Y were merged into Z") read in the claims
// that name two programmes or more (docs/programmes.md, "Two versions").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "segment/sentence_index.hpp"
#include "strata/document.hpp"
#include "strata/programmes.hpp"

namespace strata::classify_detail {

// "X was replaced by Y" in one claim, as indices into the programmes read.
struct Succession {
  // One old name and one new; several old names into one (a merge); one
  // old name into several (a split).
  enum class Shape { kOne, kMerge, kSplit };
  int from = -1;
  int to = -1;
  std::string rule;   // the trigger phrase
  std::string claim;  // original text of the claim
  int section = -1;   // where the claim is
  int block = -1;
  int sentence = -1;
  Shape shape = Shape::kOne;
};

std::vector<std::pair<size_t, size_t>> trigger_hits(std::string_view text);

// trigger_hits() of claim texts, each distinct sentence of an index read
// once: most claims of two versions are in both.
class TriggerMemo {
 public:
  explicit TriggerMemo(const SentenceIndex* index) : index_(index) {
    if (index_ != nullptr) hits_.resize(index_->size());
  }

  const std::vector<std::pair<size_t, size_t>>& hits(std::string_view text) {
    std::optional<uint32_t> id;
    if (index_ != nullptr) id = index_->find(text);
    if (!id) return scratch_ = trigger_hits(text);
    auto& hits = hits_[*id];
    if (!hits) hits = trigger_hits(text);
    return *hits;
  }

 private:
  const SentenceIndex* index_;
  std::vector<std::optional<std::vector<std::pair<size_t, size_t>>>> hits_;  // by distinct sentence
  std::vector<std::pair<size_t, size_t>> scratch_;
};

// The successions stated in `doc` between its `programmes`, in document
// order.
std::vector<Succession> successions(const Document& doc, const std::vector<Programme>& programmes,
                                    TriggerMemo& triggers);

// "NATO consolidated and transitioned all pre-existing Trust Funds
// supporting Ukraine into a single Ukraine CAP Trust Fund": a merge whose
// sources are named as a class, the plural of the last words of their
// names.
struct ClassMerge {
  std::string words;  // the class, folded, singular and in one spelling ("trust fund")
  int to = -1;        // index into the programmes read
  std::string rule;   // "consolidated ... into"
  std::string claim;  // original text of the claim
};

// The class merges stated in `doc` into its `programmes`, in programme order.
std::vector<ClassMerge> class_merges(const Document& doc, const std::vector<Programme>& programmes);

// `name` belongs to the class `words` (ClassMerge::words): it ends on those
// words, or goes on after them only with a connector of a name's tail
// ("Partnership Trust Fund", "Trust Fund on Counter-IED").
bool in_class(std::string_view name, std::string_view words);

// Original (`norm` false) or comparison form of the claim of a mention.
const SharedText& claim_text(const Document& doc, const ProgrammeMention& m, bool norm);

}  // namespace strata::classify_detail

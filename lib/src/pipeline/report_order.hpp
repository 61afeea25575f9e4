// The order of a comparison's report: new-document order, removed items
// right after what preceded them in the old document, and which paired items
// changed place. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace strata::pipeline {

// Ordering of the report's sections: new-document order, removed items right
// after what preceded them in the old document. (Claims, far more, are
// placed in that order by counting: claim_report_order.)
struct Keyed {
  double key;
  int tie;
  uint32_t index;
  bool operator<(const Keyed& o) const { return key != o.key ? key < o.key : tie < o.tie; }
};

// Report positions of removed items: for each old item, just after the new
// counterpart of the nearest old item before it that was paired, or `none`
// when there is none.
std::vector<double> after_predecessors(const std::vector<int>& old_to_new, double none);

// The report order of a pair's claims: each new claim `reported(j)` keeps,
// in order, each followed by the removed old claims (old_to_new < 0) whose
// nearest paired predecessor it is the counterpart of, in old order (the
// order of after_predecessors' keys); the removed claims before any pair
// first. Entries: new claim numbers, then removed claim numbers plus
// `count_new`. Placed by counting, in linear time: a sort of every claim,
// most of them in order already, was 1.6% of the instructions of a cold
// timeline.
std::vector<uint32_t> claim_report_order(const std::vector<int>& old_to_new, size_t count_new,
                                         const std::function<bool(size_t)>& reported);

// Indices of `keys` outside one longest increasing subsequence: the items
// that changed place among their siblings (the rest kept their order).
std::vector<size_t> out_of_order(const std::vector<int>& keys);

}  // namespace strata::pipeline

// The order of a comparison's report: new-document order, removed items
// right after what preceded them in the old document, and which paired items
// changed place. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace strata::pipeline {

// Ordering of the report's sections: new-document order, removed items right
// after what preceded them in the old document. (Claims, far more, are
// placed in that order by counting: Comparer::report_claims.)
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

// Indices of `keys` outside one longest increasing subsequence: the items
// that changed place among their siblings (the rest kept their order).
std::vector<size_t> out_of_order(const std::vector<int>& keys);

}  // namespace strata::pipeline

#include "pipeline/report_order.hpp"

#include <algorithm>

namespace strata::pipeline {

// One forward pass: a search back from each removed item
// was quadratic when most items were removed (1,000,000 changed lines).
std::vector<double> after_predecessors(const std::vector<int>& old_to_new, double none) {
  std::vector<double> keys(old_to_new.size());
  double key = none;
  for (size_t p = 0; p < old_to_new.size(); ++p) {
    keys[p] = key;
    if (old_to_new[p] >= 0) key = old_to_new[p] + 0.5;
  }
  return keys;
}

std::vector<uint32_t> claim_report_order(const std::vector<int>& old_to_new, size_t count_new,
                                         const std::function<bool(size_t)>& reported) {
  // The order is: the removed claims after no pair (group 0), new claim 0,
  // the removed claims after it (group 1), new claim 1, and so on. at[g]:
  // first the size of group g, then where it begins in `order`, then where
  // its next removed claim goes. Written in place, with no list of the
  // removed claims beside it: three arrays of a claim each were 20 MB at
  // the peak of two documents of a million lines.
  std::vector<uint32_t> at(count_new + 1, 0);
  size_t removed = 0;
  int follows = -1;
  for (const int j : old_to_new) {
    if (j >= 0) {
      follows = j;
    } else {
      ++at[static_cast<size_t>(follows + 1)];
      ++removed;
    }
  }
  std::vector<uint32_t> order(count_new + removed);
  size_t end = 0;
  for (size_t g = 0; g <= count_new; ++g) {
    const uint32_t size = at[g];
    at[g] = static_cast<uint32_t>(end);
    end += size;
    if (g < count_new && reported(g)) order[end++] = static_cast<uint32_t>(g);
  }
  follows = -1;
  for (size_t i = 0; i < old_to_new.size(); ++i) {
    if (old_to_new[i] >= 0) {
      follows = old_to_new[i];
    } else {
      order[at[static_cast<size_t>(follows + 1)]++] = static_cast<uint32_t>(count_new + i);
    }
  }
  order.resize(end);
  return order;
}

// A longest increasing subsequence by patience sorting, in n log n.
std::vector<size_t> out_of_order(const std::vector<int>& keys) {
  std::vector<size_t> tails;  // index of the smallest tail of each length
  std::vector<size_t> previous(keys.size(), SIZE_MAX);
  for (size_t i = 0; i < keys.size(); ++i) {
    const auto it =
        std::lower_bound(tails.begin(), tails.end(), i, [&](size_t t, size_t x) { return keys[t] < keys[x]; });
    if (it != tails.begin()) previous[i] = *(it - 1);
    if (it == tails.end()) {
      tails.push_back(i);
    } else {
      *it = i;
    }
  }
  std::vector<bool> kept(keys.size(), false);
  for (size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = previous[i]) kept[i] = true;
  std::vector<size_t> out;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!kept[i]) out.push_back(i);
  }
  return out;
}

}  // namespace strata::pipeline

// The order of a comparison's report (pipeline/report_order.hpp).
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/report_order.hpp"

namespace strata::pipeline {
namespace {

TEST(ReportOrder, RemovedItemsFollowTheirNearestPairedPredecessor) {
  // Old items 1 and 4 are paired with new 2 and 0; the rest were removed.
  EXPECT_EQ(after_predecessors({-1, 2, -1, -1, 0}, -1.0), (std::vector<double>{-1.0, -1.0, 2.5, 2.5, 2.5}));
  EXPECT_EQ(after_predecessors({2, -1, -1, 0, -1}, -1.0), (std::vector<double>{-1.0, 2.5, 2.5, 2.5, 0.5}));
}

TEST(ReportOrder, ClaimsPlacedAsTheRemovedItemsKeysSortThem) {
  // Old claims 1 and 4 are paired with new 2 and 0; new 1 is not reported
  // (a split's second part). Removed claims are numbered 3 (new claims) + old.
  const auto all = [](size_t) { return true; };
  EXPECT_EQ(claim_report_order({-1, 2, -1, -1, 0}, 3, all), (std::vector<uint32_t>{3, 0, 1, 2, 5, 6}));
  EXPECT_EQ(claim_report_order({2, -1, -1, 0, -1}, 3, [](size_t j) { return j != 1; }),
            (std::vector<uint32_t>{0, 7, 2, 4, 5}));
  EXPECT_TRUE(claim_report_order({}, 0, all).empty());
}

TEST(ReportOrder, OutOfOrderIsWhatALongestIncreasingRunLeaves) {
  EXPECT_TRUE(out_of_order({0, 1, 2, 3}).empty());
  EXPECT_EQ(out_of_order({0, 3, 1, 2}), (std::vector<size_t>{1}));  // one item moved down
  EXPECT_EQ(out_of_order({3, 2, 1, 0}).size(), 3u);                 // only one keeps its place
  EXPECT_TRUE(out_of_order({}).empty());
}

}  // namespace
}  // namespace strata::pipeline

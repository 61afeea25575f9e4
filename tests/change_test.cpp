// The names of the model's enums: one table each (model/change.cpp), and the
// JSON reports print exactly these names.
#include <gtest/gtest.h>

#include "strata/change.hpp"

namespace strata {
namespace {

TEST(FactKindNames, RoundTripAndMatchTheJsonSchema) {
  const std::pair<FactKind, const char*> cases[] = {
      {FactKind::kNegation, "negation"},       {FactKind::kModality, "modality"},     {FactKind::kHedge, "hedge"},
      {FactKind::kIntensifier, "intensifier"}, {FactKind::kQuantifier, "quantifier"}, {FactKind::kAcronym, "acronym"},
  };
  for (const auto& [kind, name] : cases) {
    EXPECT_STREQ(to_string(kind), name);
    FactKind parsed{};
    ASSERT_TRUE(parse_fact_kind(name, parsed)) << name;
    EXPECT_EQ(parsed, kind);
  }
  FactKind unused{};
  EXPECT_FALSE(parse_fact_kind("typography", unused));
  EXPECT_FALSE(parse_fact_kind("Modality", unused));
}

TEST(ChangeStatusNames, RoundTrip) {
  for (const char* name :
       {"unchanged", "equivalent", "modified", "renamed", "moved", "split", "merged", "added", "removed"}) {
    ChangeStatus status{};
    ASSERT_TRUE(parse_change_status(name, status)) << name;
    EXPECT_STREQ(to_string(status), name);
  }
  ChangeStatus unused{};
  EXPECT_FALSE(parse_change_status("deleted", unused));
}

}  // namespace
}  // namespace strata

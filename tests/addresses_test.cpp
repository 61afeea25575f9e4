// Web addresses in running text (text/addresses.hpp), as policies write
// them: after "visit", in brackets, before the sentence's full stop.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/addresses.hpp"

namespace strata {
namespace {

std::vector<std::string> addresses(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : web_addresses(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

TEST(WebAddresses, FoundWithoutThePunctuationAroundThem) {
  using V = std::vector<std::string>;
  EXPECT_EQ(addresses("For additional information visit "
                      "https://www.dataprivacyframework.gov/s/article/ANNEX-I-introduction-dpf?tabset-35584=2."),
            V{"https://www.dataprivacyframework.gov/s/article/ANNEX-I-introduction-dpf?tabset-35584=2"});
  EXPECT_EQ(addresses("(see https://en.wikipedia.org/wiki/Mozilla_(disambiguation)), and www.mozilla.org/privacy;"),
            (V{"https://en.wikipedia.org/wiki/Mozilla_(disambiguation)", "www.mozilla.org/privacy"}));
  EXPECT_EQ(addresses("\u201Chttps://example.org/a\u201D, \u00ABwww.example.fr\u00BB and <ftp://files.example.org>"),
            (V{"https://example.org/a", "www.example.fr", "ftp://files.example.org"}));
  // Not addresses: a scheme or "www." with nothing after it, "www." inside
  // a word or an address, prose.
  EXPECT_TRUE(addresses("The scheme https:// alone, www. alone, awww.example.org, a://").empty());
  EXPECT_TRUE(addresses("We keep your data for 30 days.").empty());
  EXPECT_EQ(addresses("mailto:x then https://a.example/www.b"), V{"https://a.example/www.b"});
}

// Hostile text: a long run of brackets or schemes is read in one pass.
TEST(WebAddresses, LongRunsAreOnePass) {
  const std::string closes = "https://example.org/" + std::string(100000, ')');
  EXPECT_EQ(addresses(closes), std::vector<std::string>{"https://example.org/"});
  std::string schemes;
  for (int i = 0; i < 20000; ++i) schemes += "a:// ";
  EXPECT_TRUE(addresses(schemes).empty());
}

}  // namespace
}  // namespace strata

// The sentence a reason quotes (classify/claim_words.hpp): whole, as the
// sentence splitter cut it, with the punctuation that closes it, and no
// further.
#include <gtest/gtest.h>

#include <string>

#include "classify/claim_words.hpp"

namespace strata::classify_detail {
namespace {

// The quote of the sentence of `text` that holds `word`.
std::string quote_at(const std::string& text, const std::string& word) {
  const Words w = words(text);
  return quote(text, w, word_at(text, w, word));
}

TEST(ClaimQuote, KeepsTheMarksThatCloseTheSentence) {
  // A closing bracket and quotes are kept with the full stop after them.
  EXPECT_EQ(quote_at("It consists of the Centre (NIDC) and the Office (NLO). It reports.", "Office"),
            "“It consists of the Centre (NIDC) and the Office (NLO).”");
  EXPECT_EQ(quote_at("Medical supplies (including first aid kits). More follows.", "supplies"),
            "“Medical supplies (including first aid kits).”");
  // French typography: a space before » and before ? ends nothing.
  EXPECT_EQ(quote_at("Consultez la rubrique « À propos de KLM ». AIR FRANCE et KLM coopèrent.", "propos"),
            "“Consultez la rubrique « À propos de KLM ».”");
  EXPECT_EQ(quote_at("Comment exercer vos droits ? Écrivez-nous.", "droits"), "“Comment exercer vos droits ?”");
  EXPECT_EQ(quote_at("Comment exercer vos droits ? Écrivez-nous.", "nous"), "“Écrivez-nous.”");
  EXPECT_EQ(quote_at("Nous le ferons\u00a0! Ensuite, rien.", "ferons"), "“Nous le ferons\u00a0!”");
}

TEST(ClaimQuote, GoesOnWhereNoSentenceEnds) {
  // A full stop inside brackets, or not followed by a space, ends nothing.
  const std::string etc = "We keep your data (name, address, etc.) for a year.";
  EXPECT_EQ(quote_at(etc, "year"), "“" + etc + "”");
  const std::string code = "The page runs javascript:document.documentElement once.";
  EXPECT_EQ(quote_at(code, "once"), "“" + code + "”");
  // A comma or a colon after the last word of a claim is not kept: only
  // what closes a sentence or a quotation is.
  EXPECT_EQ(quote_at("The fund covers fuel, food,", "fuel"), "“The fund covers fuel, food”");
}

TEST(ClaimQuote, EndsWhereTheClaimsSentencesEnd) {
  // The sentence splitter's sentences: a day's number before its month
  // (Mozilla's German notice), a title before a name (the bundled 2016
  // guide) and initials (RFC 9000's references) end nothing.
  const std::string german = "Gültig ab Montag, 2. Juni 2025";
  EXPECT_EQ(quote_at(german, "Montag"), "“" + german + "”");
  const std::string title = "A meeting with the President of Ukraine, Mr. Petro Poroshenko took place on 10 July.";
  EXPECT_EQ(quote_at(title, "meeting"), "“" + title + "”");
  EXPECT_EQ(quote_at("Barth, A., Jackson, C., and J. Mitchell, \"Robust defenses\". Then more.", "Barth"),
            "“Barth, A., Jackson, C., and J. Mitchell, \"Robust defenses\".”");
}

}  // namespace
}  // namespace strata::classify_detail

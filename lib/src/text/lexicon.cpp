#include "text/lexicon.hpp"

#include <array>

namespace strata::classify_detail {
namespace {

// Stop words (is_stop_word in lexicon.hpp says which).
constexpr std::array<std::string_view, 126> kStopWords = {
    "a",       "about", "above",   "after",  "again", "against", "all",    "also",  "am",     "an",      "and",
    "any",     "are",   "as",      "at",     "be",    "been",    "before", "being", "below",  "between", "both",
    "but",     "by",    "can",     "could",  "did",   "do",      "does",   "doing", "during", "each",    "either",
    "for",     "from",  "further", "had",    "has",   "have",    "having", "he",    "her",    "here",    "hers",
    "him",     "his",   "how",     "i",      "if",    "in",      "into",   "is",    "it",     "its",     "itself",
    "just",    "may",   "me",      "might",  "more",  "most",    "must",   "my",    "no",     "nor",     "not",
    "now",     "of",    "off",     "on",     "once",  "only",    "or",     "other", "our",    "ours",    "out",
    "over",    "own",   "same",    "shall",  "she",   "should",  "since",  "so",    "some",   "such",    "than",
    "that",    "the",   "their",   "theirs", "them",  "then",    "there",  "these", "they",   "this",    "those",
    "through", "to",    "today",   "too",    "under", "until",   "up",     "upon",  "very",   "was",     "we",
    "were",    "what",  "when",    "where",  "which", "while",   "who",    "whom",  "why",    "will",    "with",
    "within",  "would", "yet",     "you",    "your",
};

constexpr std::array<std::string_view, 45> kHeads = {
    "accord",      "agency",    "agreement",   "alliance",     "assembly",     "board",     "center",
    "centre",      "charter",   "coalition",   "commission",   "committee",    "compact",   "conference",
    "convention",  "council",   "declaration", "division",     "exercise",     "facility",  "force",
    "forum",       "framework", "fund",        "group",        "initiative",   "mechanism", "mission",
    "network",     "office",    "operation",   "organisation", "organization", "package",   "pact",
    "partnership", "plan",      "platform",    "process",      "program",      "programme", "representation",
    "roadmap",     "strategy",  "team"};

constexpr std::array<std::string_view, 2> kPrefixHeads = {"exercise", "operation"};

constexpr std::array<std::string_view, 11> kLowercaseHeads = {"exercise", "framework", "fund",     "initiative",
                                                              "mission",  "operation", "platform", "process",
                                                              "program",  "programme", "project"};

constexpr std::array<std::string_view, 4> kGenericTails = {"initiative", "process", "program", "programme"};

constexpr std::array<std::string_view, 10> kConnectors = {"a",  "against", "and", "for", "in",
                                                          "of", "on",      "the", "to",  "with"};

constexpr std::array<std::string_view, 99> kPlaces = {
    "afghanistan",   "africa",     "albania",    "america",      "armenia",     "asia",       "australia",
    "austria",       "azerbaijan", "baltic",     "belarus",      "belgium",     "bosnia",     "brussels",
    "bucharest",     "bulgaria",   "bydgoszcz",  "canada",       "china",       "crimea",     "croatia",
    "cyprus",        "czechia",    "denmark",    "donbas",       "donetsk",     "estonia",    "eu",
    "europe",        "finland",    "france",     "georgia",      "germany",     "greece",     "herzegovina",
    "hungary",       "iceland",    "iran",       "iraq",         "ireland",     "israel",     "italy",
    "japan",         "jordan",     "kazakhstan", "kerch",        "kharkiv",     "kherson",    "kosovo",
    "kyiv",          "latvia",     "lithuania",  "luhansk",      "luxembourg",  "madrid",     "malta",
    "mediterranean", "moldova",    "montenegro", "moscow",       "netherlands", "norway",     "odesa",
    "poland",        "portugal",   "romania",    "russia",       "serbia",      "sevastopol", "slovakia",
    "slovenia",      "somalia",    "spain",      "sweden",       "switzerland", "syria",      "turkey",
    "turkiye",       "uk",         "ukraine",    "us",           "usa",         "vilnius",    "wales",
    "warsaw",        "washington", "wiesbaden",  "zaporizhzhia", "balkans",     "caucasus",   "korea",
    "libya",         "mali",       "macedonia",  "india",        "pakistan",    "egypt",      "tunisia",
    "morocco"};

constexpr std::array<std::string_view, 16> kMonths = {"apr", "april",    "aug", "august",  "dec", "december",
                                                      "feb", "february", "jan", "january", "jul", "july",
                                                      "jun", "june",     "mar", "march"};
constexpr std::array<std::string_view, 10> kMonths2 = {"may", "nov",  "november",  "oct",    "october",
                                                       "sep", "sept", "september", "spring", "autumn"};

constexpr std::array<std::string_view, 23> kPersonTitles = {
    "chief",     "head",     "heads",   "ambassador", "chairman", "chairperson",  "chancellor", "commander",
    "deputy",    "director", "general", "king",       "minister", "mr",           "mrs",        "ms",
    "president", "prime",    "queen",   "secretary",  "senator",  "spokesperson", "vice"};

constexpr std::array<std::string_view, 4> kDeterminers = {"that", "the", "these", "this"};

// Index + 2 is the value (spelled_number).
constexpr std::array<std::string_view, 19> kNumberWords = {
    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",   "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

// Every list in one table: folded word -> flags, laid out by the compiler.
// 2,048 slots: a power of two at least four times the 369 words of the lists.
constexpr auto kLexiconSlots = [] {
  WordTableBuilder<2048> table;
  auto add = [&table](const auto& list, uint32_t flag) {
    for (auto word : list) table.add(word, flag);
  };
  add(kStopWords, kStop);
  add(kHeads, kHead);
  add(kPrefixHeads, kPrefixHead);
  add(kLowercaseHeads, kLowercaseHead);
  add(kGenericTails, kGenericTail);
  add(kConnectors, kConnector);
  add(kPlaces, kPlace);
  add(kMonths, kMonth);
  add(kMonths2, kMonth);
  add(kPersonTitles, kPersonTitle);
  add(kDeterminers, kDeterminer);
  add(kNumberWords, kNumberWord);
  return table.slots();
}();
constexpr WordTable kLexicon(kLexiconSlots);

}  // namespace

const WordTable& lexicon() { return kLexicon; }

uint32_t lexicon_flags(std::string_view lower, uint64_t hash) { return lexicon().find(lower, hash); }

int spelled_number(std::string_view lower) {
  for (size_t n = 0; n < kNumberWords.size(); ++n) {
    if (lower == kNumberWords[n]) return static_cast<int>(n) + 2;
  }
  return 0;
}

uint32_t lexicon_flags(std::string_view lower) { return lexicon_flags(lower, word_hash(lower)); }

}  // namespace strata::classify_detail

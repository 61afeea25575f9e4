#include "classify/lexicon.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace strata::classify_detail {
namespace {

// A list hashed once, so the lists below can stay grouped for reading and
// each lookup is one hash (they run several times per token).
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::array<std::string_view, N>& list) : words_(list.begin(), list.end()) {}
  bool contains(std::string_view word) const { return words_.count(word) > 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

constexpr std::array<std::string_view, 44> kHeads = {
    "accord",     "agency",      "agreement",  "alliance",   "assembly",     "board",
    "center",     "centre",      "charter",    "coalition",  "commission",   "committee",
    "compact",    "conference",  "convention", "council",    "declaration",  "division",
    "exercise",   "facility",    "force",      "forum",      "framework",    "fund",
    "group",      "initiative",  "mechanism",  "mission",    "network",      "office",
    "operation",  "organisation", "organization", "package", "pact",         "partnership",
    "plan",       "platform",    "process",    "program",    "programme",    "representation",
    "strategy",   "team"};

constexpr std::array<std::string_view, 2> kPrefixHeads = {"exercise", "operation"};

constexpr std::array<std::string_view, 11> kLowercaseHeads = {
    "exercise",  "framework", "fund",     "initiative", "mission", "operation",
    "platform",  "process",   "program",  "programme",  "project"};

constexpr std::array<std::string_view, 4> kGenericTails = {"initiative", "process", "program", "programme"};

constexpr std::array<std::string_view, 10> kConnectors = {"a",  "against", "and", "for", "in",
                                                          "of", "on",      "the", "to",  "with"};

constexpr std::array<std::string_view, 99> kPlaces = {
    "afghanistan", "africa",    "albania",    "america",    "armenia",     "asia",       "australia",
    "austria",     "azerbaijan", "baltic",    "belarus",    "belgium",     "bosnia",     "brussels",
    "bucharest",   "bulgaria",  "bydgoszcz",  "canada",     "china",       "crimea",     "croatia",
    "cyprus",      "czechia",   "denmark",    "donbas",     "donetsk",     "estonia",    "eu",
    "europe",      "finland",   "france",     "georgia",    "germany",     "greece",     "herzegovina",
    "hungary",     "iceland",   "iran",       "iraq",       "ireland",     "israel",     "italy",
    "japan",       "jordan",    "kazakhstan", "kerch",      "kharkiv",     "kherson",    "kosovo",
    "kyiv",        "latvia",    "lithuania",  "luhansk",    "luxembourg",  "madrid",     "malta",
    "mediterranean", "moldova", "montenegro", "moscow",     "netherlands", "norway",     "odesa",
    "poland",      "portugal",  "romania",    "russia",     "serbia",      "sevastopol", "slovakia",
    "slovenia",    "somalia",   "spain",      "sweden",     "switzerland", "syria",      "turkey",
    "turkiye",     "uk",        "ukraine",    "us",         "usa",         "vilnius",    "wales",
    "warsaw",      "washington", "wiesbaden", "zaporizhzhia", "balkans",   "caucasus",   "korea",
    "libya",       "mali",      "macedonia",  "india",      "pakistan",    "egypt",      "tunisia",
    "morocco"};

constexpr std::array<std::string_view, 16> kMonths = {
    "apr", "april", "aug", "august", "dec", "december", "feb", "february",
    "jan", "january", "jul", "july", "jun", "june", "mar", "march"};
constexpr std::array<std::string_view, 10> kMonths2 = {"may",      "nov", "november", "oct",  "october",
                                                       "sep",      "sept", "september", "spring", "autumn"};

constexpr std::array<std::string_view, 23> kPersonTitles = {
    "chief",      "head",      "heads",
    "ambassador", "chairman",  "chairperson", "chancellor", "commander", "deputy",  "director",
    "general",    "king",      "minister",    "mr",         "mrs",       "ms",      "president",
    "prime",      "queen",     "secretary",   "senator",    "spokesperson", "vice"};

constexpr std::array<std::string_view, 4> kDeterminers = {"that", "the", "these", "this"};

}  // namespace

bool is_head_word(std::string_view lower) {
  static const WordSet set(kHeads);
  return set.contains(lower);
}
bool is_prefix_head(std::string_view lower) {
  static const WordSet set(kPrefixHeads);
  return set.contains(lower);
}
bool is_lowercase_head(std::string_view lower) {
  static const WordSet set(kLowercaseHeads);
  return set.contains(lower);
}
bool is_generic_tail(std::string_view lower) {
  static const WordSet set(kGenericTails);
  return set.contains(lower);
}
bool is_connector(std::string_view lower) {
  static const WordSet set(kConnectors);
  return set.contains(lower);
}
bool is_place(std::string_view lower) {
  static const WordSet set(kPlaces);
  return set.contains(lower);
}
bool is_month(std::string_view lower) {
  static const WordSet months(kMonths);
  static const WordSet months2(kMonths2);
  return months.contains(lower) || months2.contains(lower);
}
bool is_person_title(std::string_view lower) {
  static const WordSet set(kPersonTitles);
  return set.contains(lower);
}
bool is_determiner(std::string_view lower) {
  static const WordSet set(kDeterminers);
  return set.contains(lower);
}

}  // namespace strata::classify_detail

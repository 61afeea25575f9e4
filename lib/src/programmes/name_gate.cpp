// The precision gate for programme names (name_gate.hpp; docs/programmes.md).
#include "programmes/name_gate.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/ascii.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Participles and prepositions that open a phrase inside a title-cased run
// ("Payment Based on Plan", "Services Related to the Platform"): the name,
// if any, ends before them. Seen in the terms of service and policies of the
// real documents measured in docs/programmes.md; none starts a known name.
constexpr std::array<std::string_view, 10> kPhraseOpeners = {
    "according", "based", "concerning", "due", "including", "pursuant", "regarding", "related", "relating", "subject"};

// Lowercase letters before a capital inside one word that mark two words
// glued together by a page's chrome ("ViewFree", "BasicsMeta"). Three, so
// that "McDonald" or "YouTube" (one or two) are not glued; brand names with
// more ("WhatsApp") pass the gate unless a second glued word follows.
constexpr size_t kGlueLowercase = 3;
// Glued words in one run that turn the whole run away: a menu flattened into
// one line glues several ("ViewFree BasicsMeta ... ProductsOversight Board").
constexpr size_t kGluedWordsInRun = 2;

bool glued(std::string_view word) {
  size_t lower = 0;
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (ascii::lower_case(word[i])) {
      ++lower;
    } else if (ascii::upper(word[i]) && lower >= kGlueLowercase && ascii::lower_case(word[i + 1])) {
      return true;
    } else {
      lower = 0;
    }
  }
  return false;
}

bool phrase_opener(std::string_view lower) {
  return std::find(kPhraseOpeners.begin(), kPhraseOpeners.end(), lower) != kPhraseOpeners.end();
}

// Two letters or more, every letter a capital.
bool shouted(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (ascii::lower_case(c)) return false;
    letters += ascii::upper(c) ? 1 : 0;
  }
  return letters >= 2;
}

bool article(std::string_view lower) { return lower == "the" || lower == "a" || lower == "an"; }

// Comma-separated parts read after a run for an address ("The Sorting
// Office, Ropemaker Place, Dublin 2, D02 HD23, Ireland"): the street, the
// town and the postcode come within four parts.
constexpr size_t kAddressParts = 4;
// Digits of a postcode written as one number (a ZIP code).
constexpr size_t kZipDigits = 5;

// A postcode: letters and digits in one word ("D02", "SW1A"), or a number
// of kZipDigits digits.
bool postcode(std::string_view word) {
  size_t letters = 0;
  size_t digits = 0;
  for (char c : word) {
    letters += ascii::upper(c) || ascii::lower_case(c) ? 1 : 0;
    digits += c >= '0' && c <= '9' ? 1 : 0;
  }
  return digits > 0 && (letters > 0 ? letters + digits == word.size() : digits == kZipDigits);
}

// The run that ends at token `last` is followed by the parts of an
// address: a comma, then at least two comma-separated parts of capitalized
// words and numbers, one of them holding a postcode. The parts end at the
// first other word ("..., Ireland and company number ...").
bool address_follows(const Reading& r, size_t last) {
  size_t parts = 0;
  bool has_postcode = false;
  for (size_t k = last + 1; parts < kAddressParts && k < r.size() && r.word(k) == ",";) {
    ++k;
    size_t words = 0;
    bool address_words = true;
    for (; k < r.size() && r.tokens[k].word && address_words; ++k, ++words) {
      address_words = r.is(k, kCapitalized) || r.is(k, kNumber) || postcode(r.word(k));
      has_postcode = has_postcode || postcode(r.word(k));
    }
    if (words == 0 || !address_words) break;
    ++parts;
  }
  return parts >= 2 && has_postcode;
}

}  // namespace

bool gate_run(const Reading& r, std::vector<size_t>& run) {
  // A stop word in capitals is shouting ("UNLESS LINKEDIN HAS ENTERED INTO
  // A SEPARATE WRITTEN AGREEMENT"), not a name: no acronym is a stop word.
  for (size_t k : run) {
    if (r.is(k, kStop) && shouted(r.word(k))) return false;
  }
  size_t glued_words = 0;
  for (size_t k : run) glued_words += r.tokens[k].word && glued(r.word(k)) ? 1 : 0;
  if (glued_words >= kGluedWordsInRun) return false;
  // A word written twice in a row is chrome ("Visit the Facebook Facebook
  // Help Center"): the name starts at the second copy.
  for (size_t k = run.size(); k-- > 1;) {
    if (r.lower(run[k]) != r.lower(run[k - 1])) continue;
    run.erase(run.begin(), run.begin() + static_cast<long>(k));
    break;
  }
  // "Payment Based on Plan": the name ends before the participle.
  for (size_t k = 0; k < run.size(); ++k) {
    if (!phrase_opener(r.lower(run[k]))) continue;
    run.resize(k);
    break;
  }
  // "to Complement the NATO-Ukraine Charter": a word that is not a head
  // word, followed at once by an article, is a verb and not part of the name.
  if (run.size() > 2 && !r.is(run[0], kHead) && article(r.lower(run[1]))) run.erase(run.begin(), run.begin() + 2);
  // "Link WhatsApp in Accounts Center": words with no head word before "in"
  // or "with" say where or with what the name is used.
  for (size_t k = 1; k + 1 < run.size() && !r.is(run[k - 1], kHead); ++k) {
    if (r.lower(run[k]) != "in" && r.lower(run[k]) != "with") continue;
    run.erase(run.begin(), run.begin() + static_cast<long>(k) + 1);
    break;
  }
  // "Support and Representation": two nouns joined by "and" are a pair of
  // things, not a name.
  if (run.size() == 3 && r.lower(run[1]) == "and") return false;
  // "Meta Platform Terms", "GitHub Organization Accounts": a capitalized
  // word right after the last head word makes that head word a modifier of
  // what the word names, and the run no name. A prefix head leads its name
  // ("Operation Sea Guardian"); written last after one word it is a common
  // noun ("a sexual predator Sting Operation"). A word that a number
  // follows is a reference to a document of the body's ("Security Council
  // Resolution 1325"), which the figure rule below cuts off.
  size_t last_head = run.size();
  for (size_t k = 0; k < run.size(); ++k) last_head = r.is(run[k], kHead) ? k : last_head;
  const bool reference = last_head + 2 == run.size() && r.is(run.back() + 1, kNumber);
  if (last_head + 1 < run.size() && !r.is(run[last_head], kPrefixHead) && r.is(run[last_head + 1], kCapitalized) &&
      !r.is(run[last_head + 1], kConnector) && !reference) {
    return false;
  }
  // "Representation of Tier 1": a run that goes on in a figure is cut short
  // of its name; what is left ends at its last head word.
  if (!run.empty() && r.is(run.back() + 1, kNumber) && !r.is(run.back(), kHead)) {
    while (!run.empty() && !r.is(run.back(), kHead)) run.pop_back();
  }
  if (run.size() == 2 && r.is(run[1], kPrefixHead)) return false;
  // "its registered office at The Sorting Office, Ropemaker Place, Dublin
  // 2, D02 HD23": a building named in an address.
  if (!run.empty() && address_follows(r, run.back())) return false;
  return !run.empty();
}

bool is_tail_connector(std::string_view lower) {
  return lower == "for" || lower == "of" || lower == "on" || lower == "to" || lower == "in" || lower == "against";
}

bool place_pair(std::string_view word) {
  size_t dash = word.find('-');
  if (dash == std::string_view::npos) return false;
  return is_place(fold_case(word.substr(0, dash))) || is_place(fold_case(word.substr(dash + 1)));
}

bool tail_qualifies_noun(const Reading& r, const std::vector<size_t>& run, size_t head) {
  if (head + 1 >= run.size()) return false;
  // The tail ends on a place or a pair of places ("NATO-Ukraine"), which
  // English uses as an adjective; a tail ending on another word
  // ("... on Scientific and Environmental Cooperation directs") is the
  // name's own, whatever follows it.
  const size_t last = run.back();
  if (!r.is(last, kPlace) && !place_pair(r.word(last))) return false;
  // Only a word written right after the run, with no punctuation between.
  const size_t next = last + 1;
  return next < r.size() && r.tokens[next].word && r.is(next, kLowercase) && !r.is(next, kStop) &&
         !r.is(next, kConnector) && !r.is(next, kLowercaseHead);
}

}  // namespace strata::classify_detail

// classify(): facts, figures, programmes and wording on top of compare().
#include "strata/classify.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <future>

#include "classify/classify_internal.hpp"
#include "classify/significance.hpp"
#include "programmes/programmes_internal.hpp"
#include "programmes/sentence_cache.hpp"
#include "text/language.hpp"

namespace strata {
namespace {

// The kinds of fact classify() writes; acronym facts belong to compare()
// and are kept.
constexpr FactKind kOwnKinds[] = {FactKind::kNegation, FactKind::kModality, FactKind::kHedge, FactKind::kIntensifier,
                                  FactKind::kQuantifier};

// Facts read the whole claim's word diff. A pair whose claims share less
// than this was found through one of its sentences (a list item paired by
// its best sentence, a claim moved and rewritten around one clause): the
// rest is not aligned word for word, so a word it adds or drops is no
// change of that claim's wording. On the bundled series the one fact below
// it was one a reader doubts ("intensifier added: 'critical'" at 0.387,
// 2023 -> 2024, a word of a new clause); the 16 at 0.57 and above are right.
constexpr double kMinFactSimilarity = 0.5;

bool own_kind(const Fact& fact) {
  return std::find(std::begin(kOwnKinds), std::end(kOwnKinds), fact.kind) != std::end(kOwnKinds);
}

std::string joined_norm(const std::vector<ClaimSide>& sides) {
  std::string out;
  for (const auto& side : sides) {
    if (!out.empty()) out.push_back(' ');
    out += classify_detail::key_of(side);
  }
  return out;
}

// The language of a document's first words (text/language.hpp).
std::string language_of(const Document& doc) {
  classify_detail::LanguageGuess guess;
  for (const Section& section : doc.sections) {
    for (const Sentence& sentence : section.sentences) {
      guess.add(sentence.text);
      if (guess.full()) return std::string(guess.language());
    }
  }
  return std::string(guess.language());
}

}  // namespace

namespace classify_detail {

bool edited(const ClaimChange& claim) {
  switch (claim.status) {
    case ChangeStatus::kModified:
    case ChangeStatus::kMoved:
    case ChangeStatus::kSplit:
    case ChangeStatus::kMerged:
      return !claim.old_sides.empty() && !claim.new_sides.empty();
    default:
      return false;
  }
}

void read_languages(const Document& old_doc, const Document& new_doc, ChangeSet& changes) {
  changes.old_language = language_of(old_doc);
  changes.new_language = language_of(new_doc);
}

bool reads_documents(const ClassifyOptions& options) {
  return options.numbers || options.find_programmes || options.wording;
}

DocumentReading read_documents(const Document& old_doc, const Document& new_doc, const ClassifyOptions& options) {
  DocumentReading reading;
  if (!reads_documents(options)) return reading;
  reading.sentences = old_doc.sentence_count() + new_doc.sentence_count();
  if (reading.sentences > options.max_read_sentences) return reading;
  reading.index.emplace(old_doc, &new_doc, reading_memo(options.cache.get()));
  if (options.find_programmes) {
    reading.programmes = programme_changes(old_doc, new_doc, options.programmes, *reading.index, options.cache.get());
  }
  return reading;
}

void classify(ChangeSet& changes, const ClassifyOptions& options, DocumentReading& reading, std::launch second_thread) {
  changes.numbers.clear();
  changes.programmes.clear();
  changes.wording.clear();
  // Facts and figures on a second core while the wording shifts are found
  // here: wording only reads the claims, whose facts alone are written
  // there. Wording runs here because its phrase table is by far the larger
  // (on two unrelated 1 MB texts, tens of MB): memory freed by the main
  // thread is reused by the report, a second thread's is not.
  const bool read = reading.index.has_value();
  auto facts_and_figures = [&] {
    if (options.facts) {
      for (auto& claim : changes.claims) {
        claim.facts.erase(std::remove_if(claim.facts.begin(), claim.facts.end(), own_kind), claim.facts.end());
        if (!edited(claim) || claim.similarity < kMinFactSimilarity) continue;
        auto old_text = joined_norm(claim.old_sides);
        auto new_text = joined_norm(claim.new_sides);
        if (old_text == new_text) continue;
        for (auto& fact : claim_facts(old_text, new_text, claim.diff)) claim.facts.push_back(std::move(fact));
      }
    }
    return options.numbers && read ? number_changes(*reading.index, changes.claims) : std::vector<NumberChange>{};
  };
  const bool wording = options.wording && read;
  if (wording && (options.facts || options.numbers)) {
    auto numbers = std::async(second_thread, facts_and_figures);
    changes.wording = wording_shifts(*reading.index, changes.claims, options.max_wording, changes.warnings);
    changes.numbers = numbers.get();
  } else {
    if (wording) {
      changes.wording = wording_shifts(*reading.index, changes.claims, options.max_wording, changes.warnings);
    }
    changes.numbers = facts_and_figures();
  }
  if (options.find_programmes) changes.programmes = std::move(reading.programmes);
  if (reads_documents(options) && !read) {
    changes.warnings.push_back(
        fmt::format("classify: {} sentences in the two documents, over the cap of {}: programmes, figures and "
                    "wording not read",
                    reading.sentences, options.max_read_sentences));
  }
  if (read && reading.index->unread() > 0) {
    changes.warnings.push_back(
        fmt::format("classify: {} sentences longer than {} bytes not read for programmes, "
                    "figures or wording",
                    reading.index->unread(), kMaxReadSentenceBytes));
  }
  score_changes(changes, options.significance, (second_thread & std::launch::async) == std::launch::async);
}

}  // namespace classify_detail

void classify(const Document& old_doc, const Document& new_doc, ChangeSet& changes, const ClassifyOptions& options) {
  auto reading = classify_detail::read_documents(old_doc, new_doc, options);
  classify_detail::read_languages(old_doc, new_doc, changes);
  classify_detail::classify(changes, options, reading, std::launch::async | std::launch::deferred);
}

}  // namespace strata

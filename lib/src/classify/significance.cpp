// Significance: every claim, section and programme change scored by the
// rules of significance_tables.cpp, the best kept as highlights.
#include "classify/significance.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>

#include "classify/claim_words.hpp"
#include "classify/item_index.hpp"
#include "classify/significance_tables.hpp"
#include "segment/segment.hpp"
#include "sys/parallel.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Fewer claims than this are scored on the calling thread: a thread's start
// costs more than a few dozen claims, and two claims of megabytes scored at
// once would hold both their word lists (a 10 MiB line's pair: 165 -> 219
// MiB at the peak).
constexpr size_t kMinParallelScores = 64;

// The arguments every reason template may use (significance_tables.cpp).
struct ReasonArgs {
  std::string quote, old_words, new_words, term, direction, status, title, new_title, name, new_name;
  std::string claims;    // "3 claims", "1 claim", "no claims"
  std::string mentions;  // "3 times", "twice", "once"
};

class Scorer {
 public:
  explicit Scorer(const SignificanceOptions& options) : options_(options) {}

  // A reason's {words}: a negation dropped is "'not'", not "'not' -> ''".
  static std::string words_of(const ReasonArgs& a) {
    if (a.old_words.empty() || a.new_words.empty()) return fmt::format("'{}{}'", a.old_words, a.new_words);
    return fmt::format("'{}' -> '{}'", a.old_words, a.new_words);
  }

  // Adds rule `name`'s reason to `s` unless the rule is off or already
  // gave one.
  void add(Significance& s, std::string_view name, const ReasonArgs& a) const {
    const RuleRow* row = nullptr;
    for (const auto& r : rule_rows()) {
      if (r.name == name) row = &r;
    }
    if (row == nullptr) return;
    int points = row->points;
    if (auto it = options_.points.find(name); it != options_.points.end()) points = it->second;
    if (points <= 0) return;
    for (const auto& r : s.reasons) {
      if (r.rule == name) return;
    }
    auto text =
        fmt::format(fmt::runtime(row->reason), fmt::arg("quote", a.quote), fmt::arg("old", a.old_words),
                    fmt::arg("new", a.new_words), fmt::arg("words", words_of(a)), fmt::arg("term", a.term),
                    fmt::arg("direction", a.direction), fmt::arg("status", a.status), fmt::arg("title", a.title),
                    fmt::arg("new_title", a.new_title), fmt::arg("name", a.name), fmt::arg("new_name", a.new_name),
                    fmt::arg("claims", a.claims), fmt::arg("mentions", a.mentions));
    const std::string_view joint = quote_joint(row->reason);
    std::string quote = joint.empty() ? std::string() : a.quote;
    // A claim that is the words themselves (a line that is only a date) is
    // not quoted after them: "Juni 2017 -> Oktober 2021", not "... in
    // “Oktober 2021”".
    if (!quote.empty() && (quote == fmt::format("“{}”", a.new_words) || quote == fmt::format("“{}”", a.old_words))) {
      text.resize(text.size() - joint.size() - quote.size());
      quote.clear();
    }
    s.reasons.push_back({std::string(name), points, std::move(text), std::move(quote)});
  }

  void finish(Significance& s) const {
    std::stable_sort(s.reasons.begin(), s.reasons.end(),
                     [](const auto& a, const auto& b) { return a.points > b.points; });
    s.score = 0;
    for (const auto& r : s.reasons) s.score += r.points;
  }

  const SignificanceOptions& options() const { return options_; }

 private:
  const SignificanceOptions& options_;
};

bool contains_any(std::string_view words_text, std::span<const std::string_view> items) {
  auto w = words(words_text);
  size_t first = 0;
  return count_items(w, items, first) > 0;
}

// The quotes of a claim's two sides from their first words, each made when
// a reason first asks for it: most changed claims quote one side, and a
// quote reads its side's whole text for its sentences.
class SideQuotes {
 public:
  SideQuotes(std::string_view old_text, const Words& old_w, std::string_view new_text, const Words& new_w)
      : texts_{old_text, new_text}, words_{&old_w, &new_w} {}
  const std::string& old_side() { return side(0); }
  const std::string& new_side() { return side(1); }
  // The side a change of the whole claim is shown by: the new one, unless
  // the claim was removed.
  const std::string& shown() { return texts_[1].empty() ? old_side() : new_side(); }

 private:
  const std::string& side(size_t k) {
    if (!quotes_[k]) quotes_[k] = quote(texts_[k], *words_[k], 0);
    return *quotes_[k];
  }
  std::string_view texts_[2];
  const Words* words_[2];
  std::optional<std::string> quotes_[2];
};

// A fact that removed words is quoted from the old side, any other from
// the new one.
void fact_reasons(const Scorer& scorer, const ClaimChange& claim, SideQuotes& quotes, Significance& s) {
  for (const auto& f : claim.facts) {
    ReasonArgs a;
    a.old_words = f.old_text;
    a.new_words = f.new_text;
    const bool added = f.note.find(" added") != std::string::npos;
    a.direction = added ? "added" : "removed";
    a.quote = f.new_text.empty() ? quotes.old_side() : quotes.new_side();
    if (f.kind == FactKind::kNegation) {
      scorer.add(s, "negation-changed", a);
    } else if (f.kind == FactKind::kModality) {
      const bool weakened = contains_any(f.old_text, strong_modals()) && contains_any(f.new_text, weak_modals()) &&
                            !contains_any(f.new_text, strong_modals());
      const char* rule = weakened             ? "modality-weakened"
                         : f.new_text.empty() ? "modality-removed"
                         : f.old_text.empty() ? "modality-added"
                                              : "modality-changed";
      scorer.add(s, rule, a);
    } else if (f.kind == FactKind::kHedge) {
      scorer.add(s, added ? "hedge-added" : "hedge-removed", a);
    } else if (f.kind == FactKind::kIntensifier) {
      scorer.add(s, added ? "intensifier-added" : "intensifier-removed", a);
    } else if (f.kind == FactKind::kQuantifier) {
      scorer.add(s,
                 f.new_text.empty()   ? "quantifier-removed"
                 : f.old_text.empty() ? "quantifier-added"
                                      : "quantifier-changed",
                 a);
    }
  }
}

// An old sentence kept in the new claim shares at least this share of its
// words with one new sentence (Dice over folded words): the bar align sets
// for a near pair (align/claims.cpp, kNearDuplicate).
constexpr double kKeptSentence = 0.5;

// Dice of two lists of folded words, as sets.
double word_dice(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  if (a.empty() && b.empty()) return 1.0;
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return 2.0 * static_cast<double>(common.size()) / static_cast<double>(a.size() + b.size());
}

// The folded words of each sentence of `text` (split_sentences), and the
// sentence of each word of `w`.
struct SentenceWords {
  std::vector<std::vector<std::string>> words;
  std::vector<size_t> of_word;
};

SentenceWords sentence_words(std::string_view text, const Words& w) {
  SentenceWords out;
  const std::vector<Span> spans = split_sentences(text);
  out.words.resize(std::max<size_t>(spans.size(), 1));
  size_t k = 0;
  for (size_t i = 0; i < w.original.size(); ++i) {
    const auto at = static_cast<size_t>(w.original[i].data() - text.data());
    while (k + 1 < spans.size() && at >= spans[k].end) ++k;
    out.words[k].push_back(w.folded[i]);
    out.of_word.push_back(k);
  }
  return out;
}

// In a claim of several sentences, the first marker of `items` in a
// sentence of `from` that `to` does not keep (no sentence of `to` shares
// kKeptSentence of its words): that is what went (or came), where the first
// marker of the claim may sit in a sentence that stayed, reworded. The 2023
// page's five-sentence item on membership kept "Allies reaffirmed ... that
// Ukraine will become a member" in 2024 and dropped "Allies will continue to
// support and review Ukraine's progress ..."; the commitment dropped is the
// second. `fallback` when no such marker exists.
size_t marker_in_lost_sentence(std::string_view from_text, const Words& from, std::string_view to_text, const Words& to,
                               std::span<const std::string_view> items, size_t fallback) {
  const SentenceWords f = sentence_words(from_text, from);
  if (f.words.size() < 2) return fallback;
  const SentenceWords t = sentence_words(to_text, to);
  std::vector<char> kept(f.words.size(), 0);
  for (size_t k = 0; k < f.words.size(); ++k) {
    for (const auto& other : t.words) kept[k] = kept[k] || word_dice(f.words[k], other) >= kKeptSentence;
  }
  size_t first = from.folded.size();
  std::vector<std::string_view> parts;
  for (auto item : items) {
    item_words(item, parts);
    find_words(from.folded, parts, [&](size_t i) {
      if (!kept[f.of_word[i]]) first = std::min(first, i);
    });
  }
  return first < from.folded.size() ? first : fallback;
}

// A commitment word used as a noun, after an article or a possessive,
// promises nothing: GitHub's "see “Setting your commit email address”", "the
// will of the people". The nouns that name a promise ("our commitment",
// "their pledges") are not among these words.
bool promises(const Words& w, size_t i) {
  static constexpr std::string_view kNounUses[] = {"commit", "commits", "will", "must", "remain", "remains"};
  static constexpr std::string_view kBefore[] = {"the", "a", "an", "your", "our", "their", "its", "his", "her", "my"};
  if (i == 0 || std::find(std::begin(kNounUses), std::end(kNounUses), w.folded[i]) == std::end(kNounUses)) return true;
  return std::find(std::begin(kBefore), std::end(kBefore), w.folded[i - 1]) == std::end(kBefore);
}

// The folded words of a title that are not stop words, in order.
std::vector<std::string> content_words(std::string_view title) {
  std::vector<std::string> out;
  for (std::string& w : words(title).folded) {
    if (!is_stop_word(w)) out.push_back(std::move(w));
  }
  return out;
}

// Whether every commitment word of `old_w` governs a word `new_w` still has
// (the first word after it that is no stop word): the new side then says
// the commitment once for two verbs, and none was dropped ("... will be
// sent to a Mozilla server ... and the summary will be returned to your
// device" -> "... will be sent to a Mozilla server ... and returned to your
// device", Mozilla's Firefox notice, 2026).
bool commitments_kept(const Words& old_w, const Words& new_w, const ItemIndex& index) {
  std::vector<uint64_t> in_new(new_w.hashes);
  std::sort(in_new.begin(), in_new.end());
  bool kept = true;
  index.each(old_w.folded, old_w.hashes, [&](size_t i) {
    if (!promises(old_w, i)) return;
    size_t k = i + 1;
    while (k < old_w.folded.size() && is_stop_word(old_w.folded[k])) ++k;
    if (k < old_w.folded.size() && !std::binary_search(in_new.begin(), in_new.end(), old_w.hashes[k])) kept = false;
  });
  return kept;
}

// Demands, commitments and positions that one side has more of.
void marker_reasons(const Scorer& scorer, const ClaimChange& claim, const std::string& old_text,
                    const std::string& new_text, const Words& old_w, const Words& new_w, Significance& s) {
  struct Marker {
    std::span<const std::string_view> words;
    const ItemIndex& index;  // of `words`
    std::string_view dropped;
    std::string_view added;  // empty: no rule for it
    bool (*counts)(const Words& w, size_t i) = nullptr;
  };
  const bool modality_fact =
      std::any_of(claim.facts.begin(), claim.facts.end(), [](const Fact& f) { return f.kind == FactKind::kModality; });
  const Marker markers[] = {
      {demand_words(), demand_index(), "demand-dropped", "demand-added"},
      // A modal that changed is the modality rules' to tell.
      {commitment_words(), commitment_index(), modality_fact ? "" : "commitment-dropped", "commitment-added", promises},
      {stance_words(), stance_index(), "stance-dropped", ""}};
  for (const auto& m : markers) {
    size_t old_at = 0;
    size_t new_at = 0;
    size_t in_old = count_items(old_w, m.index, old_at, m.counts);
    size_t in_new = count_items(new_w, m.index, new_at, m.counts);
    ReasonArgs a;
    // A commitment said once for two verbs is not one fewer.
    const bool elided =
        in_old > in_new && in_new > 0 && m.counts == promises && commitments_kept(old_w, new_w, m.index);
    if (in_old > in_new && !m.dropped.empty() && !elided) {
      a.quote = quote(old_text, old_w, marker_in_lost_sentence(old_text, old_w, new_text, new_w, m.words, old_at));
      scorer.add(s, m.dropped, a);
    } else if (in_new > in_old && !m.added.empty()) {
      a.quote = quote(new_text, new_w, marker_in_lost_sentence(new_text, new_w, old_text, old_w, m.words, new_at));
      scorer.add(s, m.added, a);
    }
  }
}

void watch_reasons(const Scorer& scorer, const std::string& old_text, const std::string& new_text, const Words& old_w,
                   const Words& new_w, Significance& s) {
  for (const auto& term : scorer.options().watch) {
    auto folded = fold_case(term);
    auto in_old = occurrences(old_w.folded, folded);
    auto in_new = occurrences(new_w.folded, folded);
    if (in_old.size() == in_new.size()) continue;
    ReasonArgs a;
    a.term = term;
    const bool dropped = in_old.size() > in_new.size();
    a.direction = dropped ? "dropped" : "added";
    a.quote = dropped ? quote(old_text, old_w, in_old.front()) : quote(new_text, new_w, in_new.front());
    scorer.add(s, "watched-term", a);
  }
}

bool real_change(ChangeStatus status) {
  return status != ChangeStatus::kUnchanged && status != ChangeStatus::kEquivalent;
}

void score_claims(const Scorer& scorer, ChangeSet& changes, bool threads) {
  // Between a text and its translation, the words that mark a commitment,
  // demand or position are one language's: "we will" removed and "nous
  // nous engageons" added is no commitment dropped. Air France's policy,
  // English to French, led with three commitments "dropped" that the
  // French version keeps, and a fourth in a claim paired across the two
  // languages by the address it quotes.
  const bool markers_hold = !translated(changes);
  // Each claim's figure changes, in the order of ChangeSet::numbers.
  std::vector<std::vector<const NumberChange*>> numbers(changes.claims.size());
  for (const auto& n : changes.numbers) {
    if (n.claim >= 0 && static_cast<size_t>(n.claim) < numbers.size()) {
      numbers[static_cast<size_t>(n.claim)].push_back(&n);
    }
  }
  // Each claim is scored on its own, from its own fields: on every core
  // when threads are on (a twelfth of an unrelated pair's instructions) and
  // the claims are many.
  const bool parallel = threads && changes.claims.size() >= kMinParallelScores;
  util::parallel_for(changes.claims.size(), parallel ? util::kMaxPairThreads : 1, [&](size_t i) {
    auto& claim = changes.claims[i];
    claim.significance = {};
    if (!real_change(claim.status)) return;
    const auto old_text = joined_text(claim.old_sides);
    const auto own_new_text = joined_text(claim.new_sides);
    // A claim moved as it was (a third of a revision's changed claims, in
    // some) has one text on both sides: read once, and both sides are that
    // one string, which its words point into.
    const bool same = own_new_text == old_text;
    const std::string& new_text = same ? old_text : own_new_text;
    const auto old_w = words(old_text);
    const std::optional<Words> own_new_w = same ? std::nullopt : std::optional(words(new_text));
    const Words& new_w = own_new_w ? *own_new_w : old_w;
    SideQuotes quotes(old_text, old_w, new_text, new_w);
    auto& s = claim.significance;
    fact_reasons(scorer, claim, quotes, s);
    if (markers_hold) marker_reasons(scorer, claim, old_text, new_text, old_w, new_w, s);
    // A quantity dropped from or added to a sentence that stayed (one old
    // side, one new side: the parts of a split or merge are other
    // sentences). A removed or added claim says that with its own reasons,
    // and a date dropped from a reworded sentence is mostly its context.
    const bool paired = claim.old_sides.size() == 1 && claim.new_sides.size() == 1;
    for (const NumberChange* number : numbers[i]) {
      const NumberChange& n = *number;
      ReasonArgs a;
      a.old_words = n.old_value;
      a.new_words = n.new_value;
      if (n.status == ChangeStatus::kModified) {
        a.quote = quotes.shown();
        scorer.add(s, "figure-changed", a);
      } else if (paired && n.kind != "date" && n.status == ChangeStatus::kRemoved) {
        a.quote = quote(old_text, old_w, word_at(old_text, old_w, n.old_value));
        scorer.add(s, "figure-removed", a);
      } else if (paired && n.kind != "date" && n.status == ChangeStatus::kAdded) {
        a.quote = quote(new_text, new_w, word_at(new_text, new_w, n.new_value));
        scorer.add(s, "figure-added", a);
      }
    }
    watch_reasons(scorer, old_text, new_text, old_w, new_w, s);
    if (s.reasons.empty()) {
      ReasonArgs a;
      a.quote = quotes.shown();
      a.status = to_string(claim.status);
      scorer.add(s, "claim-changed", a);
    }
    scorer.finish(s);
  });
}

// Removed claims by the id of the old section that held them.
std::map<std::string, int, std::less<>> removed_claims_by_section(const ChangeSet& changes) {
  std::map<std::string, int, std::less<>> counts;
  for (const auto& claim : changes.claims) {
    if (claim.status == ChangeStatus::kRemoved) ++counts[claim.old_sides.front().section_id];
  }
  return counts;
}

// The removed claims of section `id` and of the sections under it, whose
// ids are its own followed by "/" (segment/tree.cpp): a heading whose text
// sat in its subsections lost that text too.
int removed_claims_under(const std::map<std::string, int, std::less<>>& counts, const std::string& id) {
  int n = 0;
  if (auto it = counts.find(id); it != counts.end()) n += it->second;
  const std::string below = id + "/";
  for (auto it = counts.lower_bound(below); it != counts.end() && it->first.starts_with(below); ++it) n += it->second;
  return n;
}

void score_sections(const Scorer& scorer, ChangeSet& changes) {
  const auto removed = removed_claims_by_section(changes);
  for (auto& section : changes.sections) {
    section.significance = {};
    ReasonArgs a;
    if (section.status == ChangeStatus::kRemoved && !section.old_sides.empty()) {
      a.title = section.old_sides.front().title;
      const int n = removed_claims_under(removed, section.old_sides.front().id);
      a.claims = n == 0 ? "no claims" : fmt::format("{} claim{}", n, n == 1 ? "" : "s");
      scorer.add(section.significance, "section-removed", a);
    } else if (section.status == ChangeStatus::kAdded && !section.new_sides.empty()) {
      a.title = section.new_sides.front().title;
      scorer.add(section.significance, "section-added", a);
    } else if (section.renamed && !section.old_sides.empty() && !section.new_sides.empty()) {
      a.title = section.old_sides.front().title;
      a.new_title = section.new_sides.front().title;
      // A title that changed case, punctuation or function words alone ("AI
      // Chatbots" -> "AI chatbots"; Mozilla's "More details, including how to
      // adjust your data settings:" lost its colon in five sections at once,
      // and "Provide Mozilla accounts" became "To provide Mozilla accounts"
      // in eight) says nothing new: the section is listed as renamed, not
      // ranked.
      if (content_words(a.title) != content_words(a.new_title)) scorer.add(section.significance, "section-renamed", a);
    }
    scorer.finish(section.significance);
  }
}

void score_programmes(const Scorer& scorer, ChangeSet& changes) {
  for (auto& p : changes.programmes) {
    p.significance = {};
    ReasonArgs a;
    if (p.old_side) {
      a.name = p.old_side->name;
      const int n = p.old_side->mentions;
      a.mentions = n == 1 ? "once" : n == 2 ? "twice" : fmt::format("{} times", n);
    }
    if (p.new_side) (p.old_side ? a.new_name : a.name) = p.new_side->name;
    if (p.status == ChangeStatus::kRenamed) scorer.add(p.significance, "programme-renamed", a);
    if (p.status == ChangeStatus::kRemoved) scorer.add(p.significance, "programme-removed", a);
    if (p.status == ChangeStatus::kAdded) scorer.add(p.significance, "programme-added", a);
    scorer.finish(p.significance);
  }
}

}  // namespace

bool translated(const ChangeSet& changes) {
  return !changes.old_language.empty() && !changes.new_language.empty() && changes.old_language != changes.new_language;
}

void score_changes(ChangeSet& changes, const SignificanceOptions& options, bool threads) {
  Scorer scorer(options);
  score_claims(scorer, changes, threads);
  score_sections(scorer, changes);
  score_programmes(scorer, changes);
  changes.highlights = pick_highlights(changes, options);
  changes.narrative = narrative(changes);
}

}  // namespace strata::classify_detail

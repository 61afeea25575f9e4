// Succession statements in claims (successions.hpp).
#include "programmes/successions.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <set>
#include <span>
#include <tuple>

#include "programmes/name_gate.hpp"
#include "programmes/variants.hpp"
#include "text/ascii.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

struct Trigger {
  std::string_view phrase;
  bool old_first;  // "X replaced by Y": the old name comes first
  Succession::Shape shape = Succession::Shape::kOne;
};

// Statements of succession, from the bundled snapshots' wording and common usage;
// a merge or split trigger may have several names on one side.
constexpr std::array<Trigger, 27> kTriggers = {{
    {"replaced by", true},
    {"upgraded into", true},
    {"upgraded to", true},
    {"renamed as", true},
    {"renamed", true},
    {"consolidated into", true, Succession::Shape::kMerge},
    {"transitioned into", true},
    {"transformed into", true},
    {"succeeded by", true},
    {"superseded by", true},
    {"merged into", true, Succession::Shape::kMerge},
    {"evolved into", true},
    {"converted into", true},
    {"turned into", true},
    {"became", true},
    {"successor to", false},
    {"successor of", false},
    {"successor body to", false},
    {"replaced", false},
    {"replacing", false},
    {"replaces", false},
    {"succeeded", false},
    {"supersedes", false},
    {"took over from", false},
    {"combined into", true, Succession::Shape::kMerge},
    {"split into", true, Succession::Shape::kSplit},
    {"divided into", true, Succession::Shape::kSplit},
}};

// `text` at `pos` reads `lower` once ASCII letters are folded.
bool folded_equal(std::string_view text, size_t pos, std::string_view lower) {
  return pos <= text.size() && ascii::istarts_with(text.substr(pos), lower);
}

bool passive_before(std::string_view text, size_t t) {
  for (std::string_view aux : {"was ", "were ", "been ", "is ", "be "}) {
    if (t >= aux.size() && folded_equal(text, t - aux.size(), aux) &&
        (t == aux.size() || text[t - aux.size() - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

// Where the triggers occur in `text` as whole words (ASCII case folded), in
// the order of kTriggers, then of position. One pass over the text: a
// trigger can only start at a word's first letter.
}  // namespace

std::vector<std::pair<size_t, size_t>> trigger_hits(std::string_view text) {
  // Triggers by first letter, as bits of their index.
  static const auto by_letter = [] {
    std::array<uint32_t, 256> bits{};
    for (size_t k = 0; k < kTriggers.size(); ++k) bits[static_cast<unsigned char>(kTriggers[k].phrase[0])] |= 1u << k;
    return bits;
  }();
  std::vector<std::pair<size_t, size_t>> hits;  // (trigger, position)
  // From the start of one run of ASCII letters and digits to the next.
  for (size_t t = 0; t < text.size();) {
    for (uint32_t left = by_letter[static_cast<unsigned char>(ascii::lower(text[t]))]; left != 0; left &= left - 1) {
      auto k = static_cast<size_t>(std::countr_zero(left));
      auto phrase = kTriggers[k].phrase;
      if (!folded_equal(text, t, phrase)) continue;
      size_t end = t + phrase.size();
      if (end < text.size() && ascii::alnum(text[end])) continue;
      hits.emplace_back(k, t);
    }
    while (t < text.size() && ascii::alnum(text[t])) ++t;
    while (t < text.size() && !ascii::alnum(text[t])) ++t;
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

namespace {

const SharedText& claim_text(const Document& doc, int section, int block, int sentence, bool norm) {
  const Sentence& s = doc.sentence_at(section, block, sentence);
  return norm && !s.norm.empty() ? s.norm : s.text;
}

// A mention of programme `programme`, placed in its claim.
struct Placed {
  int section;
  int block;
  int sentence;
  size_t begin;
  size_t end;
  int programme;
  bool same_claim(const Placed& o) const { return section == o.section && block == o.block && sentence == o.sentence; }
};

// The successions of one claim, whose mentions `placed` are in text order.
void claim_successions(const Document& doc, std::span<const Placed> placed, TriggerMemo& triggers,
                       std::vector<Succession>& out) {
  const auto& where = placed.front();
  const auto& text = claim_text(doc, where.section, where.block, where.sentence, true);
  std::set<std::pair<int, int>> seen;
  for (auto [k, t] : triggers.hits(text)) {
    const auto& trigger = kTriggers[k];
    size_t te = t + trigger.phrase.size();
    // "the NACC was replaced in 1997 by the EAPC": a passive verb puts
    // the old name first.
    bool old_first = trigger.old_first || passive_before(text, t);
    const Placed* before = nullptr;
    const Placed* after = nullptr;
    const Placed* after2 = nullptr;
    for (const auto& p : placed) {
      if (p.end <= t) before = &p;
      if (p.begin >= te && after == nullptr) {
        after = &p;
      } else if (p.begin >= te && after2 == nullptr && p.programme != after->programme) {
        after2 = &p;
      }
    }
    // "renamed X to Y": both names follow the trigger.
    if (before == nullptr && after != nullptr && after2 != nullptr && old_first) {
      before = after;
      after = after2;
    }
    if (before == nullptr || after == nullptr || before->programme == after->programme) continue;
    // "X and Y were merged into Z": every name before the trigger is a
    // source; "X was split into Y and Z": every name after it a successor.
    std::vector<int> froms{old_first ? before->programme : after->programme};
    std::vector<int> tos{old_first ? after->programme : before->programme};
    if (old_first && trigger.shape == Succession::Shape::kMerge) {
      froms.clear();
      for (const auto& p : placed) {
        if (p.end <= t && p.programme != tos[0] && std::find(froms.begin(), froms.end(), p.programme) == froms.end()) {
          froms.push_back(p.programme);
        }
      }
    } else if (old_first && trigger.shape == Succession::Shape::kSplit) {
      tos.clear();
      for (const auto& p : placed) {
        if (p.begin >= te && p.programme != froms[0] && std::find(tos.begin(), tos.end(), p.programme) == tos.end()) {
          tos.push_back(p.programme);
        }
      }
    }
    const auto shape = froms.size() > 1 ? Succession::Shape::kMerge
                       : tos.size() > 1 ? Succession::Shape::kSplit
                                        : Succession::Shape::kOne;
    for (int from : froms) {
      for (int to : tos) {
        if (!seen.insert({from, to}).second) continue;
        out.push_back({from, to, std::string(trigger.phrase),
                       claim_text(doc, where.section, where.block, where.sentence, false).str(), where.section,
                       where.block, where.sentence, shape});
      }
    }
  }
}

// Verbs that gather several things into one when followed by "into"; the
// class merge's sources stand between the verb and "into".
constexpr std::array<std::string_view, 5> kGatheringVerbs = {"combined", "consolidated", "folded", "merged",
                                                             "transitioned"};
// Words read between a gathering verb and "into", and between "into" and
// the successor's name ("into a single"): a statement is one clause.
constexpr size_t kClassMergeWords = 12;
constexpr size_t kIntoToName = 3;

bool gathering_verb(std::string_view lower) {
  return std::find(kGatheringVerbs.begin(), kGatheringVerbs.end(), lower) != kGatheringVerbs.end();
}

// Whether `text` holds "into" in any case. Each "i" and "I" is found by
// memchr and the three bytes after it compared or-ed with 0x20, which makes
// a byte one of these lowercase letters only when it is that letter in
// either case: the text before every mention is searched.
bool has_into(std::string_view text) {
  for (const char first : {'i', 'I'}) {
    for (size_t at = text.find(first); at != std::string_view::npos && at + 4 <= text.size();
         at = text.find(first, at + 1)) {
      if ((text[at + 1] | 0x20) == 'n' && (text[at + 2] | 0x20) == 't' && (text[at + 3] | 0x20) == 'o') return true;
    }
  }
  return false;
}

// The class merge of the mention `m` of programme `to`, if its claim reads
// "<verb> ... <Class Words>s ... into [a single] <name>".
std::optional<ClassMerge> class_merge_at(const Document& doc, const ProgrammeMention& m, int to) {
  const auto& text = claim_text(doc, m.section, m.block, m.sentence, true);
  const std::string_view head = std::string_view(text).substr(0, std::min(m.offset, text.size()));
  // Only a word folding to "into" opens a class merge, and no letter but
  // the ASCII ones folds to its letters: a mention without those four
  // bytes before it (nearly all) is turned away before it is tokenized.
  if (!has_into(head)) return std::nullopt;
  std::vector<std::string_view> before;  // the words before the mention, nearest last
  for (const auto& t : tokenize(head)) {
    if (t.word) before.push_back(token_text(text, t));
  }
  size_t into = before.size();
  for (size_t k = 0; k < kIntoToName && into > 0; ++k) {
    if (fold_case(before[into - 1]) == "into") break;
    if (!is_lowercase_word(before[into - 1])) return std::nullopt;
    --into;
  }
  if (into == 0 || fold_case(before[into - 1]) != "into") return std::nullopt;
  --into;
  // The class: capitalized words ending on the plural of a head word, the
  // last such run before "into"; the verb before it.
  const size_t from = into > kClassMergeWords ? into - kClassMergeWords : 0;
  size_t end = into;
  while (end > from && !(is_capitalized(before[end - 1]) && is_head_word(spelling_key(fold_case(before[end - 1]))) &&
                         fold_case(before[end - 1]).back() == 's')) {
    --end;
  }
  if (end == from) return std::nullopt;
  size_t begin = end - 1;
  while (begin > from && is_capitalized(before[begin - 1]) && !is_stop_word(fold_case(before[begin - 1]))) --begin;
  if (end - begin < 2) return std::nullopt;  // "Funds" alone names no class
  size_t verb = begin;
  while (verb > from && !gathering_verb(fold_case(before[verb - 1]))) --verb;
  if (verb == from) return std::nullopt;
  // The first of the verbs joined by "and" ("consolidated and transitioned").
  --verb;
  while (verb >= 2 && fold_case(before[verb - 1]) == "and" && gathering_verb(fold_case(before[verb - 2]))) verb -= 2;
  ClassMerge out;
  out.words = spelling_key(fold_case(join(before, begin, end)));
  out.to = to;
  out.rule = fold_case(before[verb]) + " ... into";
  out.claim = claim_text(doc, m.section, m.block, m.sentence, false);
  return out;
}

}  // namespace

std::vector<ClassMerge> class_merges(const Document& doc, const std::vector<Programme>& programmes) {
  std::vector<ClassMerge> out;
  for (size_t p = 0; p < programmes.size(); ++p) {
    for (const auto& m : programmes[p].mentions) {
      if (auto merge = class_merge_at(doc, m, static_cast<int>(p))) {
        out.push_back(std::move(*merge));
        break;
      }
    }
  }
  return out;
}

bool in_class(std::string_view name, std::string_view words) {
  const std::string key = spelling_key(fold_case(name));
  const auto all = words_of(key);
  const auto cls = words_of(words);
  for (size_t at = 0; at + cls.size() <= all.size(); ++at) {
    if (!std::equal(cls.begin(), cls.end(), all.begin() + static_cast<long>(at))) continue;
    const size_t after = at + cls.size();
    if (after == all.size() || is_tail_connector(all[after])) return true;
  }
  return false;
}

const SharedText& claim_text(const Document& doc, const ProgrammeMention& m, bool norm) {
  return claim_text(doc, m.section, m.block, m.sentence, norm);
}

std::vector<Succession> successions(const Document& doc, const std::vector<Programme>& programmes,
                                    TriggerMemo& triggers) {
  // One flat list sorted once by claim, then by position: the claims come
  // in document order, each with its mentions in text order.
  std::vector<Placed> placed;
  for (size_t p = 0; p < programmes.size(); ++p) {
    for (const auto& m : programmes[p].mentions) {
      placed.push_back({m.section, m.block, m.sentence, m.offset, m.offset + m.form.size(), static_cast<int>(p)});
    }
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return std::tie(a.section, a.block, a.sentence, a.begin) < std::tie(b.section, b.block, b.sentence, b.begin);
  });
  std::vector<Succession> out;
  for (size_t first = 0; first < placed.size();) {
    size_t last = first + 1;
    while (last < placed.size() && placed[last].same_claim(placed[first])) ++last;
    if (last - first >= 2) {
      claim_successions(doc, std::span<const Placed>(placed).subspan(first, last - first), triggers, out);
    }
    first = last;
  }
  return out;
}

}  // namespace strata::classify_detail

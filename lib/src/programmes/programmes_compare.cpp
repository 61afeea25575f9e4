// Pairing the programmes of two versions: kept, renamed (with evidence),
// added, removed. Rules in the order they are tried (docs/programmes.md):
// configured renames, same name, same acronym, succession statements,
// near-identical names in similar claims.
#include <algorithm>
#include <array>
#include <bit>
#include <fmt/core.h>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <tuple>

#include "text/lexicon.hpp"
#include "programmes/programmes_internal.hpp"
#include "programmes/rename_evidence.hpp"
#include "text/ascii.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// Two near-identical names (same core words, another head word) are one
// programme renamed only when the claims that mention them share enough of
// their content words (Jaccard). Measured on the seeds (2015 -> 2023): the
// true pairs share 0.14-0.19 ("PfP Status of Forces Agreement" -> "Status
// of Forces Agreement", "NATO Building Integrity Programme" -> "Building
// Integrity Initiative"); false pairs with a one-word core share 0.09-0.12
// ("NATO-Ukraine Charter" / "NATO-Ukraine Council"). So: 0.12 when two or
// more core words are equal, 0.2 for a one-word core or a core inside another.
constexpr double kSameCoreSimilarity = 0.12;
constexpr double kNearNameSimilarity = 0.2;
// Unmatched old x new programmes compared for near-identical names; beyond
// it (documents with thousands of new and vanished names) the rule is
// skipped rather than run quadratically.
constexpr size_t kMaxNearNamePairs = 250'000;
// Claims per programme read for that similarity; bounds the work.
constexpr size_t kSimilarityClaims = 8;

struct Trigger {
  std::string_view phrase;
  bool old_first;  // "X replaced by Y": the old name comes first
};

// Statements of succession, from the issue and the seeds' wording.
constexpr std::array<Trigger, 24> kTriggers = {{
    {"replaced by", true},      {"upgraded into", true},    {"upgraded to", true},
    {"renamed as", true},       {"renamed", true},          {"consolidated into", true},
    {"transitioned into", true}, {"transformed into", true}, {"succeeded by", true},
    {"superseded by", true},    {"merged into", true},      {"evolved into", true},
    {"converted into", true},   {"turned into", true},      {"became", true},
    {"successor to", false},    {"successor of", false},    {"successor body to", false},
    {"replaced", false},        {"replacing", false},       {"replaces", false},
    {"succeeded", false},       {"supersedes", false},      {"took over from", false},
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

const std::string& claim_text(const Document& doc, int section, int block, int sentence, bool norm) {
  const auto& s = doc.sections[static_cast<size_t>(section)]
                      .blocks[static_cast<size_t>(block)]
                      .sentences[static_cast<size_t>(sentence)];
  return norm && !s.norm.empty() ? s.norm : s.text;
}

const std::string& claim_text(const Document& doc, const ProgrammeMention& m, bool norm) {
  return claim_text(doc, m.section, m.block, m.sentence, norm);
}

// "X was replaced by Y" in one claim, as indices into `programmes`.
struct Succession {
  int from = -1;
  int to = -1;
  std::string rule;
  std::string claim;
};

// A mention of programme `programme`, placed in its claim.
struct Placed {
  int section;
  int block;
  int sentence;
  size_t begin;
  size_t end;
  int programme;
  bool same_claim(const Placed& o) const {
    return section == o.section && block == o.block && sentence == o.sentence;
  }
};

// trigger_hits() of claim texts, each distinct sentence of an index read
// once: most claims of two versions are in both.
class TriggerMemo {
 public:
  explicit TriggerMemo(const SentenceIndex* index) : index_(index) {
    if (index_ != nullptr) hits_.resize(index_->size());
  }

  const std::vector<std::pair<size_t, size_t>>& hits(std::string_view text) {
    std::optional<uint32_t> id;
    if (index_ != nullptr) id = index_->find(text);
    if (!id) return scratch_ = trigger_hits(text);
    auto& hits = hits_[*id];
    if (!hits) hits = trigger_hits(text);
    return *hits;
  }

 private:
  const SentenceIndex* index_;
  std::vector<std::optional<std::vector<std::pair<size_t, size_t>>>> hits_;  // by distinct sentence
  std::vector<std::pair<size_t, size_t>> scratch_;
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
    int from = old_first ? before->programme : after->programme;
    int to = old_first ? after->programme : before->programme;
    if (!seen.insert({from, to}).second) continue;
    out.push_back({from, to, std::string(trigger.phrase),
                   claim_text(doc, where.section, where.block, where.sentence, false)});
  }
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

// The words that make a name this name: not head words, connectors, stop
// words or acronyms ("NATO Building Integrity Programme" -> building, integrity).
std::set<std::string> core_words(const Programme& p) {
  std::set<std::string> core;
  for (auto w : words_of(p.name)) {
    auto lower = fold_case(w);
    if (!is_head_word(lower) && !is_stop_word(lower) && !is_connector(lower) && !is_generic_tail(lower) &&
        !is_acronym(w)) {
      core.insert(lower);
    }
  }
  return core;
}

// Same core words, or the core of one inside the other's with at least two
// words ("Declaration to Complement the Charter" in "... the Charter on a
// Distinctive Partnership").
bool near_name(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const auto& small = a.size() < b.size() ? a : b;
  const auto& large = a.size() < b.size() ? b : a;
  return small.size() >= 2 && std::includes(large.begin(), large.end(), small.begin(), small.end());
}

std::set<std::string> claim_words(const Document& doc, const Programme& p) {
  std::set<std::string> words;
  size_t claims = 0;
  const ProgrammeMention* last = nullptr;
  for (const auto& m : p.mentions) {
    if (last != nullptr && last->section == m.section && last->block == m.block && last->sentence == m.sentence) {
      continue;
    }
    last = &m;
    if (++claims > kSimilarityClaims) break;
    for (auto w : words_of(claim_text(doc, m, true))) {
      auto lower = fold_case(w);
      if (!is_stop_word(lower)) words.insert(lower);
    }
  }
  return words;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

ProgrammeSide side_of(const Programme& p) {
  return {p.name, p.acronym, static_cast<int>(p.mentions.size())};
}

int status_rank(ChangeStatus status) {
  switch (status) {
    case ChangeStatus::kRenamed: return 0;
    case ChangeStatus::kRemoved: return 1;
    case ChangeStatus::kAdded: return 2;
    default: return 3;
  }
}

}  // namespace

std::vector<ProgrammePair> classify_detail::match_programmes(const Document& old_doc, const Document& new_doc,
                                                             const std::vector<Programme>& olds,
                                                             const std::vector<Programme>& news,
                                                             const ProgrammeConfig& config,
                                                             const AcronymTable& acronyms,
                                                             const SentenceIndex* sentences) {
  std::vector<std::vector<std::string>> old_keys;
  std::vector<std::vector<std::string>> new_keys;
  std::map<std::string, std::vector<int>> old_by_key;
  std::map<std::string, std::vector<int>> new_by_key;
  for (size_t i = 0; i < olds.size(); ++i) {
    old_keys.push_back(programme_keys(olds[i], acronyms));
    for (const auto& k : old_keys.back()) old_by_key[k].push_back(static_cast<int>(i));
  }
  for (size_t j = 0; j < news.size(); ++j) {
    new_keys.push_back(programme_keys(news[j], acronyms));
    for (const auto& k : new_keys.back()) new_by_key[k].push_back(static_cast<int>(j));
  }
  std::vector<int> old_match(olds.size(), -1);
  std::vector<int> new_match(news.size(), -1);
  std::vector<ProgrammePair> pairs;
  std::map<int, std::vector<std::string>> added_evidence;

  auto pair = [&](int i, int j, ChangeStatus status, std::vector<std::string> evidence) {
    ProgrammePair p{i, j, {}};
    p.change.status = status;
    p.change.old_side = side_of(olds[static_cast<size_t>(i)]);
    p.change.new_side = side_of(news[static_cast<size_t>(j)]);
    p.change.evidence = std::move(evidence);
    old_match[static_cast<size_t>(i)] = j;
    if (new_match[static_cast<size_t>(j)] < 0) new_match[static_cast<size_t>(j)] = i;
    pairs.push_back(std::move(p));
  };
  auto first_of = [](const std::map<std::string, std::vector<int>>& index, const std::string& key,
                     const std::vector<int>& taken, bool free_only) {
    auto it = index.find(key);
    if (it == index.end()) return -1;
    for (int x : it->second) {
      if (!free_only || taken[static_cast<size_t>(x)] < 0) return x;
    }
    return -1;
  };

  for (const auto& rename : config.renames) {
    int i = first_of(old_by_key, name_key(rename.from, {}), old_match, true);
    int j = first_of(new_by_key, name_key(rename.to, {}), new_match, false);
    if (i >= 0 && j >= 0) pair(i, j, ChangeStatus::kRenamed, {"configured rename: '" + rename.from + "' -> '" + rename.to + "'"});
  }
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_match[i] >= 0) continue;
    for (const auto& k : old_keys[i]) {
      int j = first_of(new_by_key, k, new_match, true);
      if (j >= 0) {
        if (auto evidence = head_word_change(olds[i], news[static_cast<size_t>(j)])) {
          pair(static_cast<int>(i), j, ChangeStatus::kRenamed, {std::move(*evidence)});
        } else {
          pair(static_cast<int>(i), j, ChangeStatus::kUnchanged, {});
        }
        break;
      }
    }
  }
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_match[i] >= 0 || olds[i].acronym.empty()) continue;
    for (size_t j = 0; j < news.size(); ++j) {
      if (new_match[j] < 0 && news[j].acronym == olds[i].acronym) {
        pair(static_cast<int>(i), static_cast<int>(j), ChangeStatus::kRenamed,
             {fmt::format("same acronym {}: '{}' -> '{}'", olds[i].acronym, olds[i].name, news[j].name)});
        break;
      }
    }
  }
  TriggerMemo triggers(sentences);
  auto apply_successions = [&](const Document& doc, const std::vector<Programme>& list,
                               const std::vector<std::vector<std::string>>& keys, bool in_old) {
    for (const auto& s : successions(doc, list, triggers)) {
      auto lookup = [&](int p, const std::map<std::string, std::vector<int>>& index) {
        for (const auto& k : keys[static_cast<size_t>(p)]) {
          if (auto it = index.find(k); it != index.end()) return it->second.front();
        }
        return -1;
      };
      int i = in_old ? s.from : lookup(s.from, old_by_key);
      int j = in_old ? lookup(s.to, new_by_key) : s.to;
      auto evidence = fmt::format("succession statement ('{}') in the {} version: \"{}\"", s.rule,
                                  in_old ? "old" : "new", s.claim);
      if (i >= 0 && j >= 0 && old_match[static_cast<size_t>(i)] < 0) {
        pair(i, j, ChangeStatus::kRenamed, {evidence});
      } else if (j >= 0 && new_match[static_cast<size_t>(j)] < 0) {
        added_evidence[j].push_back(evidence);
      }
    }
  };
  apply_successions(old_doc, olds, old_keys, true);
  apply_successions(new_doc, news, new_keys, false);

  std::vector<size_t> free_old;
  std::vector<size_t> free_new;
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_match[i] < 0) free_old.push_back(i);
  }
  for (size_t j = 0; j < news.size(); ++j) {
    if (new_match[j] < 0) free_new.push_back(j);
  }
  if (!free_old.empty() && !free_new.empty()) {
    const SentenceTemplates templates(new_doc, news, free_new);
    for (size_t i : free_old) {
      auto found = templates.find(old_doc, olds[i], [&](size_t j) { return new_match[j] < 0; });
      if (found) pair(static_cast<int>(i), static_cast<int>(found->programme), ChangeStatus::kRenamed, {found->evidence});
    }
  }
  std::erase_if(free_old, [&](size_t i) { return old_match[i] >= 0; });
  std::erase_if(free_new, [&](size_t j) { return new_match[j] >= 0; });
  if (free_old.size() * free_new.size() <= kMaxNearNamePairs) {
    std::vector<std::set<std::string>> new_cores;
    for (size_t j : free_new) new_cores.push_back(core_words(news[j]));
    for (size_t i : free_old) {
      auto core = core_words(olds[i]);
      for (size_t n = 0; n < free_new.size(); ++n) {
        size_t j = free_new[n];
        if (new_match[j] >= 0 || !near_name(core, new_cores[n])) continue;
        double similarity = jaccard(claim_words(old_doc, olds[i]), claim_words(new_doc, news[j]));
        bool strong = core.size() >= 2 && core == new_cores[n];
        if (similarity < (strong ? kSameCoreSimilarity : kNearNameSimilarity)) continue;
        std::string joined;
        for (const auto& w : core) joined += (joined.empty() ? "" : " ") + w;
        pair(static_cast<int>(i), static_cast<int>(j), ChangeStatus::kRenamed,
             {fmt::format("near-identical name (core words '{}'); claims share {:.0f}% of their words", joined,
                          similarity * 100)});
        break;
      }
    }
  }
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_match[i] >= 0) continue;
    ProgrammePair p{static_cast<int>(i), -1, {}};
    p.change.status = ChangeStatus::kRemoved;
    p.change.old_side = side_of(olds[i]);
    pairs.push_back(std::move(p));
  }
  for (size_t j = 0; j < news.size(); ++j) {
    if (new_match[j] >= 0) continue;
    ProgrammePair p{-1, static_cast<int>(j), {}};
    p.change.status = ChangeStatus::kAdded;
    p.change.new_side = side_of(news[j]);
    if (auto it = added_evidence.find(static_cast<int>(j)); it != added_evidence.end()) p.change.evidence = it->second;
    pairs.push_back(std::move(p));
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const ProgrammePair& a, const ProgrammePair& b) {
    int ra = status_rank(a.change.status);
    int rb = status_rank(b.change.status);
    if (ra != rb) return ra < rb;
    const auto& na = a.change.old_side ? a.change.old_side->name : a.change.new_side->name;
    const auto& nb = b.change.old_side ? b.change.old_side->name : b.change.new_side->name;
    auto fa = fold_case(na);
    auto fb = fold_case(nb);
    return fa != fb ? fa < fb : na < nb;
  });
  return pairs;
}

std::vector<ProgrammeChange> compare_programmes(const Document& old_doc, const Document& new_doc,
                                                const ProgrammeConfig& config) {
  return programme_changes(old_doc, new_doc, config, SentenceIndex(old_doc, &new_doc));
}

std::vector<ProgrammeChange> classify_detail::programme_changes(const Document& old_doc, const Document& new_doc,
                                                                const ProgrammeConfig& config,
                                                                const SentenceIndex& index) {
  auto [old_mentions, new_mentions] = extract_pair(index, config);
  auto olds = group_mentions(old_doc, config, old_mentions);
  auto news = group_mentions(new_doc, config, new_mentions);
  AcronymTable acronyms = old_mentions.acronyms;
  acronyms.insert(new_mentions.acronyms.begin(), new_mentions.acronyms.end());
  std::vector<ProgrammeChange> out;
  for (auto& p : match_programmes(old_doc, new_doc, olds, news, config, acronyms, &index)) {
    out.push_back(std::move(p.change));
  }
  return out;
}

}  // namespace strata

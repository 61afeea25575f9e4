// Pairing the programmes of two versions: kept, renamed (with evidence),
// added, removed. Rules in the order they are tried (docs/programmes.md):
// configured renames, same name, same acronym, succession statements,
// near-identical names in similar claims.
#include <fmt/core.h>
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "programmes/programmes_internal.hpp"
#include "programmes/rename_evidence.hpp"
#include "programmes/successions.hpp"
#include "programmes/variants.hpp"
#include "text/lexicon.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// Two near-identical names (same core words, another head word) are one
// programme renamed only when the claims that mention them share enough of
// their content words (Jaccard). Measured on the bundled snapshots (2015 -> 2023): the
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
// new_match of a programme written only as the old side of succession
// statements: taken, by no old programme.
constexpr int kStatementOnly = std::numeric_limits<int>::max();

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

ProgrammeSide side_of(const Programme& p) { return {p.name, p.acronym, static_cast<int>(p.mentions.size())}; }

int status_rank(ChangeStatus status) {
  switch (status) {
    case ChangeStatus::kRenamed:
      return 0;
    case ChangeStatus::kMerged:
      return 1;
    case ChangeStatus::kSplit:
      return 2;
    case ChangeStatus::kRemoved:
      return 3;
    case ChangeStatus::kAdded:
      return 4;
    default:
      return 5;
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
    if (i >= 0 && j >= 0)
      pair(i, j, ChangeStatus::kRenamed, {"configured rename: '" + rename.from + "' -> '" + rename.to + "'"});
  }
  // A name the new version writes only as the old side of its succession
  // statements ("In 2024, the X was replaced by the Y") has gone: it is not
  // kept, and its mentions there are no programme of their own.
  TriggerMemo triggers(sentences);
  const auto new_successions = successions(new_doc, news, triggers);
  {
    std::set<std::tuple<int, int, int, int>> as_source;  // (programme, claim)
    for (const auto& s : new_successions) as_source.insert({s.from, s.section, s.block, s.sentence});
    for (size_t j = 0; j < news.size(); ++j) {
      const bool only_there = std::all_of(news[j].mentions.begin(), news[j].mentions.end(), [&](const auto& m) {
        return as_source.count({static_cast<int>(j), m.section, m.block, m.sentence}) > 0;
      });
      if (only_there) new_match[j] = kStatementOnly;
    }
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
  // Two programmes of the new version that are one of the old, which knew
  // both names ("Charter on a Distinctive Partnership between NATO and
  // Ukraine" made it the "NATO-Ukraine Charter" too), are both kept: one
  // programme, not one kept and one added. Keys without an owner are not
  // enough ("NATO Liaison Office", "Ukraine Liaison Office").
  for (size_t j = 0; j < news.size(); ++j) {
    if (new_match[j] >= 0) continue;
    for (const auto& k : new_keys[j]) {
      if (k.starts_with(kOwnerless)) continue;
      const int i = first_of(old_by_key, k, old_match, false);
      if (i < 0 || old_match[static_cast<size_t>(i)] < 0) continue;
      const int first = old_match[static_cast<size_t>(i)];
      pair(i, static_cast<int>(j), ChangeStatus::kUnchanged, {});
      old_match[static_cast<size_t>(i)] = first;
      break;
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
  auto apply_successions = [&](const std::vector<Succession>& stated, const std::vector<std::vector<std::string>>& keys,
                               bool in_old) {
    for (const auto& s : stated) {
      auto lookup = [&](int p, const std::map<std::string, std::vector<int>>& index) {
        for (const auto& k : keys[static_cast<size_t>(p)]) {
          if (auto it = index.find(k); it != index.end()) return it->second.front();
        }
        return -1;
      };
      int i = in_old ? s.from : lookup(s.from, old_by_key);
      int j = in_old ? lookup(s.to, new_by_key) : s.to;
      auto evidence =
          fmt::format("succession statement ('{}') in the {} version: \"{}\"", s.rule, in_old ? "old" : "new", s.claim);
      // A split pairs its old name with each successor.
      const bool free_old =
          i >= 0 && (old_match[static_cast<size_t>(i)] < 0 ||
                     (s.shape == Succession::Shape::kSplit && old_match[static_cast<size_t>(i)] != j));
      if (free_old && j >= 0) {
        pair(i, j, ChangeStatus::kRenamed, {evidence});
      } else if (j >= 0 && new_match[static_cast<size_t>(j)] < 0) {
        auto& list = added_evidence[j];
        if (std::find(list.begin(), list.end(), evidence) == list.end()) list.push_back(evidence);
      }
    }
  };
  apply_successions(successions(old_doc, olds, triggers), old_keys, true);
  apply_successions(new_successions, new_keys, false);
  // "consolidated ... all pre-existing Trust Funds ... into a single Ukraine
  // CAP Trust Fund": every old programme of that class left unpaired is
  // merged into the successor, by a statement of either version.
  auto apply_class_merges = [&](const std::vector<ClassMerge>& merges, bool in_old) {
    for (const auto& merge : merges) {
      int j = merge.to;
      if (in_old) {
        j = -1;
        for (const auto& k : old_keys[static_cast<size_t>(merge.to)]) {
          if (auto it = new_by_key.find(k); it != new_by_key.end() && j < 0) j = it->second.front();
        }
      }
      if (j < 0) continue;
      auto evidence = fmt::format("succession statement ('{}') in the {} version: \"{}\"", merge.rule,
                                  in_old ? "old" : "new", merge.claim);
      for (size_t i = 0; i < olds.size(); ++i) {
        if (old_match[i] < 0 && static_cast<int>(i) != (in_old ? merge.to : -1) &&
            in_class(olds[i].name, merge.words)) {
          pair(static_cast<int>(i), j, ChangeStatus::kMerged, {evidence});
        }
      }
    }
  };
  apply_class_merges(class_merges(old_doc, olds), true);
  apply_class_merges(class_merges(new_doc, news), false);

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
      if (found)
        pair(static_cast<int>(i), static_cast<int>(found->programme), ChangeStatus::kRenamed, {found->evidence});
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
  // Several old names paired with one new name are a merge; one old name
  // with several new names, a split.
  {
    std::map<int, int> into;
    std::map<int, int> from;
    for (const auto& p : pairs) {
      if (p.change.status != ChangeStatus::kRenamed) continue;
      ++into[p.new_index];
      ++from[p.old_index];
    }
    for (auto& p : pairs) {
      if (p.change.status != ChangeStatus::kRenamed) continue;
      if (into[p.new_index] > 1) p.change.status = ChangeStatus::kMerged;
      if (from[p.old_index] > 1) p.change.status = ChangeStatus::kSplit;
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
    if (fa != fb) return fa < fb;
    if (na != nb) return na < nb;
    // A split: one old name, its successors by name.
    if (a.change.new_side && b.change.new_side)
      return fold_case(a.change.new_side->name) < fold_case(b.change.new_side->name);
    return false;
  });
  return pairs;
}

std::vector<ProgrammeChange> compare_programmes(const Document& old_doc, const Document& new_doc,
                                                const ProgrammeConfig& config) {
  return programme_changes(old_doc, new_doc, config, SentenceIndex(old_doc, &new_doc), nullptr);
}

std::vector<ProgrammeChange> classify_detail::programme_changes(const Document& old_doc, const Document& new_doc,
                                                                const ProgrammeConfig& config,
                                                                const SentenceIndex& index, SentenceCache* cache) {
  auto [old_mentions, new_mentions] = extract_pair(index, config, cache);
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

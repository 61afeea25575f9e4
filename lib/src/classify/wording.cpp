// Wording shifts: replacements aggregated over the word diffs of all
// modified claims, and key phrases that appeared or vanished.
//
// Phrases are n-grams of 1 to kMaxContentWords content words that start and
// end on a content word (stop words may sit inside: "partnership for
// peace"). Only phrases of changed claims are candidates; they are then
// counted over both whole documents with 64-bit hashes, so memory grows with
// the change, not with the documents.
#include <algorithm>
#include <fmt/core.h>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "classify/classify_internal.hpp"
#include "classify/text.hpp"

namespace strata::classify_detail {
namespace {

// Longest phrase, in content words (the "1-4 content words").
constexpr size_t kMaxContentWords = 4;
// Most stop words inside one phrase ("in the strongest possible terms" keeps
// "strongest possible terms"; "Declaration to Complement the Charter" needs 2).
constexpr size_t kMaxInnerStopWords = 2;
// A hunk longer than this on either side is a rewrite, not a replacement of
// one phrase by another (6 words covers every phrase swap in the seeds).
constexpr size_t kMaxReplacementWords = 6;
// Example claims kept per shift.
constexpr size_t kMaxExamples = 3;

struct Hunk {
  std::string removed;
  std::string inserted;
};

std::vector<Hunk> hunks_of(const std::vector<WordOp>& diff) {
  std::vector<Hunk> out;
  bool open = false;
  for (const auto& op : diff) {
    if (op.op == WordOp::Op::kEqual) {
      if (!words_of(op.text).empty()) open = false;
      continue;
    }
    if (!open) out.emplace_back();
    open = true;
    (op.op == WordOp::Op::kDelete ? out.back().removed : out.back().inserted) += " " + op.text;
  }
  return out;
}

// A hunk side as written, trimmed of spaces and of punctuation at either
// end, with runs of white space folded; empty when it has no word or more
// than kMaxReplacementWords. `key` gets its folded words, for counting.
std::string phrase_of(std::string_view text, std::string& key) {
  auto tokens = tokenize(text);
  auto words = words_of(text);
  key.clear();
  if (words.empty() || words.size() > kMaxReplacementWords) return {};
  key = fold_case(join(words, 0, words.size()));
  size_t first = 0;
  while (!tokens[first].word) ++first;
  size_t last = tokens.size() - 1;
  while (!tokens[last].word) --last;
  std::string out;
  for (char c : text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin)) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

struct Replacement {
  std::string from;
  std::string to;
  std::set<size_t> claims;
  std::vector<std::string> examples;
};

std::vector<WordingShift> replacements(const std::vector<ClaimChange>& claims) {
  std::map<std::pair<std::string, std::string>, Replacement> found;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.diff.empty() || claim.new_sides.empty()) continue;
    for (const auto& hunk : hunks_of(claim.diff)) {
      std::pair<std::string, std::string> key;
      auto from = phrase_of(hunk.removed, key.first);
      auto to = phrase_of(hunk.inserted, key.second);
      if (from.empty() || to.empty() || key.first == key.second) continue;
      auto& r = found[key];
      if (r.from.empty()) {
        r.from = from;
        r.to = to;
      }
      if (r.claims.insert(c).second && r.examples.size() < kMaxExamples) {
        r.examples.push_back(claim.new_sides.front().text);
      }
    }
  }
  std::vector<WordingShift> out;
  for (auto& [key, r] : found) {
    WordingShift shift;
    shift.from = r.from;
    shift.to = r.to;
    shift.count = static_cast<int>(r.claims.size());
    shift.examples = std::move(r.examples);
    out.push_back(std::move(shift));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return out;
}

struct PhraseCount {
  int old_count = 0;
  int new_count = 0;
  size_t content = 0;
  std::string_view text;  // first occurrence, in a claim side of the ChangeSet
  const std::string* old_example = nullptr;
  const std::string* new_example = nullptr;
};

using PhraseMap = std::unordered_map<uint64_t, PhraseCount>;

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

// Calls `emit(hash, first_word_hash, span, content_words)` for every phrase
// of `text` whose first word's hash passes `starts`; `span` is the phrase in
// `text`. Punctuation other than inside words ends a phrase.
template <typename Starts, typename Emit>
void phrases(std::string_view text, Starts&& starts, Emit&& emit) {
  // Buffers reused across calls (per thread, so classify stays reentrant).
  thread_local std::vector<Token> tokens;
  thread_local std::string lower;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<bool> stop;
  tokenize_into(text, tokens);
  words.clear();
  hashes.clear();
  stop.clear();
  auto flush = [&] {
    for (size_t i = 0; i < words.size(); ++i) {
      if (stop[i] || !starts(hashes[i])) continue;
      uint64_t h = 0;
      size_t content = 0;
      size_t inner = 0;
      for (size_t j = i; j < words.size(); ++j) {
        h = mix(h, hashes[j]);
        if (stop[j]) {
          if (++inner > kMaxInnerStopWords) break;
          continue;
        }
        if (++content > kMaxContentWords) break;
        auto begin = static_cast<size_t>(words[i].data() - text.data());
        auto end = static_cast<size_t>(words[j].data() - text.data()) + words[j].size();
        emit(mix(h, content), hashes[i], text.substr(begin, end - begin), content);
      }
    }
    words.clear();
    hashes.clear();
    stop.clear();
  };
  for (const auto& token : tokens) {
    if (!token.word) {
      flush();
      continue;
    }
    auto word = token_text(text, token);
    fold_case_into(word, lower);
    words.push_back(word);
    hashes.push_back(std::hash<std::string>{}(lower));
    stop.push_back(is_stop_word(lower) || is_number(lower));
  }
  flush();
}

template <typename F>
void each_sentence(const Document& doc, F&& f) {
  for (const auto& section : doc.sections) {
    for (const auto& block : section.blocks) {
      for (const auto& sentence : block.sentences) f(sentence);
    }
  }
}

std::string_view norm_of(const ClaimSide& side) { return side.norm.empty() ? side.text : side.norm; }
std::string_view norm_of(const Sentence& s) { return s.norm.empty() ? s.text : s.norm; }

std::vector<WordingShift> appeared_vanished(const Document& old_doc, const Document& new_doc,
                                            const std::vector<ClaimChange>& claims) {
  PhraseMap counts;
  std::unordered_set<uint64_t> first_words;
  auto any = [](uint64_t) { return true; };
  auto candidate = [&](std::string_view text) {
    phrases(text, any, [&](uint64_t h, uint64_t first, std::string_view span, size_t content) {
      first_words.insert(first);
      auto [it, added] = counts.try_emplace(h);
      if (added) {
        it->second.text = span;
        it->second.content = content;
      }
    });
  };
  // A phrase on both sides of one claim is in both versions: only the
  // phrases one side of a claim has and the other has not can be news.
  struct Seen {
    uint64_t hash;
    uint64_t first;
    std::string_view span;
    size_t content;
    bool operator<(const Seen& o) const { return hash < o.hash; }
  };
  // Sorted vectors, reused from claim to claim: cheaper than hash sets for
  // the few hundred phrases of one claim.
  std::vector<Seen> old_side;
  std::vector<Seen> new_side;
  auto collect = [&](const std::vector<ClaimSide>& sides, std::vector<Seen>& into) {
    into.clear();
    for (const auto& side : sides) {
      phrases(norm_of(side), any, [&](uint64_t h, uint64_t first, std::string_view span, size_t content) {
        into.push_back({h, first, span, content});
      });
    }
    std::sort(into.begin(), into.end());
  };
  auto keep = [&](const std::vector<Seen>& from, const std::vector<Seen>& other) {
    auto o = other.begin();
    for (const auto& seen : from) {
      while (o != other.end() && o->hash < seen.hash) ++o;
      if (o != other.end() && o->hash == seen.hash) continue;
      first_words.insert(seen.first);
      auto [it, added] = counts.try_emplace(seen.hash);
      if (added) {
        it->second.text = seen.span;
        it->second.content = seen.content;
      }
    }
  };
  for (const auto& claim : claims) {
    if (claim.status == ChangeStatus::kUnchanged || claim.status == ChangeStatus::kEquivalent) continue;
    if (claim.old_sides.empty() || claim.new_sides.empty()) {
      for (const auto& side : claim.old_sides) candidate(norm_of(side));
      for (const auto& side : claim.new_sides) candidate(norm_of(side));
      continue;
    }
    collect(claim.old_sides, old_side);
    collect(claim.new_sides, new_side);
    keep(old_side, new_side);
    keep(new_side, old_side);
  }
  // The candidates each distinct sentence holds; a sentence in both
  // versions is read once.
  std::unordered_map<std::string_view, std::vector<PhraseCount*>> memo;
  auto starts = [&](uint64_t h) { return first_words.count(h) > 0; };
  auto count = [&](const Document& doc, bool is_old) {
    each_sentence(doc, [&](const Sentence& s) {
      auto [it, added] = memo.try_emplace(norm_of(s));
      if (added) {
        phrases(norm_of(s), starts, [&](uint64_t h, uint64_t, std::string_view, size_t) {
          if (auto c = counts.find(h); c != counts.end()) it->second.push_back(&c->second);
        });
      }
      for (auto* c : it->second) {
        int& n = is_old ? c->old_count : c->new_count;
        auto& example = is_old ? c->old_example : c->new_example;
        if (n++ == 0) example = &s.text;
      }
    });
  };
  count(old_doc, true);
  count(new_doc, false);
  std::vector<const PhraseCount*> changed;
  for (const auto& [h, c] : counts) {
    if ((c.old_count == 0) != (c.new_count == 0)) changed.push_back(&c);
  }
  std::sort(changed.begin(), changed.end(), [](const PhraseCount* a, const PhraseCount* b) {
    int da = std::abs(a->new_count - a->old_count);
    int db = std::abs(b->new_count - b->old_count);
    if (da != db) return da > db;
    if (a->content != b->content) return a->content > b->content;
    return a->text < b->text;
  });
  std::vector<WordingShift> out;
  for (const auto* c : changed) {
    WordingShift shift;
    if (c->old_count > 0) {
      shift.from = std::string(c->text);
    } else {
      shift.to = std::string(c->text);
    }
    shift.count = std::abs(c->new_count - c->old_count);
    shift.old_count = c->old_count;
    shift.new_count = c->new_count;
    shift.examples.push_back(c->old_count > 0 ? *c->old_example : *c->new_example);
    out.push_back(std::move(shift));
  }
  return out;
}

// True when `longer` contains `shorter` as whole words; both are folded and
// wrapped in spaces.
bool contains_phrase(const std::string& longer, const std::string& shorter) {
  return longer.size() > shorter.size() && longer.find(shorter) != std::string::npos;
}

}  // namespace

std::vector<WordingShift> wording_shifts(const Document& old_doc, const Document& new_doc,
                                         const std::vector<ClaimChange>& claims, int max_entries,
                                         std::vector<std::string>& warnings) {
  auto limit = static_cast<size_t>(std::max(0, max_entries));
  auto swaps = replacements(claims);
  auto phrase_shifts = appeared_vanished(old_doc, new_doc, claims);
  std::vector<WordingShift> out;
  for (size_t i = 0; i < swaps.size() && i < limit; ++i) out.push_back(std::move(swaps[i]));
  if (swaps.size() > limit) {
    warnings.push_back(fmt::format("wording: {} replacements found, the {} most frequent are listed", swaps.size(), limit));
  }
  // A phrase inside a longer listed phrase with the same counts adds nothing
  // ("assistance package" under "comprehensive assistance package").
  std::vector<const WordingShift*> kept;
  std::vector<std::string> kept_folded;
  size_t listed = 0;
  for (const auto& p : phrase_shifts) {
    auto folded = " " + fold_case(p.from ? *p.from : *p.to) + " ";
    bool subsumed = false;
    for (size_t k = 0; k < kept.size() && !subsumed; ++k) {
      subsumed = kept[k]->old_count == p.old_count && kept[k]->new_count == p.new_count &&
                 contains_phrase(kept_folded[k], folded);
    }
    if (subsumed) continue;
    if (listed == limit) {
      warnings.push_back(fmt::format("wording: more than {} phrases appeared or vanished, the {} that changed most "
                                     "are listed",
                                     limit, limit));
      break;
    }
    kept.push_back(&p);
    kept_folded.push_back(std::move(folded));
    ++listed;
  }
  for (const auto* p : kept) out.push_back(*p);
  return out;
}

}  // namespace strata::classify_detail

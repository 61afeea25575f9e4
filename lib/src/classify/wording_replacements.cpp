#include "classify/wording_replacements.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "text/addresses.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// A hunk longer than this on either side is a rewrite, not a replacement of
// one phrase by another (6 words cover every phrase swap in the bundled snapshots).
constexpr size_t kMaxReplacementWords = 6;
// Example claims kept per shift.
constexpr size_t kMaxExamples = 3;

struct Hunk {
  std::string removed;
  std::string inserted;
  // Where the hunk is in the old and the new text: [begin, end) of each.
  size_t old_begin = 0;
  size_t old_end = 0;
  size_t new_begin = 0;
  size_t new_end = 0;
};

// The hunks of `diff`, and the old and new texts it spells out.
std::vector<Hunk> hunks_of(const std::vector<WordOp>& diff, std::string& old_text, std::string& new_text) {
  std::vector<Hunk> out;
  bool open = false;
  for (const auto& op : diff) {
    if (op.op == WordOp::Op::kEqual) {
      if (has_word(op.text)) open = false;
      old_text += op.text;
      new_text += op.text;
      continue;
    }
    if (!open) {
      out.emplace_back();
      out.back().old_begin = out.back().old_end = old_text.size();
      out.back().new_begin = out.back().new_end = new_text.size();
    }
    open = true;
    Hunk& hunk = out.back();
    const bool removed = op.op == WordOp::Op::kDelete;
    auto& side = removed ? hunk.removed : hunk.inserted;
    side += ' ';
    side += op.text;
    (removed ? old_text : new_text) += op.text;
    (removed ? hunk.old_end : hunk.new_end) = (removed ? old_text : new_text).size();
  }
  return out;
}

// The range [begin, end) lies inside one of `addresses`.
bool inside(const AddressSpans& addresses, size_t begin, size_t end) {
  return std::any_of(addresses.begin(), addresses.end(),
                     [&](const auto& a) { return a.first <= begin && end <= a.second; });
}

// A hunk side as written, trimmed of spaces and of punctuation at either
// end, with runs of white space folded; empty when it has no word or more
// than kMaxReplacementWords. `key` gets its folded words, for counting.
std::string phrase_of(std::string_view text, std::string& key) {
  thread_local std::vector<Token> tokens;
  tokenize_into(text, tokens);
  key.clear();
  const auto words =
      static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.word; }));
  if (words == 0 || words > kMaxReplacementWords) return {};
  // Function words never stand alone ("for" -> "of", "these" -> "the"),
  // and numbers alone are the figures' to tell ("10" -> "12").
  const bool content = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
    if (!t.word) return false;
    const auto word = token_text(text, t);
    return !is_number(word) && !is_stop_word(fold_case(word));
  });
  if (!content) return {};
  for (const auto& token : tokens) {
    if (!token.word) continue;
    if (!key.empty()) key += ' ';
    fold_case_append(token_text(text, token), key);
  }
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

}  // namespace

std::vector<WordingShift> wording_replacements(const std::vector<ClaimChange>& claims) {
  std::map<std::pair<std::string, std::string>, Replacement> found;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.diff.empty() || claim.new_sides.empty()) continue;
    std::string old_text;
    std::string new_text;
    const std::vector<Hunk> hunks = hunks_of(claim.diff, old_text, new_text);
    const AddressSpans old_addresses = web_addresses(old_text);
    const AddressSpans new_addresses = web_addresses(new_text);
    for (const auto& hunk : hunks) {
      // A changed address is a changed link (the link-set diff), not wording.
      if (inside(old_addresses, hunk.old_begin, hunk.old_end) && inside(new_addresses, hunk.new_begin, hunk.new_end))
        continue;
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

}  // namespace strata::classify_detail

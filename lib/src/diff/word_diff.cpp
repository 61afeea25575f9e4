// The one place that includes dtl. dtl runs only on paired claims, whose
// token counts are capped (CompareOptions::max_diff_cells): on long sequences
// its search is bounded by a partial answer and it cannot be cancelled. A
// pair over the cap is still diffed when its edits are local (anchored_runs).
#include <dtl/dtl.hpp>

#include <algorithm>
#include <cstdint>

#include "normalize/normalize.hpp"
#include "strata/diff.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"
#include "text/words.hpp"

namespace strata {

namespace {

// A token with the original text it stands for, including the white space up
// to the next token, so that the pieces concatenate back to the original.
struct Piece {
  std::string_view norm;  // in Pieces::normalized
  std::string_view text;  // in the original
  bool word = false;
};

// A side's pieces, with the comparison form their `norm` views point into:
// built in place and never moved, since a short string's bytes move with it.
struct Pieces {
  explicit Pieces(std::string_view original) : normalized(normalize(original)) {
    const std::vector<classify_detail::Token> tokens = classify_detail::tokenize(normalized.text);
    const std::string_view text = normalized.text;
    list.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      const size_t from = i == 0 ? 0 : normalized.to_original[tokens[i].begin];
      const size_t to = i + 1 < tokens.size() ? normalized.to_original[tokens[i + 1].begin] : original.size();
      list.push_back(Piece{text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin),
                           original.substr(from, to - from), tokens[i].word});
    }
  }
  Pieces(const Pieces&) = delete;
  Pieces& operator=(const Pieces&) = delete;

  NormalizedText normalized;
  std::vector<Piece> list;
};

// The pieces of both sides as numbers, equal exactly when their comparison
// forms are equal: dtl then compares integers where it compared strings
// (on an unrelated pair, a quarter of the whole comparison's instructions).
// Numbered through a sort by hash, each run of one hash split by the bytes,
// so a collision can only cost a comparison, never join two tokens.
void number_pieces(const std::vector<Piece>& a, const std::vector<Piece>& b, std::vector<uint32_t>& na,
                   std::vector<uint32_t>& nb) {
  const size_t total = a.size() + b.size();
  auto piece = [&](size_t k) -> const Piece& { return k < a.size() ? a[k] : b[k - a.size()]; };
  std::vector<std::pair<uint64_t, uint32_t>> order(total);
  for (size_t k = 0; k < total; ++k) order[k] = {util::word_hash(piece(k).norm), static_cast<uint32_t>(k)};
  std::sort(order.begin(), order.end());
  na.assign(a.size(), 0);
  nb.assign(b.size(), 0);
  auto number = [&](size_t k) -> uint32_t& { return k < a.size() ? na[k] : nb[k - a.size()]; };
  std::vector<std::string_view> forms;  // the distinct forms of one hash: nearly always one
  uint32_t next = 0;
  for (size_t run = 0; run < total;) {
    forms.clear();
    const uint32_t first = next;
    size_t k = run;
    for (; k < total && order[k].first == order[run].first; ++k) {
      const std::string_view norm = piece(order[k].second).norm;
      const auto form = static_cast<uint32_t>(std::find(forms.begin(), forms.end(), norm) - forms.begin());
      if (form == forms.size()) forms.push_back(norm);
      number(order[k].second) = first + form;
    }
    next = first + static_cast<uint32_t>(forms.size());
    run = k;
  }
}

void push(std::vector<WordOp>& ops, WordOp::Op op, const std::string& text) {
  if (text.empty()) return;
  if (!ops.empty() && ops.back().op == op) {
    ops.back().text += text;
  } else {
    ops.push_back(WordOp{op, text});
  }
}

// An equal run between two edits that is too small to read as kept text: at
// most one token, or punctuation only ("the", ",", "of"). Merging it into the
// edit turns "[-a-]{+b+} the [-c-]{+d+}" into "[-a the c-]{+b the d+}".
constexpr size_t kMaxIslandTokens = 1;

// The ASCII white space a piece's text ends with.
std::string_view trailing_space(std::string_view text) {
  size_t k = text.size();
  while (k > 0 && ascii::space(text[k - 1])) --k;
  return text.substr(k);
}

// Bytes of white space that `a` and `b` both start with (or, with
// `from_end`, both end with), at most all of the shorter one.
size_t common_space(const std::string& a, const std::string& b, bool from_end) {
  size_t n = 0;
  while (n < a.size() && n < b.size()) {
    const char x = from_end ? a[a.size() - 1 - n] : a[n];
    const char y = from_end ? b[b.size() - 1 - n] : b[n];
    if (x != y || !ascii::space(x)) break;
    ++n;
  }
  return n;
}

struct Run {
  WordOp::Op op;
  std::vector<size_t> old_pieces;  // for kEqual and kDelete
  std::vector<size_t> new_pieces;  // for kEqual and kInsert
};

// Appends one piece to `runs` (old piece `i` unless inserted, new piece `j`
// unless deleted), in the run of its operation when that is the last one.
void add_piece(std::vector<Run>& runs, WordOp::Op op, size_t i, size_t j) {
  if (runs.empty() || runs.back().op != op) runs.push_back(Run{op, {}, {}});
  if (op != WordOp::Op::kInsert) runs.back().old_pieces.push_back(i);
  if (op != WordOp::Op::kDelete) runs.back().new_pieces.push_back(j);
}

// A stretch of one side: pieces [begin, end).
struct Range {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// dtl's shortest edit script of the stretch `a` of na against `b` of nb,
// appended to `runs`.
void dtl_runs(const std::vector<uint32_t>& na, const std::vector<uint32_t>& nb, Range a, Range b,
              std::vector<Run>& runs) {
  if (a.size() == 0 || b.size() == 0) {
    for (size_t i = a.begin; i < a.end; ++i) add_piece(runs, WordOp::Op::kDelete, i, 0);
    for (size_t j = b.begin; j < b.end; ++j) add_piece(runs, WordOp::Op::kInsert, 0, j);
    return;
  }
  const bool whole = a.begin == 0 && a.end == na.size() && b.begin == 0 && b.end == nb.size();
  std::vector<uint32_t> sa, sb;  // a stretch copied: dtl takes whole sequences
  if (!whole) {
    sa.assign(na.begin() + static_cast<std::ptrdiff_t>(a.begin), na.begin() + static_cast<std::ptrdiff_t>(a.end));
    sb.assign(nb.begin() + static_cast<std::ptrdiff_t>(b.begin), nb.begin() + static_cast<std::ptrdiff_t>(b.end));
  }
  dtl::Diff<uint32_t, std::vector<uint32_t>> d(whole ? na : sa, whole ? nb : sb);
  d.compose();
  for (const auto& [elem, info] : d.getSes().getSequence()) {
    const WordOp::Op op = info.type == dtl::SES_COMMON ? WordOp::Op::kEqual
                          : info.type == dtl::SES_ADD  ? WordOp::Op::kInsert
                                                       : WordOp::Op::kDelete;
    add_piece(runs, op, a.begin + static_cast<size_t>(info.beforeIdx - 1),
              b.begin + static_cast<size_t>(info.afterIdx - 1));
  }
}

// Cells (products of two stretches' token counts) that the stretches of one
// pair over the cap may take together, in caps: a table row of 600 words
// with three items inserted makes a few stretches of a few thousand cells;
// a pair that needs this much has no local edits.
constexpr size_t kAnchoredCaps = 16;

// The runs of a pair over the cap, when its edits are local: the common
// prefix and suffix are equal, and what lies between is cut at the tokens
// found exactly once on each side, in the same order on both (the longest
// such chain, as patience diff takes it); each stretch between two anchors
// is diffed alone. False when a stretch is itself over `max_cells`, or all
// of them together over kAnchoredCaps times it: the pair is then reported
// as rewritten.
bool anchored_runs(const std::vector<uint32_t>& na, const std::vector<uint32_t>& nb, size_t max_cells,
                   std::vector<Run>& runs) {
  size_t prefix = 0;
  while (prefix < na.size() && prefix < nb.size() && na[prefix] == nb[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < na.size() - prefix && suffix < nb.size() - prefix &&
         na[na.size() - 1 - suffix] == nb[nb.size() - 1 - suffix]) {
    ++suffix;
  }
  const Range a{prefix, na.size() - suffix};
  const Range b{prefix, nb.size() - suffix};
  // Anchors: tokens once in a and once in b, as (position in a, in b).
  uint32_t numbers = 0;
  for (size_t i = a.begin; i < a.end; ++i) numbers = std::max(numbers, na[i] + 1);
  for (size_t j = b.begin; j < b.end; ++j) numbers = std::max(numbers, nb[j] + 1);
  std::vector<uint32_t> in_a(numbers, 0), in_b(numbers, 0), at_b(numbers, 0);
  for (size_t i = a.begin; i < a.end; ++i) ++in_a[na[i]];
  for (size_t j = b.begin; j < b.end; ++j) {
    ++in_b[nb[j]];
    at_b[nb[j]] = static_cast<uint32_t>(j);
  }
  std::vector<std::pair<size_t, size_t>> unique;
  for (size_t i = a.begin; i < a.end; ++i) {
    if (in_a[na[i]] == 1 && in_b[na[i]] == 1) unique.emplace_back(i, at_b[na[i]]);
  }
  // The longest chain increasing in b too (patience sorting): tails[k] is
  // the anchor that ends the best chain of k + 1 found so far.
  std::vector<size_t> tails;
  std::vector<size_t> before(unique.size(), SIZE_MAX);
  for (size_t u = 0; u < unique.size(); ++u) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), unique[u].second,
                                     [&](size_t t, size_t j) { return unique[t].second < j; });
    if (at != tails.begin()) before[u] = *(at - 1);
    if (at == tails.end()) {
      tails.push_back(u);
    } else {
      *at = u;
    }
  }
  std::vector<std::pair<size_t, size_t>> chain;
  for (size_t u = tails.empty() ? SIZE_MAX : tails.back(); u != SIZE_MAX; u = before[u]) chain.push_back(unique[u]);
  std::reverse(chain.begin(), chain.end());
  chain.emplace_back(a.end, b.end);  // the end closes the last stretch

  size_t cells = 0;
  size_t i = a.begin;
  size_t j = b.begin;
  for (const auto& [ai, bj] : chain) {
    const size_t stretch = (ai - i) * (bj - j);
    cells += stretch;
    if (stretch > max_cells || cells > kAnchoredCaps * max_cells) return false;
    i = ai + 1;
    j = bj + 1;
  }
  for (size_t k = 0; k < prefix; ++k) add_piece(runs, WordOp::Op::kEqual, k, k);
  i = a.begin;
  j = b.begin;
  for (const auto& [ai, bj] : chain) {
    dtl_runs(na, nb, Range{i, ai}, Range{j, bj}, runs);
    if (ai < a.end) add_piece(runs, WordOp::Op::kEqual, ai, bj);
    i = ai + 1;
    j = bj + 1;
  }
  for (size_t k = 0; k < suffix; ++k) add_piece(runs, WordOp::Op::kEqual, a.end + k, b.end + k);
  return true;
}

}  // namespace

std::vector<WordOp> word_diff(std::string_view old_text, std::string_view new_text, size_t max_cells) {
  const Pieces old_pieces(old_text);
  const Pieces new_pieces(new_text);
  const std::vector<Piece>& a = old_pieces.list;
  const std::vector<Piece>& b = new_pieces.list;

  std::vector<uint32_t> na, nb;
  number_pieces(a, b, na, nb);
  // Runs of the same operation, with the pieces they cover.
  std::vector<Run> runs;
  if (a.empty() || b.empty() || a.size() * b.size() <= max_cells) {
    dtl_runs(na, nb, Range{0, a.size()}, Range{0, b.size()}, runs);
  } else if (!anchored_runs(na, nb, max_cells, runs)) {
    return {};
  }

  // Cleanup: small equal islands between edits join the edit.
  for (size_t i = 1; i + 1 < runs.size(); ++i) {
    if (runs[i].op != WordOp::Op::kEqual) continue;
    size_t words = 0;
    for (size_t k : runs[i].old_pieces) words += a[k].word ? 1 : 0;
    if (runs[i].old_pieces.size() <= kMaxIslandTokens || words == 0)
      runs[i].op = WordOp::Op::kDelete;  // marked; split below
  }

  // Emit: each maximal stretch of non-equal runs as all its deletions then
  // all its insertions, so that an edit reads as one replaced phrase. The
  // white space around a stretch is its own: the gap on each side runs from
  // the end of the last equal word to the start of the next, and the white
  // space both gaps begin or end with stays outside the markers. Otherwise
  // "member of NATO. Recognising ... the Alliance when" -> "member of NATO
  // when" printed "NATO [-. Recognising ... Alliance -]when", the new side's
  // space before the deletion and the old side's after it.
  std::vector<WordOp> ops;
  std::string old_ws, new_ws;  // white space after the last equal piece, on each side
  size_t i = 0;
  while (i < runs.size()) {
    if (runs[i].op == WordOp::Op::kEqual) {
      const bool edit_follows = i + 1 < runs.size();
      std::string text;
      for (size_t k : runs[i].new_pieces) text += b[k].text;
      old_ws.clear();
      new_ws.clear();
      if (edit_follows) {
        new_ws = trailing_space(b[runs[i].new_pieces.back()].text);
        old_ws = trailing_space(a[runs[i].old_pieces.back()].text);
        text.resize(text.size() - new_ws.size());
      }
      push(ops, WordOp::Op::kEqual, text);
      ++i;
      continue;
    }
    std::string deleted = old_ws, inserted = new_ws;
    while (i < runs.size() && runs[i].op != WordOp::Op::kEqual) {
      for (size_t k : runs[i].old_pieces) deleted += a[k].text;
      for (size_t k : runs[i].new_pieces) inserted += b[k].text;
      ++i;
    }
    const size_t head = common_space(deleted, inserted, false);
    push(ops, WordOp::Op::kEqual, inserted.substr(0, head));
    deleted.erase(0, head);
    inserted.erase(0, head);
    const size_t tail = common_space(deleted, inserted, true);
    const std::string after = inserted.substr(inserted.size() - tail);
    deleted.resize(deleted.size() - tail);
    inserted.resize(inserted.size() - tail);
    push(ops, WordOp::Op::kDelete, deleted);
    push(ops, WordOp::Op::kInsert, inserted);
    push(ops, WordOp::Op::kEqual, after);
  }
  return ops;
}

}  // namespace strata

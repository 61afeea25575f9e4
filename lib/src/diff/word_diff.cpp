// The one place that includes dtl. dtl runs only on paired claims, whose
// token counts are capped (CompareOptions::max_diff_cells): on long sequences
// its search is bounded by a partial answer and it cannot be cancelled.
#include <dtl/dtl.hpp>

#include "normalize/normalize.hpp"
#include "strata/diff.hpp"
#include "text/ascii.hpp"
#include "text/words.hpp"

namespace strata {

namespace {

// A token with the original text it stands for, including the white space up
// to the next token, so that the pieces concatenate back to the original.
struct Piece {
  std::string norm;
  std::string text;
  bool word = false;
};

std::vector<Piece> pieces(std::string_view original) {
  const NormalizedText n = normalize(original);
  const std::vector<classify_detail::Token> tokens = classify_detail::tokenize(n.text);
  std::vector<Piece> out;
  out.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t from = i == 0 ? 0 : n.to_original[tokens[i].begin];
    const size_t to = i + 1 < tokens.size() ? n.to_original[tokens[i + 1].begin] : original.size();
    const std::string_view norm = std::string_view(n.text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    out.push_back(Piece{std::string(norm), std::string(original.substr(from, to - from)), tokens[i].word});
  }
  return out;
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
std::string trailing_space(const std::string& text) {
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

}  // namespace

std::vector<WordOp> word_diff(std::string_view old_text, std::string_view new_text, size_t max_cells) {
  const std::vector<Piece> a = pieces(old_text);
  const std::vector<Piece> b = pieces(new_text);
  if (!a.empty() && !b.empty() && a.size() * b.size() > max_cells) return {};

  std::vector<std::string> sa, sb;
  sa.reserve(a.size());
  sb.reserve(b.size());
  for (const Piece& p : a) sa.push_back(p.norm);
  for (const Piece& p : b) sb.push_back(p.norm);
  dtl::Diff<std::string, std::vector<std::string>> d(sa, sb);
  d.compose();

  // Runs of the same operation, with the pieces they cover.
  std::vector<Run> runs;
  for (const auto& [elem, info] : d.getSes().getSequence()) {
    const WordOp::Op op = info.type == dtl::SES_COMMON ? WordOp::Op::kEqual
                          : info.type == dtl::SES_ADD  ? WordOp::Op::kInsert
                                                       : WordOp::Op::kDelete;
    if (runs.empty() || runs.back().op != op) runs.push_back(Run{op, {}, {}});
    if (op != WordOp::Op::kInsert) runs.back().old_pieces.push_back(static_cast<size_t>(info.beforeIdx - 1));
    if (op != WordOp::Op::kDelete) runs.back().new_pieces.push_back(static_cast<size_t>(info.afterIdx - 1));
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

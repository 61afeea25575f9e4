#include "history/term_counts.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include "normalize/normalize.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"

namespace strata::store {

namespace {

// What a memo entry costs beyond its texts and counts: the map node, the
// shared pointer's control block, the strings' and vector's headers.
constexpr size_t kEntryOverhead = 200;

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The white space normalize() folds to one space, among ASCII bytes.
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// count_occurrences() over the occurrences that start at `from` to `to`
// (inclusive); the bytes of `hay` around them decide the word boundaries.
int count_starting(std::string_view hay, std::string_view needle, size_t from, size_t to) {
  if (needle.empty()) return 0;
  int n = 0;
  for (size_t at = hay.find(needle, from); at != std::string_view::npos && at <= to; at = hay.find(needle, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(hay[at - 1]) || !is_word_byte(needle.front());
    const size_t end = at + needle.size();
    const bool ends = end == hay.size() || !is_word_byte(hay[end]) || !is_word_byte(needle.back());
    n += starts && ends ? 1 : 0;
  }
  return n;
}

}  // namespace

int count_occurrences(std::string_view hay, std::string_view needle) {
  return count_starting(hay, needle, 0, std::string_view::npos);
}

std::vector<std::string_view> paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  // `pos` only moves forward past whole runs, so each byte is looked at
  // about once: the text between two runs holds no line feed.
  for (size_t pos = text.find('\n'); pos != std::string_view::npos; pos = text.find('\n', pos)) {
    size_t begin = pos;
    while (begin > start && ascii_space(text[begin - 1])) --begin;
    size_t end = pos + 1;
    int feeds = 1;
    for (; end < text.size() && ascii_space(text[end]); ++end) feeds += text[end] == '\n' ? 1 : 0;
    if (feeds >= 2 && (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80)) {
      if (begin > start) out.push_back(text.substr(start, begin - start));
      start = end;
    }
    pos = end;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

TermCounter::TermCounter(std::vector<std::string> terms, size_t max_bytes)
    : terms_(std::move(terms)), memo_(max_bytes) {
  // Only a term with a space can run across the space between two
  // paragraphs; without one, no edges are kept.
  for (size_t t = 0; t < terms_.size(); ++t) {
    if (terms_[t].find(' ') == std::string::npos) continue;
    spaced_.push_back(t);
    edge_ = std::max(edge_, terms_[t].size());
  }
}

TermCounter::Piece TermCounter::read(std::string_view paragraph) const {
  Piece piece;
  const std::string form = ascii::lower(normalize_text(paragraph));
  piece.size = form.size();
  piece.counts.reserve(terms_.size());
  for (const std::string& term : terms_) piece.counts.push_back(count_occurrences(form, term));
  const size_t edge = std::min(edge_, form.size());
  piece.head = form.substr(0, edge);
  piece.tail = form.substr(form.size() - edge);
  return piece;
}

void TermCounter::count_across(std::string_view window, size_t space, std::vector<int>& counts) const {
  for (const size_t t : spaced_) {
    const std::string& term = terms_[t];
    // Starts from which the term covers the space. When the tail is cut
    // (edge_ bytes) the first is at least 1, so the byte before the
    // occurrence is there to decide the word boundary; what follows the
    // space holds at least edge_ bytes or the end of the text, so the byte
    // after is too.
    const size_t from = space + 1 >= term.size() ? space + 1 - term.size() : 0;
    counts[t] += count_starting(window, term, from, space);
  }
}

std::vector<int> TermCounter::count(const std::vector<std::string_view>& paragraphs) {
  std::vector<std::shared_ptr<const Piece>> kept;
  kept.reserve(paragraphs.size());
  for (const std::string_view paragraph : paragraphs) {
    const uint64_t hash = util::word_hash(paragraph);
    auto piece = memo_.find(hash, paragraph);
    if (!piece) {
      auto made = std::make_shared<const Piece>(read(paragraph));
      const size_t bytes =
          paragraph.size() + made->head.size() + made->tail.size() + made->counts.size() * sizeof(int) + kEntryOverhead;
      piece = memo_.keep(hash, std::string(paragraph), std::move(made), bytes);
    }
    kept.push_back(std::move(piece));
  }
  std::vector<const Piece*> pieces(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) pieces[k] = kept[k].get();
  return count(pieces);
}

std::vector<int> TermCounter::count(const std::vector<const Piece*>& all) const {
  std::vector<int> out(terms_.size(), 0);
  std::vector<const Piece*> pieces;  // those with text: no space joins the others
  pieces.reserve(all.size());
  for (const Piece* piece : all) {
    if (piece->size == 0) continue;
    for (size_t t = 0; t < out.size(); ++t) out[t] += piece->counts[t];
    pieces.push_back(piece);
  }
  if (edge_ == 0) return out;
  std::string window;
  for (size_t j = 0; j + 1 < pieces.size(); ++j) {
    // Piece j's tail, the space, and what follows it, edge_ bytes of it: a
    // piece shorter than that is whole in its head, and the next ones join it.
    window = pieces[j]->tail;
    const size_t space = window.size();
    window += ' ';
    window += pieces[j + 1]->head;
    for (size_t k = j + 2; window.size() - space - 1 < edge_ && k < pieces.size(); ++k) {
      window += ' ';
      window += pieces[k]->head;
    }
    count_across(window, space, out);
  }
  return out;
}

namespace {

// Bytes of a chunk of ParagraphLog's texts (a longer paragraph has its own).
constexpr size_t kParagraphChunkBytes = size_t{1} << 20;

}  // namespace

size_t ParagraphLog::slot_of(uint64_t hash) const {
  size_t slot = static_cast<size_t>(hash) & (slots_.size() - 1);
  while (slots_[slot] != 0 && hashes_[slots_[slot] - 1] != hash) slot = (slot + 1) & (slots_.size() - 1);
  return slot;
}

void ParagraphLog::index_all(size_t slots) {
  size_t size = 1024;
  while (size < slots) size *= 2;
  slots_.assign(size, 0);
  for (size_t id = 0; id < texts_.size(); ++id) slots_[slot_of(hashes_[id])] = static_cast<uint32_t>(id + 1);
}

void ParagraphLog::add(std::string_view text, uint64_t hash) {
  if (text.size() > chunk_left_) {
    const size_t size = std::max(kParagraphChunkBytes, text.size());
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_free_ = chunks_.back().get();
    chunk_left_ = size;
  }
  if (!text.empty()) std::memcpy(chunk_free_, text.data(), text.size());
  texts_.emplace_back(chunk_free_, text.size());
  hashes_.push_back(hash);
  chunk_free_ += text.size();
  chunk_left_ -= text.size();
}

void ParagraphLog::record(const std::string& name, std::string_view text) {
  {
    std::lock_guard lock(mutex_);
    if (versions_.contains(name)) return;
  }
  const std::vector<std::string_view> found = paragraphs(text);
  std::vector<uint64_t> hashes(found.size());
  for (size_t k = 0; k < found.size(); ++k) hashes[k] = util::word_hash(found[k]);
  std::lock_guard lock(mutex_);
  if (versions_.contains(name)) return;
  std::vector<uint32_t> ids(found.size());
  size_t bytes = bytes_ + ids.size() * sizeof(uint32_t) + name.size();
  const size_t known = texts_.size();
  const size_t known_chunks = chunks_.size();
  char* const known_free = chunk_free_;
  const size_t known_left = chunk_left_;
  for (size_t k = 0; k < found.size(); ++k) {
    if ((texts_.size() + 1) * 2 > slots_.size()) index_all(slots_.size() * 2);
    const size_t slot = slot_of(hashes[k]);
    if (slots_[slot] == 0) {
      add(found[k], hashes[k]);
      slots_[slot] = static_cast<uint32_t>(texts_.size());
      bytes += found[k].size();
    } else if (texts_[slots_[slot] - 1] != found[k]) {
      bytes = SIZE_MAX;  // a shared hash: this version stays unrecorded
      break;
    }
    ids[k] = slots_[slot] - 1;
    if (bytes > max_bytes_) break;
  }
  if (bytes > max_bytes_) {
    // What this version added goes: the log holds only whole versions.
    texts_.resize(known);
    hashes_.resize(known);
    chunks_.resize(known_chunks);
    chunk_free_ = known_free;
    chunk_left_ = known_left;
    index_all(slots_.size());
    return;
  }
  bytes_ = bytes;
  versions_.emplace(name, std::move(ids));
}

const std::vector<uint32_t>* ParagraphLog::find(const std::string& name) {
  std::lock_guard lock(mutex_);
  const auto it = versions_.find(name);
  return it == versions_.end() ? nullptr : &it->second;
}

std::string_view ParagraphLog::text(uint32_t id) {
  std::lock_guard lock(mutex_);
  return texts_[id];
}

size_t ParagraphLog::distinct() {
  std::lock_guard lock(mutex_);
  return texts_.size();
}

}  // namespace strata::store

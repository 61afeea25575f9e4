// Counting `timeline`'s terms in every version of a history, in proportion
// to what changed between versions.
//
// A term's count in a version is the number of its occurrences, at word
// boundaries, in the version's comparison form lowercased. Most of a
// version is the paragraphs of the version before, so the text is cut into
// paragraphs whose comparison forms, joined by one space, are exactly the
// whole text's; each distinct paragraph is normalized and counted once per
// history, and only the occurrences that cross the spaces between
// paragraphs are counted anew for each version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sys/generations.hpp"

namespace strata::store {

// Occurrences of `needle` in `hay` (both lowercase comparison form) that
// start and end at word boundaries; overlapping ones count each. 0 for an
// empty needle.
int count_occurrences(std::string_view hay, std::string_view needle);

// The paragraphs of `text` (UTF-8) whose comparison forms, non-empty ones
// joined by one space, are the comparison form of `text`: it is cut at runs
// of ASCII white space holding at least two line feeds (blank lines), when
// the byte after the run is ASCII (so no combining mark follows the run).
// The views are into `text`, in order, without the runs between them.
std::vector<std::string_view> paragraphs(std::string_view text);

// What the memo of a TermCounter keeps at most, in bytes: the distinct
// paragraphs' bytes (each kept whole, as its key) and their counts. A QUIC
// draft's version is about 300 KB in about 1,850 paragraphs, and a version
// shares most of them with the ones before: 16 MiB holds every paragraph of
// the last twenty-odd versions, and its older half is dropped when full
// (util::Generations), so a history read in order finds nearly every
// unchanged paragraph.
inline constexpr size_t kTermMemoBytes = size_t{16} << 20;

// Counts a fixed list of terms in texts, sharing the paragraphs' counts
// between the texts it is given. Thread-safe.
class TermCounter {
 public:
  // `terms`: in lowercase comparison form (what timeline counts); empty
  // terms count 0. `max_bytes`: the memo's bound (kTermMemoBytes).
  explicit TermCounter(std::vector<std::string> terms, size_t max_bytes = kTermMemoBytes);

  // One distinct paragraph's comparison form, lowercased: its terms' counts
  // and, for the occurrences across its edges, its first and last bytes (as
  // many as the longest term with a space; both the whole text when it is
  // that short).
  struct Piece {
    std::vector<int> counts;
    std::string head;
    std::string tail;
    size_t size = 0;  // bytes of the comparison form; 0: the paragraph vanishes
  };

  // counts[t]: count_occurrences(ascii::lower(normalize_text(text)), terms[t]).
  std::vector<int> count(std::string_view text) { return count(paragraphs(text)); }
  // The same, for a text given as its paragraphs().
  std::vector<int> count(const std::vector<std::string_view>& paragraphs);
  // The same, for a text given as the read() of each of its paragraphs, in
  // order (no memo: for a caller that keeps the distinct ones itself).
  std::vector<int> count(const std::vector<const Piece*>& pieces) const;
  Piece read(std::string_view paragraph) const;

  // Paragraphs in the memo.
  size_t kept() { return memo_.size(); }

 private:
  // Occurrences of each term that start in a piece's tail and run past the
  // space after it, over `window`: that tail, the space (at `space`), and
  // what follows it, at least edge_ bytes of it unless the text ends first.
  void count_across(std::string_view window, size_t space, std::vector<int>& counts) const;

  std::vector<std::string> terms_;
  std::vector<size_t> spaced_;  // the terms with a space: only they can cross one
  size_t edge_ = 0;             // the longest of those, in bytes
  // The key is the paragraph's own bytes, so a hash two share is a miss.
  util::Generations<std::string, Piece> memo_;
};

// What ParagraphLog keeps at most, in bytes: the distinct paragraphs' bytes
// and four bytes per paragraph of each version. The QUIC draft's 1,183
// versions (306 MB) hold 8,160 distinct paragraphs (2.3 MB) in 1.4 million
// places (5.6 MB), Facebook's privacy policy's 490 versions 4,656 (7.1 MB)
// in 0.3 million; past the bound the versions left are read again from the
// store, as without a log.
inline constexpr size_t kParagraphLogBytes = size_t{48} << 20;

// The paragraphs of the versions a pass reads, each distinct one kept once,
// so that counting terms after the pass reads no version again from the
// store (inflating a version costs about as much as counting it did).
// Thread-safe.
class ParagraphLog {
 public:
  explicit ParagraphLog(size_t max_bytes = kParagraphLogBytes) : max_bytes_(max_bytes) {}

  // Keeps the paragraphs() of `text`, the decoded text of the version named
  // `name` (entry_name()). Not kept past the bound, nor when two distinct
  // paragraphs share a hash.
  void record(const std::string& name, std::string_view text);
  // The paragraphs of the version named `name` in order, as numbers of
  // distinct paragraphs (text()); null when it was not recorded. Valid while
  // the log lives.
  const std::vector<uint32_t>* find(const std::string& name);
  // Distinct paragraph `id` (below distinct()); valid while the log lives.
  std::string_view text(uint32_t id);
  size_t distinct();

 private:
  // Keeps `text` (hashing to `hash`) as the next distinct paragraph.
  void add(std::string_view text, uint64_t hash);
  // Where the distinct paragraph hashing to `hash` is, or would go, in slots_.
  size_t slot_of(uint64_t hash) const;
  // slots_ made again for the paragraphs kept, at least twice as many.
  void index_all(size_t slots);

  std::mutex mutex_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  // Distinct paragraphs in the order first kept, their bytes in chunks that
  // never move, and their word_hash. In a std::deque of strings a version's
  // paragraphs lay scattered over the heap, and comparing them was most of
  // recording a version.
  std::vector<std::string_view> texts_;
  std::vector<uint64_t> hashes_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_free_ = nullptr;  // the free bytes at the end of the last chunk
  size_t chunk_left_ = 0;
  std::vector<uint32_t> slots_;  // by hash, open addressing: index into texts_ + 1; 0 empty
  std::unordered_map<std::string, std::vector<uint32_t>> versions_;
};

}  // namespace strata::store

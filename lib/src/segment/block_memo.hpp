// The sentences of block texts kept between the documents of one history:
// a paragraph an earlier version had is not normalized and split again.
// Internal.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/document.hpp"
#include "sys/generations.hpp"
#include "text/same_text.hpp"

namespace strata::outline {

class BlockMemo {
 public:
  // A block's sentences, text and comparison form; their line is the block's.
  using Sentences = std::vector<Sentence>;

  explicit BlockMemo(size_t max_bytes) : kept_(max_bytes) {}

  // Whether a document of `input_bytes` gains from the memo: its blocks'
  // sentences fit in one generation, so that the next document still finds
  // them. A larger one pushes its own first blocks out before another
  // document asks for them, and the lookups and copies then cost more than
  // they save: a 10 MB pair 22% more CPU, a million changed lines three
  // times the CPU (docs/benchmarks.md).
  bool fits(size_t input_bytes) const { return input_bytes * kKeptPerInputByte <= kept_.max_bytes() / 2; }

  // Blocks kept.
  size_t size() { return kept_.size(); }
  // The sentences of block `text`, split into sentences when `split` (a
  // paragraph) or one sentence; `read` makes them when no document before
  // had that block.
  template <class Read>
  std::shared_ptr<const Sentences> get(const SharedText& text, bool split, Read read) {
    const uint64_t hash = hash_of(text, split);
    if (auto kept = kept_.find(hash, std::pair{text.view(), split})) return kept;
    Sentences sentences = read();
    // The block's text and its sentences' two texts, and about 96 bytes a
    // sentence and 64 for the rest.
    size_t bytes = text.size() + 64;
    for (const Sentence& s : sentences) bytes += s.text.size() + s.norm.size() + 96;
    return kept_.keep(hash, Key{text, split}, std::make_shared<const Sentences>(std::move(sentences)), bytes);
  }

  // out[k]: the sentences kept for block blocks[k] (its text, and whether
  // split), or null; the lookups overlapped (util::Generations::find_many).
  // A document's blocks looked up one by one waited on a few cache misses
  // each.
  void find_many(const std::vector<std::pair<const SharedText*, bool>>& blocks,
                 std::vector<std::shared_ptr<const Sentences>>& out) {
    std::vector<uint64_t> hashes(blocks.size());
    std::vector<std::pair<std::string_view, bool>> probes(blocks.size());
    for (size_t k = 0; k < blocks.size(); ++k) {
      hashes[k] = hash_of(*blocks[k].first, blocks[k].second);
      probes[k] = {*blocks[k].first, blocks[k].second};
    }
    out.assign(blocks.size(), nullptr);
    kept_.find_many(hashes.data(), probes.data(), probes.size(), out.data());
  }

 private:
  // What get() counts for a block against the bound, per byte of its text:
  // the key's copy, the sentences' text and comparison form, and about 96
  // bytes a sentence of 100 (prose).
  static constexpr size_t kKeptPerInputByte = 4;

  // The text's own hash: the Markdown reader's blocks of the parts a
  // version shares with the one before are the same texts, hashed once.
  static uint64_t hash_of(const SharedText& text, bool split) { return text.hash() ^ static_cast<uint64_t>(split); }

  // The block's text, shared with the reader's block: the Markdown reader
  // hands later versions the blocks of the parts they have in common, so
  // most lookups compare addresses (util::same_text).
  struct Key {
    SharedText text;
    bool split = false;
    bool operator==(const std::pair<std::string_view, bool>& probe) const {
      return split == probe.second && util::same_text(text, probe.first);
    }
    const char* data() const { return text.data(); }
  };
  util::Generations<Key, Sentences> kept_;
};

}  // namespace strata::outline

// The store behind strata::ReadCache: the blocks read from each Markdown
// part, keyed by the part's bytes. Internal to ingest.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/ingest.hpp"
#include "strata/ingest.hpp"

namespace strata {

struct ReadCache::Parts {
  using Blocks = std::shared_ptr<const std::vector<RawBlock>>;

  explicit Parts(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The blocks read from a part whose source bytes are `original` and whose
  // bytes after markdown_syntax::strip_preamble are `body` (what the
  // preamble blanked says what the part's context did to it), lines counted
  // from 1 at the part's start; null when not kept.
  Blocks find(std::string_view original, std::string_view body);
  Blocks keep(std::string_view original, std::string_view body, std::vector<RawBlock> blocks);
  // Parts kept.
  size_t size();

 private:
  // Keyed by the hash of `original`, computed before the lock is taken; an
  // entry holds both texts, so that a hash shared by two parts is a miss.
  struct Entry {
    std::string original;
    std::string body;
    Blocks blocks;
    size_t bytes = 0;
  };
  using Generation = std::unordered_map<uint64_t, Entry>;

  std::mutex mutex_;
  size_t max_bytes_;
  // Two generations: entries found in the older move to the newer, and when
  // the newer holds half of max_bytes_ it becomes the older, the older
  // dropped. A history read in order keeps its recent parts.
  Generation newer_;
  Generation older_;
  size_t newer_bytes_ = 0;
};

}  // namespace strata

// The store behind strata::ReadCache: the blocks read from each Markdown
// part, keyed by the part's bytes. Internal to ingest.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/ingest.hpp"
#include "strata/ingest.hpp"
#include "sys/generations.hpp"

namespace strata {

struct ReadCache::Parts {
  using Blocks = std::shared_ptr<const std::vector<RawBlock>>;

  explicit Parts(size_t max_bytes) : kept_(max_bytes) {}

  // For each of `parts`, into `out`: the blocks read from a part whose
  // source bytes are `first` and whose bytes after
  // markdown_syntax::strip_preamble are `second` (what the preamble blanked
  // says what the part's context did to it), lines counted from 1 at the
  // part's start; null when not kept. One lock for a version's parts, their
  // cache misses overlapped (Generations::find_many).
  void find_many(const std::vector<std::pair<std::string_view, std::string_view>>& parts, std::vector<Blocks>& out);
  Blocks keep(std::string_view original, std::string_view body, std::vector<RawBlock> blocks);
  // Parts kept.
  size_t size();

 private:
  // An entry holds both texts, so that a hash two parts share is a miss.
  struct Texts {
    std::string original;
    std::string body;
    bool operator==(const std::pair<std::string_view, std::string_view>& probe) const {
      return original == probe.first && body == probe.second;
    }
    const char* data() const { return original.data(); }  // what find_many fetches ahead
  };
  util::Generations<Texts, std::vector<RawBlock>> kept_;
};

}  // namespace strata

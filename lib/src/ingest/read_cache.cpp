#include "ingest/read_cache.hpp"

#include "text/hash.hpp"

namespace strata {

ReadCache::ReadCache(size_t max_bytes) : parts_(std::make_unique<Parts>(max_bytes)) {}
ReadCache::~ReadCache() = default;

void ReadCache::Parts::find_many(const std::vector<std::pair<std::string_view, std::string_view>>& parts,
                                 std::vector<Blocks>& out) {
  std::vector<uint64_t> hashes;
  hashes.reserve(parts.size());
  for (const auto& part : parts) hashes.push_back(util::word_hash(part.first));
  out.assign(parts.size(), nullptr);
  kept_.find_many(hashes.data(), parts.data(), parts.size(), out.data());
}

ReadCache::Parts::Blocks ReadCache::Parts::keep(std::string_view original, std::string_view body,
                                                std::vector<RawBlock> blocks) {
  // A part's entry costs its two texts and its blocks' texts, and about
  // 128 bytes a block for the rest.
  size_t bytes = original.size() + body.size();
  for (const RawBlock& b : blocks) bytes += b.text.size() + b.anchor.size() + 128;
  return kept_.keep(util::word_hash(original), Texts{std::string(original), std::string(body)},
                    std::make_shared<const std::vector<RawBlock>>(std::move(blocks)), bytes);
}

size_t ReadCache::Parts::size() { return kept_.size(); }

}  // namespace strata

#include "ingest/read_cache.hpp"

#include "text/hash.hpp"

namespace strata {

ReadCache::ReadCache(size_t max_bytes) : parts_(std::make_unique<Parts>(max_bytes)) {}
ReadCache::~ReadCache() = default;

ReadCache::Parts::Blocks ReadCache::Parts::find(std::string_view original, std::string_view body) {
  const uint64_t key = util::word_hash(original);
  const auto same = [&](const Entry& e) { return e.original == original && e.body == body; };
  std::lock_guard lock(mutex_);
  if (auto it = newer_.find(key); it != newer_.end()) return same(it->second) ? it->second.blocks : nullptr;
  auto it = older_.find(key);
  if (it == older_.end() || !same(it->second)) return nullptr;
  Blocks blocks = it->second.blocks;
  newer_bytes_ += it->second.bytes;
  newer_.insert(older_.extract(it));
  return blocks;
}

ReadCache::Parts::Blocks ReadCache::Parts::keep(std::string_view original, std::string_view body,
                                                std::vector<RawBlock> blocks) {
  // A part's entry costs its two texts and its blocks' texts, and about
  // 128 bytes a block for the rest.
  size_t bytes = original.size() + body.size();
  for (const RawBlock& b : blocks) bytes += b.text.size() + b.anchor.size() + 128;
  Blocks kept = std::make_shared<const std::vector<RawBlock>>(std::move(blocks));
  if (bytes > max_bytes_ / 2) return kept;  // larger than a generation: not kept
  const uint64_t key = util::word_hash(original);
  Entry entry{std::string(original), std::string(body), kept, bytes};
  std::lock_guard lock(mutex_);
  if (newer_bytes_ + bytes > max_bytes_ / 2) {
    older_ = std::move(newer_);
    newer_ = Generation();
    newer_bytes_ = 0;
  }
  if (newer_.try_emplace(key, std::move(entry)).second) newer_bytes_ += bytes;
  return kept;
}

size_t ReadCache::Parts::size() {
  std::lock_guard lock(mutex_);
  return newer_.size() + older_.size();
}

}  // namespace strata

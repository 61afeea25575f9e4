#include "programmes/sentence_cache.hpp"

namespace strata {

SentenceCache::SentenceCache(size_t max_bytes) : memos_(std::make_unique<Memos>(max_bytes)) {}
SentenceCache::~SentenceCache() = default;

namespace classify_detail {

uint32_t NamesMemo::config_slot(const ConfigForms& forms, const std::vector<uint64_t>& heads) {
  // Written out whole, with separators no word holds: two configurations
  // share a slot only when they read every sentence the same.
  std::string written;
  for (const auto& [first, list] : forms) {
    for (const ConfigForm& form : list) {
      for (const std::string& word : form.words) written.append(word).push_back('\x1f');
      written.append("\x1e").append(form.name).push_back('\x1d');
    }
  }
  written.push_back('\x1c');
  for (uint64_t head : heads) written.append(reinterpret_cast<const char*>(&head), sizeof head);
  std::lock_guard lock(configs_mutex_);
  for (size_t slot = 0; slot < configs_.size(); ++slot) {
    if (configs_[slot] == written) return static_cast<uint32_t>(slot);
  }
  configs_.push_back(std::move(written));
  return static_cast<uint32_t>(configs_.size() - 1);
}

void NamesMemo::find_many(const uint64_t* hashes, uint32_t slot, const std::string_view* texts, size_t n,
                          std::shared_ptr<const SentenceNames>* out) {
  std::vector<uint64_t> mixed(n);
  std::vector<std::pair<uint32_t, std::string_view>> probes(n);
  for (size_t k = 0; k < n; ++k) {
    mixed[k] = mix(hashes[k], slot);
    probes[k] = {slot, texts[k]};
  }
  kept_.find_many(mixed.data(), probes.data(), n, out);
}

std::shared_ptr<const SentenceNames> NamesMemo::keep(uint64_t hash, uint32_t slot, const SharedText& text,
                                                     SentenceNames names) {
  // The sentence, and about 200 bytes a name or definition and 64 for the rest.
  const size_t bytes = text.size() + 200 * (names.items.size() + names.definitions.size()) + 64;
  return kept_.keep(mix(hash, slot), Key{slot, text}, std::make_shared<const SentenceNames>(std::move(names)), bytes);
}

}  // namespace classify_detail
}  // namespace strata

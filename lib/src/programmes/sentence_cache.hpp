// The memos behind strata::SentenceCache: the sentences of blocks and
// their readings (segment's BlockMemo and ReadingMemo) and what each
// sentence says about names, per reader configuration. Internal.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "programmes/sentence_names.hpp"
#include "segment/block_memo.hpp"
#include "segment/sentence_index.hpp"
#include "strata/programmes.hpp"
#include "sys/generations.hpp"
#include "text/same_text.hpp"

namespace strata {

namespace classify_detail {

// SentenceNames of sentences, by sentence and by the configured forms and
// head words the reader was given (a history's queries read with the
// user's file, and its acronym pass with none).
class NamesMemo {
 public:
  explicit NamesMemo(size_t max_bytes) : kept_(max_bytes) {}
  // A number for the reader configuration `forms` and `heads`, the same for
  // the same configuration.
  uint32_t config_slot(const ConfigForms& forms, const std::vector<uint64_t>& heads);
  // out[k]: what sentence texts[k] (word_hash hashes[k]) says, read with
  // configuration `slot`, for every k below `n`; null when not kept. The
  // lookups overlap (util::Generations::find_many).
  void find_many(const uint64_t* hashes, uint32_t slot, const std::string_view* texts, size_t n,
                 std::shared_ptr<const SentenceNames>* out);
  // Keeps what sentence `text` says, with a share of the text as its key.
  std::shared_ptr<const SentenceNames> keep(uint64_t hash, uint32_t slot, const SharedText& text, SentenceNames names);

 private:
  struct Key {
    uint32_t slot = 0;
    SharedText text;
    bool operator==(const std::pair<uint32_t, std::string_view>& probe) const {
      return slot == probe.first && util::same_text(text, probe.second);
    }
    const char* data() const { return text.data(); }
  };
  static uint64_t mix(uint64_t hash, uint32_t slot) { return hash ^ (uint64_t{slot} * 0x9e3779b97f4a7c15ULL); }

  std::mutex configs_mutex_;
  std::vector<std::string> configs_;  // by slot: the configuration written out
  util::Generations<Key, SentenceNames> kept_;
};

}  // namespace classify_detail

struct SentenceCache::Memos {
  explicit Memos(size_t max_bytes) : blocks(max_bytes / 3), readings(max_bytes / 3), names(max_bytes / 3) {}
  outline::BlockMemo blocks;
  classify_detail::ReadingMemo readings;
  classify_detail::NamesMemo names;
};

// The memo of readings of `cache`, or null.
inline classify_detail::ReadingMemo* reading_memo(SentenceCache* cache) {
  return cache != nullptr ? &cache->memos().readings : nullptr;
}

}  // namespace strata

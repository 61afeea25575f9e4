#include "strata/load.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <utility>
#include <vector>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "pipeline/load_owned.hpp"
#include "programmes/sentence_cache.hpp"
#include "segment/segment.hpp"
#include "sys/parallel.hpp"
#include "text/same_text.hpp"

namespace strata {

namespace {

// Blocks read by one job of a pair's reading (parse_owned_pair): enough to
// make the handing out of jobs negligible, few enough to balance the two
// threads.
constexpr size_t kBlocksPerJob = 256;

// A version ingested and its structure decided: all of parse() but the
// reading of its blocks' sentences.
struct LaidOut {
  std::optional<Segmentation> segmentation;
  std::optional<std::string> date;  // from the boilerplate rules
  std::vector<Removal> removals;
};

// Ingest -> normalize -> the structure. `owned`, when not null, holds
// `bytes` and is let go once ingest has read them (pipeline/load_owned.hpp).
Result<LaidOut> lay_out(std::string_view bytes, std::string* owned, std::string_view source,
                        const LoadOptions& options) {
  auto raw = ingest(bytes, source, IngestOptions{options.format, options.selectors, options.cache.get()});
  if (!raw) return raw.error();
  if (owned != nullptr) std::string().swap(*owned);  // `bytes` is not read past here
  LaidOut laid;
  laid.removals = std::move(raw->removals);
  laid.date = remove_boilerplate(*raw, options.rules, laid.removals);
  laid.segmentation.emplace(std::move(*raw));
  return laid;
}

// The document of a version laid out, with the sentences of its blocks
// `known` (Segmentation::build).
Document build(LaidOut laid, const std::vector<const outline::BlockMemo::Sentences*>& known, outline::BlockMemo* memo) {
  Document doc = std::move(*laid.segmentation).build(known, memo);
  if (laid.date) doc.meta.date = *laid.date;
  doc.removals = std::move(laid.removals);
  return doc;
}

// Whether a version is read as Markdown, as far as its format and name
// tell without reading it.
bool marked_down(const pipeline::OwnedVersion& version) {
  const InputFormat format = version.options->format;
  return format == InputFormat::kMarkdown ||
         (format == InputFormat::kAuto && format_from_path(version.source) == InputFormat::kMarkdown);
}

// The blocks of the two versions of a pair, each distinct one (its text,
// and whether it is split) read once.
class SharedBlocks {
 public:
  // `blocks`: each version's (Segmentation::blocks), read on `threads`
  // threads in jobs of kBlocksPerJob blocks.
  SharedBlocks(std::array<const std::vector<BlockText>*, 2> blocks, size_t threads) {
    // Found through an open-addressing table of the distinct blocks'
    // numbers (plus one: 0 is a free slot), at most half full.
    std::vector<uint32_t> table(std::bit_ceil(2 * (blocks[0]->size() + blocks[1]->size()) + 1), 0);
    const size_t mask = table.size() - 1;
    for (size_t k = 0; k < 2; ++k) {
      which_[k].reserve(blocks[k]->size());
      for (const BlockText& block : *blocks[k]) {
        // A text's hash is kept with it: comparing hashes first is free.
        const uint64_t hash = block.text->hash();
        size_t slot = (hash ^ static_cast<uint64_t>(block.split)) & mask;
        for (; table[slot] != 0; slot = (slot + 1) & mask) {
          const BlockText& seen = distinct_[table[slot] - 1];
          if (seen.split == block.split && seen.text->hash() == hash && util::same_text(*seen.text, *block.text)) break;
        }
        if (table[slot] == 0) {
          distinct_.push_back(block);
          table[slot] = static_cast<uint32_t>(distinct_.size());
        }
        which_[k].push_back(table[slot] - 1);
      }
    }
    read_.resize(distinct_.size());
    util::parallel_for((distinct_.size() + kBlocksPerJob - 1) / kBlocksPerJob, threads, [&](size_t job) {
      const size_t end = std::min(distinct_.size(), (job + 1) * kBlocksPerJob);
      for (size_t d = job * kBlocksPerJob; d < end; ++d)
        read_[d] = block_sentences(*distinct_[d].text, distinct_[d].split);
    });
  }

  // The sentences of each block of version `k`, in order.
  std::vector<const outline::BlockMemo::Sentences*> sentences_of(size_t k) const {
    std::vector<const outline::BlockMemo::Sentences*> out(which_[k].size());
    for (size_t b = 0; b < out.size(); ++b) out[b] = &read_[which_[k][b]];
    return out;
  }

 private:
  std::vector<BlockText> distinct_;
  std::vector<outline::BlockMemo::Sentences> read_;
  std::array<std::vector<uint32_t>, 2> which_;  // by version and block: the distinct block it is
};

Result<Document> parse(std::string_view bytes, std::string* owned, std::string_view source,
                       const LoadOptions& options) {
  outline::BlockMemo* memo = options.sentences != nullptr && options.sentences->memos().blocks.fits(bytes.size())
                                 ? &options.sentences->memos().blocks
                                 : nullptr;
  auto laid = lay_out(bytes, owned, source, options);
  if (!laid) return laid.error();
  return build(std::move(*laid), {}, memo);
}

}  // namespace

Result<Document> parse_document(std::string_view bytes, std::string_view source, const LoadOptions& options) {
  return parse(bytes, nullptr, source, options);
}

Result<Document> pipeline::parse_owned(std::string bytes, std::string_view source, const LoadOptions& options) {
  return parse(bytes, &bytes, source, options);
}

Result<std::pair<Document, Document>> pipeline::parse_owned_pair(OwnedVersion old_version, OwnedVersion new_version) {
  OwnedVersion* versions[2] = {&old_version, &new_version};
  const size_t threads = old_version.bytes.size() + new_version.bytes.size() >= kParallelPairBytes ? 2 : 1;
  std::optional<Result<LaidOut>> laid[2];
  // Markdown is ingested in turn: the new version then finds the parts it
  // shares with the old one in the read cache, and cmark-gfm's inline pass
  // runs one at a time whatever the threads (ingest/markdown.cpp).
  const bool in_turn = marked_down(old_version) || marked_down(new_version);
  util::parallel_for(2, in_turn ? 1 : threads, [&](size_t k) {
    OwnedVersion& v = *versions[k];
    laid[k] = lay_out(v.bytes, &v.bytes, v.source, *v.options);
    // The blocks' hashes, made on both threads: pairing the blocks below
    // looks them up.
    if (*laid[k]) {
      for (const BlockText& block : (*laid[k])->segmentation->blocks()) static_cast<void>(block.text->hash());
    }
  });
  if (!*laid[0]) return laid[0]->error();
  if (!*laid[1]) return laid[1]->error();

  const SharedBlocks shared({&(*laid[0])->segmentation->blocks(), &(*laid[1])->segmentation->blocks()}, threads);
  std::optional<Document> docs[2];
  util::parallel_for(2, threads,
                     [&](size_t k) { docs[k] = build(std::move(**laid[k]), shared.sentences_of(k), nullptr); });
  return std::pair{std::move(*docs[0]), std::move(*docs[1])};
}

Result<Document> load_document(const std::string& path, const LoadOptions& options) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return pipeline::parse_owned(std::move(*bytes), path, options);
}

Document empty_document(std::string_view source, InputFormat format) {
  RawDocument nothing;
  nothing.source = std::string(source);
  nothing.format = format == InputFormat::kAuto ? format_from_path(source) : format;
  return segment(std::move(nothing));
}

}  // namespace strata

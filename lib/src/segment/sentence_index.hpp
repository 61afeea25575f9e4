// Internal: one reading of each distinct sentence, shared by the classify
// units that read whole documents (programme names, figures, phrases).
//
// Most sentences of a revision are in both versions, and a document often
// repeats a sentence: each distinct comparison form is tokenized, folded,
// hashed and looked up in the lexicons once, whichever version holds it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "sys/generations.hpp"
#include "text/lexicon.hpp"
#include "text/same_text.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {

// What the reading knows of one token (parallel to the tokens): sixteen
// bytes, since the readings of both documents of a pair are held whole
// (24 bytes made them a quarter of a 1 MB pair's peak memory).
struct WordInfo {
  // fold_begin when the word is its own folded form (lowercase ASCII, most
  // words): the arena holds only the words folding changes. A folded word
  // longer than fold_size can say is kept as written too; no list or
  // phrase has a word of that length.
  static constexpr uint32_t kAsWritten = UINT32_MAX;
  uint64_t hash = 0;        // word_hash of the folded word; 0 for punctuation
  uint32_t fold_begin = 0;  // the folded word in the readings' arena, or kAsWritten
  uint16_t fold_size = 0;
  uint16_t flags = 0;  // WordFlag: lexicon flags and written form; 0 for punctuation
};
static_assert(sizeof(WordInfo) == 16);
static_assert(kInAddress <= UINT16_MAX, "every WordFlag fits WordInfo::flags");

// A bit for each content word of a sentence (a word, not a stop word, a
// number or a lone Han character or kana: one a phrase of the wording shifts
// may start with), by the top bits of its hash. A sentence whose signature
// lacks a word's bit does not have the word, so a search for phrases that
// start with a few words passes most sentences over without reading them.
class WordSignature {
 public:
  void add(uint64_t hash) { bits_[hash >> 62] |= uint64_t{1} << ((hash >> 56) & 63); }
  bool shares_any(const WordSignature& other) const {
    return ((bits_[0] & other.bits_[0]) | (bits_[1] & other.bits_[1]) | (bits_[2] & other.bits_[2]) |
            (bits_[3] & other.bits_[3])) != 0;
  }

 private:
  uint64_t bits_[4] = {0, 0, 0, 0};
};

// A read sentence: views into the storage of the Readings that made it.
struct Reading {
  std::string_view text;
  std::span<const Token> tokens;
  std::span<const WordInfo> words;  // one per token
  const char* folded = nullptr;     // the arena
  bool digits = false;              // some word has a digit
  const WordSignature* signature = nullptr;

  size_t size() const { return tokens.size(); }
  std::string_view word(size_t i) const { return token_text(text, tokens[i]); }
  // Folded word; empty for punctuation.
  std::string_view lower(size_t i) const {
    if (words[i].fold_begin == WordInfo::kAsWritten) return word(i);
    return {folded + words[i].fold_begin, words[i].fold_size};
  }
  // Token `i` exists, is a word and has every flag of `flags`.
  bool is(size_t i, uint32_t flags) const {
    return i < tokens.size() && tokens[i].word && (words[i].flags & flags) == flags;
  }
};

// Reads `text`, appending its tokens, one WordInfo per token and the folded
// words that differ from their written form, and adding its words to
// `signature`; true when a word has a digit.
bool read_words(std::string_view text, std::vector<Token>& tokens, std::vector<WordInfo>& words, std::string& folded,
                WordSignature& signature);

// Storage for the readings of many sentences, in flat buffers.
class Readings {
 public:
  // Reads `text` (which must outlive this) and returns its number.
  uint32_t add(std::string_view text);
  // Makes room for texts of `bytes` bytes in all.
  void reserve(size_t bytes);
  Reading get(uint32_t n) const;
  void clear();

 private:
  std::vector<std::string_view> texts_;
  std::vector<uint32_t> first_token_{0};   // per reading, and one past the last
  std::vector<bool> digits_;               // per reading: Reading::digits
  std::vector<WordSignature> signatures_;  // per reading
  std::vector<Token> tokens_;
  std::vector<WordInfo> words_;
  std::string folded_;
};

// Reads `text` alone into `readings` (cleared first).
Reading read_alone(std::string_view text, Readings& readings);

// One sentence read alone, holding a share of its text: what a ReadingMemo
// keeps.
struct OwnedReading {
  SharedText text;
  std::vector<Token> tokens;
  std::vector<WordInfo> words;
  std::string folded;
  bool digits = false;
  WordSignature signature;

  explicit OwnedReading(SharedText sentence);
  Reading view() const { return {text.view(), tokens, words, folded.data(), digits, &signature}; }
};

// Readings of sentences kept between the documents of one history: most
// sentences of a version were in the version before, and each distinct
// sentence is read once. Thread-safe; bounded by `max_bytes`
// (util::Generations).
class ReadingMemo {
 public:
  explicit ReadingMemo(size_t max_bytes) : kept_(max_bytes) {}
  // The reading of `text`, whose word_hash is `hash`.
  std::shared_ptr<const OwnedReading> get(uint64_t hash, const SharedText& text);
  // out[k]: the reading of *texts[k] (word_hash hashes[k]), viewed as
  // views[k], for every k below `n`, as get() gives it; those not kept are
  // read and kept.
  void get_many(const uint64_t* hashes, const std::string_view* views, const SharedText* const* texts, size_t n,
                std::shared_ptr<const OwnedReading>* out);

 private:
  // The key is the kept reading's own text, seen where it lies (inside the
  // reading the entry holds), so that comparing reads it without a detour.
  struct TextOf {
    std::string_view text;
    bool operator==(std::string_view probe) const { return util::same_text(text, probe); }
    const char* data() const { return text.data(); }
  };
  std::shared_ptr<const OwnedReading> read_and_keep(uint64_t hash, const SharedText& text);
  util::Generations<TextOf, OwnedReading> kept_;
};

// What the index keys a sentence or a claim side by: its comparison form,
// or its text when that is empty.
inline const SharedText& key_text_of(const Sentence& s) { return s.norm.empty() ? s.text : s.norm; }
inline std::string_view key_of(const Sentence& s) { return key_text_of(s); }
inline std::string_view key_of(const ClaimSide& s) { return s.norm.empty() ? s.text : s.norm; }

// A sentence longer than this is not read: its reading is empty, so no
// programme, figure or phrase is found in it. No sentence is that long (the
// longest in the bundled snapshots is under 1 KiB); the reading of one
// 10 MiB line took about 120 MiB, and its phrases two thirds of an 11 s
// diff. The same bound as claim pairing's (align::kMaxPairedClaimBytes);
// classify reports each use in `warnings`.
inline constexpr size_t kMaxReadSentenceBytes = 64 * 1024;

// The distinct sentences of one or two documents, each read once. Distinct
// sentences are numbered in order of first appearance, the first document's
// then those only the second has. A sentence's key is its comparison form
// (its text when that is empty). With a `memo`, sentences an earlier index
// read are not read again.
class SentenceIndex {
 public:
  SentenceIndex(const Document& first, const Document* second = nullptr, ReadingMemo* memo = nullptr);

  // A sentence of a document in document order, with its distinct number.
  struct Place {
    uint32_t id = 0;
    int section = -1;
    int block = -1;
    int sentence = -1;
  };
  const std::vector<Place>& places(size_t doc) const { return places_[doc]; }

  size_t size() const { return keys_.size(); }
  std::string_view key(uint32_t id) const { return keys_[id]; }
  const SharedText& key_text(uint32_t id) const { return *key_texts_[id]; }  // what key() views
  uint64_t hash(uint32_t id) const { return hashes_[id]; }                   // word_hash of the key
  // Every key and hash, by id (size() of each).
  const std::string_view* keys() const { return keys_.data(); }
  const uint64_t* hashes() const { return hashes_.data(); }
  // Original text of the first occurrence.
  const SharedText& first_text(uint32_t id) const { return *first_text_[id]; }
  // Occurrences in document `doc` (0 or 1).
  uint32_t count(size_t doc, uint32_t id) const { return counts_[doc][id]; }
  Reading reading(uint32_t id) const { return id < held_.size() && held_[id] ? held_[id]->view() : readings_.get(id); }
  // Distinct sentences left unread, over kMaxReadSentenceBytes.
  size_t unread() const { return unread_; }
  // The distinct sentence whose key is `text`, if any.
  std::optional<uint32_t> find(std::string_view text) const;

 private:
  void add(const Document& doc, size_t d);
  size_t slot_of(uint64_t hash) const { return static_cast<size_t>(hash) & (slots_.size() - 1); }
  void grow();

  std::vector<Place> places_[2];
  std::vector<std::string_view> keys_;
  std::vector<const SharedText*> key_texts_;
  std::vector<uint64_t> hashes_;
  std::vector<const SharedText*> first_text_;
  std::vector<uint32_t> counts_[2];
  std::vector<uint32_t> slots_;  // id + 1; 0 = empty
  // By id: what the memo gave, else read here (readings_ holds an empty
  // reading for each sentence the memo gave).
  std::vector<std::shared_ptr<const OwnedReading>> held_;
  Readings readings_;
  size_t unread_ = 0;
};

// Reading of `text` from `index` when it holds that sentence, else read
// into `scratch`.
Reading reading_of(const SentenceIndex& index, std::string_view text, Readings& scratch);

}  // namespace strata::classify_detail

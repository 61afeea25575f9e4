#include "classify/sentence_index.hpp"

namespace strata::classify_detail {
namespace {

std::string_view key_of(const Sentence& s) { return s.norm.empty() ? s.text : s.norm; }

}  // namespace

uint32_t Readings::add(std::string_view text) {
  bool digits = false;
  for_each_token(text, [&](uint32_t begin, uint32_t end, bool is_word) {
    const Token& token = tokens_.emplace_back(Token{begin, end, is_word});
    WordInfo info;
    if (token.word) {
      auto word = token_text(text, token);
      info.fold_begin = static_cast<uint32_t>(folded_.size());
      // Folded in place after a plain copy: most words are ASCII, and the
      // first byte says how the word is written.
      folded_.append(word);
      char* folded = folded_.data() + info.fold_begin;
      unsigned char high = 0;
      for (size_t i = 0; i < word.size(); ++i) {
        auto c = static_cast<unsigned char>(folded[i]);
        high |= c;
        digits |= static_cast<unsigned>(c - '0') < 10;
        folded[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26 ? c + ('a' - 'A') : c);
      }
      if (high >= 0x80) {
        folded_.resize(info.fold_begin);
        fold_case_append(word, folded_);
      }
      info.fold_end = static_cast<uint32_t>(folded_.size());
      std::string_view lower(folded_.data() + info.fold_begin, info.fold_end - info.fold_begin);
      info.hash = word_hash(lower);
      info.flags = lexicon_flags(lower, info.hash);
      auto first = static_cast<unsigned char>(word[0]);
      if (first >= 0x80) {
        if (is_capitalized(word)) info.flags |= kCapitalized;
        if (is_lowercase_word(word)) info.flags |= kLowercase;
      } else if (static_cast<unsigned>(first - 'A') < 26) {
        info.flags |= kCapitalized;
      } else if (static_cast<unsigned>(first - 'a') < 26) {
        info.flags |= kLowercase;
      } else if (is_number(word)) {
        info.flags |= kNumber;
      }
    }
    words_.push_back(info);
  });
  texts_.push_back(text);
  digits_.push_back(digits);
  first_token_.push_back(static_cast<uint32_t>(tokens_.size()));
  return static_cast<uint32_t>(texts_.size() - 1);
}

void Readings::reserve(size_t bytes) {
  // English prose has a token per 5 to 6 bytes; a guess too small only
  // costs a copy, one too large memory.
  tokens_.reserve(tokens_.size() + bytes / 4);
  words_.reserve(words_.size() + bytes / 4);
  folded_.reserve(folded_.size() + bytes);
}

Reading Readings::get(uint32_t n) const {
  size_t begin = first_token_[n];
  size_t size = first_token_[n + 1] - begin;
  return {texts_[n], std::span<const Token>(tokens_).subspan(begin, size),
          std::span<const WordInfo>(words_).subspan(begin, size), folded_.data(), digits_[n]};
}

void Readings::clear() {
  texts_.clear();
  digits_.clear();
  first_token_.assign(1, 0);
  tokens_.clear();
  words_.clear();
  folded_.clear();
}

Reading read_alone(std::string_view text, Readings& readings) {
  readings.clear();
  return readings.get(readings.add(text));
}

SentenceIndex::SentenceIndex(const Document& first, const Document* second, const SentenceHashes* hashes) {
  add(first, 0, hashes != nullptr ? std::span<const uint64_t>(hashes->first) : std::span<const uint64_t>());
  if (second != nullptr) {
    add(*second, 1, hashes != nullptr ? std::span<const uint64_t>(hashes->second) : std::span<const uint64_t>());
  }
  counts_[0].resize(size());
  counts_[1].resize(size());
  for (size_t d = 0; d < 2; ++d) {
    for (const auto& place : places_[d]) ++counts_[d][place.id];
  }
  size_t bytes = 0;
  for (auto key : keys_) bytes += key.size();
  readings_.reserve(bytes);
  for (auto key : keys_) readings_.add(key);
}

void SentenceIndex::add(const Document& doc, size_t d, std::span<const uint64_t> hashes) {
  size_t n = 0;  // sentences of `doc` so far
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const auto& blocks = doc.sections[s].blocks;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const auto& sentences = blocks[b].sentences;
      for (size_t i = 0; i < sentences.size(); ++i) {
        auto key = key_of(sentences[i]);
        uint64_t hash = n < hashes.size() && !sentences[i].norm.empty() ? hashes[n] : word_hash(key);
        ++n;
        if ((keys_.size() + 1) * 2 > slots_.size()) grow();
        size_t slot = slot_of(hash);
        while (slots_[slot] != 0 && !(hashes_[slots_[slot] - 1] == hash && keys_[slots_[slot] - 1] == key)) {
          slot = (slot + 1) & (slots_.size() - 1);
        }
        if (slots_[slot] == 0) {
          keys_.push_back(key);
          hashes_.push_back(hash);
          first_text_.push_back(&sentences[i].text);
          slots_[slot] = static_cast<uint32_t>(keys_.size());
        }
        places_[d].push_back({slots_[slot] - 1, static_cast<int>(s), static_cast<int>(b), static_cast<int>(i)});
      }
    }
  }
}

void SentenceIndex::grow() {
  slots_.assign(std::max<size_t>(1024, slots_.size() * 2), 0);
  for (size_t id = 0; id < keys_.size(); ++id) {
    size_t slot = slot_of(hashes_[id]);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = static_cast<uint32_t>(id + 1);
  }
}

std::optional<uint32_t> SentenceIndex::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  uint64_t hash = word_hash(text);
  for (size_t slot = slot_of(hash); slots_[slot] != 0; slot = (slot + 1) & (slots_.size() - 1)) {
    uint32_t id = slots_[slot] - 1;
    if (hashes_[id] == hash && keys_[id] == text) return id;
  }
  return std::nullopt;
}

Reading reading_of(const SentenceIndex& index, std::string_view text, Readings& scratch) {
  if (auto id = index.find(text)) return index.reading(*id);
  return read_alone(text, scratch);
}

}  // namespace strata::classify_detail

#include "segment/sentence_index.hpp"

#include "text/addresses.hpp"
#include "text/ascii.hpp"

namespace strata::classify_detail {

bool read_words(std::string_view text, std::vector<Token>& tokens, std::vector<WordInfo>& words, std::string& folded,
                WordSignature& signature) {
  using namespace token_detail;
  bool digits = false;
  bool addresses = false;
  const size_t first_token = tokens.size();
  const WordTable& lexicon_table = lexicon();
  for_each_token(text, [&](uint32_t begin, uint32_t end, bool is_word, uint8_t seen) {
    tokens.push_back(Token{begin, end, is_word});
    WordInfo& info = words.emplace_back();
    if (!is_word) {
      // "://" or "www.": the text may hold a web address, looked for below.
      addresses = addresses || (text[begin] == ':' && text.substr(end, 2) == "//");
      return;
    }
    addresses = addresses || (end - begin == 3 && ascii::iequals(text.substr(begin, 3), "www"));
    const std::string_view word = text.substr(begin, end - begin);
    std::string_view lower = word;
    if ((seen & (kUpper | kHigh)) == 0 || (seen & kAlone) != 0) {  // Han and kana have no case
      info.fold_begin = WordInfo::kAsWritten;
    } else {
      info.fold_begin = static_cast<uint32_t>(folded.size());
      if ((seen & kHigh) != 0) {
        fold_case_append(word, folded);
      } else {
        folded.append(word);
        for (size_t i = info.fold_begin; i < folded.size(); ++i) folded[i] = ascii::lower(folded[i]);
      }
      lower = std::string_view(folded).substr(info.fold_begin);
    }
    digits = digits || (seen & kDigit) != 0;
    info.hash = word_hash(lower);
    uint32_t flags = lexicon_table.find(lower, info.hash);
    if (info.fold_begin != WordInfo::kAsWritten) {
      if (lower.size() <= UINT16_MAX) {
        info.fold_size = static_cast<uint16_t>(lower.size());
      } else {
        folded.resize(info.fold_begin);
        info.fold_begin = WordInfo::kAsWritten;
      }
    }
    const uint8_t first = byte_class(word[0]);
    if (first == kUpper) {
      flags |= kCapitalized;
    } else if (first == kLower) {
      flags |= kLowercase;
    } else if ((seen & kAlone) != 0) {
      flags |= kUnspaced;
    } else if (first == kHigh) {
      if (is_capitalized(word)) flags |= kCapitalized;
      if (is_lowercase_word(word)) flags |= kLowercase;
    } else if (is_number(word)) {
      flags |= kNumber;
    }
    info.flags = static_cast<uint16_t>(flags);
    if ((flags & (kStop | kNumber | kUnspaced)) == 0) signature.add(info.hash);
  });
  if (!addresses) return digits;
  size_t k = first_token;
  for (const auto& [begin, end] : web_addresses(text)) {
    while (k < tokens.size() && tokens[k].begin < begin) ++k;
    for (; k < tokens.size() && tokens[k].begin < end; ++k) words[k].flags |= kInAddress;
  }
  return digits;
}

uint32_t Readings::add(std::string_view text) {
  WordSignature& signature = signatures_.emplace_back();
  digits_.push_back(read_words(text, tokens_, words_, folded_, signature));
  texts_.push_back(text);
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
  return {texts_[n],
          std::span<const Token>(tokens_).subspan(begin, size),
          std::span<const WordInfo>(words_).subspan(begin, size),
          folded_.data(),
          digits_[n],
          &signatures_[n]};
}

void Readings::clear() {
  texts_.clear();
  digits_.clear();
  signatures_.clear();
  first_token_.assign(1, 0);
  tokens_.clear();
  words_.clear();
  folded_.clear();
}

Reading read_alone(std::string_view text, Readings& readings) {
  readings.clear();
  return readings.get(readings.add(text));
}

OwnedReading::OwnedReading(SharedText sentence) : text(std::move(sentence)) {
  digits = read_words(text, tokens, words, folded, signature);
}

std::shared_ptr<const OwnedReading> ReadingMemo::get(uint64_t hash, const SharedText& text) {
  if (auto kept = kept_.find(hash, text.view())) return kept;
  return read_and_keep(hash, text);
}

void ReadingMemo::get_many(const uint64_t* hashes, const std::string_view* views, const SharedText* const* texts,
                           size_t n, std::shared_ptr<const OwnedReading>* out) {
  kept_.find_many(hashes, views, n, out);
  for (size_t k = 0; k < n; ++k) {
    if (!out[k]) out[k] = read_and_keep(hashes[k], *texts[k]);
  }
}

std::shared_ptr<const OwnedReading> ReadingMemo::read_and_keep(uint64_t hash, const SharedText& text) {
  auto read = std::make_shared<const OwnedReading>(text);
  // Its vectors' contents, and about 190 bytes for the rest (the text too,
  // though the document may share it: once its versions are gone, the
  // memo holds it alone).
  const size_t bytes = read->text.size() + read->folded.size() + read->tokens.size() * sizeof(Token) +
                       read->words.size() * sizeof(WordInfo) + 190;
  const std::string_view key = read->text;
  return kept_.keep(hash, TextOf{key}, std::move(read), bytes);
}

SentenceIndex::SentenceIndex(const Document& first, const Document* second, ReadingMemo* memo) {
  add(first, 0);
  if (second != nullptr) add(*second, 1);
  counts_[0].resize(size());
  counts_[1].resize(size());
  for (size_t d = 0; d < 2; ++d) {
    for (const auto& place : places_[d]) ++counts_[d][place.id];
  }
  size_t bytes = 0;
  for (auto key : keys_) {
    if (key.size() > kMaxReadSentenceBytes) {
      ++unread_;
    } else {
      bytes += key.size();
    }
  }
  if (memo == nullptr) {
    readings_.reserve(bytes);
    for (auto key : keys_) readings_.add(key.size() > kMaxReadSentenceBytes ? std::string_view() : key);
    return;
  }
  held_.resize(keys_.size());
  if (unread_ == 0) {
    memo->get_many(hashes_.data(), keys_.data(), key_texts_.data(), keys_.size(), held_.data());
  } else {
    // Rare: the sentences too long to read are left out one by one.
    for (size_t id = 0; id < keys_.size(); ++id) {
      if (keys_[id].size() <= kMaxReadSentenceBytes) held_[id] = memo->get(hashes_[id], *key_texts_[id]);
    }
  }
  for (size_t id = 0; id < keys_.size(); ++id) readings_.add({});
}

void SentenceIndex::add(const Document& doc, size_t d) {
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const auto& blocks = doc.sections[s].blocks;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const auto sentences = doc.sections[s].sentences_of(blocks[b]);
      for (size_t i = 0; i < sentences.size(); ++i) {
        const SharedText& key_text = key_text_of(sentences[i]);
        const std::string_view key = key_text;
        const uint64_t hash = key_text.hash();
        if ((keys_.size() + 1) * 2 > slots_.size()) grow();
        size_t slot = slot_of(hash);
        while (slots_[slot] != 0 &&
               !(hashes_[slots_[slot] - 1] == hash && util::same_text(keys_[slots_[slot] - 1], key))) {
          slot = (slot + 1) & (slots_.size() - 1);
        }
        if (slots_[slot] == 0) {
          keys_.push_back(key);
          key_texts_.push_back(&key_text);
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
    if (hashes_[id] == hash && util::same_text(keys_[id], text)) return id;
  }
  return std::nullopt;
}

Reading reading_of(const SentenceIndex& index, std::string_view text, Readings& scratch) {
  if (auto id = index.find(text)) return index.reading(*id);
  return read_alone(text, scratch);
}

}  // namespace strata::classify_detail

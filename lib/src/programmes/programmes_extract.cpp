// Programme extraction: the mentions of one document, or of two versions.
//
// Each distinct sentence is read once (sentence_index.hpp,
// sentence_names.cpp), whichever version holds it; what then depends on the document is settled here, in
// document order: the acronym table (the document's definitions, then the
// configured and the other version's), the words the document writes in
// lowercase, and what a back-reference ("the Commission") stands for.
#include <algorithm>
#include <array>
#include <bitset>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "programmes/programmes_internal.hpp"
#include "programmes/sentence_cache.hpp"
#include "programmes/sentence_names.hpp"
#include "text/lexicon.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// How far back a short back-reference ("the Commission") looks for the name
// it stands for, in mentions. The seeds' back-references are within 20
// mentions of their antecedent; 50 keeps a margin and bounds the work.
constexpr size_t kBackrefWindow = 50;

using Where = SentenceIndex::Place;

// Buckets of the filter in front of the asked words (read_vocabulary): a
// document asks about a few hundred words, which leave most buckets empty.
constexpr size_t kAskedBuckets = 1 << 13;

// What each distinct sentence of `index` says about names: from `cache`
// when a document before held the sentence.
std::shared_ptr<const NamesById> read_names(const SentenceIndex& index, const ProgrammeConfig& config,
                                            SentenceCache* cache) {
  auto forms = config_forms(config);
  auto heads = config_heads(config);
  NamesMemo* memo = cache != nullptr ? &cache->memos().names : nullptr;
  const uint32_t slot = memo != nullptr ? memo->config_slot(forms, heads) : 0;
  SentenceReader reader(forms, std::move(heads));
  auto names = std::make_shared<NamesById>(index.size());
  if (memo != nullptr) memo->find_many(index.hashes(), slot, index.keys(), index.size(), names->data());
  // Most sentences name nothing: without a memo they share one empty
  // reading rather than each holding its own (80 bytes a sentence, 80 MB
  // for a million).
  const auto nothing = std::make_shared<const SentenceNames>();
  for (uint32_t id = 0; id < index.size(); ++id) {
    if ((*names)[id]) continue;
    SentenceNames read = reader.read(index.reading(id));
    if (memo != nullptr) {
      (*names)[id] = memo->keep(index.hash(id), slot, index.key_text(id), std::move(read));
    } else {
      (*names)[id] = read.definitions.empty() && read.items.empty()
                         ? nothing
                         : std::make_shared<const SentenceNames>(std::move(read));
    }
  }
  return names;
}

class Extractor {
 public:
  // The sentences of document `doc` of `index`; `read` holds what each
  // distinct sentence says (read_names).
  Extractor(const SentenceIndex& index, size_t doc, std::shared_ptr<const NamesById> read,
            const ProgrammeConfig& config)
      : read_(std::move(read)) {
    sentences_.reserve(index.places(doc).size());
    for (const auto& place : index.places(doc)) sentences_.push_back({(*read_)[place.id].get(), place});
    // The user's acronyms first: they override the document's definitions.
    for (const auto& entry : config.names) {
      if (!entry.acronym.empty()) add_acronym(entry.acronym, entry.name, true);
    }
    for (const auto& [names, where] : sentences_) {
      for (const auto& def : names->definitions) add_acronym(def.acronym, def.name, def.programme);
    }
  }

  const AcronymTable& programme_acronyms() const { return programme_acronyms_; }

  // Acronyms the document uses without defining; its own definitions win.
  void add_known(const std::vector<KnownAcronym>& known) {
    for (const auto& k : known) add_acronym(k.acronym, k.name, true);
  }

  // The keys of the names the document writes (runs read as a name, and
  // definitions), which split a longer name that begins with one of them.
  std::set<std::string> own_names() const {
    // Each distinct form keyed once: a page names the same bodies in
    // sentence after sentence.
    std::vector<std::string_view> forms;
    std::vector<bool> seen(read_->size(), false);  // by distinct sentence: a page repeats some
    for (const auto& [names, where] : sentences_) {
      if (seen[where.id]) continue;
      seen[where.id] = true;
      for (const auto& item : names->items) {
        if (item.kind == NameItem::Kind::kName) forms.push_back(item.form);
        if (item.kind == NameItem::Kind::kRun && item.plain.name) forms.push_back(item.plain.form);
      }
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    std::set<std::string> keys;
    for (const std::string_view form : forms) keys.insert(name_key(form, {}));
    return keys;
  }
  void add_known_names(const std::set<std::string>& keys) { known_names_.insert(keys.begin(), keys.end()); }

  // `lowercase`: word_hash of the words the document writes in lowercase,
  // sorted; at least those of the NameItem::vocab_word of its sentences.
  ExtractResult find_mentions(std::vector<uint64_t> lowercase) {
    lowercase_ = std::move(lowercase);
    for (const auto& [names, where] : sentences_) {
      for (const auto& item : names->items) resolve(item, where);
    }
    return ExtractResult{std::move(read_), std::move(mentions_), std::move(table_), std::move(programme_acronyms_)};
  }

 private:
  void add_acronym(const std::string& acronym, const std::string& name, bool programme) {
    table_.try_emplace(acronym, name);
    if (programme) programme_acronyms_.try_emplace(acronym, name);
  }

  bool written_in_lowercase(uint64_t word) const {
    return std::binary_search(lowercase_.begin(), lowercase_.end(), word);
  }

  void resolve(const NameItem& item, const Where& where) {
    switch (item.kind) {
      case NameItem::Kind::kName:
        mention(RawMention::Kind::kName, item.form, item.acronym, item.offset, where, item.canonical);
        mentions_.back().also = item.also;
        return;
      case NameItem::Kind::kAcronym:
        // The mention views the table's name: moving the table keeps its nodes.
        if (auto it = programme_acronyms_.find(item.form); it != programme_acronyms_.end()) {
          mention(RawMention::Kind::kAcronym, item.form, item.form, item.offset, where, it->second);
        }
        return;
      case NameItem::Kind::kRun: {
        const auto& v = item.vocab_word != 0 && written_in_lowercase(item.vocab_word) ? item.dropped : item.plain;
        if (v.backref && backref(v, where)) return;
        if (!v.name) return;
        if (auto split = split_at_known(v.form)) {
          const auto& [first, rest] = *split;
          mention(RawMention::Kind::kName, first, {}, v.offset, where);
          mention(RawMention::Kind::kName, rest, {}, v.offset + static_cast<size_t>(rest.data() - v.form.data()),
                  where);
          return;
        }
        mention(RawMention::Kind::kName, v.form, {}, v.offset, where);
        mentions_.back().also = item.also;
        return;
      }
    }
  }

  void mention(RawMention::Kind kind, std::string_view form, std::string_view acronym, size_t offset,
               const Where& where, std::string_view canonical = {}) {
    RawMention m;
    m.kind = kind;
    m.form = form;
    m.acronym = acronym;
    m.canonical = canonical;
    m.section = where.section;
    m.block = where.block;
    m.sentence = where.sentence;
    m.offset = offset;
    mentions_.push_back(std::move(m));
    // What a back-reference may stand for, by word: a name is found through
    // the reference's head word instead of by reading the window's names.
    mention_words_.push_back(kind == RawMention::Kind::kBackref ? nullptr : &name_words(mentions_.back()));
    if (mention_words_.back() == nullptr) return;
    const auto k = static_cast<uint32_t>(mentions_.size() - 1);
    for (uint64_t w : *mention_words_.back()) {
      auto& list = by_word_[w];
      if (list.empty() || list.back() != k) list.push_back(k);
    }
  }

  // "Military Committee with Ukraine Work Plan" is two names when a version
  // names the "Military Committee" on its own: a known name ending on a head
  // word, then "with" or "and" (no connector of a name's tail, which would
  // make the rest part of it), then words ending on a head word.
  // Decided once per form (splits_): a page names the same bodies again and again.
  std::optional<std::pair<std::string_view, std::string_view>> split_at_known(std::string_view form) {
    if (known_names_.empty()) return std::nullopt;
    auto [split, added] = splits_.try_emplace(form);
    if (added) split->second = split_point(form);
    if (!split->second) return std::nullopt;
    const auto [first_size, rest_at] = *split->second;
    return std::pair{form.substr(0, first_size), form.substr(rest_at)};
  }

  // split_at_known() of `form`: the size of the known name and where the
  // rest begins.
  std::optional<std::pair<size_t, size_t>> split_point(std::string_view form) const {
    const auto words = words_of(form);
    if (words.size() < 5 || !is_head_word(fold_case(words.back()))) return std::nullopt;
    for (size_t k = 2; k + 2 < words.size(); ++k) {
      const auto joint = fold_case(words[k]);
      if ((joint != "with" && joint != "and") || !is_head_word(fold_case(words[k - 1]))) continue;
      const auto first = form.substr(0, static_cast<size_t>(words[k - 1].end() - form.begin()));
      if (!known_names_.count(name_key(first, {}))) continue;
      return std::pair{first.size(), static_cast<size_t>(words[k + 1].data() - form.data())};
    }
    return std::nullopt;
  }

  // word_hash of the folded words of the name of `m` (not a back-reference),
  // made once per name: most names are mentioned many times.
  const std::vector<uint64_t>& name_words(const RawMention& m) {
    std::string_view name = m.kind == RawMention::Kind::kAcronym ? m.canonical : m.form;
    auto [it, added] = name_words_.try_emplace(name);
    if (added) {
      for (auto w : words_of(name)) {
        fold_case_into(w, folded_);
        it->second.push_back(word_hash(folded_));
      }
    }
    return it->second;
  }

  // "the Commission" -> the latest of the last kBackrefWindow mentions whose
  // name has more words than the reference and all of them, the last a
  // head word.
  bool backref(const NameVariant& v, const Where& where) {
    const auto& words = v.words;
    if (words.empty() || !v.head_last) return false;
    auto with_head = by_word_.find(words.back());
    if (with_head == by_word_.end()) return false;
    const size_t oldest = mentions_.size() > kBackrefWindow ? mentions_.size() - kBackrefWindow : 0;
    const auto& candidates = with_head->second;
    for (auto back = candidates.rbegin(); back != candidates.rend() && *back >= oldest; ++back) {
      const auto& m = mentions_[*back];
      const auto& name_words = *mention_words_[*back];
      if (name_words.size() <= words.size()) continue;
      bool all = std::all_of(words.begin(), words.end(), [&](const auto& w) {
        return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
      });
      if (!all) continue;
      mention(RawMention::Kind::kBackref, v.form, {}, v.offset, where, m.canonical.empty() ? m.form : m.canonical);
      return true;
    }
    return false;
  }

  std::shared_ptr<const NamesById> read_;  // what the mentions view
  std::vector<std::pair<const SentenceNames*, Where>> sentences_;
  AcronymTable table_;                 // every definition, then the configured and known acronyms
  AcronymTable programme_acronyms_;    // those whose name is a programme name
  std::vector<uint64_t> lowercase_;    // asked words the document writes in lowercase, sorted
  std::set<std::string> known_names_;  // keys of names written on their own (split_at_known)
  std::unordered_map<std::string_view, std::optional<std::pair<size_t, size_t>>> splits_;  // by form
  // See name_words(): by mention (null for back-references), and by name
  // (views that live as long as the mentions).
  std::vector<const std::vector<uint64_t>*> mention_words_;
  std::unordered_map<std::string_view, std::vector<uint64_t>> name_words_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_word_;  // word -> mentions whose name has it, in order
  std::string folded_;                                           // name_words()' buffer
  std::vector<RawMention> mentions_;
};

// The words that documents `0 .. docs-1` of `index` write in lowercase, of
// those some reading depends on (NameItem::vocab_word), one sorted list per
// document. Each distinct sentence is looked at once, whichever documents
// hold it: what it writes does not depend on how often it is repeated.
std::array<std::vector<uint64_t>, 2> written_lowercase(const SentenceIndex& index, const NamesById& names,
                                                       size_t docs) {
  std::array<std::vector<uint64_t>, 2> out;
  std::vector<uint64_t> asked;
  for (const auto& sentence : names) {
    for (const auto& item : sentence->items) {
      if (item.vocab_word != 0) asked.push_back(item.vocab_word);
    }
  }
  if (asked.empty()) return out;
  std::sort(asked.begin(), asked.end());
  asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
  // Most lowercase words are not asked: a bit per hash bucket turns them
  // away before the search.
  std::bitset<kAskedBuckets> maybe_asked;
  for (uint64_t h : asked) maybe_asked.set(h % kAskedBuckets);
  for (uint32_t id = 0; id < index.size(); ++id) {
    for (const auto& word : index.reading(id).words) {
      if ((word.flags & kLowercase) != 0 && maybe_asked.test(word.hash % kAskedBuckets) &&
          std::binary_search(asked.begin(), asked.end(), word.hash)) {
        for (size_t d = 0; d < docs; ++d) {
          if (index.count(d, id) > 0) out[d].push_back(word.hash);
        }
      }
    }
  }
  for (auto& words : out) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  return out;
}

std::vector<KnownAcronym> known_of(const AcronymTable& programme_acronyms) {
  std::vector<KnownAcronym> known;
  for (const auto& [acronym, name] : programme_acronyms) known.push_back({acronym, name});
  return known;
}

// The definitions of `sentence` that defined_acronyms() keeps, into `out`.
void add_programme_definitions(const Sentence& sentence, Readings& scratch, AcronymTable& out) {
  const auto key = key_of(sentence);
  if (key.size() > kMaxReadSentenceBytes || !may_define_acronym(key)) return;
  for (const Definition& def : find_definitions(read_alone(key, scratch))) {
    if (def.capitalized && def.programme) out.try_emplace(def.acronym, def.name);
  }
}

}  // namespace

namespace classify_detail {

ExtractResult extract_mentions(const Document& doc, const ProgrammeConfig& config,
                               const std::vector<KnownAcronym>& known, SentenceCache* cache) {
  SentenceIndex index(doc, nullptr, reading_memo(cache));
  auto names = read_names(index, config, cache);
  auto lowercase = written_lowercase(index, *names, 1);
  Extractor extractor(index, 0, names, config);
  extractor.add_known(known);
  extractor.add_known_names(extractor.own_names());
  return extractor.find_mentions(std::move(lowercase[0]));
}

std::pair<ExtractResult, ExtractResult> extract_pair(const SentenceIndex& index, const ProgrammeConfig& config,
                                                     SentenceCache* cache) {
  auto names = read_names(index, config, cache);
  auto lowercase = written_lowercase(index, *names, 2);
  Extractor ea(index, 0, names, config);
  Extractor eb(index, 1, names, config);
  auto known_a = known_of(ea.programme_acronyms());
  auto known_b = known_of(eb.programme_acronyms());
  ea.add_known(known_b);
  eb.add_known(known_a);
  auto names_a = ea.own_names();
  auto names_b = eb.own_names();
  for (auto* e : {&ea, &eb}) {
    e->add_known_names(names_a);
    e->add_known_names(names_b);
  }
  return {ea.find_mentions(std::move(lowercase[0])), eb.find_mentions(std::move(lowercase[1]))};
}

std::vector<KnownAcronym> defined_acronyms(const align::Side& side) {
  AcronymTable programme_acronyms;
  Readings scratch;
  for (const uint32_t c : side.may_define) {
    add_programme_definitions(side.sentence(c), scratch, programme_acronyms);
  }
  return known_of(programme_acronyms);
}

}  // namespace classify_detail

std::vector<KnownAcronym> defined_acronyms(const Document& doc) {
  // Only a sentence holding "(" and a capital defines an acronym
  // (find_definitions): the others, nearly all, are not read. The
  // definitions kept are those SentenceReader keeps with no configuration
  // (capitalized), of programme names, the first of each acronym.
  AcronymTable programme_acronyms;
  Readings scratch;
  for (const Section& section : doc.sections) {
    for (const Sentence& sentence : section.sentences) add_programme_definitions(sentence, scratch, programme_acronyms);
  }
  return known_of(programme_acronyms);
}

}  // namespace strata

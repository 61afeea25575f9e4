// Programme extraction: the mentions of one document, or of two versions.
//
// Each distinct sentence is read once (sentence_names.cpp), whichever
// version holds it; what then depends on the document is settled here, in
// document order: the acronym table (the document's definitions, then the
// configured and the other version's), the words the document writes in
// lowercase, and what a back-reference ("the Commission") stands for.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "classify/lexicon.hpp"
#include "classify/programmes_internal.hpp"
#include "classify/sentence_names.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// How far back a short back-reference ("the Commission") looks for the name
// it stands for, in mentions. The seeds' back-references are within 20
// mentions of their antecedent; 50 keeps a margin and bounds the work.
constexpr size_t kBackrefWindow = 50;

struct Where {
  int section = -1;
  int block = -1;
  int sentence = -1;
};

// Sentences read so far, by text; shared by the two versions.
class SentenceMemo {
 public:
  explicit SentenceMemo(const ProgrammeConfig& config) : forms_(config_forms(config)), reader_(forms_) {}
  const SentenceNames& get(std::string_view text) {
    auto [it, added] = memo_.try_emplace(text);
    if (added) it->second = reader_.read(text);
    return it->second;
  }

 private:
  ConfigForms forms_;
  SentenceReader reader_;
  std::unordered_map<std::string_view, SentenceNames> memo_;  // views into the Documents' sentences
};

class Extractor {
 public:
  Extractor(const Document& doc, const ProgrammeConfig& config, SentenceMemo& memo) {
    for (size_t s = 0; s < doc.sections.size(); ++s) {
      const auto& section = doc.sections[s];
      for (size_t b = 0; b < section.blocks.size(); ++b) {
        const auto& sentences = section.blocks[b].sentences;
        for (size_t i = 0; i < sentences.size(); ++i) {
          std::string_view text = sentences[i].norm.empty() ? sentences[i].text : sentences[i].norm;
          sentences_.push_back({&memo.get(text), Where{static_cast<int>(s), static_cast<int>(b), static_cast<int>(i)}});
        }
      }
    }
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

  ExtractResult find_mentions() {
    read_vocabulary();
    for (const auto& [names, where] : sentences_) {
      for (const auto& item : names->items) resolve(item, where);
    }
    return ExtractResult{std::move(mentions_), std::move(table_), std::move(programme_acronyms_)};
  }

 private:
  void add_acronym(const std::string& acronym, const std::string& name, bool programme) {
    table_.try_emplace(acronym, name);
    if (programme) programme_acronyms_.try_emplace(acronym, name);
  }

  // Only the words some reading depends on are looked up.
  void read_vocabulary() {
    std::unordered_set<size_t> asked;
    for (const auto& [names, where] : sentences_) {
      for (const auto& item : names->items) {
        if (item.vocab_word != 0) asked.insert(item.vocab_word);
      }
    }
    if (asked.empty()) return;
    for (const auto& [names, where] : sentences_) {
      for (size_t h : names->lowercase) {
        if (asked.count(h)) lowercase_.insert(h);
      }
    }
  }

  void resolve(const NameItem& item, const Where& where) {
    switch (item.kind) {
      case NameItem::Kind::kName:
        mention(RawMention::Kind::kName, item.form, item.acronym, item.offset, where, item.canonical);
        return;
      case NameItem::Kind::kAcronym:
        if (auto it = programme_acronyms_.find(item.form); it != programme_acronyms_.end()) {
          mention(RawMention::Kind::kAcronym, item.form, item.form, item.offset, where, it->second);
        }
        return;
      case NameItem::Kind::kRun: {
        const auto& v = item.vocab_word != 0 && lowercase_.count(item.vocab_word) ? item.dropped : item.plain;
        if (v.backref && backref(v.form, v.offset, where)) return;
        if (v.name) mention(RawMention::Kind::kName, v.form, {}, v.offset, where);
        return;
      }
    }
  }

  void mention(RawMention::Kind kind, std::string form, std::string acronym, size_t offset, const Where& where,
               std::string canonical = {}) {
    RawMention m;
    m.kind = kind;
    m.form = std::move(form);
    m.acronym = std::move(acronym);
    m.canonical = std::move(canonical);
    m.section = where.section;
    m.block = where.block;
    m.sentence = where.sentence;
    m.offset = offset;
    std::vector<std::string> words;
    if (kind != RawMention::Kind::kBackref) {
      for (auto w : words_of(kind == RawMention::Kind::kAcronym ? m.canonical : m.form)) words.push_back(fold_case(w));
    }
    mention_words_.push_back(std::move(words));
    mentions_.push_back(std::move(m));
  }

  // "the Commission" -> the latest mentioned name whose words include all
  // of the reference's words, the last of them a head word.
  bool backref(const std::string& form, size_t offset, const Where& where) {
    std::vector<std::string> words;
    for (auto w : words_of(form)) words.push_back(fold_case(w));
    if (words.empty() || !is_head_word(words.back())) return false;
    size_t seen = 0;
    for (size_t back = mentions_.size(); back-- > 0 && seen < kBackrefWindow; ++seen) {
      const auto& m = mentions_[back];
      if (m.kind == RawMention::Kind::kBackref) continue;
      const auto& name_words = mention_words_[back];
      if (name_words.size() <= words.size()) continue;
      bool all = std::all_of(words.begin(), words.end(), [&](const auto& w) {
        return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
      });
      if (!all) continue;
      auto target = m.canonical.empty() ? m.form : m.canonical;
      mention(RawMention::Kind::kBackref, form, {}, offset, where, std::move(target));
      return true;
    }
    return false;
  }

  std::vector<std::pair<const SentenceNames*, Where>> sentences_;
  AcronymTable table_;               // every definition, then the configured and known acronyms
  AcronymTable programme_acronyms_;  // those whose name is a programme name
  std::unordered_set<size_t> lowercase_;  // asked words the document writes in lowercase
  std::vector<std::vector<std::string>> mention_words_;  // folded words of each mention's name
  std::vector<RawMention> mentions_;
};

std::vector<KnownAcronym> known_of(const Extractor& e) {
  std::vector<KnownAcronym> known;
  for (const auto& [acronym, name] : e.programme_acronyms()) known.push_back({acronym, name});
  return known;
}

}  // namespace

namespace classify_detail {

ExtractResult extract_mentions(const Document& doc, const ProgrammeConfig& config,
                               const std::vector<KnownAcronym>& known) {
  SentenceMemo memo(config);
  Extractor extractor(doc, config, memo);
  extractor.add_known(known);
  return extractor.find_mentions();
}

std::pair<ExtractResult, ExtractResult> extract_pair(const Document& a, const Document& b,
                                                     const ProgrammeConfig& config) {
  SentenceMemo memo(config);
  Extractor ea(a, config, memo);
  Extractor eb(b, config, memo);
  auto known_a = known_of(ea);
  auto known_b = known_of(eb);
  ea.add_known(known_b);
  eb.add_known(known_a);
  return {ea.find_mentions(), eb.find_mentions()};
}

}  // namespace classify_detail

std::vector<KnownAcronym> defined_acronyms(const Document& doc) {
  SentenceMemo memo(ProgrammeConfig{});
  return known_of(Extractor(doc, ProgrammeConfig{}, memo));
}

}  // namespace strata

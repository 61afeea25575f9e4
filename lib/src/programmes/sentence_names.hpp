// Internal: what one sentence says about programme names, independent of
// the document around it. Everything that depends on the document (which
// acronyms it defines, which words it writes in lowercase, what a "the
// Commission" refers to) is left as a choice for programmes_extract.cpp to
// make, so a sentence found in both versions is read once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "segment/acronyms.hpp"
#include "segment/sentence_index.hpp"
#include "strata/programmes.hpp"

namespace strata::classify_detail {

struct ConfigForm {
  std::vector<std::string> words;  // folded
  std::string name;                // the configured canonical name
};
// Configured names and aliases by first folded word, longest first.
using ConfigForms = std::map<std::string, std::vector<ConfigForm>, std::less<>>;
ConfigForms config_forms(const ProgrammeConfig& config);
// word_hash of the folded head words of the user's file, sorted.
std::vector<uint64_t> config_heads(const ProgrammeConfig& config);

// One reading of a run of capitalized words.
struct NameVariant {
  std::string form;      // as written ("Operation" capitalized when it led in lowercase)
  size_t offset = 0;     // byte offset in the sentence
  bool backref = false;  // after a determiner, at most two content words: may stand for an earlier name
  // When `backref`: word_hash of each folded word of `form`, and whether
  // the last is a head word.
  std::vector<uint64_t> words;
  bool head_last = false;
  bool name = false;  // a name on its own (two content words, one not a head word)
};

struct NameItem {
  enum class Kind { kName, kAcronym, kRun };
  Kind kind = Kind::kName;
  std::string form;       // kName: the name as written; kAcronym: the acronym
  std::string acronym;    // kName of a "Full Name (ACR)" definition
  std::string canonical;  // kName of a configured form: the configured name
  // kName, kRun: the name the sentence says the same thing has, from the
  // parties it names ("Charter on a Distinctive Partnership between NATO
  // and Ukraine": "NATO-Ukraine Charter"); may be empty.
  std::string also;
  size_t offset = 0;    // kName, kAcronym
  NameVariant plain;    // kRun
  NameVariant dropped;  // kRun: the reading without the sentence's first word
  // kRun: word_hash of the folded first word of the sentence; when the
  // document writes that word in lowercase, `dropped` is the reading. 0: `plain`.
  uint64_t vocab_word = 0;
};

struct SentenceNames {
  std::vector<Definition> definitions;  // programme or not
  std::vector<NameItem> items;          // configured names, definitions, acronyms alone, runs; in that order
};
// What each distinct sentence of a SentenceIndex says, by id.
using NamesById = std::vector<std::shared_ptr<const SentenceNames>>;

class SentenceReader {
 public:
  // `heads`: word_hash of the folded head words the user added, sorted.
  explicit SentenceReader(const ConfigForms& config, std::vector<uint64_t> heads = {})
      : config_(config), heads_(std::move(heads)) {}
  SentenceNames read(const Reading& reading);

 private:
  void match_config(SentenceNames& out);
  void match_acronyms(SentenceNames& out);
  void match_runs(SentenceNames& out);
  // The run of tokens [begin, end) could read as a name.
  bool may_name(size_t begin, size_t end) const;
  void candidate(std::vector<size_t> run, bool sentence_initial, SentenceNames& out);
  // `lead`: an acronym written just before the run that leads the name; may be empty.
  NameVariant reading(std::vector<size_t> run, std::string_view lead = {}) const;
  bool run_word(size_t i) const;
  bool titled_body(const std::vector<size_t>& run, size_t k) const;
  void parties(size_t begin, size_t end, SentenceNames& out);
  std::string range_text(size_t a, size_t b) const;

  const ConfigForms& config_;
  std::vector<uint64_t> heads_;
  std::vector<WordInfo> words_;  // the sentence's words with the user's heads flagged
  // State of the sentence being read; a buffer reused from one to the next.
  Reading r_;
  std::vector<bool> used_;  // tokens already part of a name
};

}  // namespace strata::classify_detail

// Programme extraction: names, acronyms and back-references in one document.
//
// Two linear passes over the claims. The first collects "Full Name (ACR)"
// definitions and the words the document writes in lowercase (so that a
// sentence-initial "Participation" is known to be an ordinary word). The
// second finds mentions: configured names, definitions, acronyms used alone,
// capitalized names with a head word, and short back-references ("the
// Commission"). Mentions are then grouped by key with a union-find.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "classify/lexicon.hpp"
#include "classify/programme_names.hpp"
#include "classify/programmes_internal.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// How far back a short back-reference ("the Commission") looks for the name
// it stands for, in mentions. The seeds' back-references are within 20
// mentions of their antecedent; 50 keeps a margin and bounds the work.
constexpr size_t kBackrefWindow = 50;

// Connectors that may continue a name after its head word ("Platform on
// Countering Hybrid Warfare"); "and" and "with" there start something else.
bool is_tail_connector(std::string_view lower) {
  return lower == "for" || lower == "of" || lower == "on" || lower == "to" || lower == "in" || lower == "against";
}

struct Where {
  int section = -1;
  int block = -1;
  int sentence = -1;
};

class Extractor {
 public:
  Extractor(const Document& doc, const ProgrammeConfig& config)
      : doc_(doc) {
    for (const auto& entry : config.names) {
      if (!entry.acronym.empty()) add_acronym(entry.acronym, entry.name, true);
      add_config_form(entry.name, entry.name);
      for (const auto& alias : entry.aliases) add_config_form(alias, entry.name);
    }
  }

  // Definitions and the lowercase vocabulary.
  void read_definitions() {
    for_each_sentence([this](std::string_view text, const std::vector<Token>& tokens, const Where&) {
      first_pass(text, tokens);
    });
  }
  const AcronymTable& programme_acronyms() const { return programme_acronyms_; }
  // Acronyms the document uses without defining; the document's own
  // definitions win.
  void add_known(const std::vector<KnownAcronym>& known) {
    for (const auto& k : known) add_acronym(k.acronym, k.name, true);
  }
  ExtractResult find_mentions() {
    for_each_sentence([this](std::string_view text, const std::vector<Token>& tokens, const Where& where) {
      second_pass(text, tokens, where);
    });
    return ExtractResult{std::move(mentions_), std::move(table_), std::move(programme_acronyms_)};
  }

 private:
  template <typename F>
  void for_each_sentence(F&& f) {
    for (size_t s = 0; s < doc_.sections.size(); ++s) {
      const auto& section = doc_.sections[s];
      for (size_t b = 0; b < section.blocks.size(); ++b) {
        const auto& sentences = section.blocks[b].sentences;
        for (size_t i = 0; i < sentences.size(); ++i) {
          std::string_view text = sentences[i].norm.empty() ? sentences[i].text : sentences[i].norm;
          tokenize_into(text, tokens_);
          f(text, tokens_, Where{static_cast<int>(s), static_cast<int>(b), static_cast<int>(i)});
        }
      }
    }
  }

  void add_acronym(const std::string& acronym, const std::string& name, bool programme) {
    table_.try_emplace(acronym, name);
    if (programme) programme_acronyms_.try_emplace(acronym, name);
  }

  void add_config_form(const std::string& form, const std::string& name) {
    std::vector<std::string> words;
    for (auto w : words_of(form)) words.push_back(fold_case(w));
    if (words.empty()) return;
    auto& list = config_forms_[words.front()];
    list.push_back({std::move(words), name});
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  }

  void first_pass(std::string_view text, const std::vector<Token>& tokens) {
    for (const auto& t : tokens) {
      if (!t.word) continue;
      auto w = token_text(text, t);
      if (is_lowercase_word(w)) {
        fold_case_into(w, folded_);
        lowercase_.insert(std::hash<std::string>{}(folded_));
      }
    }
    for (auto& def : find_definitions(text, tokens)) add_acronym(def.acronym, def.name, def.programme);
  }

  void mention(RawMention::Kind kind, std::string form, std::string acronym, size_t offset,
               const Where& where, std::string canonical = {}) {
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

  std::string range_text(std::string_view text, const std::vector<Token>& tokens, size_t a, size_t b) const {
    return std::string(text.substr(tokens[a].begin, tokens[b].end - tokens[a].begin));
  }

  void second_pass(std::string_view text, const std::vector<Token>& tokens, const Where& where) {
    std::vector<bool> used(tokens.size(), false);
    if (lower_.size() < tokens.size()) lower_.resize(tokens.size());
    auto& lower = lower_;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].word) {
        fold_case_into(token_text(text, tokens[i]), lower[i]);
      } else {
        lower[i].clear();
      }
    }
    match_config(text, tokens, lower, used, where);
    for (const auto& def : find_definitions(text, tokens)) {
      if (std::any_of(used.begin() + static_cast<long>(def.first), used.begin() + static_cast<long>(def.last) + 1,
                      [](bool u) { return u; })) {
        continue;
      }
      size_t from = def.programme ? def.first : def.last - 2;
      std::fill(used.begin() + static_cast<long>(from), used.begin() + static_cast<long>(def.last) + 1, true);
      if (def.programme) mention(RawMention::Kind::kName, def.name, def.acronym, tokens[def.first].begin, where);
    }
    match_acronyms(text, tokens, used, where);
    match_runs(text, tokens, lower, used, where);
  }

  void match_config(std::string_view text, const std::vector<Token>& tokens, const std::vector<std::string>& lower,
                    std::vector<bool>& used, const Where& where) {
    if (config_forms_.empty()) return;
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto it = config_forms_.find(lower[i]);
      if (!tokens[i].word || it == config_forms_.end()) continue;
      for (const auto& form : it->second) {
        // Word positions of the form, skipping punctuation inside the text.
        size_t j = i;
        size_t k = 0;
        for (; k < form.words.size() && j < tokens.size(); ++j) {
          if (!tokens[j].word) continue;
          if (lower[j] != form.words[k]) break;
          ++k;
        }
        if (k != form.words.size()) continue;
        std::fill(used.begin() + static_cast<long>(i), used.begin() + static_cast<long>(j), true);
        mention(RawMention::Kind::kName, range_text(text, tokens, i, j - 1), {}, tokens[i].begin, where, form.name);
        i = j - 1;
        break;
      }
    }
  }

  void match_acronyms(std::string_view text, const std::vector<Token>& tokens, std::vector<bool>& used,
                      const Where& where) {
    auto capital_word = [&](size_t i) {
      return i < tokens.size() && tokens[i].word && !used[i] && is_capitalized(token_text(text, tokens[i]));
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].word || used[i]) continue;
      bool possessive = false;
      auto word = strip_possessive(token_text(text, tokens[i]), possessive);
      if (!is_acronym(word)) continue;
      auto it = programme_acronyms_.find(word);
      if (it == programme_acronyms_.end()) continue;
      // Inside a longer name ("Ukraine CAP Trust Fund") the acronym is part
      // of that name, not a mention on its own.
      if ((i > 0 && capital_word(i - 1)) || (!possessive && capital_word(i + 1))) continue;
      used[i] = true;
      mention(RawMention::Kind::kAcronym, std::string(word), std::string(word), tokens[i].begin, where, it->second);
    }
  }

  bool run_word(std::string_view text, const std::vector<Token>& tokens, const std::vector<bool>& used,
                size_t i) const {
    if (i >= tokens.size() || !tokens[i].word || used[i]) return false;
    auto w = token_text(text, tokens[i]);
    return is_capitalized(w) && !is_number(w);
  }

  void match_runs(std::string_view text, const std::vector<Token>& tokens, const std::vector<std::string>& lower,
                  std::vector<bool>& used, const Where& where) {
    size_t first_word = 0;
    while (first_word < tokens.size() && !tokens[first_word].word) ++first_word;
    size_t i = 0;
    while (i < tokens.size()) {
      bool possessive = false;
      if (!run_word(text, tokens, used, i) ||
          (strip_possessive(token_text(text, tokens[i]), possessive), possessive)) {
        ++i;
        continue;
      }
      std::vector<size_t> run{i};
      size_t j = i + 1;
      while (j < tokens.size()) {
        if (run_word(text, tokens, used, j)) {
          strip_possessive(token_text(text, tokens[j]), possessive);
          if (possessive) break;
          run.push_back(j++);
          continue;
        }
        // Up to two connectors, then a capitalized word ("on a Distinctive").
        size_t k = j;
        while (k < tokens.size() && k < j + 2 && tokens[k].word && !used[k] && is_connector(lower[k])) ++k;
        if (k == j || !run_word(text, tokens, used, k)) break;
        for (; j < k; ++j) run.push_back(j);
      }
      candidate(text, tokens, lower, used, run, run.front() == first_word, where);
      i = j;
    }
  }

  // Turns a run of capitalized words into a mention, if it is a name.
  void candidate(std::string_view text, const std::vector<Token>& tokens, const std::vector<std::string>& lower,
                 std::vector<bool>& used, std::vector<size_t> run, bool sentence_initial, const Where& where) {
    auto has_head = [&](size_t from) {
      for (size_t k = from; k < run.size(); ++k) {
        if (is_head_word(lower[run[k]])) return true;
      }
      return false;
    };
    auto drop_front = [&] {
      run.erase(run.begin());
      while (!run.empty() && is_connector(lower[run.front()])) run.erase(run.begin());
    };
    // "NATO-Ukraine Commission and NATO-Russia Council" is two names.
    for (size_t k = 1; k + 1 < run.size(); ++k) {
      if (lower[run[k]] == "and" && is_head_word(lower[run[k - 1]]) && has_head(k + 1)) {
        std::vector<size_t> rest(run.begin() + static_cast<long>(k) + 1, run.end());
        run.resize(k);
        candidate(text, tokens, lower, used, run, sentence_initial, where);
        candidate(text, tokens, lower, used, rest, false, where);
        return;
      }
    }
    // "Ukrainian President Petro Poroshenko in the NATO-Ukraine Commission":
    // a person's title and name before a connector are not part of the name.
    for (size_t k = run.size(); k-- > 0;) {
      if (!is_person_title(lower[run[k]]) || !has_head(k + 1)) continue;
      size_t c = k + 1;
      while (c < run.size() && !is_connector(lower[run[c]])) ++c;
      run.erase(run.begin(), run.begin() + static_cast<long>(std::min(c, run.size())));
      while (!run.empty() && is_connector(lower[run.front()])) run.erase(run.begin());
      sentence_initial = false;
      break;
    }
    // A capitalized ordinary word opening the sentence and followed by a
    // connector is not part of a name ("Participation in the Planning and
    // Review Process"); names do not go on with "in" or "with" after one word.
    if (sentence_initial && run.size() > 1) {
      const auto& first = lower[run.front()];
      const auto& next = lower[run[1]];
      bool ordinary = lowercase_.count(std::hash<std::string>{}(first)) > 0 || is_stop_word(first);
      if ((ordinary && is_connector(next)) || next == "in" || next == "with") drop_front();
    }
    while (!run.empty()) {
      const auto& first = lower[run.front()];
      bool joined_place = is_place(first) && run.size() > 1 && is_connector(lower[run[1]]);
      if (!is_stop_word(first) && !is_person_title(first) && !is_month(first) && !joined_place) break;
      drop_front();
    }
    while (!run.empty() && is_connector(lower[run.back()])) run.pop_back();
    if (run.empty()) return;

    size_t before = run.front();  // token index just before the name, if any
    bool determiner = false;
    if (before > 0) {
      size_t p = before - 1;
      if (p > 0 && tokens[p].word && is_number(token_text(text, tokens[p]))) --p;  // "the 1997 Charter"
      determiner = tokens[p].word && is_determiner(lower[p]);
    }
    std::optional<size_t> head;
    for (size_t k = 0; k < run.size(); ++k) {
      if (is_head_word(lower[run[k]])) head = k;
    }
    size_t last = run.back();
    bool lowercase_prefix = false;
    if (head) {
      size_t h = *head;
      bool dated_tail = std::any_of(run.begin() + static_cast<long>(h) + 1, run.end(),
                                    [&](size_t k) { return is_month(lower[k]); });
      if (h + 1 < run.size() && (dated_tail || !is_tail_connector(lower[run[h + 1]])) &&
          !is_prefix_head(lower[run[h]])) {
        run.resize(h + 1);
        last = run.back();
      }
    } else if (last + 1 < tokens.size() && tokens[last + 1].word && !used[last + 1] &&
               is_lowercase_head(lower[last + 1]) && run.size() > 1) {
      last = last + 1;
    } else if (run.front() > 0 && tokens[run.front() - 1].word && is_prefix_head(lower[run.front() - 1])) {
      run.insert(run.begin(), run.front() - 1);
      lowercase_prefix = true;
    } else {
      return;
    }
    if (head && last == run.back() && last + 1 < tokens.size() && tokens[last + 1].word && !used[last + 1] &&
        is_lowercase_head(lower[last + 1]) && !is_head_word(lower[last])) {
      last = last + 1;
    }
    size_t content = 0;
    size_t qualifiers = 0;  // content words that are not head words
    for (size_t k = run.front(); k <= last; ++k) {
      if (!tokens[k].word || is_connector(lower[k])) continue;
      ++content;
      if (!is_head_word(lower[k])) ++qualifiers;
    }
    auto form = range_text(text, tokens, run.front(), last);
    if (lowercase_prefix && form[0] >= 'a' && form[0] <= 'z') form[0] = static_cast<char>(form[0] - 'a' + 'A');
    if (determiner && content <= 2 && backref(form, tokens[run.front()].begin, where)) {
      std::fill(used.begin() + static_cast<long>(run.front()), used.begin() + static_cast<long>(last) + 1, true);
      return;
    }
    if (content < 2 || qualifiers == 0) return;
    std::fill(used.begin() + static_cast<long>(run.front()), used.begin() + static_cast<long>(last) + 1, true);
    mention(RawMention::Kind::kName, std::move(form), {}, tokens[run.front()].begin, where);
  }

  // "the Commission" -> the latest mentioned name whose words include all
  // of the reference's words, the last of them a head word.
  bool backref(const std::string& form, size_t offset, const Where& where) {
    std::vector<std::string> words;
    for (auto w : words_of(form)) words.push_back(fold_case(w));
    if (words.empty() || !is_head_word(words.back())) return false;
    size_t seen = 0;
    for (size_t back = mentions_.size(); back-- > 0 && seen < kBackrefWindow; ++seen) {
      const auto* it = &mentions_[back];
      if (it->kind == RawMention::Kind::kBackref) continue;
      const auto& name_words = mention_words_[back];
      if (name_words.size() <= words.size()) continue;
      bool all = std::all_of(words.begin(), words.end(), [&](const auto& w) {
        return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
      });
      if (!all) continue;
      auto target = it->canonical.empty() ? it->form : it->canonical;
      mention(RawMention::Kind::kBackref, form, {}, offset, where, target);
      return true;
    }
    return false;
  }

  struct ConfigForm {
    std::vector<std::string> words;
    std::string name;
  };

  const Document& doc_;
  AcronymTable table_;               // every definition (and known acronym)
  AcronymTable programme_acronyms_;  // definitions whose name is a programme
  // Hashes of the folded words the document writes in lowercase.
  std::unordered_set<size_t> lowercase_;
  // Buffers reused from sentence to sentence.
  std::vector<Token> tokens_;
  std::vector<std::string> lower_;
  std::string folded_;
  std::vector<std::vector<std::string>> mention_words_;  // folded words of each mention's name, for back-references
  std::map<std::string, std::vector<ConfigForm>, std::less<>> config_forms_;
  std::vector<RawMention> mentions_;
};

}  // namespace

namespace classify_detail {

ExtractResult extract_mentions(const Document& doc, const ProgrammeConfig& config,
                               const std::vector<KnownAcronym>& known) {
  Extractor extractor(doc, config);
  extractor.read_definitions();
  extractor.add_known(known);
  return extractor.find_mentions();
}

std::pair<ExtractResult, ExtractResult> extract_pair(const Document& a, const Document& b,
                                                     const ProgrammeConfig& config) {
  Extractor ea(a, config);
  Extractor eb(b, config);
  ea.read_definitions();
  eb.read_definitions();
  auto known_of = [](const Extractor& e) {
    std::vector<KnownAcronym> known;
    for (const auto& [acronym, name] : e.programme_acronyms()) known.push_back({acronym, name});
    return known;
  };
  auto known_a = known_of(ea);
  auto known_b = known_of(eb);
  ea.add_known(known_b);
  eb.add_known(known_a);
  return {ea.find_mentions(), eb.find_mentions()};
}

}  // namespace classify_detail

std::vector<KnownAcronym> defined_acronyms(const Document& doc) {
  Extractor extractor(doc, ProgrammeConfig{});
  extractor.read_definitions();
  std::vector<KnownAcronym> out;
  for (const auto& [acronym, name] : extractor.programme_acronyms()) out.push_back({acronym, name});
  return out;
}

}  // namespace strata

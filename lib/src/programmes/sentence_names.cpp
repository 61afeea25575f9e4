// Reading one sentence for programme names: configured forms, "Full Name
// (ACR)" definitions, acronyms standing alone, and runs of capitalized words
// with a head word (rules in docs/programmes.md).
#include "programmes/sentence_names.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include "programmes/name_gate.hpp"
#include "text/lexicon.hpp"

namespace strata::classify_detail {

ConfigForms config_forms(const ProgrammeConfig& config) {
  ConfigForms forms;
  auto add = [&forms](const std::string& form, const std::string& name) {
    std::vector<std::string> words;
    for (auto w : words_of(form)) words.push_back(fold_case(w));
    if (words.empty()) return;
    auto& list = forms[words.front()];
    list.push_back({std::move(words), name});
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  };
  for (const auto& entry : config.names) {
    add(entry.name, entry.name);
    for (const auto& alias : entry.aliases) add(alias, entry.name);
  }
  return forms;
}

std::vector<uint64_t> config_heads(const ProgrammeConfig& config) {
  std::vector<uint64_t> heads;
  for (const auto& head : config.heads) heads.push_back(word_hash(fold_case(head)));
  std::sort(heads.begin(), heads.end());
  return heads;
}

SentenceNames SentenceReader::read(const Reading& reading) {
  SentenceNames out;
  r_ = reading;
  if (!heads_.empty()) {
    words_.assign(reading.words.begin(), reading.words.end());
    for (auto& w : words_) {
      if (w.hash != 0 && std::binary_search(heads_.begin(), heads_.end(), w.hash)) w.flags |= kHead;
    }
    r_.words = words_;
  }
  used_.assign(r_.size(), false);

  match_config(out);
  out.definitions = find_definitions(r_);
  std::erase_if(out.definitions, [](const Definition& def) { return !def.capitalized; });
  for (const auto& def : out.definitions) {
    if (std::any_of(used_.begin() + static_cast<long>(def.first), used_.begin() + static_cast<long>(def.last) + 1,
                    [](bool u) { return u; })) {
      continue;
    }
    size_t from = def.programme ? def.first : def.last - 2;
    std::fill(used_.begin() + static_cast<long>(from), used_.begin() + static_cast<long>(def.last) + 1, true);
    if (!def.programme) continue;
    NameItem item;
    item.form = def.name;
    item.acronym = def.acronym;
    item.offset = r_.tokens[def.first].begin;
    out.items.push_back(std::move(item));
  }
  match_acronyms(out);
  match_runs(out);
  return out;
}

std::string SentenceReader::range_text(size_t a, size_t b) const {
  return std::string(r_.text.substr(r_.tokens[a].begin, r_.tokens[b].end - r_.tokens[a].begin));
}

void SentenceReader::match_config(SentenceNames& out) {
  if (config_.empty()) return;
  for (size_t i = 0; i < r_.size(); ++i) {
    auto it = config_.find(r_.lower(i));
    if (!r_.tokens[i].word || it == config_.end()) continue;
    for (const auto& form : it->second) {
      // Word positions of the form, skipping punctuation inside the text.
      size_t j = i;
      size_t k = 0;
      for (; k < form.words.size() && j < r_.size(); ++j) {
        if (!r_.tokens[j].word) continue;
        if (r_.lower(j) != form.words[k]) break;
        ++k;
      }
      if (k != form.words.size()) continue;
      std::fill(used_.begin() + static_cast<long>(i), used_.begin() + static_cast<long>(j), true);
      NameItem item;
      item.form = range_text(i, j - 1);
      item.canonical = form.name;
      item.offset = r_.tokens[i].begin;
      out.items.push_back(std::move(item));
      i = j - 1;
      break;
    }
  }
}

// An acronym standing alone (no capitalized neighbour: inside "Ukraine CAP
// Trust Fund" it is part of that name). Whether it names a programme depends
// on the document's definitions.
void SentenceReader::match_acronyms(SentenceNames& out) {
  auto capital_word = [&](size_t i) { return r_.is(i, kCapitalized) && !used_[i]; };
  for (size_t i = 0; i < r_.size(); ++i) {
    // An acronym starts with a capital: most words are out at once.
    if (!r_.is(i, kCapitalized) || used_[i]) continue;
    bool possessive = false;
    auto word = strip_possessive(r_.word(i), possessive);
    if (!is_acronym(word)) continue;
    if ((i > 0 && capital_word(i - 1)) || (!possessive && capital_word(i + 1))) continue;
    used_[i] = true;
    NameItem item;
    item.kind = NameItem::Kind::kAcronym;
    item.form = std::string(word);
    item.offset = r_.tokens[i].begin;
    out.items.push_back(std::move(item));
  }
}

bool SentenceReader::run_word(size_t i) const { return r_.is(i, kCapitalized) && !r_.is(i, kNumber) && !used_[i]; }

void SentenceReader::match_runs(SentenceNames& out) {
  size_t first_word = 0;
  while (first_word < r_.size() && !r_.tokens[first_word].word) ++first_word;
  size_t i = 0;
  bool possessive = false;
  while (i < r_.size()) {
    if (!run_word(i) || (strip_possessive(r_.word(i), possessive), possessive)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < r_.size()) {
      if (run_word(j)) {
        strip_possessive(r_.word(j), possessive);
        if (possessive) break;
        ++j;
        continue;
      }
      // Up to two connectors, then a capitalized word ("on a Distinctive").
      size_t k = j;
      while (k < j + 2 && r_.is(k, kConnector) && !used_[k]) ++k;
      if (k == j || !run_word(k)) break;
      j = k;
    }
    if (may_name(i, j)) {
      std::vector<size_t> run(j - i);
      std::iota(run.begin(), run.end(), i);
      const size_t items = out.items.size();
      candidate(std::move(run), i == first_word, out);
      if (out.items.size() > items) parties(i, j, out);
    }
    i = j;
  }
}

// "the Charter on a Distinctive Partnership between NATO and Ukraine": the
// parties named after a name give it the name written with them in front,
// "NATO-Ukraine Charter". The name is the last head word of the run [begin,
// end) that a connector of the tail follows, to the end of the run (in
// "Declaration to Complement the Charter on a Distinctive Partnership", the
// Charter); the run's name must end where the run does.
void SentenceReader::parties(size_t begin, size_t end, SentenceNames& out) {
  auto owner = [&](size_t k) {
    return k < r_.size() && r_.tokens[k].word && (r_.is(k, kPlace) || is_acronym(r_.word(k)));
  };
  if (end + 3 >= r_.size() || r_.lower(end) != "between" || !owner(end + 1) || r_.lower(end + 2) != "and" ||
      !owner(end + 3)) {
    return;
  }
  NameItem& item = out.items.back();
  if (item.kind != NameItem::Kind::kRun || !item.plain.name ||
      item.plain.offset + item.plain.form.size() != r_.tokens[end - 1].end) {
    return;
  }
  size_t head = end;
  for (size_t k = begin; k + 1 < end; ++k) {
    if (r_.tokens[k].begin >= item.plain.offset && r_.is(k, kHead) && is_tail_connector(r_.lower(k + 1))) head = k;
  }
  if (head == end) return;
  std::string also =
      std::string(r_.word(end + 1)) + "-" + std::string(r_.word(end + 3)) + " " + std::string(r_.word(head));
  if (r_.tokens[head].begin == item.plain.offset) {
    item.also = std::move(also);
    return;
  }
  NameItem inner;
  inner.form = range_text(head, end - 1);
  inner.offset = r_.tokens[head].begin;
  inner.also = std::move(also);
  out.items.push_back(std::move(inner));
}

// Most runs ("The", "In 2014", "Ukraine") have no head word in or around
// them, so that every reading() of them would be empty: they are turned away
// before any is made.
bool SentenceReader::may_name(size_t begin, size_t end) const {
  for (size_t k = begin; k < end; ++k) {
    if (r_.is(k, kHead)) return true;
  }
  return (r_.is(end, kLowercaseHead) && !used_[end]) || (begin > 0 && r_.is(begin - 1, kPrefixHead));
}

void SentenceReader::candidate(std::vector<size_t> run, bool sentence_initial, SentenceNames& out) {
  const size_t written_first = run.front();
  if (!gate_run(r_, run)) return;
  sentence_initial = sentence_initial && run.front() == written_first;
  auto has_head = [&](size_t from) {
    for (size_t k = from; k < run.size(); ++k) {
      if (r_.is(run[k], kHead)) return true;
    }
    return false;
  };
  // "NATO-Ukraine Commission and NATO-Russia Council" is two names; so is
  // "GitHub Arctic Code Vault and GitHub Archive Program", whose second
  // name starts with the first one's first word.
  size_t opening = 0;  // the first word that is not a connector ("the")
  while (opening + 1 < run.size() && r_.is(run[opening], kConnector)) ++opening;
  for (size_t k = 1; k + 1 < run.size(); ++k) {
    const bool parallel = k > opening && r_.lower(run[k + 1]) == r_.lower(run[opening]);
    if (r_.lower(run[k]) == "and" && (r_.is(run[k - 1], kHead) || parallel) && has_head(k + 1)) {
      std::vector<size_t> rest(run.begin() + static_cast<long>(k) + 1, run.end());
      run.resize(k);
      candidate(run, sentence_initial, out);
      candidate(rest, false, out);
      return;
    }
  }
  // "Ukrainian President Petro Poroshenko in the NATO-Ukraine Commission",
  // "Heads of State and Government of the NATO-Ukraine Commission": a
  // person's title and what follows it up to the connectors before the
  // words of the name (those holding its first head word) are not part of it.
  for (size_t k = run.size(); k-- > 0;) {
    if (!r_.is(run[k], kPersonTitle) || !has_head(k + 1) || titled_body(run, k)) continue;
    size_t head = k + 1;
    while (!r_.is(run[head], kHead)) ++head;
    size_t c = head;
    while (c > k + 1 && !r_.is(run[c - 1], kConnector)) --c;
    while (c > k + 1 && r_.is(run[c - 1], kConnector)) --c;
    if (c == k + 1 && !r_.is(run[c], kConnector)) c = run.size();
    run.erase(run.begin(), run.begin() + static_cast<long>(c));
    sentence_initial = false;
    break;
  }
  // "Partnership for Peace (PfP) Status of Forces Agreement" is the "PfP
  // Status of Forces Agreement": the acronym of a definition just before the
  // run leads the name.
  std::string_view lead;
  if (!run.empty()) {
    for (const auto& def : out.definitions) {
      if (def.last + 1 == run.front() && !r_.tokens[def.last].word) lead = def.acronym;
    }
  }
  NameItem item;
  item.kind = NameItem::Kind::kRun;
  // A capitalized ordinary word opening the sentence and followed by a
  // connector is not part of a name ("Participation in the Planning and
  // Review Process"); names do not go on with "in" or "with" after one word.
  // "Ordinary" means the document writes it in lowercase somewhere, which
  // only the document can tell: both readings are kept.
  if (sentence_initial && run.size() > 1 && r_.is(run[1], kConnector)) {
    auto next = r_.lower(run[1]);
    std::vector<size_t> rest(run.begin() + 1, run.end());
    if (r_.is(run.front(), kStop) || next == "in" || next == "with") {
      run = std::move(rest);
    } else {
      item.vocab_word = r_.words[run.front()].hash;
      item.dropped = reading(std::move(rest));
    }
  }
  item.plain = reading(std::move(run), lead);
  // "Legal Process": an ordinary word before a generic head ("process",
  // "programme") names nothing when the document writes that word in
  // lowercase; which only the document can tell.
  if (item.vocab_word == 0 && item.plain.name) {
    size_t first = 0;
    while (first < r_.size() && r_.tokens[first].begin < item.plain.offset) ++first;
    size_t second = first + 1;
    while (second < r_.size() && !r_.tokens[second].word) ++second;
    const size_t end = item.plain.offset + item.plain.form.size();
    if (second < r_.size() && r_.tokens[second].end == end && r_.is(second, kGenericTail) && !r_.is(first, kHead) &&
        !is_acronym(r_.word(first))) {
      item.vocab_word = r_.words[first].hash;
      item.dropped = NameVariant{};
    }
  }
  if (item.plain.backref || item.plain.name || item.dropped.backref || item.dropped.name) {
    out.items.push_back(std::move(item));
  }
}

// "General Assembly", "General Staff": a title word right before a head
// word names a body, not a person.
bool SentenceReader::titled_body(const std::vector<size_t>& run, size_t k) const {
  return k + 1 < run.size() && r_.is(run[k + 1], kHead);
}

NameVariant SentenceReader::reading(std::vector<size_t> run, std::string_view lead) const {
  NameVariant v;
  if (run.empty()) return v;
  const size_t written_first = run.front();
  auto drop_front = [&] {
    run.erase(run.begin());
    while (!run.empty() && r_.is(run.front(), kConnector)) run.erase(run.begin());
  };
  while (!run.empty() && r_.is(run.front(), kConnector)) run.erase(run.begin());
  while (!run.empty()) {
    size_t first = run.front();
    // A place, or a letter ("Schedules A and D of the LinkedIn Data
    // Processing Agreement"), followed by a connector.
    bool joined_place =
        (r_.is(first, kPlace) || r_.word(first).size() == 1) && run.size() > 1 && r_.is(run[1], kConnector);
    const bool title = r_.is(first, kPersonTitle) && !titled_body(run, 0);
    if (!r_.is(first, kStop) && !title && !r_.is(first, kMonth) && !joined_place) break;
    drop_front();
  }
  while (!run.empty() && r_.is(run.back(), kConnector)) run.pop_back();
  if (run.empty()) return v;

  bool determiner = false;
  if (run.front() > 0) {
    size_t p = run.front() - 1;
    if (p > 0 && r_.is(p, kNumber)) --p;  // "the 1997 Charter"
    determiner = r_.is(p, kDeterminer);
  }
  std::optional<size_t> head;
  for (size_t k = 0; k < run.size(); ++k) {
    if (r_.is(run[k], kHead)) head = k;
  }
  auto lowercase_head_at = [&](size_t k) { return r_.is(k, kLowercaseHead) && !used_[k]; };
  size_t last = run.back();
  bool lowercase_prefix = false;
  if (head) {
    size_t h = *head;
    bool dated_tail =
        std::any_of(run.begin() + static_cast<long>(h) + 1, run.end(), [&](size_t k) { return r_.is(k, kMonth); });
    if (h + 1 < run.size() &&
        (dated_tail || !is_tail_connector(r_.lower(run[h + 1])) || tail_qualifies_noun(r_, run, h)) &&
        !r_.is(run[h], kPrefixHead)) {
      run.resize(h + 1);
      last = run.back();
    }
    if (last == run.back() && lowercase_head_at(last + 1) && !r_.is(last, kHead)) ++last;
  } else if (lowercase_head_at(last + 1) && run.size() > 1) {
    ++last;
  } else if (run.front() > 0 && r_.is(run.front() - 1, kPrefixHead)) {
    run.insert(run.begin(), run.front() - 1);
    lowercase_prefix = true;
  } else {
    return v;
  }
  // 'the Multinational Task Force "East"': a capitalized word in quotes
  // right after the head word is the designator that tells this one from
  // the others of its kind, and part of the name.
  auto quote = [&](size_t k) {
    if (k >= r_.size() || r_.tokens[k].word) return false;
    auto t = r_.text.substr(r_.tokens[k].begin, r_.tokens[k].end - r_.tokens[k].begin);
    return t == "\"" || t == "\u201C" || t == "\u201D";
  };
  if (r_.is(last, kHead) && quote(last + 1) && last + 2 < r_.size() && r_.tokens[last + 2].word &&
      r_.is(last + 2, kCapitalized) && quote(last + 3)) {
    last += 3;
  }
  size_t content = 0;
  size_t qualifiers = 0;  // content words that are not head words
  for (size_t k = run.front(); k <= last; ++k) {
    if (!r_.tokens[k].word || r_.is(k, kConnector)) continue;
    ++content;
    if (!r_.is(k, kHead)) ++qualifiers;
  }
  v.form = range_text(run.front(), last);
  if (!lead.empty() && run.front() == written_first) v.form = std::string(lead) + " " + v.form;
  if (lowercase_prefix && v.form[0] >= 'a' && v.form[0] <= 'z') v.form[0] = static_cast<char>(v.form[0] - 'a' + 'A');
  v.offset = r_.tokens[run.front()].begin;
  v.backref = determiner && content <= 2;
  if (v.backref) {
    for (size_t k = run.front(); k <= last; ++k) {
      if (!r_.tokens[k].word) continue;
      v.words.push_back(r_.words[k].hash);
      v.head_last = r_.is(k, kHead);
    }
  }
  v.name = content >= 2 && qualifiers > 0;
  return v;
}

}  // namespace strata::classify_detail

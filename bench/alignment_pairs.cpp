// Generated pairs with labelled alignment edits (strata_make_pairs
// alignment): a Markdown document of real sentences from the bundled
// snapshots, a new version of it with edits of known kinds, and the truth:
// for each claim of either version, which claims of the other it became.
//
// A claim is what strata pairs: one sentence of a paragraph, or a whole
// list item however many sentences it holds. truth.tsv has one line per
// link, `kind <TAB> old claim <TAB> new claim`, an empty side for a claim
// inserted or deleted; a split (merge) is one line per new (old) part.
#include "alignment_pairs.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "normalize/normalize.hpp"
#include "seed_text.hpp"
#include "segment/segment.hpp"

namespace {

struct Block {
  bool item = false;                   // a list item: one claim of all its sentences
  std::vector<std::string> sentences;  // a paragraph: one claim per sentence
};

struct Section {
  std::string title;
  std::vector<Block> blocks;
};

struct Link {
  std::string kind, old_claim, new_claim;
};

std::string join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) out += (out.empty() ? "" : " ") + s;
  return out;
}

// The claims of a block as strata reads them.
std::vector<std::string> claims_of(const Block& b) {
  return b.item ? std::vector<std::string>{join(b.sentences)} : b.sentences;
}

std::string render(const std::vector<Section>& doc) {
  std::string out = "# Generated alignment document\n";
  for (const Section& s : doc) {
    out += "\n## " + s.title + "\n";
    for (const Block& b : s.blocks) out += (b.item ? "\n- " : "\n") + join(b.sentences) + "\n";
  }
  return out;
}

size_t word_count(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

// The words of `s`, lower-cased, without punctuation.
std::set<std::string> word_set(const std::string& s) {
  std::set<std::string> out;
  std::string word;
  for (const char c : s + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  return out;
}

// Sentences of the bundled snapshots' lines as strata's sentence splitter cuts them (so
// that the claims of the generated text are the truth's), only those of 8
// to 45 words that start with a capital or a digit and end with a full
// stop. The snapshots repeat sentences
// with small edits from one page to the next: a sentence sharing more than
// half its words with one already taken is left out, so that the truth
// never hangs on which of two near copies was meant.
std::vector<std::string> seed_sentences() {
  std::vector<std::string> out;
  std::vector<std::set<std::string>> taken;
  for (const std::string& raw : seed_lines()) {
    // The splitter reads the comparison form (a no-break space after a
    // full stop is a space there).
    const std::string line = strata::normalize_text(raw);
    for (const strata::Span& span : strata::split_sentences(line)) {
      std::string s = line.substr(span.begin, span.end - span.begin);
      while (!s.empty() && s.back() == ' ') s.pop_back();
      const size_t words = word_count(s);
      // A fragment starting in lower case ("enhancing dialogue; and ...")
      // would run on from the sentence before it.
      const bool capital = !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9'));
      if (!capital || s.back() != '.' || words < 8 || words > 45) continue;
      const std::set<std::string> w = word_set(s);
      const bool near_copy = std::any_of(taken.begin(), taken.end(), [&](const std::set<std::string>& t) {
        size_t common = 0;
        for (const std::string& x : w) common += t.count(x);
        return 2 * common > std::min(w.size(), t.size());
      });
      if (near_copy) continue;
      taken.push_back(w);
      out.push_back(s);
    }
  }
  return out;
}

// One word of `s` (not the first) replaced by another of the list.
std::string reword(const std::string& s, std::mt19937& rng) {
  static const char* kWords[] = {"notably", "broadly", "steadily", "jointly", "formally", "openly"};
  std::vector<size_t> starts;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i - 1] == ' ' && s[i] >= 'a' && s[i] <= 'z') starts.push_back(i);
  }
  if (starts.empty()) return s + " notably";
  const size_t at = starts[rng() % starts.size()];
  size_t end = at;
  while (end < s.size() && s[end] != ' ' && s[end] != ',' && s[end] != '.') ++end;
  return s.substr(0, at) + kWords[rng() % 6] + s.substr(end);
}

// `s` cut at a comma near its middle into two sentences, or "" when it has
// no comma that leaves both parts at least five words.
std::pair<std::string, std::string> split_at_comma(const std::string& s) {
  size_t best = std::string::npos;
  for (size_t at = s.find(", "); at != std::string::npos; at = s.find(", ", at + 1)) {
    if (word_count(s.substr(0, at)) < 5 || word_count(s.substr(at + 2)) < 5) continue;
    const auto middle = s.size() / 2;
    if (best == std::string::npos ||
        (at > middle ? at - middle : middle - at) < (best > middle ? best - middle : middle - best))
      best = at;
  }
  if (best == std::string::npos) return {};
  std::string second = s.substr(best + 2);
  if (second[0] >= 'a' && second[0] <= 'z') second[0] = static_cast<char>(second[0] - 'a' + 'A');
  return {s.substr(0, best) + ".", second};
}

// Two sentences joined into one: "A. B." -> "A, and b." (an acronym or a
// name keeps its capital).
std::string merge(const std::string& a, const std::string& b) {
  std::string second = b;
  if (second.size() > 1 && second[0] >= 'A' && second[0] <= 'Z' && second[1] >= 'a' && second[1] <= 'z')
    second[0] = static_cast<char>(second[0] - 'A' + 'a');
  return a.substr(0, a.size() - 1) + ", and " + second;
}

// Dated lines and their next versions ("Last updated:" lines are the
// document's date, taken out by a boilerplate rule, not claims).
const char* const kDates[][2] = {
    {"Effective July 26, 2022.", "Effective January 1, 2023."},
    {"Last revised on 4 March 2021.", "Last revised on 19 October 2023."},
    {"Effective date: December 19, 2020.", "Effective date: May 25, 2022."},
};

}  // namespace

void alignment_pair(std::mt19937& rng, const std::string& dir) {
  std::vector<std::string> pool = seed_sentences();
  std::shuffle(pool.begin(), pool.end(), rng);
  size_t next = 0;
  auto take = [&] { return pool[next++ % pool.size()]; };

  // The old version: 10 sections of paragraphs (one or two sentences) and
  // list items of two or three sentences, one item in four long (four to
  // six sentences); the first section opens with a date line.
  std::vector<Section> old_doc;
  for (int k = 1; k <= 10; ++k) {
    Section s;
    s.title = "Part " + std::to_string(k) + ": " + take().substr(0, 24);
    while (!s.title.empty() && s.title.back() != ' ') s.title.pop_back();
    s.title.pop_back();
    const size_t blocks = 4 + rng() % 4;
    for (size_t b = 0; b < blocks; ++b) {
      Block block;
      block.item = rng() % 3 == 0;
      const size_t sentences = !block.item ? 1 + rng() % 2 : rng() % 4 == 0 ? 4 + rng() % 3 : 2 + rng() % 2;
      for (size_t i = 0; i < sentences; ++i) block.sentences.push_back(take());
      s.blocks.push_back(std::move(block));
    }
    old_doc.push_back(std::move(s));
  }
  const auto& date = kDates[rng() % 3];
  old_doc[0].blocks.insert(old_doc[0].blocks.begin(), Block{false, {date[0]}});

  // The new version: each block gets at most one edit. Links are recorded
  // as the edits are made; every claim not named by an edit is kept.
  std::vector<Link> links;
  std::vector<Section> new_doc;
  std::vector<std::pair<size_t, Block>> moved;  // (target section, block)
  auto keep = [&](const Block& b, const char* kind) {
    for (const std::string& c : claims_of(b)) links.push_back({kind, c, c});
  };
  for (size_t k = 0; k < old_doc.size(); ++k) {
    const Section& s = old_doc[k];
    Section out;
    out.title = s.title;
    // A section renamed (a new title of other words) whose claims stay.
    const bool renamed = k > 0 && rng() % 8 == 0;
    if (renamed) out.title = "Part " + std::to_string(k + 1) + " renamed: " + take().substr(0, 20);
    for (const Block& b : s.blocks) {
      if (b.sentences.size() == 1 && b.sentences[0] == date[0]) {
        out.blocks.push_back(Block{false, {date[1]}});
        links.push_back({"date", date[0], date[1]});
        continue;
      }
      const unsigned roll = static_cast<unsigned>(rng() % 100);
      Block nb = b;
      if (b.item) {
        // Long items are turned into sentences more often: each part of one
        // of them matches the whole item less than a part of a short one.
        const bool long_item = b.sentences.size() >= 4;
        if (roll < 12) {  // one sentence of the item reworded
          const size_t at = rng() % nb.sentences.size();
          nb.sentences[at] = reword(nb.sentences[at], rng);
          links.push_back({"item-reword", join(b.sentences), join(nb.sentences)});
        } else if (roll < 20 || (long_item && roll < 50)) {  // the item became a paragraph of its sentences
          nb.item = false;
          for (const std::string& c : nb.sentences)
            links.push_back({long_item ? "long-item-to-sentences" : "item-to-sentences", join(b.sentences), c});
        } else if (roll < 28) {  // the item kept one sentence, reworded
          const size_t at = rng() % nb.sentences.size();
          nb.sentences = {reword(b.sentences[at], rng)};
          links.push_back({"item-shrink", join(b.sentences), nb.sentences[0]});
        } else {
          keep(b, renamed ? "renamed-section" : "kept");
        }
        out.blocks.push_back(std::move(nb));
        continue;
      }
      // A paragraph: the edit applies to its first sentence, the rest is kept.
      const std::string first = b.sentences[0];
      Block rest{false, {b.sentences.begin() + 1, b.sentences.end()}};
      if (roll < 10) {
        nb.sentences[0] = reword(first, rng);
        links.push_back({"reword", first, nb.sentences[0]});
        keep(rest, renamed ? "renamed-section" : "kept");
      } else if (roll < 16 && k + 1 < old_doc.size()) {
        moved.emplace_back(rng() % old_doc.size(), Block{false, {first}});
        links.push_back({"move", first, first});
        nb = rest;
        keep(rest, renamed ? "renamed-section" : "kept");
      } else if (roll < 22 && !split_at_comma(first).first.empty()) {
        const auto [a, c] = split_at_comma(first);
        nb.sentences[0] = a;
        nb.sentences.insert(nb.sentences.begin() + 1, c);
        links.push_back({"split", first, a});
        links.push_back({"split", first, c});
        keep(rest, renamed ? "renamed-section" : "kept");
      } else if (roll < 28 && b.sentences.size() == 2) {
        nb.sentences = {merge(b.sentences[0], b.sentences[1])};
        links.push_back({"merge", b.sentences[0], nb.sentences[0]});
        links.push_back({"merge", b.sentences[1], nb.sentences[0]});
      } else if (roll < 33) {
        nb = rest;
        links.push_back({"delete", first, ""});
        keep(rest, renamed ? "renamed-section" : "kept");
      } else if (roll < 38) {
        const std::string added = take();
        out.blocks.push_back(Block{false, {added}});
        links.push_back({"insert", "", added});
        keep(b, renamed ? "renamed-section" : "kept");
      } else {
        keep(b, renamed ? "renamed-section" : "kept");
      }
      if (!nb.sentences.empty()) out.blocks.push_back(std::move(nb));
    }
    new_doc.push_back(std::move(out));
  }
  // Moved sentences land at the end of another section (or their own, one
  // section on: a sentence that moves past its neighbours' claims).
  for (auto& [to, block] : moved) new_doc[to].blocks.push_back(std::move(block));

  std::ofstream(dir + "/old.md") << render(old_doc);
  std::ofstream(dir + "/new.md") << render(new_doc);
  std::ofstream truth(dir + "/truth.tsv");
  for (const Link& l : links) truth << l.kind << '\t' << l.old_claim << '\t' << l.new_claim << '\n';
}

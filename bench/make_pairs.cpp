// Writes benchmark inputs built from the bundled snapshots: an evolving pair
// (old.txt, new.txt) of about SIZE bytes with scattered edits, moves and
// renames, or two unrelated texts; or the 2023 snapshot and a version of it
// whose programmes were renamed, merged or respelt, with the truth
// (truth.tsv: kind, old name, new name); or a Markdown pair with labelled
// alignment edits (bench/alignment_pairs.cpp). Deterministic for a given seed.
//
//   strata_make_pairs realistic SIZE OUTDIR [SEED]
//   strata_make_pairs unrelated SIZE OUTDIR [SEED]
//   strata_make_pairs programmes 0 OUTDIR [SEED]
//   strata_make_pairs alignment 0 OUTDIR [SEED]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "alignment_pairs.hpp"
#include "seed_text.hpp"

std::vector<std::string> seed_lines() {
  std::vector<std::string> lines;
  for (const char* name :
       {"2015-05-06_page_natos-relations-with-ukraine.txt", "2023_page_relations-with-ukraine.txt",
        "2024-07-02_page_natos-response-to-russias-invasion.txt", "undated_reference_ukraine-nato-relations.txt"}) {
    std::ifstream in(std::string(STRATA_SNAPSHOTS) + "/" + name);
    std::string line;
    while (std::getline(in, line)) {
      size_t start = line.find_first_not_of(" \xC2\xA0\xE2\x80\xA2");
      if (start == std::string::npos) continue;
      line = line.substr(start);
      if (line.size() > 60) lines.push_back(line);  // paragraphs, not headings
    }
  }
  return lines;
}

namespace {

struct Section {
  std::string title;
  std::vector<std::string> paragraphs;
};

std::string render(const std::vector<Section>& sections) {
  std::string out = "Generated benchmark document\n\n";
  for (const Section& s : sections) {
    out += "\n" + s.title + "\n\n";
    for (const std::string& p : s.paragraphs) out += p + "\n\n";
  }
  return out;
}

std::vector<Section> build(size_t size, std::mt19937& rng, const std::vector<std::string>& pool, int salt) {
  std::vector<Section> sections;
  size_t total = 0;
  int k = 0;
  while (total < size) {
    Section s;
    s.title =
        "Section " + std::to_string(++k) + " topic " + std::to_string(salt * 100000 + static_cast<int>(rng() % 1000));
    const size_t n = 3 + rng() % 6;
    for (size_t i = 0; i < n; ++i) {
      std::string p = pool[rng() % pool.size()];
      // Mark each paragraph so that copies from the small seed pool differ.
      p += " (ref " + std::to_string(salt) + "-" + std::to_string(k) + "-" + std::to_string(i) + ")";
      total += p.size() + 2;
      s.paragraphs.push_back(std::move(p));
    }
    sections.push_back(std::move(s));
  }
  return sections;
}

void edit_word(std::string& p, std::mt19937& rng) {
  const size_t at = p.find(' ', rng() % p.size());
  if (at == std::string::npos) return;
  const size_t end = p.find(' ', at + 1);
  static const char* words[] = {"notably",  "significantly", "all",  "some",
                                "will not", "does not",      "2025", "EUR 900 million"};
  p.replace(at + 1, (end == std::string::npos ? p.size() : end) - at - 1, words[rng() % 8]);
}

// A change to the programmes of the 2023 snapshot. `from` is replaced by
// `to` wherever it is written; `also` (a merge's second programme) too.
// `statement`, when given, is a sentence added after the paragraph that
// first names `from`, with {from}, {also}, {to} and {to2} filled in.
struct ProgrammeEdit {
  const char* kind;  // head, containing, acronym, succession, merge, split, variant (no change expected)
  const char* from;
  const char* to;
  const char* statement = nullptr;
  const char* also = nullptr;
  const char* to2 = nullptr;  // a split's second successor, named in the statement
};

constexpr ProgrammeEdit kProgrammeEdits[] = {
    {"head", "NATO-Ukraine Platform on Countering Hybrid Warfare", "NATO-Ukraine Forum on Countering Hybrid Warfare"},
    {"head", "National Security Strategy", "National Security Framework"},
    {"head", "DEXTER Programme", "DEXTER Initiative"},
    {"head", "Partnership Interoperability Initiative", "Partnership Interoperability Programme"},
    {"head", "NATO Public Diplomacy Division", "NATO Public Diplomacy Office"},
    {"head", "Professional Development Programme", "Professional Development Initiative"},
    // A name inside a longer one, split off once the body is named alone.
    {"containing", "Ukraine Work Plan", "Ukraine Work Roadmap",
     "The Military Committee agrees the work of each year with Ukraine's Chief of the General Staff."},
    {"acronym", "Resilience Advisory Support Team", "Resilience Advisory Service Team"},
    {"acronym", "Joint Analysis, Training and Education Centre", "Joint Analysis, Training and Evaluation Centre"},
    {"succession", "Medical Rehabilitation Centre of Excellence", "Medical Rehabilitation Network of Excellence",
     "In 2024, the {from} was replaced by the {to}."},
    {"succession", "Commission for Coordination of Euro-Atlantic Integration of Ukraine",
     "Government Office for Coordination of Euro-Atlantic Integration of Ukraine",
     "The {to} succeeded the {from} in 2024."},
    {"merge", "Host Nation Support Agreement", "Host Nation and Airlift Support Agreement",
     "In 2024, the {from} and the {also} were merged into the {to}.", "Strategic Airlift Agreement"},
    {"split", "Air Situation Data Exchange programme", "Air Situation Picture Programme",
     "In 2024, the {from} was split into the {to} and the {to2}.", nullptr, "Air Data Sharing Programme"},
    {"variant", "Euro-Atlantic Disaster Response Coordination Centre",
     "Euro-Atlantic Disaster Response Coordination Center"},
    {"variant", "NATO Representation to Ukraine", "NATO Representation in Ukraine"},
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The 2023 snapshot, and a new version where each edit is made with
// probability 1/2: every mention renamed, the statement (if any) added as
// a paragraph after the paragraph of the first mention.
void programme_pair(std::mt19937& rng, const std::string& dir) {
  std::ifstream in(std::string(STRATA_SNAPSHOTS) + "/2023_page_relations-with-ukraine.txt");
  const std::string old_text{std::istreambuf_iterator<char>(in), {}};
  std::string new_text = old_text;
  std::ofstream truth(dir + "/truth.tsv");
  for (const auto& edit : kProgrammeEdits) {
    if (rng() % 2 == 0) continue;
    const std::string from = edit.from;
    const std::string to = edit.to;
    // The statement goes in first, with the old names held by markers
    // that the renaming does not touch.
    if (edit.statement != nullptr) {
      std::string statement = edit.statement;
      replace_all(statement, "{from}", "\x01");
      replace_all(statement, "{also}", "\x02");
      replace_all(statement, "{to}", to);
      if (edit.to2 != nullptr) replace_all(statement, "{to2}", edit.to2);
      const size_t first = new_text.find(from);
      const size_t end = first == std::string::npos ? std::string::npos : new_text.find('\n', first);
      if (end != std::string::npos) new_text.insert(end, "\n\n" + statement);
    }
    replace_all(new_text, from, to);
    if (edit.also != nullptr) replace_all(new_text, edit.also, to);
    replace_all(new_text, "\x01", from);
    if (edit.also != nullptr) replace_all(new_text, "\x02", edit.also);
    truth << edit.kind << '\t' << from << '\t' << to << '\n';
    if (edit.also != nullptr) truth << edit.kind << '\t' << edit.also << '\t' << to << '\n';
    if (edit.to2 != nullptr) truth << edit.kind << '\t' << from << '\t' << edit.to2 << '\n';
  }
  std::ofstream(dir + "/old.txt") << old_text;
  std::ofstream(dir + "/new.txt") << new_text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s realistic|unrelated|programmes|alignment SIZE OUTDIR [SEED]\n", argv[0]);
    return 2;
  }
  const std::string kind = argv[1];
  const size_t size = std::strtoull(argv[2], nullptr, 10);
  const std::string dir = argv[3];
  std::mt19937 rng(argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 42u);
  if (kind == "programmes") {
    programme_pair(rng, dir);
    return 0;
  }
  if (kind == "alignment") {
    alignment_pair(rng, dir);
    return 0;
  }
  const auto pool = seed_lines();
  std::vector<Section> old_doc = build(size, rng, pool, 1);
  std::vector<Section> new_doc;
  if (kind == "unrelated") {
    // Unrelated: other paragraphs in another order, shuffled words.
    new_doc = build(size, rng, pool, 2);
    for (Section& s : new_doc) {
      for (std::string& p : s.paragraphs) {
        std::istringstream words(p);
        std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
        std::shuffle(w.begin(), w.end(), rng);
        p.clear();
        for (const std::string& x : w) p += x + " ";
      }
    }
  } else {
    new_doc = old_doc;
    for (Section& s : new_doc) {
      if (rng() % 100 < 3) s.title += " and partners";  // renamed
      for (std::string& p : s.paragraphs) {
        if (rng() % 100 < 8) edit_word(p, rng);  // edited claims
      }
      if (!s.paragraphs.empty() && rng() % 100 < 3) s.paragraphs.erase(s.paragraphs.begin());  // removed
    }
    for (size_t i = 0; i + 1 < new_doc.size(); ++i) {
      if (rng() % 100 < 2 && !new_doc[i].paragraphs.empty()) {  // moved to another section
        const size_t to = rng() % new_doc.size();
        new_doc[to].paragraphs.push_back(new_doc[i].paragraphs.back());
        new_doc[i].paragraphs.pop_back();
      }
      if (rng() % 100 < 1) std::swap(new_doc[i], new_doc[i + 1]);  // moved section
    }
  }
  std::ofstream(dir + "/old.txt") << render(old_doc);
  std::ofstream(dir + "/new.txt") << render(new_doc);
  return 0;
}

// compare(): align sections and claims, word-diff the changed pairs, label
// equivalences, diff the link sets, then hand over to classify.
#include <fmt/core.h>
#include <algorithm>
#include <cstdint>
#include <future>
#include <mutex>

#include "align/claims.hpp"
#include "align/same.hpp"
#include "align/sections.hpp"
#include "classify/classify_internal.hpp"
#include "diff/equivalence.hpp"
#include "diff/links.hpp"
#include "diff/sentence_changes.hpp"
#include "ingest/wrapped.hpp"
#include "pipeline/compare_linked.hpp"
#include "pipeline/report_order.hpp"
#include "strata/compare.hpp"
#include "sys/parallel.hpp"

namespace strata {

namespace {

// Claim changes built at a time before they are taken in report order:
// enough to keep threads busy, few enough that the changes past the listing
// cap (built only to be counted) stay a bounded batch in memory.
constexpr size_t kClaimChunk = 1024;
// A chunk with fewer pairs than this is built on the calling thread alone: a
// thread's start costs about what a few dozen short word diffs do.
constexpr size_t kMinParallelClaims = 64;
// Two documents with fewer sentences than this in all are classified on the
// calling thread alone. A thread's start and end (the allocator's cache for
// it set up, then handed back) were 0.3 million instructions, a quarter of a
// one-line diff; classify reads about 40,000 a sentence (the bundled pair's
// 257 sentences, 9.8 million), so the second thread pays for itself only
// from a few dozen sentences on.
constexpr size_t kMinThreadedSentences = 64;

using align::ClaimPairs;
using align::PairKind;
using align::SectionPairs;
using align::Side;
using pipeline::after_predecessors;
using pipeline::claim_report_order;
using pipeline::Keyed;
using pipeline::out_of_order;

SectionSide section_side(const Document& doc, int index) {
  const Section& s = doc.sections[static_cast<size_t>(index)];
  return SectionSide{index, s.id, s.title, doc.title_path(index)};
}

ClaimSide claim_side(const Side& side, int claim) {
  const align::Claim& c = side.claims[static_cast<size_t>(claim)];
  const Section& section = side.doc->sections[static_cast<size_t>(c.section)];
  const Sentence& sentence = section.sentences[c.sentence];
  const int block = side.block_of(claim);
  const uint32_t first = section.blocks[static_cast<size_t>(block)].first_sentence;
  return ClaimSide{
      sentence.text.str(), sentence.norm.str(), section.id, c.section, block, static_cast<int>(c.sentence - first)};
}

class Comparer {
 public:
  // `old_side` and `new_side`, when given, are align::prepare() of `o` and
  // `n` (pipeline::compare_linked), copied: the alignment fills its copy.
  Comparer(const Document& o, const Document& n, const CompareOptions& options, const Side* old_side = nullptr,
           const Side* new_side = nullptr)
      : old_doc_(o),
        new_doc_(n),
        options_(options),
        // Not `p ? *p : prepare(d)`: its type is const Side, so the side
        // prepared here would be copied, a second copy of every claim.
        old_(old_side != nullptr ? Side(*old_side) : align::prepare(o)),
        new_(new_side != nullptr ? Side(*new_side) : align::prepare(n)) {
    // A prepared side may have been made before its document moved.
    old_.doc = &o;
    new_.doc = &n;
    if (auto same = align::pair_same(old_, new_)) {
      claims_ = std::move(same->claims);
      sections_ = std::move(same->sections);
    } else {
      claims_ = align::pair_claims(old_, new_, align::anchor_sections(old_, new_));
      sections_ = align::pair_sections(old_, new_, claims_);
    }
  }

  ChangeSet run() {
    ChangeSet out;
    out.old_meta = old_doc_.meta;
    out.new_meta = new_doc_.meta;
    report_claims(out);
    report_sections(out);
    out.links = diff::link_changes(old_doc_, new_doc_);
    return out;
  }

  // compare_linked's: the claim changes, the unchanged claims in place
  // only paired, and each new section's old one.
  pipeline::LinkedChanges run_linked() {
    pipeline::LinkedChanges linked;
    unchanged_ = &linked.unchanged;
    report_claims(linked.changes);
    linked.section_links = sections_.new_to_old;
    return linked;
  }

 private:
  bool parent_moved(int a, int b) const {
    const int pa = old_doc_.sections[static_cast<size_t>(a)].parent;
    const int pb = new_doc_.sections[static_cast<size_t>(b)].parent;
    if (pa < 0 || pb < 0) return pa != pb;
    return sections_.old_to_new[static_cast<size_t>(pa)] != pb;
  }

  // Sections touched by a real claim change (not unchanged, not equivalent), per side.
  void mark_changed_sections(const ChangeSet& out) {
    old_changed_.assign(old_doc_.sections.size(), false);
    new_changed_.assign(new_doc_.sections.size(), false);
    for (const ClaimChange& c : out.claims) {
      if (c.status == ChangeStatus::kUnchanged || c.status == ChangeStatus::kEquivalent) continue;
      for (const ClaimSide& s : c.old_sides) old_changed_[static_cast<size_t>(s.section)] = true;
      for (const ClaimSide& s : c.new_sides) new_changed_[static_cast<size_t>(s.section)] = true;
    }
  }

  // Paired sections that kept their parent but not their place among their
  // siblings: new sections whose old positions break the siblings' order.
  std::vector<bool> reordered_sections() const {
    std::vector<bool> moved(new_doc_.sections.size(), false);
    for (const Section& parent : new_doc_.sections) {
      std::vector<int> keys;
      std::vector<int> who;
      for (int b : parent.children) {
        const int a = sections_.new_to_old[static_cast<size_t>(b)];
        if (a < 0 || sections_.old_to_new[static_cast<size_t>(a)] != b || parent_moved(a, b)) continue;
        keys.push_back(a);
        who.push_back(b);
      }
      for (size_t k : out_of_order(keys)) moved[static_cast<size_t>(who[k])] = true;
    }
    return moved;
  }

  void report_sections(ChangeSet& out) {
    mark_changed_sections(out);
    const std::vector<bool> reordered = reordered_sections();
    std::vector<Keyed> order;
    std::vector<SectionChange> changes;
    auto add = [&](SectionChange c, double key, int tie) {
      order.push_back(Keyed{key, tie, static_cast<uint32_t>(changes.size())});
      changes.push_back(std::move(c));
    };
    // Paired, split and added sections, in new order.
    for (size_t b = 1; b < new_doc_.sections.size(); ++b) {
      const int a = sections_.new_to_old[b];
      SectionChange c;
      c.new_sides.push_back(section_side(new_doc_, static_cast<int>(b)));
      if (a < 0) {
        c.status = ChangeStatus::kAdded;
      } else if (sections_.old_to_new[static_cast<size_t>(a)] != static_cast<int>(b)) {
        // b is a further part of a split of a; reported with the main part.
        continue;
      } else {
        c.old_sides.push_back(section_side(old_doc_, a));
        for (int extra : sections_.split_into[static_cast<size_t>(a)])
          c.new_sides.push_back(section_side(new_doc_, extra));
        for (int extra : sections_.merged_from[b]) c.old_sides.push_back(section_side(old_doc_, extra));
        c.similarity = sections_.score[static_cast<size_t>(a)];
        c.renamed = old_doc_.sections[static_cast<size_t>(a)].title_norm != new_doc_.sections[b].title_norm;
        c.moved = parent_moved(a, static_cast<int>(b)) || reordered[b];
        if (c.new_sides.size() > 1) {
          c.status = ChangeStatus::kSplit;
        } else if (c.old_sides.size() > 1) {
          c.status = ChangeStatus::kMerged;
        } else if (c.moved) {
          c.status = ChangeStatus::kMoved;
        } else if (c.renamed) {
          c.status = ChangeStatus::kRenamed;
        } else if (old_changed_[static_cast<size_t>(a)] || new_changed_[b]) {
          c.status = ChangeStatus::kModified;
        } else {
          c.status = old_doc_.sections[static_cast<size_t>(a)].title == new_doc_.sections[b].title
                         ? ChangeStatus::kUnchanged
                         : ChangeStatus::kEquivalent;
          c.similarity = 1.0;
        }
      }
      add(std::move(c), static_cast<double>(b), 0);
    }
    // Removed sections: after the new counterpart of their old predecessor.
    const std::vector<double> removed_keys = after_predecessors(sections_.old_to_new, 0.0);
    for (size_t a = 1; a < old_doc_.sections.size(); ++a) {
      if (sections_.old_to_new[a] >= 0) continue;
      const double key = removed_keys[a];
      SectionChange c;
      c.status = ChangeStatus::kRemoved;
      c.old_sides.push_back(section_side(old_doc_, static_cast<int>(a)));
      add(std::move(c), key, static_cast<int>(a));
    }
    std::stable_sort(order.begin(), order.end());
    for (const Keyed& k : order) out.sections.push_back(std::move(changes[k.index]));
  }

  // Is the claim pair in sections that correspond (paired, split or merged)?
  bool same_place(int i, int j) const {
    const int a = old_.claims[static_cast<size_t>(i)].section;
    const int b = new_.claims[static_cast<size_t>(j)].section;
    return sections_.old_to_new[static_cast<size_t>(a)] == b || sections_.new_to_old[static_cast<size_t>(b)] == a;
  }

  // One entry of the claim report before it is built: the new claim `j`
  // (paired or added) or, when j < 0, the removed old claim `i`.
  struct Pending {
    int j = -1;
    int i = -1;
  };

  // The entry a report key stands for: the new claim of its number, or past
  // the new claims, the removed old claim of its number less theirs.
  Pending pending_of(uint32_t index) const {
    const size_t added = new_.claims.size();
    if (index < added) return {static_cast<int>(index), -1};
    return {-1, static_cast<int>(index - added)};
  }

  // The change of one entry; `capped` is set when its word diff was over the cap.
  ClaimChange claim_change(const Pending& p, bool& capped) const {
    ClaimChange c;
    auto diff_into = [&](std::string_view old_text, std::string_view new_text) {
      c.diff = word_diff(old_text, new_text, options_.max_diff_cells);
      if (c.diff.empty() && old_text != new_text) {
        c.diff = {WordOp{WordOp::Op::kDelete, std::string(old_text)},
                  WordOp{WordOp::Op::kInsert, std::string(new_text)}};
        capped = true;
        return;
      }
      c.sentences = diff::sentence_changes(old_text, new_text, options_.max_diff_cells);
    };
    if (p.j < 0) {
      c.status = ChangeStatus::kRemoved;
      c.old_sides.push_back(claim_side(old_, p.i));
      return c;
    }
    const auto j = static_cast<size_t>(p.j);
    const int i = claims_.new_to_old[j];
    const PairKind kind = claims_.new_kind[j];
    if (i < 0) {
      c.status = ChangeStatus::kAdded;
      c.new_sides.push_back(claim_side(new_, p.j));
    } else if (kind == PairKind::kSplitPart) {
      c.status = ChangeStatus::kSplit;
      c.old_sides.push_back(claim_side(old_, i));
      c.new_sides.push_back(claim_side(new_, p.j));
      align::Bag parts = new_.bag(j);
      for (const int part : claims_.split_rest_of(i)) {
        c.new_sides.push_back(claim_side(new_, part));
        parts = align::merge_bags(parts, new_.bag(part));
      }
      c.similarity = align::dice(old_.bag(i), parts);
      diff_into(c.old_sides[0].text, joined_text(c.new_sides));
    } else if (kind == PairKind::kMergePart) {
      c.status = ChangeStatus::kMerged;
      c.old_sides.push_back(claim_side(old_, i));
      c.new_sides.push_back(claim_side(new_, p.j));
      align::Bag parts = old_.bag(i);
      for (const int part : claims_.merge_rest_of(p.j)) {
        c.old_sides.push_back(claim_side(old_, part));
        parts = align::merge_bags(parts, old_.bag(part));
      }
      c.similarity = align::dice(new_.bag(j), parts);
      diff_into(joined_text(c.old_sides), c.new_sides[0].text);
    } else {
      const bool here = same_place(i, p.j);
      const SharedText& ot = old_.sentence(static_cast<size_t>(i)).text;
      const SharedText& nt = new_.sentence(j).text;
      c.old_sides.push_back(claim_side(old_, i));
      c.new_sides.push_back(claim_side(new_, p.j));
      if (kind == PairKind::kExact) {
        c.similarity = 1.0;
        if (!here) {
          c.status = ChangeStatus::kMoved;
        } else if (ot == nt) {
          c.status = ChangeStatus::kUnchanged;
        } else {
          c.status = ChangeStatus::kEquivalent;
        }
        if (ot != nt) diff_into(ot, nt);
        if (c.status == ChangeStatus::kEquivalent) c.note = diff::same_form_note(ot, nt);
      } else {
        c.similarity = claims_.old_score[static_cast<size_t>(i)];
        diff_into(ot, nt);
        // Every word and mark the same, the texts not: they differ in white
        // space the comparison form keeps ("Plateformes , vous" and
        // "Plateformes, vous"), which a reader does not see in the diff.
        const bool spacing_only = !c.diff.empty() && std::all_of(c.diff.begin(), c.diff.end(), [](const WordOp& op) {
          return op.op == WordOp::Op::kEqual;
        });
        const std::string note =
            spacing_only ? diff::same_form_note(ot, nt) : diff::acronym_equivalence(c.diff, acronyms());
        if (!note.empty()) {
          c.status = here ? ChangeStatus::kEquivalent : ChangeStatus::kMoved;
          c.note = note;
          if (!spacing_only) c.facts.push_back(Fact{FactKind::kAcronym, "", "", note});
        } else {
          c.status = here ? ChangeStatus::kModified : ChangeStatus::kMoved;
        }
      }
    }
    return c;
  }

  // The acronyms both documents define, read when a claim pair that is not
  // exact first asks for them: many pairs of a history modify no claim
  // (406 of the 489 of Facebook's privacy policy, 179 of the QUIC draft's
  // 1,182). Only the claims align::prepare() found may define one are read:
  // reading every sentence of both versions for definitions was 3% of a
  // cold `log`. Claim changes may be built on several threads.
  const diff::AcronymTable& acronyms() const {
    std::call_once(acronyms_read_, [this] { acronyms_ = diff::collect_acronyms(old_, new_); });
    return acronyms_;
  }

  // A new claim with an old one (not added, not removed).
  bool paired(const Pending& p) const { return p.j >= 0 && claims_.new_to_old[static_cast<size_t>(p.j)] >= 0; }

  // An unchanged claim in place: left out when unchanged claims are only counted.
  bool unchanged_in_place(const Pending& p) const {
    if (p.j < 0) return false;
    const auto j = static_cast<size_t>(p.j);
    const int i = claims_.new_to_old[j];
    return i >= 0 && claims_.new_kind[j] == PairKind::kExact && same_place(i, p.j) &&
           old_.sentence(static_cast<size_t>(i)).text == new_.sentence(j).text;
  }

  // The claim changes in report order. Only the first options_.max_listed_claims
  // are listed; the rest are built one at a time, counted by status and
  // dropped, so a report of two documents that share nothing holds a bounded
  // number of changes (and their texts), however long the documents.
  void report_claims(ChangeSet& out) {
    // The second part of a split is reported with the first.
    const std::vector<uint32_t> order = claim_report_order(claims_.old_to_new, new_.claims.size(), [this](size_t j) {
      const int i = claims_.new_to_old[j];
      return !(i >= 0 && claims_.new_kind[j] == PairKind::kSplitPart &&
               claims_.old_to_new[static_cast<size_t>(i)] != static_cast<int>(j));
    });
    for (const DocumentMeta* meta : {&out.old_meta, &out.new_meta}) {
      if (meta->normalized.joined_capped == 0) continue;
      out.warnings.push_back(fmt::format(
          "{}: {} paragraphs of hard-wrapped text reached {} bytes; the line after each starts a new paragraph",
          meta == &out.old_meta ? "old" : "new", meta->normalized.joined_capped, kMaxJoinedBytes));
    }
    for (const Side* side : {&old_, &new_}) {
      for (size_t j = 0; j < side->claims.size(); ++j) {
        if (side->sentence(j).norm.size() <= align::kMaxPairedClaimBytes) continue;
        out.warnings.push_back(fmt::format("{} claim {}: longer than {} bytes, paired only if unchanged",
                                           side == &old_ ? "old" : "new", j + 1, align::kMaxPairedClaimBytes));
      }
    }
    if (claims_.inexact_over_cap) {
      const auto unpaired = [](const std::vector<int>& to) { return std::count(to.begin(), to.end(), -1); };
      out.warnings.push_back(
          fmt::format("claims: {} old and {} new claims without an exact match, over the cap of {}; "
                      "moves, splits, merges and edits not looked for, reported as removed and added",
                      unpaired(claims_.old_to_new), unpaired(claims_.new_to_old), align::kMaxInexactClaims));
    }
    // Indices of the claims whose pair was over the word-diff cap.
    std::vector<int> capped;
    size_t listed = 0;  // listed changes other than unchanged claims
    // Built a chunk at a time, in parallel when threads are on (each change
    // is its own: word diffs are most of an unrelated pair's comparison),
    // then taken in order; a chunk bounds what is held past the listing cap.
    std::vector<std::pair<int, Pending>> chunk;  // index in the report, entry
    std::vector<ClaimChange> built;
    std::vector<char> over;  // not vector<bool>, whose bits threads would share
    int index = 0;
    for (size_t next = 0; next < order.size();) {
      chunk.clear();
      size_t pairs = 0;
      for (; next < order.size() && chunk.size() < kClaimChunk; ++next) {
        const Pending p = pending_of(order[next]);
        const int at = index++;
        if ((unchanged_ || !options_.keep_unchanged_claims) && unchanged_in_place(p)) {
          ++out.unchanged_claims_left_out;
          if (unchanged_) unchanged_->emplace_back(claims_.new_to_old[static_cast<size_t>(p.j)], p.j);
          continue;
        }
        // Past the cap, with no one to hand it to, an added or removed claim
        // is only counted: building it would copy its texts to drop them (a
        // pair still is, its status depending on its word diff).
        if (listed >= options_.max_listed_claims && !options_.on_unlisted_claim && !paired(p)) {
          ++out.claims_not_listed[p.j < 0 ? ChangeStatus::kRemoved : ChangeStatus::kAdded];
          continue;
        }
        chunk.emplace_back(at, p);
        pairs += paired(p) ? 1 : 0;
      }
      // Only a pair has a word diff to make: a chunk of removed and added
      // claims is copied faster than threads start.
      const size_t threads = options_.threads && pairs >= kMinParallelClaims ? util::kMaxPairThreads : 1;
      built.assign(chunk.size(), ClaimChange{});
      over.assign(chunk.size(), 0);
      util::parallel_for(chunk.size(), threads, [&](size_t k) {
        bool capped_here = false;
        built[k] = claim_change(chunk[k].second, capped_here);
        built[k].index = chunk[k].first;
        over[k] = capped_here ? 1 : 0;
      });
      for (size_t k = 0; k < chunk.size(); ++k) {
        ClaimChange& c = built[k];
        if (over[k] != 0) capped.push_back(c.index);
        // Unchanged claims (listed with keep_unchanged_claims) do not count
        // against the cap: 100,000 of them must not crowd out one insertion.
        const bool real = c.status != ChangeStatus::kUnchanged;
        if (real && listed >= options_.max_listed_claims) {
          ++out.claims_not_listed[c.status];
          if (options_.on_unlisted_claim) options_.on_unlisted_claim(c);
          continue;
        }
        listed += real ? 1 : 0;
        out.claims.push_back(std::move(c));
      }
    }
    for (const int at : capped) {
      out.warnings.push_back(
          fmt::format("claim {}: word diff skipped, the claims exceed the cap of {} token pairs; "
                      "reported as rewritten",
                      at, options_.max_diff_cells));
    }
    if (!out.claims_not_listed.empty() && !options_.on_unlisted_claim) {
      int left = 0;
      for (const auto& [status, n] : out.claims_not_listed) left += n;
      out.warnings.push_back(
          fmt::format("claims: {} more claim changes not listed, past the cap of {}; the summary counts them, the "
                      "figures, facts and wording read only the listed ones",
                      left, options_.max_listed_claims));
    }
  }

  const Document& old_doc_;
  const Document& new_doc_;
  const CompareOptions& options_;
  std::vector<std::pair<int, int>>* unchanged_ = nullptr;  // run_linked()'s: receives the unchanged claims in place
  Side old_;
  Side new_;
  ClaimPairs claims_;
  SectionPairs sections_;
  mutable std::once_flag acronyms_read_;
  mutable diff::AcronymTable acronyms_;  // see acronyms()
  std::vector<bool> old_changed_;
  std::vector<bool> new_changed_;
};

ChangeSet compare_with(const Document& old_doc, const Document& new_doc, const CompareOptions& options) {
  if (!options.classify) return Comparer(old_doc, new_doc, options).run();
  // What classify reads from the documents alone does not wait for the
  // alignment: it is made on a second core meanwhile. (Where no thread can
  // be started, threads are off or the documents are short, it is deferred
  // to get(): the same work, in turn.)
  const bool threads = options.threads && old_doc.sentence_count() + new_doc.sentence_count() >= kMinThreadedSentences;
  const std::launch second_thread = threads ? std::launch::async | std::launch::deferred : std::launch::deferred;
  std::future<classify_detail::DocumentReading> reading;
  if (classify_detail::reads_documents(options.classification)) {
    reading = std::async(second_thread,
                         [&] { return classify_detail::read_documents(old_doc, new_doc, options.classification); });
  }
  ChangeSet changes = Comparer(old_doc, new_doc, options).run();
  auto read = reading.valid() ? reading.get() : classify_detail::DocumentReading{};
  classify_detail::read_languages(old_doc, new_doc, changes);
  classify_detail::classify(changes, options.classification, read, second_thread);
  return changes;
}

}  // namespace

ChangeSet compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options) {
  return compare_with(old_doc, new_doc, options);
}

namespace pipeline {

LinkedChanges compare_linked(const Document& old_doc, const Document& new_doc, const CompareOptions& options,
                             const align::Side* old_side, const align::Side* new_side) {
  return Comparer(old_doc, new_doc, options, old_side, new_side).run_linked();
}

}  // namespace pipeline

}  // namespace strata

// Narratives: a paragraph per comparison and one per series, written by the
// templates of significance_tables.cpp from counts and highlights. No
// model: the same changes always give the same words.
#include <fmt/format.h>
#include <algorithm>
#include <set>

#include "classify/significance.hpp"
#include "classify/significance_tables.hpp"
#include "text/marks.hpp"
#include "text/utf8.hpp"

namespace strata::classify_detail {
namespace {

// Removed sections named in the narrative, at most.
constexpr size_t kSectionsNamed = 3;
// Highlights after the first told in the "also" sentence, at most: with the
// first, one of each of the commonest kinds on the bundled pairs.
constexpr size_t kAlsoTold = 2;
// Reworded commitments quoted, at most.
constexpr size_t kRewordsTold = 3;

template <typename... Args>
std::string say(std::string_view name, Args&&... args) {
  return fmt::format(fmt::runtime(narrative_template(name)), std::forward<Args>(args)...);
}

// "a", "b" and "c".
std::string listed(const std::vector<std::string>& items, std::string_view separator = ", ",
                   std::string_view last = " and ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last : separator;
    out += items[i];
  }
  return out;
}

// "1 statement was", "171 statements were".
std::string counted(size_t n, std::string_view noun) {
  return fmt::format("{} {}{} {}", n, noun, n == 1 ? "" : "s", n == 1 ? "was" : "were");
}

std::string quoted(std::string_view text) { return fmt::format("“{}”", text); }

// A reason as the middle of a sentence: no closing full stop of its own,
// not even inside its quote's closing marks (“… (NLO).” and “… Crimea."”
// end the narrative's sentence as “… (NLO)” and “… Crimea"”).
std::string clause(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.ends_with("”")) return text;
  size_t end = text.size() - std::string_view("”").size();
  while (end > 0) {
    size_t start = 0;
    if (!closes_quotation(utf8::decode_before(text, end, start))) break;
    end = start;
  }
  if (end > 0 && text[end - 1] == '.') text.erase(end - 1, 1);
  return text;
}

std::string sections_sentence(const ChangeSet& changes) {
  std::vector<const SectionChange*> removed;
  for (const auto& s : changes.sections) {
    if (s.status == ChangeStatus::kRemoved && !s.old_sides.empty()) removed.push_back(&s);
  }
  if (removed.empty()) return {};
  // The sections named are those whose removal scored most (ties: report order).
  std::stable_sort(removed.begin(), removed.end(), [](const SectionChange* a, const SectionChange* b) {
    return a->significance.score > b->significance.score;
  });
  std::vector<std::string> titles;
  for (size_t i = 0; i < removed.size() && i < kSectionsNamed; ++i)
    titles.push_back(quoted(removed[i]->old_sides.front().title));
  return " " + say("sections-removed", fmt::arg("count", counted(removed.size(), "section")),
                   fmt::arg("titles", listed(titles)));
}

// Links change without a word of prose changing: a re-pointed target is told
// even when nothing else is; a swapped picture (an image's new source) too.
// Retagged links, which point where they did, are told apart.
std::string links_sentence(const ChangeSet& changes) {
  size_t count[4] = {0, 0, 0, 0};
  size_t images = 0;
  std::vector<std::string> parameters;
  for (const LinkChange& l : changes.links) {
    ++count[static_cast<size_t>(l.status)];
    if (l.status == LinkStatus::kRetagged) {
      parameters.insert(parameters.end(), l.parameters.begin(), l.parameters.end());
      if (l.parameters.empty()) parameters.emplace_back("percent-escaping");  // no parameter differs
    } else {
      images += l.kind == LinkKind::kImage;
    }
  }
  std::string out;
  const size_t retagged = count[static_cast<size_t>(LinkStatus::kRetagged)];
  if (const size_t moved = changes.links.size() - retagged; moved > 0) {
    // Only the statuses some link has, as the opening names only the claim
    // counts that are not 0 ("5 added, 2 removed", not "0 re-pointed ...").
    std::vector<std::string> statuses;
    for (const auto& [status, words] :
         {std::pair{LinkStatus::kRepointed, "re-pointed to a new target"}, std::pair{LinkStatus::kAdded, "added"},
          std::pair{LinkStatus::kRemoved, "removed"}}) {
      if (const size_t n = count[static_cast<size_t>(status)]; n > 0)
        statuses.push_back(fmt::format("{} {}", n, words));
    }
    out += " " + say(images > 0 ? "links-images" : "links", fmt::arg("count", counted(moved, "change")),
                     fmt::arg("images", images), fmt::arg("statuses", listed(statuses, ", ", ", ")));
  }
  if (retagged > 0) {
    std::sort(parameters.begin(), parameters.end());
    parameters.erase(std::unique(parameters.begin(), parameters.end()), parameters.end());
    out += " " + say("links-retagged", fmt::arg("retagged", retagged), fmt::arg("parameters", listed(parameters)));
  }
  return out;
}

// A version in the series narrative, after the opening named it in full:
// its date, or its title when it has none.
std::string short_label(const DocumentMeta& meta) {
  return meta.date.empty() ? quoted(meta.title.empty() ? meta.source : meta.title) : meta.date;
}

std::string rewords_sentence(const ChangeSet& changes) {
  std::vector<std::string> pairs;
  std::set<std::string> seen;
  for (const auto& h : changes.highlights) {
    if (h.target != HighlightTarget::kClaim) continue;
    for (const auto& f : changes.claims[static_cast<size_t>(h.index)].facts) {
      if (f.kind != FactKind::kModality || f.old_text.empty() || f.new_text.empty()) continue;
      auto pair = fmt::format("{} became {}", quoted(f.old_text), quoted(f.new_text));
      if (seen.insert(pair).second && pairs.size() < kRewordsTold) pairs.push_back(std::move(pair));
    }
  }
  if (pairs.empty()) return {};
  return " " + say("reworded", fmt::arg("pairs", listed(pairs, "; ", "; ")));
}

}  // namespace

std::string version_label(const DocumentMeta& meta) {
  auto name = quoted(meta.title.empty() ? meta.source : meta.title);
  return meta.date.empty() ? name : fmt::format("{} ({})", name, meta.date);
}

std::string narrative(const ChangeSet& changes) {
  size_t removed = 0;
  size_t added = 0;
  size_t edited = 0;
  const auto tally = [&](ChangeStatus status, size_t n) {
    if (status == ChangeStatus::kRemoved)
      removed += n;
    else if (status == ChangeStatus::kAdded)
      added += n;
    else if (status != ChangeStatus::kUnchanged && status != ChangeStatus::kEquivalent)
      edited += n;
  };
  for (const auto& c : changes.claims) tally(c.status, 1);
  // The changes past the listing cap count as much as the listed ones.
  for (const auto& [status, n] : changes.claims_not_listed) tally(status, static_cast<size_t>(n));
  const auto old_label = version_label(changes.old_meta);
  const auto new_label = version_label(changes.new_meta);
  if (removed + added + edited == 0) {
    return say("opening-none", fmt::arg("old", old_label), fmt::arg("new", new_label)) + links_sentence(changes);
  }
  // Only the counts that are not 0, the first with its noun and verb: "171
  // statements were removed, 40 added and 19 reworded or moved", "9
  // statements were reworded or moved".
  std::vector<std::string> parts;
  for (const auto& [n, verb] :
       {std::pair<size_t, std::string_view>{removed, "removed"}, {added, "added"}, {edited, "reworded or moved"}}) {
    if (n == 0) continue;
    parts.push_back(parts.empty() ? fmt::format("{} {}", counted(n, "statement"), verb)
                                  : fmt::format("{} {}", n, verb));
  }
  std::string out =
      say("opening", fmt::arg("old", old_label), fmt::arg("new", new_label), fmt::arg("changes", listed(parts)));
  if (translated(changes)) {
    out += " " + say("languages", fmt::arg("old", changes.old_language), fmt::arg("new", changes.new_language));
  }
  out += sections_sentence(changes);
  if (!changes.highlights.empty()) {
    out += " " + say("most", fmt::arg("reason", clause(changes.highlights.front().reason)));
    // One more of each kind not told yet.
    std::set<std::string> told{changes.highlights.front().kind};
    std::vector<std::string> also;
    for (const auto& h : changes.highlights) {
      if (also.size() == kAlsoTold) break;
      if (told.insert(h.kind).second) also.push_back(clause(h.reason));
    }
    if (!also.empty()) out += " " + say("also", fmt::arg("reasons", listed(also, "; ", "; ")));
  }
  out += rewords_sentence(changes);
  return out + links_sentence(changes);
}

}  // namespace strata::classify_detail

namespace strata {

std::string series_narrative(const std::vector<ChangeSet>& pairs, const ProgrammeSeries& programmes) {
  using namespace classify_detail;
  if (pairs.empty()) return say("series-none");
  std::string out = say("series-opening", fmt::arg("first", version_label(pairs.front().old_meta)),
                        fmt::arg("last", version_label(pairs.back().new_meta)), fmt::arg("versions", pairs.size() + 1));
  for (const auto& pair : pairs) {
    if (pair.highlights.empty()) continue;
    out += " " + say("series-step", fmt::arg("old", short_label(pair.old_meta)),
                     fmt::arg("new", short_label(pair.new_meta)),
                     fmt::arg("reason", clause(pair.highlights.front().reason)));
  }
  for (const auto& r : programmes.renames) {
    const auto k = static_cast<size_t>(r.from_snapshot);
    if (k >= pairs.size() || !r.change.old_side || !r.change.new_side) continue;
    out +=
        " " + say("series-rename", fmt::arg("old", r.change.old_side->name), fmt::arg("new", r.change.new_side->name),
                  fmt::arg("from", short_label(pairs[k].old_meta)), fmt::arg("to", short_label(pairs[k].new_meta)));
  }
  size_t latest = 0;
  for (const auto& row : programmes.rows) {
    if (!row.mentions.empty() && row.mentions.back() > 0) ++latest;
  }
  if (!programmes.rows.empty()) {
    out += " " + say("series-programmes", fmt::arg("named", programmes.rows.size()), fmt::arg("latest", latest));
  }
  return out;
}

}  // namespace strata

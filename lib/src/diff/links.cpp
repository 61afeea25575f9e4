#include "diff/links.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/hash.hpp"
#include "text/words.hpp"

namespace strata::diff {

namespace {

struct Place {
  const Link* link;
  int section;
  uint32_t line;
  bool paired = false;
  std::string folded;  // its text as folded_text() folds it, once the targets are paired
};

std::vector<Place> places(const Document& doc) {
  std::vector<Place> out;
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const Section& section = doc.sections[s];
    for (const Link& l : section.links)
      out.push_back({&l, static_cast<int>(s), section.blocks[l.block].line, false, {}});
  }
  return out;
}

// A link pairs only with a link and an image with an image: the key is the
// kind and a text (the target, or the folded link text). Views into the
// places, not strings made for each: most links of a version have a
// partner, and a key string and a queue per target were a twentieth of a
// cold `log`.
struct Key {
  LinkKind kind;
  std::string_view text;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  size_t operator()(const Key& k) const { return util::word_hash(k.text) ^ static_cast<size_t>(k.kind); }
};

// Link texts as a reader compares them: case and runs of spaces folded.
// Empty for an empty text (an image without alt text).
std::string folded_text(const Link& link) {
  std::string folded;
  for (std::string_view w : classify_detail::words_of(link.text)) {
    if (!folded.empty()) folded += ' ';
    folded += classify_detail::fold_case(w);
  }
  return folded;
}

// Pairs each unpaired item of `news` with the first unpaired item of `olds`
// that has the same key, in document order; calls `on_pair(old, new)`. A
// key of nullopt pairs nothing: images without alt text say nothing alike.
template <typename KeyOf, typename OnPair>
void pair_by(std::vector<Place>& olds, std::vector<Place>& news, KeyOf&& key_of, OnPair&& on_pair) {
  struct Waiting {
    std::vector<size_t> olds;  // in document order
    size_t next = 0;           // the first not taken
  };
  std::unordered_map<Key, Waiting, KeyHash> waiting;
  for (size_t i = 0; i < olds.size(); ++i) {
    if (olds[i].paired) continue;
    if (const std::optional<Key> k = key_of(olds[i])) waiting[*k].olds.push_back(i);
  }
  if (waiting.empty()) return;
  for (Place& n : news) {
    if (n.paired) continue;
    const std::optional<Key> k = key_of(n);
    if (!k) continue;
    auto it = waiting.find(*k);
    if (it == waiting.end() || it->second.next == it->second.olds.size()) continue;
    Place& o = olds[it->second.olds[it->second.next++]];
    o.paired = n.paired = true;
    on_pair(o, n);
  }
}

LinkChange change(LinkStatus status, const Document& doc, const Place& at) {
  LinkChange c;
  c.status = status;
  c.kind = at.link->kind;
  c.text = at.link->text;
  c.section = doc.sections[static_cast<size_t>(at.section)].id;
  c.path = doc.title_path(at.section);
  c.line = at.line;
  return c;
}

}  // namespace

std::vector<LinkChange> link_changes(const Document& old_doc, const Document& new_doc) {
  std::vector<Place> olds = places(old_doc);
  std::vector<Place> news = places(new_doc);
  std::vector<LinkChange> out;
  if (olds.empty() && news.empty()) return out;
  // The opening run of the same targets pairs place by place, as pair_by
  // would pair it (each link takes the first free old one of its target),
  // without a lookup for each.
  for (size_t k = 0; k < olds.size() && k < news.size(); ++k) {
    const Link& o = *olds[k].link;
    const Link& n = *news[k].link;
    if (o.kind != n.kind || o.target != n.target) break;
    olds[k].paired = news[k].paired = true;
  }
  pair_by(
      olds, news,
      [](const Place& p) {
        return std::optional<Key>(Key{p.link->kind, p.link->target});
      },
      [](const Place&, const Place&) {});
  for (std::vector<Place>* side : {&olds, &news}) {
    for (Place& p : *side) {
      if (!p.paired) p.folded = folded_text(*p.link);
    }
  }
  // A re-pointed link is reported where it is now, among the new side's.
  std::unordered_map<const Place*, LinkChange> repointed;
  pair_by(
      olds, news,
      [](const Place& p) {
        return p.folded.empty() ? std::nullopt : std::optional<Key>(Key{p.link->kind, p.folded});
      },
      [&](const Place& o, const Place& n) {
        LinkChange c = change(LinkStatus::kRepointed, new_doc, n);
        c.old_target = o.link->target;
        c.new_target = n.link->target;
        repointed.emplace(&n, std::move(c));
      });
  for (const Place& n : news) {
    if (auto it = repointed.find(&n); it != repointed.end()) {
      out.push_back(std::move(it->second));
    } else if (!n.paired) {
      out.push_back(change(LinkStatus::kAdded, new_doc, n));
      out.back().new_target = n.link->target;
    }
  }
  for (const Place& o : olds) {
    if (o.paired) continue;
    out.push_back(change(LinkStatus::kRemoved, old_doc, o));
    out.back().old_target = o.link->target;
  }
  return out;
}

}  // namespace strata::diff

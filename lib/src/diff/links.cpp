#include "diff/links.hpp"

#include <deque>
#include <string_view>
#include <unordered_map>

#include "text/words.hpp"

namespace strata::diff {

namespace {

struct Place {
  const Link* link;
  int section;
  uint32_t line;
  bool paired = false;
};

std::vector<Place> places(const Document& doc) {
  std::vector<Place> out;
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    for (const Block& b : doc.sections[s].blocks) {
      for (const Link& l : b.links) out.push_back({&l, static_cast<int>(s), b.line});
    }
  }
  return out;
}

// Keys carry the link's kind, so a link pairs only with a link and an image
// with an image; the separator is a byte no text or target holds.
std::string kind_key(const Link& link, std::string_view rest) {
  std::string key = to_string(link.kind);
  key += '\x1f';
  key += rest;
  return key;
}

// Link texts as a reader compares them: case and runs of spaces folded.
// Empty for an empty text (an image without alt text).
std::string text_key(const Link& link) {
  std::string folded;
  for (std::string_view w : classify_detail::words_of(link.text)) {
    if (!folded.empty()) folded += ' ';
    folded += classify_detail::fold_case(w);
  }
  return folded.empty() ? folded : kind_key(link, folded);
}

// Pairs each unpaired item of `news` with the first unpaired item of `olds`
// that has the same key, in document order; calls `on_pair(old, new)`. An
// empty key pairs nothing: images without alt text say nothing alike.
template <typename Key, typename OnPair>
void pair_by(std::vector<Place>& olds, std::vector<Place>& news, Key&& key, OnPair&& on_pair) {
  std::unordered_map<std::string, std::deque<size_t>> waiting;
  for (size_t i = 0; i < olds.size(); ++i) {
    if (olds[i].paired) continue;
    std::string k = key(olds[i]);
    if (!k.empty()) waiting[std::move(k)].push_back(i);
  }
  for (Place& n : news) {
    if (n.paired) continue;
    auto it = waiting.find(key(n));
    if (it == waiting.end() || it->second.empty()) continue;
    Place& o = olds[it->second.front()];
    it->second.pop_front();
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
  // without a key made for each: most versions of a history keep most of
  // their links, and a key a link was a twentieth of a cold `log`.
  for (size_t k = 0; k < olds.size() && k < news.size(); ++k) {
    const Link& o = *olds[k].link;
    const Link& n = *news[k].link;
    if (o.kind != n.kind || o.target != n.target) break;
    olds[k].paired = news[k].paired = true;
  }
  pair_by(
      olds, news, [](const Place& p) { return kind_key(*p.link, p.link->target); }, [](const Place&, const Place&) {});
  // A re-pointed link is reported where it is now, among the new side's.
  std::unordered_map<const Place*, LinkChange> repointed;
  pair_by(
      olds, news, [](const Place& p) { return text_key(*p.link); },
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

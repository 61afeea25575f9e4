#include "diff/links.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
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

// Parameters that say where a visit came from, not where the link goes: the
// campaign tags and click ids that browsers' query stripping also drops.
bool tracking_parameter(std::string_view name) {
  static constexpr std::string_view kNames[] = {"fbclid", "gclid",  "gclsrc", "dclid", "gbraid",  "wbraid", "msclkid",
                                                "mc_cid", "mc_eid", "igshid", "yclid", "twclid",  "ttclid", "li_fat_id",
                                                "_ga",    "_gl",    "_hsenc", "_hsmi", "mkt_tok", "ref_src"};
  return name.starts_with("utm_") || std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// A parameter a page added to or took from this many links at once, all
// else the same (an "entry_point" added to every link of a policy), tags
// visits too.
constexpr size_t kMinRetaggedLinks = 3;
// The parameters looked at for that, most common first: a page tags its
// links with one or two.
constexpr size_t kMaxPageParameters = 16;

// A target cut into what names the resource and its query parameters,
// read percent-decoded: a redirect or an archive wraps the target it leads
// to in its own, escaped ("l.php?u=https%3A%2F%2F...%3Fentry_point%3D..."),
// and a tag added to the inner target must be found there too. The
// decoded form only keys the pairing; links are reported as written.
class Target {
 public:
  explicit Target(std::string_view written) : url_(percent_decoded(written)) {
    std::string_view url = url_;
    const size_t hash = url.find('#');
    if (hash != std::string_view::npos) fragment_ = url.substr(hash);
    url = url.substr(0, hash);
    const size_t question = url.find('?');
    base_ = url.substr(0, question);
    if (question == std::string_view::npos) return;
    // A '?' inside the query opens a wrapped target's own query: its
    // parameters are read as parameters too.
    for (std::string_view rest = url.substr(question + 1); !rest.empty();) {
      const size_t cut = rest.find_first_of("&?");
      if (cut != 0) params_.push_back(rest.substr(0, cut));
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    }
  }
  // Views into url_: neither copied nor moved.
  Target(const Target&) = delete;
  Target& operator=(const Target&) = delete;

  static std::string_view name(std::string_view param) { return param.substr(0, param.find('=')); }
  // "name=value" as written, in order.
  const std::vector<std::string_view>& params() const { return params_; }

  // The target without the parameters `drop` names.
  template <typename Drop>
  std::string without(Drop&& drop) const {
    std::string out(base_);
    char joint = '?';
    for (std::string_view p : params_) {
      if (drop(name(p))) continue;
      out += joint;
      out += p;
      joint = '&';
    }
    out += fragment_;
    return out;
  }

 private:
  static std::string percent_decoded(std::string_view s) {
    const auto hex = [](char c) {
      return c >= '0' && c <= '9'   ? c - '0'
             : c >= 'a' && c <= 'f' ? c - 'a' + 10
             : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                    : -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }

  std::string url_;
  std::string_view base_;                 // up to the query
  std::vector<std::string_view> params_;  // "name=value", in order
  std::string_view fragment_;             // from '#', if any
};

// The names of the parameters that differ between two targets, sorted.
std::vector<std::string> differing_parameters(const Target& a, const Target& b) {
  std::vector<std::string_view> x = a.params();
  std::vector<std::string_view> y = b.params();
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  std::vector<std::string_view> odd;
  std::set_symmetric_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(odd));
  std::vector<std::string> names;
  for (std::string_view p : odd) names.emplace_back(Target::name(p));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// An unpaired link's target as hashes, read once: what the search for a
// page's parameters compares for each name it tries, with no string made.
struct HashedTarget {
  struct Param {
    uint64_t name = 0;
    uint64_t whole = 0;  // "name=value"
  };
  uint64_t base = 0;          // the resource and the fragment
  std::vector<Param> params;  // but the tracking ones, in order

  explicit HashedTarget(const Target& target)
      : base(util::word_hash(target.without([](std::string_view) { return true; }))) {
    for (std::string_view p : target.params()) {
      if (!tracking_parameter(Target::name(p)))
        params.push_back({util::word_hash(Target::name(p)), util::word_hash(p)});
    }
  }
  // The target without the parameter named `name`, as a hash; whether it had it.
  std::pair<uint64_t, bool> without(uint64_t name) const {
    uint64_t key = base;
    bool had = false;
    for (const Param& p : params) {
      if (p.name == name) {
        had = true;
      } else {
        key = (key ^ p.whole) * 0x9E3779B97F4A7C15ull;
      }
    }
    return {key, had};
  }
};

// The parameters this pair of versions retags links with: each one that
// at least kMinRetaggedLinks links gained or lost while pointing where a
// link of the other version pointed, once it and the tracking ones are
// left out of both. A value that changed is no evidence: that parameter may
// be where the link goes (a redirect's "u").
std::vector<std::string> page_parameters(const std::vector<Place>& olds, const std::vector<Place>& news) {
  std::unordered_map<std::string, size_t> seen;
  std::vector<HashedTarget> sides[2];
  for (int side = 0; side < 2; ++side) {
    for (const Place& p : side == 0 ? olds : news) {
      if (p.paired) continue;
      const Target target(p.link->target);
      for (std::string_view param : target.params()) {
        const std::string_view name = Target::name(param);
        if (!tracking_parameter(name)) ++seen[std::string(name)];
      }
      sides[side].emplace_back(target);
    }
  }
  std::vector<std::pair<size_t, std::string>> common;
  for (const auto& [name, count] : seen) {
    if (count >= kMinRetaggedLinks) common.emplace_back(count, name);
  }
  std::sort(common.begin(), common.end(), std::greater<>());
  if (common.size() > kMaxPageParameters) common.resize(kMaxPageParameters);
  std::vector<std::string> out;
  for (const auto& [count, name] : common) {
    const uint64_t hash = util::word_hash(name);
    std::unordered_map<uint64_t, std::array<size_t, 2>> old_targets;  // links without, with the parameter
    for (const HashedTarget& o : sides[0]) {
      const auto [key, had] = o.without(hash);
      ++old_targets[key][had ? 1 : 0];
    }
    size_t found = 0;
    for (const HashedTarget& n : sides[1]) {
      const auto [key, had] = n.without(hash);
      const auto it = old_targets.find(key);
      if (it == old_targets.end()) continue;
      size_t& other = it->second[had ? 0 : 1];
      if (other > 0) {
        --other;
        ++found;
      }
    }
    if (found >= kMinRetaggedLinks) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
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
  // Then targets that differ only in parameters that tag a visit: the
  // key is the target without them, kept in `folded` until the text pass.
  const std::vector<std::string> page = page_parameters(olds, news);
  const auto tag = [&](std::string_view name) {
    return tracking_parameter(name) || std::binary_search(page.begin(), page.end(), name);
  };
  for (std::vector<Place>* side : {&olds, &news}) {
    for (Place& p : *side) {
      if (!p.paired) p.folded = Target(p.link->target).without(tag);
    }
  }
  // A re-pointed or retagged link is reported where it is now, among the
  // new side's.
  std::unordered_map<const Place*, LinkChange> repointed;
  pair_by(
      olds, news,
      [](const Place& p) {
        return std::optional<Key>(Key{p.link->kind, p.folded});
      },
      [&](const Place& o, const Place& n) {
        LinkChange c = change(LinkStatus::kRetagged, new_doc, n);
        c.old_target = o.link->target;
        c.new_target = n.link->target;
        c.parameters = differing_parameters(Target(o.link->target), Target(n.link->target));
        repointed.emplace(&n, std::move(c));
      });
  for (std::vector<Place>* side : {&olds, &news}) {
    for (Place& p : *side) {
      if (!p.paired) p.folded = folded_text(*p.link);
    }
  }
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

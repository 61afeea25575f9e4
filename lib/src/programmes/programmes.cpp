// Grouping raw mentions into programmes (one per named thing), with a
// canonical name, acronym and aliases.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "programmes/programmes_internal.hpp"
#include "programmes/variants.hpp"
#include "text/lexicon.hpp"

namespace strata {
namespace {

using namespace classify_detail;

class UnionFind {
 public:
  size_t node(const std::string& name) {
    auto [it, added] = ids_.try_emplace(name, parent_.size());
    if (added) parent_.push_back(parent_.size());
    return it->second;
  }
  bool has(const std::string& name) const { return ids_.count(name) > 0; }
  size_t find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(size_t a, size_t b) {
    size_t x = find(a);
    size_t y = find(b);
    if (x != y) parent_[std::max(x, y)] = std::min(x, y);
  }
  void unite(const std::string& a, const std::string& b) { unite(node(a), node(b)); }
  const std::map<std::string, size_t>& ids() const { return ids_; }
  size_t size() const { return parent_.size(); }

 private:
  std::map<std::string, size_t> ids_;
  std::vector<size_t> parent_;
};

// The node a mention belongs to before merging: the key of the name it is
// or stands for.
std::string mention_node(const RawMention& m) {
  const auto& name = m.kind == RawMention::Kind::kName && m.canonical.empty() ? m.form : m.canonical;
  return name_key(name, {});
}

// "Comprehensive Assistance Package for Ukraine" is "Comprehensive
// Assistance Package" when the document also uses the short name, and
// "NATO Representation to Ukraine" is "NATO Representation in Ukraine".
void merge_place_suffixes(UnionFind& groups) {
  std::vector<std::pair<std::string, std::string>> merges;
  for (const auto& [key, id] : groups.ids()) {
    if (key.empty() || key.front() == '#') continue;
    auto words = words_of(key);
    if (words.size() < 3) continue;
    auto connector = words[words.size() - 2];
    if ((connector == "for" || connector == "to" || connector == "in" || connector == "of") && is_place(words.back())) {
      auto base = join(words, 0, words.size() - 2);
      if (groups.has(base)) merges.emplace_back(key, base);
      merges.emplace_back(key, "~" + base + " ~ " + std::string(words.back()));
    }
  }
  for (const auto& [a, b] : merges) groups.unite(a, b);
}

// "Declaration to Complement the Charter" is "Declaration to Complement the
// Charter on a Distinctive Partnership" when the document writes no other
// name that the short form begins.
void merge_short_forms(UnionFind& groups) {
  std::vector<std::pair<std::string, std::string>> merges;
  const auto& ids = groups.ids();
  for (const auto& [key, id] : ids) {
    if (key.empty() || key.front() == '#' || key.front() == '~' || key.starts_with(kOwnerless)) continue;
    const std::string* only = nullptr;
    size_t longer = 0;
    for (auto it = ids.upper_bound(key + " "); it != ids.end() && it->first.starts_with(key + " "); ++it) {
      if (!extends_with_tail(key, it->first)) continue;
      if (only == nullptr || groups.find(it->second) != groups.find(ids.at(*only))) ++longer;
      only = &it->first;
    }
    if (longer == 1) merges.emplace_back(key, *only);
  }
  for (const auto& [a, b] : merges) groups.unite(a, b);
}

// "Meta Audience Network" and "Audience Network", "Irish Data Protection
// Commission" and "Data Protection Commission": a name of two words or more
// that exactly one other name of the document extends with one word in
// front, not a head word, is that name with its owner written. A two-word
// name that two or more names extend so, or one with a head word
// ("Partnership Trust Fund"), is the kind they share, a generic head with no
// word that tells which one ("Trust Fund"): its key is returned, and it
// names no programme.
std::set<std::string> merge_owner_prefixes(UnionFind& groups) {
  std::map<std::string, std::set<size_t>> extenders;  // name -> the groups extending it
  std::set<std::string> by_kind;                      // names extended by a head word ("Partnership Trust Fund")
  for (const auto& [key, id] : groups.ids()) {
    if (key.empty() || key.front() == '#' || key.front() == '~' || key.starts_with(kOwnerless)) continue;
    const size_t space = key.find(' ');
    if (space == std::string::npos) continue;
    const std::string_view front(key.data(), space);
    const std::string rest = key.substr(space + 1);
    if (rest.find(' ') == std::string::npos || is_stop_word(front) || is_connector(front) || !groups.has(rest)) {
      continue;
    }
    extenders[rest].insert(id);
    if (is_head_word(front)) by_kind.insert(rest);
  }
  std::set<std::string> kinds;
  std::vector<std::pair<std::string, size_t>> merges;
  for (const auto& [rest, ids] : extenders) {
    std::set<size_t> roots;
    for (size_t id : ids) roots.insert(groups.find(id));
    // Already one of them by another rule (an acronym owner): settled.
    if (roots.count(groups.find(groups.ids().at(rest))) > 0) continue;
    const bool owner = roots.size() == 1 && by_kind.count(rest) == 0;
    if (owner) merges.emplace_back(rest, *roots.begin());
    if (!owner && std::count(rest.begin(), rest.end(), ' ') == 1) kinds.insert(rest);
  }
  for (const auto& [rest, id] : merges) groups.unite(groups.ids().at(rest), id);
  return kinds;
}

// How a written form ranks as the canonical name: the form of a "Full Name
// (ACR)" definition, then the most used, then the one with fewer acronyms
// ("United Nations General Assembly" over "UN General Assembly"), then the
// first seen.
struct FormScore {
  bool defined = false;
  int count = 0;
  int acronyms = 0;
  size_t first = 0;
  bool better_than(const FormScore& o) const {
    if (defined != o.defined) return defined;
    if (count != o.count) return count > o.count;
    if (acronyms != o.acronyms) return acronyms < o.acronyms;
    return first < o.first;
  }
};

bool ignored(const Programme& p, const std::set<std::string>& ignore) {
  if (ignore.empty()) return false;
  if (ignore.count(fold_case(p.name)) || (!p.acronym.empty() && ignore.count(fold_case(p.acronym)))) return true;
  return std::any_of(p.aliases.begin(), p.aliases.end(), [&](const auto& a) { return ignore.count(fold_case(a)) > 0; });
}

}  // namespace

namespace classify_detail {

std::vector<std::string> programme_keys(const Programme& programme, const AcronymTable& acronyms) {
  std::set<std::string> keys;
  auto add = [&](const std::string& form) {
    for (auto& key : variant_keys(form, acronyms)) keys.insert(std::move(key));
  };
  add(programme.name);
  for (const auto& alias : programme.aliases) add(alias);
  keys.erase("");
  return {keys.begin(), keys.end()};
}

}  // namespace classify_detail

std::vector<Programme> extract_programmes(const Document& doc, const ProgrammeConfig& config,
                                          const std::vector<KnownAcronym>& known) {
  return group_mentions(doc, config, extract_mentions(doc, config, known, nullptr));
}

std::vector<Programme> classify_detail::group_mentions(const Document& doc, const ProgrammeConfig& config,
                                                       const ExtractResult& extracted) {
  const auto& mentions = extracted.mentions;
  UnionFind groups;
  // What a mention unites depends only on its name, form and acronym, so
  // the nodes are looked up once per distinct string and the unions made
  // with numbers: a name's node, a form's two keys, an acronym's node.
  std::unordered_map<std::string_view, size_t> node_of;
  std::unordered_map<std::string_view, std::vector<size_t>> keys_of;
  std::unordered_map<std::string_view, size_t> acronym_node;
  std::vector<size_t> mention_nodes;
  mention_nodes.reserve(mentions.size());
  for (const auto& m : mentions) {
    const auto& name = m.kind == RawMention::Kind::kName && m.canonical.empty() ? m.form : m.canonical;
    auto [id, new_name] = node_of.try_emplace(name);
    if (new_name) id->second = groups.node(mention_node(m));
    const size_t node = id->second;
    mention_nodes.push_back(node);
    if (m.kind == RawMention::Kind::kName) {
      auto [it, added] = keys_of.try_emplace(m.form);
      if (added) {
        for (const auto& key : variant_keys(m.form, extracted.acronyms)) it->second.push_back(groups.node(key));
      }
      for (size_t key : it->second) groups.unite(node, key);
    }
    if (!m.also.empty()) groups.unite(node, groups.node(name_key(m.also, {})));
    if (!m.acronym.empty()) {
      auto [it, added] = acronym_node.try_emplace(m.acronym);
      if (added) it->second = groups.node(std::string("#").append(m.acronym));
      groups.unite(node, it->second);
    }
  }
  for (const auto& entry : config.names) {
    for (const auto& alias : entry.aliases) groups.unite(name_key(entry.name, {}), name_key(alias, {}));
  }
  merge_place_suffixes(groups);
  merge_short_forms(groups);
  std::set<size_t> kinds;  // groups of generic names (merge_owner_prefixes)
  for (const auto& key : merge_owner_prefixes(groups)) kinds.insert(groups.find(groups.ids().at(key)));

  // Mentions by group (its root), each group's in document order: a
  // counting sort, roots being node numbers.
  std::vector<size_t> group_start(groups.size() + 1, 0);
  for (auto& node : mention_nodes) {
    node = groups.find(node);
    ++group_start[node + 1];
  }
  for (size_t g = 1; g < group_start.size(); ++g) group_start[g] += group_start[g - 1];
  std::vector<std::pair<size_t, const RawMention*>> by_group(mentions.size());
  {
    auto next = group_start;
    for (size_t k = 0; k < mentions.size(); ++k) by_group[next[mention_nodes[k]]++] = {mention_nodes[k], &mentions[k]};
  }

  std::set<std::string, std::less<>> configured;
  for (const auto& entry : config.names) configured.insert(entry.name);
  std::set<std::string> ignore;
  for (const auto& name : config.ignore) ignore.insert(fold_case(name));

  std::vector<Programme> out;
  std::vector<const RawMention*> list;
  for (size_t begin = 0; begin < by_group.size();) {
    list.clear();
    size_t end = begin;
    for (; end < by_group.size() && by_group[end].first == by_group[begin].first; ++end) {
      list.push_back(by_group[end].second);
    }
    begin = end;
    Programme p;
    p.mentions.reserve(list.size());
    std::map<std::string_view, FormScore> forms;
    for (size_t k = 0; k < list.size(); ++k) {
      const auto& m = *list[k];
      if (!m.canonical.empty() && configured.count(m.canonical)) p.name = m.canonical;
      if (p.acronym.empty() && !m.acronym.empty()) p.acronym = m.acronym;
      if (m.kind == RawMention::Kind::kName) {
        auto& f = forms.try_emplace(m.form).first->second;
        if (f.count++ == 0) {
          f.first = k;
          for (auto w : words_of(m.form)) f.acronyms += is_acronym(w) ? 1 : 0;
        }
        f.defined = f.defined || !m.acronym.empty();
      }
      const auto& section = doc.sections[static_cast<size_t>(m.section)];
      p.mentions.push_back({section.id, m.section, m.block, m.sentence, m.offset, std::string(m.form)});
    }
    if (p.name.empty()) {
      const std::pair<const std::string_view, FormScore>* best = nullptr;
      for (const auto& f : forms) {
        if (best == nullptr || f.second.better_than(best->second)) best = &f;
      }
      p.name = best != nullptr ? best->first : list.front()->canonical;
    }
    for (const auto& f : forms) {
      if (f.first != p.name && f.first != p.acronym) p.aliases.emplace_back(f.first);
    }
    const auto& first = p.mentions.front();
    p.first_claim = doc.sentence_at(first.section, first.block, first.sentence).text;
    p.key = name_key(p.name, {});
    const bool kind = kinds.count(by_group[begin - 1].first) > 0 && p.acronym.empty() && !configured.count(p.name);
    if (!kind && !ignored(p, ignore)) out.push_back(std::move(p));
  }
  // By folded name, then name; each name folded once.
  std::vector<std::pair<std::string, size_t>> order;
  order.reserve(out.size());
  for (size_t k = 0; k < out.size(); ++k) order.emplace_back(fold_case(out[k].name), k);
  std::sort(order.begin(), order.end(), [&out](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : out[a.second].name < out[b.second].name;
  });
  std::vector<Programme> sorted;
  sorted.reserve(out.size());
  for (const auto& entry : order) sorted.push_back(std::move(out[entry.second]));
  return sorted;
}

}  // namespace strata

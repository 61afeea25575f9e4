#include "history/pair_entry.hpp"

namespace strata::store {

namespace {

using Json = nlohmann::json;

// A link that continues one old claim unchanged; runs of these at a fixed
// offset are written as [first new claim, first old claim, length].
bool plain(const ClaimLink& link) { return link.old_claims.size() == 1 && !link.text_changed; }

Json numbered_json(const std::vector<NumberedNorm>& list) {
  Json j = Json::array();
  for (const NumberedNorm& n : list) j.push_back({n.claim, n.norm});
  return j;
}

// Claims in [0, count), strictly increasing; nullopt otherwise.
std::optional<std::vector<NumberedNorm>> numbered_from(const Json& j, int count) {
  std::vector<NumberedNorm> out;
  for (const auto& n : j) {
    NumberedNorm item{n.at(0).get<int>(), n.at(1).get<std::string>()};
    if (item.claim < 0 || item.claim >= count || (!out.empty() && item.claim <= out.back().claim)) return std::nullopt;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Json alignment_json(const PairResult& r) {
  Json j;
  const ChangeSize& z = r.size;
  j["size"] = {z.claims_modified, z.claims_added, z.claims_removed, z.claims_moved};
  j["claims"] = r.links.size();
  j["old_claims"] = r.old_claims;
  j["runs"] = Json::array();
  j["links"] = Json::array();
  for (size_t i = 0; i < r.links.size();) {
    const ClaimLink& l = r.links[i];
    if (!plain(l)) {
      j["links"].push_back({l.new_claim, std::vector<int>(l.old_claims.begin(), l.old_claims.end()), l.text_changed});
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < r.links.size() && plain(r.links[end]) &&
           r.links[end].old_claims[0] == l.old_claims[0] + static_cast<int>(end - i)) {
      ++end;
    }
    j["runs"].push_back({l.new_claim, l.old_claims[0], end - i});
    i = end;
  }
  j["sections"] = r.section_links;
  j["added"] = numbered_json(r.added);
  j["vanished"] = numbered_json(r.vanished);
  return j;
}

Json wording_json(const PairResult& r) {
  Json j;
  j["wording"] = Json::array();
  for (const auto& w : r.wording) j["wording"].push_back({w.from, w.to, w.count});
  return j;
}

std::optional<PairResult> pair_from_json(const Json& a, const Json* w) {
  // nlohmann reports a malformed entry by throwing.
  try {
    PairResult out;
    const Json& z = a.at("size");
    out.size.claims_modified = z.at(0).get<int>();
    out.size.claims_added = z.at(1).get<int>();
    out.size.claims_removed = z.at(2).get<int>();
    out.size.claims_moved = z.at(3).get<int>();
    const int claims = a.at("claims").get<int>();
    out.old_claims = a.at("old_claims").get<int>();
    if (claims < 0 || out.old_claims < 0) return std::nullopt;
    out.links.resize(static_cast<size_t>(claims));
    std::vector<bool> seen(out.links.size(), false);
    // Checked before they are kept: ClaimNumbers holds numbers from 0 up.
    const auto fill = [&](int at, const int* first, const int* last, bool changed) {
      if (at < 0 || at >= claims || seen[static_cast<size_t>(at)]) return false;
      for (const int* o = first; o != last; ++o) {
        if (*o < 0 || *o >= out.old_claims) return false;
      }
      seen[static_cast<size_t>(at)] = true;
      out.links[static_cast<size_t>(at)] = {at, ClaimNumbers(first, last), changed};
      return true;
    };
    for (const auto& run : a.at("runs")) {
      const int first = run.at(0).get<int>();
      const int old_first = run.at(1).get<int>();
      const int length = run.at(2).get<int>();
      if (length < 1 || length > claims) return std::nullopt;
      for (int k = 0; k < length; ++k) {
        const int old = old_first + k;
        if (!fill(first + k, &old, &old + 1, false)) return std::nullopt;
      }
    }
    for (const auto& l : a.at("links")) {
      const auto olds = l.at(1).get<std::vector<int>>();
      if (!fill(l.at(0).get<int>(), olds.data(), olds.data() + olds.size(), l.at(2).get<bool>())) return std::nullopt;
    }
    if (std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
    out.section_links = a.at("sections").get<std::vector<int>>();
    auto added = numbered_from(a.at("added"), claims);
    auto vanished = numbered_from(a.at("vanished"), out.old_claims);
    if (!added || !vanished) return std::nullopt;
    out.added = std::move(*added);
    out.vanished = std::move(*vanished);
    if (w != nullptr) {
      for (const auto& s : w->at("wording")) out.wording.push_back({s.at(0), s.at(1), s.at(2).get<int>()});
    }
    return out;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace strata::store

// The rule file (docs/ci.md): TOML, one array of tables a rule kind. Every
// key is checked; a mistake names the file, the line and the key, because a
// misspelt rule that is silently skipped lets a CI job pass that should fail.
#include <fmt/format.h>
#include <algorithm>
#include <filesystem>

#include "check/match.hpp"
#include "ingest/toml.hpp"
#include "strata/check.hpp"
#include "strata/ingest.hpp"

namespace strata {

namespace {

struct Reader {
  std::string_view source;

  Error error(const toml::node& node, std::string_view key, std::string_view reason) const {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}:{}: {}: {}", source, node.source().begin.line, key, reason));
  }

  Result<std::string> string(const toml::node& node, std::string_view key) const {
    if (const auto* s = node.as_string()) return s->get();
    return error(node, key, "expected a string");
  }

  Result<std::vector<std::string>> strings(const toml::node& node, std::string_view key) const {
    const auto* array = node.as_array();
    if (array == nullptr) return error(node, key, "expected a list of strings");
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr) return error(item, key, "expected a list of strings");
      out.push_back(s->get());
    }
    return out;
  }

  Result<double> number(const toml::node& node, std::string_view key) const {
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = node.as_floating_point()) return f->get();
    return error(node, key, "expected a number");
  }

  Result<bool> boolean(const toml::node& node, std::string_view key) const {
    if (const auto* b = node.as_boolean()) return b->get();
    return error(node, key, "expected true or false");
  }
};

// The keys each kind of table takes besides id, severity and message.
struct TableKind {
  std::string_view name;
  RuleKind kind;
  std::string_view keys;  // for the message naming what was expected
};

constexpr TableKind kTables[] = {
    {"watch", RuleKind::kWatchPhrase, "phrase"},
    {"claim", RuleKind::kWatchClaim, "text"},
    {"section", RuleKind::kWatchSection, "path, allow"},
    {"programmes", RuleKind::kProgrammes, "names, changes"},
    {"changes", RuleKind::kChangeKind, "kinds"},
    {"threshold", RuleKind::kClaimsRemoved, "claims_removed, or section_rewritten and section"},
};

Result<Rule> read_rule(const Reader& r, const TableKind& kind, const toml::table& table) {
  Rule rule;
  rule.kind = kind.kind;
  // Where the pattern and the kinds were written, for their errors.
  const toml::node* pattern_node = nullptr;
  const toml::node* kinds_node = nullptr;
  std::string pattern_key;
  std::string kinds_key;
  bool has_subject = kind.kind == RuleKind::kProgrammes;  // any programme by default
  for (const auto& [key_name, value] : table) {
    // A plain reference: clang before 16 cannot capture a structured binding.
    const toml::node& node = value;
    const std::string key = fmt::format("{}.{}", kind.name, key_name.str());
    const std::string_view k = key_name.str();
    Result<void> ok;
    const auto take_string = [&](std::string& into) -> Result<void> {
      auto s = r.string(node, key);
      if (!s) return s.error();
      into = std::move(*s);
      return {};
    };
    const auto take_strings = [&](std::vector<std::string>& into) -> Result<void> {
      auto s = r.strings(node, key);
      if (!s) return s.error();
      into = std::move(*s);
      return {};
    };
    if (k == "id") {
      ok = take_string(rule.id);
    } else if (k == "message") {
      ok = take_string(rule.message);
    } else if (k == "severity") {
      std::string severity;
      ok = take_string(severity);
      if (ok && severity != "error" && severity != "warning") {
        return r.error(node, key, fmt::format("expected \"error\" or \"warning\", not \"{}\"", severity));
      }
      rule.severity = severity == "warning" ? Severity::kWarning : Severity::kError;
    } else if ((k == "phrase" && kind.kind == RuleKind::kWatchPhrase) ||
               (k == "text" && kind.kind == RuleKind::kWatchClaim) ||
               (k == "path" && kind.kind == RuleKind::kWatchSection) || (k == "section" && kind.name == "threshold")) {
      ok = take_string(rule.pattern);
      pattern_node = &node;
      pattern_key = key;
      has_subject = has_subject || k != "section";
    } else if ((k == "allow" && kind.kind == RuleKind::kWatchSection) ||
               (k == "changes" && kind.kind == RuleKind::kProgrammes) ||
               (k == "kinds" && kind.kind == RuleKind::kChangeKind)) {
      ok = take_strings(rule.kinds);
      kinds_node = &node;
      kinds_key = key;
      has_subject = true;
    } else if (k == "names" && kind.kind == RuleKind::kProgrammes) {
      ok = take_strings(rule.names);
    } else if ((k == "claims_removed" || k == "section_rewritten") && kind.name == "threshold") {
      if (has_subject) return r.error(node, key, "a threshold takes one of claims_removed and section_rewritten");
      auto limit = r.number(node, key);
      if (!limit) return limit.error();
      rule.limit = *limit;
      rule.kind = k == "claims_removed" ? RuleKind::kClaimsRemoved : RuleKind::kSectionRewritten;
      has_subject = true;
    } else {
      return r.error(node, key, fmt::format("unknown key (expected id, severity, message, {})", kind.keys));
    }
    if (!ok) return ok.error();
  }
  if (!has_subject) return r.error(table, kind.name, fmt::format("missing key (expected {})", kind.keys));
  if (kind.name == "threshold" && rule.kind == RuleKind::kClaimsRemoved && !rule.pattern.empty()) {
    return r.error(table, fmt::format("{}.section", kind.name), "applies to section_rewritten only");
  }
  const bool section_pattern = rule.kind == RuleKind::kWatchSection || rule.kind == RuleKind::kSectionRewritten;
  if (section_pattern && pattern_node != nullptr) {
    if (auto pattern = check_detail::SectionPattern::parse(rule.pattern); !pattern) {
      return r.error(*pattern_node, pattern_key, pattern.error().message);
    }
  }
  if (auto ok = prepare_rule(rule); !ok) {
    if (kinds_node != nullptr) return r.error(*kinds_node, kinds_key, ok.error().message);
    if (pattern_node != nullptr) return r.error(*pattern_node, pattern_key, ok.error().message);
    return r.error(table, kind.name, ok.error().message);
  }
  return rule;
}

}  // namespace

Result<RuleSet> parse_check_config(std::string_view text, std::string_view source) {
  const Reader r{source};
  auto parsed = parse_toml(text, source);
  if (!parsed) return parsed.error();
  const toml::table& root = *parsed;
  RuleSet out;
  // toml++ keeps a table's keys sorted; rules run, and are reported, in the
  // order they were written.
  std::vector<std::pair<uint32_t, Rule>> written;
  for (const auto& [key_name, node] : root) {
    const std::string_view key = key_name.str();
    if (key == "baseline") {
      auto path = r.string(node, key);
      if (!path) return path.error();
      out.baseline = std::move(*path);
      continue;
    }
    if (key == "fail_on_bailout") {
      auto flag = r.boolean(node, key);
      if (!flag) return flag.error();
      out.fail_on_bailout = *flag;
      continue;
    }
    const TableKind* kind = nullptr;
    for (const TableKind& t : kTables) kind = t.name == key ? &t : kind;
    const auto* tables = node.as_array();
    if (kind == nullptr) {
      return r.error(node, key,
                     "unknown key (expected baseline, fail_on_bailout, [[watch]], [[claim]], [[section]], "
                     "[[programmes]], [[changes]], [[threshold]])");
    }
    if (tables == nullptr || !tables->is_array_of_tables()) {
      return r.error(node, key, fmt::format("expected tables: [[{}]]", key));
    }
    for (const toml::node& item : *tables) {
      auto rule = read_rule(r, *kind, *item.as_table());
      if (!rule) return rule.error();
      written.emplace_back(item.source().begin.line, std::move(*rule));
    }
  }
  std::stable_sort(written.begin(), written.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, rule] : written) {
    for (const Rule& earlier : out.rules) {
      if (earlier.id == rule.id) {
        return make_error(ErrorCode::kInvalidInput, fmt::format("{}:{}: {}.id: '{}' names two rules", source, line,
                                                                to_string(rule.kind), rule.id));
      }
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

Result<RuleSet> load_check_config(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  auto rules = parse_check_config(*bytes, path);
  if (!rules) return rules.error();
  if (!rules->baseline.empty()) {
    const std::filesystem::path baseline(rules->baseline);
    if (baseline.is_relative()) rules->baseline = (std::filesystem::path(path).parent_path() / baseline).string();
  }
  return rules;
}

}  // namespace strata

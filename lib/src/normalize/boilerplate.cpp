// Boilerplate rules: lines that are page furniture, not content.
#include <fmt/core.h>
#include <algorithm>
#include <cstddef>
#include <optional>
#include <regex>
#include <vector>

#include "ingest/toml.hpp"
#include "normalize/normalize.hpp"
#include "text/ascii.hpp"
#include "text/dates.hpp"

namespace strata {

namespace {

// Boilerplate is short (navigation, widgets, link lines); longer lines are
// never tested, which keeps the rules' cost bounded on huge inputs.
constexpr size_t kMaxBoilerplateLine = 300;

// libstdc++ matches by backtracking unless asked otherwise, in time
// exponential in the pattern: "1**********x" took a minute on one short line.
// Its polynomial mode (a libstdc++ extension; Debian's only C++ library)
// runs the automaton over the line once, and refuses back-references.
constexpr auto kRegexFlags = std::regex::icase | std::regex::ECMAScript | std::regex_constants::__polynomial;

// Why a pattern cannot be compiled before libstdc++ parses it, or nothing.
// libstdc++ reads the digits of a repetition count or a back-reference into
// a long with no bound, an overflow (undefined behaviour) from nineteen
// digits on. A count past five digits makes more than the 100,000 automaton
// states allowed anyway, and back-references need the backtracking that is
// turned off, so both are refused here, as libstdc++ refuses them.
std::optional<std::string> regex_refusal_before_parse(std::string_view pattern) {
  static constexpr size_t kMaxCountDigits = 5;
  bool in_bracket = false;
  bool in_brace = false;
  size_t digits = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    digits = in_brace && ascii::digit(c) ? digits + 1 : 0;
    if (digits > kMaxCountDigits) return "the pattern is too large (a repetition count over 99,999)";
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[++i];
      if (next >= '1' && next <= '9') return "back-references are not supported";
    } else if (in_bracket) {
      in_bracket = c != ']';
    } else if (c == '[') {
      in_bracket = true;
    } else if (c == '{') {
      in_brace = true;
    } else if (c == '}') {
      in_brace = false;
    }
  }
  return std::nullopt;
}

// Why a pattern was refused, in the rule file writer's terms: libstdc++'s
// words for these two name its own internals.
std::string regex_error_reason(const std::regex_error& e) {
  if (e.code() == std::regex_constants::error_complexity) return "back-references are not supported";
  if (e.code() == std::regex_constants::error_space) return "the pattern is too large (over 100,000 automaton states)";
  return e.what();
}

// A pattern compiled, or why it cannot be: std::regex reports a bad pattern
// only by throwing, which is kept inside the library.
std::optional<std::regex> compile_regex(const std::string& pattern, std::string& why) {
  if (auto refusal = regex_refusal_before_parse(pattern)) {
    why = std::move(*refusal);
    return std::nullopt;
  }
  try {
    return std::regex(pattern, kRegexFlags);
  } catch (const std::regex_error& e) {
    why = regex_error_reason(e);
    return std::nullopt;
  }
}

// The rules' regular expressions compiled once for a document, by rule. A
// rule file's pattern was compiled so when it was read; a rule built in code
// that does not compile matches nothing.
std::vector<std::optional<std::regex>> compile_regexes(const BoilerplateRules& rules) {
  std::vector<std::optional<std::regex>> out(rules.rules.size());
  std::string why;
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    if (rules.rules[i].match == BoilerplateRule::Match::kRegex) out[i] = compile_regex(rules.rules[i].pattern, why);
  }
  return out;
}

// A regular expression in the comparison form of the lines it is matched
// against. What was written in ASCII is the expression's syntax and stays as
// it is; what folding makes of any other character is text to match, so a
// bullet folded to "*", an ellipsis to "..." or a fullwidth parenthesis to
// "(" is escaped, never a quantifier, a wildcard or a group.
std::string regex_comparison_form(std::string_view pattern) {
  static constexpr std::string_view kSyntax = "\\^$.|?*+()[]{}-/";
  const NormalizedText form = normalize(pattern);
  std::string out;
  out.reserve(form.text.size());
  for (size_t i = 0; i < form.text.size(); ++i) {
    const char c = form.text[i];
    const bool written = static_cast<unsigned char>(pattern[form.to_original[i]]) < 0x80;
    if (!written && kSyntax.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool matches(const BoilerplateRule& rule, const std::optional<std::regex>& regex, std::string_view norm,
             std::string& captured) {
  switch (rule.match) {
    case BoilerplateRule::Match::kExact:
      return ascii::iequals(norm, rule.pattern);
    case BoilerplateRule::Match::kPrefix:
      if (!ascii::istarts_with(norm, rule.pattern)) return false;
      captured = std::string(norm.substr(rule.pattern.size()));
      return true;
    case BoilerplateRule::Match::kRegex: {
      std::cmatch m;
      if (!regex || !std::regex_match(norm.data(), norm.data() + norm.size(), m, *regex)) return false;
      captured = m.size() > 1 ? m[1].str() : std::string();
      return true;
    }
  }
  return false;
}

// False when no rule can match `text`, known without its comparison form:
// the form keeps ASCII letters and digits as they are, so a line opening
// with a run of them that differs from every exact or prefix pattern's
// opening run, letter for letter in any case, is not boilerplate. The
// comparison stops at the first byte that is not an ASCII letter or digit
// on either side (white space may fold, a combining mark may compose the
// letter before it). Most lines of a page are told apart so, unnormalized.
bool may_match(const BoilerplateRules& rules, std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos || !ascii::alnum(text[first])) return true;
  text.remove_prefix(first);
  return std::any_of(rules.rules.begin(), rules.rules.end(), [&](const BoilerplateRule& r) {
    if (r.match == BoilerplateRule::Match::kRegex) return true;
    for (size_t i = 0; i < r.pattern.size() && i < text.size(); ++i) {
      if (!ascii::alnum(r.pattern[i]) || !ascii::alnum(text[i])) return true;
      if (ascii::lower(r.pattern[i]) != ascii::lower(text[i])) return false;
    }
    return true;
  });
}

BoilerplateRule rule(std::string name, BoilerplateRule::Match match, std::string pattern,
                     BoilerplateRule::Action action = BoilerplateRule::Action::kRemove) {
  return BoilerplateRule{std::move(name), match, action, std::move(pattern)};
}

}  // namespace

BoilerplateRules default_boilerplate_rules() {
  using M = BoilerplateRule::Match;
  BoilerplateRules rules;
  rules.rules = {
      rule("last-updated", M::kPrefix, "Last updated:", BoilerplateRule::Action::kDate),
      rule("effective-date", M::kPrefix, "Effective date:", BoilerplateRule::Action::kDate),
      rule("version-effective-date", M::kPrefix, "Version effective date:", BoilerplateRule::Action::kDate),
      rule("skip-link", M::kExact, "Skip to main content"),
      rule("skip-link-short", M::kExact, "Skip to content"),
      rule("loading-widget", M::kExact, "Loading ..."),
      rule("loading-widget-tight", M::kExact, "Loading..."),
      rule("more-link", M::kExact, "more >>"),
      rule("read-more-link", M::kExact, "Read more >>"),
      rule("learn-more-link", M::kPrefix, "Learn more:"),
  };
  return rules;
}

Result<BoilerplateRules> load_boilerplate_rules(const std::string& path, BoilerplateRules base) {
  auto parsed = load_toml(path);
  if (!parsed) return parsed.error();
  const toml::table& table = *parsed;
  if (const toml::array* disable = table["disable"].as_array()) {
    for (const auto& item : *disable) {
      const auto name = item.value<std::string>();
      if (!name) return make_error(ErrorCode::kInvalidInput, fmt::format("{}: 'disable' must list rule names", path));
      std::erase_if(base.rules, [&](const BoilerplateRule& r) { return r.name == *name; });
    }
  }
  if (const toml::array* added = table["rule"].as_array()) {
    for (const auto& node : *added) {
      const toml::table* t = node.as_table();
      if (t == nullptr) return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [[rule]] must be a table", path));
      BoilerplateRule r;
      r.name = (*t)["name"].value_or(std::string());
      const std::string match = (*t)["match"].value_or(std::string("exact"));
      r.pattern = (*t)["pattern"].value_or(std::string());
      const std::string action = (*t)["action"].value_or(std::string("remove"));
      if (r.name.empty() || r.pattern.empty()) {
        return make_error(ErrorCode::kInvalidInput, fmt::format("{}: every [[rule]] needs a name and a pattern", path));
      }
      if (match == "exact") {
        r.match = BoilerplateRule::Match::kExact;
      } else if (match == "prefix") {
        r.match = BoilerplateRule::Match::kPrefix;
      } else if (match == "regex") {
        r.match = BoilerplateRule::Match::kRegex;
        r.pattern = regex_comparison_form(r.pattern);
        std::string why;
        if (!compile_regex(r.pattern, why)) {
          return make_error(ErrorCode::kInvalidInput,
                            fmt::format("{}: rule '{}': bad regular expression: {}", path, r.name, why));
        }
      } else {
        return make_error(ErrorCode::kInvalidInput,
                          fmt::format("{}: rule '{}': match must be exact, prefix or regex", path, r.name));
      }
      if (action == "remove") {
        r.action = BoilerplateRule::Action::kRemove;
      } else if (action == "date") {
        r.action = BoilerplateRule::Action::kDate;
      } else {
        return make_error(ErrorCode::kInvalidInput,
                          fmt::format("{}: rule '{}': action must be remove or date", path, r.name));
      }
      if (r.match != BoilerplateRule::Match::kRegex) r.pattern = normalize_text(r.pattern);
      std::erase_if(base.rules, [&](const BoilerplateRule& old) { return old.name == r.name; });
      base.rules.push_back(std::move(r));
    }
  }
  return base;
}

std::optional<std::string> remove_boilerplate(RawDocument& raw, const BoilerplateRules& rules,
                                              std::vector<Removal>& removals) {
  std::optional<std::string> date;
  const std::vector<std::optional<std::regex>> regexes = compile_regexes(rules);
  // Kept blocks are moved down in place: a second vector of every block
  // held the document's blocks twice (112 MB each for a million lines).
  size_t kept = 0;
  for (size_t at = 0; at < raw.blocks.size(); ++at) {
    RawBlock& block = raw.blocks[at];
    const BoilerplateRule* hit = nullptr;
    std::string captured;
    std::optional<std::string> found_date;
    if (block.kind != RawBlock::Kind::kCode && block.text.size() <= kMaxBoilerplateLine &&
        may_match(rules, block.text)) {
      const std::string norm = normalize_text(block.text);
      for (size_t i = 0; i < rules.rules.size(); ++i) {
        if (!matches(rules.rules[i], regexes[i], norm, captured)) continue;
        // A date rule's line says what the version's date is, or it is
        // text ("Effective date: the day you accept these terms").
        if (rules.rules[i].action == BoilerplateRule::Action::kDate) {
          found_date = parse_date(captured);
          if (!found_date) continue;
        }
        hit = &rules.rules[i];
        break;
      }
    }
    if (hit == nullptr) {
      if (kept != at) raw.blocks[kept] = std::move(block);
      ++kept;
      continue;
    }
    if (hit->action == BoilerplateRule::Action::kDate && !date) date = std::move(found_date);
    removals.push_back(Removal{hit->name, block.text.str(), block.line});
    // A removed line between two others keeps its blank-line gap, so that
    // structure inferred from gaps does not change.
    if (at + 1 < raw.blocks.size()) raw.blocks[at + 1].gap = std::max(raw.blocks[at + 1].gap, block.gap);
  }
  raw.blocks.erase(raw.blocks.begin() + static_cast<std::ptrdiff_t>(kept), raw.blocks.end());
  return date;
}

}  // namespace strata

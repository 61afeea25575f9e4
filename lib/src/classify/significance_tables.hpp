// Internal: the data significance and the narratives are made of, in one
// place: the rules with their default points, the word lists the rules
// look for, and the narrative templates (significance_tables.cpp). The
// stop words live with the other lexicons (classify/lexicon.cpp).
#pragma once

#include <span>
#include <string_view>

namespace strata::classify_detail {

// A significance rule: `name` is what users tune and reports print,
// `points` its default weight, `when` the rule in words (the table of
// docs/significance.md), `reason` the fmt template of its reason (named
// arguments in the comments of significance.cpp).
struct RuleRow {
  std::string_view name;
  int points;
  std::string_view when;
  std::string_view reason;
};
std::span<const RuleRow> rule_rows();
// What stands between a reason and the quote it ends with (" in ", ": ",
// ", from ", ", in "), for a reason template that ends with {quote}; empty
// for one that quotes nothing.
std::string_view quote_joint(std::string_view reason_template);

// Word lists, lowercase, words separated by single spaces; matched as whole
// words on folded text.
std::span<const std::string_view> demand_words();      // "demand", "call on", "urge"
std::span<const std::string_view> commitment_words();  // "commit", "pledge", "will", "reaffirm"
std::span<const std::string_view> stance_words();      // "condemn", "recognise", "reject"
// The same lists, indexed for one pass over a claim's words.
class ItemIndex;
const ItemIndex& demand_index();
const ItemIndex& commitment_index();
const ItemIndex& stance_index();
std::span<const std::string_view> strong_modals();  // will, shall, must and their negative forms
std::span<const std::string_view> weak_modals();    // may, might, could, should, can, would

// A narrative template: `name` is how narrative.cpp asks for it, `text` an
// fmt template with named arguments.
struct TemplateRow {
  std::string_view name;
  std::string_view text;
};
// The template called `name`; an empty view when there is none (a
// programming error the tests catch).
std::string_view narrative_template(std::string_view name);
std::span<const TemplateRow> narrative_templates();

}  // namespace strata::classify_detail

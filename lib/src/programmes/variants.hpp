// Internal: other written forms of one programme name that matching keys
// should read alike: British and American spellings and plural nouns
// ("Accounts Centre" / "Accounts Center", "NATO Communications and
// Information Agency" / "NATO Communication ..."), and a long form that only
// adds an owner in front ("NATO-Ukraine Joint Working Group on Defence
// Reform" / "Joint Working Group on Defence Reform"). Rules in
// docs/programmes.md ("Variants").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segment/acronyms.hpp"

namespace strata::classify_detail {

// `key` (a name_key(): folded words joined by single spaces) with each word
// in one spelling: "centre" -> "center", "defence" -> "defense",
// "organisation" -> "organization", "programme" -> "program", and a plural
// "-s" dropped.
std::string spelling_key(std::string_view key);

// The keys under which `form` is also known, besides name_key(form, ...):
// the spelling keys, with and without `acronyms` expanded, and the same
// without a leading owner (an acronym, a place or a pair of places:
// "NATO", "Ukraine", "NATO-Ukraine") when at least two words, one of them
// not a head word, are left; these start with kOwnerless, and every form
// has its own such key. Never empty keys.
// Marks a key read without the name's owner (variant_keys()).
inline constexpr std::string_view kOwnerless = "^";

std::vector<std::string> variant_keys(std::string_view form, const AcronymTable& acronyms);

// A short form and its long form: `long_key` is `short_key` followed by a
// connector that continues a name ("Declaration to Complement the Charter"
// / "... the Charter on a Distinctive Partnership"), and `short_key` ends on
// a head word.
bool extends_with_tail(std::string_view short_key, std::string_view long_key);

}  // namespace strata::classify_detail

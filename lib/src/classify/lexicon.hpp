// Word lists that decide what a programme name is. Every list is lowercase;
// lookups hash the word once.
#pragma once

#include <string_view>

namespace strata::classify_detail {

// Head words of programme names ("... Programme", "... Council"): the issue's
// list, widened with the bodies and instruments named in the seeds.
bool is_head_word(std::string_view lower);

// Head words that lead the name ("Operation Active Endeavour").
bool is_prefix_head(std::string_view lower);

// Head words that may follow a capitalized name in lowercase ("the
// Partnership for Peace programme", "Resolute Support mission") or lead it
// ("operation Ocean Shield"); and the generic ones dropped from matching
// keys, so that "Air Situation Data Exchange programme" and "... Programme"
// are one programme.
bool is_lowercase_head(std::string_view lower);
bool is_generic_tail(std::string_view lower);

// Lowercase words that may join the capitalized words of a name
// ("Partnership for Peace", "Charter on a Distinctive Partnership").
bool is_connector(std::string_view lower);

// Countries, regions and cities of the seeds and their neighbourhood, and
// month names: never a name on their own, and trimmed from "X for Ukraine".
bool is_place(std::string_view lower);
bool is_month(std::string_view lower);

// Titles of people ("President", "Secretary General"): a name may not start
// with one.
bool is_person_title(std::string_view lower);

// Determiners that introduce a short back-reference ("the Commission").
bool is_determiner(std::string_view lower);

}  // namespace strata::classify_detail

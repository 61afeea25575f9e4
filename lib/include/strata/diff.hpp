// The word diff of two claims (the diff stage; compare() in compare.hpp runs it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"

namespace strata {

// Word diff of two claims given in original form: tokens (words, numbers,
// punctuation) compared on their comparison form, reported in original text,
// then cleaned up so that edits read as replaced phrases. For equal tokens the
// new side's original text is reported: concatenating the kEqual and kInsert
// texts gives `new_text` exactly; kEqual and kDelete give `old_text` up to
// typography (the same comparison form). When the product of token counts
// exceeds `max_cells`, the pair is diffed only if its edits are local (the
// common ends set aside, the rest cut at tokens found once on each side,
// each stretch between them under `max_cells`); otherwise the result is an
// empty vector.
std::vector<WordOp> word_diff(std::string_view old_text, std::string_view new_text, size_t max_cells);

}  // namespace strata

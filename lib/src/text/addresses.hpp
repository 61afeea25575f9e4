// Web addresses written in running text ("visit
// https://example.org/a?tab=2", "see www.example.org/privacy"): a link's
// target, whose parts are neither words nor figures of the sentence around
// it ("tab", "2"). A changed address is a changed link (the link-set diff).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace strata {

// Byte ranges [begin, end) of `text`.
using AddressSpans = std::vector<std::pair<size_t, size_t>>;

// The addresses in `text`, in order: a scheme ("https://", "ftp://") or
// "www." at the start of a word, up to white space, without the
// punctuation that closes the sentence or a bracket around it
// ("(see https://example.org/a)." ends at "a"). Nothing for a text
// without "://" or "www.", found with two searches.
AddressSpans web_addresses(std::string_view text);

}  // namespace strata

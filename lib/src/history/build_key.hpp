// The key of the history cache's entries: it follows the code.
//
// Entries are results of parsing and compare(), so an entry is valid only
// for the code that wrote it. The build derives this key (lib/build_key.cmake)
// from the library version, the versions of the parsing libraries (cmark-gfm,
// gumbo, utf8proc) and the bytes of every source below the history in the
// pipeline (text/ to pipeline/, the public headers, and the cache's own
// derived.* and pair_entry.*): any edit there, however small, gives a new key,
// and a store's entries from another build are ignored and recomputed. The
// cost of a key that changes too often is only a cold cache; the cost of one
// that changes too rarely was a stale blame.
#pragma once

#include <string_view>

namespace strata::store {

// 16 lowercase hex digits, fixed for a given build.
std::string_view derived_build_key();

}  // namespace strata::store

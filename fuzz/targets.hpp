// Fuzz targets: the whole pipeline on arbitrary bytes, with the invariants a
// reader relies on checked after each run. Shared by the libFuzzer programs
// (fuzz/CMakeLists.txt, clang only) and the corpus replay test that CI runs
// with any compiler (tests/fuzz_corpus_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace strata::fuzz {

// One document: ingest -> normalize -> segment, then the outline renderers.
// Aborts when an invariant breaks (a rendered string that is not UTF-8,
// JSON that does not parse, a sentence outside its section).
void read_one(const uint8_t* data, size_t size);

// Two documents: the bytes before the first 0xFF byte and the bytes after it
// (0xFF never occurs in UTF-8, so each half stays free to be anything). Runs
// compare() with classify and every diff renderer, and aborts when an
// invariant breaks: output not UTF-8, JSON not parseable, a word diff that
// does not rebuild the new claim, a report that changes when unchanged claims
// are counted instead of kept, a self-diff with changes.
void diff_two(const uint8_t* data, size_t size);

}  // namespace strata::fuzz

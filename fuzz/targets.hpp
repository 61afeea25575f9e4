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
// are counted instead of kept, a self-diff with changes, a version read
// with the other (as a diff reads its pair) that differs from it read alone.
void diff_two(const uint8_t* data, size_t size);

// The configuration and grammar readers, each on arbitrary bytes. A refused
// input is a normal outcome (with an error message in valid UTF-8 once the
// CLI escapes it); a crash, a sanitizer report or a hang is a finding.

// A boilerplate rules file (--rules): read, then applied to a small document.
void rules_file(const uint8_t* data, size_t size);
// A snapshot manifest: read, its series listed (no snapshot file is opened).
void manifest_file(const uint8_t* data, size_t size);
// A revision string (`page-2023~1`, `@2015-05`, `HEAD~2`, a commit prefix):
// an accepted name is a valid id, a date a real calendar period.
void revision(const uint8_t* data, size_t size);
// A commit message of the store: what is accepted, written again, reads back
// the same.
void commit_metadata(const uint8_t* data, size_t size);

}  // namespace strata::fuzz

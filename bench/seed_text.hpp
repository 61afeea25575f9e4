// The bundled snapshots' paragraphs, the text that generated benchmark
// inputs are made of (bench/make_pairs.cpp).
#pragma once

#include <string>
#include <vector>

// Lines of the bundled snapshots over 60 bytes (paragraphs and list items,
// not headings), with their bullets and leading spaces taken off.
std::vector<std::string> seed_lines();

// Generated pairs with labelled alignment edits (bench/alignment_pairs.cpp).
#pragma once

#include <random>
#include <string>

// Writes DIR/old.md, DIR/new.md and DIR/truth.tsv (one line per link:
// kind, old claim, new claim). Deterministic for a given generator state.
void alignment_pair(std::mt19937& rng, const std::string& dir);

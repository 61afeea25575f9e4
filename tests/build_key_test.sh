#!/usr/bin/env bash
# lib/build_key.cmake gives the history cache a key that follows the code:
# the same sources give the same key wherever the checkout lives, and a
# one-byte edit of any source parsing or compare() runs through gives
# another, while an edit elsewhere (the renderers) does not.
# Usage: build_key_test.sh SOURCE_DIR INPUTS_FILE (the build's list of keyed sources)
set -euo pipefail
src=$1
inputs=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
key_of() {  # the key of the tree copied at $1
  sed "s|^$src/lib/|$1/lib/|" "$inputs" >"$1/inputs.txt"
  cmake -DSTRATA_LIB="$1/lib" -DINPUTS_FILE="$1/inputs.txt" -DSALT="strata test" -DOUT="$1/key.cpp" \
    -P "$src/lib/build_key.cmake"
  grep -o '"[0-9a-f]\{16\}"' "$1/key.cpp"
}
fail() { echo "build key: $*" >&2; exit 1; }
grep -q "/lib/src/align/claims.cpp$" "$inputs" || fail "align/claims.cpp is not keyed"
grep -q "/lib/src/history/pair_entry.cpp$" "$inputs" || fail "history/pair_entry.cpp is not keyed"
! grep -q "/lib/src/render/" "$inputs" || fail "a renderer is keyed"
mkdir -p "$scratch/a" "$scratch/b"
cp -r "$src/lib" "$scratch/a/lib"
cp -r "$src/lib" "$scratch/b/lib"
a=$(key_of "$scratch/a")
[[ $(key_of "$scratch/b") == "$a" ]] || fail "two copies of one tree have different keys"
printf '\n' >>"$scratch/b/lib/src/render/diff_json.cpp"
[[ $(key_of "$scratch/b") == "$a" ]] || fail "an edit of a renderer changed the key"
printf '\n' >>"$scratch/b/lib/src/align/claims.cpp"
[[ $(key_of "$scratch/b") != "$a" ]] || fail "an edit of align/claims.cpp kept the key"
echo "build key: follows the keyed sources, not the checkout's place or the renderers"

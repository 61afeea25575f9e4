#!/usr/bin/env bash
# lib/layering.cmake passes on the tree as it is, and fails, naming the file
# and the include, when a lower folder includes a higher one.
# Usage: layering_test.sh SOURCE_DIR
set -euo pipefail
src=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake -DSTRATA_LIB="$src/lib" -P "$src/lib/layering.cmake"
cp -r "$src/lib" "$scratch/lib"
printf '#include "pipeline/compare.hpp"\n' >> "$scratch/lib/src/text/utf8.cpp"
if out=$(cmake -DSTRATA_LIB="$scratch/lib" -P "$scratch/lib/layering.cmake" 2>&1); then
  echo "layering: an upward include (text -> pipeline) was accepted" >&2
  exit 1
fi
grep -q 'lib/src/text/utf8.cpp: text may not include "pipeline/compare.hpp"' <<<"$out" || {
  echo "layering: the failure does not name the file and include:" >&2
  echo "$out" >&2
  exit 1
}
echo "layering: the tree points one way; an upward include fails"

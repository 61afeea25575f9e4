#!/usr/bin/env bash
# strata diff against git's word diff on the same generated pairs, in one run.
# Prints one Markdown table row per pair: wall time and peak memory of each,
# and the ratio strata / git. Usage: bench/compare_git.sh BUILD_DIR
set -euo pipefail
build=${1:-build-release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # prints "seconds peak_kib" for the command in "$@"
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time"
}

echo "| pair | size | strata s | strata peak MiB | git s | git peak MiB | time ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for spec in "realistic 1000000" "realistic 10000000" "unrelated 1000000"; do
  set -- $spec
  dir="$work/$1-$2"
  mkdir -p "$dir"
  "$build/bench/strata_make_pairs" "$1" "$2" "$dir"
  size=$(stat -c %s "$dir/old.txt")
  read -r st sm < <(measure "$build/strata" diff --format json "$dir/old.txt" "$dir/new.txt")
  read -r gt gm < <(measure git diff --no-index --word-diff=porcelain "$dir/old.txt" "$dir/new.txt")
  ratio=$(awk -v a="$st" -v b="$gt" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
  printf '| %s | %s | %s | %.0f | %s | %.0f | %s |\n' "$1" "$size" "$st" "$((sm / 1024))" "$gt" "$((gm / 1024))" "$ratio"
done

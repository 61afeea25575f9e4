#!/usr/bin/env bash
# strata diff against git's word diff on the same generated pairs, in one run.
# Prints one Markdown table row per pair: wall time (the best of 5 runs, in
# milliseconds: git's runs are too short for /usr/bin/time's hundredths) and
# peak memory of each, and the ratio strata / git.
# Usage: bench/compare_git.sh BUILD_DIR
set -euo pipefail
build=${1:-build-release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # prints "best_ms peak_kib" for the command in "$@"
  local best="" start end ms
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [[ -z $best || $ms -lt $best ]]; then best=$ms; fi
  done
  /usr/bin/time -o "$work/time" -f '%M' "$@" >/dev/null 2>&1 || true
  echo "$best $(tail -n 1 "$work/time")"
}

echo "| pair | size | strata ms | strata peak MiB | git ms | git peak MiB | time ratio |"
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

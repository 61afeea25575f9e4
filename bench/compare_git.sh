#!/usr/bin/env bash
# strata diff against git's word diff on the same pairs, in one run.
# Prints one Markdown table row per pair: the median wall time of RUNS runs of
# each program (milliseconds), peak memory, the ratio strata / git of the
# medians, and instructions executed by each (bench/instructions.sh: with
# callgrind only when COUNT=1, and not on the 30 MB pair, which would take a
# quarter of an hour).
# Then the exponent of strata's time in the size of the realistic pairs
# (1.0: linear), and the start-up of each program (bench/startup.sh).
# Pairs: the bundled 2023 -> 2024 snapshots; realistic pairs of 1, 10 and
# 30 MB and an unrelated pair of 1 MB from bench/make_pairs.cpp.
# Usage: [RUNS=7] [COUNT=1] nice bench/compare_git.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:-build-release}" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_ms() {  # the median wall time of $runs runs of "$@", in ms (one decimal)
  local ms=()
  for ((r = 0; r < runs; ++r)); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    ms+=("$(( (end - start) / 100000 ))")
  done
  printf '%s\n' "${ms[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 10 }'
}

peak_mib() {
  /usr/bin/time -o "$work/time" -f '%M' "$@" > /dev/null 2>&1 || true
  awk '{ printf "%.0f", $1 / 1024 }' < <(tail -n 1 "$work/time")
}

source "$here/bench/instructions.sh"

declare -A strata_ms
echo "| pair | size (bytes) | strata ms | git ms | ratio | strata Minstr | git Minstr | strata MiB | git MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
row() {  # label old new
  local label=$1 old=$2 new=$3
  local size st gt si gi sm gm
  size=$(stat -c %s "$old")
  st=$(median_ms "$build/strata" diff --format json "$old" "$new")
  gt=$(median_ms git diff --no-index --word-diff=porcelain "$old" "$new")
  skip_count=$(( size > 20000000 ))
  si=$(instructions "$build/strata" diff --format json "$old" "$new")
  gi=$(instructions git diff --no-index --word-diff=porcelain "$old" "$new")
  sm=$(peak_mib "$build/strata" diff --format json "$old" "$new")
  gm=$(peak_mib git diff --no-index --word-diff=porcelain "$old" "$new")
  skip_count=0
  strata_ms[$label]=$st
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$size" "$st" "$gt" \
    "$(awk -v a="$st" -v b="$gt" 'BEGIN { printf "%.2f", a / b }')" "$si" "$gi" "$sm" "$gm"
}

row "bundled 2023 -> 2024" "$here/snapshots/2023_page_relations-with-ukraine.txt" \
  "$here/snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt"
for spec in "realistic 1000000" "realistic 10000000" "realistic 30000000" "unrelated 1000000"; do
  set -- $spec
  dir="$work/$1-$2"
  mkdir -p "$dir"
  "$build/bench/strata_make_pairs" "$1" "$2" "$dir"
  row "$1 $(( $2 / 1000000 )) MB" "$dir/old.txt" "$dir/new.txt"
done

echo
printf 'Exponent of time in size, realistic 1 -> 30 MB: %s (1.00 is linear)\n' \
  "$(awk -v a="${strata_ms[realistic 1 MB]}" -v b="${strata_ms[realistic 30 MB]}" -v sa="$(stat -c %s "$work/realistic-1000000/old.txt")" \
     -v sb="$(stat -c %s "$work/realistic-30000000/old.txt")" 'BEGIN { printf "%.2f", log(b / a) / log(sb / sa) }')"

echo
"$here/bench/startup.sh" "$build"

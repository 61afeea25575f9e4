#!/usr/bin/env bash
# The figures of docs/reliability.md: worst-case inputs (time and peak
# memory), concurrent importers, imports killed with SIGKILL, and imports
# while `git gc --prune=now` runs.
# Usage: bench/reliability.sh BUILD_DIR [KILL_ROUNDS] [GC_IMPORTS]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
rounds=${2:-50}
gc_imports=${3:-100}
strata="$build/strata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, command...: wall seconds and peak MiB; the exit status
  local label=$1; shift
  local status=0
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" > /dev/null 2> "$work/err" || status=$?
  read -r seconds kib < <(tail -1 "$work/time")
  printf '| %s | %s | %d | %d |\n' "$label" "$seconds" "$((kib / 1024))" "$status"
}

echo "## Worst-case inputs"
echo "| input | wall s | peak MiB | exit |"
echo "|---|---:|---:|---:|"
python3 - "$work" <<'PY'
import random, sys
w = sys.argv[1]
random.seed(1)
line = ''.join(random.choice('abcdefghij klmnop') for _ in range(10 * 1024 * 1024))
open(f'{w}/line-a.txt', 'w').write('Title\n\n' + line + '\n')
open(f'{w}/line-b.txt', 'w').write('Title\n\n' + line[:5_000_000] + 'X' + line[5_000_001:] + '\n')
open(f'{w}/million-a.txt', 'w').write(''.join(f'Old line {i} says a{i}.\n' for i in range(1_000_000)))
open(f'{w}/million-b.txt', 'w').write(''.join(f'New line {i} states b{i}.\n' for i in range(1_000_000)))
open(f'{w}/many-a.txt', 'w').write('Title\n\nSection\n\nOne claim.\n')
open(f'{w}/many-b.txt', 'w').write('Title\n\nSection\n\n' + ''.join(f'Claim number {i} is new.\n\n' for i in range(100_000)))
PY
measure "one 10 MiB line, one byte changed" "$strata" diff "$work/line-a.txt" "$work/line-b.txt"
measure "1,000,000 lines, all different" "$strata" diff "$work/million-a.txt" "$work/million-b.txt"
measure "100,000 added claims, Markdown" "$strata" diff --format md "$work/many-a.txt" "$work/many-b.txt"
"$strata" diff --format md "$work/many-a.txt" "$work/many-b.txt" > "$work/many.md" || true
echo "(Markdown report of 100,000 changes: $(wc -c < "$work/many.md") bytes)"

version() {  # n: a small document naming version n
  printf 'Title\n\nSection\n\nThe text of version %s.\n' "$1"
}

echo
echo "## Concurrent importers"
for n in 8 32; do
  store="$work/store-$n"
  "$strata" init --store "$store" > /dev/null
  for i in $(seq 1 "$n"); do version "$i" > "$work/v$n-$i.txt"; done
  failed=0
  pids=()
  for i in $(seq 1 "$n"); do
    "$strata" import --store "$store" --id "v$i" --date "2020-01-$(printf '%02d' $(( (i % 28) + 1 )))" "$work/v$n-$i.txt" \
      > /dev/null 2>> "$work/concurrent-$n.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  stored=$("$strata" log --store "$store" --no-sizes | wc -l)
  fsck=$(git -C "$store" fsck --strict 2>&1 | grep -c . || true)
  echo "$n importers at once: $stored of $n versions stored, $failed failed, git fsck lines: $fsck"
done

echo
echo "## Imports killed with SIGKILL"
store="$work/store-kill"
"$strata" init --store "$store" > /dev/null
survived=0
for r in $(seq 1 "$rounds"); do
  version "k$r" > "$work/k.txt"
  "$strata" import --store "$store" --id "k$r" --date 2021-01-01 "$work/k.txt" > /dev/null 2>&1 &
  pid=$!
  sleep "0.0$(( RANDOM % 10 ))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  # The next import must work and the store must read back whole.
  version "after$r" > "$work/a.txt"
  if "$strata" import --store "$store" --id "after$r" --date 2021-02-01 "$work/a.txt" > /dev/null 2>&1 &&
     "$strata" log --store "$store" --no-sizes > /dev/null 2>&1 &&
     [ -z "$(git -C "$store" fsck --strict 2>&1 | grep -v '^dangling')" ]; then
    survived=$((survived + 1))
  fi
done
echo "$survived of $rounds rounds: the next import and log worked and git fsck found no damage"

echo
echo "## Imports while git gc --prune=now runs"
store="$work/store-gc"
"$strata" init --store "$store" > /dev/null
( while true; do git -C "$store" gc --prune=now --quiet 2> /dev/null || true; done ) &
gc=$!
claimed=0
refused=0
for i in $(seq 1 "$gc_imports"); do
  version "g$i" > "$work/g.txt"
  if "$strata" import --store "$store" --id "g$i" --date 2022-01-01 "$work/g.txt" 2> /dev/null | grep -q '^stored'; then
    claimed=$((claimed + 1))
  else
    refused=$((refused + 1))
  fi
done
kill "$gc"; wait "$gc" 2> /dev/null || true
listed=$("$strata" log --store "$store" --no-sizes | wc -l)
fsck=$(git -C "$store" fsck --strict 2>&1 | grep -vc '^dangling' || true)
echo "$gc_imports imports: $claimed printed stored, $refused failed with 2; log lists $listed; git fsck problems: $fsck"

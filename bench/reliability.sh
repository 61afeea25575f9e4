#!/usr/bin/env bash
# The figures of docs/reliability.md: worst-case inputs (time and peak
# memory), then the store's (bench/store_faults.sh: concurrent importers,
# imports killed with SIGKILL, imports while `git gc --prune=now` runs).
# Usage: bench/reliability.sh BUILD_DIR [KILL_ROUNDS] [GC_IMPORTS]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
rounds=${2:-50}
gc_imports=${3:-100}
strata="$build/strata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, command...: wall and CPU seconds, peak MiB, output bytes; the exit status
  local label=$1; shift
  local status=0
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" > "$work/out" 2> "$work/err" || status=$?
  read -r seconds user system kib < <(tail -1 "$work/time")
  printf '| %s | %s | %s | %d | %d | %d |\n' "$label" "$seconds" "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')" "$((kib / 1024))" \
    "$(wc -c < "$work/out")" "$status"
}

echo "## Worst-case inputs"
echo "| input | wall s | CPU s | peak MiB | output bytes | exit |"
echo "|---|---:|---:|---:|---:|---:|"
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
# Opening marks of kramdown-rfc references and of escaped links, never closed.
open(f'{w}/marks.md', 'w').write('# Title\n\n' + 'a{{ ' * 1_000_000 + '\n\n' + 'a[b\\] ' * 500_000 + 'c](d)\n')
PY
measure "one 10 MiB line, one byte changed" "$strata" diff "$work/line-a.txt" "$work/line-b.txt"
measure "1,000,000 lines, all different" "$strata" diff "$work/million-a.txt" "$work/million-b.txt"
measure "1,000,000 lines, all different, JSON" "$strata" diff --format json "$work/million-a.txt" "$work/million-b.txt"
measure "4 MiB Markdown paragraphs of unclosed marks" "$strata" sections "$work/marks.md"
measure "100,000 added claims, Markdown" "$strata" diff --format md "$work/many-a.txt" "$work/many-b.txt"
"$strata" diff --format md "$work/many-a.txt" "$work/many-b.txt" > "$work/many.md" || true
echo "(Markdown report of 100,000 changes: $(wc -c < "$work/many.md") bytes)"

echo
"$(dirname "$0")/store_faults.sh" "$build" "$rounds" "$gc_imports"

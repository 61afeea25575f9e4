#!/usr/bin/env bash
# The store's figures of docs/reliability.md: concurrent importers (all
# stored, or refused with a clean error; never a damaged store), imports
# killed with SIGKILL (the store stays valid and every version stored before
# stays, byte for byte), and imports, one version or a batch of 100 each,
# while `git gc --prune=now` runs.
# Usage: bench/store_faults.sh BUILD_DIR [KILL_ROUNDS] [GC_IMPORTS] [GC_BATCHES] [IMPORTERS...]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
rounds=${2:-50}
gc_imports=${3:-100}
gc_batches=${4:-5}
shift $(( $# < 4 ? $# : 4 ))
if [ $# -gt 0 ]; then importers=("$@"); else importers=(8 32); fi
strata="$build/strata"
work=$(mktemp -d)
gc=
trap 'stop_pruning; rm -rf "$work"' EXIT

version() {  # n: a small document naming version n
  printf 'Title\n\nSection\n\nThe text of version %s.\n' "$1"
}
fsck_problems() {  # store: lines of `git fsck --strict` other than dangling objects
  git -C "$1" fsck --strict 2>&1 | grep -vc '^dangling' || true
}
start_pruning() {  # store: a new store, and `git gc --prune=now` over it in a loop (its pid in $gc)
  "$strata" init --store "$1" > /dev/null
  rm -f "$work/stop-gc"
  ( while [ ! -e "$work/stop-gc" ]; do git -C "$1" gc --prune=now --quiet 2> /dev/null || true; done ) &
  gc=$!
}
# Ends the loop after its current gc and waits for both: killing the loop
# alone left that gc writing into the store while the next check read it,
# or while the cleanup removed it ("Directory not empty").
stop_pruning() {
  [ -n "$gc" ] || return 0
  touch "$work/stop-gc"
  wait "$gc" 2> /dev/null || true
  gc=
}

echo "## Concurrent importers"
for n in "${importers[@]}"; do
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
  echo "$n importers at once: $stored of $n versions stored, $failed failed, git fsck problems: $(fsck_problems "$store")"
  if [ -s "$work/concurrent-$n.err" ]; then sort "$work/concurrent-$n.err" | uniq -c | sed 's/^/    /'; fi
done

echo
echo "## Imports killed with SIGKILL"
store="$work/store-kill"
"$strata" init --store "$store" > /dev/null
version first > "$work/first.txt"
"$strata" import --store "$store" --id first --date 2021-01-01 "$work/first.txt" > /dev/null
survived=0
killed_stored=0
for r in $(seq 1 "$rounds"); do
  before=$(git -C "$store" rev-parse refs/heads/main)
  listed_before=$("$strata" log --store "$store" --no-sizes | wc -l)
  version "k$r" > "$work/k.txt"
  "$strata" import --store "$store" --id "k$r" --date 2021-01-01 "$work/k.txt" > /dev/null 2>&1 &
  pid=$!
  sleep "0.0$(( RANDOM % 10 ))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  # The killed import is all or nothing; the next one works; every version
  # stored before is still there unchanged (the old head is an ancestor of
  # the new: commits and trees are named by their content); git finds no damage.
  version "after$r" > "$work/a.txt"
  ok=1
  "$strata" import --store "$store" --id "after$r" --date 2021-02-01 "$work/a.txt" > /dev/null 2>&1 || ok=0
  git -C "$store" merge-base --is-ancestor "$before" refs/heads/main || ok=0
  listed=$("$strata" log --store "$store" --no-sizes 2> /dev/null | wc -l) || ok=0
  if "$strata" log --store "$store" --no-sizes | grep -qw "k$r"; then
    killed_stored=$((killed_stored + 1))
    [ "$listed" -eq $((listed_before + 2)) ] || ok=0
  else
    [ "$listed" -eq $((listed_before + 1)) ] || ok=0
  fi
  [ "$(fsck_problems "$store")" -eq 0 ] || ok=0
  survived=$((survived + ok))
done
echo "$survived of $rounds rounds: the next import worked, every earlier version stayed, git fsck found no damage" \
  "($killed_stored killed imports had finished before the kill)"

echo
echo "## Imports while git gc --prune=now runs"
store="$work/store-gc"
start_pruning "$store"
claimed=0
moved_back=0
found_damaged=0
other=0
for i in $(seq 1 "$gc_imports"); do
  version "g$i" > "$work/g.txt"
  if "$strata" import --store "$store" --id "g$i" --date 2022-01-01 "$work/g.txt" 2> "$work/gc-import.err" | grep -q '^stored'; then
    claimed=$((claimed + 1))
  elif grep -q 'nothing was stored' "$work/gc-import.err"; then
    moved_back=$((moved_back + 1))  # its objects did not stay: the branch went back
  elif grep -q 'which is not in the store' "$work/gc-import.err"; then
    found_damaged=$((found_damaged + 1))  # an earlier version's objects were pruned after its check
  else
    other=$((other + 1))
    sed "s/^/    /" "$work/gc-import.err" >&2
  fi
done
stop_pruning
# A prune whose look at the refs came before an import moved the branch can
# still delete that import's objects after its check, or after it exited
# (git-gc(1): --prune=now is unsafe beside any writer): every later command
# then finds the branch on a missing commit, which is what to count.
if listed=$("$strata" log --store "$store" --no-sizes 2> "$work/gc-log.err"); then
  listed="lists $(wc -l <<<"$listed")"
else
  listed="fails: $(cat "$work/gc-log.err")"
fi
echo "$gc_imports imports: $claimed printed stored, $moved_back failed with 2 and moved the branch back," \
  "$found_damaged failed with 2 on a branch already on a pruned commit, $other failed otherwise; log $listed;" \
  "git fsck problems: $(fsck_problems "$store")"

echo
echo "## Batches of 100 versions while git gc --prune=now runs"
# A batch's versions stay unreferenced by the branch until its last is
# written; the import's own ref (refs/strata/import) is what keeps the prune
# off them meanwhile. Each batch is stored whole or not at all.
store="$work/store-gc-batch"
start_pruning "$store"
whole=0
none=0
partial=0
for b in $(seq 1 "$gc_batches"); do
  files=()
  for i in $(seq 1 100); do
    version "b$b-$i" > "$work/b$i.txt"
    files+=("$work/b$i.txt")
  done
  before=$("$strata" log --store "$store" --no-sizes 2> /dev/null | wc -l)
  "$strata" import --store "$store" --date "20$((10 + b % 90))" "${files[@]}" > /dev/null 2> "$work/batch.err" || true
  after=$("$strata" log --store "$store" --no-sizes 2> /dev/null | wc -l)
  case $((after - before)) in
    100) whole=$((whole + 1)) ;;
    0) none=$((none + 1)); sed "s/^/    /" "$work/batch.err" >&2 ;;
    *) partial=$((partial + 1)) ;;
  esac
done
stop_pruning
echo "$gc_batches batches: $whole stored whole, $none stored nothing, $partial stored in part;" \
  "git fsck problems: $(fsck_problems "$store")"

#!/usr/bin/env bash
# Real histories: every version of one file of a public git repository
# imported with `strata import --git` (flushed to disk, then again into
# another store with --no-sync), then `log`, `timeline` and `blame`
# with a cold and a warm derived cache. Wall and CPU seconds, peak memory;
# instruction counts beside them where `perf stat` can count them (virtual
# machines often cannot). Histories whose repository is not given, or not
# there, are skipped.
#
# Usage: bench/history_real.sh BUILD_DIR [QUIC_REPO] [OTA_REPO]
#   QUIC_REPO: a clone of github.com/quicwg/base-drafts (rfc9000.md, the
#              QUIC transport draft, about 1,180 versions followed through
#              its renames)
#   OTA_REPO:  a clone of github.com/OpenTermsArchive/pga-versions
#              ("Facebook/Privacy Policy.md", about 490 versions)
# Run it with `nice` on a shared machine and compare CPU seconds: wall time
# there depends on the other jobs.
set -euo pipefail
build=$(cd "${1:-build-release}" && pwd)
quic=${2:-}
ota=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

counts_instructions=0
if perf stat -x, -e instructions:u true 2> "$work/perf" && grep -q '^[0-9]' "$work/perf"; then
  counts_instructions=1
fi

# A cold query's derived cache is moved aside, not deleted: ext4 skips the
# inodes of files deleted seconds before when it allocates new ones, and a
# query creating its ~1,000 cache files right after `rm -rf` of the last
# ones spent about a second of system time searching (docs/benchmarks.md,
# "Pairs handed over in order"); the asides go with $work at the end.
aside() {  # store
  if [ -d "$1/strata-cache" ]; then mv "$1/strata-cache" "$(mktemp -d "$work/aside.XXXXXX")/"; fi
}

measure() {  # label, step before each run (a command), command...
  local label=$1 before=$2; shift 2
  local instructions="n/a"
  if [ "$counts_instructions" = 1 ]; then
    $before
    perf stat -x, -e instructions:u -o "$work/perf" "$@" > /dev/null 2>&1 || true
    instructions=$(awk -F, '/instructions/ { printf "%.2f", $1 / 1e9 }' "$work/perf")
  fi
  $before
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" > /dev/null 2> "$work/err" || {
    echo "| $label | failed: $(head -c 200 "$work/err") |"; return; }
  read -r wall user sys kib < "$work/time"
  printf '| %s | %s | %.2f | %d | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((kib / 1024))" "$instructions"
}

run() {  # name, repository, path in it
  local name=$1 repo=$2 path=$3
  if [ -z "$repo" ] || [ ! -d "$repo" ]; then
    echo "$name: skipped (no repository given)"
    return
  fi
  local store="$work/$name"
  local versions
  versions=$(git -C "$repo" log --oneline --first-parent --follow -- "$path" | wc -l)
  "$build/strata" init --store "$store" > /dev/null
  echo
  echo "$name: $path, $versions commits touch it"
  echo "| step | wall s | CPU s | peak MiB | instructions (10^9) |"
  echo "|---|---:|---:|---:|---:|"
  # The default import, flushed to disk, into a store of its own: the
  # command the import target names.
  "$build/strata" init --store "$store-flushed" > /dev/null
  measure "import --git" true "$build/strata" import --store "$store-flushed" --git "$repo" --path "$path"
  measure "import --git --no-sync" true "$build/strata" import --no-sync --store "$store" --git "$repo" --path "$path"
  for q in log timeline blame; do
    measure "$q, cold cache" "aside $store" "$build/strata" "$q" --store "$store"
    measure "$q, warm cache" true "$build/strata" "$q" --store "$store"
  done
}

run quic "$quic" rfc9000.md
run ota "$ota" "Facebook/Privacy Policy.md"

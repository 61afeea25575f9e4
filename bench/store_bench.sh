#!/usr/bin/env bash
# The history store on 1,000 versions of a 100 KB document (issue 5): import
# from a git history, then log, timeline and blame with a cold and a warm
# derived cache, beside `git log -p --word-diff` over the same file.
# Usage: bench/store_bench.sh BUILD_DIR [VERSIONS] [flicker]
# (flicker: two sections leave and return every other version; see
# store_series.py)
set -euo pipefail
build=$(cd "${1:-build-release}" && pwd)
n=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/store_series.py" "$n" "$work/versions" ${3:-} > /dev/null
git init -q "$work/repo"
for f in "$work"/versions/*.txt; do
  date=$(basename "$f" .txt | cut -d_ -f2)
  cp "$f" "$work/repo/doc.txt"
  git -C "$work/repo" add doc.txt
  GIT_AUTHOR_DATE="${date}T12:00:00Z" GIT_COMMITTER_DATE="${date}T12:00:00Z" \
    git -C "$work/repo" -c user.name=bench -c user.email=bench@example.org commit -q -m "$date" --allow-empty
done
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" > /dev/null 2>&1 || true
  read -r seconds kib < "$work/time"
  printf '| %s | %s | %d |\n' "$label" "$seconds" "$((kib / 1024))"
}
store="$work/store"
"$build/strata" init --store "$store" > /dev/null
echo "| step | wall s | peak MiB |"
echo "|---|---:|---:|"
measure "import --git ($n versions)" "$build/strata" import --store "$store" --git "$work/repo" --path doc.txt
for q in log timeline blame; do
  # Moved aside, not deleted: see bench/history_real.sh.
  if [ -d "$store/strata-cache" ]; then mv "$store/strata-cache" "$(mktemp -d "$work/aside.XXXXXX")/"; fi
  measure "$q, cold cache" "$build/strata" "$q" --store "$store"
  measure "$q, warm cache" "$build/strata" "$q" --store "$store"
done
measure "git log -p --word-diff" git -C "$work/repo" log -p --word-diff -- doc.txt

#!/usr/bin/env bash
# The start-up of strata against git's, in one run: `--version`, and a diff
# of two one-line files. For each command: the shared objects the loader
# maps, the instructions of the whole process (bench/instructions.sh;
# callgrind unless the machine has a counter), and the wall time from
# `perf stat`, ROUNDS rounds of RUNS runs, the commands taking turns in each
# round so that a change in the machine's load falls on all of them (the
# median of the rounds' means). On a shared machine the instruction counts
# are the figures to compare; the last column divides by `git --version`.
# Several build folders (say, before and after a change) are measured in
# the same rounds, each named by its folder.
# Usage: [ROUNDS=4] [RUNS=10] nice bench/startup.sh BUILD_DIR...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-4}
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
COUNT=${COUNT:-1}
source "$here/instructions.sh"

printf 'Title\n\nOne line.\n' > "$work/a.txt"
printf 'Title\n\nOne other line.\n' > "$work/b.txt"
commands=("git --version" "git diff --no-index --word-diff=porcelain a.txt b.txt")
labels=("git --version" "git diff --no-index --word-diff=porcelain a.txt b.txt")
for dir in "${@:-build}"; do
  build=$(cd "$dir" && pwd)
  name=$(basename "$build")
  commands+=("$build/strata --version" "$build/strata diff --format json a.txt b.txt")
  labels+=("strata --version ($name)" "strata diff --format json a.txt b.txt ($name)")
done

cd "$work"
declare -A means
for ((r = 0; r < rounds; ++r)); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086
    perf stat -r "$runs" -o "$work/perf" ${commands[$i]} > /dev/null 2>&1 || true
    means[$i]+="$(awk '/seconds time elapsed/ { printf "%.3f", $1 * 1000 }' "$work/perf") "
  done
done

echo "| command | shared objects | ms (median of $rounds rounds of $runs) | M instructions | instructions / \`git --version\` |"
echo "|---|---:|---:|---:|---:|"
git_instructions=""
for i in "${!commands[@]}"; do
  read -r -a words <<< "${commands[$i]}"
  objects=$(ldd "$(command -v "${words[0]}")" | grep -c '=>' || true)
  ms=$(tr ' ' '\n' <<< "${means[$i]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }')
  # shellcheck disable=SC2086
  count=$(instructions ${commands[$i]})
  [[ -z $git_instructions ]] && git_instructions=$count
  printf '| `%s` | %s | %s | %s | %s |\n' "${labels[$i]}" "$objects" "$ms" "$count" \
    "$(awk -v a="$count" -v b="$git_instructions" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }')"
done

#!/usr/bin/env bash
# Installs the built strata into a scratch prefix, builds tests/consumer
# against it with find_package(strata) and runs it on a one-word edit.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
cmake -S "$src/tests/consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null
set +e
out=$("$scratch/build/consumer" "The fund will grow." "The fund may grow.")
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || { echo "consumer: expected exit 1 for a changed text, got $status" >&2; exit 1; }
grep -qx 'modified 1' <<<"$out" || { echo "consumer: expected one modified claim" >&2; exit 1; }
[ -x "$scratch/prefix/bin/strata" ] || { echo "consumer: strata not installed in bin/" >&2; exit 1; }
echo "consumer: installed package builds, links and compares"

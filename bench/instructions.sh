# Sourced by the benchmark scripts: instructions() prints the millions of
# instructions executed by "$@" (whole process, all threads), counted by
# `perf stat` where the machine has the counter, else by callgrind when
# COUNT=1 (20-50 times slower than the program), else "-". Needs $work, a
# scratch folder; skip_count=1 skips one count.
instructions() {
  if [[ ${skip_count:-0} == 1 ]]; then
    printf -- '-'
  elif perf stat -x, -e instructions true 2>&1 | grep -q '^[0-9]'; then
    perf stat -x, -e instructions -o "$work/stat" "$@" > /dev/null 2>&1 || true
    awk -F, '/instructions/ { printf "%.2f", $1 / 1e6 }' "$work/stat"
  elif [[ ${COUNT:-0} == 1 ]]; then
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" > /dev/null 2> "$work/cg" || true
    awk '/Collected :/ { printf "%.2f", $NF / 1e6 }' "$work/cg"
  else
    printf -- '-'
  fi
}

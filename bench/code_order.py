#!/usr/bin/env python3
"""Usage: code_order.py BUILD_DIR [OUT]

Writes the order in which the linker lays out the strata program's
functions (OUT, default cli/code_order.txt, which cli/CMakeLists.txt hands
to the linker): every function that common runs execute, first and
together. A run's code pages are then the pages of the functions it calls,
not the pages around them as well (the kernel maps a file's pages in runs
of 16 around each page a run touches; docs/benchmarks.md, "The functions a
run calls, laid out together").

The runs, each under callgrind: `diff` of the bundled 2023 -> 2024 pair in
every format, `sections` of one snapshot, and `diff --format json` of the
realistic 1 MB pair (bench/make_pairs.cpp). The functions are listed by
name, so that the list changes by the functions that come or go. A function no run
executes, or one renamed since the list was written, is laid out after the
listed ones, as the compiler wrote it: a stale list costs memory, not
correctness. Takes about a minute."""
import os
import re
import subprocess
import sys
import tempfile

build = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "cli", "code_order.txt")
strata = os.path.join(build, "strata")
make_pairs = os.path.join(build, "bench", "strata_make_pairs")
snapshots = os.path.join(root, "snapshots")
old = os.path.join(snapshots, "2023_page_relations-with-ukraine.txt")
new = os.path.join(snapshots, "2024-07-02_page_natos-response-to-russias-invasion.txt")

# The functions the program defines (text symbols), so that those of the C
# library, loaded apart, are left out.
defined = set()
nm = subprocess.run(["nm", "--defined-only", strata], check=True, capture_output=True, text=True).stdout
for line in nm.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tTwW":
        defined.add(parts[2])

with tempfile.TemporaryDirectory() as work:
    subprocess.run([make_pairs, "realistic", "1000000", work], check=True, stdout=subprocess.DEVNULL)
    runs = [["diff", "--format", fmt, old, new] for fmt in ("text", "json", "md", "html")]
    runs.append(["sections", new])
    runs.append(["diff", "--format", "json", os.path.join(work, "old.txt"), os.path.join(work, "new.txt")])
    order = []
    seen = set()
    for k, args in enumerate(runs):
        profile = os.path.join(work, f"callgrind.{k}")
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", strata] +
                       args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Names are written once, as "fn=(id) name" or "cfn=(id) name", and
        # referred to by id after.
        with open(profile, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"c?fn=\(\d+\) (\S+)", line)
                if m and m.group(1) in defined and m.group(1) not in seen:
                    seen.add(m.group(1))
                    order.append(m.group(1))


def sections(name):
    """The names the section of function `name` may have. A complete
    object's constructor or destructor (C1, D1) is an alias of the base
    object's (C2, D2), in the section named after that one; `main` and the
    static initializers are in `.text.startup`."""
    yield f".text.{name}"
    alias = re.sub(r"([CD])1(E|I)", r"\g<1>2\2", name)
    if alias != name:
        yield f".text.{alias}"
    if name == "main" or name.startswith("_GLOBAL__sub_I"):
        yield f".text.startup.{name}"


with open(out_path, "w", encoding="utf-8") as f:
    for name in sorted(order):
        for section in sections(name):
            f.write(section + "\n")
print(f"{out_path}: {len(order)} functions")

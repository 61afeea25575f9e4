# %% [markdown]
# # strata from Python: a tour
#
# A notebook in plain Python (cells marked `# %%`, as Jupyter's "percent"
# format and most editors read them). Run it from the repository's root with
# the package importable (docs/python.md):
#
#     PYTHONPATH=build/python python3 examples/python/tour.py
#
# It compares two snapshots of a page, draws which programmes each snapshot
# of the bundled series names (when matplotlib is installed), and runs a
# small batch on a local Dask cluster.

# %%
import pathlib
import tempfile
import tomllib

import strata

SNAPSHOTS = pathlib.Path("snapshots")

# %% [markdown]
# ## Compare two pages
# `compare` takes paths, bytes or loaded Documents. Statuses are the names the
# JSON report uses; each modified claim carries its word diff.

# %%
changes = strata.compare(
    SNAPSHOTS / "2023_page_relations-with-ukraine.txt",
    SNAPSHOTS / "2024-07-02_page_natos-response-to-russias-invasion.txt",
)
print(changes.old.title, "->", changes.new.title)
print("claims:", changes.claim_counts())
for claim in changes.claims:
    if claim.status == "modified":
        words = "".join(
            op.text if op.op == "equal" else f"[-{op.text}-]" if op.op == "delete" else f"{{+{op.text}+}}"
            for op in claim.diff
        )
        print("  ~", words)
        break
for programme in changes.programmes:
    if programme.status == "renamed":
        print("  renamed:", programme.old.name, "->", programme.new.name)

# %% [markdown]
# The same report as `strata diff --format json`, byte for byte:

# %%
report = changes.to_json()
print(len(report), "bytes of JSON")

# %% [markdown]
# ## Programmes across the series

# %%
manifest = tomllib.loads((SNAPSHOTS / "manifest.toml").read_text())
series = sorted((s for s in manifest["snapshot"] if "series" in s), key=lambda s: s["series"])
documents = [strata.load(SNAPSHOTS / s["file"]) for s in series]
presence = strata.programme_series(documents, [s["id"] for s in series])
for row in presence.rows[:8]:
    print(f"{row.name[:40]:40}", row.mentions)

# %%
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
if plt is not None:
    rows = presence.rows
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(rows) + 1))
    for y, row in enumerate(rows):
        xs = [x for x, count in enumerate(row.mentions) if count]
        ax.scatter(xs, [y] * len(xs), s=[12 * row.mentions[x] for x in xs])
    ax.set_yticks(range(len(rows)), [r.name for r in rows], fontsize=6)
    ax.set_xticks(range(len(presence.labels)), presence.labels)
    fig.tight_layout()
    out = pathlib.Path(tempfile.gettempdir()) / "strata-programmes.png"
    fig.savefig(out)
    print("chart:", out)
else:
    print("matplotlib is not installed: no chart")

# %% [markdown]
# ## A batch on a local Dask cluster
# Every consecutive pair of the manifest's series, on two worker processes;
# one JSON report per pair and an index. A second run finds everything done.

# %%
if __name__ == "__main__":  # worker processes re-import this file
    from strata import batch

    out = pathlib.Path(tempfile.mkdtemp()) / "reports"
    summary = batch.run([str(SNAPSHOTS / "manifest.toml")], str(out), workers=2)
    print(summary)
    print((out / "index.jsonl").read_text().splitlines()[0])
    print(batch.run([str(SNAPSHOTS / "manifest.toml")], str(out), workers=2, quiet=True))

#!/usr/bin/env python3
"""The HTML pages of the real binary, read with Python's HTML parser.

Usage: html_pages_test.py STRATA_BINARY (run from the source folder).
Every bundled pair through `strata diff --format html`, the pages and the
index that `strata report` writes, and the hostile inputs in
tests/html_hostile/: each page passes html_dom.check_page, and the hostile
strings are shown as text without adding an element or an attribute.
"""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_dom  # noqa: E402

STRATA = None
SNAPSHOTS = {
    "page-2015": "snapshots/2015-05-06_page_natos-relations-with-ukraine.txt",
    "guide-2016-2018": "snapshots/2018-04_guide_nato-ukraine-relations.txt",
    "page-2023": "snapshots/2023_page_relations-with-ukraine.txt",
    "page-2024": "snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt",
}
PAIRS = [("page-2015", "guide-2016-2018"), ("guide-2016-2018", "page-2023"), ("page-2023", "page-2024")]
HOSTILE = ("tests/html_hostile/old.txt", "tests/html_hostile/new.txt")


def strata(*args):
    return subprocess.run([STRATA, *args], capture_output=True, text=True, encoding="utf-8")


def diff_html(old, new, *extra):
    r = strata("diff", "--format", "html", *extra, old, new)
    if r.returncode != 1:
        raise AssertionError(f"exit {r.returncode}: {r.stderr}")
    return r.stdout


class BundledPairs(unittest.TestCase):
    def test_every_pair_is_a_sound_page(self):
        for old, new in PAIRS:
            with self.subTest(pair=f"{old} -> {new}"):
                page = diff_html(SNAPSHOTS[old], SNAPSHOTS[new])
                self.assertEqual(html_dom.check_page(page), [])

    def test_the_2023_2024_page_shows_the_highlights_first_and_the_modality_change(self):
        page = diff_html(SNAPSHOTS["page-2023"], SNAPSHOTS["page-2024"])
        headings = html_dom.main_headings(page)
        self.assertEqual([h.lstrip("\u26a0 ") for h in headings[:5]],
                         ["Highlights", "Summary", "Warnings and limits", "Section map", "Claims by section"])
        # The highlight of the modality change links to its claim.
        root, _, _ = html_dom.parse(page)
        ids = {n.attrs["id"]: n for n in root.iter() if "id" in n.attrs}
        highlights = [n for n in ids["highlights"].iter() if n.tag == "li"]
        modality = [li for li in highlights if "'will not recognise' -> 'does not recognise'" in li.text()]
        self.assertEqual(len(modality), 1)
        claim = ids[next(a.attrs["href"][1:] for a in modality[0].iter() if a.attrs.get("href", "").startswith("#c-"))]
        self.assertIn("claim", claim.classes())
        self.assertIn("NATO does not recognise them.", claim.text())
        # Inline, then each side of the side-by-side view.
        self.assertIn("NATO <del>will</del> <ins>does</ins> not recognise them.", page)
        self.assertIn("NATO <del>will</del> not recognise them.", page)
        self.assertIn("NATO <ins>does</ins> not recognise them.", page)
        self.assertIn("does not recognise", html_dom.text_of(page))

    def test_output_file_is_the_same_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "page.html")
            page = diff_html(SNAPSHOTS["page-2023"], SNAPSHOTS["page-2024"], "-o", out)
            self.assertEqual(page, "")
            with open(out, encoding="utf-8") as f:
                self.assertEqual(html_dom.check_page(f.read()), [])


class Report(unittest.TestCase):
    def test_index_links_every_comparison_page_and_charts_the_programmes(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = strata("report", "--out", tmp, "--store", os.path.join(tmp, "store"))
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(tmp, "index.html"), encoding="utf-8") as f:
                index = f.read()
            self.assertEqual(html_dom.check_page(index), [])
            root, _, _ = html_dom.parse(index)
            hrefs = {n.attrs["href"] for n in root.iter() if "href" in n.attrs}
            for old, new in PAIRS:
                name = f"{old}__{new}.html"
                self.assertIn("./" + name, hrefs)
                with open(os.path.join(tmp, name), encoding="utf-8") as f:
                    page = f.read()
                self.assertEqual(html_dom.check_page(page), [], name)
                self.assertIn('href="./index.html"', page)
            self.assertEqual(html_dom.main_headings(index)[:2], ["In brief", "Snapshots"])
            svg = [n for n in root.iter() if n.tag == "svg"]
            self.assertEqual(len(svg), 1)
            self.assertEqual(svg[0].attrs.get("role"), "img")
            # One row of boxes and dots per programme, as many as the table's rows.
            labels = [n for n in svg[0].iter() if "lbl" in n.classes()]
            tables = [n for n in root.iter() if n.tag == "table"]
            programme_rows = [n for n in tables[2].iter() if n.tag == "tr"][1:]
            self.assertGreater(len(labels), 20)
            self.assertEqual(len(labels), len(programme_rows))
            # A rename or a merge joins two rows: NATO-Ukraine Commission ->
            # Council; a trust fund consolidated into the Ukraine CAP Trust
            # Fund (the first one merged continues that row).
            joins = [n.text() for n in svg[0].iter() if "ren" in n.classes()]
            self.assertEqual(joins, [
                "merged: Trust Fund on Counter-Improvised Explosive Devices and Explosive Ordnance Disposal"
                " \u2192 Ukraine CAP Trust Fund",
                "renamed: NATO-Ukraine Commission \u2192 NATO-Ukraine Council"])


class Hostile(unittest.TestCase):
    def setUp(self):
        self.page = diff_html(*HOSTILE)

    def test_no_element_or_attribute_is_added(self):
        self.assertEqual(html_dom.check_page(self.page), [])
        root, _, _ = html_dom.parse(self.page)
        tags = [n.tag for n in root.iter()]
        self.assertEqual(tags.count("script"), 1)
        for tag in ("img", "iframe", "svg", "u", "title"):
            self.assertLessEqual(tags.count(tag), 1 if tag == "title" else 0, tag)

    def test_the_input_is_shown_as_text(self):
        text = html_dom.text_of(self.page)
        for shown in (
            "Hostile <script>document.documentElement.dataset.pwned='title'</script> page",
            "Intro \"><img src=x onerror=\"document.documentElement.dataset.pwned='img'\"> part",
            "<a href=\"javascript:document.documentElement.dataset.pwned='link'\">the vote</a>",
            "Styles end here </style><script>",
            "A CDATA end ]]> and <![CDATA[ <svg onload=",
            "Second heading </title><iframe srcdoc=\"y\"></iframe> end",
            "the &amp; entity and &lt;tags&gt; stays",
            "A new claim says \"quoted' things & more <u>here</u>.",
        ):
            self.assertIn(shown, text)

    def test_bidi_controls_and_invisible_characters_are_visible_markers(self):
        text = html_dom.text_of(self.page)
        self.assertIn("The account <U+202E>gnp.exe<U+202C> is shown", text)
        self.assertIn("<U+2066>isolate<U+2069>", text)
        self.assertIn("in<U+200B>visible", text)
        for control in ("\u202e", "\u202c", "\u2066", "\u2069", "\u200b"):
            self.assertNotIn(control, self.page)


if __name__ == "__main__":
    STRATA = sys.argv.pop(1)
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""strata's HTML pages in a real browser: Debian's headless Chromium.

Usage: browser_test.py STRATA_BINARY SCREENSHOT_DIR (run from the source folder).

Writes the series' pages with `strata report` and the hostile pair's page
with `strata diff`, loads each page from disk and checks that
- the page's own script ran (it marks <html> with the class "js") and
  nothing from the input did (the inputs' canaries would set data-pwned);
- the DOM the browser built has no element or attribute the renderer does
  not write (html_dom's lists);
- the page asked for nothing but itself, and the browser refused nothing
  (a Content-Security-Policy report would mean a wrong hash or an attempt to
  load or run something);
- its screenshot, saved in SCREENSHOT_DIR for people to look at, is not blank;
- the find box, the one convenience that needs the script, filters claims.
"""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import cdp  # noqa: E402
import html_dom  # noqa: E402
import png  # noqa: E402

STRATA = None
SCREENSHOTS = None
# The browser's answers take well under a second here; a loaded machine
# can make them much slower.
TIMEOUT_SECONDS = 120
WIDTH, HEIGHT = 1280, 1400
# A page with text, badges and tables has hundreds of colours (anti-aliased
# text); a blank or failed render has one or two.
MIN_COLOURS = 64
# Share of pixels unlike the background: the top of every page has the
# header band, which alone covers more than this.
MIN_INK = 0.05


# Every visible element with text of its own: its colour against the first
# opaque background behind it, by the WCAG 2 formula; 4.5:1 for normal text,
# 3:1 for large (24px, or 18.66px bold). Returns the failures.
CONTRAST = r"""
(function () {
  function rgb(s) { var m = s.match(/[\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }
  function lum(c) {
    var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function background(e) {
    for (; e; e = e.parentElement) { var c = rgb(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; }
    return [255, 255, 255, 1];
  }
  var bad = [];
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.closest('svg') || !e.getClientRects().length) return;
    var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.data.trim(); });
    var s = getComputedStyle(e);
    if (!own || s.visibility === 'hidden' || s.clipPath !== 'none' || e.closest('.vh')) return;
    var a = lum(rgb(s.color)), b = lum(background(e));
    var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    var size = parseFloat(s.fontSize), large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) bad.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2));
  });
  return bad.slice(0, 10);
})()
"""


class Pages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        out = os.path.join(cls.tmp.name, "reports")
        r = subprocess.run([STRATA, "report", "--out", out, "--store", os.path.join(cls.tmp.name, "store")],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        r = subprocess.run([STRATA, "diff", "--format", "html", "-o", os.path.join(out, "hostile.html"),
                            "tests/html_hostile/old.txt", "tests/html_hostile/new.txt"], capture_output=True, text=True)
        assert r.returncode == 1, r.stderr
        cls.pages = sorted(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".html"))
        assert len(cls.pages) == 7, cls.pages  # five pairs, the index, the hostile page
        os.makedirs(SCREENSHOTS, exist_ok=True)
        cls.browser = cdp.Browser(TIMEOUT_SECONDS)
        cls.visits = {}
        for page in cls.pages:
            visit = cdp.Visit(cls.browser, "file://" + page, WIDTH, HEIGHT)
            cls.visits[os.path.basename(page)] = visit

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.tmp.cleanup()

    def test_nothing_from_the_input_runs(self):
        for name, visit in self.visits.items():
            with self.subTest(page=name):
                root, _, _ = html_dom.parse(visit.dom)
                html = next(n for n in root.iter() if n.tag == "html")
                self.assertIn("js", html.classes(), "the page's own script did not run")
                self.assertNotIn("data-pwned", visit.dom)
                self.assertIsNone(visit.evaluate("document.documentElement.dataset.pwned"))
                self.assertEqual(html_dom.foreign_markup(root), [])
                self.assertEqual([n.tag for n in root.iter()].count("script"), 1)

    def test_nothing_is_requested_and_nothing_refused(self):
        for name, visit in self.visits.items():
            with self.subTest(page=name):
                self.assertEqual(visit.requests, ["file://" + os.path.join(self.tmp.name, "reports", name)])
                self.assertEqual(visit.messages, [])

    def test_screenshots_are_not_blank(self):
        for name, visit in self.visits.items():
            with self.subTest(page=name):
                shot = os.path.join(SCREENSHOTS, name[: -len(".html")] + ".png")
                with open(shot, "wb") as f:
                    f.write(visit.png)
                width, height, colours, ink = png.summary(shot)
                self.assertEqual((width, height), (WIDTH, HEIGHT))
                self.assertGreaterEqual(colours, MIN_COLOURS)
                self.assertGreater(ink, MIN_INK)

    def test_a_page_with_injected_markup_would_be_caught(self):
        # The checks above on a page that lets markup through: each one fires.
        with open(os.path.join(self.tmp.name, "reports", "hostile.html"), encoding="utf-8") as f:
            page = f.read()
        injected = ('<img src="x" onerror="document.documentElement.dataset.pwned=1">'
                    "<script>document.documentElement.dataset.pwned=2</script>")
        tampered = os.path.join(self.tmp.name, "tampered.html")
        with open(tampered, "w", encoding="utf-8") as f:
            f.write(page.replace('<main id="main" class="wrap">', '<main id="main" class="wrap">' + injected, 1))
        visit = cdp.Visit(self.browser, "file://" + tampered, WIDTH, HEIGHT)
        root, _, _ = html_dom.parse(visit.dom)
        self.assertIn("element <img>", html_dom.foreign_markup(root))
        self.assertEqual([n.tag for n in root.iter()].count("script"), 2)
        self.assertEqual(visit.requests, ["file://" + tampered, "file://" + os.path.join(self.tmp.name, "x")])
        self.assertEqual(len(visit.messages), 3)  # the handler, the image and the script, all refused
        self.assertIsNone(visit.evaluate("document.documentElement.dataset.pwned"))
        visit.close()

    def test_text_contrast_passes_wcag_aa(self):
        for name, visit in self.visits.items():
            with self.subTest(page=name):
                self.assertEqual(visit.evaluate(CONTRAST), [])
        # The check itself: grey claims on white are caught.
        visit = self.visits["hostile.html"]
        visit.evaluate("document.querySelector('li.claim').style.color = '#999'")
        self.assertEqual(visit.evaluate(CONTRAST), ["BDI. 2.85"])
        visit.evaluate("document.querySelector('li.claim').style.color = ''")

    def test_keyboard_focus_is_visible(self):
        visit = self.visits["page-2023__page-2024.html"]
        for expected in ("skip", None):  # the skip link, then the first link of the contents
            for kind in ("rawKeyDown", "keyUp"):
                self.browser.call("Input.dispatchKeyEvent", visit.session, type=kind, key="Tab", code="Tab",
                                  windowsVirtualKeyCode=9)
            focused = visit.evaluate("var e = document.activeElement, s = getComputedStyle(e);"
                                     "[e.className, s.outlineStyle, s.outlineWidth]")
            if expected:
                self.assertEqual(focused[0], expected)
            self.assertEqual(focused[1:], ["solid", "3px"])

    def test_the_find_box_filters_claims(self):
        visit = self.visits["page-2023__page-2024.html"]
        count = "document.querySelectorAll('li.claim:not([hidden])').length"
        every = visit.evaluate(count)
        self.assertGreater(every, 100)
        self.assertFalse(visit.evaluate("document.getElementById('find').parentNode.hidden"))
        typed = ("var b = document.getElementById('find'); b.value = 'does not recognise';"
                 "b.dispatchEvent(new Event('input')); " + count)
        self.assertEqual(visit.evaluate(typed), 1)
        self.assertEqual(visit.evaluate("document.getElementById('find-count').textContent"), "1 shown")


if __name__ == "__main__":
    STRATA = os.path.abspath(sys.argv.pop(1))
    SCREENSHOTS = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

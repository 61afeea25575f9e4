#!/usr/bin/env python3
"""strata's HTML pages in a real browser: Debian's headless Chromium.

Usage: browser_test.py STRATA_BINARY SCREENSHOT_DIR (run from the source folder).

Writes the series' pages with `strata report` and the hostile pair's page
with `strata diff`, then loads each page from disk and checks that
- the page's own script ran (it marks <html> with the class "js"), and
  nothing from the input did (the inputs' canaries set data-pwned);
- the DOM the browser built has no element or attribute the renderer does
  not write (html_dom's lists);
- the browser refused nothing (no Content-Security-Policy report: the style
  and script hashes are right) and no request left the page (the browser's
  only route out is a proxy on the loopback that records every connection);
- the screenshot, saved in SCREENSHOT_DIR, is not blank.
"""

import os
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import html_dom  # noqa: E402
import png  # noqa: E402

STRATA = None
SCREENSHOTS = None
CHROMIUM = "/usr/bin/chromium"
# A browser start takes a few seconds here; under a loaded machine, more.
TIMEOUT_SECONDS = 120
# A page with text, badges and tables has hundreds of colours (anti-aliased
# text); a blank or failed render has one or two.
MIN_COLOURS = 64


class Trap:
    """A proxy that answers nothing and remembers who called."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.calls = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                self.calls.append(conn.recv(200).decode("latin-1").splitlines()[:1])
            except OSError:
                self.calls.append(["(no request line)"])
            conn.close()


def chromium(trap, url, *mode):
    profile = tempfile.mkdtemp(prefix="strata-chromium-")
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--disable-default-apps", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        f"--proxy-server=http://127.0.0.1:{trap.port}", "--proxy-bypass-list=<-loopback>", *mode, url,
    ]
    r = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, errors="replace")
    subprocess.run(["rm", "-rf", profile], check=False)
    return r


class Pages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        out = os.path.join(cls.tmp.name, "reports")
        r = subprocess.run([STRATA, "report", "--out", out, "--store", os.path.join(cls.tmp.name, "store")],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        hostile = os.path.join(out, "hostile.html")
        r = subprocess.run([STRATA, "diff", "--format", "html", "-o", hostile, "tests/html_hostile/old.txt",
                            "tests/html_hostile/new.txt"], capture_output=True, text=True)
        assert r.returncode == 1, r.stderr
        cls.pages = sorted(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".html"))
        assert len(cls.pages) == 5, cls.pages
        cls.trap = Trap()
        os.makedirs(SCREENSHOTS, exist_ok=True)

    def test_nothing_from_the_input_runs_and_nothing_is_fetched(self):
        for page in self.pages:
            with self.subTest(page=os.path.basename(page)):
                r = chromium(self.trap, "file://" + page, "--dump-dom")
                self.assertEqual(r.returncode, 0, r.stderr[-2000:])
                root, _, _ = html_dom.parse(r.stdout)
                html = next(n for n in root.iter() if n.tag == "html")
                self.assertIn("js", html.classes(), "the page's own script did not run")
                self.assertNotIn("data-pwned", r.stdout)
                self.assertEqual(html_dom.foreign_markup(root), [])
                refused = [line for line in r.stderr.splitlines() if "Content Security Policy" in line or "Refused" in line]
                self.assertEqual(refused, [])
        self.assertEqual(self.trap.calls, [], "requests left the page")

    def test_screenshots_are_not_blank(self):
        for page in self.pages:
            name = os.path.basename(page)[: -len(".html")] + ".png"
            shot = os.path.join(SCREENSHOTS, name)
            with self.subTest(page=name):
                if os.path.exists(shot):
                    os.remove(shot)
                r = chromium(self.trap, "file://" + page, "--hide-scrollbars", "--window-size=1280,1400",
                             "--screenshot=" + shot)
                self.assertTrue(os.path.exists(shot), r.stderr[-2000:])
                width, height, colours, ink = png.summary(shot)
                self.assertEqual((width, height), (1280, 1400))
                self.assertGreaterEqual(colours, MIN_COLOURS)
                self.assertGreater(ink, 0.05)  # share of pixels that are not the background
        self.assertEqual(self.trap.calls, [], "requests left the page")


if __name__ == "__main__":
    STRATA = os.path.abspath(sys.argv.pop(1))
    SCREENSHOTS = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

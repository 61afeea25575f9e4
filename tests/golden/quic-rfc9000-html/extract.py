#!/usr/bin/env python3
"""Cuts a small extract out of an xml2rfc HTML render of RFC 9000, keeping
the page's chrome around a piece of its text (SOURCE.md says which renders).

Usage: extract.py RENDER.html > EXTRACT.html

Whole lines of the render are kept, in order, unedited: the head (its
stylesheet cut to its first rules), the running header table, the document
metadata, both <h1>, the abstract, the boilerplate, the first and last
entries of the table of contents, section 23 "References" with its first
normative reference and the informative ones down to [MANAGEABILITY], the
authors' addresses and the closing script.
"""
import re
import sys

STYLE_RULES_KEPT = 40  # lines of the stylesheet: enough to show it is there


def index(lines, pattern, start=0):
    rx = re.compile(pattern)
    for i in range(start, len(lines)):
        if rx.search(lines[i]):
            return i
    raise SystemExit(f"not found: {pattern}")


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    keep = []

    style = index(lines, r"<style")
    style_end = index(lines, r"</style>", style)
    keep += range(0, style + STYLE_RULES_KEPT)
    toc = index(lines, r'<div id="toc">', style_end)
    keep += range(style_end, toc + 12)  # head, header table, metadata, abstract, boilerplate, TOC start
    toc_end = index(lines, r"</nav>", toc)
    keep += range(toc_end - 5, toc_end + 3)  # the TOC's last entry and its closing tags

    refs = index(lines, r'<section id="section-23">', toc_end)
    second_normative = index(lines, r'<dd class="break"></dd>', refs)
    keep += range(refs, second_normative + 1)
    informative = index(lines, r'<section id="section-23.2">', second_normative)
    keep += [informative - 2, informative - 1]  # </dl> and </section> of 23.1
    manageability = index(lines, r'<dt id="QUIC-MANAGEABILITY">', informative)
    end_of_it = index(lines, r'<dd class="break"></dd>', manageability)
    keep += range(informative, end_of_it + 1)
    keep += range(index(lines, r"</dl>", end_of_it), index(lines, r"</dl>", end_of_it) + 3)  # </dl></section></section>

    authors = index(lines, r'<div id="authors-addresses">', end_of_it)
    keep += range(authors, len(lines))
    sys.stdout.write("\n".join(lines[i] for i in keep))


if __name__ == "__main__":
    main()

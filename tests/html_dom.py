"""DOM checks of strata's HTML pages with Python's HTML parser.

check_page(html) returns the problems found in one page (an empty list when
there is none): markup that does not nest, ids outside [a-z0-9-] or used
twice, links to nowhere or off the page, any element or attribute outside
what the renderer writes, a Content-Security-Policy that does not allow
exactly the page's own style and script, headings out of order, a landmark
missing, a claim not isolated from the direction of the text around it.
"""

import base64
import hashlib
import html.parser
import re

VOID = {"meta", "input", "br", "hr", "img", "link", "source", "wbr", "area", "base", "col", "embed", "track"}
SVG_VOID = {"rect", "circle", "line", "path"}  # written self-closed
ALLOWED = {
    "html", "head", "meta", "title", "style", "script", "body", "a", "header", "nav", "main", "footer", "section",
    "div", "span", "h1", "h2", "h3", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "del", "ins", "bdi", "b", "input", "label", "output",
    "svg", "g", "rect", "circle", "line", "path", "text", "desc",
}
ALLOWED_ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "aria-hidden", "aria-label",
    "aria-labelledby", "role", "scope", "type", "for", "checked", "hidden",
    "xmlns", "width", "height", "viewbox", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "d",
    "text-anchor",
}
ID = re.compile(r"^[a-z][a-z0-9-]*$")
FILE_LINK = re.compile(r"^\./[A-Za-z0-9._%-]+\.(html|md|json)$")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Nodes and strings

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def classes(self):
        return self.attrs.get("class", "").split()


class TreeBuilder(html.parser.HTMLParser):
    """Builds a tree without any of a browser's repairs: every element the
    renderer writes is closed explicitly, so a mismatch is a problem."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.top = self.root
        self.problems = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.top)
        self.top.children.append(node)
        if tag not in VOID:
            self.top = node

    def handle_startendtag(self, tag, attrs):
        self.top.children.append(Node(tag, attrs, self.top))
        if tag not in VOID and tag not in SVG_VOID:
            self.problems.append(f"<{tag}/> self-closed")

    def handle_endtag(self, tag):
        if tag == self.top.tag:
            self.top = self.top.parent
        else:
            self.problems.append(f"</{tag}> closes <{self.top.tag}>")

    def handle_data(self, data):
        self.top.children.append(data)

    def handle_comment(self, data):
        self.problems.append("a comment: " + data[:40])

    def unknown_decl(self, data):
        self.problems.append("a declaration: " + data[:40])

    def handle_pi(self, data):
        self.problems.append("a processing instruction: " + data[:40])


def parse(page):
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    if builder.top is not builder.root:
        builder.problems.append(f"<{builder.top.tag}> never closed")
    return builder.root, builder.problems, builder.doctype


def csp_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def foreign_markup(root):
    """Elements and attributes the renderer never writes, and script URLs."""
    problems = []
    for n in list(root.iter())[1:]:
        if n.tag not in ALLOWED:
            problems.append(f"element <{n.tag}>")
        for name, value in n.attrs.items():
            if name not in ALLOWED_ATTRIBUTES:
                problems.append(f"attribute {name}= on <{n.tag}>")
            if value is not None and re.search(r"^\s*(javascript|data|vbscript):", value, re.I):
                problems.append(f"{name}={value[:30]!r}")
    return problems


def check_page(page):
    root, problems, doctype = parse(page)
    if (doctype or "").lower() != "doctype html":
        problems.append("no <!DOCTYPE html>")
    nodes = list(root.iter())[1:]
    problems += foreign_markup(root)
    ids = {}
    for n in nodes:
        if "id" in n.attrs:
            i = n.attrs["id"]
            if not ID.match(i):
                problems.append(f"id {i!r} is not [a-z0-9-]")
            if i in ids:
                problems.append(f"id {i!r} twice")
            ids[i] = n
    for n in nodes:
        href = n.attrs.get("href")
        if href is not None and href.startswith("#"):
            if href[1:] not in ids:
                problems.append(f"link to missing #{href[1:]}")
        elif href is not None and not FILE_LINK.match(href):
            problems.append(f"link off the page: {href!r}")
        for name in ("for", "aria-labelledby"):
            for target in (n.attrs.get(name) or "").split():
                if target not in ids:
                    problems.append(f"{name} names missing {target!r}")

    def all_of(tag):
        return [n for n in nodes if n.tag == tag]

    styles, scripts = all_of("style"), all_of("script")
    if len(styles) != 1 or len(scripts) > 1:
        problems.append(f"{len(styles)} <style>, {len(scripts)} <script>")
    head = all_of("head")
    metas = [n for n in head[0].children if isinstance(n, Node) and n.tag == "meta"] if head else []
    if len(metas) < 2 or metas[0].attrs.get("charset") != "utf-8" or metas[1].attrs.get("http-equiv") != "Content-Security-Policy":
        problems.append("head does not open with the charset and the Content-Security-Policy")
    else:
        policy = [p.strip() for p in metas[1].attrs.get("content", "").split(";")]
        expected = ["default-src 'none'"]
        if styles:
            expected.append("style-src " + csp_hash(styles[0].text()))
        if scripts:
            expected.append("script-src " + csp_hash(scripts[0].text()))
        for directive in expected:
            if directive not in policy:
                problems.append(f"CSP lacks {directive}")
    levels = [int(n.tag[1]) for n in nodes if re.fullmatch(r"h[1-6]", n.tag)]
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append("not exactly one <h1>, first")
    for a, b in zip(levels, levels[1:]):
        if b > a + 1:
            problems.append(f"heading h{a} followed by h{b}")
            break
    for landmark in ("header", "nav", "main", "footer"):
        if len(all_of(landmark)) != 1:
            problems.append(f"{len(all_of(landmark))} <{landmark}>")
    for n in nodes:
        if n.tag == "li" and "claim" in n.classes():
            bodies = [p for p in n.iter() if p.tag == "p" and "head" not in p.classes()]
            for p in bodies:
                if not any(isinstance(c, Node) and c.tag == "bdi" for c in p.children):
                    problems.append(f"claim {n.attrs.get('id')} has text outside <bdi>")
                    break
    return problems


def text_of(page):
    """The page's text as a reader sees it, without the style and script."""
    root, _, _ = parse(page)
    for n in root.iter():
        if n.tag in ("style", "script", "title"):
            n.children = []
    return root.text()


def main_headings(page):
    root, _, _ = parse(page)
    main = next(n for n in root.iter() if n.tag == "main")
    return [n.text().strip() for n in main.iter() if n.tag == "h2"]

"""HTML articles (saved web pages): the main text only, with the page's title, URL, date and outlet.

Written on the standard library's ``html.parser`` rather than a boilerplate remover (trafilatura,
jusText): those score paragraphs by length and stop-words and silently drop short Arabic paragraphs
(a one-line quote, a dateline), which an annotator must see; and the text they return changes between
releases, which would change an article's identity (its hash) on re-import. The rule here is fixed and
small: the text of the first ``<article>`` element, else of ``<main>``, else of ``<body>``, leaving out
scripts, styles, navigation, page headers and footers, asides, forms and ``hidden`` elements. Block
elements and ``<br>`` end a line; runs of white space inside a line become one space (``<pre>`` keeps
its own). Metadata: ``url`` (canonical link or og:url), ``date`` (article:published_time, a ``date``
meta or the first ``<time datetime>``), ``outlet`` (og:site_name), ``author`` and ``lang``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.formats.plaintext import decode_article_bytes
from annotator.core.model import ArticleRecord, title_from_text
from annotator.core.text import normalise_newlines

EXPECTED = "an HTML page with the article's text in <article>, <main> or <body>"
SKIPPED = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
           "iframe", "button", "select", "textarea", "head", "object", "canvas", "figure-ad"}
BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figcaption", "figure", "address", "hr",
          "body", "td", "th"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
        "wbr", "param"}
CONTAINERS = ("article", "main", "body")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _PageParser(HTMLParser):
    """Collects the text inside each container (article, main, body) and the page's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: dict[str, list[list[str]]] = {name: [[]] for name in CONTAINERS}
        self.done: set[str] = set()  # containers already closed once (only the first counts)
        self.open: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1 = ""
        self.h1_parts: list[str] | None = None

    def _active(self) -> list[str]:
        return [name for name in CONTAINERS if name in self.open and name not in self.done]

    def _break(self) -> None:
        for name in self._active():
            if self.lines[name][-1]:
                self.lines[name].append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.meta.setdefault("url", values.get("href", "").strip())
        elif tag == "html" and values.get("lang"):
            self.meta.setdefault("lang", values["lang"].strip())
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self._break()
            return
        if self.skip_depth or tag in SKIPPED or "hidden" in values or values.get("aria-hidden") == "true":
            self.skip_depth += 1
            return
        if tag == "h1" and self.h1_parts is None and not self.h1:
            self.h1_parts = []
        if tag in BLOCKS:
            self._break()
        if tag == "pre":
            self.pre_depth += 1
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag not in self.open:
            return  # a stray end tag: browsers ignore it too
        while self.open:
            closed = self.open.pop()
            if closed == "pre":
                self.pre_depth -= 1
            if closed in BLOCKS:
                self._break()
            if closed in CONTAINERS and closed not in self.open:
                self.done.add(closed)
            if closed == "h1" and self.h1_parts is not None:
                self.h1 = _SPACES.sub(" ", "".join(self.h1_parts)).strip()
                self.h1_parts = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skip_depth:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.pre_depth:
            pieces = normalise_newlines(data).split("\n")
            for n, piece in enumerate(pieces):
                if n:
                    self._break()
                for name in self._active():
                    self.lines[name][-1].append(piece)
            return
        for name in self._active():
            self.lines[name][-1].append(_SPACES.sub(" ", data))

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if not content:
            return
        target = {"og:url": "url", "og:site_name": "outlet", "og:title": "og_title",
                  "article:published_time": "date", "date": "date", "pubdate": "date",
                  "datepublished": "date", "dc.date": "date", "author": "author",
                  "article:author": "author"}.get(key)
        if target:
            self.meta.setdefault(target, content)

    def text_of(self, container: str) -> str:
        lines = ("".join(parts).strip() for parts in self.lines[container])
        return "\n".join(line for line in lines if line)


def read_html(path: Path) -> ArticleRecord:
    """One article from a saved web page; raises InputError naming the file when it has no text."""
    try:
        content = decode_article_bytes(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from exc
    parser = _PageParser()
    parser.feed(content)
    parser.close()
    text = next((t for t in (parser.text_of(c) for c in CONTAINERS) if t.strip()), "")
    if not text:
        raise InputError(f"has no visible text; expected {EXPECTED}", path=str(path))
    meta: dict[str, Any] = {k: v for k, v in parser.meta.items() if v and k not in ("og_title", "time")}
    if "date" not in meta and parser.meta.get("time"):
        meta["date"] = parser.meta["time"]
    page_title = _SPACES.sub(" ", "".join(parser.title_parts)).strip()
    title = parser.meta.get("og_title") or parser.h1 or page_title or title_from_text(text)
    return ArticleRecord(text=text, title=title, source=path.name, meta=meta, origin=str(path))

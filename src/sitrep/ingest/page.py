"""Scraped text pages: several articles, then a "trending" sidebar.

The shape (no site's words are used):

- an article starts with a run of two or more heading-shaped lines after a
  paragraph (or at the top of the page, or after a separator line): the first
  is the category, the second the headline, any further ones subheads;
- a single heading-shaped line between paragraphs is a subhead: it stays in
  the body and is marked in ``Document.subheads``;
- at the top of the page or after a separator, a single heading line followed
  by paragraphs is a headline without a category;
- the sidebar is the tail of the page from the first separator or age line
  ("Analysis3 weeks ago": a label glued to a relative age) after which no
  paragraph follows; its entries (category, age, headline) become
  ``PageInfo.sidebar``, never articles. A lone heading just before it is the
  sidebar's title.

Each article becomes a Document whose text is its paragraphs and subheads
joined by "\\n"; pages carry no publication date, so ``published`` stays None
and the sidebar's ages are kept in ``meta``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, PageInfo
from .shape import age_line, is_heading, is_separator, join_body

#: a headline found after a known category line may be at most this long
MAX_HEADLINE_CHARS = 250


@dataclass
class _Article:
    category: str | None
    title: str | None
    body: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Page:
    articles: list[_Article]
    sidebar: list[dict]
    sidebar_title: str | None = None

    @property
    def is_page(self) -> bool:
        """True when the text has the page shape (more than a plain article)."""
        return bool(self.sidebar) or len(self.articles) > 1 or any(a.category for a in self.articles)


def _sidebar_start(lines: list[str]) -> int:
    """Index of the first line of the sidebar (len(lines) when there is none)."""
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i]
        if is_separator(s) or age_line(s):
            start = i
        elif not is_heading(s) and not (i > 0 and age_line(lines[i - 1]) and len(s) <= MAX_HEADLINE_CHARS):
            break   # a paragraph (a headline right under an age line may be punctuated)
    return start


def _parse_sidebar(lines: list[str]) -> list[dict]:
    entries: list[dict] = []
    cur: dict | None = None
    for s in lines:
        if is_separator(s):
            cur = None
            continue
        age = age_line(s)
        if age:
            cur = {"category": age[0], "age": age[1], "headline": None}
            entries.append(cur)
        elif cur is not None and cur["headline"] is None:
            cur["headline"] = s
        else:
            cur = {"category": None, "age": None, "headline": s}
            entries.append(cur)
    return entries


def parse_page(text: str) -> Page:
    """Split page text into articles and sidebar entries by line shape.

    Two passes: the first finds the page's categories (first lines of
    article-starting runs, and the sidebar's labels); the second also starts
    an article at a lone known category line whose headline did not look like
    a heading (a long or punctuated headline)."""
    page = _parse(text, frozenset())
    known = {a.category for a in page.articles if a.category}
    known |= {e["category"] for e in page.sidebar if e.get("category")}
    return _parse(text, frozenset(known)) if known else page


def _parse(text: str, known: frozenset) -> Page:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    cut = _sidebar_start(lines)
    sidebar, title = [], None
    if cut < len(lines):
        sidebar = _parse_sidebar(lines[cut:])
        # a lone heading between the last paragraph and the sidebar names the sidebar
        if cut >= 2 and is_heading(lines[cut - 1]) and not is_heading(lines[cut - 2]):
            title = lines[cut - 1]
            cut -= 1
    body_lines = lines[:cut]

    articles: list[_Article] = []
    cur: _Article | None = None
    boundary = True          # top of page or after a separator
    i = 0
    while i < len(body_lines):
        s = body_lines[i]
        if is_separator(s):
            boundary = True
            i += 1
            continue
        if is_heading(s):
            j = i
            while j < len(body_lines) and is_heading(body_lines[j]):
                j += 1
            run = body_lines[i:j]
            if len(run) >= 2:
                cur = _Article(run[0], run[1], [("sub", r) for r in run[2:]])
                articles.append(cur)
            elif run[0] in known and j + 1 < len(body_lines) and len(body_lines[j]) <= MAX_HEADLINE_CHARS \
                    and not is_separator(body_lines[j]):
                # a known category, then a headline that is not heading-shaped
                cur = _Article(run[0], body_lines[j])
                articles.append(cur)
                j += 1
            elif boundary or cur is None:
                cur = _Article(None, run[0])
                articles.append(cur)
            else:
                cur.body.append(("sub", run[0]))
            i = j
        else:
            if cur is None:
                cur = _Article(None, None)
                articles.append(cur)
            cur.body.append(("para", s))
            i += 1
        boundary = False
    articles = [a for a in articles if any(k == "para" for k, _ in a.body)]
    return Page(articles, sidebar, title)


def page_documents(page: Page, source: str, fmt: str = "page") -> list[Document]:
    ages = [e["age"] for e in page.sidebar if e.get("age")]
    docs = []
    for n, a in enumerate(page.articles, 1):
        # a trailing subhead with nothing after it is not a subhead
        while a.body and a.body[-1][0] == "sub":
            a.body.pop()
        text, subs = join_body(a.body)
        meta = {"page_article": n, "page_articles": len(page.articles)}
        if ages:
            meta["page_sidebar_ages"] = ages
        docs.append(Document.new(text, title=a.title, category=a.category, source=source, format=fmt,
                                 subheads=subs, meta=meta))
    return docs


def read_page(text: str, source: str) -> tuple[list[Document], PageInfo | None]:
    """Documents of a scraped page and its sidebar (None when it has none)."""
    page = parse_page(text)
    info = PageInfo(source, tuple(page.sidebar), page.sidebar_title) if page.sidebar else None
    return page_documents(page, source), info

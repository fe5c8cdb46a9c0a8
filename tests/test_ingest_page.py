"""The scraped-page splitter, on the shared page and on our own pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import iter_inputs
from sitrep.ingest.page import parse_page, read_page
from sitrep.ingest.shape import age_line, is_heading, is_separator, mark_subheads
from sitrep.model import Document, PageInfo

DATA = Path(__file__).parent / "data"
PAGES = DATA / "pages"
DEMO = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "samples" / "demo-page.txt"


def _read(path: Path) -> tuple[list[Document], list[PageInfo]]:
    items = list(iter_inputs([str(path)]))
    return [d for d in items if isinstance(d, Document)], [p for p in items if isinstance(p, PageInfo)]


def _check_offsets(doc: Document) -> None:
    for s in doc.subheads:
        assert doc.text[s.start:s.end] == s.text
        # a subhead is a whole line of the body
        assert s.start == 0 or doc.text[s.start - 1] == "\n"
        assert s.end == len(doc.text) or doc.text[s.end] == "\n"


def test_shared_page_splits_into_nine_articles(shared):
    page = shared / "corpus" / "sample" / "warya-2024-11-page.txt"
    raw = page.read_text(encoding="utf-8")
    docs, infos = _read(page)
    assert len(docs) == 9
    assert [d.category for d in docs] == ["Russia-Ukraine War"] * 8 + ["Modern Warfare"]
    # every headline is the line after its category line in the file
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    for d in docs:
        i = lines.index(d.title)
        assert lines[i - 1] == d.category
        assert d.text.split("\n", 1)[0] == lines[i + 1]
        assert d.format == "page" and d.published is None
        _check_offsets(d)
    assert docs[0].title.startswith("Russia and North Korea")
    assert docs[-1].title.startswith("China, Russia, North Korea and Iran")
    # sidebar: 8 entries as metadata, none of them an article
    assert len(infos) == 1 and len(infos[0].sidebar) == 8
    side_titles = {e["headline"] for e in infos[0].sidebar}
    assert not side_titles & {d.title for d in docs}
    assert all(e["category"] and e["age"].endswith("ago") and e["headline"] for e in infos[0].sidebar)
    assert infos[0].sidebar[0]["category"] == "Editor's Pick"
    assert infos[0].sidebar[0]["age"] == "8 months ago"
    assert not any(h in d.text for d in docs for h in side_titles)
    assert docs[0].meta["page_sidebar_ages"][0] == "8 months ago"
    # subheads stay in the body and are marked
    starmer = docs[1]
    assert [s.text for s in starmer.subheads][0] == "A Unified European Front"
    assert sum(len(d.subheads) for d in docs) == 12


def test_own_page_with_sidebar_and_title():
    docs, infos = _read(PAGES / "frontline-sidebar.txt")
    assert [(d.category, d.title) for d in docs] == [
        ("Frontline Report", "Heavy Shelling Reported Along the Dnipro as River Crossings Resume"),
        ("Energy", "Power Cuts Return to Three Regions After Strike on Substation"),
        ("Frontline Report", "Village Near Kupiansk Changes Hands Twice in a Week"),
    ]
    assert [s.text for s in docs[0].subheads] == ["What Comes Next?"]
    assert [s.text for s in docs[1].subheads] == ["Imports From Neighbours"]
    assert docs[2].subheads == ()
    side = infos[0].sidebar
    assert [(e["category"], e["age"]) for e in side] == [
        ("Analysis", "3 weeks ago"), ("Energy", "an hour ago"), ("Opinion", "12 days ago"),
        ("Frontline Report", "2 years ago")]
    # the sidebar's title line is not a subhead of the last article
    assert "Trending" not in docs[2].text and infos[0].title == "Trending"
    for d in docs:
        _check_offsets(d)


def test_single_article_page_without_sidebar():
    docs, infos = _read(PAGES / "single-article.txt")
    assert len(docs) == 1 and infos == []
    d = docs[0]
    assert d.category == "Humanitarian" and d.title.startswith("Evacuation Buses")
    assert [s.text for s in d.subheads] == ["A Shrinking Population"]
    assert d.text.startswith("Local authorities organised") and d.text.endswith("once the roads freeze.")
    assert "page_sidebar_ages" not in d.meta


def test_page_without_sidebar_repeated_categories_and_question_subhead():
    docs, infos = _read(PAGES / "no-sidebar.txt")
    assert infos == []
    assert [d.category for d in docs] == ["Sanctions Watch", "Humanitarian", "Sanctions Watch"]
    assert [s.text for s in docs[1].subheads] == ["Why Now?"]
    assert docs[2].title == "Exporters of Machine Tools Face New Checks at the Border"


def test_blank_lines_crlf_and_spaced_ages():
    docs, infos = _read(PAGES / "blank-lines-crlf.txt")
    assert [d.category for d in docs] == ["Interview", "Government"]
    assert [s.text for s in docs[0].subheads] == ["On Drones"]
    assert "\r" not in docs[0].text
    assert [(e["category"], e["age"]) for e in infos[0].sidebar] == [("Interview", "4 hours ago"),
                                                                      ("Government", "9 days ago")]


def test_question_headlines_quotes_and_known_category_with_sentence_headline():
    docs, infos = _read(PAGES / "mixed-styles.txt")
    assert [(d.category, d.title) for d in docs] == [
        ("Politics & Diplomacy", "Minister Calls Weekend Talks With Neighbours \u201cUseful\u201d"),
        ("Analysis", "Counting the Cost: How Much Does One Night of Air Defence Cost?"),
        ("Analysis", "Why the Winter Will Test Both Armies"),
        # a headline punctuated like a sentence: the repeated category line marks the article
        ("Politics & Diplomacy", "Ministers meet again as the border crossing dispute drags on."),
    ]
    assert [s.text for s in docs[0].subheads] == ["Is a Deal Within Reach?"]
    assert [s.text for s in docs[1].subheads] == ["Cheaper Answers"]
    assert len(infos[0].sidebar) == 2
    for d in docs:
        _check_offsets(d)


def test_bundled_demo_page():
    docs, infos = _read(DEMO)
    assert 5 <= len(docs) <= 7
    assert len({d.category for d in docs}) >= 3
    assert all(d.title and len(d.text) > 400 for d in docs)
    assert len(infos) == 1 and len(infos[0].sidebar) >= 3
    for d in docs:
        _check_offsets(d)


def test_text_is_body_joined_by_newlines():
    text = ("World News\nA Headline Without a Full Stop\nFirst paragraph, which ends with a full stop.\n"
            "A Subhead Line\nSecond paragraph ends here too.\n")
    docs, info = read_page(text, "mem")
    assert info is None and len(docs) == 1
    assert docs[0].text == ("First paragraph, which ends with a full stop.\nA Subhead Line\n"
                            "Second paragraph ends here too.")
    assert docs[0].subheads[0].start == docs[0].text.index("A Subhead Line")


def test_sidebar_headline_with_sentence_punctuation():
    text = ("News\nA Headline Here\nThe only paragraph of the only article ends with a stop.\n-\n"
            "Crime2 days ago\nYou will not believe what happened next!\n-\nNews5 hours ago\nA Plain Headline\n")
    page = parse_page(text)
    assert len(page.articles) == 1
    assert [e["headline"] for e in page.sidebar] == ["You will not believe what happened next!", "A Plain Headline"]


def test_headline_without_category_after_separator():
    text = ("Opening Headline Here\nA paragraph of the first story, ending properly.\n-\n"
            "Second Story Headline\nA paragraph of the second story, also ending properly.\n")
    page = parse_page(text)
    assert [(a.category, a.title) for a in page.articles] == [(None, "Opening Headline Here"),
                                                              (None, "Second Story Headline")]
    assert page.sidebar == []


@pytest.mark.parametrize("line,expected", [
    ("Analysis3 weeks ago", ("Analysis", "3 weeks ago")),
    ("Editor's Pick8 months ago", ("Editor's Pick", "8 months ago")),
    ("Breaking an hour ago", ("Breaking", "an hour ago")),
    ("5 minutes ago", (None, "5 minutes ago")),
    ("The offensive began three years ago and has not stopped since then.", None),
])
def test_age_line(line, expected):
    assert age_line(line) == expected


@pytest.mark.parametrize("line,heading", [
    ("Russia-Ukraine War", True),
    ("What Comes Next?", True),
    ("The North Korean Angle: Domestic Stability vs. International Risks", True),
    ("Talks Resume With the U.S.", True),
    ("The talks ended without agreement.", False),
    ("Did the talks end without agreement after the long night of bargaining in the capital city?", False),
    ("Counting the Cost: How Much Does One Night of Air Defence Cost?", True),
    ("x" * 200, False),
    ("-", False),
])
def test_is_heading(line, heading):
    assert is_heading(line) is heading


def test_separator_and_mark_subheads():
    assert is_separator("-") and is_separator("\u2014") and is_separator("* * *".replace(" ", ""))
    text = "One paragraph ends here.\n\nMiddle Heading\n\nAnother paragraph ends here."
    subs = mark_subheads(text)
    assert [(text[s.start:s.end]) for s in subs] == ["Middle Heading"]

"""The situation report as PDF, drawn with fpdf2 (pure Python, no system
libraries, no network) in the PDF core fonts (Helvetica, Courier), so no font
file is shipped or looked up.

The core fonts cover Latin-1 only: ``pdf_text`` maps typographic punctuation
to ASCII (“ ” → ", — → -, → → ->, … → ...), strips accents that Latin-1
lacks, transliterates Cyrillic and Greek letters, and writes ``?`` for
anything else. The evidence list gives the document id and character
offsets of every quote, so the exact original text is always one look-up
away (``sitrep show DOC`` or the reader).

Every sentence ends with references such as ``[e3]``: internal links to the
evidence list at the end, where each entry names the document id and the
offsets ``[start:end]`` and quotes the span in its context. Headings go into
the PDF outline. The output is deterministic: a fixed creation date, and the
same report gives the same bytes.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from typing import Any

_PUNCT = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "′": "'", "″": '"',
          "–": "-", "—": " - ", "―": "-", "‐": "-", "‑": "-", "−": "-", "→": "->", "←": "<-", "…": "...",
          "•": "*", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u00ad": "", "€": "EUR ",
          "₴": "UAH ", "₽": "RUB ", "≈": "~", "≤": "<=", "≥": ">=", "×": "x",
          "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Œ": "OE", "œ": "oe"}
# ISO 9-like, ASCII only: for names that stayed in Cyrillic or Greek script
_CYR = dict(zip("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
                "a b v g g d e ye yo zh z y i yi y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split()))
_CYR.update({"ъ": "", "ь": ""})        # hard and soft signs: dropped, as in common English spellings
_GRK = dict(zip("αβγδεζηθικλμνξοπρστυφχψω", "a b g d e z e th i k l m n x o p r s t y f ch ps o".split()))
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


def pdf_text(s: str) -> str:
    """``s`` in Latin-1, the character set of the PDF core fonts (see the module doc)."""
    out = []
    for ch in s:
        if ch in _PUNCT:
            out.append(_PUNCT[ch])
            continue
        if ord(ch) < 256:
            out.append(ch)
            continue
        low = ch.lower()
        tr = _CYR.get(low, _GRK.get(low))
        if tr is not None:
            out.append(tr.capitalize() if ch != low else tr)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base and all(ord(c) < 256 for c in base) else "?")
    return re.sub(r"(?<=\S)  +(?=\S)", " ", "".join(out))


def render_pdf(report: dict[str, Any]) -> bytes:
    """The report (``build_report``'s dict) as PDF bytes."""
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_EPOCH)
    pdf.set_title("Situation report")
    pdf.set_creator("sitrep")
    pdf.set_producer("sitrep")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    w = _Writer(pdf, report)
    w.body()
    return bytes(pdf.output())


class _Writer:
    LH = 5.0     # line height, mm

    def __init__(self, pdf, report: dict[str, Any]):
        self.pdf, self.r = pdf, report
        self.links = {e["id"]: pdf.add_link() for e in report["evidence"]}

    # -- primitives
    def font(self, style: str = "", size: float = 10, family: str = "Helvetica", color=(34, 34, 34)) -> None:
        self.pdf.set_font(family, style, size)
        self.pdf.set_text_color(*color)

    def heading(self, text: str, level: int) -> None:
        pdf = self.pdf
        size = (16, 13, 11)[level]
        if pdf.get_y() > pdf.h - 40:
            pdf.add_page()
        pdf.ln(3 if level else 5)
        pdf.start_section(pdf_text(text), level=level)
        self.font("B", size)
        pdf.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def para(self, text: str, style: str = "") -> None:
        self.font(style)
        self.pdf.multi_cell(0, self.LH, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def item(self, s: dict, indent: int = 0) -> None:
        """One sentence as a list item, with its references to the evidence list."""
        pdf = self.pdf
        left = pdf.l_margin
        pdf.set_x(left + indent)
        self.font()
        pdf.write(self.LH, "- ")
        pdf.set_left_margin(left + indent + 3)
        pdf.write(self.LH, pdf_text(s["text"]))
        self.refs(s["evidence"])
        pdf.set_left_margin(left)
        pdf.ln(self.LH + 0.8)

    def refs(self, evidence: list[dict]) -> None:
        self.font("", 8, color=(42, 93, 176))
        for e in evidence:
            self.pdf.write(self.LH, f" [{e['id']}]", link=self.links[e["id"]])
        self.font()

    # -- the report
    def body(self) -> None:
        r, pdf = self.r, self.pdf
        sel = r["selection"]
        self.font("B", 18)
        pdf.start_section("Situation report", level=0)
        pdf.cell(0, 10, "Situation report", new_x="LMARGIN", new_y="NEXT")
        parts = [f"Selection: {sel['documents']} documents"]
        if sel["first"]:
            parts.append(f"published {sel['first']} to {sel['last']}")
        for k, label in (("since", "since"), ("until", "until"), ("query", "matching"), ("storyline", "storyline")):
            if sel[k]:
                parts.append(f"{label} {sel[k]}")
        self.para("; ".join(parts) + ".", "I")
        self.para("Every line ends with references such as [e1] to the evidence list at the end, which names "
                  "the document id and character offsets [start:end] of each span and quotes it. Typographic "
                  "characters are written in plain Latin letters; the offsets point at the original text.", "I")
        for sec in self.sections():
            sec()

    def sections(self):
        return [self.brief, self.developments, self.figures, self.contradictions, self.relations, self.statements,
                self.places, self.disputed, self.documents, self.evidence]

    def _list(self, title: str, items: list[dict], empty: str) -> None:
        self.heading(title, 1)
        if not items:
            self.para(empty)
        for s in items:
            self.item(s)

    def brief(self) -> None:
        self._list("At a glance", self.r["brief"],
                   "Nothing in the selection gives figures, supplies, warnings or hedged claims.")

    def developments(self) -> None:
        self.heading("Key developments", 1)
        if not self.r["developments"]:
            self.para("No events were found in the selection.")
        for d in self.r["developments"]:
            self.heading(d["storyline"], 2)
            for g in d["groups"]:
                self.font("B")
                self.pdf.cell(0, self.LH, pdf_text(f"{g['label']} ({g['type']})"), new_x="LMARGIN", new_y="NEXT")
                for s in g["sentences"]:
                    self.item(s, indent=3)

    def figures(self) -> None:
        self.heading("Figures: who gives what number", 1)
        if not self.r["tracks"]:
            self.para("No figure is given by two or more reports.")
        for t in self.r["tracks"]:
            self.heading(t["name"], 2)
            self.item(t["summary"])
            for s in t["figures"]:
                self.item(s, indent=3)
        if self.r["other_figures"]:
            self.heading("Other figures", 2)
            for s in self.r["other_figures"]:
                self.item(s)

    def contradictions(self) -> None:
        self._list("Where sources disagree or revise", self.r["contradictions"],
                   "No contradictions or revisions were found.")

    def relations(self) -> None:
        self.heading("Relations: who supplies, allies with, deploys to whom", 1)
        if not self.r["relations"]:
            self.para("No relations were found.")
        for s in self.r["supplies"]:
            self.item(s)
        for s in self.r["relations"]:
            self.item(s)

    def statements(self) -> None:
        self.heading("Who said what", 1)
        if not self.r["statements"]:
            self.para("No attributed statement was found.")
        for st in self.r["statements"]:
            self.font("B")
            self.pdf.cell(0, self.LH, pdf_text(st["source"]), new_x="LMARGIN", new_y="NEXT")
            for s in st["sentences"]:
                self.item(s, indent=3)

    def places(self) -> None:
        self._list("Places involved", self.r["places"], "No places were found.")

    def disputed(self) -> None:
        self._list("Disputed, denied and unverified claims", self.r["disputed"],
                   "No claim in the selection is marked unverified, reported or denied.")

    def documents(self) -> None:
        self._list("Documents read", self.r["documents"], "No documents were selected.")

    def evidence(self) -> None:
        pdf = self.pdf
        self.heading("Evidence", 1)
        for e in self.r["evidence"]:
            if pdf.get_y() > pdf.h - 30:
                pdf.add_page()
            pdf.set_link(self.links[e["id"]], y=pdf.get_y(), page=pdf.page_no())
            self.font("B", 9)
            pdf.write(4.5, f"{e['id']} ")
            self.font("", 9, "Courier")
            pdf.write(4.5, f"doc {e['doc_id']} [{e['start']}:{e['end']}]")
            self.font("", 9)
            if e["title"]:
                pdf.write(4.5, pdf_text(f" ({e['title']})"))
            pdf.write(4.5, pdf_text(f": ...{e['before']} "))
            self.font("B", 9)
            pdf.write(4.5, pdf_text(e["quote"]))
            self.font("", 9)
            pdf.write(4.5, pdf_text(f" {e['after']}..."))
            pdf.ln(6)

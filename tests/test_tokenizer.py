"""sitrep's tokenizer rules for glued forms (``extract/tokenizer.py``): each glued form splits
into the tokens it would have with its missing space, forms that must stay whole stay whole, and
every token is a slice of the original text."""
from __future__ import annotations

import pytest

from sitrep.extract import tokenizer


@pytest.fixture(scope="module")
def nlp():
    from sitrep.extract.pipeline import load_model
    return load_model()


def _toks(nlp, text):
    doc = nlp.tokenizer(text)
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text
    return [t.text for t in doc]


@pytest.mark.parametrize("text, expected", [
    # a comma glued to a quote or a word
    ('The toll rose to 7,"said Marek Olvin.', ["7", ",", '"', "said"]),
    ('Eleven were dead,"a Brenvik medic said.', ["dead", ",", '"', "a"]),
    ("He left,'we stay,' she said.", ["left", ",", "'", "we"]),
    ("The fund gave USD,100 to each family.", ["USD", ",", "100", "to"]),
    ("Shelling left 12,injured in Tarnovo.", ["12", ",", "injured", "in"]),
    ("About 3,000,displaced people fled.", ["3,000", ",", "displaced"]),
    # a colon, semicolon or full stop glued between words, numbers and quotes
    ('The mayor of Brenvik said:"We will stay."', ["said", ":", '"', "We"]),
    ('Nine were killed."The shelling went on," she said.', ["killed", ".", '"', "The"]),
    ('The toll was 5."We counted them," he said.', ["5", ".", '"', "We"]),
    ("Shelling left 12 killed;3 injured in Tarnovo.", ["killed", ";", "3", "injured"]),
    ("The count rose to 1,200.The army denied it.", ["1,200", ".", "The", "army"]),
    ("The medic said:10 dead overnight.", ["said", ":", "10", "dead"]),
    # a parenthesis glued to a word
    ("A convoy of trucks(carrying flour) reached Velmar.", ["trucks", "(", "carrying", "flour", ")"]),
    ("(Reuters)reported the strike.", ["(", "Reuters", ")", "reported"]),
    # a dash between two percentages
    ("The vote split 52%-48% in Dorvan.", ["52", "%", "-", "48", "%", "in"]),
    ("Polls gave him 61%\u201339%.", ["61", "%", "\u2013", "39", "%", "."]),
    # a sentence-final dot after an amount with a magnitude letter or a cent sign
    ("The bill came to $1.25m. Then the talks stalled.", ["$", "1.25", "m", ".", "Then"]),
    ("Debt reached $2.3T. Nobody paid.", ["$", "2.3", "T", ".", "Nobody"]),
    ("Aid was cut by $5M. Officials left.", ["$", "5", "M", ".", "Officials"]),
    ("Bread costs 99\u00a2. It was 50\u00a2 last year.", ["99\u00a2", ".", "It"]),
])
def test_glued_forms_split(nlp, text, expected):
    toks = _toks(nlp, text)
    n = len(expected)
    assert any(toks[i:i + n] == expected for i in range(len(toks))), toks


@pytest.mark.parametrize("text, whole", [
    ("Some 11,000 troops crossed.", "11,000"),
    ("Inflation hit 1,5 percent.", "1,5"),
    ("The U.S. sent envoys.", "U.S."),
    ("Small arms, e.g. rifles, were seized.", "e.g."),
    ("Write to press@velmar-aid.org today.", "press@velmar-aid.org"),
    ("See https://velmar.example/a,b(c)d for the list.", "https://velmar.example/a,b(c)d"),
    ("It ended at 5 p.m. on Monday.", "p.m."),
    ("They counted 1,000s of shells.", "1,000s"),
    ("The talks ended at 10:30 on Friday.", "10:30"),
    ("The ratio was 1:10 overall.", "1:10"),
    ("Inflation was 2.5 percent.", "2.5"),
    ("The U.S.'s envoy left.", "U.S."),
])
def test_forms_that_stay_whole(nlp, text, whole):
    assert whole in _toks(nlp, text)


def test_same_tokens_as_with_the_missing_space(nlp):
    """A glued amount ends up as the same tokens as the spaced one, so a figure reads the same."""
    assert _toks(nlp, "cost $2.3T.")[:-1] == _toks(nlp, "cost $2.3T")
    assert _toks(nlp, "won 52%-48%") == _toks(nlp, "won 52% - 48%")
    assert _toks(nlp, "USD,100") == _toks(nlp, "USD, 100")


@pytest.mark.parametrize("text, figures", [
    ("Officials said the repairs will cost $1.25m. The ministry in Velmar disputed it.", ["$1.25m"]),
    ("Aid to Dorvan was cut by $5M. Officials left.", ["$5M"]),
    ("Bread costs 99\u00a2. It was 50\u00a2 last year.", ["99\u00a2", "50\u00a2"]),
    ("A convoy of 40 trucks(carrying flour) reached Velmar.", ["40 trucks"]),
    ("The vote split 52%-48% in Dorvan.", ["52%", "48%"]),
    ('"Nothing is clear yet, but there are three dead,"a Velmar medic told reporters.', ["three dead"]),
])
def test_figures_of_glued_forms(pipeline, text, figures):
    """The figures read from glued forms: no final dot, no glued word, both halves of a pair."""
    from sitrep.model import Document
    recs = pipeline.run(Document(id="t1", text=text))
    for q in recs.quantities:
        assert text[q.start:q.end] == q.text
    assert [q.text for q in recs.quantities] == figures


def test_quote_glued_after_a_colon_is_a_claim(pipeline):
    from sitrep.model import Document
    text = 'The mayor of Brenvik said:"We lost 14 soldiers and 3 tanks."'
    recs = pipeline.run(Document(id="t2", text=text))
    assert any(c.source and "Brenvik" in c.source and "14 soldiers" in c.text for c in recs.claims), recs.claims


def test_customise_is_idempotent(nlp):
    before = nlp.tokenizer.infix_finditer.__self__.pattern
    tokenizer.customise(nlp)
    assert nlp.tokenizer.infix_finditer.__self__.pattern == before


def test_every_rule_documented():
    for group in (tokenizer.INFIXES, tokenizer.SUFFIXES, tokenizer.DROPPED_SPECIALS):
        for pattern, help_line in group:
            assert pattern and isinstance(help_line, str) and len(help_line.split()) >= 2, pattern

"""Sentence boundaries set before the parser (sitrep.extract.sentences); invented sentences."""
import pytest

from sitrep.extract import sentences


@pytest.fixture(scope="module")
def nlp():
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(stages=[]).nlp


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_patterns_are_documented():
    for table in (sentences.FINALS, sentences.CLOSERS):
        for k, v in table.items():
            assert isinstance(v, str) and v.strip(), f"{k!r}: no help line"
    assert sentences.AMBIGUOUS <= set(sentences.CLOSERS)


def test_closing_quote_stays_with_its_sentence(nlp):
    s = _sents(nlp, 'The harbour master said the pier would hold. "It was built to last."\nThe divers disagreed.')
    assert '"It was built to last."' in s


def test_speaker_after_question_quote_is_not_cut_off(nlp):
    s = _sents(nlp, '"Are the trucks moving?" the quartermaster asked his clerk. Nobody answered.')
    assert s[0] == '"Are the trucks moving?" the quartermaster asked his clerk.'


def test_two_closers_glued(nlp):
    s = _sents(nlp, 'The sergeant read the note aloud: "He wrote, \u2018Hold the ford.\u2019\u201d Then he folded it.')
    assert s[0].endswith("\u2019\u201d")


def test_opening_quote_still_starts_a_sentence(nlp):
    s = _sents(nlp, 'The column left at dawn. "We go now," the colonel said.')
    assert s == ["The column left at dawn.", '"We go now," the colonel said.']


def test_newline_starts_a_sentence(nlp):
    assert _sents(nlp, "Smoke rose over the depot\nResidents fled north.") == [
        "Smoke rose over the depot", "Residents fled north."]


def test_speaker_after_exclamation_quote_in_a_long_paragraph(nlp):
    text = ('The rally went on past midnight, the organisers said, and the square stayed full.\n'
            '"With the river on our side we will hold this town!" she shouted, and the crowd answered.')
    s = _sents(nlp, text)
    assert s[-1].startswith('"With the river') and s[-1].endswith("answered.")


def test_straight_single_then_double_quote(nlp):
    text = "The pilot said: \"My orders were 'turn back.'\"\n\nThe tower denied it."
    s = _sents(nlp, text)
    assert s[0].endswith("back.'\"")

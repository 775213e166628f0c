"""A description that is the apposition of a name before it names that person.

``— Tom Vale, a spokesman for the mayor, told reporters that ...``: the speaker is Tom
Vale, the description his role, the mention runs from the name. A name that does not
open its clause, or a plural description beside a name, changes nothing.
"""

from __future__ import annotations

import pytest

from quotes.models import Article, Quote
from quotes.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(backend="fast", include_beliefs=True)


def _quote(extractor: Extractor, text: str, content: str) -> Quote:
    for quote in extractor.extract_article(Article(text=text, id="made-up")):
        if content in quote.text:
            return quote
    raise AssertionError(f"no quote holding {content!r}: {text!r}")


def test_name_before_a_spokesman_after_a_dash(extractor: Extractor) -> None:
    text = (
        "The mayor spoke on Monday. It was no accident — Tom Vale, a spokesman for Reed, "
        "told reporters that the plan would pass."
    )
    speaker = _quote(extractor, text, "the plan would pass").speaker
    assert speaker is not None
    assert speaker.name == "Tom Vale"
    assert speaker.mention == "Tom Vale, a spokesman for Reed"
    assert speaker.role == "spokesman"


def test_name_before_a_spokesman_at_a_sentence_start(extractor: Extractor) -> None:
    text = (
        "The harbour reopened. Nia Osei, the chairwoman of the port board, said the "
        "ferries would run again by May."
    )
    speaker = _quote(extractor, text, "ferries would run").speaker
    assert speaker is not None and speaker.name == "Nia Osei"
    assert speaker.mention.startswith("Nia Osei, the chairwoman")


def test_a_name_after_a_preposition_is_no_apposition(extractor: Extractor) -> None:
    text = "Rates are falling. For Tom Vale, the results said the plan would pass next year."
    speaker = _quote(extractor, text, "the plan would pass").speaker
    assert speaker is None or speaker.name != "Tom Vale"


def test_a_plural_description_keeps_its_group(extractor: Extractor) -> None:
    text = (
        "The town voted on Friday. Tom Vale, the analysts said, will lose the vote next year."
    )
    for quote in extractor.extract_article(Article(text=text, id="made-up")):
        assert quote.speaker is None or quote.speaker.name != "Tom Vale"


def test_a_name_with_its_employer_after_a_description(extractor: Extractor) -> None:
    text = (
        "The poll showed the mayor losing support after the debate. Another pollster, Tom "
        "Baker of Ohio State University, said his survey of voters showed support holding steady."
    )
    speaker = _quote(extractor, text, "his survey of voters").speaker
    assert speaker is not None and speaker.name == "Tom Baker"
    assert speaker.role == "Another pollster"
    assert speaker.mention == "Another pollster, Tom Baker of Ohio State University"

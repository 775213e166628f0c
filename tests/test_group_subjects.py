"""``they`` goes to a capitalised plural that is the subject just before.

Made-up sentences: ``Republicans have ... and they are circulating`` is the Republicans; a
sentence with another subject between them, or another plural of people between the group
and the pronoun, leaves ``they`` unresolved (`quotes.speakers.group_subjects`).
"""

from __future__ import annotations

import pytest

from quotes.models import Article
from quotes.pipeline import Extractor
from quotes.speakers.group_subjects import subject_group
from quotes.text.intervals import SpanCover


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(backend="fast", include_beliefs=True)


def _speaker_name(extractor: Extractor, text: str, content: str):
    for quote in extractor.extract_article(Article(text=text, id="made-up")):
        if content in quote.text:
            return quote.speaker.name if quote.speaker else None
    raise AssertionError(f"no quote holding {content!r}")


def test_they_after_a_party_subject(extractor):
    text = (
        "The mayor gave a long speech on Monday. Republicans are also attacking the bridge "
        "plan -- a plan they say would ruin the town within ten years."
    )
    assert _speaker_name(extractor, text, "would ruin the town") == "Republicans"


def test_another_subject_between_leaves_they_unresolved():
    text = "Republicans met. Mayor Ann Lee spoke. They say it failed."
    assert subject_group(text, text.index("They"), [0, 17, 38], SpanCover([])) is None


def test_people_between_the_group_and_they():
    text = "Economists looked at firms where some managers hired the workers they thought best."
    assert subject_group(text, text.index("they"), [0], SpanCover([])) is None

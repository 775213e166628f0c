"""The Stanza backend segments a huge text in calls of whole paragraphs (bounded memory, issue 16).

A stand-in for Stanza's pipeline (sentences end at ". ") checks that the spans of
a text cut into calls are the spans of one call, so only the memory changes.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from quotes.text.segment import _stanza
from quotes.text.segment._stanza import StanzaSegmenter, paragraph_groups


class FakeStanza:
    """Splits each "\\n\\n"-separated paragraph into sentences after ". "; records each call."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, text: str) -> SimpleNamespace:
        self.calls.append(len(text))
        sentences = []
        for para in re.finditer(r"[^\n]+", text):
            for sent in re.finditer(r"\S(?:.*?\.(?= )|.*\S)", para.group()):
                a, b = para.start() + sent.start(), para.start() + sent.end()
                tokens = [SimpleNamespace(start_char=a, end_char=b)]
                sentences.append(SimpleNamespace(tokens=tokens))
        return SimpleNamespace(sentences=sentences)


def fake_segmenter() -> StanzaSegmenter:
    segmenter = StanzaSegmenter.__new__(StanzaSegmenter)
    segmenter._nlp = FakeStanza()
    return segmenter


PARAGRAPH = st.lists(
    st.sampled_from(["He said so.", "Yes.", "No way", "  ", "A b. C d."]), max_size=6
)
TEXT = st.lists(PARAGRAPH.map(" ".join), max_size=30).map("\n".join)


@given(TEXT, st.integers(min_value=1, max_value=200))
def test_calls_of_whole_paragraphs_give_the_spans_of_one_call(text: str, limit: int):
    whole = fake_segmenter().segment(text)
    cut = fake_segmenter()
    original = _stanza.MAX_CALL_CHARS
    try:
        _stanza.MAX_CALL_CHARS = limit
        assert cut.segment(text) == whole
    finally:
        _stanza.MAX_CALL_CHARS = original
    for a, b in whole:
        assert text[a:b].strip() == text[a:b] and "\n" not in text[a:b]


def test_a_news_sized_text_is_one_call_and_a_huge_one_is_cut():
    segmenter = fake_segmenter()
    segmenter.segment("He said so.\nShe did not.\n" * 100)
    assert len(segmenter._nlp.calls) == 1
    huge = fake_segmenter()
    huge.segment(("x" * 999 + ".\n") * 1000)  # 1 M characters in 1,000 paragraphs
    assert len(huge._nlp.calls) == 6 and max(huge._nlp.calls) <= _stanza.MAX_CALL_CHARS


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=40), st.integers(1, 120))
def test_paragraph_groups_cover_every_paragraph_in_order_within_the_limit(lengths, limit):
    groups = paragraph_groups(lengths, limit)
    assert [i for g in groups for i in g] == list(range(len(lengths)))
    for g in groups:
        joined = sum(lengths[i] for i in g) + 2 * (len(g) - 1)
        assert joined <= limit or len(g) == 1

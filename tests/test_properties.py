"""Invariants on any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import quotes
from quotes.text.marks import normalize

FAST = quotes.Extractor(backend="fast")

news_alphabet = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:!?-—\n'\"“”‘’«»„") + ["said", " he ", "Peskov", " told Reuters"]
)
newsish = st.lists(news_alphabet, min_size=1, max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(min_size=1), newsish))
def test_offsets_point_at_the_exact_text(text):
    try:
        found = FAST.extract(text)
    except quotes.InputError:
        return
    for q in found:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text


@settings(max_examples=100, deadline=None)
@given(newsish)
def test_extraction_is_deterministic(text):
    try:
        first = FAST.extract(text)
    except quotes.InputError:
        return
    assert FAST.extract(text) == first


@settings(max_examples=200)
@given(st.text())
def test_normalize_is_idempotent_and_keeps_length(text):
    once = normalize(text)
    assert normalize(once) == once
    assert len(once) == len(text)


@settings(max_examples=50, deadline=None)
@given(newsish)
def test_quotes_round_trip_through_json(text):
    try:
        found = FAST.extract(text)
    except quotes.InputError:
        return
    for q in found:
        assert quotes.Quote.model_validate_json(q.model_dump_json()) == q

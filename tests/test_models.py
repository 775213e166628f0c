import datetime as dt

import pydantic
import pytest

from quotes import Article, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType


def sample() -> Quote:
    return Quote(
        text="We are ready", start=1, end=13, kind=QuoteKind.DIRECT,
        speaker=Speaker(name="Dmitry Peskov", mention="Peskov", start=16, end=22,
                        type=SpeakerType.PERSON, role="Kremlin spokesman"),
        cue=Span(text="said", start=23, end=27), via="Interfax", article="a.txt",
        outlet="Reuters", published="2025-04-28T09:00:00Z", confidence=0.9,
        provenance=Provenance(backend="fast", backend_version="0.1.0", rules=("direct", "after")),
    )


def test_json_round_trip_is_lossless():
    q = sample()
    assert Quote.model_validate_json(q.model_dump_json()) == q
    assert q.published == dt.date(2025, 4, 28)


def test_record_round_trip_keeps_contract_fields():
    q = sample()
    back = Quote.from_record(q.to_record())
    assert back.to_record() == q.to_record()
    assert back.provenance is None


def test_models_are_frozen():
    with pytest.raises(pydantic.ValidationError):
        sample().text = "changed"  # type: ignore[misc]


def test_confidence_and_span_order_are_validated():
    with pytest.raises(pydantic.ValidationError):
        Quote(text="x", start=0, end=1, confidence=1.5)
    with pytest.raises(pydantic.ValidationError):
        Span(text="x", start=5, end=2)


def test_article_needs_only_text():
    assert Article(text="Hello.").id is None

"""Whole-article behaviour on the seed articles (generic properties, both backends)."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from quotes import Article, QuoteKind
from quotes.archive.io import load_metadata, read_article


def articles() -> list[Article]:
    meta = load_metadata(SEEDS / "metadata.jsonl")
    return [read_article(p, metadata=meta) for p in sorted(SEEDS.glob("*.txt"))]


def test_both_backends_find_the_same_quotes_and_speakers(fast, stanza_extractor):
    for article in articles():
        a = [(q.start, q.end, q.kind, q.speaker and q.speaker.name) for q in fast.extract_article(article)]
        b = [(q.start, q.end, q.kind, q.speaker and q.speaker.name) for q in stanza_extractor.extract_article(article)]
        assert a == b, article.id


def test_every_direct_quote_has_a_person_or_institution(fast):
    for article in articles():
        for q in fast.extract_article(article):
            if q.kind is QuoteKind.DIRECT:
                assert q.speaker is not None, (article.id, q.text)
                assert q.provenance.backend == "fast"
                assert q.outlet == article.outlet


@pytest.mark.parametrize("article", articles(), ids=lambda a: a.id)
def test_offsets_hold_on_real_articles(fast, article):
    for q in fast.extract_article(article):
        assert article.text[q.start:q.end] == q.text

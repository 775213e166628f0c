"""Shared fixtures: one extractor per backend for the whole session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import quotes

# No per-example deadline anywhere: CI runs on a shared 2-core machine, where a slow
# example says nothing about the property under test (a timed assertion in disguise).
settings.register_profile("quotes", deadline=None)
settings.load_profile("quotes")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
STANZA_DIR = Path(os.environ.get("QUOTES_STANZA_DIR") or ROOT.parent / "shared" / "stanza_resources")


@pytest.fixture(scope="session")
def fast() -> quotes.Extractor:
    return quotes.Extractor(backend="fast")


#: CI sets QUOTES_REQUIRE_STANZA=1: the Stanza tests then fail instead of skipping.
REQUIRE_STANZA = os.environ.get("QUOTES_REQUIRE_STANZA") == "1"


@pytest.fixture(scope="session")
def stanza_extractor() -> quotes.Extractor:
    if not (STANZA_DIR / "en" / "tokenize").is_dir():
        reason = f"Stanza models not found in {STANZA_DIR} (set QUOTES_STANZA_DIR)"
        if REQUIRE_STANZA:
            pytest.fail(f"QUOTES_REQUIRE_STANZA=1 but {reason}")
        pytest.skip(reason)
    return quotes.Extractor(backend="stanza", stanza_dir=str(STANZA_DIR))


@pytest.fixture(params=["fast", "stanza"])
def extractor(request: pytest.FixtureRequest) -> quotes.Extractor:
    """Each test using this runs on both backends."""
    name = "fast" if request.param == "fast" else "stanza_extractor"
    return request.getfixturevalue(name)


def only_quote(extractor: quotes.Extractor, text: str, content: str) -> quotes.Quote:
    """The one quote of ``text`` whose text contains ``content``; every quote's offsets checked."""
    found = extractor.extract(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or text[q.speaker.start : q.speaker.end] == q.speaker.mention
    matching = [q for q in found if content in q.text]
    assert len(matching) == 1, [q.text for q in found]
    return matching[0]

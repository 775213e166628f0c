"""Accurate mode: the span tagger on a pretrained encoder (the ``quotes[model]`` extra).

These tests load the real model (the dev extra installs the encoder package):
loading, the missing-extra error, determinism, offsets, boilerplate and provenance.
"""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from quotes.errors import DependencyError, QuotesError
from quotes.model import accurate as accurate_mod
from quotes.model import encoder as encoder_mod
from quotes.model.tagger import REPLACEABLE_KINDS
from quotes.models import Article
from quotes.pipeline import Extractor, attribute_document, build_document, extract
from quotes.text.boilerplate import body_lines

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

REPORTED = (
    "WASHINGTON — The senator met donors on Tuesday.\n"
    "Senator Jane Doakes said on Tuesday that the new budget would cut funding for rural "
    "hospitals by a third.\n"
    "The plan, officials warned, could leave thousands of patients without care next year.\n"
    "Hospital managers believe the cuts will close at least four clinics in the region, "
    "according to a union spokesman.\n"
    '"We will fight this in court," said Tom Reyes, who leads the nurses\' union.\n'
)

BOILERPLATE = (
    "Mayor Says Budget Will Be Balanced, Critics Claim Otherwise\n"
    "Read more: Governor says taxes will rise next year\n"
    "The city council met on Monday to discuss the budget.\n"
    "Mayor Ann Blake told reporters the city would balance its books by June.\n"
    "Related Articles\n"
    "Senator says wall will be built by spring\n"
    "Economists claim tax cut will pay for itself\n"
    "Police chief says crime fell sharply, officials warn of new risks\n"
    "Watch: Minister insists the plan is working\n"
)


@pytest.fixture(scope="module")
def accurate() -> Extractor:
    return Extractor(backend="fast", accurate=True, include_beliefs=True)


def test_weights_load_small_and_named(accurate):
    model = accurate_mod.load_accurate()
    assert accurate.tagger is model  # one model per process
    assert accurate.accurate
    assert model.component[0] == "accurate"
    assert model.component[1].startswith("minilm")
    size = accurate_mod.ACCURATE_PATH.stat().st_size
    size += accurate_mod.ACCURATE_META_PATH.stat().st_size
    assert size <= 25_000_000
    assert 0.0 <= model.threshold <= 1.0
    assert not Extractor(backend="fast").accurate


def test_missing_extra_names_the_install_command(monkeypatch):
    real_import = builtins.__import__

    def no_transformers(name, *args, **kwargs):
        if name.split(".")[0] in ("transformers", "torch"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    accurate_mod.load_accurate.cache_clear()
    encoder_mod.base_encoder.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_transformers)
    try:
        with pytest.raises(DependencyError) as err:
            Extractor(backend="fast", accurate=True)
    finally:
        monkeypatch.undo()
        accurate_mod.load_accurate.cache_clear()
        encoder_mod.base_encoder.cache_clear()
    assert isinstance(err.value, QuotesError)
    assert "pip install 'quotes[model]'" in str(err.value)


def test_two_runs_are_identical(accurate):
    first = [q.model_dump() for q in accurate.extract(REPORTED)]
    again = [q.model_dump() for q in accurate.extract(REPORTED)]
    assert first == again
    assert first  # the text has quotes


def test_offsets_point_at_the_text(accurate):
    for text in (REPORTED, BOILERPLATE, REPORTED.replace("\n", " ")):
        for q in accurate.extract(text):
            assert text[q.start : q.end] == q.text
            if q.speaker is not None and q.speaker.start is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
            if q.cue is not None:
                assert text[q.cue.start : q.cue.end] == q.cue.text


def test_model_quotes_name_the_component(accurate):
    segmenter = accurate.segmenter
    doc = build_document(Article(text=REPORTED), segmenter)
    rules = attribute_document(doc, segmenter)
    own = accurate.tagger.quotes(doc, segmenter, rules)
    assert own, "the model finds the reported speech of a plain news paragraph"
    for q in own:
        assert q.provenance is not None
        assert q.provenance.rules == accurate.tagger.component
        assert 0.0 <= q.confidence <= 1.0


def test_accurate_keeps_direct_rule_quotes_and_replaces_only_reported_speech(accurate):
    rules = Extractor(backend="fast", include_beliefs=True).extract(REPORTED)
    found = accurate.extract(REPORTED)
    spans = {(q.start, q.end) for q in found}
    for r in rules:
        if (r.start, r.end) not in spans:
            assert r.kind in REPLACEABLE_KINDS, r
            assert any(_from_model(q) and q.start < r.end and r.start < q.end for q in found)
    for q in found:
        if _from_model(q):
            assert q.confidence >= min(accurate.tagger.threshold, accurate.tagger.replace_threshold or 1.0)


def _from_model(quote) -> bool:
    return quote.provenance is not None and quote.provenance.rules[:1] == ("accurate",)


def _outside_body(text: str, quotes) -> list:
    lines = body_lines(text)
    return [q for q in quotes if not any(a <= q.start and q.end <= b for a, b in lines)]


def test_headlines_link_lines_and_related_lists_stay_silent(accurate):
    found = accurate.extract(BOILERPLATE)
    assert _outside_body(BOILERPLATE, found) == []
    tail = BOILERPLATE.index("Related Articles")
    assert [q for q in found if q.start >= tail] == []


def test_the_tagger_stays_silent_on_boilerplate_too():
    # The NumPy tagger shares the body-line gate: it tagged 6 spans in these headlines
    # and related links before.
    tagger = Extractor(backend="fast", tagger=True, include_beliefs=True)
    found = tagger.extract(BOILERPLATE)
    assert [q.text for q in found] == ["the city would balance its books by June"]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _outside_body(text, tagger.extract(text)) == [], path.name


def test_seed_boilerplate_stays_silent(accurate):
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        model_quotes = [q for q in accurate.extract(text) if _from_model(q)]
        assert _outside_body(text, model_quotes) == [], path.name


def test_extract_function_takes_accurate():
    found = extract(REPORTED, accurate=True)
    assert [q.model_dump() for q in found] == [
        q.model_dump() for q in Extractor(backend="fast", accurate=True).extract(REPORTED)
    ]


def test_tagger_and_accurate_together_is_an_error() -> None:
    """Both learned paths at once is refused with a message, not one silently dropped."""
    with pytest.raises(QuotesError, match="not both"):
        Extractor(tagger=True, accurate=True)

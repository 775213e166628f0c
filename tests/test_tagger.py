"""The learned span tagger: loading, offsets, combination with the rules, determinism."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.model import tagger as tagger_mod
from quotes.errors import QuotesError, TaggerUnavailableError
from quotes.models import Article, CueType, QuoteKind, Stance
from quotes.pipeline import Extractor, attribute_document, build_document


@pytest.fixture(scope="module")
def combined() -> Extractor:
    return Extractor(backend="fast", tagger=True, include_beliefs=True)


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(backend="fast", include_beliefs=True)


def test_weights_load_and_are_small():
    t = tagger_mod.load_tagger()
    assert t.version
    assert t.layers >= 1
    assert len(t.words) > 1000
    size = tagger_mod.WEIGHTS_PATH.stat().st_size + tagger_mod.VOCAB_PATH.stat().st_size
    assert size <= 20_000_000
    # Every LSTM weight the inference needs is there, with matching shapes.
    hidden = t.w["lstm.weight_hh_l0"].shape[1]
    assert t.w["out.weight"].shape == (len(tagger_mod.TAGS), 2 * hidden)


def test_missing_weights_raise_a_quotes_error(monkeypatch, tmp_path):
    monkeypatch.setattr(tagger_mod, "WEIGHTS_PATH", tmp_path / "nothing.npz")
    tagger_mod.load_tagger.cache_clear()
    try:
        with pytest.raises(TaggerUnavailableError) as err:
            Extractor(backend="fast", tagger=True)
        assert isinstance(err.value, QuotesError)
        assert "train_tagger.py" in str(err.value)
    finally:
        monkeypatch.undo()
        tagger_mod.load_tagger.cache_clear()


def test_default_extractor_does_not_use_the_tagger():
    ex = Extractor(backend="fast")
    assert ex.tagger is None


TEXT = (
    "WASHINGTON — The senator met donors on Tuesday.\n"
    "Senator Jane Doakes said on Tuesday that the new budget would cut funding for rural "
    "hospitals by a third.\n"
    "The plan, officials warned, could leave thousands of patients without care next year.\n"
    "Her office also argued the numbers published by the agency were badly out of date.\n"
)


def _spans(qs):
    return {(q.start, q.end) for q in qs}


def test_combined_keeps_every_rule_quote(combined, rules):
    article = Article(text=TEXT, id="t")
    by_rules = rules.extract_article(article)
    both = combined.extract_article(article)
    assert _spans(by_rules) <= _spans(both)
    for q in both:
        assert TEXT[q.start : q.end] == q.text
        if (q.start, q.end) not in _spans(by_rules):
            assert q.provenance is not None and q.provenance.rules[0] == "tagger"
            assert q.provenance.rules[1] == f"bilstm-{tagger_mod.load_tagger().version}"
            assert not any(q.start < r.end and r.start < q.end for r in by_rules)


def test_combined_finds_the_reported_content(combined):
    found = combined.extract(TEXT)
    texts = [q.text for q in found]
    target = "the new budget would cut funding for rural hospitals by a third"
    assert any(target in t for t in texts), texts
    q = next(q for q in found if target in q.text)
    start = TEXT.index(target)
    assert q.start <= start and start + len(target) <= q.end
    assert q.kind is QuoteKind.INDIRECT
    assert q.speaker is not None and "Doakes" in q.speaker.name


def test_tagger_adds_content_the_rules_miss(combined, rules):
    # An attitude PolNeAR annotates ("X are worried about C") that no rule reads.
    text = "Voters in the district are worried about rising rents and long commutes.\n"
    assert rules.extract(text) == []
    # A topic of worry, no proposition: it is only referred to, which the default leaves out.
    assert combined.extract(text) == []
    found = Extractor(backend="fast", tagger=True, include_beliefs=True, stances=Stance).extract(text)
    assert [q.text for q in found] == ["rising rents and long commutes"]
    assert found[0].stance is Stance.REFERS
    q = found[0]
    assert (q.start, q.end) == (text.index("rising"), text.index(".\n"))
    assert q.provenance is not None and q.provenance.rules[0] == "tagger"
    assert q.confidence >= tagger_mod.load_tagger().threshold
    assert q.speaker is not None and q.speaker.mention.startswith("Voters")
    assert q.cue is not None and q.cue.text == "are worried about"
    # An attitude is a belief: the default extractor (speech and claims) leaves it out.
    assert q.cue_type is CueType.BELIEF
    assert Extractor(backend="fast", tagger=True).extract(text) == []


@pytest.mark.parametrize(
    ("text", "content", "stance"),
    [
        (
            "Union leaders rejected claims that the strike had cost the city millions.\n",
            "that the strike had cost the city millions",
            Stance.DENIES,
        ),
        (
            "Local farmers have cast doubt on the council's plan to widen the river road.\n",
            "the council's plan to widen the river road",
            Stance.QUESTIONS,
        ),
    ],
)
def test_tagger_content_takes_its_cue_stance(combined, rules, text, content, stance):
    # Content only the tagger finds: a denied or doubted content is never presented as asserted.
    assert rules.extract(text) == []
    found = combined.extract(text)
    assert [(q.text, q.stance) for q in found] == [(content, stance)]
    assert found[0].provenance is not None and found[0].provenance.rules[0] == "tagger"


def test_direct_quote_kind_and_offsets(combined):
    text = "“We will not back down from this fight,” the governor told reporters on Friday.\n"
    found = combined.extract(text)
    assert found
    q = found[0]
    assert q.text.startswith("We will not back down")
    assert q.kind is QuoteKind.DIRECT
    assert text[q.start : q.end] == q.text


def test_deterministic(combined):
    a = [q.model_dump() for q in combined.extract(TEXT)]
    b = [q.model_dump() for q in combined.extract(TEXT)]
    c = [
        q.model_dump()
        for q in Extractor(backend="fast", tagger=True, include_beliefs=True).extract(TEXT)
    ]
    assert a == b == c


def test_numpy_lstm_matches_torch():
    torch = pytest.importorskip("torch")
    t = tagger_mod.load_tagger()
    text = TEXT + "“It is over,” he said, adding that talks would resume.\n"
    rules_ex = Extractor(backend="fast", include_beliefs=True)
    chunks = tagger_mod.featurize(text, rules_ex.segmenter.segment(text), rules_ex.extract(text))
    probs = t.probabilities(chunks)
    hidden = t.w["lstm.weight_hh_l0"].shape[1]
    dim = t.w["lstm.weight_ih_l0"].shape[1]
    lstm = torch.nn.LSTM(dim, hidden, num_layers=t.layers, bidirectional=True, batch_first=True)
    lstm.load_state_dict(
        {k[5:]: torch.from_numpy(v) for k, v in t.w.items() if k.startswith("lstm.")}
    )
    for chunk, p in zip(chunks, probs, strict=True):
        words, sufs = t._ids(chunk)
        x = np.concatenate(
            [t.w["word_emb.weight"][words], t.w["suffix_emb.weight"][sufs], chunk.feats], 1
        )
        with torch.no_grad():
            h, _ = lstm(torch.from_numpy(x)[None])
            logits = h[0] @ torch.from_numpy(t.w["out.weight"]).T + torch.from_numpy(
                t.w["out.bias"]
            )
            expected = torch.softmax(logits, 1).numpy()
        assert np.abs(expected - p).max() < 1e-4


_alphabet = st.sampled_from(
    list("abcdefghij ABCDEFG .,;:!?\n\"'“”‘’«»—–-()")
    + ["said", "told", "that", "according to", "é", "ß", "文", "🙂", "\u00a0", "\u200b"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, min_size=1, max_size=80).map("".join))
def test_offsets_on_random_unicode(text):
    if not text.strip():
        return
    ex = _cached_combined()
    for q in ex.extract(text):
        assert text[q.start : q.end] == q.text
        assert q.start < q.end
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


_CACHE: dict[str, Extractor] = {}


def _cached_combined() -> Extractor:
    if "ex" not in _CACHE:
        _CACHE["ex"] = Extractor(backend="fast", tagger=True, include_beliefs=True)
    return _CACHE["ex"]


def test_a_noun_phrase_after_a_cue_that_is_no_verb_of_saying_is_only_referred_to(rules):
    # The tagger's own spans, before any threshold: "met to discuss" names a topic, no statement.
    text = (
        "The city council met on Monday to discuss the budget.\n"
        "Mayor Ann Blake told reporters the city would balance its books by June.\n"
    )
    segmenter = rules.segmenter
    doc = build_document(Article(text=text), segmenter)
    own = tagger_mod.load_tagger().quotes(doc, segmenter, attribute_document(doc, segmenter))
    stances = {q.text: q.stance for q in own}
    assert stances.get("the budget") is Stance.REFERS, stances
    assert stances.get("the city would balance its books by June") is Stance.ASSERTS, stances

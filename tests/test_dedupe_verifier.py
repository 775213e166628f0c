"""The learned pair verifier of the ``semantic`` dedupe mode (`quotes.dedupe.verifier`)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.dedupe import dedupe
from quotes.dedupe import verifier as verifier_module
from quotes.dedupe.defaults import DEFAULT_SEMANTIC_THRESHOLD
from quotes.dedupe.index import UnionFind
from quotes.dedupe.statement import StatementScorer
from quotes.dedupe.verifier import (
    FEATURES,
    PairContext,
    VerifierModel,
    content_words,
    entity_terms,
    load_verifier,
    pair_features,
    phrase_keys,
    soft_cover,
    stem_cover,
    stem_keys,
    word_keys,
)
from quotes.errors import QuotesError
from quotes.models import Quote, Speaker


def quote(text: str, article: str, name: str = "Ann Smith") -> Quote:
    who = Speaker(name=name, mention=name, start=0, end=0)
    return Quote(text=text, start=0, end=len(text), article=article, speaker=who)


def constant_encoder(texts):
    """Every text on one direction: embeddings alone cannot tell any two apart."""
    return [[1.0, 0.0]] * len(texts)


def test_shipped_model_is_the_default_threshold_and_uses_known_features() -> None:
    model = load_verifier("semantic")
    assert model.threshold == DEFAULT_SEMANTIC_THRESHOLD
    assert set(model.features) <= set(FEATURES)
    assert len(model.mean) == len(model.scale) == len(model.coef) == len(model.features)
    assert all(s > 0 for s in model.scale)


def test_missing_or_broken_weights_raise_a_quotes_error(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dedupe_verifier.json").write_text(json.dumps({"models": {}}))
    monkeypatch.setattr(verifier_module, "files", lambda _package: tmp_path)
    load_verifier.cache_clear()
    try:
        with pytest.raises(QuotesError, match="train_dedupe_verifier"):
            load_verifier("semantic")
    finally:
        load_verifier.cache_clear()


def test_a_short_claim_and_its_denial_stay_apart_however_close_their_embeddings() -> None:
    claim = "Clinton is qualified to be president, and ready on day one."
    denial = "Hillary Clinton is not qualified for the presidency at all."
    restated = "Hillary Clinton is qualified for the presidency at all."
    apart = dedupe(
        [quote(claim, "a"), quote(denial, "b")], mode="semantic", encoder=constant_encoder
    )
    assert len(apart) == 2
    joined = dedupe(
        [quote(claim, "a"), quote(restated, "b")], mode="semantic", encoder=constant_encoder
    )
    assert [c.size for c in joined] == [2]


def test_numbers_that_disagree_stay_apart_however_close_their_embeddings() -> None:
    qs = [
        quote("The agency found 22 emails with top secret material on the server.", "a"),
        quote("The agency found 2,093 emails with top secret material on the server.", "b"),
    ]
    assert len(dedupe(qs, mode="semantic", encoder=constant_encoder)) == 2


def test_entities_phrases_and_their_features() -> None:
    assert entity_terms("Officials in Moscow met the Kremlin envoy.") == {"russia"}
    assert entity_terms("Moscow will respond.") == set()  # the first word of a sentence is no name
    assert phrase_keys("the founder of isis") == phrase_keys("founder isis")
    terms = (frozenset({"russia", "troop", "border"}), frozenset({"troop", "border", "ukraine"}))
    entities = (frozenset({"russia"}), frozenset({"ukraine"}))
    values = dict(
        zip(
            FEATURES,
            pair_features(
                terms,
                entities,
                {},
                term_score=0.5,
                phrases=(frozenset(), frozenset()),
                cosine=0.7,
                words=(10, 5),
                direct=(True, True),
                days=3.0,
                negated=(False, True),
            ),  # fmt: skip
            strict=True,
        )
    )
    assert values["entity_miss"] == 1.0  # each names a country the other does not
    assert values["cover"] == pytest.approx(2 / 3)
    assert values["both_direct"] == 1.0 and values["direct_vs_reported"] == 0.0
    assert values["polarity"] == 1.0
    assert values["length"] == pytest.approx(np.log(2))
    assert values["days"] == pytest.approx(np.log1p(3.0))


class TestStemCover:
    def test_forms_of_one_word_share_a_family(self) -> None:
        founded = stem_keys("obama founded isis")
        founder = stem_keys("obama was the founder of isis")
        assert founded == founder
        assert stem_cover(founded, founder) == 1.0

    def test_other_words_share_none(self) -> None:
        assert stem_cover(stem_keys("taxes must rise"), stem_keys("walls will stand")) == 0.0

    def test_short_words_and_stopwords_have_no_family(self) -> None:
        assert stem_keys("he said it was bad") == frozenset()

    def test_synonyms_of_the_lexicon_are_one_family(self) -> None:
        assert stem_keys("waiting for indications") == stem_keys("they await signals")
        assert word_keys("waiting for indications") == ["wait", "signal"]


class TestSoftCover:
    def test_close_words_count_weighted_by_rarity(self) -> None:
        agency, bureau, wrong = np.eye(3)[0], np.eye(3)[0], np.eye(3)[2]
        a, b = np.stack([agency, wrong]), np.stack([bureau])
        assert soft_cover((a, b), (np.array([1.0, 3.0]), np.array([2.0]))) == 1.0  # b's side
        assert soft_cover((a, a[1:]), (np.array([1.0, 3.0]), np.array([3.0]))) == 1.0
        assert soft_cover((a[:1], b * 0 + wrong), (np.ones(1), np.ones(1))) == 0.0

    def test_a_side_without_vectors_covers_nothing(self) -> None:
        empty = np.zeros((0, 3))
        assert soft_cover((empty, np.eye(3)), (np.zeros(0), np.ones(3))) == 0.0


@pytest.mark.parametrize("uses_soft_cover", [True, False])
def test_words_are_embedded_once_and_only_for_a_verifier_that_reads_them(
    uses_soft_cover: bool,
) -> None:
    synonyms = {"agency": [1.0, 0.0, 0.0], "bureau": [1.0, 0.0, 0.0]}
    calls: list[list[str]] = []

    def encoder(texts):
        calls.append(list(texts))
        return [synonyms.get(t, [0.0, 1.0, 0.0]) for t in texts]

    raw = ["The agency found the emails.", "The bureau found the emails."]
    texts = ["the agency found the emails", "the bureau found the emails"]
    scorer = StatementScorer(texts, raw, [0, 0])
    feature = "soft_cover" if uses_soft_cover else "cosine"
    model = VerifierModel((feature,), (0.0,), (1.0,), (1.0,), 0.0, 0.5)
    scorer.use_verifier(model, PairContext([5, 5], [True, True], np.zeros(2), np.zeros(2)))
    scorer.link(UnionFind(2), np.ones(2, dtype=bool), semantic=True, threshold=0.99,
                block_keys=3, max_block=64, encoder=encoder)  # fmt: skip
    word_calls = [c for c in calls if "agency" in c]
    values = dict(zip(FEATURES, scorer.features(0, 1), strict=True))
    assert values["stem_cover"] == pytest.approx(2 / 3)  # agency / bureau: two families
    if uses_soft_cover:
        assert word_calls == [["agency", "found", "emails", "bureau"]]
        assert values["soft_cover"] == 1.0  # but one word to the encoder
    else:
        assert word_calls == [] and values["soft_cover"] == 0.0
    assert content_words(texts[0]) == ["agency", "found", "emails"]


@settings(max_examples=60, deadline=None)
@given(
    base=st.lists(st.floats(0, 1), min_size=len(FEATURES), max_size=len(FEATURES)),
    lift=st.floats(0, 0.5),
)
def test_more_shared_terms_or_closer_embeddings_never_lower_the_score(
    base: list[float], lift: float
) -> None:
    model = load_verifier("semantic")
    closer = list(base)
    for name in ("cover", "cosine", "phrases", "stem_cover", "soft_cover"):
        closer[FEATURES.index(name)] += lift
    assert model.score(closer) >= model.score(base) - 1e-12


@pytest.fixture(scope="module")
def trainer() -> Iterator[ModuleType]:
    """``scripts/train_dedupe_verifier.py`` as a module (it adds ``bench/`` to the path)."""
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "train_dedupe_verifier", root / "scripts" / "train_dedupe_verifier.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    before = list(sys.path)
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path[:] = before


def test_trainer_fits_a_separating_direction_and_folds_by_group(trainer: ModuleType) -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((200, 3))
    y = (x[:, 0] - 0.5 * x[:, 2] > 0).astype(np.float64)
    mean, scale, w, b = trainer.standardise_and_fit(x, y, 1.0)
    assert w[0] > 0 > w[2] and abs(w[1]) < w[0] / 4
    groups = [f"g{k % 23}" for k in range(100)]
    folds = trainer.fold_of(groups)
    assert folds == trainer.fold_of(list(reversed(groups)))  # seeded, not order-dependent
    assert set(folds.values()) == set(range(trainer.FOLDS))
    precision_recall_f1 = trainer.prf(8, 2, 2)
    assert precision_recall_f1 == pytest.approx((0.8, 0.8, 0.8))

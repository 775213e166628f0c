"""The learned span tagger: loading, offsets, combination with the rules, determinism."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.model import tagger as tagger_mod
from quotes.errors import QuotesError, TaggerUnavailableError
from quotes.models import Article, CueType, Quote, QuoteKind, Speaker, Stance
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


def test_combined_keeps_direct_rule_quotes_and_replaces_only_reported_speech(combined, rules):
    article = Article(text=TEXT, id="t")
    by_rules = rules.extract_article(article)
    both = combined.extract_article(article)
    for q in both:
        assert TEXT[q.start : q.end] == q.text
        if (q.start, q.end) not in _spans(by_rules):
            assert q.provenance is not None and q.provenance.rules[0] == "tagger"
            assert q.provenance.rules[1] == f"bilstm-{tagger_mod.load_tagger().version}"
    for r in by_rules:
        if (r.start, r.end) in _spans(both):
            continue
        # a rule quote is only ever replaced by tagger spans over it, and only reported speech
        assert r.kind in tagger_mod.REPLACEABLE_KINDS
        assert any(q.start < r.end and r.start < q.end for q in both)


def _q(start, end, kind=QuoteKind.INDIRECT, confidence=0.5, tag="rules", text=None):
    text = text if text is not None else ("w " * (end - start))[: end - start]
    return Quote(text=text, start=start, end=end, kind=kind, confidence=confidence, article=tag)


def _merged(rules_, model, threshold, replace=None):
    return [(q.start, q.end, q.article) for q in tagger_mod.combine(rules_, model, threshold, replace)]


def test_combine_without_replacement_adds_only_model_quotes_that_overlap_no_rule_quote():
    rules_ = [_q(10, 20), _q(40, 50, QuoteKind.DIRECT)]
    model = [_q(12, 25, confidence=0.99, tag="m"), _q(60, 70, confidence=0.9, tag="m"),
             _q(80, 90, confidence=0.3, tag="m")]
    assert _merged(rules_, model, 0.5) == [(10, 20, "rules"), (40, 50, "rules"), (60, 70, "m")]


def test_combine_replaces_reported_speech_with_confident_model_spans():
    rules_ = [_q(10, 30), _q(40, 50, QuoteKind.DIRECT), _q(60, 80, QuoteKind.MIXED), _q(90, 110)]
    model = [
        _q(12, 20, confidence=0.9, tag="m"),  # a tighter clause than the rules read
        _q(21, 28, confidence=0.8, tag="m"),  # and a second one: both replace the rule quote
        _q(38, 45, confidence=0.99, tag="m"),  # over a direct quote: the direct quote stays
        _q(61, 79, confidence=0.4, tag="m"),  # below the replace threshold: the rule quote stays
        _q(90, 95, confidence=0.99, tag="m"),  # three words: too short to replace a clause
    ]
    assert _merged(rules_, model, 0.9, 0.6) == [
        (12, 20, "m"), (21, 28, "m"), (40, 50, "rules"), (60, 80, "rules"), (90, 110, "rules"),
    ]


def test_combine_keeps_rules_when_the_group_holds_a_direct_quote():
    # the model span chains a reported-speech rule quote to a direct one: nothing is replaced
    rules_ = [_q(10, 30), _q(32, 50, QuoteKind.DIRECT)]
    model = [_q(20, 40, confidence=0.99, tag="m")]
    assert _merged(rules_, model, 0.5, 0.5) == [(10, 30, "rules"), (32, 50, "rules")]


def test_a_replacing_span_keeps_the_closing_mark_and_a_named_speaker():
    text = "Trump said they would start talks 'at once.' Then he left."
    a = text.index("they")
    rule = _q(a, text.index(" Then"), QuoteKind.MIXED, text=text[a : text.index(" Then")])
    rule = rule.model_copy(update={"speaker": Speaker(name="Donald Trump", mention="Trump", start=0, end=5)})
    cut = text.index(".'")  # the model stops before the stop and the closing mark
    model = _q(a, cut, confidence=0.9, tag="m", text=text[a:cut])
    model = model.model_copy(update={"speaker": Speaker(name=None, mention="who", start=0, end=3)})
    (q,) = tagger_mod.combine([rule], [model], 0.9, 0.5)
    assert q.text == "they would start talks 'at once.'" == text[q.start : q.end]
    assert q.speaker is not None and q.speaker.name == "Donald Trump"
    assert q.kind is QuoteKind.MIXED  # it still quotes a fragment
    assert q.provenance is None or "replaces" in q.provenance.rules
    # A question or a denial stays the rules' quote: its stance belongs to the attribution.
    asked = rule.model_copy(update={"stance": Stance.QUESTIONS})
    assert tagger_mod.combine([asked], [model], 0.9, 0.5) == [asked]



def test_a_replacing_span_takes_the_model_s_named_speaker():
    text = "Officials at the port, Dana Morrow told reporters, expect the strike to end soon."
    a = text.index("expect")
    end = text.index(".")
    rule = _q(0, end, text=text[:end]).model_copy(
        update={"speaker": Speaker(name="Officials", mention="Officials", start=0, end=9)}
    )
    morrow = text.index("Dana")
    model = _q(a, end, confidence=0.9, tag="m", text=text[a:end]).model_copy(
        update={"speaker": Speaker(name="Dana Morrow", mention="Dana Morrow", start=morrow,
                                   end=morrow + 11)}
    )
    (q,) = tagger_mod.combine([rule], [model], 0.9, 0.5)
    assert q.text == "expect the strike to end soon"
    assert q.speaker is not None and q.speaker.name == "Dana Morrow"


def test_a_direct_rule_quote_without_a_speaker_takes_the_model_s():
    from quotes.models import Span

    text = 'Then the harbour master, Lee Park, stood up. "We will reopen the pier," Park told us.'
    a, b = text.index("We will"), text.index(',"')
    rule = _q(a, b, QuoteKind.DIRECT, confidence=0.9, text=text[a:b])
    park = text.index("Park told")
    told = text.index("told")
    model = _q(a, b, QuoteKind.DIRECT, confidence=0.95, tag="m", text=text[a:b]).model_copy(
        update={
            "speaker": Speaker(name="Lee Park", mention="Park", start=park, end=park + 4),
            "cue": Span(text="told", start=told, end=told + 4),
        }
    )
    (q,) = tagger_mod.combine([rule], [model], 0.9, 0.5)
    assert q.article == "rules" and q.text == "We will reopen the pier"
    assert q.speaker is not None and q.speaker.name == "Lee Park"
    assert q.cue is not None and q.cue.text == "told"
    # Below the threshold, or with two model sources over it, the rule quote stays as it was.
    assert tagger_mod.combine([rule], [model], 0.99, 0.5) == [rule]
    other = model.model_copy(
        update={"speaker": Speaker(name="Dana Morrow", mention="Dana", start=0, end=4)}
    )
    assert tagger_mod.combine([rule], [model, other], 0.9, 0.5) == [rule]
    # A rule quote with the same speaker but no cue takes the model's cue; another speaker's
    # model quote lends nothing.
    named = rule.model_copy(update={"speaker": model.speaker})
    (q,) = tagger_mod.combine([named], [model], 0.9, 0.5)
    assert q.speaker == model.speaker and q.cue is not None and q.cue.text == "told"
    assert tagger_mod.combine([named], [other], 0.9, 0.5) == [named]


def test_a_model_clause_beside_a_direct_quote_s_cue_is_no_second_statement():
    from quotes.models import Span

    text = 'Holding up a map, Park said, "The pier will reopen in May."'
    said = Span(text="said", start=text.index("said"), end=text.index("said") + 4)
    a, b = text.index("The pier"), text.index('."')
    rule = _q(a, b, QuoteKind.DIRECT, text=text[a:b]).model_copy(update={"cue": said})
    clause = _q(0, text.index(","), confidence=0.95, tag="m", text="Holding up a map")
    clause = clause.model_copy(update={"cue": said})
    assert tagger_mod.combine([rule], [clause], 0.9, 0.5) == [rule]
    # with a cue of its own, or quoting words itself, the model quote is added
    other = clause.model_copy(update={"cue": Span(text="said", start=0, end=1)})
    assert len(tagger_mod.combine([rule], [other], 0.9, 0.5)) == 2
    mixed = clause.model_copy(update={"kind": QuoteKind.MIXED})
    assert len(tagger_mod.combine([rule], [mixed], 0.9, 0.5)) == 2

_spans_st = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30), st.sampled_from(list(QuoteKind)),
              st.floats(0, 1)),
    max_size=12,
)


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


@settings(max_examples=200, deadline=None)
@given(_spans_st, _spans_st, st.floats(0, 1), st.one_of(st.none(), st.floats(0, 1)))
def test_combine_properties(rule_specs, model_specs, threshold, replace):
    rules_ = [_q(a, a + n, k, c) for a, n, k, c in rule_specs]
    model = [_q(a, a + n, k, c, tag="m") for a, n, k, c in model_specs]
    out = tagger_mod.combine(rules_, model, threshold, replace)
    kept = {id(q) for q in out}
    from_model = [q for q in out if q.article == "m"]
    assert [(q.start, q.end) for q in out] == sorted((q.start, q.end) for q in out)
    for r in rules_:
        if id(r) not in kept:  # a dropped rule quote: reported speech, under confident model spans
            assert replace is not None and r.kind in tagger_mod.REPLACEABLE_KINDS
            assert any(_overlap(m, r) for m in from_model)
    for m in from_model:
        if any(_overlap(m, r) for r in rules_):
            assert replace is not None and m.confidence >= replace
            assert len(m.text.split()) >= tagger_mod.MIN_REPLACING_WORDS
        else:
            assert m.confidence >= threshold
    if replace is None:
        assert len(kept & {id(r) for r in rules_}) == len(rules_)


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


@pytest.mark.parametrize(
    "sentence, content, stance",
    [
        # a phrase with no clause before its cue states nothing: only referred to
        ("Record profits in every quarter, the company said.", "Record profits in every quarter",
         Stance.REFERS),
        ("The plan will fail next year, the company said.", "The plan will fail next year",
         Stance.ASSERTS),
    ],
)
def test_decoded_content_before_its_cue_needs_a_clause(rules, sentence, content, stance):
    from quotes.model.decoding import decode_chunk
    from quotes.model.features import featurize
    from quotes.text.quoted import quoted_regions

    text = sentence + "\n"
    segmenter = rules.segmenter
    doc = build_document(Article(text=text), segmenter)
    (chunk,) = featurize(text, doc.sentences, [])
    ids = {t: k for k, t in enumerate(tagger_mod.TAGS)}
    words = [tok[0] for tok in chunk.tokens]
    n = len(content.split())
    src = words.index("the")
    labels = ["B-CONTENT"] + ["I-CONTENT"] * (n - 1) + ["O"] * (src - n)
    labels += ["B-SOURCE", "I-SOURCE", "B-CUE"] + ["O"] * (len(words) - src - 3)
    tags = [(ids[label], 0.99) for label in labels]
    (q,) = decode_chunk(doc, segmenter, chunk, tags, quoted_regions(text), "test")
    assert q.text == content and q.cue is not None and q.cue.text == "said"
    assert q.stance is stance


def test_an_ensemble_averages_its_heads_probabilities():
    weights, vocab = tagger_mod.read_weights(
        tagger_mod.WEIGHTS_PATH, tagger_mod.VOCAB_PATH, "the tagger", "x"
    )
    one = tagger_mod.SpanTagger(weights, vocab)
    # a second head: the same network with the output layer's bias moved
    moved = dict(weights, **{"out.bias": weights["out.bias"] + np.float16(1.0)})
    pair = tagger_mod.SpanTagger(
        {**{f"head0/{k}": v for k, v in weights.items()},
         **{f"head1/{k}": v for k, v in moved.items()}},
        vocab,
    )
    other = tagger_mod.SpanTagger(moved, vocab)
    assert len(pair.heads) == 2 and len(one.heads) == 1
    text = "The mayor said on Monday that the bridge would reopen in May, officials confirmed."
    doc = build_document(Article(text=text), Extractor(backend="fast").segmenter)
    chunks = tagger_mod.featurize(doc.text, doc.sentences, [])
    for a, b, both in zip(
        one.probabilities(chunks), other.probabilities(chunks), pair.probabilities(chunks),
        strict=True,
    ):
        np.testing.assert_allclose((a + b) / 2, both, rtol=1e-5, atol=1e-6)
    with pytest.raises(TaggerUnavailableError, match="ensemble"):
        tagger_mod.SpanTagger({"head0/out.bias": weights["out.bias"], **weights}, vocab)


def test_a_lower_outside_weight_lets_a_narrow_o_join_the_content():
    """``outside_weight`` below 1 turns a token the network reads as O by a hair into content."""
    from quotes.model.network import viterbi, weigh_outside

    o, b_content, i_content = 0, 5, 6
    p = np.full((4, 7), 0.01)
    for k, (tag, prob) in enumerate([(b_content, 0.9), (i_content, 0.9), (o, 0.5), (o, 0.9)]):
        p[k, tag] = prob
    p[2, i_content] = 0.4  # the third token: O 0.5 against I-CONTENT 0.4
    p /= p.sum(axis=1, keepdims=True)
    assert [t for t, _ in viterbi([p])[0]] == [b_content, i_content, o, o]
    (path,) = viterbi(weigh_outside([p], 0.5))
    assert [t for t, _ in path] == [b_content, i_content, i_content, o]
    assert weigh_outside([p], 1.0)[0] is p
    weights, vocab = tagger_mod.read_weights(
        tagger_mod.WEIGHTS_PATH, tagger_mod.VOCAB_PATH, "the tagger", "x"
    )
    assert tagger_mod.SpanTagger(weights, vocab).outside_weight == 1.0  # the tagger: unchanged
    assert tagger_mod.SpanTagger(weights, {**vocab, "outside_weight": 0.3}).outside_weight == 0.3


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The council called the mayor "a coward" and', 'the mayor "a coward'),
        ("She promised lower rents, better buses and the", "lower rents, better buses"),
        ("He blamed the drought, the heat or their", "the drought, the heat"),
        ("They said the plan would work.", "the plan would work"),
    ],
)
def test_a_decoded_content_never_ends_in_a_conjunction_or_an_article(text, content):
    from quotes.model.decoding import content_edges

    start = text.index(content.split()[0])
    a, b = content_edges(text, start, len(text))
    assert text[a:b] == content


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Councillor Dana Morrow on Tuesday,", "Councillor Dana Morrow"),
        ("The harbour master last week", "The harbour master"),
        ("Lee Park, who runs the ferry service,", "Lee Park, who runs the ferry service"),
        ("a survey released Friday", "a survey released Friday"),
    ],
)
def test_a_decoded_source_loses_its_edge_marks_and_a_time_of_saying(text, source):
    from quotes.model.decoding import source_edges

    a, b = source_edges(text, 0, len(text))
    assert text[a:b] == source

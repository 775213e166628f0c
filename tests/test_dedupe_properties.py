"""Hypothesis properties of quotes.dedupe.cluster: partition, order independence, idempotence."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.dedupe.cluster import dedupe
from quotes.models import Quote, QuoteKind, Speaker, SpeakerType

STATEMENTS = [
    "We need to receive some signals from the Kyiv administration regarding their interest "
    "in a third round of direct talks.",
    "There is no concrete agreement about the next meetings.",
    "We have not yet received a counter list from Kyiv. We are waiting.",
    "Russia, if you're listening, I hope you're able to find the 30,000 emails that are missing.",
    "If she gets to pick her judges, nothing you can do, folks.",
    "is currently waiting for indications from Kyiv to restart direct negotiations",
    "radical Islamic terrorism",
]
SPEAKERS = [
    None,
    "Dmitry Peskov",
    "Dmitri Peskov",
    "Peskov",
    "Donald Trump",
    "Trump",
    "Hillary Clinton",
]


@st.composite
def variant(draw: st.DrawFn, text: str) -> str:
    words = text.split()
    if draw(st.booleans()) and len(words) > 6:
        cut = draw(st.integers(min_value=5, max_value=len(words)))
        words = words[:cut]
    out = " ".join(words)
    style = draw(st.sampled_from(["plain", "upper", "lower", "marks", "ellipsis"]))
    if style == "upper":
        out = out.upper()
    elif style == "lower":
        out = out.lower()
    elif style == "marks":
        out = "“" + out.replace("'", "’") + "”"
    elif style == "ellipsis":
        out = out.rstrip(".") + " …"
    return out


@st.composite
def corpora(draw: st.DrawFn) -> list[Quote]:
    n = draw(st.integers(min_value=0, max_value=18))
    quotes = []
    for i in range(n):
        base = draw(st.sampled_from(STATEMENTS))
        text = draw(variant(base))
        name = draw(st.sampled_from(SPEAKERS))
        speaker = None
        if name is not None:
            kind = draw(st.sampled_from([SpeakerType.PERSON, SpeakerType.UNKNOWN]))
            speaker = Speaker(name=name, mention=name, start=0, end=len(name), type=kind)
        article = f"art{draw(st.integers(min_value=0, max_value=6))}"
        start = i * 1000
        quotes.append(
            Quote(
                text=text,
                start=start,
                end=start + len(text),
                kind=draw(st.sampled_from(list(QuoteKind))),
                speaker=speaker,
                article=article,
                outlet=draw(st.sampled_from([None, "DW", "Reuters"])),
                published=draw(st.sampled_from([None, "2025-04-26", "2025-04-28", "2025-05-23"])),
            )
        )
    return quotes


MODES = st.sampled_from(["verbatim", "statement", "semantic"])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def hashed_encoder(texts):
    """A stand-in sentence encoder: a bag of hashed words (deterministic, no model)."""
    rows = []
    for text in texts:
        row = [0.0] * 32
        for word in text.lower().split():
            row[sum(map(ord, word)) % 32] += 1.0
        rows.append(row)
    return rows


def run(quotes: list[Quote], mode: str, **options) -> list:
    """`dedupe` in ``mode``; the semantic mode with `hashed_encoder` (and its verifier)."""
    encoder = hashed_encoder if mode == "semantic" else None
    return dedupe(quotes, mode=mode, encoder=encoder, **options)


def keys(quotes: list[Quote]) -> Counter:
    return Counter((q.article, q.start, q.end, q.text) for q in quotes)


@SETTINGS
@given(corpora(), MODES)
def test_every_quote_is_in_exactly_one_cluster(quotes: list[Quote], mode: str) -> None:
    clusters = run(quotes, mode)
    members = Counter((m.article, m.start, m.end, m.text) for c in clusters for m in c.members)
    assert members == keys(quotes)
    assert all(c.members for c in clusters)
    assert len({c.id for c in clusters}) == len(clusters)


@SETTINGS
@given(corpora(), MODES, st.randoms(use_true_random=False), st.booleans())
def test_clusters_do_not_depend_on_input_order(
    quotes: list[Quote], mode: str, rnd, ignore: bool
) -> None:
    shuffled = list(quotes)
    rnd.shuffle(shuffled)
    assert run(shuffled, mode, ignore_speakers=ignore) == run(quotes, mode, ignore_speakers=ignore)


@SETTINGS
@given(corpora(), MODES)
def test_dedupe_of_its_own_output_is_unchanged(quotes: list[Quote], mode: str) -> None:
    first = run(quotes, mode)
    by_key = {(q.article, q.start, q.end, q.text): q for q in quotes}
    again = [by_key[(m.article, m.start, m.end, m.text)] for c in first for m in c.members]
    assert run(again, mode) == first


@SETTINGS
@given(corpora())
def test_identical_texts_of_one_speaker_share_a_cluster(quotes: list[Quote]) -> None:
    clusters = dedupe(quotes, mode="verbatim")
    where = {}
    for c in clusters:
        for m in c.members:
            where[(m.article, m.start, m.end, m.text)] = c.id
    groups: dict[tuple, set] = {}
    for q in quotes:
        name = q.speaker.name if q.speaker else None
        groups.setdefault((q.text, name), set()).add(where[(q.article, q.start, q.end, q.text)])
    assert all(len(ids) == 1 for ids in groups.values())


@SETTINGS
@given(corpora(), MODES)
def test_similarity_is_a_fraction_and_canonical_is_a_member(quotes: list[Quote], mode: str) -> None:
    for c in run(quotes, mode):
        assert c.text in {m.text for m in c.members}
        assert all(0.0 <= m.similarity <= 1.0 for m in c.members)
        if c.first_seen is not None:
            assert c.first_seen <= c.last_seen

"""Reported speech, claims and mixed quotes on real-style news sentences."""

from __future__ import annotations

from quotes import CueType, QuoteKind, SpeakerType


def reported(extractor, text):
    return [q for q in extractor.extract(text) if q.kind is not QuoteKind.DIRECT]


def test_said_that_gives_clause_speaker_and_channel(extractor):
    text = "Finance Minister Rachel Reeves told the BBC on Sunday that taxes would not rise this year."
    (q,) = reported(extractor, text)
    assert q.kind is QuoteKind.INDIRECT
    assert q.text == "that taxes would not rise this year"  # the complementiser opens the clause
    assert q.speaker.name == "Rachel Reeves"
    assert q.via == "BBC"


def test_content_first_attribution(extractor):
    text = "More than 40 flights were cancelled at the airport, the transport ministry said on Monday."
    (q,) = reported(extractor, text)
    assert q.text == "More than 40 flights were cancelled at the airport"
    assert q.speaker.type is SpeakerType.ORGANIZATION
    assert q.cue.text == "said"


def test_according_to_is_a_claim(extractor):
    text = "According to Polish officials, the convoy crossed the border at dawn."
    (q,) = reported(extractor, text)
    assert q.cue_type is CueType.CLAIM
    assert q.text == "the convoy crossed the border at dawn"
    assert q.speaker.type is SpeakerType.GROUP


def test_mixed_quote_covers_the_clause(extractor):
    text = "Chancellor Friedrich Merz said Germany would 'stand by Ukraine for as long as it takes' in the talks."
    (q,) = reported(extractor, text)
    assert q.kind is QuoteKind.MIXED
    assert q.text.startswith("Germany would 'stand by Ukraine")


def test_nested_report_belongs_to_outer_speaker(extractor):
    text = "Dmitry Peskov said President Vladimir Putin had told Donald Trump that talks were useful."
    found = reported(extractor, text)
    assert [q.speaker.name for q in found] == ["Dmitry Peskov"]


def test_beliefs_are_flagged_and_off_by_default(extractor):
    text = "Senator Elizabeth Warren believes that the bill will fail in the House."
    assert reported(extractor, text) == []
    import quotes

    ex = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True)
    (q,) = reported(ex, text)
    assert q.cue_type is CueType.BELIEF


def test_noun_phrase_objects_are_not_reports(extractor):
    assert reported(extractor, "The minister issued a decree on Monday banning the rallies.") == []


def test_passive_as_stated_by(extractor):
    text = "The ministry is waiting for a reply from Warsaw, as stated by spokesman Pawel Nowak."
    (q,) = reported(extractor, text)
    assert q.text == "The ministry is waiting for a reply from Warsaw"
    assert q.speaker.name == "Pawel Nowak"
    assert q.cue.text == "stated"

"""A direct quote introduced by a participle right after a report is the reporter's.

Made-up sentences: ``Dunn said the talks could be “messy,” adding, “…”`` is one
sentence; its subject, the speaker of the report, adds the quote, which keeps the
participle as its cue. A participle that opens a sentence of its own (``… “wasn't
good.” Adding, “…”``) is not read so.
"""

from __future__ import annotations

from conftest import only_quote


def test_participle_after_a_mixed_report_takes_its_speaker(fast):
    text = 'Dunn said the process of writing the platform could be "messy," adding, "We will get through it."'
    q = only_quote(fast, text, "We will get through it")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention) == ("Dunn", "Dunn")
    assert q.cue is not None and q.cue.text == "adding"
    assert q.provenance is not None and q.provenance.rules == ("direct", "before:participle")


def test_participle_after_a_that_clause_with_a_fragment(fast):
    text = (
        'Mayor Ann Holt told the Ledger that Rooney "had a crazy plan which was doomed," '
        'adding, "He lost all of the votes he had."'
    )
    q = only_quote(fast, text, "He lost all of the votes")
    assert q.speaker is not None
    assert q.speaker.name == "Ann Holt"


def test_participle_opening_a_new_sentence_takes_no_speaker_from_the_report(fast):
    text = 'Dunn stated that the report "was not good." Adding, "Now it is how they handle it."'
    q = only_quote(fast, text, "Now it is how they handle it")
    assert q.speaker is None

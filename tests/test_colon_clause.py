"""A clause ending in a colon hands the quote after it to the clause's subject.

Made-up sentences: on the quote's line (``The Ohio board was blunt in its findings:
“…”``) or as the line before a paragraph quote (``… released the following
statement:``). Only a named person (full name known) or organisation followed by a
verb is taken, and only for a quote of four words or more.
"""

from __future__ import annotations

from conftest import only_quote


def test_colon_clause_on_the_quote_line(fast):
    text = 'The Ohio Board of Elections was blunt in its findings: "Further discussion of this is unnecessary."'
    q = only_quote(fast, text, "Further discussion")
    assert q.speaker is not None
    assert q.speaker.name == "Ohio Board of Elections"
    assert q.cue is None
    assert q.provenance is not None and q.provenance.rules == ("direct", "before:colon-clause")


def test_colon_clause_on_the_line_before(fast):
    text = (
        "When Dunn died, President Mark Olsen released the following statement:\n\n"
        '"Anna and I offer our condolences to his family and friends."'
    )
    q = only_quote(fast, text, "offer our condolences")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention) == ("Mark Olsen", "President Mark Olsen")


def test_pronoun_subject_resolves_to_the_person_named_before(fast):
    text = (
        'Mayor Ann Holt spoke for an hour. She returned to her familiar lines: "We will fix every road in town."'
    )
    q = only_quote(fast, text, "We will fix every road")
    assert q.speaker is not None
    assert q.speaker.name == "Ann Holt"


def test_subject_that_names_no_one_gives_no_speaker(fast):
    q = only_quote(fast, 'The question is simple: "Who will pay for the new wall?"', "Who will pay")
    assert q.speaker is None


def test_short_label_after_a_colon_is_no_statement_of_the_subject(fast):
    text = 'Thanks to his new act, Mark Olsen can add a title to his resume: "song collector."'
    found = [q for q in fast.extract(text) if "song collector" in q.text]
    assert all(q.speaker is None for q in found)


def test_one_capitalised_word_is_no_speaker(fast):
    text = 'Giant screens over the arena glittered with a proclamation: "Over the top we go tonight."'
    q = only_quote(fast, text, "Over the top")
    assert q.speaker is None


def test_cue_read_alone_gets_the_colon_clause_subject(fast):
    text = 'Mayor Ann Holt was not moved. Holt delivered a snappy retort: "No one is tearing this plan up."'
    q = only_quote(fast, text, "No one is tearing")
    assert q.speaker is not None
    assert q.speaker.name == "Ann Holt"
    assert q.cue is not None and q.cue.text == "retort"


"""A quote on the line of an attributed one shares its attribution only as its second half.

Made-up sentences: ``“A,” Holt said, “B.”`` shares the speaker; a quote right after a
verb of saying of its own (``… T-shirts appeared that said “We won.”``) is no second
half of the quote before it.
"""

from __future__ import annotations

from conftest import only_quote


def test_quote_after_its_own_verb_of_saying_is_no_second_half(fast):
    text = (
        'Ann Holt, the acting chairman, told the agency simply, "We lost the vote." '
        'T-shirts quickly appeared in front of the party headquarters that said "We won the vote today."'
    )
    found = [q for q in fast.extract(text) if "We won the vote today" in q.text]
    assert all(q.speaker is None or q.speaker.name != "Ann Holt" for q in found)


def test_second_half_of_an_interrupted_quote_keeps_the_speaker(fast):
    q = only_quote(fast, 'Mayor Ann Holt spoke. "We won the vote," Holt said, "and we will win again."', "we will win")
    assert q.speaker is not None and q.speaker.name == "Ann Holt"

"""A party's members as the source: ``some Republicans`` is ``Republicans``.

Made-up sentences (`quotes.speakers.parties`): quantifiers and wing adjectives go, a
capitalised modifier stays; a number, a rank or an anaphor keeps the description.
"""

from __future__ import annotations

import pytest

from conftest import only_quote
from quotes.models import SpeakerType
from quotes.speakers.parties import party_members

#: (pattern, text, quote content, expected name)
ROWS = [
    (
        "a quantifier goes",
        "The vote is on Friday. Some Republicans said the bill went too far.",
        "the bill went too far", "Republicans",
    ),
    (
        "a quantifier and a wing adjective go",
        "The vote is on Friday. Many liberal Democrats said the bill did not go far enough.",
        "the bill did not go far enough", "Democrats",
    ),
    (
        "a rank stays: the party's leaders",
        "The vote is on Friday. Senior Democrats said the bill did not go far enough.",
        "the bill did not go far enough", "Senior Democrats",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name"), ROWS, ids=[r[0] for r in ROWS])
def test_party_members_are_named_as_the_party(fast, pattern, text, content, name):
    q = only_quote(fast, text, content)
    assert q.speaker is not None, pattern
    assert (q.speaker.name, q.speaker.type) == (name, SpeakerType.GROUP), pattern


def test_a_number_or_an_anaphor_keeps_the_description():
    assert party_members("the two leading Republicans") is None
    assert party_members("those Democrats") is None
    assert party_members("Fellow Republicans") == "Republicans"

"""Quotes whose speaker is written in a less common layout get that speaker.

Made-up sentences, one row per layout: a description in apposition before the name
after the quote (with or without the comma that closes the apposition), after an
inverted cue, a day between the subject and the cue before a quote (``Priebus on
Thursday told Fox News: “…”``), the passive ``is quoted as saying``, and a signature
inside the closing mark (``“… rebuilt. -- Ann Lee”``).
"""

from __future__ import annotations

import pytest
from conftest import only_quote

from quotes.models import SpeakerType

#: (layout, text, quote content, name, mention, role)
LAYOUTS = [
    (
        "description, name, cue after the quote",
        '"We were all afraid," a neighbor, Tom Becker, told CNN.',
        "We were all afraid", "Tom Becker", "a neighbor, Tom Becker", "a neighbor",
    ),
    (
        "description, name without the closing comma",
        '"We were all afraid," another friend, Mariam Emara told CNN.',
        "We were all afraid", "Mariam Emara", "another friend, Mariam Emara", "another friend",
    ),
    (
        "inverted cue, description, name",
        '"We were all afraid," said a neighbor, Tom Becker.',
        "We were all afraid", "Tom Becker", "a neighbor, Tom Becker", "neighbor",
    ),
    (
        "a day between subject and cue before the quote",
        'Tom Becker on Thursday told Fox News: "Both teams are meeting next week."',
        "Both teams are meeting", "Tom Becker", "Tom Becker", None,
    ),
    (
        "a bare weekday is no part of the name",
        'Tom Becker Thursday said: "The plan will fail."',
        "The plan will fail", "Tom Becker", "Tom Becker", None,
    ),
    (
        "is quoted as saying",
        'Mayor Ann Lee is quoted as saying: "The bridge will reopen in May."',
        "The bridge will reopen", "Ann Lee", "Mayor Ann Lee", "Mayor",
    ),
]


@pytest.mark.parametrize(("layout", "text", "content", "name", "mention", "role"), LAYOUTS, ids=[r[0] for r in LAYOUTS])
def test_speaker_in_layout(extractor, layout, text, content, name, mention, role):
    q = only_quote(extractor, text, content)
    assert q.kind.value == "direct", layout
    assert q.speaker is not None, layout
    assert (q.speaker.name, q.speaker.mention, q.speaker.type) == (name, mention, SpeakerType.PERSON)
    assert q.speaker.role == role


def test_apposition_without_comma_leaves_no_reported_copy(fast):
    text = '"We were all afraid," another friend, Mariam Emara told CNN.'
    found = fast.extract(text)
    assert [q.kind.value for q in found] == ["direct"]


def test_inverted_description_without_a_name_stays(fast):
    q = only_quote(fast, '"We were all afraid," said a neighbor.', "We were all afraid")
    assert q.speaker is not None and q.speaker.mention == "a neighbor"
    assert q.speaker.type is not SpeakerType.PERSON  # no name invented


def test_signature_inside_the_closing_mark(extractor):
    text = 'Residents gathered on Monday. "We will not stop until the bridge is rebuilt. -- Ann Lee" The crowd cheered.'
    q = only_quote(extractor, text, "We will not stop")
    assert q.text == "We will not stop until the bridge is rebuilt."
    assert q.speaker is not None and (q.speaker.name, q.speaker.mention) == ("Ann Lee", "Ann Lee")
    assert q.provenance.rules == ("direct", "after:signature")


def test_signature_on_the_last_line_inside_the_marks(extractor):
    text = (
        "The mayor spoke on Monday about the fees.\n\n"
        '"The harbour fees are too high and the fishermen cannot pay them any longer.\n'
        'Ann Walsh, Harbour Watch."\n\nThe board met on Tuesday.'
    )
    found = extractor.extract(text)
    assert [q.text for q in found] == [
        "The harbour fees are too high and the fishermen cannot pay them any longer."
    ]
    assert found[0].speaker is not None and found[0].speaker.name == "Ann Walsh"
    assert found[0].provenance.rules == ("direct", "after:signature")


def test_a_last_line_that_is_a_sentence_is_no_signature(extractor):
    text = (
        '"The harbour fees are too high and the fishermen cannot pay them.\n'
        'The board must lower them now."\n\nThe board met on Tuesday.'
    )
    assert all(q.speaker is None or q.speaker.name != "The board" for q in extractor.extract(text))
    assert any("lower them now" in q.text for q in extractor.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        '"We need a leader -- Donald Trump," the mayor said.',  # no sentence end before the dash
        '"We need a leader. -- not a talker," the mayor said.',  # no name after it
    ],
)
def test_dash_inside_a_quote_is_no_signature(fast, text):
    q = only_quote(fast, text, "We need a leader")
    assert q.speaker is not None and q.speaker.mention == "the mayor"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ('Fans wrote in all day. "The new stadium is a disaster," one wrote.', "The new stadium", "one"),
        ('Fans wrote in all day. "We want our money back," wrote another.', "We want our money", "another"),
        ('Fans wrote in all day. Another tweeted, "Nobody here is happy."', "Nobody here", "Another"),
    ],
)
def test_a_lone_determiner_is_an_unnamed_source(fast, text, content, mention):
    """``“…,” wrote another``: ``another``/``one`` alone is an unnamed source, kept as written."""
    (q,) = [q for q in fast.extract(text) if content in q.text]
    assert q.speaker is not None and q.speaker.mention == mention
    assert q.speaker.name == mention.lower() and q.speaker.type is SpeakerType.ANONYMOUS


@pytest.mark.parametrize(
    "text",
    [
        'The rally had one message: "Stop the new mall."',
        'By most measures one could say the mall is popular. "We love it," Ann Lee said.',
    ],
)
def test_a_determiner_in_a_clause_is_no_source(fast, text):
    """``had one message: “…”``, ``one could say``: ``one`` is a determiner or generic, no speaker."""
    for q in fast.extract(text):
        assert q.speaker is None or q.speaker.mention.lower() != "one"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ('"The budget is late," said Northfield Public Advocate Dana Morrow.', "Dana Morrow", "Northfield Public Advocate"),
        ('"We will patrol the river," Harbor County Sheriff Tom Becker said.', "Tom Becker", "Harbor County Sheriff"),
        ('"The vote is set," Alderman Ann Lee said.', "Ann Lee", "Alderman"),
        ('"Pray for rain," Pastor Lucas Moreno said.', "Lucas Moreno", "Pastor"),
    ],
)
def test_an_office_title_is_no_part_of_the_name(fast, text, name, role):
    """``Public Advocate``, ``Sheriff``, ``Alderman``, ``Pastor``: a title before a name is its role."""
    (q,) = fast.extract(text)
    assert q.speaker is not None and q.speaker.name == name and q.speaker.role == role

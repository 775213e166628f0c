"""Direct quotes whose cue has a long subject get the speaker that subject names.

Made-up sentences. The narrow subject readers know ``Peskov said`` and ``Peskov,
the Kremlin's spokesman, said``; `quotes.attribution.direct_subject` reads the longer
phrases: an attachment after the name or description, a party after a name and a
comma, a relative clause before an adverb, coordinated people or descriptions, a
hyphenated word before the name. The whole phrase is the mention. Phrases that are
no subject of the cue (a participle after a comma, a relative clause, a quote set
off by a dash) give no speaker.
"""

from __future__ import annotations

import pytest

from conftest import only_quote

#: (layout, text, quote content, name, mention)
LAYOUTS = [
    (
        "name of an outlet, cue before the quote",
        'Mark Dunn of The Ledger wrote, "If you want people to care, you have to show it."',
        "If you want people", "Mark Dunn", "Mark Dunn of The Ledger",
    ),
    (
        "party in parentheses and a comma before the cue",
        'Gov. Tom Reale (R-OH), said, "I am getting ready to rent a covered wagon."',
        "I am getting ready", "Tom Reale", "Gov. Tom Reale (R-OH)",
    ),
    (
        "relative clause, then adverbs before the cue",
        'Co-anchor Nora Dell, who was off-screen, then loudly asked, "Is that really true?"',
        "Is that really true", "Nora Dell", "Co-anchor Nora Dell, who was off-screen",
    ),
    (
        "coordinated names with an apposition, cue after the quote",
        '"We won the vote," council leader Phil Barker and city clerk Tim Moor, both Republicans, said.',
        "We won the vote", "Phil Barker", "council leader Phil Barker and city clerk Tim Moor, both Republicans",
    ),
    (
        "hyphenated word before the name, cue after the quote",
        '"We won the vote," co-anchor Dana Brooks said.',
        "We won the vote", "Dana Brooks", "co-anchor Dana Brooks",
    ),
    (
        "an attachment after the name, cue after the quote",
        '"The test was a stretch," Jeff Lowe of the Martin Center for Studies wrote in December.',
        "The test was a stretch", "Jeff Lowe", "Jeff Lowe of the Martin Center for Studies",
    ),
]


@pytest.mark.parametrize(("layout", "text", "content", "name", "mention"), LAYOUTS, ids=[r[0] for r in LAYOUTS])
def test_speaker_of_a_long_subject(fast, layout, text, content, name, mention):
    q = only_quote(fast, text, content)
    assert q.kind.value == "direct", layout
    assert q.speaker is not None, layout
    assert (q.speaker.name, q.speaker.mention) == (name, mention)


def test_coordinated_description_resolves_to_the_named_person(fast):
    text = (
        'Sen. Mark Olsen answered first. "We will fix the roads before winter," '
        "the Ohio senator and presidential candidate said in a statement."
    )
    q = only_quote(fast, text, "We will fix the roads")
    assert q.speaker is not None
    assert q.speaker.name == "Mark Olsen"
    assert q.speaker.mention == "the Ohio senator and presidential candidate"


def test_participle_after_a_comma_is_no_cue_of_the_phrase(fast):
    found = fast.extract('The new ad, titled "A Better Plan", says that taxes will fall.')
    # "titled" is no cue, and the title after it is no quote (tests/test_peer_patterns.py)
    assert not any(q.cue is not None and q.cue.text.lower() == "titled" for q in found)
    assert not any("A Better Plan" in q.text for q in found)


def test_relative_clause_after_a_quote_names_no_speaker(fast):
    text = 'Dunn was blunt. "He has been very aggressive with the rule," which Dunn thinks will cost jobs.'
    q = only_quote(fast, text, "He has been very aggressive")
    assert q.speaker is None


def test_quote_set_off_by_dashes_keeps_the_speaker_before_it(fast):
    text = (
        'Olsen mocked her gaffes - "Does she have to keep doing it?" - '
        "voters in Iowa who watched the debate said they were unfazed."
    )
    q = only_quote(fast, text, "Does she have to keep")
    assert q.speaker is not None
    assert q.speaker.name == "Olsen"


def test_phrasal_cue_keeps_its_subject(fast):
    q = only_quote(fast, 'The memo goes on to say: "The plan will fail within a year."', "The plan will fail")
    assert q.speaker is None or "goes" not in q.speaker.mention

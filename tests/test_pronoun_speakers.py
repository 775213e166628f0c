"""``he``/``she`` go to the subject of the sentence, not to a person in a phrase that opens it.

Made-up sentences: a prepositional or participial phrase before the subject
(``According to Maria Lopez, Tom Baker ...``, ``Speaking with Ann Grey, ...``, ``At
the Harbor National Convention, ...``) names no subject, so a later pronoun goes to
the person after its comma. A clause opened by a conjunction (``When ... ,``), a
phrase that is itself a clause (``In June he ...``) and a quote that opens the
sentence are left alone. When the only person named is inside the opening phrase
and no subject follows, the pronoun stays unresolved (``name`` is ``None``).
"""

from __future__ import annotations

import pytest
from conftest import only_quote
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.speakers.fronted import fronted_phrase_end
from quotes.text.intervals import SpanCover

QUOTE = '"We will build the bridge," he said.'
QUOTE_SHE = '"We will build the bridge," she said.'

#: (pattern, text, expected speaker name of the quote ``We will build the bridge``)
ROWS = [
    (
        "according to: the subject follows the comma",
        "Lucas Moreno runs the port. According to Peter Grant, Tom Baker wants a new bridge. " + QUOTE,
        "Tom Baker",
    ),
    (
        "a participle phrase names an object",
        "Speaking with Peter Grant on Monday, Tom Baker praised the plan. " + QUOTE,
        "Tom Baker",
    ),
    (
        "the one asked answers: an interviewer's question, then the guest's reply",
        "Host Lucas Moreno asked Tom Baker about the bridge. " + QUOTE,
        "Tom Baker",
    ),
    (
        "the one asked answers, a woman asking",
        "Anchor Ann Grey asked Tom Baker whether the port would grow. " + QUOTE,
        "Tom Baker",
    ),
    (
        "asked about a thing: the asker stays the subject",
        "Tom Baker asked about the bridge on Monday. " + QUOTE,
        "Tom Baker",
    ),
    (
        "an asked phrase names an object",
        "Asked about Peter Grant, Tom Baker smiled. " + QUOTE,
        "Tom Baker",
    ),
    (
        "the tail of an event name in an opening phrase",
        "At the Harbor National Convention last week, Tom Baker spoke for an hour. " + QUOTE,
        "Tom Baker",
    ),
    (
        "a connective before the opening phrase",
        "But like Peter Grant, Tom Baker opposed the tax. " + QUOTE,
        "Tom Baker",
    ),
    (
        "she: the woman after the comma, not the one in the phrase",
        "In an interview with Ann Grey, Maria Lopez criticized the plan. " + QUOTE_SHE,
        "Maria Lopez",
    ),
    (
        "a conjunction clause is left alone",
        "When Tom Baker arrived, the crowd cheered. " + QUOTE,
        "Tom Baker",
    ),
    (
        "a phrase that is a clause is left alone",
        "In the morning Tom Baker visited the port, and the crowd cheered. " + QUOTE,
        "Tom Baker",
    ),
    (
        "a date comma does not close the phrase",
        "In a Jan. 17, 2013 email, Tom Baker praised Peter Grant. " + QUOTE,
        "Tom Baker",
    ),
    (
        "an -ing name opens the sentence: no opening phrase",
        "Irving Stone, the port chief, met Tom Baker. " + QUOTE,
        "Irving Stone",
    ),
    (
        "a pronoun subject after the phrase goes to the sentence before",
        "Tom Baker runs the port. According to Peter Grant, he wants a new bridge. " + QUOTE,
        "Tom Baker",
    ),
]

#: (pattern, text): the pronoun cannot be resolved, so the speaker has no name.
UNRESOLVED = [
    (
        "only an object person, no subject after the comma",
        "Lucas Moreno runs the port. In an interview with Peter Grant, the mayor drove to the port. "
        + QUOTE,
    ),
    (
        "a participle phrase and a description subject",
        "Speaking with Peter Grant on Monday, the governor toured the port. " + QUOTE,
    ),
]


def _speaker_of_bridge(extractor, text):
    found = [q for q in extractor.extract(text) if "We will build the bridge" in q.text]
    assert len(found) == 1
    q = found[0]
    assert text[q.start : q.end] == q.text
    return q.speaker


@pytest.mark.parametrize(("pattern", "text", "name"), ROWS, ids=[r[0] for r in ROWS])
def test_pronoun_goes_to_the_subject(extractor, pattern, text, name):
    speaker = _speaker_of_bridge(extractor, text)
    assert speaker is not None and speaker.name == name, pattern
    assert speaker.mention.lower() in ("he", "she"), pattern


@pytest.mark.parametrize(("pattern", "text"), UNRESOLVED, ids=[r[0] for r in UNRESOLVED])
def test_pronoun_stays_unresolved(extractor, pattern, text):
    speaker = _speaker_of_bridge(extractor, text)
    assert speaker is not None, pattern
    assert speaker.name is None and speaker.mention == "he", pattern
    assert text[speaker.start : speaker.end] == "he"


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("According to Peter Grant, Tom Baker left.", " Tom Baker left."),
        ("Asked about it, Tom Baker left.", " Tom Baker left."),
        ('"At home," Tom Baker said, "we rest."', None),  # a quote opens the sentence
        ("Irving Stone, the chief, left.", " the chief, left."),  # the caller sees the name
        ("Clinching it is hard for Tom Baker, he said.", None),  # a gerund subject: a clause
        ("In June he sold it, Tom Baker said.", None),
        ("For Tom Baker, the race is personal.", None),  # "for" makes a topic, left alone
    ],
)
def test_fronted_phrase_end(text, rest):
    quoted = SpanCover([(1, 8)]) if text.startswith('"') else SpanCover([])
    end = fronted_phrase_end(text, 0, len(text), quoted)
    assert (None if end is None else text[end:]) == rest


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AaIn ,.\"'bcdSingh1720", max_size=60), st.integers(0, 60))
def test_fronted_phrase_end_stays_in_range(text, hi):
    hi = min(hi, len(text))
    end = fronted_phrase_end(text, 0, hi, SpanCover([]))
    assert end is None or (0 < end <= hi and text[end - 1] == ",")


#: (pattern, text, quote content, expected name, expected type): a name the article writes
#: as ``the <name>`` is a thing, never the antecedent of he/she nor a person speaker.
THINGS = [
    (
        "a body written with the: the pronoun skips it",
        "Tom Baker met the delegates. The Harbor Watch said the bridge was late. "
        'Harbor Watch met again on Monday. "We will build the bridge," he said.',
        "We will build the bridge", "Tom Baker", "person",
    ),
    (
        "a place written with the: no person, the pronoun stays unresolved",
        'The ship sailed near the Kestrel Shoal. Kestrel Shoal was quiet on Monday. "We will wait," he said.',
        "We will wait", None, "person",
    ),
    (
        "a platform is an organisation, and a later it is the platform",
        "In a blog post, Twitter said threats were against its rules. It added that it has worked with groups.",
        "it has worked with groups", "Twitter", "organization",
    ),
    (
        "the body as the speaker is an organisation",
        "The Harbor Watch met in May. The Harbor Watch said the bridge was late.",
        "the bridge was late", "Harbor Watch", "organization",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name", "kind"), THINGS, ids=[r[0] for r in THINGS])
def test_a_thing_is_no_person(extractor, pattern, text, content, name, kind):
    found = [q for q in extractor.extract(text) if q.text == content or q.text == f"that {content}"]
    assert len(found) == 1, pattern
    sp = found[0].speaker
    assert sp is not None and sp.name == name and sp.type.value == kind, pattern


#: (pattern, text, expected name of ``they``): two people joined by ``and`` open a sentence.
THEY = [
    (
        "a pair of named people opening the sentence before",
        "The bill passed on Monday. Senators Mike Dalton and Jim Pryor voted for it. "
        "Last week, they said that the bill would help farmers.",
        "Mike Dalton and Jim Pryor",
    ),
    (
        "a pair after an abbreviated title",
        "The bill passed on Monday. Sens. Mike Dalton and Jim Pryor voted for it. "
        "Last week, they said that the bill would help farmers.",
        "Mike Dalton and Jim Pryor",
    ),
    (
        "a pair that is the object names no they",
        "The bill passed on Monday. The farmers met Mike Dalton and Jim Pryor on Friday. "
        "Last week, they said that the bill would help farmers.",
        None,
    ),
]


@pytest.mark.parametrize(("pattern", "text", "name"), THEY, ids=[r[0] for r in THEY])
def test_they_goes_to_the_pair_opening_a_sentence(fast, pattern, text, name):
    found = [q for q in fast.extract(text) if "the bill would help farmers" in q.text]
    assert len(found) == 1, pattern
    speaker = found[0].speaker
    assert speaker is not None and speaker.mention == "they", pattern
    assert speaker.name == name, pattern


#: (pattern, text, content, expected speaker name): a pronoun after what it reports.
REPORTED_BEFORE = [
    (
        "a name in the content is not the pronoun's: the last speaker before is",
        '"We are tired of waiting," Tom Baker said. Lucas Moreno, who leads the council, '
        "has blocked the bridge for years, he added.",
        "has blocked the bridge", "Tom Baker",
    ),
    (
        "no one spoke before: the content's subject stays the antecedent",
        "The council met on Monday. Tom Baker was in favour of the new bridge from the start, he said.",
        "was in favour of the new bridge", "Tom Baker",
    ),
    (
        "a clause opened by a conjunction is no content",
        '"We are tired of waiting," Lucas Moreno said. When Tom Baker arrived, he said '
        "the bridge would be built.",
        "the bridge would be built", "Tom Baker",
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "name"), REPORTED_BEFORE, ids=[r[0] for r in REPORTED_BEFORE]
)
def test_pronoun_after_its_content(extractor, pattern, text, content, name):
    found = [q for q in extractor.extract(text) if content in q.text]
    assert len(found) == 1, pattern
    assert found[0].speaker is not None and found[0].speaker.name == name, pattern


def test_a_name_after_an_article_is_no_antecedent(extractor):
    text = (
        "Tom Baker spoke on Monday. The plan drew praise from a Northfield Gold Star family in "
        'the town. "We owe them everything," he said.'
    )
    found = [q for q in extractor.extract(text) if "We owe them everything" in q.text]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == "Tom Baker"


def test_first_person_writer_is_kept_unnamed(fast):
    """``“…,” I said.``: the writer speaks; the mention is kept, with no name."""
    text = (
        "The hearing ran late. \"We will rebuild the library this year,\" I said. "
        'Later I told the council, "Nobody here wants to wait another decade."'
    )
    found = {q.text: q for q in fast.extract(text) if q.kind.value == "direct"}
    for content in ("We will rebuild the library this year", "Nobody here wants to wait another decade."):
        q = next(v for k, v in found.items() if content in k)
        assert q.speaker is not None and q.speaker.mention == "I" and q.speaker.name is None


def test_i_inside_a_quote_or_citing_is_no_speaker(fast):
    """``Ann Lee said, and I quote, “…”``: the writer cites Ann Lee; an ``I`` in a quote speaks for no one."""
    text = 'The mayor Ann Lee spoke on Monday. Lee said, and I quote, "The river will rise again soon."'
    (q,) = [q for q in fast.extract(text) if "river will rise" in q.text]
    assert q.speaker is None or q.speaker.mention != "I"


#: (pattern, text, content, mention, name): "it" takes no group, "we" nobody, "they" a group.
GROUP_PRONOUNS = [
    (
        "it is no group that spoke",
        "Aides briefed on the plan said the mayor would sign it on Friday. "
        "But it shows that the city is running out of money.",
        "the city is running out of money", "it", None,
    ),
    (
        "they still goes to the group",
        "Aides briefed on the plan said the mayor would sign it on Friday. "
        "They said the city is running out of money.",
        "the city is running out of money", "They", "Aides",
    ),
    (
        "we outside a quote is the writer, not the group that spoke",
        "Local groups said the harbor plan would fail. "
        "We asked our readers what they thought of the plan.",
        "what they thought of the plan", "We", None,
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "mention", "name"), GROUP_PRONOUNS, ids=[r[0] for r in GROUP_PRONOUNS]
)
def test_group_pronouns(fast, pattern, text, content, mention, name):
    q = only_quote(fast, text, content)
    assert q.speaker is not None, pattern
    assert (q.speaker.mention, q.speaker.name) == (mention, name), pattern

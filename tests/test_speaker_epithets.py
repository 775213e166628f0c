"""A description of a named person (``the New York businessman``) resolves to that person.

Made-up sentences, one row per pattern (`quotes.speakers.epithets`): the description
takes the name of the one compatible person the nearby text makes its subject (or the only
person it names), and keeps itself as ``role``; with two candidates, an unnamed person
introduced by the same noun, a person of the other gender, party or office, or a relative
clause that introduces someone, it stays the description.
"""

from __future__ import annotations

import pytest
from conftest import only_quote

from quotes.lexicon import epithet_nouns
from quotes.models import SpeakerType
from quotes.speakers.epithets import description_head

#: (pattern, text, quote content, expected name, expected mention)
RESOLVED = [
    (
        "the last speaker goes on under a description nobody else fits",
        'Tom Becker asked Ann Ruiz about the film on Sunday. "I loved it," she replied. '
        "The actress said she was tired of the old roles.",
        "she was tired of the old roles", "Ann Ruiz", "The actress",
    ),
    (
        "home-state party epithet: the subject, though another person is named",
        "House Speaker Walter Brandt met Governor Anne Lowe on Monday. "
        '"The budget will pass," the Ohio Republican said.',
        "The budget will pass", "Walter Brandt", "the Ohio Republican",
    ),
    (
        "occupation after the subject of the sentence before",
        "Donald Trump is taking questions in an Elks Lodge in Salem. "
        '"The crisis is terrible," the billionaire businessman said.',
        "The crisis is terrible", "Donald Trump", "the billionaire businessman",
    ),
    (
        "state and office: the title before the name",
        'Sen. Bernie Sanders (I-Vt.) spoke on Sunday. "We will win this," the Vermont senator said.',
        "We will win this", "Bernie Sanders", "the Vermont senator",
    ),
    (
        "the subject of the sentence before goes on as the next sentence's subject",
        "Rosa Ibarra met privately with Bishop Tom Becker on Saturday. "
        "The Democratic presidential candidate said the meeting was not an endorsement.",
        "the meeting was not an endorsement", "Rosa Ibarra", "The Democratic presidential candidate",
    ),
    (
        "a dateline before the subject of the sentence before",
        "Bishop meets candidate.\n\nBERLIN - Rosa Ibarra met privately with Bishop Tom Becker on Saturday. "
        "The Democratic presidential candidate said the meeting was not an endorsement.",
        "the meeting was not an endorsement", "Rosa Ibarra", "The Democratic presidential candidate",
    ),
    (
        "no subject: the one person named just before holds the office nobody is titled with",
        "The speech Rosa Ibarra gave on Tuesday drew a large crowd. "
        "The former secretary of state said the plan would fail.",
        "the plan would fail", "Rosa Ibarra", "The former secretary of state",
    ),
    (
        "home-state party epithet: the person who spoke last, though another person is named",
        '"The budget will pass," Walter Brandt said after meeting Tom Becker. '
        "The Ohio Republican said taxes would fall next year.",
        "taxes would fall next year", "Walter Brandt", "The Ohio Republican",
    ),
    (
        "fronted phrase before the subject",
        'On Thursday, Mark Delaney toured the plant. "Jobs are coming back," the investor said.',
        "Jobs are coming back", "Mark Delaney", "the investor",
    ),
    (
        "party epithet after a titled name",
        'Republican Sen. Walter Brandt visited the base. "The troops deserve better," the Ohio Republican said.',
        "The troops deserve better", "Walter Brandt", "the Ohio Republican",
    ),
    (
        "office with the title in the same article, two people but one senator",
        'Gov. Alan Pierce met Sen. Rosa Ibarra in Denver. "The bill is dead," the senator said.',
        "The bill is dead", "Rosa Ibarra", "the senator",
    ),
    (
        "office with an of tail and its modifier",
        "Former Secretary of State Hillary Clinton spoke in Ohio on Monday. "
        '"We will win," the former secretary of state said.',
        "We will win", "Hillary Clinton", "the former secretary of state",
    ),
    (
        "description as the subject of a report",
        "Gina Morales spoke at the gala. The actress said the industry had to change.",
        "the industry had to change", "Gina Morales", "The actress",
    ),
    (
        "an office the article never titles: the one untitled subject",
        'Rosa Ibarra spoke on Sunday. "We will win this," the senator said.',
        "We will win this", "Rosa Ibarra", "the senator",
    ),
    (
        "no subject, but the window names one person only",
        'Yet it was unclear whether Rosa Ibarra was ready. "We will win this," the Democratic candidate said.',
        "We will win this", "Rosa Ibarra", "the Democratic candidate",
    ),
]

#: (pattern, text, quote content, expected description kept as name)
KEPT = [
    (
        "two senators: the description stays",
        'Sen. Rosa Ibarra spoke on Sunday. Sen. Tom Becker also came. "We will win this," the senator said.',
        "We will win this", "senator",
    ),
    (
        "an unnamed person introduced by the same noun",
        'A judge in Ohio ruled on Friday, after Tom Becker appealed. "The law is clear," the judge said.',
        "The law is clear", "judge",
    ),
    (
        "a person of the other gender",
        'Hillary Clinton spoke on Sunday. "We will win this," the businessman said.',
        "We will win this", "businessman",
    ),
    (
        "another person named between the subject and the description",
        'Jeb Bush went after Donald Trump at the debate. "He is a chaos candidate," the former Florida governor said.',
        "He is a chaos candidate", "former Florida governor",
    ),
    (
        "the subject of the sentence before asks the next person named",
        "At the forum, host Dan Riley asked Tom Becker about the race. "
        "The candidate said he would win the state by ten points.",
        "he would win the state", "candidate",
    ),
    (
        "no subject: the office is one the article titles someone else with",
        "Gov. Tom Becker and Gov. Ann Ruiz toured the plant last month. There were no jobs.\n\n"
        "The speech Rosa Ibarra gave on Tuesday drew a large crowd. "
        "The governor said the plan would fail.",
        "the plan would fail", "governor",
    ),
    (
        "an occupation does not fit a person with an office",
        'Gov. Alan Pierce toured the plant. "Jobs are coming back," the investor said.',
        "Jobs are coming back", "investor",
    ),
    (
        "an untitled subject and another untitled person: the office stays",
        'Rosa Ibarra spoke with Tom Becker on Sunday. "We will win this," the senator said.',
        "We will win this", "senator",
    ),
    (
        "an untitled subject while the article titles others with the office",
        'Sen. Tom Becker and Sen. Ann Ruiz were in Iowa on Friday. Much later, in another city, Rosa Ibarra spoke on Sunday. '
        'The crowd cheered. "We will win this," the senator said.',
        "We will win this", "senator",
    ),
    (
        "an untitled subject who holds another office",
        'Gov. Rosa Ibarra spoke on Sunday. "We will win this," the senator said.',
        "We will win this", "senator",
    ),
    (
        "a description of another party",
        'Democratic candidate Rosa Ibarra spoke on Sunday. "We will win this," the Ohio Republican said.',
        "We will win this", "Ohio Republican",
    ),
    (
        "a restrictive relative clause introduces someone new",
        'Rosa Ibarra spoke on Sunday. The lifelong Republican who wrote her speech said he was proud.',
        "he was proud", "lifelong Republican",
    ),
    (
        "no subject and two people in the window",
        'Yet it was unclear whether Rosa Ibarra would meet Tom Becker. "We will win this," the candidate said.',
        "We will win this", "candidate",
    ),
    (
        "an of tail needs the modifier in the title (former)",
        'Secretary of State John Kerry spoke in Ohio on Monday. "We will win," the former secretary of state said.',
        "We will win", "former secretary of state",
    ),
    (
        "someone else's person (possessive)",
        'Tom Becker spoke on Sunday. "We will win this," the congressman\'s spokesman said.',
        "We will win this", "congressman's spokesman",
    ),
    (
        "the last speaker, but another person who fits is named since",
        'Ann Ruiz spoke with Maria Lopez about the film. "I loved it," Ruiz said. '
        "The actress said she was tired of the old roles.",
        "she was tired of the old roles", "actress",
    ),
    (
        "a generic noun is not listed",
        'Tom Becker spoke on Sunday. "We will win this," the man said.',
        "We will win this", "man",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name", "mention"), RESOLVED, ids=[r[0] for r in RESOLVED])
def test_description_resolves_to_the_named_person(extractor, pattern, text, content, name, mention):
    q = only_quote(extractor, text, content)
    assert q.speaker is not None, pattern
    assert (q.speaker.name, q.speaker.mention, q.speaker.type) == (name, mention, SpeakerType.PERSON)
    assert q.speaker.role  # the description, or the title the article gives


@pytest.mark.parametrize(("pattern", "text", "content", "kept"), KEPT, ids=[r[0] for r in KEPT])
def test_description_stays_when_the_person_is_not_certain(extractor, pattern, text, content, kept):
    q = only_quote(extractor, text, content)
    assert q.speaker is not None, pattern
    assert q.speaker.name == kept


def test_resolved_description_keeps_itself_as_role(fast):
    text = 'Mark Delaney toured the plant. "Jobs are coming back," the billionaire investor said.'
    q = only_quote(fast, text, "Jobs are coming back")
    assert (q.speaker.name, q.speaker.role) == ("Mark Delaney", "billionaire investor")


def test_description_head_reads_an_of_tail():
    assert description_head(["the", "former", "secretary", "of", "state"]) == ("secretary", ["former"], ["state"])
    assert description_head(["the"]) is None


def test_epithet_table_leaves_out_generic_nouns():
    table = epithet_nouns()
    assert not {"man", "woman", "official", "spokesman", "source", "aide"} & set(table)
    assert {kind for _gender, kind in table.values()} == {"office", "occupation", "epithet"}


#: (pattern, text, content, expected name): a he/she after a sentence a description opens.
SUBJECT_DESCRIPTIONS = [
    (
        "the description the sentence before opens names the person, not a name before it",
        "Mayor Tom Baker opened the fair on Monday. Lucas Moreno, a local farmer, sold apples "
        "there. The mayor rode a bike across the new bridge. Last year, he said the town would "
        "pay for all of it.",
        "the town would pay", "Tom Baker",
    ),
    (
        "a description that names no one leaves the pronoun to the name before",
        "Tom Baker opened the fair on Monday. The actor rode a bike across the new bridge. "
        '"The town will pay for all of it," he said.',
        "The town will pay", "Tom Baker",
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "name"), SUBJECT_DESCRIPTIONS, ids=[r[0] for r in SUBJECT_DESCRIPTIONS]
)
def test_pronoun_after_a_described_subject(extractor, pattern, text, content, name):
    q = only_quote(extractor, text, content)
    assert q.speaker is not None and q.speaker.name == name, pattern


def test_untitled_office_passes_over_a_topic(fast):
    """``Rosa Ibarra, after announcing her support for Tom Becker, ...``: a topic is no rival."""
    text = (
        "Rosa Ibarra, a month after announcing her support for Tom Becker, still doubts the plan. "
        '"I stand by what I said," the Ohio senator told reporters.'
    )
    q = only_quote(fast, text, "I stand by what I said")
    assert q.speaker is not None and q.speaker.name == "Rosa Ibarra"
    assert q.speaker.mention == "the Ohio senator"


def test_untitled_office_keeps_a_partner_as_rival(fast):
    """``spoke with Tom Becker``: the partner could be the senator; the description stays."""
    text = 'Rosa Ibarra spoke with Tom Becker on Sunday. "We will win this," the Ohio senator said.'
    q = only_quote(fast, text, "We will win this")
    assert q.speaker is not None and q.speaker.name == "Ohio senator"


#: (pattern, text, quote content, expected name): the recent subject, or the title holder.
SUBJECT_OVER_OTHERS = [
    (
        "a current title holder elsewhere leaves the former one to the untitled subject",
        "President Ann Lee met voters in Ohio. The crowd was large. The weather was fine. "
        'Tom Becker spoke at a rally in Brooklyn on Monday. "We did well," the former president said.',
        "We did well", "Tom Becker",
    ),
    (
        "the current title holder is the president",
        "President Ann Lee met voters in Ohio. The crowd was large. The weather was fine. "
        'Tom Becker spoke at a rally in Brooklyn on Monday. "We did well," the president said.',
        "We did well", "Ann Lee",
    ),
    (
        "a topic (after 'for') is no rival",
        'Tom Becker voiced his support for Maria Lopez on Monday. "She will win this race," the candidate said.',
        "She will win this race", "Tom Becker",
    ),
    (
        "a topic behind its role words, an office with an of tail",
        "Maria Lopez went on offense against Republican front-runner Tom Becker on Monday. "
        '"We will not back down," the former secretary of state said.',
        "We will not back down", "Maria Lopez",
    ),
    (
        "a topic behind its role words, an epithet",
        "Maria Lopez went on offense against Republican front-runner Tom Becker on Monday. "
        '"We will not back down," the presumptive nominee said.',
        "We will not back down", "Maria Lopez",
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "name"), SUBJECT_OVER_OTHERS, ids=[r[0] for r in SUBJECT_OVER_OTHERS]
)
def test_subject_over_topics_and_current_holders(fast, pattern, text, content, name):
    """``President Ann Lee`` elsewhere, ``support for Maria Lopez``, ``against Republican
    front-runner Tom Becker``: no rival of the subject for the description."""
    q = only_quote(fast, text, content)
    assert q.speaker is not None and q.speaker.name == name, pattern

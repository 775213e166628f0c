"""A poll, study or report as the source: the speaker is its issuer when the phrase names one.

Made-up sentences (`quotes.speakers.documents`): the issuer written before the document
noun (``A Quinnipiac University poll``) or after ``by``/``from`` (``a study by the
watchdog group Media Matters``) becomes the speaker's name, the document its role; a
document that names nobody (``the poll``), a date (``a June poll``), a capital of a
headline (``New Poll``) or an office (``Ryan's office``) keeps its description.
"""

from __future__ import annotations

import pytest

from conftest import only_quote
from quotes.models import SpeakerType
from quotes.speakers.documents import document_phrase
from quotes.text.tokens import tokens

#: (pattern, text, quote content, expected name, expected type)
ROWS = [
    (
        "a pollster before the noun",
        "The race is close. A Marlow University poll released Tuesday found that Smith leads "
        "by four points.",
        "Smith leads by four points", "Marlow University", SpeakerType.ORGANIZATION,
    ),
    (
        "two pollsters joined by a slash",
        "The race is close. The latest Dunmore/Ostrava poll showed that voters were angry.",
        "voters were angry", "Dunmore/Ostrava", SpeakerType.ORGANIZATION,
    ),
    (
        "an issuer after by, behind its description",
        "The network was quiet. A study by the liberal watchdog group Penwick Watch found "
        "that the network ignored the story.",
        "the network ignored the story", "Penwick Watch", SpeakerType.ORGANIZATION,
    ),
    (
        "an issuer after from, with its inner of the",
        "Schools are short of money. A report from the Council of the Lesser City Schools "
        "said the schools were underfunded.",
        "the schools were underfunded", "Council of the Lesser City Schools",
        SpeakerType.ORGANIZATION,
    ),
    (
        "an owner before 's",
        "Dana Whitfield was at the meeting. According to Whitfield's account, the mayor "
        "shouted at the staff.",
        "the mayor shouted at the staff", "Dana Whitfield", SpeakerType.PERSON,
    ),
    (
        "a person with a title after by",
        "Fraud is rare. A 2014 study by Dunmore Law School professor Justin Oakes found "
        "that fraud was rare in every state.",
        "fraud was rare in every state", "Justin Oakes", SpeakerType.PERSON,
    ),
    (
        "a summary's issuer before the noun",
        "The inquiry ended in May. According to a Harbour Police summary of its inquiry, the "
        "clerk had deleted the files.",
        "the clerk had deleted the files", "Harbour Police", SpeakerType.ORGANIZATION,
    ),
    (
        "records speak for the body that keeps them",
        "The fund grew last year. Lakeland Election Board records show that the fund raised "
        "$3 million.",
        "the fund raised $3 million", "Lakeland Election Board", SpeakerType.ORGANIZATION,
    ),
]

#: (pattern, text, quote content, expected name): ``the poll`` refers back to a named poll
BACK = [
    (
        "the poll after a named poll",
        "A Marlow University poll released Tuesday shows a close race. Smith has gained "
        "ground since May. The poll found that Smith leads by four points.",
        "Smith leads by four points", "Marlow University",
    ),
    (
        "a survey is a poll",
        "A Marlow University poll released Tuesday shows a close race. The survey also "
        "found that voters were unhappy with both men.",
        "voters were unhappy with both men", "Marlow University",
    ),
    (
        "two pollsters before: the description stays",
        "A Marlow University poll shows a close race, and a Dunmore College poll agrees. "
        "The poll found that Smith leads by four points.",
        "Smith leads by four points", "poll",
    ),
    (
        "the poll just before, another pollster earlier in the article",
        "A Dunmore College poll last year found the race even. Voters have moved since. "
        "A Marlow University poll released Tuesday shows a close race. Smith has gained "
        "ground since May. The poll found that Smith leads by four points.",
        "Smith leads by four points", "Marlow University",
    ),
    (
        "a partner's own poll just before, their joint poll earlier: the description stays",
        "A Marlow/Dunmore poll released Tuesday shows a close race. Voters have moved "
        "since. Smith has gained ground. A Dunmore poll last month had him behind. "
        "The poll found that Smith leads by four points.",
        "Smith leads by four points", "poll",
    ),
    (
        "the statement of someone who said something in a statement",
        '"We are proud of the vote," Dana Whitfield said in a statement on Monday. '
        "The statement added that the vote was a victory.",
        "the vote was a victory", "Dana Whitfield",
    ),
    (
        "the email a named campaign sent",
        "The Oakes campaign sent a fundraising email on Wednesday. The email said that the "
        "race was far from over.",
        "the race was far from over", "Oakes campaign",
    ),
    (
        "the letter a dean of a school published is the dean's",
        "The dean of Lakeland's Graduate School of Music has published a letter. The letter "
        "said that the school was underfunded.",
        "the school was underfunded", "letter",
    ),
    (
        "a campaign's statement is the campaign's, not its candidate's",
        "A statement issued by the Oakes campaign on Tuesday said little. The statement "
        "said that the race was far from over.",
        "the race was far from over", "statement",
    ),
    (
        "the summary after a named summary",
        "According to a Harbour Police summary of its inquiry, the clerk had deleted the "
        "files. Two of them were backed up. The clerk did not tell anyone, according to "
        "the summary.",
        "The clerk did not tell anyone", "Harbour Police",
    ),
]

#: (pattern, text, quote content, the name that must not come out)
KEPT = [
    (
        "a poll that names nobody",
        "Voters are restless. The poll found that Smith leads by four points.",
        "Smith leads by four points", "Smith",
    ),
    (
        "a month is no pollster",
        "Voters are restless. A June poll found that Smith leads by four points.",
        "Smith leads by four points", "June",
    ),
    (
        "an office is left as it is",
        "The bill passed. A statement from Ryan's office said that the vote was a victory.",
        "the vote was a victory", "Ryan",
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "name", "kind"), ROWS, ids=[r[0] for r in ROWS]
)
def test_document_speaks_for_its_issuer(fast, pattern, text, content, name, kind):
    q = only_quote(fast, text, content)
    assert q.speaker is not None, pattern
    assert (q.speaker.name, q.speaker.type) == (name, kind), pattern
    assert q.speaker.role, pattern  # the document, or the person's own role


@pytest.mark.parametrize(("pattern", "text", "content", "wrong"), KEPT, ids=[r[0] for r in KEPT])
def test_document_without_issuer_keeps_its_description(fast, pattern, text, content, wrong):
    q = only_quote(fast, text, content)
    assert q.speaker is None or q.speaker.name != wrong, pattern


def test_document_phrase_finds_the_noun_before_any_preposition():
    for text, expected in [
        ("A Quinnipiac University poll", 3),
        ("a study by the group", 1),
        ("a spokesman for the poll", None),
        ("The latest Rasmussen Reports poll", 4),
    ]:
        assert document_phrase(tokens(text, 0, len(text))) == expected, text


@pytest.mark.parametrize(("pattern", "text", "content", "name"), BACK, ids=[r[0] for r in BACK])
def test_the_poll_refers_back_to_the_one_named_poll(fast, pattern, text, content, name):
    q = only_quote(fast, text, content)
    assert q.speaker is not None and q.speaker.name == name, pattern


#: (pattern, text, quote content, expected name): an organisation named by its whole name
WHOLE_NAMES = [
    (
        "a department of something",
        "The bay is empty. After an inquiry, the Department of Fisheries found that the city "
        "had overfished the bay.",
        "that the city had overfished the bay", "Department of Fisheries",
    ),
    (
        "a university of a place, after the content",
        "Prices rose in the spring. Consumer confidence has been higher than in any year since "
        "2004, the University of Lakeland reported last week.",
        "Consumer confidence has been higher", "University of Lakeland",
    ),
    (
        "a center for something is no person 'Responsive Politics'",
        "Spending rose this year. The Center for Honest Budgets said that spending rose by "
        "a third.",
        "that spending rose by a third", "Center for Honest Budgets",
    ),
    (
        "a chamber of commerce",
        "The parade was cancelled. The Lakeland Chamber of Commerce said that the parade "
        "would return next year.",
        "that the parade would return next year", "Lakeland Chamber of Commerce",
    ),
    (
        "an association led by a nationality word is no person 'Bar Association'",
        "The judge was nominated in May. The American Harbor Association said that the "
        "judge was well qualified.",
        "that the judge was well qualified", "American Harbor Association",
    ),
    (
        "an association led by 'National'",
        "The bill passed on Monday. The National Kite Association said that the bill went "
        "too far.",
        "that the bill went too far", "National Kite Association",
    ),
]


@pytest.mark.parametrize(
    ("pattern", "text", "content", "name"), WHOLE_NAMES, ids=[r[0] for r in WHOLE_NAMES]
)
def test_organisation_keeps_its_whole_name(fast, pattern, text, content, name):
    q = only_quote(fast, text, content)
    assert q.speaker is not None, pattern
    assert (q.speaker.name, q.speaker.type) == (name, SpeakerType.ORGANIZATION), pattern


def test_it_after_a_document_is_the_document_speaker(fast):
    text = (
        "The Harbor League sent a fundraising email on Monday saying the race was close. "
        '"We can win this," the email read. It stated that the mayor was worried about the polls.'
    )
    q = only_quote(fast, text, "the mayor was worried")
    assert q.speaker is not None
    who = (q.speaker.name, q.speaker.mention, q.speaker.type)
    assert who == ("Harbor League", "It", SpeakerType.ORGANIZATION)
    # no issuer named: the document's description
    text = (
        "The congressional report said the fund had lost money. "
        "It accused the board of hiding the losses."
    )
    q = only_quote(fast, text, "the board of hiding the losses")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention) == ("congressional report", "It")
    # a person named in between: not guessed
    text = (
        "The congressional report said the fund had lost money. Mayor Ann Lee disputed the figures. "
        "It accused the board of hiding the losses."
    )
    q = only_quote(fast, text, "the board of hiding the losses")
    assert q.speaker is None or q.speaker.name is None


def test_respondents_of_a_named_poll_speak_for_its_issuer(fast):
    text = "One in three voters in a Harbor Gazette poll said the mayor should resign."
    q = only_quote(fast, text, "the mayor should resign")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.type) == ("Harbor Gazette", SpeakerType.ORGANIZATION)
    text = "The results of the latest Brenmoor University poll show the mayor ahead by ten points."
    q = only_quote(fast, text, "the mayor ahead by ten points")
    assert q.speaker is not None and q.speaker.name == "Brenmoor University"
    # voters in a place, no poll: the group stays
    text = "Most voters in Harbor County said the mayor should resign."
    q = only_quote(fast, text, "the mayor should resign")
    assert q.speaker is not None and q.speaker.type is SpeakerType.GROUP

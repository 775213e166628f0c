"""A surname alone resolves to the person the article names, when only one can be meant.

Made-up sentences: ``Mrs. Clinton`` where the article names Hillary and Bill Clinton is
Hillary Clinton, ``Mr. Clinton`` Bill Clinton, and a later ``she`` follows; a bare
``Clinton`` right after both are named, or ``Mr. Trump`` with two men named Trump, stays
the surname; a bare surname goes to the person named in full first while nothing puts
that in doubt (`quotes.speakers.surnames`). A word
opening a clause before a surname (``Like Corker, ...``, ``Interestingly Blocher``) is
no second person of that surname, and a nickname (``Chuck Grassley``) names the same
person as the given name (``Charles Grassley``).
"""

from __future__ import annotations

import pytest

from quotes.speakers.names import clause_opener, surname_people
from quotes.speakers.surnames import RECENT_CHARS, SharedSurnames

COUPLE = "Hillary Clinton and Bill Clinton arrived in Ohio on Sunday. "

#: (pattern, text, quote content, expected name)
ROWS = [
    ("Mrs. picks the woman", COUPLE + '"We will win," Mrs. Clinton said.', "We will win", "Hillary Clinton"),
    ("Mr. picks the man", COUPLE + '"We will win," Mr. Clinton said.', "We will win", "Bill Clinton"),
    (
        "a pronoun after the honorific mention",
        COUPLE + 'Mrs. Clinton spoke first. "It was a long day," she said.',
        "It was a long day", "Hillary Clinton",
    ),
    ("no honorific: the surname stays", COUPLE + '"We will win," Clinton said.', "We will win", "Clinton"),
    (
        "two men: the surname stays",
        'Donald Trump and Donald Trump Jr. arrived in Ohio. "We will win," Mr. Trump said.',
        "We will win", "Trump",
    ),
    (
        "a title with no gender: the surname stays",
        COUPLE + '"We will win," Sen. Clinton said.',
        "We will win", "Clinton",
    ),
    (
        "Mrs. beside a man: the one person of unknown gender",
        'Kim Ross and Bill Ross came to Ohio. "It was a long day," Mrs. Ross said.',
        "It was a long day", "Kim Ross",
    ),
    (
        "Mr. beside a woman: the one person of unknown gender",
        'Kim Ross and Mary Ross came to Ohio. "It was a long day," Mr. Ross said.',
        "It was a long day", "Kim Ross",
    ),
    (
        "Mrs. beside two people of unknown gender: the surname stays",
        'Kim Ross and Robin Ross came to Ohio. "It was a long day," Mrs. Ross said.',
        "It was a long day", "Ross",
    ),
    (
        "a surname with an honorific the one full name cannot have: another person",
        'Mary Harlow opened the fair on Monday. Mr. Harlow arrived later. '
        '"We are proud of this town," President Harlow said.',
        "We are proud of this town", "Harlow",
    ),
    (
        "the other person's title: a description goes to the surname, not the full name",
        'Mary Harlow opened the fair on Monday. Mr. Harlow arrived later. '
        'President Harlow toured the stands. "We are proud of this town," the president said.',
        "We are proud of this town", "Harlow",
    ),
    (
        "the honorific of the full name's gender still gives the full name",
        'Mary Harlow opened the fair on Monday. Mr. Harlow arrived later. '
        '"We are proud of this town," Mrs. Harlow said.',
        "We are proud of this town", "Mary Harlow",
    ),
    (
        "no honorific of the other gender: the surname is the full name's",
        'Mary Harlow opened the fair on Monday. "We are proud of this town," Harlow said.',
        "We are proud of this town", "Mary Harlow",
    ),
    (
        "she after a bare surname in doubt: the one woman of it",
        COUPLE + 'Clinton spoke first. "It was a long day," she said.',
        "It was a long day", "Hillary Clinton",
    ),
    (
        "he after a bare surname in doubt: the one man of it",
        COUPLE + 'Clinton spoke first. "It was a long day," he said.',
        "It was a long day", "Bill Clinton",
    ),
    (
        "a namesake of unknown gender: the pronoun keeps the surname",
        'Kim Ross and Bill Ross came to Ohio. Ross spoke first. "It was a long day," he said.',
        "It was a long day", "Ross",
    ),
    (
        "he skips a bare surname whose principal is a woman",
        'Hillary Clinton debated Bernie Sanders on Sunday. Clinton answered Sanders calmly. '
        '"The system is rigged," he said. Bill Clinton watched from the front row.',
        "The system is rigged", "Bernie Sanders",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name"), ROWS, ids=[r[0] for r in ROWS])
def test_shared_surname(extractor, pattern, text, content, name):
    found = [q for q in extractor.extract(text) if content in q.text]
    assert len(found) == 1, pattern
    q = found[0]
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and q.speaker.name == name, pattern


def test_surname_people_groups_forms_of_one_person():
    people = surname_people(["Hillary Rodham Clinton", "Hillary Clinton", "Bill Clinton", "Jeb Bush"])
    assert people == {"Clinton": ["Hillary Rodham Clinton", "Bill Clinton"]}
    assert surname_people(["Jeb Bush", "Jeb Bush"]) == {}


#: (pattern, text, quote content, expected name)
OPENERS = [
    (
        "a preposition before the surname",
        "Sen. Bob Corker spoke on Monday. Like Corker, Sen. Ana Ruiz rejected the deal. "
        '"It is a bad deal," Corker said.',
        "It is a bad deal", "Bob Corker",
    ),
    (
        "an adverb before the surname",
        "Christoph Blocher led the party for years. Interestingly Blocher, a wealthy industrialist, "
        'stayed out of the race. "We will win," Blocher said.',
        "We will win", "Christoph Blocher",
    ),
    (
        "an -ing word before a surname, in a run of two words",
        "Mary Vale and Tom Baker spoke at noon on Monday. Following Baker on the radio, Vale "
        'seemed to plead with the crowd. "I did not put down conditions," she said.',
        "I did not put down conditions", "Mary Vale",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name"), OPENERS, ids=[r[0] for r in OPENERS])
def test_clause_opener_is_no_second_person(extractor, pattern, text, content, name):
    found = [q for q in extractor.extract(text) if content in q.text]
    assert len(found) == 1, pattern
    assert found[0].speaker is not None and found[0].speaker.name == name, pattern


def test_clause_opener_keeps_given_names():
    assert clause_opener("Reportedly") and clause_opener("Without")
    assert not any(clause_opener(w) for w in ["Beverly", "Kelly", "Rasheed", "Ted", "Reed"])


def test_nickname_and_given_name_are_one_person(extractor):
    text = (
        "Sen. Charles Grassley chairs the committee. Chuck Grassley has held the seat since 1981. "
        '"We will hold hearings," Grassley said.'
    )
    found = [q for q in extractor.extract(text) if "hold hearings" in q.text]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == "Charles Grassley"


def test_surname_people_joins_a_nickname_to_its_given_name():
    assert surname_people(["Bill Clinton", "William Clinton"]) == {}
    assert surname_people(["Bill Clinton", "Hillary Clinton"]) == {"Clinton": ["Bill Clinton", "Hillary Clinton"]}


#: A date word before a full name is no part of it; a title surname after a middle initial is.
NAME_EDGES = [
    (
        "a lower-case particle in a surname",
        '"It was nonsense," Mayor Bill de Blasio said.',
        "It was nonsense", "Bill de Blasio",
    ),
    (
        "a given name that is also a country",
        '"The comments were fair," said Chad Sweet, the campaign chairman.',
        "The comments were fair", "Chad Sweet",
    ),
    (
        "a title word as a surname after an initial, then 'of' a place",
        '"It will not be easy," said Representative Peter T. King of New York, who backs him.',
        "It will not be easy", "Peter T. King",
    ),
    (
        "the and a capitalised word: an organisation, no person",
        '"The mayor broke the rules," The Ledger reported.',
        "The mayor broke the rules", "Ledger",
    ),
    (
        "a nationality before a capitalised word: an organisation",
        "The Canadian Legion said it would sue.",
        "it would sue", "Canadian Legion",
    ),
    (
        "a month after a preposition",
        'In June Tom Baker visited the plant. "We will expand," he said.',
        "We will expand", "Tom Baker",
    ),
    (
        "a weekday after a preposition",
        'Since Monday Anna Klein has led the talks. "We are close," she said.',
        "We are close", "Anna Klein",
    ),
    (
        "a given name that is a month stays",
        'June Carter Cash sang in Ohio. "We will expand," she said.',
        "We will expand", "June Carter Cash",
    ),
    ("a title surname after a middle initial", '"We will expand," Peter T. King said.', "We will expand", "Peter T. King"),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name"), NAME_EDGES, ids=[r[0] for r in NAME_EDGES])
def test_name_edges(extractor, pattern, text, content, name):
    found = [q for q in extractor.extract(text + "\n") if q.text == content]
    assert [q.speaker.name for q in found if q.speaker] == [name], pattern


#: Sentences that move the text on past ``RECENT_CHARS`` characters.
FILLER = "The hall was full and the crowd waited for hours in the cold before the doors opened. " * 8

#: (pattern, text, quote content, expected name)
PRINCIPAL = [
    (
        "the person named in full first, the other named later",
        'Hillary Clinton spoke in Ohio on Monday. "We will win," Clinton said. Her husband, Bill Clinton, was there.',
        "We will win", "Hillary Clinton",
    ),
    (
        "the other named long before, the principal named again since",
        "Hillary Clinton spoke in Ohio. Her husband, Bill Clinton, was there. " + FILLER
        + 'Hillary Clinton took questions. "We will win," Clinton said.',
        "We will win", "Hillary Clinton",
    ),
    (
        "another person of the surname named just before: the surname stays",
        'Sean Smith died in 2012. His mother, Patricia Smith, spoke on Monday. "I know what I heard," Smith said.',
        "I know what I heard", "Smith",
    ),
    (
        "the doubt lasts until the principal is named in full again",
        'Sean Smith died in 2012. His mother, Patricia Smith, spoke on Monday. "I know," Smith said. '
        + FILLER + '"She lied to me," Smith said.',
        "She lied to me", "Smith",
    ),
    (
        "the sentence names the principal after the surname: someone else",
        "Hillary Clinton spoke in Ohio. Her husband, Bill Clinton, was there. " + FILLER
        + '"She is ready," Clinton said of Hillary Clinton.',
        "She is ready", "Clinton",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name"), PRINCIPAL, ids=[r[0] for r in PRINCIPAL])
def test_bare_shared_surname(extractor, pattern, text, content, name):
    assert len(FILLER) > RECENT_CHARS
    found = [q for q in extractor.extract(text) if q.text == content]
    assert len(found) == 1, pattern
    assert found[0].speaker is not None and found[0].speaker.name == name, pattern


def test_shared_surnames_chain_and_gender():
    people = {"Bush": ["Jeb Bush", "Barbara Bush"]}
    mentions = [
        (0, "Jeb Bush"), (30, "Bush"), (2000, "Barbara Bush"), (2020, "Jeb Bush"), (2040, "Bush"), (4000, "Bush"),
        (5000, "Jeb Bush"), (5050, "Bush"),
    ]
    genders = {"Jeb Bush": "male", "Barbara Bush": "female"}
    shared = SharedSurnames(people, mentions, gender=genders.get)
    starts = [0]
    assert shared.principal("Bush", 30, starts) == "Jeb Bush"
    assert shared.principal("Bush", 30, starts, "female") is None  # "Mrs. Bush" is not Jeb
    assert shared.principal("Bush", 2040, starts) is None  # Barbara just named
    assert shared.principal("Bush", 4000, starts) is None  # the doubt carries on
    assert shared.principal("Bush", 5050, starts) == "Jeb Bush"  # until Jeb is named in full again
    assert shared.principal("Bush", 10, starts) is None  # before anyone is named in full
    assert shared.principal("Cruz", 30, starts) is None


def test_name_written_as_a_thing_gives_no_short_form(extractor):
    text = (
        "Many voters have jumped on the Vance Express, a bus tour across the state. "
        '"We will carry Ohio," Vance said on Monday.'
    )
    found = [q for q in extractor.extract(text) if "We will carry Ohio" in q.text]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == "Vance"

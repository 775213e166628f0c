"""A description of a news outlet (``the newspaper``) resolves to the outlet the article names.

Made-up sentences (`quotes.speakers.outlets`): the outlet of the description's kind named in
the sentence or the two before it gives the name, the description the role; with two such
outlets, none, or only a wire service for a bare ``the agency``, the description stays and is
typed an organisation. Descriptions of an unnamed person are typed anonymous.
"""

from __future__ import annotations

import pytest

from conftest import only_quote
from quotes.models import SpeakerType
from quotes.speakers.outlets import OutletIndex

#: (pattern, text, quote content, expected name, expected type)
ROWS = [
    (
        "the paper's editorial board",
        'Enter The Harbor Herald. "He is a dreamer," the paper\'s editorial board wrote.',
        "He is a dreamer", "Harbor Herald", SpeakerType.ORGANIZATION,
    ),
    (
        "a newspaper named in the sentence before",
        'The Boston Globe reported the deal on Monday. "It was signed in May," the newspaper said.',
        "It was signed in May", "Boston Globe", SpeakerType.ORGANIZATION,
    ),
    (
        "a short masthead takes the fuller name",
        "The Boston Globe reported the deal on Monday. The Globe asked the mayor. "
        '"It was signed in May," the paper said.',
        "It was signed in May", "Boston Globe", SpeakerType.ORGANIZATION,
    ),
    (
        "a bare masthead after the fuller one is that paper",
        "The Harbor City Times reported the deal on Monday. "
        '"It was signed in May," the Times said.',
        "It was signed in May", "Harbor City Times", SpeakerType.ORGANIZATION,
    ),
    (
        "a bare masthead after two fuller ones stays as written",
        "The Harbor City Times and the Bay County Times reported the deal. "
        '"It was signed in May," the Times said.',
        "It was signed in May", "Times", SpeakerType.ORGANIZATION,
    ),
    (
        "the editorial board speaks for the newspaper named just before",
        "The Harbor Times ran an editorial on Monday. "
        '"The mayor must resign," the editorial board wrote.',
        "The mayor must resign", "Harbor Times", SpeakerType.ORGANIZATION,
    ),
    (
        "the editorial board beside two newspapers stays a description",
        "The Harbor Times and the Bay Post ran the story. "
        '"The mayor must resign," the editorial board wrote.',
        "The mayor must resign", "editorial board", SpeakerType.ORGANIZATION,
    ),
    (
        "a network named by its call letters",
        'CNN aired the tape on Friday. "The tape is real," the network said.',
        "The tape is real", "CNN", SpeakerType.ORGANIZATION,
    ),
    (
        "a news agency",
        'Reuters first reported the talks. "The talks are over," the news agency said.',
        "The talks are over", "Reuters", SpeakerType.ORGANIZATION,
    ),
    (
        "two newspapers: the description stays, an organisation",
        "The Boston Globe and the Chicago Tribune reported the deal. "
        '"It was signed in May," the newspaper said.',
        "It was signed in May", "newspaper", SpeakerType.ORGANIZATION,
    ),
    (
        "a bare agency is no wire service",
        'Reuters first reported the raid. "The raid was lawful," the agency said.',
        "The raid was lawful", "agency", None,
    ),
    (
        "no outlet named: the description stays, an organisation",
        'The deal was signed on Monday. "It took a year," the newspaper said.',
        "It took a year", "newspaper", SpeakerType.ORGANIZATION,
    ),
    (
        "an unnamed person's description is anonymous",
        'The film opened on Friday. "I loved the script," the actress said.',
        "I loved the script", "actress", SpeakerType.ANONYMOUS,
    ),
    (
        "The Advocate alone is a newspaper",
        'The levee held on Friday. "The pumps ran all night," the Advocate reported.',
        "The pumps ran all night", "Advocate", SpeakerType.ORGANIZATION,
    ),
    (
        "the Public Advocate is an office, no newspaper",
        'The levee held on Friday. "The pumps ran all night," the Public Advocate said.',
        "The pumps ran all night", "Public Advocate", SpeakerType.ANONYMOUS,
    ),
]


@pytest.mark.parametrize(("pattern", "text", "content", "name", "kind"), ROWS, ids=[r[0] for r in ROWS])
def test_outlet_description(extractor, pattern, text, content, name, kind):
    q = only_quote(extractor, text, content)
    assert q.speaker is not None, pattern
    assert q.speaker.name == name, pattern
    if kind is not None:
        assert q.speaker.type is kind, pattern
    described = q.speaker.mention.split()[-1].islower()  # "the newspaper", not "the Times"
    if described and name != q.speaker.mention.lower().removeprefix("the "):
        assert q.speaker.role == q.speaker.mention.lower().removeprefix("the ")


def test_a_study_called_paper_is_no_outlet(fast):
    q = only_quote(fast, 'The data were clear. "Prices rose," the 2009 paper found.', "Prices rose")
    assert q.speaker is not None and q.speaker.type is not SpeakerType.ORGANIZATION


def test_outlet_index_reads_kinds():
    text = "The Boston Globe, CNN and Reuters reported it. The newspaper said so."
    index = OutletIndex(text, [(0, len(text))])
    assert [(name, kind) for _off, name, kind in index.mentions] == [
        ("Boston Globe", "print"), ("CNN", "broadcast"), ("Reuters", "agency"),
    ]
    at = text.index("The newspaper")
    assert index.describe("newspaper", at, [0, 47]) == "Boston Globe"
    assert index.describe("station", at, [0, 47]) == "CNN"
    assert index.describe("agency", at, [0, 47]) is None
    assert index.describe("agency", at, [0, 47], news=True) == "Reuters"
    assert index.describe("senator", at, [0, 47]) is None


def test_the_name_before_reported_is_no_person(extractor):
    text = (
        "Many voters wonder about the donations. As The Harbor Ledger reported, the mayor gave "
        "between $1,001 and $5,000 to the fund."
    )
    q = only_quote(extractor, text, "the mayor gave")
    assert q.speaker is not None and q.speaker.name == "Harbor Ledger"
    assert q.speaker.type is SpeakerType.ORGANIZATION


def test_a_quote_of_several_sentences_counts_as_none_back_to_the_outlet(fast):
    text = (
        "The mayor met the families on Monday, the Harbor Gazette reported.\n\n"
        '"We have to act now. We cannot wait. We owe it to them," said the mayor.\n\n'
        "The newspaper reported that the mayor met the families in private."
    )
    q = only_quote(fast, text, "the mayor met the families in private")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Harbor Gazette", "newspaper")


def test_a_described_outlet_is_an_antecedent_and_an_apposition_is_skipped(extractor):
    # "the editorial board" read as the Gazette names it for "The newspaper" two sentences
    # on, past the window back to the masthead; the apposition after "The newspaper" is no
    # part of the description
    text = (
        "The Lakeside Gazette ran an editorial on Sunday. The mayor was away. The bridges are "
        "old, the editorial board writes. Voters agree with that. The newspaper, long a critic "
        "of the mayor, writes that the bridges are unsafe."
    )
    q = only_quote(extractor, text, "that the bridges are unsafe")
    assert q.speaker is not None and q.speaker.name == "Lakeside Gazette"
    assert q.speaker.type is SpeakerType.ORGANIZATION and q.speaker.role == "newspaper"

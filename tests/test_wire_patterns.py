"""Attribution patterns of international wire copy, one made-up row each (fast backend).

PolNeAR's 2016 US politics is where the rules were tuned; agency copy on wars and
diplomacy says things its own way: ``told Reuters``, ``wrote on Telegram``, ``Interfax
quoted X as saying``, ``was quoted by TASS as saying``, datelines, descriptions before
names, ministries named two ways. Every row is an invented text with *all* the quotes
the extractor must give (default stances), in order of their start: content text,
kind, the speaker's canonical name and type, the cue text and the channel (``via``).
Names, places and organisations are made up.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

import pytest

import quotes
from quotes.models import SpeakerType

P, O, A, G = SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.ANONYMOUS, SpeakerType.GROUP
D, I, M = "direct", "indirect", "mixed"


class Want(NamedTuple):
    """One expected quote."""

    text: str
    kind: str
    speaker: Optional[str]
    type: Optional[SpeakerType]
    cue: Optional[str]
    via: Optional[str] = None


class Row(NamedTuple):
    """A text and every quote it must give."""

    id: str
    text: str
    quotes: list[Want]


ROWS = [
    # -- channels: outlets, platforms, documents --------------------------------------------
    Row(
        "told-agency-that",
        "Olek Branko told Reuters on Tuesday that the grain corridor would reopen within a week.",
        [Want("that the grain corridor would reopen within a week", I, "Olek Branko", P, "told", "Reuters")],
    ),
    Row(
        "direct-told-agency",
        '"We are not going anywhere," Marta Velyka told Reuters on Tuesday.',
        [Want("We are not going anywhere", D, "Marta Velyka", P, "told", "Reuters")],
    ),
    Row(
        "told-described-agency",
        "Olena Rud, a spokeswoman for the navy, told the Interfax news agency that the ship had sunk.",
        [Want("that the ship had sunk", I, "Olena Rud", P, "told", "Interfax")],
    ),
    Row(
        "told-newspaper-curly",
        "“We will hold the line,” Iryna Holub told the Kyiv Independent.",
        [Want("We will hold the line", D, "Iryna Holub", P, "told", "Kyiv Independent")],
    ),
    Row(
        "in-a-platform-post",
        "Governor Pavlo Dorosh said in a Telegram post that two drones had struck a warehouse in Zelenopil.",
        [Want("that two drones had struck a warehouse in Zelenopil", I, "Pavlo Dorosh", P, "said", "Telegram")],
    ),
    Row(
        "wrote-on-platform",
        '"The city held out again," Mayor Ihor Sadovyi wrote on Telegram.',
        [Want("The city held out again", D, "Ihor Sadovyi", P, "wrote", "Telegram")],
    ),
    Row(
        "in-a-post-on-platform-first",
        "In a post on Telegram, Mayor Ihor Sadovyi said the power was back.",
        [Want("the power was back", I, "Ihor Sadovyi", P, "said", "Telegram")],
    ),
    Row(
        "wrote-on-x-colon",
        'Olek Branko wrote on X: "The sanctions are working."',
        [Want("The sanctions are working.", D, "Olek Branko", P, "wrote", "X")],
    ),
    Row(
        "said-on-x-description-name",
        "The foreign ministry spokeswoman, Maria Tsvet, said on X that the claims were false.",
        [Want("that the claims were false", I, "Maria Tsvet", P, "said", "X")],
    ),
    Row(
        "telegram-citing",
        "The regional governor, Pavlo Dorosh, said on Telegram that a 54-year-old man was wounded, "
        "citing preliminary information.",
        [Want("that a 54-year-old man was wounded", I, "Pavlo Dorosh", P, "said", "Telegram")],
    ),
    Row(
        "carried-by-state-media",
        "Moscow would not back down, Viktor Zharov said in comments carried by state media.",
        [Want("Moscow would not back down", I, "Viktor Zharov", P, "said", "state media")],
    ),
    Row(
        "televised-address",
        '"We will rebuild every village," President Oleh Marchuk said in a televised address on Sunday.',
        [Want("We will rebuild every village", D, "Oleh Marchuk", P, "said", "an address")],
    ),
    Row(
        "video-address",
        "Lena Stroud said in a video address that the aid would arrive soon.",
        [Want("that the aid would arrive soon", I, "Lena Stroud", P, "said", "a video address")],
    ),
    Row(
        "interview-aired-on-channel",
        '"We are ready," Ostap Yarema said in an interview aired on Channel One.',
        [Want("We are ready", D, "Ostap Yarema", P, "said", "Channel One")],
    ),
    Row(
        "interview-with-outlet-first",
        "In an interview with the BBC, Oleh Marchuk said he was ready to meet his counterpart.",
        [Want("he was ready to meet his counterpart", I, "Oleh Marchuk", P, "said", "BBC")],
    ),
    Row(
        # An audience, not a channel (docs/output.md: ``told reporters`` is not in ``via``).
        "told-news-conference",
        "Foreign Minister Lena Stroud told a news conference in Vells that the sanctions would stay in place.",
        [Want("that the sanctions would stay in place", I, "Lena Stroud", P, "told")],
    ),
    Row(
        "speaking-to-journalists",
        "Speaking to journalists in Vells, Lena Stroud said the sanctions package was ready.",
        [Want("the sanctions package was ready", I, "Lena Stroud", P, "said")],
    ),
    Row(
        "office-in-a-statement",
        "Marchuk's office said in a statement that three people had been killed.",
        [Want("that three people had been killed", I, "Marchuk's office", O, "said", "a statement")],
    ),
    Row(
        "said-on-its-website",
        '"This is blackmail," the Dravian Foreign Ministry said on its website.',
        [Want("This is blackmail", D, "Dravian Foreign Ministry", O, "said", "a website")],
    ),
    Row(
        "in-a-readout",
        "Ostap Yarema met the envoy on Friday, the Velran presidency said in a readout of the meeting.",
        [Want("Ostap Yarema met the envoy on Friday", I, "Velran presidency", O, "said", "a readout")],
    ),
    Row(
        "statement-posted-on-website",
        "The Velran Energy Company said in a statement posted on its website that it would suspend operations.",
        [Want("that it would suspend operations", I, "Velran Energy Company", O, "said", "a statement")],
    ),
    Row(
        "video-posted-on-platform",
        "Olek Branko said in a video posted on Telegram that the bridge was hit.",
        [Want("that the bridge was hit", I, "Olek Branko", P, "said", "Telegram")],
    ),
    Row(
        "interview-broadcast-on-state-television",
        "Ostap Yarema said in an interview broadcast on state television that the talks were over.",
        [Want("that the talks were over", I, "Ostap Yarema", P, "said", "state television")],
    ),
    Row(
        "statement-issued-late",
        "The Velran Energy Company said in a statement issued late on Monday that it would suspend operations.",
        [Want("that it would suspend operations", I, "Velran Energy Company", O, "said", "a statement")],
    ),
    Row(
        "in-a-statement-adding",
        "The Dravian Foreign Ministry summoned the ambassador, the ministry said in a statement, "
        "adding that a protest note had been handed over.",
        [
            Want("The Dravian Foreign Ministry summoned the ambassador", I, "Dravian Foreign Ministry", O, "said",
                 "a statement"),
            Want("that a protest note had been handed over", I, "Dravian Foreign Ministry", O, "adding",
                 "a statement"),
        ],
    ),
    # -- agencies quoting someone: the one quoted speaks, the agency is the channel; the cue of
    # the active form is the agency's verb, as in ``“…,” KCNA quoted Kim as saying``.
    Row(
        "agency-quoted-as-saying-direct-after",
        '"The exercises are defensive," KCNA quoted Kim Jong Su as saying.',
        [Want("The exercises are defensive", D, "Kim Jong Su", P, "quoted", "KCNA")],
    ),
    Row(
        "agency-quoted-as-saying-direct-before",
        'Interfax quoted Anatoly Brin as saying: "The exercises are defensive."',
        [Want("The exercises are defensive.", D, "Anatoly Brin", P, "quoted", "Interfax")],
    ),
    Row(
        "agency-quoted-as-saying",
        "The agency Interfax quoted Deputy Foreign Minister Sergei Ralkov as saying that Moscow was ready for talks.",
        [Want("that Moscow was ready for talks", I, "Sergei Ralkov", P, "quoted", "Interfax")],
    ),
    Row(
        "agency-cited-source-as-saying",
        "RIA Novosti cited a source in the ministry as saying the drills would end on Friday.",
        [Want("the drills would end on Friday", I, "a source", A, "cited", "RIA Novosti")],
    ),
    Row(
        "quoted-by-agency-as-saying",
        "Anatoly Brin was quoted by TASS as saying the exercises would last ten days.",
        [Want("the exercises would last ten days", I, "Anatoly Brin", P, "was quoted by TASS as saying", "TASS")],
    ),
    Row(
        "quoted-as-saying",
        "Anatoly Brin was quoted as saying the exercises would last ten days.",
        [Want("the exercises would last ten days", I, "Anatoly Brin", P, "was quoted as saying")],
    ),
    # -- datelines ----------------------------------------------------------------------------
    Row(
        # The agency in a dateline is the article's outlet (metadata), not the statement's channel.
        "dateline-agency-hyphen",
        "KORVAN, May 2 (Reuters) - Dravia's Defence Ministry said on Thursday its forces had captured "
        "the village of Lisne.",
        [Want("its forces had captured the village of Lisne", I, "Dravia's Defence Ministry", O, "said")],
    ),
    Row(
        "dateline-agency-dash-content-first",
        "KORVAN, Dravia (AP) — Dravian troops shot down 20 drones overnight, the air force said on Friday.",
        [Want("Dravian troops shot down 20 drones overnight", I, "air force", O, "said")],
    ),
    Row(
        "content-first-hit",
        "A missile hit a school in Lisne, the police said.",
        [Want("A missile hit a school in Lisne", I, "police", O, "said")],
    ),
    Row(
        "content-first-irregular-past",
        "Border guards fled the post before dawn, the ministry said.",
        [Want("Border guards fled the post before dawn", I, "ministry", O, "said")],
    ),
    Row(
        "said-late-on-weekday",
        "Olek Branko, the head of the presidential office, said late on Monday the attack had killed four people.",
        [Want("the attack had killed four people", I, "Olek Branko", P, "said")],
    ),
    # -- who: descriptions, titles, organisations ---------------------------------------------
    Row(
        "description-comma-name",
        "The Kremlin spokesman, Dmitry Olshansky, said the meeting would take place next month.",
        [Want("the meeting would take place next month", I, "Dmitry Olshansky", P, "said")],
    ),
    Row(
        "description-comma-name-direct",
        '"There is no such plan," the Kremlin spokesman, Dmitry Olshansky, told reporters.',
        [Want("There is no such plan", D, "Dmitry Olshansky", P, "told")],
    ),
    Row(
        "deputy-minister-title",
        "Deputy Foreign Minister Sergei Ralkov said on Wednesday that Moscow had received no proposals.",
        [Want("that Moscow had received no proposals", I, "Sergei Ralkov", P, "said")],
    ),
    Row(
        "gen-title",
        '"The front is stable," Gen. Oleksiy Varta said.',
        [Want("The front is stable", D, "Oleksiy Varta", P, "said")],
    ),
    Row(
        "lt-gen-title-appositive",
        "Lt. Gen. Oleksiy Varta, the commander of the eastern group, said the front was stable.",
        [Want("the front was stable", I, "Oleksiy Varta", P, "said")],
    ),
    Row(
        # A description the article ties to no name stays the description (docs/output.md).
        "spokesperson-for-the-ministry",
        "A spokesperson for the ministry said the convoy had reached the border.",
        [Want("the convoy had reached the border", I, "A spokesperson", A, "said")],
    ),
    Row(
        "anonymity-after",
        "The shipment was delayed by a week, said a senior official, who spoke on condition of anonymity "
        "because they were not authorised to speak publicly.",
        [Want("The shipment was delayed by a week", I, "a senior official", A, "said")],
    ),
    Row(
        "anonymity-before",
        "A senior military official, speaking on condition of anonymity because he was not authorized to "
        "discuss the matter, said the brigade had withdrawn.",
        [Want("the brigade had withdrawn", I, "A senior military official", A, "said")],
    ),
    Row(
        "asked-not-to-be-named",
        "Dravian officials, who asked not to be named, said the attack was launched from the north.",
        [Want("the attack was launched from the north", I, "Dravian officials", G, "said")],
    ),
    Row(
        "asked-not-to-be-identified-because",
        "Two officials, who asked not to be identified because the plan is secret, said it would fail.",
        [Want("it would fail", I, "Two officials", G, "said")],
    ),
    Row(
        "according-to-administration",
        "At least nine civilians were killed, according to the regional administration.",
        [Want("At least nine civilians were killed", I, "regional administration", O, "according to")],
    ),
    Row(
        "according-to-general-staff",
        "The enemy lost 1,200 soldiers in the past day, according to the General Staff of the Dravian armed forces.",
        [Want("The enemy lost 1,200 soldiers in the past day", I, "General Staff of the Dravian armed forces", O,
              "according to")],
    ),
    Row(
        "the-ministry-later",
        "Dravia's Defence Ministry said its troops had repelled 14 attacks. "
        "The ministry said two tanks had been destroyed.",
        [
            Want("its troops had repelled 14 attacks", I, "Dravia's Defence Ministry", O, "said"),
            Want("two tanks had been destroyed", I, "Dravia's Defence Ministry", O, "said"),
        ],
    ),
    Row(
        "it-later",
        "The Dravian Defence Ministry said its troops had repelled 14 attacks. It said two tanks had been destroyed.",
        [
            Want("its troops had repelled 14 attacks", I, "Dravian Defence Ministry", O, "said"),
            Want("two tanks had been destroyed", I, "Dravian Defence Ministry", O, "said"),
        ],
    ),
    Row(
        "possessive-and-adjective-forms-one-ministry",
        "Russia's Defence Ministry said on Monday it had struck fuel depots. "
        "Later the Russian defence ministry said the strikes were over.",
        [
            Want("it had struck fuel depots", I, "Russia's Defence Ministry", O, "said"),
            Want("the strikes were over", I, "Russia's Defence Ministry", O, "said"),
        ],
    ),
    # -- quote marks and layouts --------------------------------------------------------------
    Row(
        "translation-brackets",
        'Foreign Minister Lena Stroud spoke after the meeting. "[The talks] will continue next week," she said.',
        [Want("[The talks] will continue next week", D, "Lena Stroud", P, "said")],
    ),
    Row(
        "translation-brackets-no-antecedent",
        '"[The talks] will continue next week," he said.',
        [Want("[The talks] will continue next week", D, None, P, "said")],
    ),
    Row(
        "single-marks-inverted",
        "'We have defended our homes,' said Iryna Holub, the regional governor.",
        [Want("We have defended our homes", D, "Iryna Holub", P, "said")],
    ),
    Row(
        "curly-single-marks-description-name",
        "‘We cannot wait any longer,’ the mayor, Ihor Sadovyi, said.",
        [Want("We cannot wait any longer", D, "Ihor Sadovyi", P, "said")],
    ),
    Row(
        "british-spelling",
        "The defence minister, Anders Kvist, said the organisation had been warned.",
        [Want("the organisation had been warned", I, "Anders Kvist", P, "said")],
    ),
    Row(
        "added-direct",
        'Olek Branko said the talks had failed. "We will not go back," he added.',
        [
            Want("the talks had failed", I, "Olek Branko", P, "said"),
            Want("We will not go back", D, "Olek Branko", P, "added"),
        ],
    ),
    Row(
        "added-that",
        "Olek Branko said the talks had failed. He added that the delegation would leave on Friday.",
        [
            Want("the talks had failed", I, "Olek Branko", P, "said"),
            Want("that the delegation would leave on Friday", I, "Olek Branko", P, "added"),
        ],
    ),
    Row(
        "said-in-the-middle",
        'Iryna Holub visited the town. "We have lost two towns this week," she said, '
        '"but the line is holding and reserves are coming from the west."',
        [
            Want("We have lost two towns this week", D, "Iryna Holub", P, "said"),
            Want("but the line is holding and reserves are coming from the west.", D, "Iryna Holub", P, "said"),
        ],
    ),
    Row(
        "paragraph-long-quote",
        "Iryna Holub spoke to reporters on Monday.\n\n"
        '"The shelling started at dawn and went on for six hours. Water and power are cut in half '
        'the city," she said. "We need generators, not promises."',
        [
            Want("The shelling started at dawn and went on for six hours. Water and power are cut in half the city",
                 D, "Iryna Holub", P, "said"),
            Want("We need generators, not promises.", D, "Iryna Holub", P, "said"),
        ],
    ),
    Row(
        "quote-dash-name-said",
        '"Nobody will be forgiven" — Olek Branko said after the strike.',
        [Want("Nobody will be forgiven", D, "Olek Branko", P, "said")],
    ),
    Row(
        "mixed-told-reporters",
        'Lena Stroud told reporters the plan was "dead on arrival" and would not be revived.',
        [Want('the plan was "dead on arrival" and would not be revived', M, "Lena Stroud", P, "told")],
    ),
    # -- what is no statement -----------------------------------------------------------------
    Row("could-not-verify", "Reuters could not independently verify the report.", []),
    Row(
        "unable-to-verify",
        "Neither side has commented on the claims, which Reuters was unable to verify.",
        [],
    ),
]


@pytest.fixture(scope="module")
def fast_extractor() -> quotes.Extractor:
    return quotes.Extractor(backend="fast")


def _got(q: quotes.Quote) -> Want:
    sp = q.speaker
    return Want(
        q.text,
        q.kind.value,
        sp.name if sp else None,
        sp.type if sp else None,
        q.cue.text if q.cue else None,
        q.via,
    )


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_wire_pattern(fast_extractor: quotes.Extractor, row: Row) -> None:
    found = sorted(fast_extractor.extract(row.text), key=lambda q: q.start)
    for q in found:
        assert row.text[q.start:q.end] == q.text
    assert [_got(q) for q in found] == row.quotes


def test_row_ids_are_unique() -> None:
    assert len({row.id for row in ROWS}) == len(ROWS)

"""Sources of reported speech that the subject reader once missed (made-up sentences)."""

from __future__ import annotations

import pytest

import quotes
from quotes import QuoteKind, SpeakerType, Stance


def reported(extractor: quotes.Extractor, text: str) -> list[quotes.Quote]:
    """The reported quotes of ``text`` (references included, as PolNeAR annotates them)."""
    every = quotes.Extractor(backend=extractor.segmenter, stances=Stance)
    return [q for q in every.extract(text) if q.kind is not QuoteKind.DIRECT]


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        (
            "The Times said the letters it obtained were drafts written by the mayor's staff.",
            "The Times",
            "the letters it obtained were drafts written by the mayor's staff",
        ),
        (
            "The Harbor City Times reported that the ferry service would end in March.",
            "The Harbor City Times",
            "that the ferry service would end in March",
        ),
        (
            "The bridge will close for repairs next month, the Valley Times reported.",
            "the Valley Times",
            "The bridge will close for repairs next month",
        ),
    ],
)
def test_a_newspaper_named_times_is_a_source(extractor, text, mention, content):
    (q,) = reported(extractor, text)
    assert q.speaker is not None and q.speaker.mention == mention
    assert q.speaker.type is SpeakerType.ORGANIZATION
    assert q.text == content


@pytest.mark.parametrize(
    "text",
    [
        "At the time said the council was working on the budget.",
        "Last week said the plan would cost more than expected.",
    ],
)
def test_a_time_is_still_no_source(extractor, text):
    assert reported(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "name", "mention", "content"),
    [
        (
            "Kurt Ross, executive director of Green Valley Now, said the city had denied the "
            "permit.",
            "Kurt Ross",
            "Kurt Ross, executive director of Green Valley Now",
            "the city had denied the permit",
        ),
        (
            "Moreover, Omar Reyes, director of the Harbor Institute at Lakeview College, noted "
            "that most ferries run only until October.",
            "Omar Reyes",
            "Omar Reyes, director of the Harbor Institute at Lakeview College",
            "that most ferries run only until October",
        ),
        (
            "Judge Maria Keller, in her dissent, said the law treated renters unfairly.",
            "Maria Keller",
            "Judge Maria Keller",
            "the law treated renters unfairly",
        ),
        (
            "Tom Brandt, clad in a yellow raincoat, said the flood had reached his porch.",
            "Tom Brandt",
            "Tom Brandt",
            "the flood had reached his porch",
        ),
    ],
)
def test_a_name_and_an_aside_before_the_cue_is_the_source(extractor, text, name, mention, content):
    (q,) = reported(extractor, "The town council met on Monday.\n\n" + text)
    assert q.speaker is not None and q.speaker.name == name
    assert q.speaker.mention == mention
    assert q.text == content


def test_a_share_in_ten_is_a_source(extractor):
    text = (
        "About three in 10 said they want the council to raise taxes, but six in 10 said they "
        "want the council to cut spending."
    )
    found = reported(extractor, text)
    assert [(q.speaker.mention, q.text) for q in found] == [
        ("About three in 10", "they want the council to raise taxes"),
        ("six in 10", "they want the council to cut spending"),
    ]


def test_a_percentage_with_a_sign_is_a_source(extractor):
    (q,) = reported(extractor, "Among younger voters, 42% say they are liberal on social issues.")
    assert q.speaker is not None and q.speaker.mention == "42%"
    assert q.speaker.type is SpeakerType.GROUP
    assert q.text == "they are liberal on social issues"


def test_a_cue_word_after_a_number_is_still_a_modifier(extractor):
    assert reported(extractor, "The senator won 270 pledged delegates in the spring.") == []


def test_the_one_left_out_after_everyone_but_is_no_source(extractor):
    found = reported(extractor, "Everyone but Hewlett said the merger should go ahead at once.")
    assert all(q.speaker is None or q.speaker.name != "Hewlett" for q in found)


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        (
            "Asked if the mayor should resign, 64 percent of residents said yes, but the "
            "council said no.",
            [("64 percent of residents", "yes"), ("the council", "no")],
        ),
        ("Half said so in the spring survey.", [("Half", "so")]),
        ("Last month, 31 percent said the same.", [("31 percent", "the same")]),
        (
            "Senators are split on the nominee. Tom Vale said he would.",
            [("Tom Vale", "he would")],
        ),
    ],
)
def test_a_short_answer_is_the_content(extractor, text, answers):
    found = [q for q in reported(extractor, text) if q.speaker is not None]
    assert [(q.speaker.mention, q.text) for q in found] == answers


def test_no_before_a_phrase_is_no_answer(extractor):
    assert reported(extractor, "The mayor said no to the stadium deal.") == []


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        (
            "Turnout fell sharply in the northern towns, according to a new poll.",
            "a new poll",
            "Turnout fell sharply in the northern towns",
        ),
        (
            "He left the budget meeting early and said little, according to an attendee.",
            "an attendee",
            "He left the budget meeting early and said little",
        ),
    ],
)
def test_according_to_a_phrase_the_noun_reader_misses(extractor, text, mention, content):
    (q,) = reported(extractor, "The council met on Monday.\n\n" + text)
    assert q.speaker is not None and q.speaker.mention == mention
    assert q.text == content


def test_according_to_a_preference_is_no_source(extractor):
    text = "Most voters simply pick a party, according to their instinctive preference."
    assert reported(extractor, "The council met on Monday.\n\n" + text) == []


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        (
            "Exit polling showed that the mayor won every age group.",
            "Exit polling",
            "that the mayor won every age group",
        ),
        (
            "Polls in Vermont show the two candidates are tied among women.",
            "Polls in Vermont",
            "the two candidates are tied among women",
        ),
        (
            "Audit files from the vendor show that three accounts searched the voter lists.",
            "Audit files from the vendor",
            "that three accounts searched the voter lists",
        ),
        (
            "The hearing ran late as a new poll showed the governor trailing by six points.",
            "a new poll",
            "the governor trailing by six points",
        ),
    ],
)
def test_evidence_that_shows_is_the_source(extractor, text, mention, content):
    found = reported(extractor, "The race tightened this week.\n\n" + text)
    found = [q for q in found if q.speaker is not None]
    assert [(q.speaker.mention, q.text) for q in found] == [(mention, content)]
    assert found[0].speaker.type is not SpeakerType.PERSON  # a poll is nobody named Polls


def test_a_clause_before_shows_is_no_evidence_source(extractor):
    text = "The plan reflects her aides' wariness of polls continuing to show deep gloom."
    found = reported(extractor, "The race tightened this week.\n\n" + text)
    assert all(q.speaker is None or "reflects" not in q.speaker.mention for q in found)


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        (
            "People briefed on the talks said that the offer had been withdrawn.",
            "People briefed on the talks",
            "that the offer had been withdrawn",
        ),
        (
            "But people close to the governor say she has not decided.",
            "people close to the governor",
            "she has not decided",
        ),
    ],
)
def test_an_anonymous_source_with_a_post_modifier(extractor, text, mention, content):
    (q,) = reported(extractor, "The budget talks stalled.\n\n" + text)
    assert q.speaker is not None and q.speaker.mention == mention
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "name", "mention", "content"),
    [
        (
            "Tom Brandt, the harbor commissioner, has been even more critical in his remarks, "
            "threatening to close the port.",
            "Tom Brandt",
            "Tom Brandt, the harbor commissioner",
            "to close the port",
        ),
        (
            "Ann Lee, who chairs the finance committee, rescinded her support for the plan, "
            "saying it would cost too much.",
            "Ann Lee",
            "Ann Lee, who chairs the finance committee",
            "it would cost too much",
        ),
        (
            "Ann Lee, in an interview on Friday, spoke at length about the budget, saying that it "
            "would cost too much.",
            "Ann Lee",
            "Ann Lee",
            "that it would cost too much",
        ),
        (
            "WASHINGTON — The Harbor Board toughened its stance on the ferries, saying the service "
            "would end in March.",
            "Harbor Board",
            "The Harbor Board",
            "the service would end in March",
        ),
        (
            "Gary Hale, a former county judge, became a delegate and said he is leaning toward the "
            "mayor.",
            "Gary Hale",
            "Gary Hale, a former county judge",
            "he is leaning toward the mayor",
        ),
        (
            "PORTLAND, Ore. — Sen. Ann Lee (D-Ore.) defended her call to close the port, saying "
            "the savings would outweigh the losses.",
            "Ann Lee",
            "Sen. Ann Lee (D-Ore.)",
            "the savings would outweigh the losses",
        ),
        (
            "Rep. Ann Lee (R), a member of the panel, toughened her stance on the ferries, saying "
            "the service would end in March.",
            "Ann Lee",
            "Rep. Ann Lee (R), a member of the panel",
            "the service would end in March",
        ),
        (
            "Then Tom Brandt, only two months later, announced plans to close the port.",
            "Tom Brandt",
            "Tom Brandt",
            "plans to close the port",
        ),
        (
            "Tom Brandt, in the wake of a new poll on the ferries, told reporters that the port "
            "would close.",
            "Tom Brandt",
            "Tom Brandt",
            "that the port would close",
        ),
        (
            "Tom Brandt, as he is known to his neighbours, described the port as a ruin.",
            "Tom Brandt",
            "Tom Brandt",
            "the port as a ruin",
        ),
    ],
)
def test_the_sentence_subject_speaks_after_an_aside_or_a_dateline(
    extractor, text, name, mention, content
):
    """``X, an aside, did Y, saying C`` / ``... and said C`` / ``X, an aside, said C``: X speaks.

    A dateline, a party tag, an apposition or an occasion may stand around the subject.
    """
    (q,) = reported(extractor, text)
    assert q.speaker is not None and q.speaker.name == name
    assert q.speaker.mention == mention
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Earlier Wednesday, Tom Brandt appeared on a radio show and defended his plan to close "
            "the port.",
            "his plan to close the port",
        ),
        (
            "Later that day, Tom Brandt released a new plan, saying the port would close in March.",
            "the port would close in March",
        ),
    ],
)
def test_a_time_phrase_opened_by_later_or_earlier_before_the_sentence_subject(
    extractor, text, content
):
    """``Earlier Wednesday, X did Y and defended C``: the time phrase is skipped whole."""
    (q,) = reported(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Tom Brandt"
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '"It is a disaster," said Ann Lee, a professor at Harbor College in Maine, who '
            "predicted the plan would fail.",
            "Ann Lee",
        ),
        (
            '"It was not convincing," said one official familiar with the discussion, who '
            "predicted the plan would fail.",
            "one official",
        ),
    ],
)
def test_who_after_the_source_of_a_quote_is_that_source(extractor, text, name):
    """``said X, an aside ending in a place or a thing, who added C``: X, not the place."""
    (q,) = reported(extractor, text)
    assert q.speaker is not None and q.speaker.name == name
    assert q.text == "the plan would fail"


@pytest.mark.parametrize(
    ("text", "name", "content"),
    [
        (
            "Seventy percent of voters say they like the mayor, compared with 54 percent who say "
            "the same of his rival.",
            "54 percent",
            "the same of his rival",
        ),
        (
            "A majority have a poor view of the plan, including 18% who say they would vote it "
            "down.",
            "18%",
            "they would vote it down",
        ),
    ],
)
def test_a_share_of_a_poll_before_who_speaks(extractor, text, name, content):
    """``compared with 54 percent who say C``: the share speaks, the source is ``who``."""
    (q,) = [q for q in reported(extractor, text) if q.text == content]
    assert q.speaker is not None and q.speaker.name == name and q.speaker.mention == "who"


def test_those_who_said_as_a_subject_is_left_alone(extractor):
    text = "Those who said the economy was their top issue split evenly between the candidates."
    assert all("split" not in q.text for q in reported(extractor, text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Tom Brandt rallied thousands by promising to cut taxes.", "to cut taxes"),
        (
            "Tom Brandt presented a plan for the port before explaining why he backs the mayor.",
            "why he backs the mayor",
        ),
        (
            "Tom Brandt wasn't happy about it and hit back by accusing the council of lying.",
            "the council of lying",
        ),
        (
            "Tom Brandt was suspended after slamming the council for its vote.",
            "the council for its vote",
        ),
    ],
)
def test_the_clause_subject_speaks_in_a_gerund_adjunct(extractor, text, content):
    """``X did Y by/before/after saying C``: the subject of the clause is the gerund's."""
    (q,) = reported(extractor, text)
    assert q.speaker is not None and q.speaker.name == "Tom Brandt"
    assert q.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The plan was justified by arguing that it saves money.",
        "The decision was included in a briefing paper without asking Tom Brandt first.",
        "Tom Brandt sat with the mayor, who surprised him by declaring she would run.",
    ],
)
def test_no_gerund_subject_across_a_passive_or_a_relative_clause(extractor, text):
    """A passive subject does not argue; in ``Y, who surprised X by declaring C`` X is no source."""
    speakers = [q.speaker for q in reported(extractor, text) if q.speaker is not None]
    assert all(sp.name != "Tom Brandt" and "plan" not in sp.mention for sp in speakers)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "After saying he was nervous to ask a question, Tom Brandt ended up in the middle of "
            "the room.",
            "saying",
            "he was nervous to ask a question",
        ),
        (
            "One month after announcing his support for the mayor, Tom Brandt said he had doubts.",
            "announcing",
            "his support for the mayor",
        ),
        (
            "And in explaining why the plans had not passed, Tom Brandt described a rigged system.",
            "explaining",
            "why the plans had not passed",
        ),
    ],
)
def test_a_fronted_gerund_adjunct_belongs_to_the_subject_after_it(extractor, text, cue, content):
    """``After saying C, X left``: X speaks, and C ends at the comma before X."""
    (q,) = [q for q in reported(extractor, text) if q.cue is not None and q.cue.text == cue]
    assert q.speaker is not None and q.speaker.name == "Tom Brandt"
    assert q.text == content


def test_a_subject_and_verb_before_by_are_no_fronted_adjunct(extractor):
    (q,) = reported(extractor, "Tom Brandt concluded by implying that the port would close.")
    assert q.speaker is not None and q.speaker.mention == "Tom Brandt"
    assert q.text == "that the port would close"


def test_an_attribution_aside_is_no_subject(extractor):
    text = "Rather, he said, the ferries will keep running until March."
    speakers = [q.speaker for q in reported(extractor, text) if q.speaker is not None]
    assert all(sp.mention != "Rather" for sp in speakers)

"""Speaker identity across an article: ambiguous surnames and coordinated speakers.

Made-up sentences. A surname shared by two people of the article keeps the mention's
own name; names joined by ``and`` are one group speaker.
"""

from __future__ import annotations

from collections import Counter

import pytest

import quotes
from quotes._dedupe_speakers import resolve_speakers
from quotes._speaker_names import coordinated_parts, same_person, short_forms
from quotes.models import Quote, SpeakerType


def _only(extractor: quotes.Extractor, text: str, content: str) -> Quote:
    """The one quote whose text contains ``content``; every quote's offsets are checked."""
    found = extractor.extract(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or text[q.speaker.start : q.speaker.end] == q.speaker.mention
    matching = [q for q in found if content in q.text]
    assert len(matching) == 1, [q.text for q in found]
    return matching[0]


def _who(q: Quote) -> tuple[str, str, SpeakerType] | None:
    """``(name, mention, type)`` of the quote's speaker."""
    return None if q.speaker is None else (q.speaker.name, q.speaker.mention, q.speaker.type)


_TWO_HALLORANS = (
    "Former Governor Margaret Halloran opened the plant on Monday. "
    "Peter Halloran, her nephew, toured it later. "
)


class TestAmbiguousSurname:
    @pytest.mark.parametrize(
        ("mention", "name"),
        [
            ("Halloran", "Halloran"),
            ("Mr. Halloran", "Halloran"),
            ("Governor Halloran", "Halloran"),
            ("Peter Halloran", "Peter Halloran"),
            ("Peter", "Peter Halloran"),
        ],
    )
    def test_shared_surname_is_not_guessed(self, extractor, mention, name):
        text = _TWO_HALLORANS + f'"The jobs will stay here," {mention} said.'
        q = _only(extractor, text, "The jobs will stay")
        assert _who(q) == (name, mention, SpeakerType.PERSON)

    @pytest.mark.parametrize(
        ("text", "content", "name", "mention"),
        [
            (  # one person with the surname: still resolved
                "Port authority chief Ingrid Vasquez spoke on Friday. "
                '"The cranes are late," Vasquez said.',
                "The cranes are late",
                "Ingrid Vasquez",
                "Vasquez",
            ),
            (  # a middle initial: the same person
                "Mayor Tomas R. Lindqvist cut the ribbon. Tomas Lindqvist then left. "
                '"We built this together," Lindqvist said.',
                "We built this",
                "Tomas R. Lindqvist",
                "Lindqvist",
            ),
            (  # a generational suffix: another person
                "Harold Brandt Jr. runs the family firm that Harold Brandt founded. "
                '"Sales doubled," Brandt said.',
                "Sales doubled",
                "Brandt",
                "Brandt",
            ),
        ],
    )
    def test_surname_resolves_only_to_one_person(self, extractor, text, content, name, mention):
        assert _who(_only(extractor, text, content)) == (name, mention, SpeakerType.PERSON)

    def test_headline_run_on_is_no_second_person(self):
        forms = short_forms(["Voters Cheer Ingrid Vasquez", "Ingrid Vasquez"])
        assert forms["Vasquez"] == "Ingrid Vasquez"


class TestSamePerson:
    def test_success(self):
        assert same_person("Tomas R. Lindqvist", "Tomas Lindqvist")
        assert same_person("T. Lindqvist", "Tomas Lindqvist")

    def test_fail(self):
        assert not same_person("Margaret Halloran", "Peter Halloran")
        assert not same_person("Anna K.J. Ort", "Anna J. Ort")
        assert not same_person("Harold Brandt Jr.", "Harold Brandt")


class TestCoordinatedSpeakers:
    @pytest.mark.parametrize(
        ("text", "content", "name", "mention"),
        [
            (
                '"The merger is off," Okafor and Lindgren said in a joint statement.',
                "The merger is off",
                "Okafor and Lindgren",
                "Okafor and Lindgren",
            ),
            (
                "Okafor and Lindgren said the merger was off.",
                "the merger was off",
                "Okafor and Lindgren",
                "Okafor and Lindgren",
            ),
            (
                "Chinedu Okafor met Mia Lindgren on Tuesday. "
                '"The merger is off," Okafor and Lindgren said in a joint statement.',
                "The merger is off",
                "Chinedu Okafor and Mia Lindgren",
                "Okafor and Lindgren",
            ),
            (
                "Chinedu Okafor met Mia Lindgren on Tuesday. "
                "Okafor and Lindgren said the merger was off.",
                "the merger was off",
                "Chinedu Okafor and Mia Lindgren",
                "Okafor and Lindgren",
            ),
            (
                "Petrov, Adeyemi and Kowalczyk said the vote would be delayed.",
                "the vote would be delayed",
                "Petrov, Adeyemi and Kowalczyk",
                "Petrov, Adeyemi and Kowalczyk",
            ),
            (
                "Both Okafor and Lindgren said the merger was off.",
                "the merger was off",
                "Okafor and Lindgren",
                "Both Okafor and Lindgren",
            ),
        ],
    )
    def test_names_joined_by_and_are_one_group(self, extractor, text, content, name, mention):
        q = _only(extractor, text, content)
        assert _who(q) == (name, mention, SpeakerType.GROUP)

    def test_ambiguous_part_keeps_its_own_name(self, extractor):
        text = _TWO_HALLORANS + "Halloran and Mia Lindgren said the plant would grow."
        q = _only(extractor, text, "the plant would grow")
        assert (q.speaker.name, q.speaker.type) == ("Halloran and Mia Lindgren", SpeakerType.GROUP)

    @pytest.mark.parametrize(
        ("text", "content", "kind"),
        [
            (
                "Brandt & Sorensen said the audit was clean.",
                "the audit was clean",
                SpeakerType.ORGANIZATION,
            ),
            (
                "Georgia and Virginia said the audit was clean.",
                "the audit was clean",
                SpeakerType.ORGANIZATION,
            ),
            (
                "The Department of Health and Human Services said the audit was clean.",
                "the audit was clean",
                SpeakerType.ORGANIZATION,
            ),
            (
                "Okafor and Lindgren aides said the audit was clean.",
                "the audit was clean",
                SpeakerType.GROUP,
            ),
        ],
    )
    def test_organisations_and_plural_heads_are_not_people(self, extractor, text, content, kind):
        q = _only(extractor, text, content)
        assert q.speaker is not None
        assert q.speaker.type is kind
        assert q.speaker.name.endswith(text[: text.index(" said")].removeprefix("The "))

    def test_coordinated_parts(self):
        assert coordinated_parts(["Smith", ",", "Jones", ",", "and", "Lee"]) == [
            (0, 1),
            (2, 3),
            (5, 6),
        ]
        assert coordinated_parts(["Smith", "and", "Jones", "and", "Lee"]) == []


class TestDedupeKeepsGroupsApart:
    def test_group_is_not_its_first_member(self):
        entities = resolve_speakers(
            Counter(
                {
                    ("Chinedu Okafor and Mia Lindgren", SpeakerType.GROUP.value): 2,
                    ("Chinedu Okafor", SpeakerType.PERSON.value): 3,
                    ("Okafor", SpeakerType.PERSON.value): 1,
                }
            )
        )
        group = entities.entity[("Chinedu Okafor and Mia Lindgren", "group")]
        person = entities.entity[("Chinedu Okafor", "person")]
        assert group != person
        assert entities.entity[("Okafor", "person")] == person

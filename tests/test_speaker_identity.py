"""Speaker identity across an article: surnames, groups, pronouns and role descriptions.

Made-up sentences. A surname shared by two people of the article keeps the mention's
own name; names joined by ``and`` are one group speaker; ``he``/``she`` never take a
person known to be of the other gender; ``the spokesman`` is the one person the article
earlier calls a spokesman; country and office names with ``and`` in them are no person.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import only_quote

from quotes.dedupe.speakers import resolve_speakers
from quotes.models import Quote, SpeakerType
from quotes.speakers.gender import gender_of, honorific_gender
from quotes.speakers.names import coordinated_parts, same_person, short_forms

_only = only_quote  # the one quote containing a text, offsets checked (tests/conftest.py)


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
            ("Mr. Halloran", "Peter Halloran"),  # the one man of the two: no guess (Mrs./Ms.: Margaret)
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


class TestPronounGender:
    @pytest.mark.parametrize(
        ("text", "content", "expected"),
        [
            (  # the only person is a man: "she" stays unresolved, the mention kept
                'Gregory Lindqvist opened the depot. "The trucks are late," she said.',
                "The trucks are late",
                (None, "she", SpeakerType.PERSON),
            ),
            (  # the nearer man is skipped for the woman before him
                "Olga Brennan met Victor Hale at the depot on Monday. Victor Hale left early. "
                '"The trucks are late," she said.',
                "The trucks are late",
                ("Olga Brennan", "she", SpeakerType.PERSON),
            ),
            (  # a woman named with a title only
                "Ms. Okonkwo chaired the hearing, and Daniel Frey testified. "
                '"The audit is done," she said.',
                "The audit is done",
                ("Okonkwo", "she", SpeakerType.PERSON),
            ),
            (  # unknown gender never blocks
                'Robin Whitfield opened the depot. "The trucks are late," she said.',
                "The trucks are late",
                ("Robin Whitfield", "she", SpeakerType.PERSON),
            ),
            (  # a role noun tells the gender
                "Port spokeswoman Kim Dalby spoke after Peter Lusk. "
                '"The cranes are fixed," he said.',
                "The cranes are fixed",
                ("Peter Lusk", "he", SpeakerType.PERSON),
            ),
        ],
    )
    def test_pronoun_skips_the_other_gender(self, extractor, text, content, expected):
        assert _who(_only(extractor, text, content)) == expected

    @pytest.mark.parametrize(
        ("text", "content", "expected"),
        [
            (  # an honorific of the other gender: not the one full name
                'Walter Brennan opened the depot. "The trucks are late," Mrs. Brennan said.',
                "The trucks are late",
                ("Brennan", "Mrs. Brennan", SpeakerType.PERSON),
            ),
            (
                'Susan Okafor opened the depot. "The trucks are late," Mr. Okafor said.',
                "The trucks are late",
                ("Okafor", "Mr. Okafor", SpeakerType.PERSON),
            ),
            (  # the same gender: still resolved
                'Susan Okafor opened the depot. "The trucks are late," Ms. Okafor said.',
                "The trucks are late",
                ("Susan Okafor", "Ms. Okafor", SpeakerType.PERSON),
            ),
        ],
    )
    def test_honorific_of_the_other_gender_keeps_the_surname(
        self, extractor, text, content, expected
    ):
        assert _who(_only(extractor, text, content)) == expected


class TestGroupAntecedent:
    @pytest.mark.parametrize(
        "text",
        [
            "Martin Ekberg and Hugo Lind said the merger was off. "
            '"It is over," he said.',
            "Martin Ekberg met Hugo Lind. Ekberg and Lind said the merger was off. "
            '"It is over," he said.',
        ],
    )
    def test_he_after_two_men_is_unresolved(self, extractor, text):
        assert _who(_only(extractor, text, "It is over")) == (None, "he", SpeakerType.PERSON)

    def test_gender_tells_the_members_apart(self, extractor):
        text = 'Martin Ekberg and Helena Lind said the merger was off. "It is over," she said.'
        q = _only(extractor, text, "It is over")
        assert _who(q) == ("Helena Lind", "she", SpeakerType.PERSON)


class TestRoleAnaphora:
    @pytest.mark.parametrize(
        ("text", "mention", "name", "role"),
        [
            (
                "Harbour Authority spokesman Tomas Varga said on Monday that talks had stalled. "
                '"We are waiting," the spokesman said.',
                "the spokesman",
                "Tomas Varga",
                "Harbour Authority spokesman",
            ),
            (
                "Harbour Authority spokesman Tomas Varga said on Monday that talks had stalled. "
                '"We are waiting," the Harbour Authority spokesman said.',
                "the Harbour Authority spokesman",
                "Tomas Varga",
                "Harbour Authority spokesman",
            ),
            (
                'Sen. Ruth Adair spoke first. "The bill is dead," the senator said.',
                "the senator",
                "Ruth Adair",
                "Sen.",
            ),
            (
                "Former Governor Ellis Crane toured the dam. "
                '"It will hold," the former governor said.',
                "the former governor",
                "Ellis Crane",
                "Former Governor",
            ),
        ],
    )
    def test_description_names_the_one_earlier_person(self, extractor, text, mention, name, role):
        content = text[text.index('"') + 1 : text.index(',"')]
        q = _only(extractor, text, content)
        assert _who(q) == (name, mention, SpeakerType.PERSON)
        assert q.speaker.role == role

    @pytest.mark.parametrize(
        ("text", "mention"),
        [
            (  # two presidents
                "Latvian President Ivo Sarkans met Estonian President Mart Kuusk. "
                '"We agree," the president said.',
                "the president",
            ),
            (  # a vice president is no president
                'Vice President Nora Quist toured the plant. "It will grow," the president said.',
                "the president",
            ),
            (  # a modifier the role lacks
                'Port spokesman Tomas Varga spoke first. "We agree," the army spokesman said.',
                "the army spokesman",
            ),
            (  # the person is named only after the description
                '"We agree," the spokesman said. Port spokesman Tomas Varga spoke later.',
                "the spokesman",
            ),
        ],
    )
    def test_ambiguous_or_unmatched_description_is_kept(self, extractor, text, mention):
        q = _only(extractor, text, text[text.index('"') + 1 : text.index(',"')])
        assert q.speaker is not None
        assert q.speaker.mention == mention
        assert q.speaker.name == mention.removeprefix("the ")


class TestNamesWithAnd:
    @pytest.mark.parametrize(
        ("subject", "name", "kind"),
        [
            ("Bosnia and Herzegovina", "Bosnia and Herzegovina", SpeakerType.ORGANIZATION),
            ("Trinidad and Tobago", "Trinidad and Tobago", SpeakerType.ORGANIZATION),
            ("Antigua and Barbuda", "Antigua and Barbuda", SpeakerType.ORGANIZATION),
            ("Saint Kitts and Nevis", "Saint Kitts and Nevis", SpeakerType.ORGANIZATION),
            (
                "The Department of Parks and Recreation",
                "Department of Parks and Recreation",
                SpeakerType.ORGANIZATION,
            ),
            (
                "The Office of Budget and Planning",
                "Office of Budget and Planning",
                SpeakerType.ORGANIZATION,
            ),
        ],
    )
    def test_name_with_and_is_one_organisation(self, extractor, subject, name, kind):
        text = f"{subject} said the audit was clean."
        q = _only(extractor, text, "the audit was clean")
        assert _who(q) == (name, subject, kind)

    @pytest.mark.parametrize(
        ("text", "name", "role"),
        [
            (
                "Treasurer and party chairwoman Lena Marsh said the books were balanced.",
                "Lena Marsh",
                "Treasurer and party chairwoman",
            ),
            (
                "Historian and author Paul Okoye said the books were balanced.",
                "Paul Okoye",
                "Historian and author",
            ),
        ],
    )
    def test_two_roles_before_a_name_are_one_person(self, extractor, text, name, role):
        q = _only(extractor, text, "the books were balanced")
        assert _who(q) == (name, text[: text.index(" said")], SpeakerType.PERSON)
        assert q.speaker.role == role


class TestGenderOf:
    def test_success(self):
        assert gender_of("Martha King") == "female"
        assert gender_of("Lee", mention="Mr. Lee") == "male"
        assert gender_of("Hope Dalby", role="spokeswoman for Mr. Varga") == "female"
        assert honorific_gender(["Mrs."]) == "female"

    def test_fail(self):
        assert gender_of("Robin Whitfield") is None
        assert gender_of("Walter Brennan", mention="Mrs. Walter Brennan") is None
        assert honorific_gender(["Mr.", "and", "Mrs."]) is None


class TestSurnameTakesTheFullName:
    """A surname or first name that is a short form of exactly one earlier full name."""

    @pytest.mark.parametrize(
        ("opening", "mention", "name"),
        [
            ("The mayor met William A. Pardoe on Monday. ", "Pardoe", "William A. Pardoe"),
            ("The museum hired Charlie King last spring. ", "King", "Charlie King"),
            ("The board thanked Matthew Prince for the gift. ", "Prince", "Matthew Prince"),
            ("The panel included Rep. Steve Israel of Ohio. ", "Steve Israel", "Steve Israel"),
            (
                "Ted Cruz toured the farm. Neither Cruz nor Team Cruz answered questions. ",
                "Cruz",
                "Ted Cruz",
            ),
            (
                "Oscar-winning actress Susan Marlowe visited. Oscar-winner Marlowe waved. ",
                "Marlowe",
                "Susan Marlowe",
            ),
        ],
    )
    def test_short_form_takes_the_one_full_name(self, extractor, opening, mention, name):
        text = opening + f'"The budget is too small," {mention} said.'
        q = _only(extractor, text, "The budget is too small")
        assert _who(q) == (name, mention, SpeakerType.PERSON)

    @pytest.mark.parametrize(
        ("opening", "name"),
        [
            ("The novel by Harold Penwick III sold well. ", "Harold Penwick III"),
            ("South Korean-born Monte Penwick runs the shop. ", "Monte Penwick"),
            ("Post Editor-in-Chief Martin Penwick, the editor, spoke first. ", "Martin Penwick"),
        ],
    )
    def test_suffix_and_descriptor_around_a_name(self, extractor, opening, name):
        text = opening + '"The budget is too small," Penwick said.'
        q = _only(extractor, text, "The budget is too small")
        assert _who(q) == (name, "Penwick", SpeakerType.PERSON)

    def test_first_surname_after_a_title_takes_the_double_surname(self, extractor):
        text = (
            "The bank hired Marisol Ortega Quintana in June. "
            '"The budget is too small," Ms. Ortega said.'
        )
        q = _only(extractor, text, "The budget is too small")
        assert q.speaker is not None and q.speaker.name == "Marisol Ortega Quintana"

    def test_middle_word_without_a_title_is_not_a_short_form(self):
        forms = short_forms(["Rachel Maddow Show"], titled=set())
        assert "Maddow" not in forms
        assert short_forms(["Melba Acosta Febo"], titled={"Acosta"})["Acosta"] == "Melba Acosta Febo"

    def test_father_and_son_keep_the_surname(self, extractor):
        text = (
            "Charles Penwick Jr. opened the hall. His son Charles Penwick III spoke after him. "
            '"The budget is too small," Penwick said.'
        )
        q = _only(extractor, text, "The budget is too small")
        assert q.speaker is not None and q.speaker.name == "Penwick"

    def test_two_people_with_one_title_surname_keep_the_mention(self, extractor):
        text = (
            "Charlie King opened the hall. His sister Laura King spoke after him. "
            '"The budget is too small," King said.'
        )
        q = _only(extractor, text, "The budget is too small")
        assert q.speaker is not None and q.speaker.name == "King"

    def test_a_place_alone_is_not_the_person_with_that_surname(self):
        resolver_text = "Rep. Steve Israel spoke. Israel closed its border."
        from quotes.speakers.resolver import SpeakerResolver
        from quotes.text.marks import normalize

        norm = normalize(resolver_text)
        resolver = SpeakerResolver(resolver_text, norm, [(0, len(norm))])
        assert resolver.full_names.get("Steve Israel") == "Steve Israel"
        assert "Israel" not in resolver.full_names


class TestTitleIsTheRole:
    """Titles (``Rev.``, ``Hon.``, ``Whip``, ``Rabbi``) and party tags are no part of the name."""

    @pytest.mark.parametrize(
        ("text", "name", "role"),
        [
            ('"We pray for them," said the Rev. Alma Frisby.', "Alma Frisby", "Rev."),
            ('"We pray for them," Rev. Alma Frisby said.', "Alma Frisby", "Rev."),
            (
                "The Rev. Alma Frisby led the service. " '"We pray for them," Frisby said.',
                "Alma Frisby",
                "Rev.",
            ),
            (
                '"We pray for them," House Speaker Carl T. Brandt (R-Ohio) said on Tuesday.',
                "Carl T. Brandt",
                "House Speaker",
            ),
            (
                '"We pray for them," Senate Majority Whip Dora Kettle said on Tuesday.',
                "Dora Kettle",
                "Senate Majority Whip",
            ),
            ('"We pray for them," said Assemblywoman Dora Kettle.', "Dora Kettle", "Assemblywoman"),
            ('"We pray for them," Rabbi Saul Penner said.', "Saul Penner", "Rabbi"),
            ('"We pray for them," said Congressman Hal Breck.', "Hal Breck", "Congressman"),
        ],
    )
    def test_title_goes_to_role(self, extractor, text, name, role):
        q = _only(extractor, text, "We pray for them")
        assert q.speaker is not None
        assert (q.speaker.name, q.speaker.role, q.speaker.type) == (name, role, SpeakerType.PERSON)

"""Speakers named by a description, a pronoun or an earlier report resolve to the entity the article names.

Made-up sentences. ``the ministry``, ``the company``, ``the spokesman``, ``the U.S.
president`` take the name the article gives that entity; a description the article does
not resolve stays the description (``resolved`` false, lower confidence); a pronoun with
no antecedent stays the speaker mention with no name; a report's source is an antecedent
for a later ``he said`` / ``it said`` like a direct quote's speaker is.
"""

from __future__ import annotations

from conftest import only_quote

import quotes
from quotes.models import Quote, SpeakerType

_only = only_quote  # the one quote containing a text, offsets checked (tests/conftest.py)


def _who(q: Quote) -> tuple[str | None, str, SpeakerType] | None:
    """``(name, mention, type)`` of the quote's speaker."""
    return None if q.speaker is None else (q.speaker.name, q.speaker.mention, q.speaker.type)


class TestReportedSpeakerIsAntecedent:
    def test_it_after_an_organisation_report(self, extractor):
        text = (
            "The Harbour Authority said in a statement that the pier had collapsed. "
            "It said that it would investigate the cause."
        )
        q = _only(extractor, text, "would investigate")
        assert _who(q) == ("Harbour Authority", "It", SpeakerType.ORGANIZATION)
        assert (q.speaker.start, q.speaker.end) == (text.index("It said"), text.index("It said") + 2)

    def test_he_after_a_reported_surname(self, extractor):
        text = 'Okafor said the bridge would reopen. "It will be safe," he said.'
        q = _only(extractor, text, "It will be safe")
        assert _who(q) == ("Okafor", "he", SpeakerType.PERSON)

    def test_it_said_after_a_reported_organisation(self, extractor):
        text = 'The Harbour Authority said the pier had collapsed. "We are inspecting it," it said.'
        q = _only(extractor, text, "We are inspecting")
        assert _who(q) == ("Harbour Authority", "it", SpeakerType.ORGANIZATION)


class TestUnresolvedPronoun:
    def test_he_with_no_antecedent_keeps_the_mention(self, extractor):
        text = '"We are ready," he said.'
        q = _only(extractor, text, "We are ready")
        assert _who(q) == (None, "he", SpeakerType.PERSON)
        assert (q.speaker.start, q.speaker.end) == (16, 18)
        assert q.cue is not None and q.cue.text == "said"

    def test_unresolved_costs_confidence(self, fast):
        unresolved = _only(fast, '"We are ready," he said.', "We are ready")
        named = _only(fast, 'Grace Okafor arrived. "We are ready," she said.', "We are ready")
        assert named.speaker.name == "Grace Okafor"
        assert unresolved.confidence == round(named.confidence - 0.1, 2)

    def test_she_opening_the_article_before_the_quote(self, extractor):
        text = 'She said: "The vote is over." Officials left the hall.'
        q = _only(extractor, text, "The vote is over")
        assert _who(q) == (None, "She", SpeakerType.PERSON)
        assert (q.speaker.start, q.speaker.end) == (0, 3)

    def test_record_and_json_round_trip(self, fast):
        q = _only(fast, '"We are ready," he said.', "We are ready")
        assert q.to_record()["speaker"]["name"] is None
        assert Quote.model_validate_json(q.model_dump_json()) == q

    def test_unresolved_speaker_is_no_dedupe_speaker(self, fast):
        a = fast.extract('"The bridge will reopen in May," he said.', article_id="a")
        b = fast.extract('"The bridge will reopen in May," Okafor said.', article_id="b")
        clusters = quotes.dedupe(a + b)
        assert sorted(c.size for c in clusters) in ([1, 1], [2])
        assert all(c.speaker in (None, "Okafor") for c in clusters)

    def test_table_shows_the_mention(self, tmp_path, capsys):
        from quotes.cli import main

        path = tmp_path / "a.txt"
        path.write_text('"We are ready," he said.\n', encoding="utf-8")
        assert main(["extract", str(path), "--format", "table"]) == 0
        assert "he (unresolved)" in capsys.readouterr().out

    def test_csv_has_no_speaker_key(self, fast):
        import csv
        import io

        from quotes.archive.frames import write_csv

        buf = io.StringIO()
        write_csv(fast.extract('"We are ready," he said.'), buf)
        (row,) = csv.DictReader(io.StringIO(buf.getvalue()))
        assert (row["speaker.mention"], row["speaker.name"], row["speaker_key"]) == ("he", "", "")


class TestOrganisationDescriptions:
    def test_the_company_is_the_named_company(self, extractor):
        text = 'Northvale Railways said the line was closed. "We are working on it," the company said.'
        q = _only(extractor, text, "We are working")
        assert _who(q) == ("Northvale Railways", "the company", SpeakerType.ORGANIZATION)
        assert q.speaker.role == "company"
        assert (q.speaker.start, q.speaker.end) == (text.index("the company"), text.index("the company") + 11)

    def test_the_company_skips_an_organisation_that_is_no_company(self, extractor):
        text = (
            "Brenmoor Motors opened a plant. The Labour Ministry praised it. "
            '"We will hire 300 people," the company said.'
        )
        q = _only(extractor, text, "We will hire")
        assert _who(q) == ("Brenmoor Motors", "the company", SpeakerType.ORGANIZATION)

    def test_the_ministry_takes_the_fullest_name(self, extractor):
        text = (
            "Russia's Defense Ministry said 20 drones were downed. Russian Defense Ministry "
            'officials gave no details. "All targets were hit," the ministry said.'
        )
        q = _only(extractor, text, "All targets were hit")
        assert _who(q) == ("Russian Defense Ministry", "the ministry", SpeakerType.ORGANIZATION)

    def test_short_form_takes_the_canonical_name(self, extractor):
        text = (
            "Russia's Defense Ministry reported strikes on Monday. "
            "Defense Ministry spokesman Igor Konashenkov was not available. "
            '"The strikes hit depots," the Defense Ministry said.'
        )
        q = _only(extractor, text, "The strikes hit depots")
        assert _who(q) == ("Russia's Defense Ministry", "the Defense Ministry", SpeakerType.ORGANIZATION)

    def test_two_countries_keep_the_bare_name(self, extractor):
        text = (
            "Russia's Defense Ministry and Ukraine's Defense Ministry traded claims. "
            '"We hold the bridge," the Defense Ministry said.'
        )
        q = _only(extractor, text, "We hold the bridge")
        assert _who(q) == ("Defense Ministry", "the Defense Ministry", SpeakerType.ORGANIZATION)

    def test_two_ministries_just_before_stay_a_description(self, extractor):
        text = (
            "The Finance Ministry and the Energy Ministry met on Monday. "
            '"Prices will fall," the ministry said.'
        )
        q = _only(extractor, text, "Prices will fall")
        assert _who(q) == ("ministry", "the ministry", SpeakerType.ORGANIZATION)
        named = _only(extractor, 'The Energy Ministry met on Monday. "Prices will fall," the ministry said.', "Prices")
        assert q.confidence == round(named.confidence - 0.1, 2)

    def test_it_is_the_organisation_in_subject_position(self, extractor):
        text = 'The Harbour Authority said it closed the pier. "We found cracks," it said.'
        q = _only(extractor, text, "We found cracks")
        assert _who(q) == ("Harbour Authority", "it", SpeakerType.ORGANIZATION)

    def test_it_after_a_person_spoke_stays_unresolved(self, extractor):
        text = (
            "The Harbour Authority closed the pier. Mayor Ann Lee said the town would pay. "
            '"The cracks are deep," it said.'
        )
        q = _only(extractor, text, "The cracks are deep")
        assert _who(q) == (None, "it", SpeakerType.UNKNOWN)

    def test_organisation_as_modifier_is_no_subject(self, extractor):
        text = 'The Harbour Authority chief quit. "It is a sad day," it said.'
        q = _only(extractor, text, "It is a sad day")
        assert q.speaker is None or q.speaker.name is None


class TestPersonDescriptions:
    def test_country_modifier_matches_a_role_without_country(self, extractor):
        text = (
            "President Donald Trump met Russian President Vladimir Putin. "
            '"It was a good meeting," the U.S. president said.'
        )
        q = _only(extractor, text, "It was a good meeting")
        assert _who(q) == ("Donald Trump", "the U.S. president", SpeakerType.PERSON)

    def test_leader_is_the_head_of_state(self, extractor):
        text = (
            "Ukrainian President Volodymyr Zelenskyy met the press. "
            '"We will not give up," the Ukrainian leader said.'
        )
        q = _only(extractor, text, "We will not give up")
        assert _who(q) == ("Volodymyr Zelenskyy", "the Ukrainian leader", SpeakerType.PERSON)
        assert q.speaker.role == "Ukrainian President"

    def test_leader_of_another_country_is_not_taken(self, extractor):
        text = (
            "Ukrainian President Volodymyr Zelenskyy met the press. "
            '"We will not give up," the Russian leader said.'
        )
        q = _only(extractor, text, "We will not give up")
        assert _who(q) == ("Russian leader", "the Russian leader", SpeakerType.ANONYMOUS)

    def test_unresolved_role_is_an_unnamed_person(self, extractor):
        q = _only(extractor, '"We are ready," the spokesman said.', "We are ready")
        assert _who(q) == ("spokesman", "the spokesman", SpeakerType.ANONYMOUS)

    def test_organisation_spokesman_is_an_unnamed_person(self, extractor):
        cases = [
            ("The Kremlin spokesman said the harbour talks failed.", "Kremlin spokesman", "The Kremlin spokesman"),
            ("The company spokeswoman said the harbour talks failed.", "company spokeswoman", "The company spokeswoman"),
            ("The Pentagon official said the harbour talks failed.", "Pentagon official", "The Pentagon official"),
        ]
        for text, name, mention in cases:
            q = _only(extractor, text, "the harbour talks failed")
            assert _who(q) == (name, mention, SpeakerType.ANONYMOUS)

    def test_organisation_spokesman_named_before_is_the_person(self, extractor):
        text = (
            "Mira Kolev, the ministry spokeswoman, met reporters on Monday. "
            "The ministry spokeswoman said the harbour talks failed."
        )
        q = _only(extractor, text, "the harbour talks failed")
        assert q.speaker.name == "Mira Kolev" and q.speaker.type is SpeakerType.PERSON

    def test_apposition_names_the_spokesman(self, extractor):
        text = '"We will respond," a Kremlin spokesman, Dmitry Peskov, told reporters.'
        q = _only(extractor, text, "We will respond")
        assert q.speaker.name == "Dmitry Peskov" and "Kremlin spokesman" in q.speaker.role

    def test_he_after_an_unnamed_official(self, extractor):
        text = 'A senior official said the talks stalled. "We need more time," he said.'
        q = _only(extractor, text, "We need more time")
        assert _who(q) == ("A senior official", "he", SpeakerType.ANONYMOUS)


class TestPlaceIsNoSpeaker:
    def test_person_of_a_state_is_the_person(self, extractor):
        text = "House Speaker Paul Ryan of Wisconsin said the race was close."
        (q,) = extractor.extract(text)
        assert _who(q) == ("Paul Ryan", "House Speaker Paul Ryan of Wisconsin", SpeakerType.PERSON)
        assert q.speaker.role == "House Speaker"

    def test_person_of_a_state_after_a_lower_case_title(self, extractor):
        text = '"We are ready," said former Gov. Jeb Bush of Florida.'
        q = _only(extractor, text, "We are ready")
        assert q.speaker.name == "Jeb Bush"

    def test_a_state_is_no_person(self, extractor):
        text = "But Nevada offered a unique opportunity, analysts said."
        for q in extractor.extract(text):
            assert q.speaker is None or q.speaker.type is not SpeakerType.PERSON

    def test_state_section_label_is_no_speaker(self, extractor):
        text = "Survey panel.\n\nIowa: Tim Albrecht, Brad Anderson, Rob Barron.\n"
        assert all(q.speaker is None or q.speaker.name != "Iowa" for q in extractor.extract(text))


#: (pattern, text, quote content, expected name, expected role)
CAMPAIGNS = [
    (
        "a possessive full name",
        "Maria Lopez's campaign said the governor's ads were unfair.",
        "the governor's ads were unfair", "Lopez campaign", "Maria Lopez's campaign",
    ),
    (
        "an honorific and a modifier",
        "Ms. Lopez is running for governor. Mrs. Lopez's presidential campaign said the ads were unfair.",
        "the ads were unfair", "Lopez campaign", "Mrs. Lopez's presidential campaign",
    ),
    (
        "his campaign after a named man",
        'Governor Tom Reed spoke in Ohio on Monday. His campaign said the rally drew "a record crowd."',
        "a record crowd", "Reed campaign", "His campaign",
    ),
    (
        "the campaign after one named campaign",
        "Tom Reed's campaign raised $3 million in May. The campaign said it would spend most of it on ads.",
        "it would spend most of it on ads", "Reed campaign", "campaign",
    ),
    (
        "the campaign paragraphs after the one campaign named",
        "Tom Reed's campaign raised $3 million in May. It was a record for the state. "
        "Donors gave more than in any year before. Most of them live in Ohio. "
        "Turnout at his rallies was high as well. The campaign said it would spend most of it on ads.",
        "it would spend most of it on ads", "Reed campaign", "campaign",
    ),
    (
        "the campaign after The campaign opened a sentence",
        "Tom Reed's campaign raised $3 million in May. The campaign spent little in June. "
        "The campaign said it would spend most of it on ads.",
        "it would spend most of it on ads", "Reed campaign", "campaign",
    ),
    (
        "according to a possessive campaign",
        "Tom Reed spoke in Ohio on Monday. Turnout was high, according to Mr. Reed's campaign.",
        "Turnout was high", "Reed campaign", "Mr. Reed's campaign",
    ),
    (
        "a surname with an apostrophe",
        "Sen. Kevin O’Brien spoke in Iowa. O’Brien’s campaign says it will move staff to the "
        "early states.",
        "it will move staff to the early states", "O’Brien campaign", "O’Brien’s campaign",
    ),
    (
        "a possessive read before a verb-like campaign",
        "Governor Tom Reed spoke in Ohio. Reed’s campaign shrugged off the remarks, telling "
        "reporters, “Nobody on the team has ever asked for that endorsement.”",
        "Nobody on the team has ever asked for that endorsement.", "Reed campaign",
        "Reed’s campaign",
    ),
]


def test_campaign_speakers(extractor):
    for pattern, text, content, name, role in CAMPAIGNS:
        q = _only(extractor, text, content)
        assert q.speaker is not None and (q.speaker.name, q.speaker.role) == (name, role), pattern


def test_campaign_owner_not_guessed(extractor):
    # two campaigns named just before: "the campaign" stays a description
    text = (
        "Tom Reed's campaign and Maria Lopez's campaign both raised money in May. "
        "The campaign said it would spend most of it on ads."
    )
    q = _only(extractor, text, "it would spend most of it on ads")
    assert q.speaker is not None and q.speaker.name == "campaign"
    # two campaigns named earlier in the article, none just before: no owner either
    text = (
        "Tom Reed's campaign and Maria Lopez's campaign both raised money in May. "
        "It was a record for the state. Donors gave more than in any year before. "
        "Most of them live in Ohio. Turnout at rallies was high as well. "
        "The campaign said it would spend most of it on ads."
    )
    q = _only(extractor, text, "it would spend most of it on ads")
    assert q.speaker is not None and q.speaker.name == "campaign"
    # "her campaign" after a person of unknown gender: no owner
    text = 'Sam Okafor met voters in Ohio. Her campaign said the rally drew "a record crowd."'
    q = _only(extractor, text, "a record crowd")
    assert q.speaker is not None and q.speaker.name == "Her campaign"


#: (pattern, text, quote content, expected name)
GROUPS = [
    (
        "the group after a named foundation",
        "About 300 courses closed last year, according to the Riverside Golf Foundation. "
        "Most of them were small, the group says.",
        "Most of them were small", "Riverside Golf Foundation",
    ),
    (
        "the organization after a named group",
        "Harbor Arms Group said it had pulled the listing. "
        '"Our mission is safety," the organization wrote.',
        "Our mission is safety", "Harbor Arms Group",
    ),
    (
        "another group introduced in between: the description stays",
        "Harbor Health Group threatened to leave the market. The trade group for the small insurers "
        'also spoke. "The pool is out of balance," the group wrote.',
        "The pool is out of balance", "group",
    ),
]


def test_group_descriptions(extractor):
    for pattern, text, content, name in GROUPS:
        q = _only(extractor, text, content)
        assert q.speaker is not None and q.speaker.name == name, pattern


def test_general_opening_a_company_name_is_kept(extractor):
    cases = [
        ("General Motors said that the harbour plant would close.", "General Motors"),
        ("General Mills said that the harbour plant would close.", "General Mills"),
        ("Zentrix and General Electric said that the harbour plant would close.", "Zentrix and General Electric"),
    ]
    for text, name in cases:
        q = _only(extractor, text, "the harbour plant would close")
        assert (q.speaker.name, q.speaker.type) == (name, SpeakerType.ORGANIZATION)
    # the military title before a surname stays a title
    text = "The harbour plant would close, General Dorrance said."
    q = _only(extractor, text, "The harbour plant would close")
    assert (q.speaker.name, q.speaker.type) == ("Dorrance", SpeakerType.PERSON)
    text = "Attorney General Mira Kolev said that the harbour plant would close."
    q = _only(extractor, text, "the harbour plant would close")
    assert (q.speaker.name, q.speaker.type) == ("Mira Kolev", SpeakerType.PERSON)


def test_company_named_without_a_company_word(extractor):
    text = (
        "Zentrix said on Friday that it had closed 2,000 accounts. Zentrix has struggled "
        "with spam for years. The company said the work would go on."
    )
    q = _only(extractor, text, "the work would go on")
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Zentrix", "company")
    # two candidates in the sentences before: not guessed
    text = (
        "Zentrix and Morvale both closed accounts on Friday. Zentrix has struggled with spam. "
        "The company said the work would go on."
    )
    q = _only(extractor, text, "the work would go on")
    assert q.speaker is not None and q.speaker.name == "company"


def test_company_beside_a_common_word_a_state_and_a_day(extractor):
    text = (
        "Zentrix closed its call centers in Missouri on Tuesday. Workers said Zentrix had "
        "moved their jobs abroad. The company said the workers would be paid until May."
    )
    q = _only(extractor, text, "would be paid until May")
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Zentrix", "company")


def test_the_agency_is_the_department_named_before(extractor):
    text = (
        "The Harbor Department said on Monday that it would close the port for a week. "
        '"We are working as fast as we can," said the agency, which runs four ports.'
    )
    q = _only(extractor, text, "We are working as fast")
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Harbor Department", "agency")
    # an acronym near it may be another agency: not guessed
    text = (
        "The Harbor Department closed the port on Monday, according to data from the FDA. "
        '"We are working as fast as we can," said the agency, which runs four ports.'
    )
    q = _only(extractor, text, "We are working as fast")
    assert q.speaker is not None and q.speaker.name == "agency"


def test_the_agency_is_the_agency_acronym_named_before(extractor):
    text = (
        "The rise in thefts was reported by the FBI on Monday. "
        "The agency said the number of stolen cars had doubled in a year."
    )
    q = _only(extractor, text, "the number of stolen cars")
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("FBI", "agency")
    # beside another acronym that may be an agency: not guessed
    text = (
        "The rise in thefts was reported by the FBI and the ATF on Monday. "
        "The agency said the number of stolen cars had doubled in a year."
    )
    q = _only(extractor, text, "the number of stolen cars")
    assert q.speaker is not None and q.speaker.name == "agency"


def test_the_office_is_the_office_named_before(extractor):
    text = (
        "The Harbor Budget Office released its forecast on Tuesday. "
        "The budget office said the deficit would grow by 4 percent next year."
    )
    q = _only(extractor, text, "the deficit would grow")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Harbor Budget Office", "budget office")


def test_a_named_owners_aides_drop_the_possessive(extractor):
    # "Mrs. Lopez's aides" and "Lopez aides" are one group, named as news writes it most
    text = (
        "Maria Lopez spoke in Ohio on Monday. Mrs. Lopez's aides said the rally drew a record "
        "crowd."
    )
    q = _only(extractor, text, "the rally drew a record crowd")
    assert _who(q) == ("Lopez aides", "Mrs. Lopez's aides", SpeakerType.GROUP)
    text = "Maria Lopez spoke in Ohio on Monday. Her aides said the rally drew a record crowd."
    q = _only(extractor, text, "the rally drew a record crowd")
    assert q.speaker is not None and q.speaker.name != "Lopez aides"

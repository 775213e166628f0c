"""Where a quote's source span starts and ends (``speaker.mention``), on both backends.

PolNeAR's Source spans are the whole noun phrase that names the source; these
made-up sentences pin the boundary families fixed against it.
"""

from __future__ import annotations

import pytest

import quotes


def only(extractor: quotes.Extractor, text: str) -> quotes.Quote:
    found = extractor.extract(text)
    assert len(found) == 1, found
    return found[0]


def statements(extractor: quotes.Extractor, text: str) -> list[quotes.Quote]:
    return extractor.extract(text)


class TestApposition:
    """An apposition after an inverted speaker (``said X, a Y``) belongs to the source."""

    def test_apposition_before_the_quote_resumes(self, extractor):
        text = (
            "“The harbour used to be quiet,” said Tobias Renner, director of the Coastal "
            "Studies Centre at Marlow College, “but the ferries changed everything.”"
        )
        found = statements(extractor, text)
        assert len(found) == 2
        for q in found:
            assert q.speaker.name == "Tobias Renner"
            assert q.speaker.mention == (
                "Tobias Renner, director of the Coastal Studies Centre at Marlow College"
            )

    def test_past_role_after_then(self, extractor):
        q = only(
            extractor,
            "“The plan was never funded,” said Helen Marsh, then the city's budget director.",
        )
        assert q.speaker.name == "Helen Marsh"
        assert q.speaker.mention == "Helen Marsh, then the city's budget director"

    def test_then_before_a_verb_is_no_apposition(self, extractor):
        text = "“The plan was never funded,” said Helen Marsh, then added that she was sorry."
        q = next(q for q in statements(extractor, text) if "funded" in q.text)
        assert q.speaker.mention == "Helen Marsh"

    @pytest.mark.parametrize("age", ["then 38", "38"])
    def test_an_age_belongs_to_the_source(self, extractor, age):
        q = only(extractor, f"“The plan was never funded,” said Helen Marsh, {age}.")
        assert q.speaker.mention == f"Helen Marsh, {age}"
        assert q.speaker.role is None

    def test_an_age_before_the_cue(self, extractor):
        q = only(extractor, "Helen Marsh, 38, said that the plan was never funded.")
        assert q.speaker.name == "Helen Marsh"
        assert q.speaker.mention == "Helen Marsh, 38"


class TestDatedDocument:
    """A date after a participle dates the document that is the source; it stays in."""

    @pytest.mark.parametrize(
        ("text", "mention"),
        [
            (
                "A Harbour Institute poll out Monday showed that the mayor had a wide lead.",
                "A Harbour Institute poll out Monday",
            ),
            (
                "The audit released Tuesday said that the agency lost track of funds.",
                "The audit released Tuesday",
            ),
            (
                "A county survey released last week showed that most residents back the plan.",
                "A county survey released last week",
            ),
        ],
    )
    def test_date_after_a_participle(self, extractor, text, mention):
        q = only(extractor, text)
        assert q.speaker.mention == mention

    def test_date_between_a_person_and_the_cue_stays_out(self, extractor):
        q = only(extractor, "Mayor Ellen Park on Tuesday said that the budget was balanced.")
        assert q.speaker.mention == "Mayor Ellen Park"


class TestLeadingPart:
    """A quantity or a pronoun that opens the subject phrase belongs to the source."""

    @pytest.mark.parametrize(
        ("text", "mention"),
        [
            (
                "The hall went quiet when one of his campaign aides said that the count was late.",
                "one of his campaign aides",
            ),
            ("In Vermont, 62% of Democrats said that the tariffs hurt them.", "62% of Democrats"),
            (
                "The talks stalled. She and her lawyers argued that the contract was void.",
                "She and her lawyers",
            ),
        ],
    )
    def test_whole_subject_phrase(self, extractor, text, mention):
        q = only(extractor, text)
        assert q.speaker.mention == mention

    def test_a_possessive_after_of_is_left_alone(self, extractor):
        q = only(extractor, "One of his aides said that the count was late.")
        assert q.speaker.mention == "One of his aides"


class TestReportingRelativeClause:
    """A relative clause that reports speech is a report of its own, not part of the source."""

    def test_after_an_inverted_speaker(self, extractor):
        text = "“We will win,” said Tom Harvey, who acknowledged that the race was close."
        q = next(q for q in statements(extractor, text) if q.text == "We will win")
        assert q.speaker.name == "Tom Harvey"
        assert q.speaker.mention == "Tom Harvey"

    def test_between_the_speaker_and_the_cue(self, extractor):
        text = (
            "Tom Harvey, who has told aides he sees the issues as linked, said in a statement: "
            "“We will win.”"
        )
        q = next(q for q in statements(extractor, text) if q.text.startswith("We will win"))
        assert q.speaker.name == "Tom Harvey"
        assert q.speaker.mention == "Tom Harvey"

    def test_other_relative_clauses_stay(self, extractor):
        q = only(extractor, "“We will win,” said Tom Harvey, who runs the county party.")
        assert q.speaker.mention == "Tom Harvey, who runs the county party"


class TestInitials:
    """Initials and ``Jr.`` do not end the source."""

    def test_middle_initial_a(self, extractor):
        text = "“The port is busy,” said Nora A. Lindqvist, head of policy at the port."
        q = only(extractor, text)
        assert q.speaker.name == "Nora A. Lindqvist"
        assert q.speaker.mention == "Nora A. Lindqvist, head of policy at the port"

    def test_junior_before_an_apposition(self, extractor):
        text = (
            "“The port is busy,” said Walter P. Greene Jr., a former harbour master. "
            "“It is fine.”"
        )
        for q in statements(extractor, text):
            assert q.speaker.mention == "Walter P. Greene Jr., a former harbour master"

    def test_dotted_initials(self, extractor):
        text = "“The port is busy,” said T.R. Okafor, a shipping analyst in Lagos."
        q = only(extractor, text)
        assert q.speaker.name == "T.R. Okafor"


class TestAccordingTo:
    """After ``according to`` the source runs to the end of its clause; the name stays short."""

    def test_long_phrase_to_the_clause_end(self, extractor):
        text = (
            "The mayor led by four points, according to early results of the exit poll "
            "conducted by Harbour Research for the Coastal Times."
        )
        q = only(extractor, text)
        assert q.speaker.mention == (
            "early results of the exit poll conducted by Harbour Research for the Coastal Times"
        )
        assert q.speaker.name == "Harbour Research"  # the poll's results speak for its issuer

    def test_a_time_at_the_end_stays_out(self, extractor):
        text = (
            "The bridge will close for repairs, according to a report from the county "
            "transport office on Wednesday."
        )
        q = only(extractor, text)
        assert q.speaker.mention == "a report from the county transport office"


def test_two_outlets_joined_by_a_slash(extractor):
    q = only(extractor, "A recent Coastal Times/Harbour News poll showed that the mayor was ahead.")
    assert q.speaker.mention == "A recent Coastal Times/Harbour News poll"

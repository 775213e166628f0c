"""Statements only: what a speaker asserts, denies or asks, and what is no statement at all."""

from __future__ import annotations

import json

import pytest

from quotes import Quote, QuoteKind, Stance, dedupe
from quotes.attribution.cues import stance_of
from quotes.cli.extract import write_quotes


def reported(extractor, text):
    return [q for q in extractor.extract(text) if q.kind is not QuoteKind.DIRECT]


class TestStance:
    def test_a_denial_is_never_asserted(self, extractor):
        text = "Minister Olga Brandt denied that the army had crossed the river on Friday."
        (q,) = reported(extractor, text)
        assert q.text == "that the army had crossed the river on Friday"
        assert q.speaker.name == "Olga Brandt"
        assert q.stance is Stance.DENIES

    def test_disputing_a_report_denies_it(self, extractor):
        text = "Spokesman Karl Wendt disputed a report in the Daily Ledger that the mayor planned to resign."
        found = reported(extractor, text)
        assert found and all(q.stance is Stance.DENIES for q in found)

    def test_a_plain_report_asserts(self, extractor):
        (q,) = reported(extractor, "Minister Olga Brandt said that the army had crossed the river.")
        assert q.stance is Stance.ASSERTS

    def test_a_direct_quote_asserts_its_own_words_even_with_a_denial_cue(self, extractor):
        (q,) = extractor.extract("“That story is false,” Olga Brandt denied.")
        assert q.kind is QuoteKind.DIRECT and q.stance is Stance.ASSERTS

    def test_an_asked_question_questions(self, extractor):
        text = "Asked whether the bridge would reopen in May, the mayor said repairs were on schedule."
        found = reported(extractor, text)
        question = [q for q in found if q.text.startswith("whether")]
        assert question and question[0].stance is Stance.QUESTIONS
        assert [q.stance for q in found if q.speaker is not None] == [Stance.ASSERTS]

    @pytest.mark.parametrize(
        ("cue", "content", "stance"),
        [
            ("denied", "that he met her", Stance.DENIES),
            ("has flatly rejected", "claims that the vote was rigged", Stance.DENIES),
            ("refuted", "the idea that prices rose", Stance.DENIES),
            ("wondered", "if the plan would work", Stance.QUESTIONS),
            ("asked", "whether talks were planned", Stance.QUESTIONS),
            ("asked", "voters to stay home", Stance.ASSERTS),
            ("told Reuters", "that talks were planned", Stance.ASSERTS),
        ],
    )
    def test_stance_of_cue_words(self, cue, content, stance):
        assert stance_of(cue, content) is stance

    def test_stance_is_in_every_output(self, extractor):
        import io

        import pandas as pd
        from quotes import to_dataframe

        (q,) = reported(extractor, "Minister Olga Brandt denied that the army had crossed the river.")
        record = q.to_record()
        assert record["stance"] == "denies"
        assert Quote.from_record(json.loads(json.dumps(record))).stance is Stance.DENIES
        assert Quote.model_validate_json(q.model_dump_json()) == q
        assert to_dataframe([q], flatten=True)["stance"].tolist() == ["denies"]
        assert isinstance(to_dataframe([q]), pd.DataFrame)
        for fmt in ("csv", "table"):
            out = io.StringIO()
            write_quotes([q], out, fmt)
            assert "denies" in out.getvalue()
            assert "stance" in out.getvalue().splitlines()[0]

    def test_an_old_record_without_stance_asserts(self):
        q = Quote.from_record({"text": "Talks failed", "start": 0, "end": 12})
        assert q.stance is Stance.ASSERTS

    def test_dedupe_keeps_a_claim_and_its_denial_apart(self):
        from quotes import Speaker

        sp = Speaker(name="Olga Brandt", mention="Olga Brandt", start=0, end=11, type="person")
        text = "that the army had crossed the river on Friday near the old bridge"
        claim = Quote(text=text, start=20, end=20 + len(text), kind="indirect", speaker=sp, article="a")
        again = claim.model_copy(update={"article": "b"})
        denial = claim.model_copy(update={"article": "c", "stance": Stance.DENIES})
        clusters = dedupe([claim, again, denial])
        sizes = sorted(len(c.members) for c in clusters)
        assert sizes == [1, 2]
        (single,) = [c for c in clusters if len(c.members) == 1]
        assert single.members[0].article == "c"


class TestReferences:
    """A cue whose complement is a bare noun phrase states nothing (``Stance.REFERS``)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Governor Ann Walsh criticized Mayor Tom Price.",
            "Spokesman Karl Wendt later confirmed the minister’s statements.",
            "The senator emphasized the need for more fire engines.",
            "Lena Ortiz was referring to the new tax on imported steel.",
        ],
    )
    def test_a_noun_phrase_object_is_no_quote_by_default(self, extractor, text):
        assert reported(extractor, text) == []

    def test_a_reference_comes_back_when_asked_for(self, extractor):
        import quotes

        ex = quotes.Extractor(backend=extractor.segmenter, stances=Stance)
        (q,) = reported(ex, "Governor Ann Walsh criticized Mayor Tom Price.")
        assert q.text == "Mayor Tom Price" and q.stance is Stance.REFERS

    def test_what_a_source_cites_is_not_its_statement(self, extractor):
        text = (
            "The city will close the bridge for a month, the Daily Ledger reported citing a "
            "city official familiar with the plan."
        )
        found = reported(extractor, text)
        assert [q.text for q in found] == ["The city will close the bridge for a month"]

    def test_a_cited_reason_is_still_a_claim(self, extractor):
        text = "The council declined, citing budget shortfalls and the cost of new staff."
        (q,) = reported(extractor, text)
        assert q.text == "budget shortfalls and the cost of new staff"
        assert q.stance is Stance.ASSERTS

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Governor Ann Walsh criticized Mayor Tom Price for cutting school budgets.",
                "Mayor Tom Price for cutting school budgets",
            ),
            ("Governor Ann Walsh urged Mayor Tom Price to resign.", "Mayor Tom Price to resign"),
        ],
    )
    def test_an_object_with_a_clause_is_still_reported(self, extractor, text, content):
        (q,) = reported(extractor, text)
        assert q.text == content and q.stance is Stance.ASSERTS


class TestNarration:
    def test_a_time_phrase_after_the_attribution_is_no_content(self, extractor):
        text = (
            "No talks on the harbour are scheduled, the ministry said Thursday, nearly a week "
            "after the first session and days after Mayor Tom Price said they would start 'at once.'"
        )
        found = reported(extractor, text)
        ministry = [q for q in found if q.speaker and q.speaker.name == "ministry"]
        assert [q.text for q in ministry] == ["No talks on the harbour are scheduled"]
        assert not any("nearly a week" in q.text for q in found)
        mayor = [q for q in found if q.speaker and q.speaker.name == "Tom Price"]
        assert mayor and "at once" in mayor[0].text  # the quoted words are the mayor's

    def test_the_second_part_of_a_split_content_is_kept(self, extractor):
        text = "The plan, the minister said, would cut costs by a third."
        found = reported(extractor, text)
        assert [q.text for q in found] == ["The plan", "would cut costs by a third"]


class TestGluedStatements:
    def test_a_second_subject_and_cue_after_and_is_a_second_statement(self, extractor):
        text = (
            'Ukrainian officials described the talks in the basilica as "useful" and '
            'Zelenskyy himself said they could prove "historic."'
        )
        found = reported(extractor, text)
        assert [(q.speaker.name, q.text) for q in found] == [
            ("Ukrainian officials", 'the talks in the basilica as "useful"'),
            ("Zelenskyy", 'they could prove "historic."'),
        ]

    def test_two_reports_joined_by_and(self, extractor):
        text = "Officials said the bridge would reopen and Governor Ann Walsh said the talks would resume."
        found = reported(extractor, text)
        assert [(q.speaker.name, q.text) for q in found] == [
            ("Officials", "the bridge would reopen"),
            ("Ann Walsh", "the talks would resume"),
        ]

    def test_and_inside_one_content_is_not_a_second_statement(self, extractor):
        (q,) = reported(extractor, "Officials said taxes and Fees Board charges would rise sharply.")
        assert q.text == "taxes and Fees Board charges would rise sharply"


class TestBoundaries:
    """Where PolNeAR puts a content's edges, on made-up sentences."""

    def test_an_impression_is_its_subject_and_the_to_clause_without_the_cue(self, extractor):
        import quotes

        ex = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True)
        found = reported(ex, "The harbour board is expected to raise the fees next month.")
        assert [q.text for q in found] == ["The harbour board", "to raise the fees next month"]
        assert len({(q.cue.start, q.cue.end) for q in found}) == 1  # one statement, one cue
        assert all(q.speaker is None for q in found)
        assert reported(extractor, "The harbour board is expected to raise the fees next month.") == []

    def test_referring_to_takes_the_preposition_into_the_cue(self, extractor):
        import quotes

        ex = quotes.Extractor(backend=extractor.segmenter, stances=Stance)
        found = reported(ex, "Walsh said the winter was hard, referring to the storms of January.")
        refer = [q for q in found if q.cue.text.startswith("referring")]
        assert refer and refer[0].text == "the storms of January" and refer[0].cue.text == "referring to"

    def test_the_one_asked_is_not_the_question(self, extractor):
        found = reported(extractor, "Reporters asked Governor Ann Walsh whether the harbour would reopen.")
        assert [q.text for q in found] == ["whether the harbour would reopen"]
        assert found[0].stance is Stance.QUESTIONS


class TestClauses:
    def test_a_past_tense_clause_after_a_cue_is_a_statement(self, extractor):
        (q,) = reported(extractor, "The ministry confirmed Russia sent troops to the border.")
        assert q.text == "Russia sent troops to the border" and q.stance is Stance.ASSERTS

    def test_a_phrase_before_the_attribution_is_no_content(self, extractor):
        text = "For the first time, Governor Ann Walsh said the harbour would close."
        found = reported(extractor, text)
        assert [q.text for q in found] == ["the harbour would close"]

    def test_but_and_a_verb_of_saying_start_a_second_report(self, extractor):
        text = "Mayor Dan Ortiz said he had met the harbour board twice but said the fees would not rise."
        found = [q.text for q in reported(extractor, text)]
        assert found == ["he had met the harbour board twice", "the fees would not rise"]
        text = "Mayor Dan Ortiz said the fees were high but fair."
        assert [q.text for q in reported(extractor, text)] == ["the fees were high but fair"]

    def test_a_clause_before_a_relative_cue_is_no_content(self, extractor):
        text = "The harbour board raised the fees for Mayor Dan Ortiz, who said the rise was unfair."
        assert [q.text for q in reported(extractor, text)] == ["the rise was unfair"]
        text = "The harbour board has five members, two of whom have already pledged support."
        assert "The harbour board has five members" not in every_stance(extractor, text)
        text = "The harbour will stay closed, Ann Walsh, who chairs the board, said on Monday."
        assert [q.text for q in reported(extractor, text)] == ["The harbour will stay closed"]

    def test_a_trailing_relative_clause_or_apposition_is_no_part_of_the_content(self, extractor):
        text = "Officials said the vote favoured Governor Ann Walsh, who will face a recount next week."
        (q,) = reported(extractor, text)
        assert q.text == "the vote favoured Governor Ann Walsh"
        text = "Pollsters said the governor led by 16 points, a margin not seen since 1990."
        (q,) = reported(extractor, text)
        assert q.text == "the governor led by 16 points"


def every_stance(extractor, text):
    """The reported quotes of ``text`` as ``quotes evaluate`` asks for them: beliefs, every stance."""
    import quotes

    ex = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
    return [q.text for q in reported(ex, text)]


class TestCueWordsInAnotherSense:
    """A cue word used in a sense that reports nothing gives no quote (`report_gates`)."""

    def test_finding_oneself_somewhere_is_no_finding(self, extractor):
        text = "The harbour authority found itself at the centre of the dispute over fees."
        assert every_stance(extractor, text) == []
        text = "The inspectors found that the harbour wall was unsafe."
        assert every_stance(extractor, text) == ["that the harbour wall was unsafe"]

    def test_finding_ways_is_no_finding(self, extractor):
        for text in (
            "Senator Ann Walsh has found ways to press her agenda through small amendments.",
            "Mayor Dan Ortiz found a way to keep the harbour open.",
        ):
            assert every_stance(extractor, text) == [], text
        text = "The inspectors found the harbour wall was unsafe."
        assert every_stance(extractor, text) == ["the harbour wall was unsafe"]

    def test_maintaining_a_lead_is_no_statement(self, extractor):
        text = "Governor Ann Walsh maintained her double-digit lead over the mayor in the latest poll."
        assert every_stance(extractor, text) == []
        text = "Governor Ann Walsh maintained that the harbour fees were fair."
        assert every_stance(extractor, text) == ["that the harbour fees were fair"]

    def test_a_participle_that_names_a_thing_is_no_report(self, extractor):
        text = "Residents formed a new group called Harbour Watch to fight the fees."
        assert every_stance(extractor, text) == []
        text = "The mayor called the harbour fees a disgrace."
        assert every_stance(extractor, text) == ["the harbour fees a disgrace"]

    def test_a_noun_phrase_after_a_verb_that_takes_a_clause_only_is_no_content(self, extractor):
        for text in (
            "Mayor Dan Ortiz posted messages about the harbour on his blog.",
            "Mayor Dan Ortiz continued his campaign against the harbour fees.",
            "Mayor Dan Ortiz seemed rattled by the questions about the fees.",
        ):
            assert every_stance(extractor, text) == [], text

    def test_asking_for_anonymity_is_no_statement(self, extractor):
        text = "A harbour official, who requested anonymity to discuss the talks, left early."
        assert every_stance(extractor, text) == []

    def test_a_phrasal_verb_particle_opens_no_content(self, extractor):
        for text in (
            "Mayor Dan Ortiz showed up at the harbour meeting on Friday night.",
            "The harbour fees added up to more than two million dollars last year.",
            "The harbour board was backing down from its plan to raise the fees.",
        ):
            assert every_stance(extractor, text) == [], text
        text = "Mayor Dan Ortiz pointed out that the harbour fees had doubled."
        assert every_stance(extractor, text) == ["that the harbour fees had doubled"]

    def test_felt_and_knew_report_nothing(self, extractor):
        assert every_stance(extractor, "Mayor Dan Ortiz felt slighted by the harbour board.") == []
        assert every_stance(extractor, "Mayor Dan Ortiz knew the harbour master well.") == []

    def test_think_tank_is_a_noun(self, extractor):
        text = "Ann Lee, a fellow at a conservative think tank, wrote a book about harbours."
        assert "tank" not in " ".join(every_stance(extractor, text))

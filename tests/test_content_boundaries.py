"""Where reported content starts and ends: one made-up sentence per boundary family.

PolNeAR's conventions (content is the statement, not the narration around it) decide
each family; every test asserts the exact content spans.
"""

from __future__ import annotations

import quotes
from quotes import QuoteKind, Stance


def contents(extractor, text: str) -> list[str]:
    """The reported contents of ``text`` in order, with references and beliefs kept."""
    every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
    found = [q for q in every.extract(text) if q.kind is not QuoteKind.DIRECT]
    for q in found:
        assert text[q.start : q.end] == q.text
    return [q.text for q in found]


class TestLeadPhraseBeforeAParentheticalCue:
    def test_a_phrase_before_a_cue_set_off_by_commas_is_the_first_part(self, extractor):
        text = "In the long run, many economists say, the new tariff will raise prices."
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        parts = every.extract(text)
        assert [q.text for q in parts] == ["In the long run", "the new tariff will raise prices"]
        assert {q.cue.start for q in parts} == {text.index("say")}  # one statement, one cue

    def test_a_phrase_before_a_cue_with_no_second_comma_stays_out(self, extractor):
        text = "In the long run, many economists say the new tariff will raise prices."
        assert contents(extractor, text) == ["the new tariff will raise prices"]


class TestAccordingToAtTheEnd:
    def test_the_claim_before_according_to_is_read_before_the_cue_words_inside_it(self, extractor):
        text = (
            "Forty percent of all reported donations came from women, "
            "according to an analysis by the Harbour Institute."
        )
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        (q,) = every.extract(text)
        assert q.text == "Forty percent of all reported donations came from women"
        assert q.cue.text == "according to"

    def test_a_verb_of_saying_before_according_to_keeps_its_speaker(self, extractor):
        text = "Governor Ann Walsh said the harbour would reopen in May, according to Reuters."
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        (q,) = every.extract(text)
        assert (q.text, q.cue.text, q.speaker.name) == (
            "the harbour would reopen in May", "said", "Ann Walsh"
        )


class TestDashes:
    def test_a_parenthetical_set_off_by_two_dashes_stays_in_the_content(self, extractor):
        for dash in ("-", "—", "--"):
            clause = f"the harbour {dash} closed since May {dash} would reopen next week"
            assert contents(extractor, f"The minister said {clause}.") == [clause]

    def test_a_single_dash_ends_the_content(self, extractor):
        for dash in ("-", "—"):
            text = f"The mayor said the harbour would reopen {dash} a decision many criticised."
            assert contents(extractor, text) == ["the harbour would reopen"]


class TestCommaBreaks:
    def test_a_break_after_a_comma_inside_closing_marks_keeps_the_marks(self, extractor):
        for opening, closing in (('"', '"'), ("“", "”"), ("''", "''")):
            text = f"The mayor said the plan was {opening}reckless,{closing} which angered many."
            assert contents(extractor, text) == [f"the plan was {opening}reckless,{closing}"]

    def test_but_not_and_but_also_go_on_with_the_content(self, extractor):
        text = "The mayor said the plan was costly, but not illegal under the law."
        assert contents(extractor, text) == ["the plan was costly, but not illegal under the law"]
        text = "The mayor said the plan was costly, but the council approved it anyway."
        assert contents(extractor, text) == ["the plan was costly"]

    def test_a_list_of_quoted_words_goes_on_after_a_comma(self, extractor):
        text = 'The mayor said the critics were "liars," a "disgrace" and "cowards."'
        expected = 'the critics were "liars," a "disgrace" and "cowards."'
        assert contents(extractor, text) == [expected]


class TestParticles:
    def test_a_particle_after_the_cue_belongs_to_the_cue(self, extractor):
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        cases = [
            ("Governor Ann Walsh railed against the new tariff on steel imports.", "railed against",
             "the new tariff on steel imports"),
            ("Governor Ann Walsh cautioned against raising taxes before the election.",
             "cautioned against", "raising taxes before the election"),
            ("Governor Ann Walsh has ruled out a second term in office.", "has ruled out",
             "a second term in office"),
        ]
        for text, cue, content in cases:
            (q,) = every.extract(text)
            assert (q.cue.text, q.text) == (cue, content)


class TestAdjunctAfterTheCue:
    def test_a_time_or_circumstance_phrase_after_the_cue_is_no_statement(self, extractor):
        for text in (
            "Governor Ann Walsh told reporters during Tuesday's conference call.",
            "Governor Ann Walsh wrote after the court's ruling in the Dayton case.",
        ):
            assert contents(extractor, text) == []

    def test_a_clause_after_the_phrase_is_the_statement(self, extractor):
        text = "Governor Ann Walsh told reporters during the call that the harbour would reopen."
        assert contents(extractor, text) == ["that the harbour would reopen"]


class TestLeadingSentenceAdverb:
    def test_a_sentence_adverb_and_its_comma_open_no_content(self, extractor):
        for adverb in ("Meanwhile", "However", "Still"):
            text = f"{adverb}, the harbour will stay closed, according to Governor Ann Walsh."
            assert contents(extractor, text) == ["the harbour will stay closed"]

    def test_a_linking_phrase_opens_no_content(self, extractor):
        text = "In fact, the harbour will reopen in May, according to Governor Ann Walsh."
        assert contents(extractor, text) == ["the harbour will reopen in May"]
        text = "Still, Governor Ann Walsh said, the harbour will reopen in May."
        assert contents(extractor, text) == ["the harbour will reopen in May"]

    def test_a_fronted_concessive_clause_opens_no_content(self, extractor):
        text = "Despite weeks of storms, the harbour will reopen in May, according to Ann Walsh."
        assert contents(extractor, text) == ["the harbour will reopen in May"]
        text = "Though the fees have doubled, the fishermen remain loyal to the harbour, Ann Walsh said."
        assert contents(extractor, text) == ["the fishermen remain loyal to the harbour"]

    def test_a_fronted_concessive_clause_before_a_quotation_stays(self, extractor):
        text = 'Though the fees have doubled, "the harbour is full every night," Ann Walsh said.'
        assert all(c.startswith("Though") for c in contents(extractor, text))

    def test_a_dateline_opens_no_content(self, extractor):
        for dateline in ("DAYTON (Reuters) - ", "NEW HARBOUR, Ohio, Dec. 11 (UPI) — "):
            text = f"{dateline}The harbour will stay closed, Governor Ann Walsh said on Monday."
            assert contents(extractor, text) == ["The harbour will stay closed"]


class TestSubordinateClause:
    def test_a_cue_in_a_subordinate_clause_ends_its_content_before_the_main_clause(self, extractor):
        text = "But when Governor Ann Walsh said the harbour would reopen, she looked relieved."
        assert contents(extractor, text) == ["the harbour would reopen"]
        text = (
            "The council met on Monday, and while Governor Ann Walsh said she would hold a hearing,"
            " it is unlikely to change the plan."
        )
        assert contents(extractor, text) == ["she would hold a hearing"]


class TestChainedCue:
    """``X continued to <verb of saying> C``: the chain is the cue, C the content."""

    def test_a_verb_of_saying_after_continued_to_joins_the_cue(self, extractor):
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        (q,) = every.extract("Mayor Dan Ortiz continued to say he had never seen the harbour report.")
        assert (q.text, q.cue.text, q.speaker.name) == (
            "he had never seen the harbour report", "continued to say", "Dan Ortiz"
        )

    def test_a_particle_of_the_chained_verb_is_part_of_the_cue(self, extractor):
        every = quotes.Extractor(backend=extractor.segmenter, include_beliefs=True, stances=Stance)
        (q,) = every.extract("Mayor Dan Ortiz continued to complain about the harbour fees.")
        assert (q.text, q.cue.text) == ("the harbour fees", "continued to complain about")

    def test_continuing_to_do_something_else_is_no_report(self, extractor):
        assert contents(extractor, "Mayor Dan Ortiz continued to build the new harbour wall.") == []


class TestThatClauseEndingInAQuote:
    """``X said that <words>, “Q.”``: the statement is the whole clause from ``that``."""

    def test_a_quote_that_finishes_the_clause_makes_one_mixed_quote(self, extractor):
        text = "Mayor Dan Ortiz noted that he and Ann Walsh, “have talked about it for years.”"
        found = extractor.extract(text)
        assert [(q.kind, q.text, q.cue.text if q.cue else None) for q in found] == [
            (QuoteKind.MIXED, "that he and Ann Walsh, “have talked about it for years.”", "noted"),
        ]
        text = "Mayor Dan Ortiz said that once the council breaks, “I will visit each ward.”"
        (q,) = extractor.extract(text)
        assert (q.kind, q.text[:20]) == (QuoteKind.MIXED, "that once the counci")

    def test_a_clause_with_a_cue_of_its_own_leaves_the_quote_direct(self, extractor):
        text = (
            "Dan Ortiz, who said last week that the harbour was too small for the new ships, "
            "issued a statement saying, “We will build a second pier.”"
        )
        direct = [q for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT]
        assert [(q.text, q.cue.text if q.cue else None) for q in direct] == [
            ("We will build a second pier.", "saying")
        ]

    def test_a_quote_the_reported_rules_leave_unread_stays_direct(self, extractor):
        # a report needs a resolved "he"; the direct quote keeps the pronoun as its speaker
        text = "He adds that the harbour has two choices: “You either grow or you close.”"
        direct = [q for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT]
        assert [q.text for q in direct] == ["You either grow or you close."]


class TestWhollyQuotedContent:
    """A reported content with no word outside the marks but a leading ``that`` is direct."""

    def test_a_quoted_object_of_the_cue_is_a_direct_quote(self, extractor):
        (q,) = extractor.extract('Mayor Dan Ortiz called for "new boots on the ground."')
        assert (q.kind, q.cue.text) == (QuoteKind.DIRECT, "called for")

    def test_a_quoted_clause_after_that_is_a_direct_quote(self, extractor):
        text = "Tom Fitton, the president of the group, said that ''the damage is done.''"
        (q,) = extractor.extract(text)
        assert (q.kind, q.text) == (QuoteKind.DIRECT, "that ''the damage is done.''")

    def test_words_outside_the_marks_keep_it_mixed(self, extractor):
        (q,) = extractor.extract('Mayor Dan Ortiz called for "new boots on the ground" in May.')
        assert q.kind is QuoteKind.MIXED


class TestParticleAfterADirectCue:
    """``“…,” he shot back.``: a particle or manner adverb right after the verb is in the cue."""

    def test_a_particle_or_adverb_after_the_verb_joins_the_cue(self, extractor):
        cases = [
            ('"The plan is a lie," Mayor Dan Ortiz shot back.', "shot back"),
            ('"The plan is a lie," Mayor Dan Ortiz said again.', "said again"),
            ('"The plan is a lie," Mayor Dan Ortiz said sarcastically.', "said sarcastically"),
            ('"The plan is a lie," Mayor Dan Ortiz went on.', "went on"),
            ('Mayor Dan Ortiz lashed out: "The plan is a lie."', "lashed out"),
        ]
        for text, cue in cases:
            (q,) = extractor.extract(text)
            assert q.cue.text == cue, text

    def test_a_time_word_or_a_phrase_after_the_adverb_stays_out(self, extractor):
        for text in (
            '"The plan is a lie," Mayor Dan Ortiz said early Monday.',
            '"The plan is a lie," Mayor Dan Ortiz said quietly to reporters.',
        ):
            (q,) = extractor.extract(text)
            assert q.cue.text == "said", text

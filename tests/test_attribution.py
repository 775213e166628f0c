"""Speakers, cues and channels of direct quotes, on both backends."""

from __future__ import annotations

import quotes
from quotes import QuoteKind, SpeakerType


def direct(extractor: quotes.Extractor, text: str) -> list[quotes.Quote]:
    return [q for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT]


def only(extractor: quotes.Extractor, text: str) -> quotes.Quote:
    found = direct(extractor, text)
    assert len(found) == 1, found
    return found[0]


class TestSpeakerPosition:
    def test_after_the_quote(self, extractor):
        q = only(extractor, "“The vote is final,” Senator Maria Lopez said on Friday.")
        assert q.speaker.name == "Maria Lopez"
        assert q.speaker.type is SpeakerType.PERSON
        assert q.cue.text == "said"

    def test_inverted(self, extractor):
        text = "“The vote is final,” said Maria Lopez, a senator from Texas."
        q = only(extractor, text)
        assert q.speaker.name == "Maria Lopez"
        assert text[q.speaker.start:q.speaker.end] == "Maria Lopez"

    def test_before_with_colon(self, extractor):
        q = only(extractor, "The prime minister, Keir Starmer, told parliament: “We will act.”")
        assert q.speaker.name == "Keir Starmer"

    def test_before_with_comma(self, extractor):
        text = "Asked about the ceasefire, Sergei Lavrov replied, “Nothing has changed.”"
        assert only(extractor, text).speaker.name == "Sergei Lavrov"

    def test_on_the_next_line(self, extractor):
        text = "“WE WILL REBUILD EVERY HOUSE,”\nGovernor Ana Silva said in a statement."
        q = only(extractor, text)
        assert q.speaker.name == "Ana Silva"
        assert q.via == "a statement"

    def test_unclosed_paragraph_start_mark(self, extractor):
        text = "Talks resumed on Monday.\nWe are open to a deal,” Chancellor Olaf Scholz said."
        q = only(extractor, text)
        assert q.text == "We are open to a deal"
        assert q.speaker.name == "Olaf Scholz"


class TestResolution:
    def test_surname_resolves_to_full_name_and_role(self, extractor):
        text = (
            "Finance Minister Christian Lindner met bankers on Tuesday.\n"
            "“Rates are too high,” Lindner said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Christian Lindner"
        assert q.speaker.mention == "Lindner"
        assert q.speaker.role == "Finance Minister"

    def test_pronoun_resolves_to_subject_of_previous_sentence(self, extractor):
        text = (
            "President Emmanuel Macron criticised Viktor Orban's veto on Thursday.\n"
            "“Europe cannot wait,” he said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Emmanuel Macron"
        assert q.speaker.mention == "he"

    def test_unresolvable_pronoun_gives_no_speaker(self, extractor):
        q = only(extractor, "“We will not stop,” he said.")
        assert q.speaker is None

    def test_appositive_role(self, extractor):
        text = "Jake Sullivan, the national security adviser, said: “We have been clear.”"
        q = only(extractor, text)
        assert q.speaker.name == "Jake Sullivan"
        assert "national security adviser" in q.speaker.role

    def test_organization(self, extractor):
        q = only(extractor, "“The strike hit military targets only,” the Defense Ministry said.")
        assert q.speaker.type is SpeakerType.ORGANIZATION

    def test_anonymous(self, extractor):
        q = only(extractor, "“Nobody expected this,” a senior official told Reuters.")
        assert q.speaker.type is SpeakerType.ANONYMOUS
        assert q.via == "Reuters"


class TestStatements:
    def test_interrupted_quote_shares_the_cue_instance(self, extractor):
        text = "“We are ready,” Minister Anna Berg said. “But not at any price.”"
        first, second = direct(extractor, text)
        assert first.speaker.name == second.speaker.name == "Anna Berg"
        assert (first.cue.start, first.cue.end) == (second.cue.start, second.cue.end)

    def test_continuation_paragraph_keeps_speaker_with_lower_confidence(self, extractor):
        text = (
            "“The grid is stable,” Energy Minister Olena Koval said.\n"
            "“We have reserves for the winter.”"
        )
        first, second = direct(extractor, text)
        assert second.speaker.name == "Olena Koval"
        assert second.confidence < first.confidence


class TestChannels:
    def test_telegram(self, extractor):
        q = only(extractor, "“The attack was repelled,” Governor Vitaliy Kim wrote on Telegram.")
        assert q.via == "Telegram"

    def test_told_agency(self, extractor):
        q = only(extractor, "“There is no deal,” Dmitry Peskov told the Interfax news agency.")
        assert q.via == "Interfax"

    def test_quoted_as_saying(self, extractor):
        q = only(extractor, "“We will respond,” KCNA quoted Kim Yo Jong as saying.")
        assert q.speaker.name == "Kim Yo Jong"
        assert q.via == "KCNA"


class TestNotSpeech:
    def test_scare_quotes_have_no_speaker(self, extractor):
        text = "Officials in Moscow call the government the “Kyiv regime” in briefings."
        assert all(q.speaker is None for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT)
        assert not direct(extractor, text)

    def test_quoted_word_in_headline_is_ignored(self, extractor):
        text = "Minister slams 'sabotage' at port\nThe port reopened on Monday after repairs."
        assert extractor.extract(text) == []

    def test_related_articles_list_is_ignored(self, extractor):
        body = "The port reopened on Monday after repairs to the main crane were completed. " * 3
        text = body + "\nRelated Articles\n“We are back,” the port director said.\n"
        assert extractor.extract(text) == []

"""Speakers named by a description, a pronoun or an earlier report resolve to the entity the article names.

Made-up sentences. ``the ministry``, ``the company``, ``the spokesman``, ``the U.S.
president`` take the name the article gives that entity; a description the article does
not resolve stays the description (``resolved`` false, lower confidence); a pronoun with
no antecedent stays the speaker mention with no name; a report's source is an antecedent
for a later ``he said`` / ``it said`` like a direct quote's speaker is.
"""

from __future__ import annotations

import quotes
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

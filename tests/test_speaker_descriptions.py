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

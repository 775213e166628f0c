"""The document: one article read once, shared by every pipeline stage.

[`Document`][quotes.document.Document] is built once per article by
[`Document.build`][quotes.document.Document.build] (like spaCy's ``Doc``) and then read by every
stage in one direction: ``text -> Document -> direct quotes -> reported speech ->
(learned tagger) -> speakers -> channel -> Quote``. It holds

* ``text``: the article as given (every offset points into it);
* ``norm``: the same text with quote marks normalised (same length, so offsets
  carry over; see [`quotes.text.marks.normalize`][]);
* ``lines``: the body lines (boilerplate dropped; `quotes.text.boilerplate.body_lines`);
* ``sentences``: sentence spans from the segmentation backend;
* ``quoted_spans``: the paired quote marks ([`quotes.text.quoted.find_quoted_spans`][]);
* ``resolver``: the article's [`SpeakerResolver`][quotes.speakers.resolver.SpeakerResolver],
  which learns each attributed speaker as the stages find them.

Tokens are computed where a rule needs them (`quotes.text.tokens.tokens`): on PolNeAR
train 92% of the spans tokenised are distinct, so a per-document cache would cost more
memory than it saves.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from typing import Optional

from quotes.models import Article, CueType, Provenance, Quote, QuoteKind, Span, Speaker, Stance
from quotes.speakers.resolver import SpeakerResolver, is_description
from quotes.text.boilerplate import body_lines
from quotes.text.linebreaks import unify_line_breaks
from quotes.text.marks import FOLD_MARK, fold_double_apostrophes, normalize
from quotes.text.quoted import QuotedSpan, find_quoted_spans
from quotes.text.segment import Segmenter

__all__ = ["Document", "fold_quote_marks"]

_TRIPLE_CLOSE = re.compile(r"(?<=\S)'{3}(?=[\s,.;:!?)]|$)")
_TRIPLE_OPEN = re.compile(r"(?<![\w'])'{3}(?=\w)")


def fold_quote_marks(text: str) -> str:
    """`fold_double_apostrophes`, reading three apostrophes as a single and a double mark.

    In ``''… 'We'll bomb them,''' said McCain`` the inner quote closes, then the
    outer. The result has the length of ``text``.

    Examples:
        >>> fold_quote_marks("''Yes,'' he said.").replace(FOLD_MARK, "~")
        '~"Yes,~" he said.'
    """
    if "'" * 3 in text:
        text = _TRIPLE_CLOSE.sub("'" + FOLD_MARK + '"', text)
        text = _TRIPLE_OPEN.sub(FOLD_MARK + '"' + "'", text)
    return fold_double_apostrophes(text)


@dataclass
class Document:
    """One article, normalised, split into lines and sentences, with its quote marks paired.

    Build it with [`build`][quotes.document.Document.build]; the stages read it and add speakers to
    its `resolver`.
    """

    article: Article
    text: str
    norm: str
    lines: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    resolver: SpeakerResolver
    quoted_spans: list[QuotedSpan] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    line_starts: list[int] = field(init=False, repr=False)
    #: Per-article indexes that many calls of a step share, built on first use
    #: (`quotes.text.intervals.cover_of`).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.line_starts = [a for a, _ in self.lines]

    @classmethod
    def build(cls, article: Article, segmenter: Segmenter) -> Document:
        """Normalise, find the body, segment and pair the quote marks of one article."""
        text = article.text
        # Lines, sentences and quote pairs read every line break as "\n" (same length).
        lined = unify_line_breaks(text)
        norm = fold_quote_marks(normalize(lined))
        lines = body_lines(lined)
        sentences = segmenter.segment(lined)
        # The marks are paired on the folded original text, the rules read the
        # normalised one; both have the length of ``text``.
        spans = find_quoted_spans(fold_quote_marks(lined), lines)
        return cls(
            article=article,
            text=text,
            norm=norm,
            lines=lines,
            sentences=sentences,
            sentence_starts=[a for a, _ in sentences],
            resolver=SpeakerResolver(text, norm, lines),
            quoted_spans=spans,
            quoted=[(q.start, q.end) for q in spans],
        )

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence span containing ``offset`` (or the nearest one before it)."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k < 0:
            return (0, 0)
        return self.sentences[k]

    def line_of(self, offset: int) -> int:
        """Index of the body line containing ``offset``, or -1."""
        k = bisect.bisect_right(self.line_starts, offset) - 1
        if k >= 0 and self.lines[k][0] <= offset <= self.lines[k][1]:
            return k
        return -1

    def span(self, a: int, b: int) -> Span:
        """A [`Span`][quotes.models.Span] of the original text."""
        return Span(text=self.text[a:b], start=a, end=b)

    def quote(
        self,
        start: int,
        end: int,
        *,
        kind: QuoteKind,
        cue_type: CueType,
        speaker: Optional[Speaker],
        cue: Optional[Span],
        via: Optional[str],
        confidence: float,
        segmenter: Segmenter,
        rules: tuple[str, ...],
        stance: Stance = Stance.ASSERTS,
    ) -> Quote:
        """The `Quote` of ``text[start:end]``: the one factory every component uses.

        The article's id, outlet and date and the provenance (backend and its
        version, the component and rule in ``rules``) are filled in here. A
        speaker with no name (an unresolved pronoun) or named by a description the
        article does not resolve (``the spokesman``) costs 0.1 of confidence.
        """
        art = self.article
        if speaker is not None and (speaker.name is None or is_description(speaker)):
            confidence = max(0.0, round(confidence - 0.1, 2))
        return Quote(
            text=self.text[start:end],
            start=start,
            end=end,
            kind=kind,
            cue_type=cue_type,
            stance=stance,
            speaker=speaker,
            cue=cue,
            via=via,
            article=art.id,
            outlet=art.outlet,
            published=art.published,
            confidence=confidence,
            provenance=Provenance(backend=segmenter.name, backend_version=segmenter.version, rules=rules),
        )

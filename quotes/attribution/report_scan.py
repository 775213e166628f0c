"""Reading one sentence for reports, cue word by cue word.

`SentenceScan` is the state of [`quotes.attribution.reported.attribute_reported`][]
over one sentence, once the forms that take the whole sentence have not read and
``asked-question`` has been tried: for each cue word left to right it reads
``according`` (`quotes.attribution.report_according`), skips a word that is no verb
here, reads ``impression``, then the cue (`quotes.attribution.report_cue.read_cue`)
and its speaker (`quotes.attribution.report_subject.subject`), and places the
content by the forms of `quotes.attribution.report_placement.ContentPlacement`
(``content-first:inverted``, ``content-first`` / ``content-first:split``,
``cue-first`` and ``object``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotes.attribution.cues import TELL
from quotes.attribution.report_according import according
from quotes.attribution.report_build import widen
from quotes.attribution.report_content import comma_between
from quotes.attribution.report_context import predicate_noun
from quotes.attribution.report_cue import ReportCue, quoted_speaker, quoting_verb, read_cue
from quotes.attribution.report_cue_use import not_a_cue
from quotes.attribution.report_cues import SAY_LIKE, report_cue_words, report_kind
from quotes.attribution.report_forms import asked_question, impression
from quotes.attribution.report_gates import names_nobody
from quotes.attribution.report_placement import ContentPlacement
from quotes.attribution.report_subject import subject
from quotes.document import Document
from quotes.models import Quote, Speaker
from quotes.text.intervals import cover_of
from quotes.text.segment import Segmenter
from quotes.text.tokens import tokens

__all__ = ["SentenceScan"]


@dataclass
class SentenceScan(ContentPlacement):
    """One sentence read for reports, cue word by cue word, left to right."""

    @classmethod
    def of(
        cls,
        ctx: Document,
        seg: Segmenter,
        lo: int,
        hi: int,
        marks: list[tuple[int, int]],
        blocked: list[tuple[int, int]],
        direct: list[Quote],
    ) -> SentenceScan:
        """The scan of the sentence ``lo:hi``, nothing taken yet."""
        direct_in = _starting_in(ctx, direct, lo, hi)
        toks = tokens(ctx.norm, lo, hi)
        taken = cover_of(marks, blocked, cache=ctx.memo)
        return cls(ctx, seg, lo, hi, marks, blocked, direct_in, toks, taken, consumed=lo)

    def asked_question(self) -> Quote | None:
        """``Asked whether C, X said ...``: the question, unless a direct quote covers it.

        A question after a report (``X said C when asked whether Q``) takes no words from
        the cues before it: it is returned, to be added once they are read
        (`add_question`).
        """
        question = asked_question(self.ctx, self.seg, self.lo, self.hi, self.marks)
        if question is None or any(
            s < question.end and e > question.start for s, e in self.blocked
        ):
            return None
        if question.cue is not None and _ASKED_AFTER_REPORT.search(
            self.ctx.norm, max(self.lo, question.cue.start - 8), question.cue.start
        ):
            return question
        self.out.append(question)
        self.consumed = question.end
        return None

    def add_question(self, question: Quote) -> None:
        """Add a question read after a report, unless a content already covers part of it."""
        if not any(q.start < question.end and q.end > question.start for q in self.out):
            self.out.append(question)

    def run(self) -> None:
        """Read every token of the sentence; only cue words outside quotes are read further."""
        toks, cue_words = self.toks, report_cue_words()
        self.according_first()
        k = 0
        while k < len(toks):
            word, a, _b = toks[k]
            if (
                word.lower() not in cue_words
                or a < self.consumed
                or self.taken
                and a in self.taken
            ):
                k += 1  # most tokens: no cue word, or one inside a quote or a taken content
                continue
            k += self.read(k)

    def read(self, k: int) -> int:
        """Read the cue word at ``k``; return how many tokens to go on by."""
        low = self.toks[k][0].lower()
        if low == "according" and k + 1 < len(self.toks) and self.toks[k + 1][0].lower() == "to":
            self.according(k)
            return 2
        if not_a_cue(self.toks, k):
            return 1  # "the stated goal", "his home state", "The Sunshine State is ..."
        impressed = low.startswith(("seem", "appear", "expected"))
        if impressed and k + 1 < len(self.toks) and self.toks[k + 1][0].lower() == "to":
            if self.impression(k):
                return 1
        kinds = report_kind(self.toks, k)
        if kinds is None or low in ("quoted", "cited") and self._quotes_someone(k):
            return 1  # "Interfax quoted X as saying C": read at "saying", X its speaker
        cue = read_cue(self.ctx, self.toks, k, *kinds, hi=self.hi, blocked=self.blocked)
        if (
            comma_between(self.ctx, self.consumed, cue.a)
            or cue.going_on is not None
            or (cue.content_start(self.ctx, self.toks) is not None)
        ):  # else no content after the cue and none before it: skip resolving a speaker
            self.report(cue)
        return 1

    def _quotes_someone(self, k: int) -> bool:
        """Whether ``quoted`` / ``cited`` at ``k`` opens ``quoted X as saying`` (`quoting_verb`)."""
        toks = self.toks
        ahead = range(k + 2, min(len(toks), k + 12))
        return any(toks[n][0].lower() == "saying" and quoting_verb(toks, n) == k for n in ahead)

    def according_first(self) -> None:
        """``C, according to X``: the claim is read before the cue words inside ``C``.

        ``Forty-three percent of all reported contributions came from women, according to
        an analysis``: C is the analysis's claim (PolNeAR), not the content of ``reported``
        with the subject ``Forty-three percent of all``. The words of ``C`` are then taken.
        A verb of saying before it keeps its own content (``Peskov said C, according to
        Reuters``: Peskov said it, Reuters is the channel).
        """
        toks = self.toks
        for k in range(2, len(toks) - 1):
            low = toks[k][0].lower()
            if low in SAY_LIKE or low in TELL:
                return  # "Peskov said C, according to Reuters": Peskov's, through Reuters
            if (
                toks[k - 1][0] == ","
                and toks[k][0].lower() == "according"
                and toks[k + 1][0].lower() == "to"
            ):
                self.according(k)
                return

    def according(self, k: int) -> None:
        """``According to X, C`` / ``C, according to X`` at token ``k``."""
        q = according(self.ctx, self.seg, self.toks, k, self.lo, self.hi, self.consumed, self.marks)
        if q is not None:
            self.out.append(q)
            self.consumed = max(self.consumed, q.end, q.speaker.end if q.speaker else 0)

    def impression(self, k: int) -> bool:
        """``X seems to C`` at token ``k``; whether it read."""
        parts = impression(
            self.ctx, self.seg, self.toks, k, self.consumed, self.hi, self.blocked, self.marks
        )
        if not parts:
            return False
        self.out.extend(parts)
        self.consumed = max(self.consumed, parts[-1].end)
        return True

    #: The speaker last found in the sentence and where its cue starts, its report kept or not.
    heard: tuple[int, Speaker] | None = None

    def report(self, cue: ReportCue) -> None:
        """The report of a cue: its speaker, then the forms that place its content."""
        prev = self.out[-1].speaker if self.out else _direct_speaker_before(self.direct, cue.a)
        if self.heard is not None and (not self.out or self.out[-1].start < self.heard[0]):
            prev = self.heard[1]  # "X thanked Miami and said C": X, though "Miami" is too short
        if cue.quoter is not None:  # "Interfax quoted X as saying C": X
            quoted = quoted_speaker(self.ctx, self.toks, cue.k, cue.b)
            found: tuple[Speaker, tuple[int, int] | None] | None = (
                None if quoted is None else (quoted[0], (quoted[0].start, quoted[0].end))
            )
        elif self.carry is not None and self.carry[0] == cue.a:
            found = (self.carry[1], None)
        else:
            found = subject(self.ctx, self.toks, cue.j, self.consumed, self.lo, cue.low, prev)
        if found is None:
            self.inverted_at_end(cue)
            return
        sp, span = found
        sp = widen(self.ctx, sp, span)
        self.heard = (cue.a, sp)
        np_start = span[0] if span else sp.start
        if (
            cue.low.endswith("ing")
            and cue.j == cue.k
            and predicate_noun(self.ctx, self.consumed, np_start, sp.end, cue.a)
        ):
            return  # "X is a propaganda term questioning C": the participle describes a noun
        if np_start < cue.a and self.content_first(cue, sp, np_start):
            return  # a speaker after the cue ("After saying C, X left") has its content after
        made = len(self.out)
        self.cue_first(cue, sp, span, np_start)
        if names_nobody(sp.mention):
            # "Along with X, she said C", "X at the debate refusing to C": C, but nobody named so
            self.out[made:] = [_speakerless(q) for q in self.out[made:]]


#: What stands right before ``asked`` in a question after a report: ``, when``, `` when``, ``,``.
_ASKED_AFTER_REPORT = re.compile(r"(?:,\s+(?:when\s+)?|\s+when\s+)$", re.I)


def _starting_in(ctx: Document, direct: list[Quote], lo: int, hi: int) -> list[Quote]:
    """The quotes of ``direct`` that start in ``[lo, hi)``, in their order in ``direct``.

    Bisects an index of ``direct`` by start, built once per article (`Document.memo`),
    instead of reading every quote of the article for every sentence.
    """
    kept = ctx.memo.get("direct by start")
    if kept is None or kept[0] is not direct or kept[1] != len(direct):
        order = sorted(range(len(direct)), key=lambda n: direct[n].start)
        kept = (direct, len(direct), order, [direct[n].start for n in order])
        ctx.memo["direct by start"] = kept
    _d, _n, order, starts = kept
    picked = order[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    return [direct[n] for n in sorted(picked)]


def _speakerless(q: Quote) -> Quote:
    """The report ``q`` with no speaker, 0.1 less sure (as for an unresolved one)."""
    less = max(0.0, round(q.confidence - 0.1, 2))
    return q.model_copy(update={"speaker": None, "confidence": less})


def _direct_speaker_before(direct: list[Quote], at: int) -> Speaker | None:
    """The speaker of the last direct quote before ``at`` (``"...," he said, citing ...``)."""
    found = [q for q in direct if q.end <= at and q.speaker is not None]
    return found[-1].speaker if found else None

"""Where the content of a reported cue lies, once its speaker is known.

`ContentPlacement` holds the state of one sentence's scan
(`quotes.attribution.report_scan.SentenceScan` reads the cues and speakers) and
places the content of a cue by the rules of `quotes.attribution.rules.RULES`:
``content-first:inverted`` (``C, said the minister.``), ``content-first`` /
``content-first:split`` (``C, X said.``, ``C1, X said, C2.``), ``cue-first`` (``X said
(that) C``, ``..., saying C``) and ``object`` (``X criticized Y``). ``consumed`` is
where the content not yet taken starts; ``carry`` hands a speaker to a participle
cue that follows (``X reported, citing Y``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotes.attribution.report_build import ACCORDING_TAIL, MIN_WORDS, build
from quotes.attribution.report_content import (
    ANSWER,
    clause_end,
    comma_before,
    content_limit,
    fragment_end,
    participle_at,
)
from quotes.attribution.report_content_text import names_no_clause
from quotes.attribution.report_context import (
    TIME_DISTANCE,
    adverbial_lead,
    clause_follows,
    closed_off,
    lead_via,
)
from quotes.attribution.report_cue import ReportCue
from quotes.attribution.report_cues import (
    LEAD_ADVERBIAL_OPENERS,
    NAMING,
    object_end,
    reporting_kind,
)
from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.document import Document
from quotes.lexicon import REPORTING_VERBS
from quotes.models import CueType, Quote, Speaker
from quotes.speakers.channels import find_via
from quotes.speakers.noun_phrase import scan_right
from quotes.text.intervals import SpanCover
from quotes.text.marks import FOLD_MARK
from quotes.text.segment import Segmenter
from quotes.text.tokens import Token

__all__ = ["ContentPlacement"]


#: What a source cites (``X reported citing Y that C``: Y) is a ``cue-first`` report at
#: 0.7, below the rule's base 0.75: the value it has always had, kept as it is.
_CITED_CONFIDENCE = 0.7


#: A subordinating word right before the subject of a cue (``But when Clinton said C, he
#: looked ...``, ``while he said C, it is ...``): the content ends with its clause, at a comma.
_SUBORDINATOR_BEFORE = re.compile(
    r"\b(?:when|while|whereas|because|although|though|since|once|unless|now\s+that)\s+$", re.I
)


#: The main clause after a subordinate one: a comma and a subject pronoun or determiner.
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:he|she|it|they|we|I|you|there|the|his|her|its|their)\s)")


#: The verb of the sentence after a participle aside's closing comma (``X, citing Y, has
#: said C``): an auxiliary or adverb at most, then a reporting verb.
_VERB_AFTER_ASIDE = re.compile(
    r"\s*(?:(?:has|have|had|also|later|then|again|previously|repeatedly)\s+)*(?:"
    + "|".join(sorted(REPORTING_VERBS))
    + r")\b",
    re.I,
)


@dataclass
class ContentPlacement:
    """One sentence read for reports: its state, and the forms that place a cue's content."""

    ctx: Document
    seg: Segmenter
    lo: int
    hi: int
    marks: list[tuple[int, int]]  #: the quoted fragments of the article
    blocked: list[tuple[int, int]]  #: the direct quotes of the article, with their cues
    direct: list[Quote]  #: the direct quotes that start in the sentence
    toks: list[Token]
    taken: SpanCover  #: fragments and direct quotes of the article: no cue there
    out: list[Quote] = field(default_factory=list)
    consumed: int = 0  #: content before this offset is taken
    carry: tuple[int, Speaker] | None = None  #: a participle cue that goes on for a speaker
    nested_from: int | None = None  #: where a content-first content holding a report starts

    def _build(
        self,
        cue: ReportCue,
        a: int,
        b: int,
        sp: Speaker,
        via: str | None,
        rule: str,
        min_words: int = MIN_WORDS,
    ) -> Quote | None:
        """The quote of the content ``a:b`` reported by ``sp`` with ``cue`` (`build`)."""
        return build(
            self.ctx,
            self.seg,
            a,
            b,
            sp,
            cue.span,
            cue.kind,
            via,
            rule,
            self.marks,
            min_words=min_words,
        )

    @RULES.implements("reported", "content-first:inverted")
    def inverted_at_end(self, cue: ReportCue) -> None:
        """``C, said the minister.``: no subject before the cue, the speaker after it."""
        ctx, hi = self.ctx, self.hi
        if not comma_before(ctx.norm, self.consumed, cue.a, _CLOSING):
            return
        inv = scan_right(ctx.norm, cue.b, hi)
        if inv is None:
            return
        cites = participle_at(ctx, inv.end, hi)
        ends = _ENDS.match(ctx.norm, inv.end, hi)
        if not (ends or cites is not None):
            return
        sp = resolve_speaker(ctx, inv, cue.a)
        if sp is None:
            return
        comma = ctx.norm.rfind(",", self.consumed, cue.a)
        via = find_via(ctx.norm[cue.a : hi])
        q = self._build(cue, self.consumed, comma, sp, via, "content-first:inverted")
        if q:
            self.out.append(q)
            self.consumed = inv.end
            if cites is not None:  # "C, said Reuters citing Y"
                self.carry = (cites, sp)

    @RULES.implements("reported", "content-first", "content-first:split")
    def content_first(self, cue: ReportCue, sp: Speaker, np_start: int) -> bool:
        """``C, X said.`` / ``C1, X said, C2.``: the content before (and around) the attribution.

        Returns:
            Whether the cue is done with: its content was read here, or it has none
            (``Later, the company said`` with no clause after it).
        """
        nested, self.nested_from = self.nested_from, None
        if nested is not None:  # "X believe C, officials said.": from the sentence start
            kept, self.consumed = self.consumed, nested
            if not self.content_first(cue, sp, np_start):
                self.consumed = kept
                return False
            return True
        before = (
            self.ctx.norm[self.consumed : np_start].rstrip() if np_start >= self.consumed else ""
        )
        if before.rstrip(_CLOSING).endswith(",") and not before.endswith(","):
            before = before.rstrip(_CLOSING)  # 'C with a "quoted end," X said': the comma is inside
        tail = self._attribution_tail(cue)
        if tail is None or not _content_first_form(cue, before, tail):
            return False
        if _RELATIVE_SUBJECT.match(self.ctx.norm, self.consumed + len(before), cue.a):
            return False  # "C, who added to her lead": a relative clause on C's last noun
        if any(
            self.consumed <= s < np_start and closed_off(self.ctx.norm, e) for s, e in self.blocked
        ):  # '"Down with the tax"—In what …, the mayor said': the quote is no content of X
            return False
        after = cue.cue_end + len(tail)
        parts = [(self.consumed, self.consumed + len(before) - 1, "content-first")]
        if tail.endswith(","):  # "C1, X said, C2."
            parts += self._second_part(after)
        split = len(parts) > 1
        if not split and adverbial_lead(self.ctx.norm[self.consumed : parts[0][1]]):
            return False  # "When he came to Washington, he felt ...": not the content
        if not split and self._no_clause(parts):
            return False  # "For the first time, X said ...": a phrase, no statement
        if sum(len(self.ctx.text[x:y].split()) for x, y, _ in parts) < MIN_WORDS:
            return not clause_follows(self.ctx, cue.content_start(self.ctx, self.toks))
        via = find_via(self.ctx.norm[np_start:after])
        built = [self._build(cue, x, y, sp, via, rule, min_words=1) for x, y, rule in parts]
        self.out.extend(q for q in built if q is not None)
        self.consumed = max([after] + [q.end for q in built if q is not None])
        if cue.going_on is not None and any(q is not None for q in built):
            self.carry = (self.toks[cue.going_on][1], sp)  # "..., citing Y": the same source cites
        return True

    def _no_clause(self, parts: list[tuple[int, int, str]]) -> bool:
        """Whether content-first ``parts`` hold no clause and no quoted words.

        See `quotes.attribution.report_content_text.names_no_clause`.
        """
        norm = self.ctx.norm
        quoted = any(x <= s < y for x, y, _r in parts for s, _e in self.marks)
        return not quoted and all(names_no_clause(norm[x:y].strip(" ,")) for x, y, _r in parts)

    def _attribution_tail(self, cue: ReportCue) -> str | None:
        """What follows the cue up to a comma or a stop (``, X said Tuesday,``), or ``None``."""
        norm = self.ctx.norm
        tail_m = _TAIL.match(norm, cue.cue_end, self.hi)
        if tail_m is None:
            return None
        if cue.going_on is not None:  # "C, X reported citing Y": as with a comma
            return norm[cue.cue_end : self.toks[cue.going_on][1]]
        return norm[cue.cue_end : tail_m.end()]

    def _second_part(self, after: int) -> list[tuple[int, int, str]]:
        """``C1, X said, C2.``: the part after the attribution, when it goes on with the content."""
        limit = content_limit(self.blocked, after, self.hi, self.ctx.memo)
        end = clause_end(self.ctx, after, limit)
        nxt = re.match(r"\s*([A-Za-z]+)", self.ctx.norm[after:end])
        if TIME_DISTANCE.match(self.ctx.norm, after, end):
            return []  # "C, the Kremlin said Thursday, nearly a week after ...": narration
        if (
            nxt
            and reporting_kind(nxt.group(1)) is None
            and nxt.group(1).lower() not in _CONJUNCTIONS
        ):
            return [(after, end, "content-first:split")]
        return []

    @RULES.implements("reported", "cue-first")
    def cue_first(
        self, cue: ReportCue, sp: Speaker, span: tuple[int, int] | None, np_start: int
    ) -> None:
        """``X said (that) C``, ``..., saying C``: the content follows the cue."""
        start = cue.content_start(self.ctx, self.toks)
        if cue.going_on is not None:
            self._cited(self.toks[cue.going_on], sp, start)
        if start is None or start >= cue.limit:
            return
        via, end, tail = self._content_end(cue, span, np_start, start)
        if cue.obj_kind is not None:
            q = self.object_form(cue, sp, span, start, end, via)
        else:
            # "called Trump “unhinged”": a naming verb with an object and a short quoted name
            short = (
                2
                if cue.low in NAMING and any(start <= s < end for s, _e in self.marks)
                else MIN_WORDS
            )
            if self.carry is not None and self.carry[0] == cue.a:
                short = 1  # "..., citing precedent": what a source cites may be one word
            answer = self._answer(cue, start, end)
            if answer is not None:
                short, end = 1, answer  # "Flake said he would.", "72 percent said yes, but"
            q = self._build(cue, start, end, sp, via, "cue-first", min_words=short)
        if q:
            self.out.append(q)
            # Nested reports belong to this speaker; a coordinated "and said ..." is a new one.
            closing = _closing_report_at(self.ctx.norm, q.end, self.hi, cue.low)
            if closing is not None:  # "X believe C, officials said.": the whole report is theirs
                self.consumed, self.nested_from = closing, self.lo
            else:
                self.consumed = self.hi if q.end >= cue.limit - 2 or tail else q.end

    def _answer(self, cue: ReportCue, start: int, end: int) -> int | None:
        """Where a short answer after ``said`` ends (``yes``, ``so``, ``he would``), or ``None``."""
        if cue.low not in _SAID_FORMS:
            return None
        m = ANSWER.match(self.ctx.norm, start, end) or _ELLIPSIS.fullmatch(self.ctx.norm, start, end)
        return m.end() if m is not None else None

    def _cited(self, participle: Token, sp: Speaker, start: int | None) -> None:
        """``X reported citing Y that C``: Y is what X cites (a report of its own), C what X says.

        ``X reported citing Y.``: the participle has the content, X is its source
        (carried to the participle's cue).
        """
        word, p_start, p_end = participle
        if start is None:
            self.carry = (p_start, sp)
            return
        p_cue = self.ctx.span(p_start, p_end)
        p_kind = reporting_kind(word) or CueType.SPEECH
        cited = build(
            self.ctx,
            self.seg,
            p_end,
            start,
            sp,
            p_cue,
            p_kind,
            None,
            "cue-first",
            self.marks,
            min_words=1,
            confidence=_CITED_CONFIDENCE,
        )
        if cited is not None:
            self.out.append(cited)

    def _content_end(
        self, cue: ReportCue, span: tuple[int, int] | None, np_start: int, start: int
    ) -> tuple[str | None, int, bool]:
        """The channel, the end of the content at ``start``, whether ``, according to`` ends it."""
        ctx = self.ctx
        # "Interfax quoted X as saying": the agency before the verb is the channel
        via_from = np_start if cue.quoter is None else max(self.lo, self.consumed, cue.quoter - 60)
        via = find_via(ctx.norm[via_from:start]) or lead_via(
            ctx, max(self.lo, self.consumed), np_start
        )
        end = clause_end(ctx, start, cue.limit)
        if end == cue.limit:  # 'X said "we need a leader. We need a leader now."': the fragment
            end = fragment_end(ctx, start, end)
        if start < np_start < end:  # "In explaining C, X described ...": C ends before X
            comma = ctx.norm.rfind(",", start, np_start)
            end = comma if comma > start else end
        if span is not None and ctx.norm[span[0] : span[1]].lower() in ("who", "which"):
            comma = ctx.norm.find(",", start, end)  # "X, who cited C, went on": C ends at the comma
            end = comma if comma > start else end
        elif (
            span is not None
            and cue.low.endswith("ing")
            and ctx.norm[span[1] : cue.a].strip() == ","
        ):
            comma = ctx.norm.find(",", start, end)  # "X, citing C, said ...": the aside ends there
            if comma > start and _VERB_AFTER_ASIDE.match(ctx.norm, comma + 1, end):
                end = comma
        opener = re.match(r"\W*([A-Za-z]+)", ctx.norm[self.lo : cue.a])
        if (
            opener
            and opener.group(1).lower() in LEAD_ADVERBIAL_OPENERS
            and "," not in ctx.norm[self.lo : cue.a]
        ):
            comma = ctx.norm.find(
                ",", start, end
            )  # "Despite polls showing C, X did ...": C ends there
            end = comma if comma > start else end
        elif _SUBORDINATOR_BEFORE.search(ctx.norm, max(self.lo, np_start - 12), np_start):
            main = _MAIN_CLAUSE.search(ctx.norm, start, end)  # "when X said C, he looked ..."
            end = main.start() if main else end
        closing = CLOSING_REPORT.search(ctx.norm, start, end)
        if closing is not None:  # "X believe C, officials said.": C ends before the closing report
            end = _after_closed_comma(ctx.norm, closing.start())
        tail = ACCORDING_TAIL.search(ctx.norm, end, cue.limit)
        if tail is not None and end < cue.limit:  # "X said C1, but C2, according to Reuters"
            via = via or find_via(ctx.norm[tail.start() : cue.limit])
        return via, end, tail is not None

    @RULES.implements("reported", "object")
    def object_form(
        self,
        cue: ReportCue,
        sp: Speaker,
        span: tuple[int, int] | None,
        start: int,
        end: int,
        via: str | None,
    ) -> Quote | None:
        """``X criticized Y``, ``X endorsed Y``: the object is the content.

        Returns:
            The quote, or ``None`` when there is none or it was kept here without
            taking the rest of the sentence: inside a relative clause (``X, who
            endorsed Y, said C``) the main verb still reads the whole subject.
        """
        end = object_end(self.ctx, start, end)
        inside = (t for t in self.toks[cue.k + 1 :] if start < t[1] < end)
        verb = next((t for t in inside if t[0].lower() in REPORTING_VERBS), None)
        if verb is not None and cue.k > 0 and self.toks[cue.k - 1][0].lower() in ("who", "that"):
            # "residents who oppose the pipeline said C": the object ends before the main verb
            q = self._build(cue, start, verb[1], sp, via, "object", min_words=1)
            if q:
                self.out.append(q)
            return None
        q = self._build(cue, start, end, sp, via, "object", min_words=1)
        if q and span is not None and self.ctx.norm[span[0] : span[1]].lower() in ("who", "that"):
            self.out.append(q)
            return None
        return q


def _content_first_form(cue: ReportCue, before: str, tail: str) -> bool:
    """Whether ``C, X said[ tail]`` reads content first: a comma before the subject, a short tail.

    Not with an object verb, a ``that`` in the tail, or a clause after the cue
    (``..., X says they are unwilling to debate.``).
    """
    return (
        cue.obj_kind is None
        and before.endswith(",")
        and len(tail.split()) <= (6 if cue.low in REPORTING_VERBS else 2)
        and "that" not in tail.split()
        and not _PRONOUN_CLAUSE.match(tail)
    )


#: A relative clause opening right after a content-first comma (``..., who added``, ``..., two
#: of whom have pledged``, ``..., a bill that critics called``): the cue belongs to a clause on
#: the last noun before the comma, and what precedes it is no content (PolNeAR train: 12 such
#: reports, none right). A relative inside the subject (``..., Ann Walsh, who chairs the
#: board, said``) is no such opening.
_RELATIVE_SUBJECT = re.compile(
    r"\s*(?:(?:[\w-]+\s+){1,2}of\s+)?(?:who|whom|whose|which)\b"
    r"|\s*(?:an?|the)\s+(?:[\w'’-]+\s+){1,5}?(?:that|which|whom)\s",
    re.I,
)


#: The forms of ``say`` whose content may be a short answer (`ANSWER`, `_ELLIPSIS`).
_SAID_FORMS = frozenset("say says said saying".split())
#: A whole content that is a pronoun and a modal, the verb left out (``he would``,
#: ``she could not``).
_ELLIPSIS = re.compile(
    r"(?:he|she|they|it|we|I)\s+(?:would|could|will|can|did|does|do|was|were|had|has|should|"
    r"might|must)(?:\s+not|n['’]t)?[.!?]?\s*",
    re.I,
)


_CONJUNCTIONS = frozenset("but and although though while as or so yet because".split())


#: Closing quote marks (`quotes.text.marks.FOLD_MARK` stands for the first of ``''``).
_CLOSING = "\"'”’" + FOLD_MARK


#: A content-first report closing the sentence (``, officials said.``, ``, Jones said.``,
#: ``, Reuters reported.``, ``, the campaign told USA TODAY.``, ``, records show.``, ``, Jones
#: said, adding that C2.``): its content is the whole clause before it, a report by another
#: speaker included (``X plans to C, Jones said.`` is Jones's; ``plans`` keeps only ``to C``).
CLOSING_REPORT = re.compile(
    r"\s*,[\"'”’\x7f]*\s+(?:the\s+|a\s+)?(?:[A-Za-z][\w'’.-]*\s+){0,3}?[A-Za-z][\w'’-]*\s+"
    r"(?:said|says|added|reported|wrote|noted|show|shows|showed|told\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}?[A-Z][\w.'’-]*|told\s+reporters)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
    r"(?:\s*[.!?]?\s*$|,\s+(?:adding|noting|saying)\b)"
)


#: What may follow an inverted speaker: a comma or stop, or the sentence end.
_ENDS = re.compile(r"\s*(?:[,.;]|$)")


#: The rest of an attribution after its cue, up to a comma, a stop or a dash.
_TAIL = re.compile(r"[^,.;:]{0,60}?(?:[,.;:]|(?=\s+(?:—|–|--)\s)|$)")


_PRONOUN_CLAUSE = re.compile(r"\s*(?:he|she|they|we|i|it|there)\s+[a-z’']+\s+\w", re.I)


def _after_closed_comma(norm: str, at: int) -> int:
    """``at``, or past the comma and closing marks there (``a "burn bag,"``: the marks stay in)."""
    end = at + 1 if norm.startswith(",", at) else at
    while end < len(norm) and norm[end] in _CLOSING:
        end += 1
    return end if end > at + 1 else at


def _closing_report_at(norm: str, end: int, hi: int, cue: str) -> int | None:
    """Where a `CLOSING_REPORT` by another speaker starts after a content ending at ``end``.

    The content may end after a comma and closing marks (``"... behaviors,'' The Post
    reported.``). A pronoun closing a report whose cue is ``said`` (``X said C, "...," he
    said.``) repeats the same speaker: no report of its own (``None``).
    """
    at = end
    while at > 0 and norm[at - 1] in _CLOSING:
        at -= 1
    if at < end and norm[at - 1 : at] == ",":
        at -= 1
    if CLOSING_REPORT.match(norm, at, hi) is None:
        return None
    if cue in _SAID_FORMS and _PRONOUN_CLOSING.match(norm, at, hi):
        return None
    return at


#: A closing report by a pronoun (``, he said.``).
_PRONOUN_CLOSING = re.compile(r"\s*,[\"'”’\x7f]*\s+(?:he|she|they|it|we|i)\s", re.I)

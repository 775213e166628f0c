"""Reading one sentence for reports, cue word by cue word.

`SentenceScan` is the state of [`quotes.attribution.reported.attribute_reported`][]
over one sentence, once the forms that take the whole sentence have not read and
``asked-question`` has been tried: for each cue word left to right it reads
``according``, skips a word that is no verb here, reads ``impression``, then the cue
(`_Cue`) and its speaker, and places the content by the rules
``content-first:inverted``, ``content-first`` / ``content-first:split``, ``cue-first``
and ``object`` of `quotes.attribution.rules.RULES`. ``consumed`` is where the
content not yet taken starts; ``carry`` hands a speaker to a participle cue that
follows (``X reported, citing Y``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quotes.attribution.cues import TELL
from quotes.attribution.report_content import (
    clause_end,
    comma_before,
    comma_between,
    content_after,
    content_limit,
    names_no_clause,
    participle_after,
    participle_at,
)
from quotes.attribution.report_context import (
    TIME_DISTANCE,
    adverbial_lead,
    clause_follows,
    closed_off,
    lead_via,
    predicate_noun,
)
from quotes.attribution.report_cues import (
    LEAD_ADVERBIAL_OPENERS,
    NAMING,
    OBJECT_VERBS,
    SAY_LIKE,
    chained_cue,
    is_particle,
    not_a_cue,
    object_end,
    report_cue_words,
    report_kind,
    reporting_kind,
)
from quotes.attribution.report_forms import (
    ACCORDING_TAIL,
    MIN_WORDS,
    according,
    asked_question,
    build,
    impression,
    widen,
)
from quotes.attribution.report_subject import between_subject_and_cue, subject
from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.document import Document
from quotes.text.intervals import SpanCover, cover_of
from quotes.text.tokens import Token, tokens
from quotes.lexicon import REPORTING_VERBS, WEEKDAYS
from quotes.models import CueType, Quote, Span, Speaker
from quotes.speakers.channels import find_via
from quotes.speakers.noun_phrase import scan_right
from quotes.text.segment import Segmenter

__all__ = ["SentenceScan"]

#: What a source cites (``X reported citing Y that C``: Y) is a ``cue-first`` report at
#: 0.7, below the rule's base 0.75: the value it has always had, kept as it is.
_CITED_CONFIDENCE = 0.7


@dataclass
class _Cue:
    """A cue word of a report, as `SentenceScan.read_cue` read it."""

    k: int  #: its token
    low: str  #: the cue word, lower-cased
    a: int  #: where the cue starts (``was quoted as saying``: at ``quoted``)
    b: int  #: where the cue word ends
    kind: CueType
    obj_kind: CueType | None  #: its type as a verb with an object (``endorsed Clinton``)
    last: int  #: its last token: a particle (``called for``), the object of ``told``
    j: int  #: the first token of its verb group (``has also said``), where the subject ends
    cue_end: int
    span: Span  #: the cue's text
    limit: int  #: where content after it must stop (the sentence end or a direct quote)
    going_on: int | None  #: a participle cue right after it (``reported citing``), or ``None``

    def content_start(self, ctx: Document, toks: list[Token]) -> int | None:
        """Where the content starts after the cue (`content_after`)."""
        say_like = self.low in SAY_LIKE or self.low in TELL
        return content_after(ctx, toks, self.last, say_like, self.low.startswith(OBJECT_VERBS))


#: A subordinating word right before the subject of a cue (``But when Clinton said C, he
#: looked ...``, ``while he said C, it is ...``): the content ends with its clause, at a comma.
_SUBORDINATOR_BEFORE = re.compile(
    r"\b(?:when|while|whereas|because|although|though|since|once|unless|now\s+that)\s+$", re.I
)

#: The main clause after a subordinate one: a comma and a subject pronoun or determiner.
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:he|she|it|they|we|I|you|there|the|his|her|its|their)\s)")


@dataclass
class SentenceScan:
    """One sentence read for reports, cue word by cue word, left to right."""

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

    def asked_question(self) -> None:
        """``Asked whether C, X said ...``: the question, unless a direct quote covers it."""
        question = asked_question(self.ctx, self.seg, self.lo, self.hi, self.marks)
        if question is not None and not any(
            s < question.end and e > question.start for s, e in self.blocked
        ):
            self.out.append(question)
            self.consumed = question.end

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
        if kinds is None:
            return 1
        cue = self.read_cue(k, *kinds)
        if (
            comma_between(self.ctx, self.consumed, cue.a)
            or cue.going_on is not None
            or (cue.content_start(self.ctx, self.toks) is not None)
        ):  # else no content after the cue and none before it: skip resolving a speaker
            self.report(cue)
        return 1

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

    def read_cue(self, k: int, kind: CueType, obj_kind: CueType | None) -> _Cue:
        """The cue at ``k``: particle, verb group, the object of ``told``, a participle after it."""
        toks = self.toks
        word, a, b = toks[k]
        low = word.lower()
        last = k
        if k + 1 < len(toks) and is_particle(low, toks[k + 1][0].lower()):
            last = k + 1
        last = chained_cue(toks, last)  # "continued to question C"
        j = k
        if (
            low == "saying"
            and k >= 2
            and toks[k - 1][0].lower() == "as"
            and toks[k - 2][0].lower() == "quoted"
        ):
            j = k - 2  # "was quoted as saying"
            a = toks[j][1]
        j = _verb_group_start(toks, j, low)
        on_day = j > 2 and toks[j - 1][0].lower() in WEEKDAYS and toks[j - 2][0].lower() == "on"
        if obj_kind is not None and on_day:
            j = _verb_group_start(toks, j - 2, low)  # "Sanders, who on Tuesday endorsed Clinton"
        cue_end = toks[last][2]
        if low in TELL:
            obj = scan_right(self.ctx.norm, b, self.hi)
            if obj is not None:
                cue_end = obj.end
                last = _index_at(toks, obj.end)
        limit = content_limit(self.blocked, cue_end, self.hi, self.ctx.memo)
        host = low if low in TELL else toks[last][0].lower()  # "told Reuters citing": the verb
        going_on = participle_after(toks, last, limit, host)
        span = self.ctx.span(a, cue_end)
        return _Cue(k, low, a, b, kind, obj_kind, last, j, cue_end, span, limit, going_on)

    def report(self, cue: _Cue) -> None:
        """The report of a cue: its speaker, then the forms that place its content."""
        prev = self.out[-1].speaker if self.out else _direct_speaker_before(self.direct, cue.a)
        if self.carry is not None and self.carry[0] == cue.a:
            found: tuple[Speaker, tuple[int, int] | None] | None = (self.carry[1], None)
        else:
            found = subject(self.ctx, self.toks, cue.j, self.consumed, self.lo, cue.low, prev)
        if found is None:
            self.inverted_at_end(cue)
            return
        sp, span = found
        sp = widen(self.ctx, sp, span)
        np_start = span[0] if span else sp.start
        if (
            cue.low.endswith("ing")
            and cue.j == cue.k
            and predicate_noun(self.ctx, self.consumed, np_start, sp.end, cue.a)
        ):
            return  # "X is a propaganda term questioning C": the participle describes a noun
        if self.content_first(cue, sp, np_start):
            return
        self.cue_first(cue, sp, span, np_start)

    def _build(
        self,
        cue: _Cue,
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
    def inverted_at_end(self, cue: _Cue) -> None:
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
    def content_first(self, cue: _Cue, sp: Speaker, np_start: int) -> bool:
        """``C, X said.`` / ``C1, X said, C2.``: the content before (and around) the attribution.

        Returns:
            Whether the cue is done with: its content was read here, or it has none
            (``Later, the company said`` with no clause after it).
        """
        before = (
            self.ctx.norm[self.consumed : np_start].rstrip() if np_start >= self.consumed else ""
        )
        if before.rstrip(_CLOSING).endswith(",") and not before.endswith(","):
            before = before.rstrip(_CLOSING)  # 'C with a "quoted end," X said': the comma is inside
        tail = self._attribution_tail(cue)
        if tail is None or not _content_first_form(cue, before, tail):
            return False
        if any(self.consumed <= s < np_start and closed_off(self.ctx.norm, e) for s, e in self.blocked):
            return False  # '"Down with the tax"—In what …, the mayor said': the quote is no content of X
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
        """Whether content-first ``parts`` hold no clause and no quoted words (`names_no_clause`)."""
        norm = self.ctx.norm
        quoted = any(x <= s < y for x, y, _r in parts for s, _e in self.marks)
        return not quoted and all(names_no_clause(norm[x:y].strip(" ,")) for x, y, _r in parts)

    def _attribution_tail(self, cue: _Cue) -> str | None:
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
        end = clause_end(self.ctx, after, content_limit(self.blocked, after, self.hi, self.ctx.memo))
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
        self, cue: _Cue, sp: Speaker, span: tuple[int, int] | None, np_start: int
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
            q = self._build(cue, start, end, sp, via, "cue-first", min_words=short)
        if q:
            self.out.append(q)
            # Nested reports belong to this speaker; a coordinated "and said ..." is a new one.
            self.consumed = self.hi if q.end >= cue.limit - 2 or tail else q.end

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
        self, cue: _Cue, span: tuple[int, int] | None, np_start: int, start: int
    ) -> tuple[str | None, int, bool]:
        """The channel, the end of the content at ``start``, whether ``, according to`` ends it."""
        ctx = self.ctx
        via = find_via(ctx.norm[np_start:start]) or lead_via(
            ctx, max(self.lo, self.consumed), np_start
        )
        end = clause_end(ctx, start, cue.limit)
        if span is not None and ctx.norm[span[0] : span[1]].lower() in ("who", "which"):
            comma = ctx.norm.find(",", start, end)  # "X, who cited C, went on": C ends at the comma
            end = comma if comma > start else end
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
        tail = ACCORDING_TAIL.search(ctx.norm, end, cue.limit)
        if tail is not None and end < cue.limit:  # "X said C1, but C2, according to Reuters"
            via = via or find_via(ctx.norm[tail.start() : cue.limit])
        return via, end, tail is not None

    @RULES.implements("reported", "object")
    def object_form(
        self,
        cue: _Cue,
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


def _verb_group_start(toks: list[Token], j: int, cue: str) -> int:
    """The first token of the verb group that ends at token ``j`` (``has also said``)."""
    while j > 0 and between_subject_and_cue(toks[j - 1][0], cue):
        j -= 1
    return j


def _content_first_form(cue: _Cue, before: str, tail: str) -> bool:
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


_CONJUNCTIONS = frozenset("but and although though while as or so yet because".split())
_CLOSING = "\"'”’"
#: What may follow an inverted speaker: a comma or stop, or the sentence end.
_ENDS = re.compile(r"\s*(?:[,.;]|$)")
#: The rest of an attribution after its cue, up to a comma, a stop or a dash.
_TAIL = re.compile(r"[^,.;:]{0,60}?(?:[,.;:]|(?=\s+(?:—|–|--)\s)|$)")

_PRONOUN_CLAUSE = re.compile(r"\s*(?:he|she|they|we|i|it|there)\s+[a-z’']+\s+\w", re.I)


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


def _direct_speaker_before(direct: list[Quote], at: int) -> Speaker | None:
    """The speaker of the last direct quote before ``at`` (``"...," he said, citing ...``)."""
    found = [q for q in direct if q.end <= at and q.speaker is not None]
    return found[-1].speaker if found else None


def _index_at(toks: list[Token], end: int) -> int:
    """The first token that ends at or after ``end`` (the last token if none does)."""
    for n, (_w, _a, b) in enumerate(toks):
        if b >= end:
            return n
    return len(toks) - 1

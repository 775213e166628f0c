"""Where a direct quote's cue and speaker are: after it, before it, or after a colon.

`attribute_after` reads ``”, Peskov said`` and ``,” said Peskov``;
`attribute_before` reads ``Peskov replied, “``, ``Said Comey, “`` and
``According to CNN, “``; `quotes.attribution.direct_colon.colon_speaker` the transcript form ``Bush: “…”``
(signed quotes are read by [`quotes.attribution.direct_signatures`][]). Split out of
[`quotes.attribution.direct`][], which re-exports these names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.attribution.cues import (
    FINITE,
    INTRO_EXTRA,
    LEAD,
    NOUN_CUES,
    PARTICIPLE_RE,
    PHRASAL_CUES,
    PREPOSITIONS,
    TO_SAY,
    Attribution,
    after_determiner,
    attributed,
    aux_start,
    compound_noun_next,
    cue_kind,
    cue_span,
    cue_type_of,
    intro_cue,
    mark_inside_end,
    possessive_mark,
    quote_as_object,
    short_close,
    to_say_chain_start,
)
from quotes.attribution.direct_colon import before_cue_alone, colon_speaker
from quotes.attribution.direct_subject import modified_role_name, wide_speaker, with_subject
from quotes.attribution.report_cue import quoted_speaker
from quotes.attribution.rules import RULES
from quotes.attribution.source import clause_subject, loose_subject, read_subject, resolve_speaker
from quotes.document import Document
from quotes.lexicon import CUE_AUXILIARIES, NON_NAME_CAPITALS
from quotes.models import CueType, Span, Speaker, SpeakerType
from quotes.speakers.channels import find_via
from quotes.speakers.noun_phrase import (
    CAPS_WINDOW,
    FUNCTION_WORDS,
    NounPhrase,
    bare_phrase,
    scan_left,
    scan_right,
    without_article,
)
from quotes.text.quoted import QuotedSpan
from quotes.text.tokens import Token, first_tokens, skip_spaces, tokens

#: Words that may follow the speaker of an inverted cue (``said Sanders as he left``).
_INVERTED_FOLLOW = frozenset(
    """in on at during after before from to of as when while who whose which that via
    about outside inside near since until with without familiar involved close known""".split()
)


#: ``…,” according to X``.
_ACCORDING = re.compile(r"([Aa]ccording\s+to)\s+")
#: Characters after a quote read for its channel (``said on Telegram``): the attribution
#: is within a few words of the quote (its cue within 40 tokens); reading to the end of
#: a sentence that runs on for pages would cost the sentence for every quote in it.
VIA_WINDOW = 1000


@dataclass(frozen=True)
class _AfterWindow:
    """The text after a closing mark that may hold its attribution."""

    lo: int  # just after the closing mark
    start: int  # the first word after the punctuation that follows the mark
    end: int  # the end of the sentence (or of the line)
    extended: bool  # the splitter ended the sentence at the mark ("“Why?” he asked.")
    full_stop: bool  # the quote ends with a full stop inside the mark


def _after_window(ctx: Document, q: QuotedSpan, hi: int) -> _AfterWindow:
    """Where to look for the cue after ``q``'s closing mark, up to ``hi``."""
    lo = q.close + 1
    sent_end = ctx.sentence_of(q.close)[1]
    if sent_end <= lo and "\n" in ctx.norm[q.close:lo + 1]:  # speaker on the next line
        sent_end = ctx.sentence_of(skip_spaces(ctx.norm, lo, hi))[1]
    extended = False
    if sent_end <= lo + 1 and mark_inside_end(ctx, q) in ("?", "!", "."):
        # "“Why?” he asked.": the splitter ends the sentence at the closing mark.
        sent_end = ctx.sentence_of(skip_spaces(ctx.norm, lo + 1, hi))[1]
        extended = True
    full_stop = mark_inside_end(ctx, q) == "."
    end = min(hi, max(sent_end, lo))
    start = LEAD.match(ctx.norm, lo, end).end()  # type: ignore[union-attr]
    return _AfterWindow(lo, start, end, extended, full_stop)


def attribute_after(ctx: Document, q: QuotedSpan, hi: int) -> Optional[Attribution]:
    """Cue and speaker right after the closing mark (``,” Peskov said``), or ``None``.

    Tries the rules ``after:according``, then the first cue word of the
    clause: ``after:inverted`` when it opens the clause, else ``after`` (or
    ``after:unresolved`` when its subject names nobody).
    """
    w = _after_window(ctx, q, hi)
    return _after_according(ctx, q, w) or _after_cue(ctx, q, w)


@RULES.implements("direct", "after:according")
def _after_according(ctx: Document, q: QuotedSpan, w: _AfterWindow) -> Optional[Attribution]:
    """``…,” according to CNN.``"""
    m = _ACCORDING.match(ctx.norm, w.start, w.end)  # not a copy of the window per quote
    if m is None or w.start <= w.lo:
        return None
    np = scan_right(ctx.norm, m.end(), w.end)
    if np is None or not re.match(r"\s*(?:[.,;!?]|$)", ctx.norm[np.end:w.end]):
        return None
    sp = resolve_speaker(ctx, np, q.start, describe=True)
    if sp is None:
        return None
    cue = ctx.span(m.start(1), m.end(1))
    return attributed("after:according", sp, cue, CueType.CLAIM, find_via(ctx.norm[w.start:w.end]))


#: A name in apposition closing the clause after a description (``, Tom Becker.`` of
#: ``said a neighbor, Tom Becker.``).
_NAME_AFTER_DESCRIPTION = re.compile(
    r",\s+([A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3})\s*(?:[.;!?]|$)"
)

#: Lower-case role words, then a full name that closes the phrase (``constituent Dana
#: Morrow.`` of ``said Reed constituent Dana Morrow.``).
_ROLE_WORDS_THEN_NAME = re.compile(
    r"\s+((?:[a-z][a-z\-]+\s+){1,2})([A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3})"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:" + "|".join(sorted(_INVERTED_FOLLOW)) + r")\b)"
)


def _role_then_name(ctx: Document, np: NounPhrase, end: int) -> Optional[NounPhrase]:
    """The full name after ``np`` and a role noun, where the phrase read stopped too early.

    ``said Reed constituent Dana Morrow``, ``said Latino Decisions researcher Sylvia
    Manzano``: the capitalised words read first name the speaker's employer or ward,
    and a role noun missing from the word lists stopped the reading; the speaker is
    the name after it, as ``Reed constituent Dana Morrow said`` reads.

    Unlike `quotes.speakers.names.role_name_tail` (a role the word lists know, in
    tokens already read), the role words here are any lower-case words but function
    words, verbs and cue words, read from the text after the phrase.
    """
    m = _ROLE_WORDS_THEN_NAME.match(ctx.norm, np.end, end)
    if m is None or bare_phrase(np.text.split()[-1]) in NON_NAME_CAPITALS:
        return None  # "said Tuesday night Dana Morrow"
    words = m.group(1).split()
    if any(
        w in FUNCTION_WORDS or w in NON_NAME_CAPITALS or w in PREPOSITIONS or w in FINITE or w in CUE_AUXILIARIES
        or cue_type_of(w) is not None for w in words
    ):
        return None  # "said Burman of the Tax Policy Center", "said Reed told Dana Morrow"
    return NounPhrase(m.start(2), m.end(2), m.group(2))


#: Returned by a step that found nothing at this cue word: try the next one.
_NEXT_WORD = object()


def _after_cue(ctx: Document, q: QuotedSpan, w: _AfterWindow) -> Optional[Attribution]:
    """The first cue word after the quote and its subject (``after``, ``after:inverted``)."""
    toks = first_tokens(ctx.norm, w.start, w.end, 40)
    caps = ctx.norm[w.start:min(w.end, w.start + CAPS_WINDOW)].isupper()
    relative = False  # inside ", who …," after the subject
    for i, (word, a, b) in enumerate(toks):
        kind = cue_kind(word, caps or i > 0 and word.lower() in INTRO_EXTRA and word.endswith("ed"))
        if i > 0 and i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in PHRASAL_CUES:
            kind = CueType.SPEECH  # "…,” Mr. Rubel pointed out.
        if word == '"' or word == "'" and not possessive_mark(ctx, a):
            break
        if word == ",":
            relative = i + 1 < len(toks) and toks[i + 1][0] in ("who", "which")
        if kind is None or relative or _noun_not_cue(toks, i):
            continue
        if _past_the_clause(ctx, w, toks, i) or w.full_stop and not short_close(ctx, b, w.end):
            break  # "“We won.” Trump said the polls were wrong.": a new statement
        if quote_as_object(ctx, q, toks, i):
            break  # "“Why?” Her critics cited it as evidence": a new sentence about the quote
        cue, obj = cue_span(ctx, toks, i, w.end)
        if i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in PHRASAL_CUES:
            cue = ctx.span(a, toks[i + 1][2])
        if i == 0:  # inverted: ", said Peskov"
            return _after_inverted(ctx, q, w, toks[0], cue, obj, kind)
        found = _after_subject(ctx, q, w, toks, i, cue, kind)
        if found is not _NEXT_WORD:
            return found  # type: ignore[return-value]
    return None


def _noun_not_cue(toks: list[Token], i: int) -> bool:
    """The cue word at ``i`` is a noun here, not a verb of the attribution."""
    word = toks[i][0]
    if i + 1 < len(toks) and word in NOUN_CUES and toks[i + 1][0][:1].isupper():
        return True  # "“…,” state Sen. Ana Ruiz said": a noun modifying a title
    if i == 0 and i + 1 < len(toks) and not intro_cue(word) and toks[i + 1][0].islower():
        return compound_noun_next(toks[i + 1][0])  # "“…,” campaign manager Robby Mook said"
    return i > 0 and i + 1 < len(toks) and not intro_cue(word) and (
        compound_noun_next(toks[i + 1][0])
        or toks[i + 1][0].islower() and intro_cue(toks[i + 1][0])
    )  # "Sanders campaign manager X said", "Trump supporters chanted": a noun


def _past_the_clause(ctx: Document, w: _AfterWindow, toks: list[Token], i: int) -> bool:
    """The cue word at ``i`` is too far from the quote to be its attribution."""
    word, a = toks[i][0], toks[i][1]
    return i >= 14 and "," not in ctx.norm[w.start:a] or w.extended and (
        i > 6 and not ctx.norm[w.start:a].rstrip().endswith(",") or not intro_cue(word)
    )


#: A description that closes the sentence after an inverted cue (``, said the old sailor.``).
_CLOSING_DESCRIPTION = re.compile(
    r"\s+((?:the|a|an|another|one)\s+(?:[\w'’\-]+\s+){0,3}?[a-z0-9][\w\-]*)(?=\s*(?:[.,;!?]|$))"
)


@RULES.implements("direct", "after:inverted")
def _after_inverted(
    ctx: Document, q: QuotedSpan, w: _AfterWindow, first: Token, cue: Span,
    obj: Optional[NounPhrase], kind: CueType,
) -> Optional[Attribution]:
    """``,” said Peskov``: the speaker follows the cue that opens the clause."""
    word, _a, b = first
    if PARTICIPLE_RE.match(word):  # ", referencing the large number of …"
        return None
    np = scan_right(ctx.norm, b, w.end) if obj is None else None
    if obj is None:
        # ", said the 46-year-old.", ", said the old sailor.": a description closing the
        # sentence, whose words the noun-phrase reader may not all know.
        m = _CLOSING_DESCRIPTION.match(ctx.norm[b:w.end])
        if m is not None and (np is None or np.start == b + m.start(1) and np.end < b + m.end(1)):
            np = NounPhrase(b + m.start(1), b + m.end(1), m.group(1))
    if np is None and obj is None:
        np = modified_role_name(ctx, b, w.end)
    if np is None:
        return _inverted_alone(ctx, q, w, b, cue, kind) if intro_cue(word) else None
    start = role = None
    named = _NAME_AFTER_DESCRIPTION.match(ctx.norm, np.end, w.end)
    if named is not None and np.text[:1].islower():  # ", said a neighbor, Tom Becker.": the name
        start, role = np.start, without_article(ctx.text[np.start:np.end])
        np = NounPhrase(named.start(1), named.end(1), named.group(1))
    elif np.text[:1].isupper():
        role_named = _role_then_name(ctx, np, w.end)
        if role_named is not None:  # ", said Reed constituent Dana Morrow": the name speaks
            start, role, np = np.start, ctx.text[np.start:role_named.start], role_named
    back = re.search(r"\s+(?:familiar|involved|close|known)$", np.text)
    if back is not None:  # "one Democrat familiar with the talks"
        np = NounPhrase(np.start, np.end - len(back.group()), np.text[:-len(back.group())])
    nxt = tokens(ctx.norm, np.end, min(w.end, np.end + 40))[:1]
    follow = nxt[0][0] if nxt else ""
    if follow[:1].islower() and follow not in _INVERTED_FOLLOW and (
        follow in FINITE or follow in CUE_AUXILIARIES or follow.endswith("ed") or cue_type_of(follow) is not None
    ):
        return None  # ", said the candidate could be …": a reported clause
    sp = resolve_speaker(ctx, np, q.start, role, start=start, describe=intro_cue(word))  # role: the apposition
    return attributed("after:inverted", sp, cue, kind, find_via(ctx.norm[w.start:w.end]))


@RULES.implements("direct", "after:unresolved")
def _inverted_alone(
    ctx: Document, q: QuotedSpan, w: _AfterWindow, b: int, cue: Span, kind: CueType
) -> Attribution | None:
    """``“…,” said one of two witnesses who …``: a speaker phrase that reads as no noun phrase.

    The inverted verb of saying is the quote's cue, which stands alone, when a
    speaker phrase follows it (not ``that`` or ``to``: ``“Unifier?” concludes that
    …`` reads a title) and the quote is a sentence, three words or more.
    """
    nxt = tokens(ctx.norm, b, min(w.end, b + 40))[:1]
    follow = nxt[0][0] if nxt else ""
    if not follow[:1].isalpha() or follow in PREPOSITIONS or follow in FINITE or follow == "that":
        return None
    if len(ctx.norm[q.start:q.end].split()) < 3:
        return None
    return attributed("after:unresolved", None, cue, kind, None)


@RULES.implements("direct", "after", "after:unresolved")
def _after_subject(
    ctx: Document, q: QuotedSpan, w: _AfterWindow, toks: list[Token], i: int, cue: Span, kind: CueType,
) -> object:
    """``,” Peskov said``: the subject before the cue word at ``i``.

    Returns the attribution, ``None`` to stop, or `_NEXT_WORD`.
    """
    word, _a, b = toks[i]
    np_hi = toks[aux_start(toks, i)][1]
    subj = read_subject(ctx, w.start, np_hi, anchored=True, descriptions=intro_cue(word))
    phrase_end = None
    if subj is None and intro_cue(word):
        loose = loose_subject(ctx, w.start, np_hi)
        if loose is not None:
            subj, phrase_end = loose[:3], loose[3]
    via = find_via(ctx.norm[w.start:min(w.end, w.start + VIA_WINDOW)])
    wide = wide_speaker(ctx, q, w.start, np_hi, anchored=True) if subj is None and intro_cue(word) else None
    if wide is not None:  # "“…,” the Ohio senator and presidential candidate said"
        return attributed("after", wide, cue, kind, via)
    if subj is None:
        return None if intro_cue(word) else _NEXT_WORD
    np, role, first = subj
    if word.lower() == "quoted":  # "KCNA quoted Kim as saying"
        inner = scan_right(ctx.norm, b, w.end)
        if inner is not None and re.match(r"\s+as\s+saying", ctx.norm[inner.end:w.end]):
            via = via or ctx.text[np.start:np.end]
            np, first = inner, None
    sp = resolve_speaker(ctx, np, q.start, role, start=first, describe=intro_cue(word), end=phrase_end)
    if sp is None:  # a subject that names no speaker: the cue stands alone
        return attributed("after:unresolved", None, cue, kind, via)
    return attributed("after", sp, cue, kind, via)


def attribute_before(ctx: Document, q: QuotedSpan, lo: int, previous: Optional[Attribution]) -> Optional[Attribution]:
    """Cue and speaker before the opening mark (``Peskov replied, “``), or ``None``.

    Tries, in order, ``before:according``, ``before:colon``, ``before:inverted``,
    then the cue words before the quote from the nearest back
    (``before:participle``, ``before:relative``, ``before:coordinated``, ``before``).
    ``previous`` is the attribution of the quote before on the same line.
    """
    end = q.open if q.open >= 0 else q.start
    pre = ctx.norm[lo:end].rstrip()
    if not pre:
        return None
    hi = lo + len(pre)
    return (
        _before_according(ctx, q, lo, hi, end)
        or colon_speaker(ctx, lo, hi, q.start)
        or _before_inverted(ctx, q, lo, hi)
        or _BeforeScan(ctx, q, lo, end, previous, tokens(ctx.norm, lo, hi)).run(pre.isupper())
        or before_cue_alone(ctx, lo, hi, previous)
    )


@RULES.implements("direct", "before:according")
def _before_according(ctx: Document, q: QuotedSpan, lo: int, hi: int, end: int) -> Optional[Attribution]:
    """``According to the Daily Caller, “…”``"""
    m = _ACCORDING.match(ctx.norm, lo, hi)
    if m is None:
        return None
    np = scan_right(ctx.norm, m.end(1), hi)
    if np is None or ctx.norm[np.end:hi].strip(" ,:"):
        return None
    sp = resolve_speaker(ctx, np, q.start, describe=True)
    if sp is None:
        return None
    cue = ctx.span(m.start(1), m.end(1))
    return attributed("before:according", sp, cue, CueType.CLAIM, find_via(ctx.norm[lo:end]))


@RULES.implements("direct", "before:inverted")
def _before_inverted(ctx: Document, q: QuotedSpan, lo: int, hi: int) -> Optional[Attribution]:
    """``Said Comey, “…”``, ``Continued Stone: “…”``"""
    m = _INVERTED_BEFORE.match(ctx.norm, lo, hi)
    if m is None or not intro_cue(m.group(1)):
        return None
    np = scan_right(ctx.norm, m.end(1), hi)
    if np is None:
        return None
    sp = resolve_speaker(ctx, np, q.start, describe=True)
    if sp is None or ctx.norm[sp.end:hi].strip(" ,:"):
        return None
    return attributed("before:inverted", sp, ctx.span(m.start(1), m.end(1)), CueType.SPEECH, None)


#: Base confidence of ``before:participle`` when the participle ends the scan
#: with no subject of its own (``Carson shared …, writing “…”``).
_PARTICIPLE_FALLBACK = 0.75


@dataclass
class _BeforeScan:
    """The cue words before an opening mark, read from the nearest back."""

    ctx: Document
    q: QuotedSpan
    lo: int
    end: int
    previous: Optional[Attribution]
    toks: list[Token]
    participle: Optional[tuple[Span, CueType, int]] = None  # "Nefzi said, adding, “…”"
    window: int = 12

    def run(self, caps: bool) -> Optional[Attribution]:
        """The attribution read from the words before the quote, or ``None``."""
        toks = self.toks
        i = len(toks)
        while i > 0 and i > len(toks) - self.window:
            i -= 1
            if toks[i][0] in ("'", '"'):
                break
            b = toks[i][2]
            i, put_it = self._phrase_start(i)
            word = toks[i][0]
            kind = CueType.SPEECH if put_it else cue_kind(word, caps)
            if kind is None or self.participle is not None and not intro_cue(word):
                continue
            if not put_it and after_determiner([t[0] for t in toks[max(0, i - 2) : i]]):
                continue  # "Ortiz wrote in a tweet: “…”": the noun is no cue, the verb before is
            tail = self.ctx.norm[b:self.end]
            if '"' in tail or "'" in tail.replace("'s", ""):
                break
            found = self._at_cue(i, b, kind, put_it)
            if found is not _NEXT_WORD:
                return found  # type: ignore[return-value]
        return self._participle_fallback()

    def _phrase_start(self, i: int) -> tuple[int, bool]:
        """The first word of a phrasal cue ending at ``i`` (``put it``, ``went on to say``)."""
        toks = self.toks
        word = toks[i][0]
        if i > 0 and (toks[i - 1][0].lower(), word.lower()) in PHRASAL_CUES and self.participle is None:
            return i - 1, True  # "as Tom Ridge put it: “…”", "As Byler pointed out in December, “…”"
        if word.lower() in TO_SAY and i > 1 and toks[i - 1][0] == "to" and self.participle is None:
            # "Bryne went on to say, “…”", "O'Malley interjected to say: “…”"
            k = i - 2 if toks[i - 2][0] != "on" or i < 3 else i - 3
            start = to_say_chain_start(toks, i - 2)  # "Ann Holt went so far as to say: “…”"
            verb = toks[k][0].islower() and toks[k][0].endswith(("ed", "ent", "ose", "gan"))
            if start is not None or verb:
                return start or k, True
        return i, False

    def _at_cue(self, i: int, b: int, kind: CueType, put_it: bool) -> object:
        """The speaker of the cue word at ``i`` (ending at ``b``); `_NEXT_WORD` to go on."""
        ctx, toks = self.ctx, self.toks
        word, a = toks[i][0], toks[i][1]
        cue, _obj = (ctx.span(a, b), None) if put_it else cue_span(ctx, toks, i, self.end)
        clause = ctx.norm[toks[max(0, i - 8)][1]:self.end]
        j = aux_start(toks, i, days=True)
        if (quoted := quoted_speaker(ctx, toks, i, self.q.start)) is not None:  # 'Interfax quoted X as saying: “'
            return attributed("before:participle", quoted[0], quoted[1], kind, find_via(clause))
        if self.participle is None and PARTICIPLE_RE.match(word) and not ctx.norm[:a].rstrip().endswith(","):
            return self._participle_subject(word, a, cue, kind, clause)
        found = self._relative(j, word, cue, kind, clause) or self._coordinated(j, cue, kind, clause)
        if found is not None:
            return found
        return self._subject(toks[j][1], word, a, cue, kind, clause, put_it)

    @RULES.implements("direct", "before:participle")
    def _participle_subject(self, word: str, a: int, cue: Span, kind: CueType, clause: str) -> object:
        """``she released a statement saying, “…”``: ``she`` (or the `with_subject`)."""
        np = with_subject(self.ctx.norm, self.lo, a) or clause_subject(self.ctx, self.lo, a)
        if np is not None:
            sp = resolve_speaker(self.ctx, np, self.q.start)
            if sp is not None:
                return attributed("before:participle", sp, cue, kind, find_via(clause))
        return None if intro_cue(word) else _NEXT_WORD

    @RULES.implements("direct", "before:relative")
    def _relative(self, j: int, word: str, cue: Span, kind: CueType, clause: str) -> Optional[Attribution]:
        """``Mike Lee, who declared in the spin room, “…”``: the person before the clause."""
        toks = self.toks
        if not (j > 1 and toks[j - 1][0].lower() == "who" and toks[j - 2][0] == ","
                and self.participle is None and intro_cue(word)):
            return None
        np = scan_left(self.ctx.norm, self.lo, toks[j - 2][1])
        sp = resolve_speaker(self.ctx, np, self.q.start) if np is not None and np.text[:1].isupper() else None
        if sp is not None and sp.type is SpeakerType.PERSON:
            return attributed("before:relative", sp, cue, kind, find_via(clause))
        return None

    @RULES.implements("direct", "before:coordinated")
    def _coordinated(self, j: int, cue: Span, kind: CueType, clause: str) -> Optional[Attribution]:
        """``The president noted that he taught law, and added: “…”``: the clause subject."""
        toks = self.toks
        if not (j > 0 and toks[j - 1][0].lower() in ("and", "but") and self.participle is None):
            return None
        np = clause_subject(self.ctx, self.lo, toks[j - 1][1], cue_verbs=True, nearest=True)
        sp = resolve_speaker(self.ctx, np, self.q.start) if np is not None else None
        if sp is not None:
            return attributed("before:coordinated", sp, cue, kind, find_via(clause))
        return None

    @RULES.implements("direct", "before", "before:participle")
    def _subject(
        self, np_hi: int, word: str, a: int, cue: Span, kind: CueType, clause: str, put_it: bool,
    ) -> object:
        """``Peskov replied, “``: the subject before the cue (or before a held participle)."""
        ctx = self.ctx
        subj = read_subject(ctx, self.lo, np_hi, anchored=False, descriptions=intro_cue(word) or put_it)
        if subj is None and (intro_cue(word) or put_it) and not PARTICIPLE_RE.match(word):
            wide = wide_speaker(ctx, self.q, self.lo, np_hi, anchored=False)  # "X of The Ledger wrote, “"
            if wide is not None:
                return self._found(wide, cue, kind, clause)
        if subj is None:
            if self.participle is None and PARTICIPLE_RE.match(word) and ctx.norm[:a].rstrip().endswith(","):
                if self.previous is not None and self.previous.speaker is not None:
                    # "..., Putin responded, adding: “…”": the subject of the sentence.
                    via = find_via(clause) or self.previous.via
                    return Attribution(self.previous.speaker, cue, kind, via, RULES["direct", "before:participle"].confidence, "before:participle")  # no pronoun penalty
                # "Nefzi said, adding, “…”": the speaker is the main clause's subject,
                # the cue stays the participle.
                self.participle = (cue, kind, a)
                self.window = 30
                return _NEXT_WORD
            return None if intro_cue(word) and self.participle is None else _NEXT_WORD
        np, role, first = subj
        sp = resolve_speaker(ctx, np, self.q.start, role, start=first, describe=intro_cue(word) or put_it)
        return None if sp is None else self._found(sp, cue, kind, clause)

    def _found(self, sp: Speaker, cue: Span, kind: CueType, clause: str) -> Attribution:
        """``sp`` speaks: with the cue read, or with the participle held (``before:participle``)."""
        if self.participle is not None:
            return attributed("before:participle", sp, self.participle[0], self.participle[1], find_via(clause))
        return attributed("before", sp, cue, kind, find_via(clause))

    @RULES.implements("direct", "before:participle")
    def _participle_fallback(self) -> Optional[Attribution]:
        """``Carson shared a syllabus on his Facebook page, writing “…”``: the sentence subject."""
        if self.participle is None:
            return None
        np = clause_subject(self.ctx, self.lo, self.participle[2])
        sp = resolve_speaker(self.ctx, np, self.q.start) if np is not None else None
        if sp is None:
            return None
        cue, kind, _a = self.participle
        return attributed("before:participle", sp, cue, kind, None, base=_PARTICIPLE_FALLBACK)


_INVERTED_BEFORE = re.compile(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])")
_ACCORDING = re.compile(r"\s*(?:[Bb]ut\s+|[Aa]nd\s+)?([Aa]ccording\s+to)\s+")

"""Where a source phrase ends: party tags, appositions, attachments, the clause after ``according to``.

`extend_noun_phrase` stretches a head noun phrase over what PolNeAR's Source spans
cover (``Rahm Emanuel, his chief of staff,``, ``Sen. Ann Lee (D-Ore.)``, ``a longtime
adviser to Trump``), `party_tag_end` reads a party tag alone, and `to_clause_end`
widens the source after ``according to`` to the end of its clause. Split out of
[`quotes.attribution.source`][], whose readers find the head.
"""

from __future__ import annotations

import re

from quotes.attribution.cues import cue_type_of, intro_cue
from quotes.document import Document
from quotes.lexicon import CUE_AUXILIARIES, TITLES, US_STATES, source_words
from quotes.models import Speaker

__all__ = [
    "NOT_APPOSITION_OPENERS",
    "REPORTING_RELATIVE",
    "extend_noun_phrase",
    "party_tag_end",
    "to_clause_end",
]

#: Words that cannot start an apposition (``said Graham, adding that …``, ``Trump, in a tweet,``).
NOT_APPOSITION_OPENERS = frozenset(
    """in on at by for from to with as and but or so if when while after before during since
    though although because according adding noting saying citing referring speaking asked
    told said says not also then later again still just even only already however meanwhile
    that this these those there here it he she they we i you his her their its our my""".split()
)
_APPOS_STOP = re.compile(r"[,;:()\"\n—–]|\.(?=\s|$)")
_PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:-[A-Z][A-Za-z. ]{1,14})?\)")
#: A relative clause whose verb reports speech (``who said he would not vote``): PolNeAR
#: annotates it as an attribution of its own and leaves it out of the source.
REPORTING_RELATIVE = re.compile(
    r"(?:who|which)\s+(?:(?:also|has|have|had|later|previously|earlier|once|originally|"
    r"recently|repeatedly|often|long|then)\s+){0,2}"
    r"(?:said|says|told|tells|added|adds|noted|notes|argued|argues|wrote|writes|acknowledged|"
    r"acknowledges|warned|warns|insisted|insists|claimed|claims|stated|states|tweeted|"
    r"predicted|predicts|suggested|suggests|contended|contends|conceded|concedes)\b(?!\s+with\b)",
    re.I,
)


def _appos_ok(ctx: Document, a: int, b: int) -> bool:
    """``a senior official``, ``who runs the gym``, ``57``, ``director of the FBI``."""
    words = ctx.norm[a:b].split()
    if not words or len(words) > 30:
        return False
    first = words[0]
    low = first.lower().rstrip(".")
    if REPORTING_RELATIVE.match(ctx.norm, a, b):
        return False  # "Harvey, who acknowledged Trump was his fourth choice": a report of its own
    if low == "then" and len(words) > 1:
        # "Susan Crawford, then Maples's literary agent", "Mr. Sperling, then 38": a past role.
        rest = ctx.norm.index(words[1], a + len(first))
        return _appos_ok(ctx, rest, b)
    if first[:1].isdigit():
        return len(words) == 1 or words[1].lower() in ("years", "year-old")
    if low in NOT_APPOSITION_OPENERS or low.endswith("ing") and low != "managing" or low.endswith("ly") or cue_type_of(low) is not None:
        return False
    if first[:1].isupper():
        if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]{0,4}\.?", first) and (
            first.endswith(".") or ctx.norm[b:b + 1] == "."
        ):
            return True  # a state after a town: "Allentown, Pa."
        if re.fullmatch(r"[A-Z][\w.\-]*(?:'s|s')", first.replace("’", "'")) and len(words) > 1:
            # "Sanders's chief strategist", "Twitter's director of political advertising".
            return any(w.lower() in TITLES or w.lower() in source_words() for w in words[1:4])
        if len(words) > 1 and any(w.lower() in TITLES for w in words[1:3]):
            return True  # "CrowdTangle chief executive", "Europe coordinator at …"
        # Capitalised: a title, party or role word ("Republican of Alabama", "R-Ky.").
        return (
            low in TITLES or low in source_words() or bool(re.match(r"[DRI]-[A-Z]", first))
            or low in ("democrat", "republican", "former", "chief", "executive")
        )
    return True


_ABBREV_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Ft|Mt|Inc|Co|Corp|[A-Z])|\.[A-Za-z])$")


def _abbreviation_before(s: str, dot: int) -> bool:
    """The period at ``dot`` closes an abbreviation or initial, not a sentence."""
    return bool(_ABBREV_BEFORE.search(s, max(0, dot - 6), dot))


#: ", Tennessee" or ", Fla." after a town inside an apposition.
_STATE = re.compile(r",\s+(?:" + US_STATES + r"|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)(?=\s*(?:[.,;:)]|$))")


def _appos_end(ctx: Document, a: int, limit: int) -> int:
    """End of the apposition starting at ``a`` (before a comma, stop or bracket), or -1."""
    pos = a
    while True:
        m = _APPOS_STOP.search(ctx.norm, pos, limit)
        if m is not None and ctx.norm[m.start()] == "," and ctx.norm[m.start() - 1:m.start()].isalpha():
            state = _STATE.match(ctx.norm, m.start(), limit)
            if state is not None and ctx.norm[a:m.start()].split()[-1][:1].isupper():
                pos = state.end()  # "a professor at Vanderbilt University in Nashville, Tennessee"
                continue
        if m is None or ctx.norm[m.start()] != "." or not _abbreviation_before(ctx.norm, m.start()):
            break
        pos = m.end()  # "Mr. Netanyahu", "George W. Bush", "the C.I.A. analyst"
    b = m.start() if m else limit
    while b > a and ctx.norm[b - 1].isspace():
        b -= 1
    if b <= a or not _appos_ok(ctx, a, b):
        return -1
    return b


_ATTACHED = re.compile(
    r"\s+(?:of|to|at|for|with)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’\-.]*|[a-z][\w'’\-]*'s)(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’\-.]*)*"
)


_INFORMED = re.compile(
    r"\s+(?:familiar\s+with|involved\s+(?:in|with)|close\s+to|known\s+as|with\s+knowledge\s+of|briefed\s+on)"
    r"\s+[^,.;:!?\"()]{1,80}?(?=\s*(?:[.,;!?]|$))"
)


def party_tag_end(norm: str, end: int, limit: int) -> int:
    """Where a party tag right after ``end`` ends (``Sen. Ann Lee (D-Ore.)``); else ``end``."""
    m = _PARTY.match(norm, end, limit)
    return m.end() if m else end


def extend_noun_phrase(ctx: Document, end: int, limit: int, inverted: bool) -> int:
    """End of the full noun phrase whose head ends at ``end``: party tags and appositions.

    ``Rahm Emanuel, his chief of staff, said`` and ``said Paradis, who has been active
    in politics since 25.`` cover the whole phrase, as PolNeAR's Source spans do.
    """
    if re.match(r"\.\s*[,(]", ctx.norm[end:limit]) and _abbreviation_before(ctx.norm, end):
        end += 1  # "C. Stewart Verdery Jr., a senior official", "Robert P. Casey Jr. (D-Pa.)"
    m = _PARTY.match(ctx.norm, end, limit)
    if m:
        end = m.end()
    if inverted:
        # "said one Democrat familiar with the talks.": the whole phrase to the sentence end.
        back = re.search(r"\s+(?:familiar|involved|close|known)$", ctx.norm[max(0, end - 12):end])
        start_at = end - len(back.group()) if back else end
        m = _INFORMED.match(ctx.norm, start_at, limit)
        if m is not None:
            end = m.end()
        # "said a longtime adviser to Trump.", "said Mr. Burman of the Tax Policy Center."
        m = _ATTACHED.match(ctx.norm, end, limit)
        e = m.end() if m else end
        while m and ctx.norm[e - 1] == "." and not _abbreviation_before(ctx.norm, e - 1):
            e -= 1
        if m and re.match(r"\s*(?:[.,;!?]|$)", ctx.norm[e:limit]):
            end = e
    for _ in range(4):
        m = re.match(r",\s+", ctx.norm[end:limit])
        if not m:
            break
        a = end + m.end()
        b = _appos_end(ctx, a, limit)
        if b < 0:
            break

        tail = ctx.norm[b:limit]
        if inverted:
            # The sentence ends, more description follows, or the quote resumes
            # ('said Raffaello Pantucci, director of X, "but it is ...').
            ok = (
                not tail.strip(" .!?")
                or bool(re.match(r",\s+(?:[a-z]|\d)|,\s*(?:[\"“‘]|'')", tail))
                or tail[:1] == "."
            )
        else:
            tail = tail[1:] if tail[:1] == "." and _abbreviation_before(ctx.norm, b) or tail[:2] == ".," else tail
            t = re.match(r",\s+((?:\w+\s+){0,2}?)(\w+)", tail)
            ok = bool(t) and (intro_cue(t.group(2)) or cue_type_of(t.group(2)) is not None) and all(
                w.lower() in CUE_AUXILIARIES for w in t.group(1).split()
            )
            nxt = re.match(r",\s+", tail)
            ok = ok or bool(nxt and _appos_end(ctx, b + nxt.end(), limit) > 0)
        if not ok:
            break
        end = b
        if ctx.norm[end:end + 2] == ".," and _abbreviation_before(ctx.norm, end) or (
            ctx.norm[end:end + 2] == ".," and not inverted
        ):
            end += 1  # "Allentown, Pa., said": the period belongs to the abbreviation
    return end


#: A comma, stop, bracket or dash: where the phrase after ``according to`` ends.
_CLAUSE_STOP = re.compile(r"\s*(?:[,.;()—–]|-\s|$)")
_CLAUSE_GAP = re.compile(r"[^,.;:“”\"()—–]{1,200}?(?=" + _CLAUSE_STOP.pattern + ")")
#: A time at the end of that phrase, which PolNeAR leaves out (``a report on Wednesday``).
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at\s+the\s+time|"
    r"(?:last|this)\s+(?:week|month|year))$",
    re.I,
)
#: ... unless it dates a document (``a poll released Wednesday``).
_DATED_TIME = re.compile(
    r"\b(?:released|published|out|conducted|filed|issued|taken)" + _TRAILING_TIME.pattern, re.I
)


def to_clause_end(
    ctx: Document, sp: Speaker, start: int, end: int, hi: int, initial: bool
) -> tuple[Speaker, int]:
    """The source after ``according to`` widened to the end of its clause, and where it ends.

    PolNeAR's Source runs to the end of the clause (``according to early results of
    the exit poll conducted by Edison Research for the networks.``): a phrase of up
    to 25 more words after ``end`` joins the mention, less a time at its end; the
    name stays what the head phrase gave. ``initial`` (``According to X, C``): only
    a comma closes the phrase.

    Args:
        ctx: The document.
        sp: The speaker read from the head phrase.
        start: Where that phrase starts.
        end: Where the source read so far ends.
        hi: The end of the sentence.
        initial: The phrase opens the sentence.
    """
    gap = _CLAUSE_GAP.match(ctx.norm[end:hi])
    stop = re.compile(r"\s*,") if initial else _CLAUSE_STOP
    if gap is None or len(gap.group().split()) > 25 or not stop.match(ctx.norm, end + gap.end()):
        return sp, end
    words = gap.group().rstrip()
    if not _DATED_TIME.search(words):
        words = _TRAILING_TIME.sub("", words)
    b = end + len(words)
    if not words.strip() or b <= sp.end:
        return sp, end
    a = min(sp.start, start)
    return sp.model_copy(update={"mention": ctx.text[a:b], "start": a, "end": b}), b

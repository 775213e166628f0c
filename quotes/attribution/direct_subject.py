"""The wider subject of a direct quote's cue, when the narrow readers find none.

`read_subject` and `loose_subject` read the short subjects of a cue (``Peskov``,
``Peskov, the Kremlin's spokesman,``). Longer subjects have the same cue and the
same speaker but no shape they know: a description with an attachment (``George
Dunn of The Ledger wrote``, ``Another source familiar with his thinking said``), a
party after a name and a comma (``Gov. John Kasich (R-OH), said``), a relative
clause before an adverb (``Co-anchor Nora Dell, who was off-screen, then asked``),
coordinated people or descriptions (``state Senate leader A and House Speaker B,
both Republicans, said``; ``the Ohio senator and presidential candidate told``).
`wide_subject` reads them with `full_subject`, the reader of PolNeAR Sources for
reported speech: the core names the speaker, the whole phrase is the mention.
After an inverted cue, `modified_role_name` reads ``said undecided voter Dana
Morrow``, which `scan_right` does not (a lower-case word in -ed).
"""

from __future__ import annotations

import re

from quotes.attribution.cues import PREPOSITIONS, mark_inside_end
from quotes.attribution.source import resolve_speaker
from quotes.attribution.subject import full_subject
from quotes.document import Document
from quotes.models import Speaker
from quotes.speakers.names import role_name_tail
from quotes.speakers.noun_phrase import (
    SPEAKER_DETERMINERS,
    NounPhrase,
    bare_phrase,
    scan_left,
    scan_right,
)
from quotes.text.quoted import QuotedSpan
from quotes.text.tokens import skip_spaces, tokens

#: Words that open a relative or question clause, never a subject phrase here.
_RELATIVE = frozenset("which who whom whose that what where when".split())
#: Words that make no speaker phrase alone (``Others``, ``Many``).
_BARE = frozenset("other others many most few both all some these those each".split())
#: ``As Mark Holt, the party's No. 2, put it``: the ``as`` of a phrasal cue opens the clause.
_AS = re.compile(r"[Aa]s\s+")
#: A fronted ``According to`` (any words may come before it).
_ACCORDING = re.compile(r".*\b[Aa]ccording\s+to\b")


def wide_subject(
    ctx: Document, lo: int, hi: int, *, anchored: bool
) -> tuple[NounPhrase, int, int] | None:
    """The subject ending at ``hi`` (the cue) as ``(core, start, end)``, or ``None``.

    Args:
        ctx: The article context.
        lo: Start of the clause (just after the closing mark, or the sentence start).
        hi: Start of the cue (its auxiliaries and adverbs already skipped).
        anchored: The phrase must begin at ``lo`` (the text right after a quote);
            otherwise it must open the clause, after a leading ``As`` at most.

    Returns:
        The core noun phrase (which names the speaker) and the span of the whole
        phrase, or ``None`` when the words are no subject of the cue.
    """
    p = skip_spaces(ctx.norm, lo, hi)
    if not anchored:
        m = _AS.match(ctx.norm, p, hi)
        p = m.end() if m is not None else p
    fs = full_subject(ctx.norm, p, hi)
    if fs is None or fs.quantity or fs.start != p and (anchored or not _fronted(ctx, p, fs.start)):
        return None
    words = ctx.norm[fs.start:fs.end].split()
    if all(bare_phrase(w) in SPEAKER_DETERMINERS or bare_phrase(w) in _BARE for w in fs.core.text.split()):
        return None  # "Another tweeted", "Others shouted": no one named or described
    if words[0] in _RELATIVE or words[-1] in PREPOSITIONS or words[-1] == "to":
        return None  # "which Mozloom thinks", "The email goes on to say": no subject phrase
    between = ctx.norm[fs.end:hi]
    if between.strip(" ,"):
        return None  # words between the phrase and the cue: not its subject
    if "," in between and "," not in " ".join(words) and not words[-1].endswith(")"):
        return None  # "The ad, titled “…”": a participle modifying the phrase, not its verb
    return fs.core, fs.start, fs.end


def _fronted(ctx: Document, p: int, start: int) -> bool:
    """``Although …,`` before the subject at ``start``: a fronted phrase closed by a comma.

    ``According to X,`` names a source of its own: the phrase after it is no speaker.
    """
    if not ctx.norm[max(p, start - 20):start].rstrip().endswith(","):
        return False
    return not _ACCORDING.match(ctx.norm, p, start)  # full_subject read 60 tokens at most


def wide_speaker(
    ctx: Document, q: QuotedSpan, lo: int, hi: int, *, anchored: bool
) -> Speaker | None:
    """The speaker `wide_subject` names for the quote ``q``, or ``None``.

    After a quote (``anchored``) the quote must be set off as an attribution's
    object: a comma after it, or a comma, question or exclamation mark inside
    (``“…,” the Ohio senator and presidential candidate told reporters``), not a
    dash (``- Democrats in Iowa who watched said they …`` is a sentence of its own).
    A phrase that resolves to nobody gives ``None``: the cue is not taken alone here.
    In coordinated descriptions of one person, the first one that the resolver links
    to a name gives the speaker.
    """
    gap = ctx.norm[q.close + 1:lo]
    set_off = "," in gap or mark_inside_end(ctx, q) in (",", "?", "!")
    if anchored and (not set_off or re.search("[-–—]", gap)):
        return None
    found = wide_subject(ctx, lo, hi, anchored=anchored)
    if found is None:
        return None
    core, start, end = found
    cut = core.text.find(" and ")
    if cut > 0:  # "the Ohio senator and presidential candidate": the first description names him
        head = NounPhrase(core.start, core.start + cut, core.text[:cut])
        first = resolve_speaker(ctx, head, q.start, start=start, end=end)
        if first is not None and first.name is not None:
            return first
    return resolve_speaker(ctx, core, q.start, start=start, describe=True, end=end)


#: A lower-case participle as an adjective opening the phrase (``undecided``, ``registered``).
_PARTICIPLE_MODIFIER = re.compile(r"\s+([a-z][a-z\-]+ed)\s+(?=[A-Za-z])")


def modified_role_name(ctx: Document, b: int, end: int) -> NounPhrase | None:
    """``undecided voter Dana Morrow`` after an inverted cue: an -ed adjective, a role, a name.

    `scan_right` reads no phrase from a lower-case word in -ed (``said registered
    voters could …`` opens a clause); followed by a role noun and a full name
    (``said undecided Republican voter Dana Morrow``), the phrase names the person.

    Args:
        ctx: The article context.
        b: The end of the inverted cue word.
        end: The end of the clause.

    Returns:
        The phrase from the adjective to the end of the name (and what ``of``
        attaches), or ``None``.
    """
    m = _PARTICIPLE_MODIFIER.match(ctx.norm, b, end)
    if m is None:
        return None
    inner = scan_right(ctx.norm, m.end(), end)
    if inner is None or inner.start != m.end():
        return None
    words = tokens(ctx.norm, inner.start, inner.end)
    low = [t[0] for t in words]
    k = role_name_tail(words[:low.index("of")] if "of" in low else words)
    if k is None:
        return None
    return NounPhrase(m.start(1), inner.end, ctx.norm[m.start(1) : inner.end])


#: An adverb between a participle's subject and the participle (``reportedly``).
_ADVERB_END = re.compile(r"\s+[a-z]+ly\s*$")
#: ``with`` closing the text before an absolute phrase's subject.
_WITH_END = re.compile(r"(?:^|[\s,])[Ww]ith\s*$")


def with_subject(norm: str, lo: int, a: int) -> NounPhrase | None:
    """``Trump`` of ``…, with Trump reportedly yelling: “…”``: an absolute phrase's subject.

    Args:
        norm: The normalised text.
        lo: Start of the clause.
        a: Start of the participle.

    Returns:
        The capitalised noun phrase between ``with`` (and an adverb) and the
        participle, or ``None``.
    """
    hi, lo = a, max(lo, a - 200)  # a few words back, not the clause (linear time)
    m = _ADVERB_END.search(norm, max(lo, a - 40), a)
    if m is not None and m.end() == a:
        hi = m.start()
    while hi > lo and norm[hi - 1].isspace():
        hi -= 1
    np = scan_left(norm, lo, hi)
    if np is None or np.end != hi or not np.text[:1].isupper():
        return None
    return np if _WITH_END.search(norm, lo, np.start) else None

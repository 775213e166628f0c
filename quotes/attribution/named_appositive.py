"""A description that is the apposition of a name before it: ``Ann Lee, a spokeswoman for X, said``.

When the subject read before a cue is a description (``a spokeswoman for the mayor``,
``the chairman of the county party``, ``Ron Hale's daughter``) and the words right before
it are a person's name and a comma, the name opens the subject and the description is its
apposition: the speaker is the person, the description its role, and the mention runs
from the name. The name must open its clause (the start of a sentence, a quote's closing
mark, a dash, or ``said``, ``as``, ``while``, ``where``, ``when``, ``because``, ``but``
before it), so that ``for Jane Roe, the candidate`` or ``Jo Ames and Ann Lee, the
senator said`` stay as they are, and the description must be a singular one
(``a``/``an``/``the``/``another`` or a possessive, optionally after an age:
``Ann Lee, 60, a doctor``), so that ``Mrs. Lee, analysts said,`` keeps its analysts.
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.document import Document
from quotes.lexicon import NON_NAME_CAPITALS
from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase, without_article

__all__ = ["appositive_start", "named_appositive"]

#: One word of a person's name: an initial (``I.``), a capitalised word, a particle.
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]+|de|van|von|da|del|la)"
#: A name of two words or more and the comma (and an age) that end right before a description.
_NAME_BEFORE = re.compile(
    rf"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Rev)\.\s+)?(?:[A-Z]\.|[A-Z][\w'’\-]+)(?:\s+{_NAME_WORD})*\s+[A-Z][\w'’\-]+(?:\s+(?:Jr\.|Sr\.|II|III|IV))?)"
    r",\s+(?:\d{1,3},\s+)?\Z"
)
#: What may come right before the name: it opens its clause.
_OPENER = re.compile(
    r"(?:\A|[.!?][\"”’']*\s+|[\"”’'],?\s+|[—–]\s*|\n\s*|\b(?:said|says|added|as|while|where|when|because|[Bb]ut)\s+)\Z"
)
#: A singular description: an article, or a possessive name (``Ron Hale's daughter``).
_SINGULAR = re.compile(r"(?:(?:a|an|the|another)\s+|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s\s+)", re.I)
#: The words of a description up to its head (before ``of``, ``for``, ``to``, ``at``, ``in``).
_HEAD = re.compile(r"((?:(?!\b(?:of|for|to|at|in|with|from|on)\b)[^,])+)")
#: A plural head: its last word ends in ``s`` (not ``ss``, ``us``, ``is``).
_PLURAL = re.compile(r"(?<![su'’i])s\s*\Z")
#: A name and the gap before its apposition: a comma, perhaps an age.
_NAME_GAP = re.compile(r"[^,]{2,60},\s+(?:\d{1,3},\s+)?")
#: How far back the name may start.
_REACH = 80


def named_appositive(ctx: Document, np: NounPhrase, sp: Speaker, at: int) -> Optional[Speaker]:
    """The person named right before the description ``np`` (resolved to ``sp``), or ``None``.

    The speaker returned is the person's, with the description as its role; its mention
    and offsets are the name's (the caller extends them over the apposition).

    Args:
        ctx: The article context.
        np: The subject phrase read before the cue.
        sp: What the phrase resolved to: only a description (no person's name) is replaced.
        at: Offset of the quote.
    """
    if sp.type is SpeakerType.PERSON and sp.name and sp.name[:1].isupper():
        return None
    if sp.type is SpeakerType.ORGANIZATION or not _SINGULAR.match(ctx.norm, np.start, np.end):
        return None
    head = _HEAD.match(ctx.norm, np.start, np.end)
    if head is None or _PLURAL.search(head.group(1)):
        return None  # "Mrs. Lee, the analysts": a group beside her
    lo = max(0, np.start - _REACH)
    m = _NAME_BEFORE.search(ctx.norm, lo, np.start)
    if m is None or not _OPENER.search(ctx.norm, max(0, m.start() - 12), m.start()):
        return None
    if m.group("name").split()[0].lower() in NON_NAME_CAPITALS:
        return None  # "For Jane Roe, the results": no name opens the phrase
    if any(a <= m.start() < b for a, b in ctx.quoted):
        return None
    name = NounPhrase(m.start("name"), m.end("name"), m.group("name"))
    person = ctx.resolver.resolve(name, at=at, sentence_starts=ctx.sentence_starts, exclude=ctx.quoted)
    if person is None or person.type is not SpeakerType.PERSON or not person.name:
        return None
    role = without_article(ctx.text[np.start:np.end])
    return person.model_copy(update={"role": role})


def appositive_start(ctx: Document, sp: Speaker, start: int) -> int:
    """Where a subject phrase at ``start`` begins when `named_appositive` named ``sp`` before it.

    ``sp.start`` when the speaker's mention starts with a name that ends right before the
    phrase with the comma (and an age) of an apposition and its role is that phrase; ``start`` otherwise.
    """
    if sp.start < start and sp.role and _NAME_GAP.fullmatch(ctx.norm, sp.start, start):
        phrase = without_article(ctx.text[start : start + len(sp.role) + 4])
        if phrase.startswith(sp.role):
            return sp.start
    return start

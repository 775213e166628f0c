"""Speakers named by a description rather than a name, for reported speech.

Used by `quotes.attribution.report_subject.subject` when the words before a cue are
a whole phrase (``Some delegates at the convention``, ``Officials at the agency``,
``72 percent of Democrats``), a possessive whose head is a person (``Smith's
spokeswoman``), a description cut by a preposition (``A producer for Yahoo
Studios``), or a phrase with a participle whose object is a name (``Groups opposing
Clinton``: the groups speak, not Clinton).
"""

from __future__ import annotations

import re

from quotes.attribution.source import resolve_speaker
from quotes.attribution.subject import QUANTITY_HEADS, full_subject, subject_nouns
from quotes.document import Document
from quotes.lexicon import (
    ANONYMOUS_HEADS,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    PERSON_NOUNS,
    TITLES,
    relative_word,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase, without_article
from quotes.text.tokens import Token

__all__ = [
    "OWNED_DOCUMENT",
    "TIME_HEAD",
    "described_subject",
    "participle_object",
    "possessive_speaker",
    "whole_subject",
]


OWNED_DOCUMENT = re.compile(
    r"['’]s\s+(?:(?:new|latest|official|written|joint|annual|final)\s+)?(?:statement|report|letter|post|tweet|"
    r"message|memo|announcement|release|filing|website|study|survey|analysis|lawsuit|complaint|"
    r"ruling|proposal|data|figures|records|decree|order|notice)$",
    re.I,
)


#: A phrase ending in a word of time (``the time``, ``last week``): no speaker. A capitalised
#: head after another word is a name (``The Times``, ``the Financial Times``, ``Military
#: Times``), so the newspaper still speaks.
TIME_HEAD = re.compile(
    r"\b(?:time|day|week|month|year|moment|night|morning|evening|afternoon|end)s?$"
    r"|^(?:Time|Day|Week|Month|Year|Moment|Night|Morning|Evening|Afternoon|End)s?$"
)


_DETERMINER_OPENERS = frozenset(
    """the a an some many most all both several few other these those this each more less my your
    his her its our their about nearly almost roughly only just over under around fewer at one two
    three four five six seven eight nine ten""".split()
)


#: ``Smith's spokeswoman``, ``the company's chief executive``, ``Sanders' lawyers``: an
#: owner, a possessive and lower-case words up to the head noun.
_POSSESSIVE = re.compile(
    r"(?:(?:the|a|an)\s+)?[\w.\- ]*?\w(?:['’]s|s['’])\s+"
    r"(?:[a-z][\w\-]*\s+){0,3}(?P<head>[a-z][\w\-]*)",
    re.I,
)


def _possessive_kind(head: str) -> SpeakerType | None:
    """Person for a role or relation noun (``spokeswoman``), group for its plural (``lawyers``)."""
    low = head.lower()
    people = TITLES | ANONYMOUS_HEADS | PERSON_NOUNS
    if low in people and not low.endswith("s") or low in ("chief", "boss"):
        return SpeakerType.PERSON
    if low in GROUP_HEADS or low.endswith("s") and (low[:-1] in people or low[:-2] in people):
        return SpeakerType.GROUP
    return None


def possessive_speaker(ctx: Document, np: NounPhrase, sp: Speaker | None) -> Speaker | None:
    """The source of a possessive phrase whose head is a person: ``Smith's spokeswoman said``.

    PolNeAR's Source is the whole phrase (``Ryan's office``, ``Clinton's campaign
    manager``). When the resolver knows nothing of it, or reads it as the owner's
    organisation (``the company's chief executive``), the phrase is a described
    person (a group for a plural head), named by the phrase without its determiner.
    Any other phrase, or a speaker the resolver found, comes back as ``sp``.

    Args:
        ctx: The article context.
        np: The subject phrase before the cue.
        sp: What the resolver made of it, or ``None``.
    """
    if not _POSSESSIVE.fullmatch(np.text) or not np.text.split()[-1].islower():
        return sp
    kind = _possessive_kind(np.text.split()[-1])
    if kind is None:
        return sp
    if sp is not None and sp.type not in (SpeakerType.ORGANIZATION, SpeakerType.UNKNOWN):
        return sp
    if sp is not None and sp.type is SpeakerType.ORGANIZATION and sp.end != np.end:
        return sp  # the resolver read a different phrase
    name = without_article(ctx.text[np.start : np.end])
    return Speaker(
        name=sp.name if sp is not None else name,
        mention=ctx.text[np.start : np.end],
        start=np.start,
        end=np.end,
        type=kind,
        role=sp.role if sp is not None else None,
    )


#: A participle inside a subject phrase with a name after it: ``Groups opposing Clinton``.
_PARTICIPLE_IN_PHRASE = re.compile(r"\s(?P<part>[a-z]{3,}ing)\s+(?=[A-Z])")


def participle_object(
    ctx: Document, start: int, end: int, sp: Speaker | None, at: int
) -> Speaker | None:
    """The speaker of ``Groups opposing Clinton said``: the head, never the participle's object.

    When the resolver names someone who stands after a participle inside the
    subject phrase (``Democrats supporting Mrs. Clinton``, ``One pastor backing
    Mr. Cruz``), that name is what the head does, not who speaks: the head before
    the participle is resolved instead (a plural head is a group), else nobody
    speaks. The caller keeps the whole phrase as the mention.
    """
    if sp is None or sp.type is not SpeakerType.PERSON or not sp.name:
        return sp
    last = sp.name.split()[-1]
    named = ctx.norm.rfind(last, start, end)
    part = next(
        (m for m in _PARTICIPLE_IN_PHRASE.finditer(ctx.norm, start, end)
         if m.start() < named and m.group("part") not in subject_nouns()),
        None,
    )
    if named < 0 or part is None or part.group("part") == "including":
        return sp
    head_end = start + len(ctx.norm[start : part.start()].rstrip(" ,—–-"))
    if not any(w.lower() not in _DETERMINER_OPENERS for w in ctx.norm[start:head_end].split()):
        return sp  # "the leading Democratic ...": an adjective, no head before it
    head = NounPhrase(start, head_end, ctx.norm[start:head_end])
    word = head.text.split()[-1]
    if word.lower() in GROUP_HEADS or word.endswith("s") and not word.endswith("ss") and (
        word.islower() or len(head.text.split()) == 1
    ):  # "Democrats supporting ...", "Several delegates backing ...": a group
        name = without_article(ctx.text[head.start : head.end])
        return Speaker(
            name=name, mention=name, start=head.start, end=head.end, type=SpeakerType.GROUP
        )
    found = resolve_speaker(ctx, head, at, describe=True)
    return found if found is not None and found.end <= head.end else None


def described_subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, hi: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The whole subject phrase as a speaker of unknown type (``A producer for X``), or ``None``."""
    if j > 0 and relative_word(toks[j - 1][0]):
        return None  # a relative clause ("officials who said"), not "the WHO said"
    fs = full_subject(ctx.norm, consumed, hi, toks[:j])
    if fs is None or fs.quantity or TIME_HEAD.search(fs.core.text):
        return None
    words = fs.core.text.split()
    if words[0].lower() not in _DETERMINER_OPENERS or not words[-1].islower():
        return None  # "A producer", "the agency": a description, not a name cut short
    name = without_article(fs.core.text)
    mention = ctx.text[fs.start : fs.end]
    sp = Speaker(name=name, mention=mention, start=fs.start, end=fs.end, type=SpeakerType.UNKNOWN)
    return sp, (fs.start, fs.end)


def whole_subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, hi: int, at: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The speaker named by the whole subject phrase before the cue, and the phrase's span."""
    if j > 0 and relative_word(toks[j - 1][0]):
        return None  # a relative clause ("officials who said"), not "the WHO said"
    if OWNED_DOCUMENT.search(ctx.norm[max(consumed, hi - 120) : hi].rstrip()) is not None:
        return None
    fs = full_subject(ctx.norm, consumed, hi, toks[:j])
    if fs is None or TIME_HEAD.search(fs.core.text) or fs.core.text.endswith(("'s", "’s")):
        return None  # "the time", "Editor's note": not a speaker
    first = fs.core.text.split()[0].lower()
    if first in NON_NAME_CAPITALS and first not in _DETERMINER_OPENERS:
        return None
    sp = None if fs.quantity else resolve_speaker(ctx, fs.core, at, describe=True)
    if fs.core.start == fs.start and fs.core.end == fs.end:
        sp = possessive_speaker(ctx, fs.core, sp)
    sp = participle_object(ctx, fs.start, fs.end, sp, at)
    head = fs.core.text.split()[-1]
    plural = head.islower() and head.endswith("s") and not head.endswith("ss")
    counted = any(w.lower() in QUANTITY_HEADS for w in fs.core.text.split())  # "those surveyed"
    if sp is None and (fs.quantity or counted or head.lower() in GROUP_HEADS or plural):
        name = ctx.text[fs.start : fs.end]
        sp = Speaker(
            name=name, mention=name, start=fs.start, end=fs.end, type=SpeakerType.GROUP
        )
    if sp is None:
        return None
    if sp.type is SpeakerType.PERSON and head.lower() in GROUP_HEADS and head.lower().endswith("s"):
        # "Officials at the agency", "Critics of the plan": a group, not a person named Critics.
        sp = sp.model_copy(update={"type": SpeakerType.GROUP, "name": fs.core.text})
    return sp, (fs.start, fs.end)

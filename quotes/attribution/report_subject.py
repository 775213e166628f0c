"""The speaker of a reported clause: the subject before its cue.

Used by [`quotes.attribution.reported`][]. `subject` reads the noun phrase before a
cue and resolves it: the whole subject phrase first (`quotes.attribution.subject`:
``Some delegates at the convention in Philadelphia``, ``72 percent of
Democrats``), then the head right before the cue, a document's owner (``the
ministry's statement says``), anonymous sources with a post-modifier (``people
familiar with the matter``), a relative ``who``, an apposition or relative clause
between commas, and for a participle after a comma (``..., saying C``) the
subject of the sentence.
"""

from __future__ import annotations

import re

from quotes.document import Document
from quotes.text.tokens import Token, tokens
from quotes.attribution.cues import cue_adverb
from quotes.attribution.subject import QUANTITY_HEADS, subject_nouns, full_subject
from quotes.attribution.cues import cue_type_of
from quotes.attribution.source import appositive_role, resolve_speaker
from quotes.lexicon import (
    ANONYMOUS_HEADS,
    CUE_AUXILIARIES,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    TITLES,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase, scan_left, scan_right

__all__ = ["between_subject_and_cue", "subject"]

#: Negations between a speaker and its cue (``has not said``).
_CUE_NEGATIONS = frozenset({"not", "never", "n't", "n’t"})

_LEAD_ADVERBIAL = re.compile(
    r"(?:(?:but|and|so|yet|still|meanwhile|however|now|then|instead|later|earlier),?\s+)?"
    r"(?:(?:in|at|on|after|before|during|when|while|although|though|as|since|if|asked|speaking|"
    r"following|despite|for|with|without|like|unlike|by|from|under|over|last|this|earlier|later)"
    r"\b[^,]{0,120},\s+)?",
    re.I,
)


_DOCUMENT = re.compile(
    r"['’]s\s+(?:(?:new|latest|official|written|joint|annual|final)\s+)?(?:statement|report|letter|post|tweet|"
    r"message|memo|announcement|release|filing|website|study|survey|analysis|lawsuit|complaint|"
    r"ruling|proposal|data|figures|records|decree|order|notice)$",
    re.I,
)
_POSTMODIFIED = re.compile(
    r"(?P<head>\b(?:sources?|officials?|people|persons?|diplomats?|aides?|advisers?|advisors?|insiders?|"
    r"lawmakers?|executives?|analysts?|officers?|someone|one))"
    r"(?P<post>\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|involved\s+in|"
    r"knowledgeable\s+about|speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity)\b[^,.;:]{0,80}?)"
    r"(?:\s*,)?\s*$",
    re.I,
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_BETWEEN_PHRASE = re.compile(
    r"(?:\s+(?:at\s+the\s+time|on\s+"
    + _DAY
    + r"|"
    + _DAY
    + r"|earlier\s+"
    + _DAY
    + r"|last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year)|in\s+(?:a|an)\s+(?:statement|interview|email|post|tweet)[^,]{0,40})"
    r"|\s*,\s*(?:for\s+(?:his|her|its|their)\s+part|for\s+instance|for\s+example|in\s+turn|however|meanwhile|too|though|on\s+"
    + _DAY
    + r"|"
    r"in\s+(?:a|an)\s+(?:statement|interview|email|post|tweet)[^,]{0,40})\s*,)\s*$",
    re.I,
)
_ISSUED_DOCUMENT = re.compile(
    r"\b(?:issued|released|sent(?:\s+out)?|posted|put\s+out|published|tweeted|wrote|filed|aired|"
    r"ran)\s+"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|letter|release|post|email|tweet|"
    r"memo|message|video|ad|advertisement|note|report|op-ed|column|filing|brief|editorial|article|"
    r"story)$",
    re.I,
)
_TIME_HEAD = re.compile(
    r"\b(?:time|day|week|month|year|moment|night|morning|evening|afternoon|end)s?$", re.I
)
_SUBORDINATOR = re.compile(
    r"\b(?:since|because|after|before|when|while|until|unless|although|if|than)\b", re.I
)
_PROGRESSIVE = frozenset("is are was were be been being 's ’s 're ’re am".split())
_ADVERBS = frozenset(
    "however basically openly then too now again once still even long".split()
)


#: ``Smith's spokeswoman``, ``the company's chief executive``, ``Sanders' lawyers``: an
#: owner, a possessive and lower-case words up to the head noun.
_POSSESSIVE = re.compile(
    r"(?:(?:the|a|an)\s+)?[\w.\- ]*?\w(?:['’]s|s['’])\s+(?:[a-z][\w\-]*\s+){0,3}(?P<head>[a-z][\w\-]*)",
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


def _possessive_speaker(ctx: Document, np: NounPhrase, sp: Speaker | None) -> Speaker | None:
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
    if kind is None or sp is not None and sp.type not in (SpeakerType.ORGANIZATION, SpeakerType.UNKNOWN):
        return sp
    if sp is not None and sp.type is SpeakerType.ORGANIZATION and sp.end != np.end:
        return sp  # the resolver read a different phrase
    name = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[np.start : np.end], flags=re.I)
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


def _participle_object(
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
        name = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[head.start : head.end], flags=re.I)
        return Speaker(name=name, mention=name, start=head.start, end=head.end, type=SpeakerType.GROUP)
    found = resolve_speaker(ctx, head, at, describe=True)
    return found if found is not None and found.end <= head.end else None


def _relative_subject(ctx: Document, lo: int, hi: int) -> tuple[NounPhrase, int] | None:
    """``Paradis, who has been active in politics since 25, says``: the phrase and where it ends."""
    seg = ctx.norm[lo:hi].rstrip()
    if not seg.endswith(","):
        return None
    found = list(re.finditer(r",\s+(?:who|which|whose)\s", seg))
    if not found:
        return None
    m = found[-1]
    if seg[m.end() : -1].count(",") > 2:  # a relative clause with at most two inner commas
        return None
    np = scan_left(ctx.norm, lo, lo + m.start())
    if np is None or np.end != lo + m.start():
        return None
    return np, lo + len(seg) - 1


def _sentence_subject(ctx: Document, lo: int, hi: int) -> NounPhrase | None:
    """The subject at the start of a sentence (for ``..., saying C``)."""
    m = _LEAD_ADVERBIAL.match(ctx.norm, lo, hi)
    start = m.end() if m else lo
    np = scan_right(ctx.norm, start, hi)
    if np is None:
        return None
    toks = tokens(ctx.norm, np.start, np.end)
    verb = next((n for n in range(1, len(toks)) if _verb_form(toks[n][0])), None)
    if verb is not None:
        toks = toks[:verb]  # "His campaign put out a statement saying": the verb ends it
    while len(toks) > 1 and between_subject_and_cue(toks[-1][0], ""):
        toks.pop()  # "Peskov later confirmed ...": the adverb is not the subject
    while len(toks) > 1 and toks[-1][0].islower() and toks[-1][0] not in subject_nouns() and (
        toks[-1][0].endswith("ed") or cue_type_of(toks[-1][0]) is not None
    ):
        toks.pop()  # "The company declined, citing ...": the verb is not the subject
    caps = [n for n, t in enumerate(toks) if t[0][:1].isupper()]
    if (
        caps and caps[-1] < len(toks) - 1 and caps[0] == 0
        and toks[caps[-1]][0].lower() not in NON_NAME_CAPITALS
        and not _head_noun(toks[caps[-1] + 1][0])  # "The Jeb Bush campaign": a noun heads it
    ):
        toks = toks[: caps[-1] + 1]  # "Governor Tim Walz left ...": a name ends with a capital
    np = NounPhrase(toks[0][1], toks[-1][2], ctx.norm[toks[0][1] : toks[-1][2]])
    if not re.match(r"\s+(?:[a-z]|,\s+who\b)", ctx.norm[np.end : np.end + 8]):
        return None
    return np


#: Finite verbs that end a subject read rightwards (``His campaign put out a statement``).
_FINITE_VERBS = frozenset(
    """put puts ran runs released releases issued issues posted posts sent sends made makes
    launched launches took takes gave gives published publishes aired airs has have had is was
    are were will would could can should might must""".split()
)


_DOCUMENT_NOUNS = frozenset(
    """statement report letter post tweet message memo ad ads video editorial article story
    release""".split()
)


def _head_noun(word: str) -> bool:
    """A lower-case noun that heads a source after a name (``campaign``, ``official``, ``ad``)."""
    return (
        word in ORG_WORDS or word in TITLES or word in GROUP_HEADS or word in ANONYMOUS_HEADS
        or word in _DOCUMENT_NOUNS
    )


def _verb_form(word: str) -> bool:
    """A lower-case verb form that cannot belong to a subject noun phrase."""
    if not word.islower() or word in subject_nouns():
        return False
    return word in _FINITE_VERBS or word.endswith("ed") or cue_type_of(word) is not None


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:for|at|in|by|from|with|to|on|about|against|near|inside|outside|under|over)\s+$", re.I
)
_LIST_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|for|at|in|by|from)\s+(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*,\s+$"
)


def _object_of_preposition(ctx: Document, consumed: int, at: int) -> bool:
    """Whether the noun phrase at ``at`` is the object of a preposition, so no subject.

    ``A producer for Yahoo Studios told``, ``a woman in Worcester, Massachusetts, told``,
    ``the National Academies of Sciences, Engineering and Medicine noted``.
    """
    word = re.match(r"[\w'’]+", ctx.norm[at : at + 40])
    if word is None or word.group().lower() in PRONOUNS:
        return False  # "In a speech in Phoenix, he said": a pronoun after an adverbial
    before = ctx.norm[max(consumed, at - 80) : at]
    return _PREPOSITION_BEFORE.search(before) is not None or (
        word.group()[:1].isupper() and _LIST_AFTER_PREPOSITION.search(before) is not None
    )  # "a woman in Worcester, Massachusetts, said": the place goes on


def _described_subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, hi: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The whole subject phrase as a speaker of unknown type (``A producer for X``), or ``None``."""
    if j > 0 and toks[j - 1][0].lower() in ("who", "which", "that"):
        return None
    fs = full_subject(ctx.norm, consumed, hi, toks[:j])
    if fs is None or fs.quantity or _TIME_HEAD.search(fs.core.text):
        return None
    words = fs.core.text.split()
    if words[0].lower() not in _DETERMINER_OPENERS or not words[-1].islower():
        return None  # "A producer", "the agency": a description, not a name cut short
    name = re.sub(r"^(?:the|a|an)\s+", "", fs.core.text, flags=re.I)
    mention = ctx.text[fs.start : fs.end]
    sp = Speaker(name=name, mention=mention, start=fs.start, end=fs.end, type=SpeakerType.UNKNOWN)
    return sp, (fs.start, fs.end)


def subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, lo: int, cue: str, prev: Speaker | None
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The speaker of a cue whose auxiliaries start at token ``j``, and the span of its mention.

    Tries the noun phrase right before the cue, an apposition or relative clause
    between commas, a relative ``who``, and for a participle after a comma
    (``..., saying C``) the subject of the sentence.
    """
    np_hi = toks[j][1] if j < len(toks) else len(ctx.norm)
    a = toks[j][1]
    if (
        cue.endswith("ing") and prev is not None and consumed <= prev.end <= np_hi
        and ctx.norm[prev.end : np_hi].strip() == ","
    ):
        return prev, None  # "said X, a former aide, recalling C": X goes on speaking
    between = _BETWEEN_PHRASE.search(ctx.norm, max(consumed, np_hi - 120), np_hi)
    if between is not None and between.start() > consumed:
        np_hi = between.start()  # "Trump at the time said", "Snyder, for his part, has denied"
        found = _subject_before_cue(ctx, toks, j, consumed, lo, cue, prev, np_hi, a)
        if found is not None:
            found = _with_dated_participle(ctx, found, between)
    else:
        found = _subject_before_cue(ctx, toks, j, consumed, lo, cue, prev, np_hi, a)
    return _with_leading_part(ctx, found, consumed) if found is not None else None


#: A quantity and ``of`` before a subject: the partitive is the source (``one of his aides``).
_PARTITIVE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?\b(?:one|some|many|most|none|all|each|any|several|few|both|half|"
    r"two|three|four|five|member|members|majority|third|quarter|handful|dozens|hundreds|thousands|"
    r"\d+%|\d+\s+percent)\s+of\s+$",
    re.I,
)
#: A pronoun and ``and`` before a subject: the pair is the source (``She and her aides``).
_PRONOUN_AND_BEFORE = re.compile(r"\b(?:he|she|they|we|I)\s+and\s+$", re.I)
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’]|\b(?:his|her|their|its|our|my|your))$", re.I)


def _with_leading_part(
    ctx: Document, found: tuple[Speaker, tuple[int, int] | None], consumed: int
) -> tuple[Speaker, tuple[int, int] | None]:
    """The source widened to the quantity or pronoun that opens its phrase.

    ``when one of his warm-up speakers said``, ``85% of Democrats said``, ``She and
    her aides argued``: the subject read before the cue is the last noun phrase, but
    PolNeAR's Source span is the whole phrase. A possessive (``one of his``) owns a
    document, not a speaker, so stays as it is.
    """
    sp, span = found
    a, b = span if span is not None else (sp.start, sp.end)
    window = ctx.norm[max(consumed, a - 40) : a]
    m = _PARTITIVE_BEFORE.search(window)
    if m is not None and _POSSESSIVE_END.search(ctx.norm, a, b):
        m = None
    m = m or _PRONOUN_AND_BEFORE.search(window)
    if m is None:
        return found
    return sp, (a - len(window) + m.start(), b)


#: A source phrase that ends in a participle dating it: ``A Monmouth poll out``,
#: ``The report published``, ``A court document filed`` (then ``Monday``, ``last week``).
_DATING_PARTICIPLE = re.compile(
    r"\b(?:released|published|out|conducted|filed|issued|taken|posted|unveiled|aired)$", re.I
)
#: The time phrase read between a subject and its cue (`_BETWEEN_PHRASE`'s dates only).
_DATE_BETWEEN = re.compile(
    r"\s+(?:(?:on|earlier|late|early)\s+)?(?:" + _DAY + r"|(?:last|this)\s+(?:week|month|year))\s*",
    re.I,
)


def _with_dated_participle(
    ctx: Document,
    found: tuple[Speaker, tuple[int, int] | None],
    between: re.Match[str],
) -> tuple[Speaker, tuple[int, int] | None]:
    """The source with the date after its participle (``A Monmouth poll out Monday said``).

    The date between a subject and its cue is left out of the source (``Clinton on
    Tuesday said``), but after a participle it dates the document or poll that is
    the source, and PolNeAR's Source spans keep it (``A poll released Thursday``).
    """
    sp, span = found
    a, b = span if span is not None else (sp.start, sp.end)
    if (
        ctx.norm[b : between.start()].strip()
        or not _DATING_PARTICIPLE.search(ctx.norm, a, b)
        or not _DATE_BETWEEN.fullmatch(between.group())
    ):
        return found
    return sp, (a, between.start() + len(between.group().rstrip()))


def _subject_before_cue(
    ctx: Document,
    toks: list[Token],
    j: int,
    consumed: int,
    lo: int,
    cue: str,
    prev: Speaker | None,
    np_hi: int,
    a: int,
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """`subject` from the words before ``np_hi`` (the cue, or a date between it and the subject)."""
    np = scan_left(ctx.norm, consumed, np_hi)
    if np is None or ctx.norm[consumed : np.start].strip():
        # Words before the head ("Some delegates at the convention in", "Hours later,"):
        # read the whole subject phrase; a head that opens the clause is read as it is.
        whole = _whole_subject(ctx, toks, j, consumed, np_hi, a)
        if whole is not None:
            return whole
        if np is not None and not cue.endswith("ing") and _object_of_preposition(ctx, consumed, np.start):
            # "A producer for Northfield Studios said": the studio is no subject of "said";
            # the whole phrase is the source when it reads as one, else nobody is.
            return _described_subject(ctx, toks, j, consumed, np_hi)
    elif np is not None:
        found = _head_subject(ctx, toks, j, consumed, lo, cue, prev, np, np_hi, a)
        if found is None and " " in np.text and not np.text.istitle():
            return _whole_subject(ctx, toks, j, consumed, np_hi, a)  # "Clinton defenders today"
        return found
    return _head_subject(ctx, toks, j, consumed, lo, cue, prev, np, np_hi, a)


def _head_subject(
    ctx: Document,
    toks: list[Token],
    j: int,
    consumed: int,
    lo: int,
    cue: str,
    prev: Speaker | None,
    np: NounPhrase | None,
    np_hi: int,
    a: int,
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """`subject` from the head ``np`` read right before the cue (or from around it)."""
    if np is not None:
        return _named_head(ctx, toks, j, consumed, lo, cue, np, a)
    post = _POSTMODIFIED.search(ctx.norm, consumed, np_hi)
    if post is not None:  # "sources familiar with the matter said"
        head = scan_left(ctx.norm, consumed, post.end("head"))
        if head is not None:
            sp = resolve_speaker(ctx, head, a)
            return (sp, (head.start, post.end("post"))) if sp is not None else None
    if j > 0 and toks[j - 1][0].lower() == "who" and toks[j - 1][1] >= consumed:
        who = toks[j - 1]
        ante = scan_left(
            ctx.norm,
            consumed,
            ctx.norm.rfind(",", consumed, who[1])
            if ctx.norm[consumed : who[1]].rstrip().endswith(",")
            else who[1],
        )
        if ante is None:
            return None
        sp = resolve_speaker(ctx, ante, a)
        return (sp, (who[1], who[2])) if sp is not None else None
    return _subject_across_comma(ctx, consumed, lo, cue, prev, np_hi, a)


def _named_head(
    ctx: Document,
    toks: list[Token],
    j: int,
    consumed: int,
    lo: int,
    cue: str,
    np: NounPhrase,
    a: int,
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """`subject` from the noun phrase ``np`` right before the cue."""
    if cue.endswith("ing") and _ISSUED_DOCUMENT.search(ctx.norm, consumed, np.end):
        # "X issued a statement saying C": X speaks, not the statement.
        subj = _sentence_subject(ctx, lo, np.start)
        sp = resolve_speaker(ctx, subj, a) if subj is not None else None
        return (sp, None) if sp is not None else None
    if _TIME_HEAD.search(np.text):
        return None  # "the time", "last week": not a speaker
    if _SUBORDINATOR.search(np.text) or np.text.endswith(("'s", "’s")):
        return None  # "for the first time since Moscow claimed", "Editor's note": not a subject
    if j > 0 and toks[j - 1][0].lower() in ("who", "which") and np.text.lower() in ("who", "which"):
        return None
    doc = _DOCUMENT.search(np.text)
    if doc is not None:  # "the ministry's statement says": the ministry speaks
        cut = np.start + doc.start()
        owner = NounPhrase(np.start, cut, ctx.norm[np.start : cut])
        sp = resolve_speaker(ctx, owner, a)
        return (sp, (np.start, np.end)) if sp is not None else None
    sp = _possessive_speaker(ctx, np, resolve_speaker(ctx, np, a))
    sp = _participle_object(ctx, np.start, np.end, sp, a)
    if sp is None and np.text.lower() in _UNRESOLVED_OK:
        # "I think ...", "We believe ...", "they say ...": the pronoun is the source as written.
        sp = Speaker(
            name=np.text, mention=np.text, start=np.start, end=np.end, type=SpeakerType.UNKNOWN
        )
    return (sp, None) if sp is not None else None


def _subject_across_comma(
    ctx: Document, consumed: int, lo: int, cue: str, prev: Speaker | None, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The subject before a comma or a coordinator right before the cue.

    ``..., saying C`` / ``... and then says C``: the subject of the sentence (or of the
    report before) goes on; ``X, a former aide, said``: an apposition; ``Paradis, who
    has been active in politics since 25, says``: a relative clause.
    """
    before = ctx.norm[consumed:np_hi].rstrip()
    coordinated = re.search(r"(?:^|[\s,])(?:and|but|then)$", before, re.I) is not None
    if not before.endswith(",") and not coordinated:
        return None
    if cue.endswith("ing") or coordinated:
        # "..., saying C" / "... and then says C": the subject of the sentence goes on.
        if prev is not None:
            return prev, None
        subj = _sentence_subject(ctx, lo, np_hi)
        if subj is None:
            return None
        sp = resolve_speaker(ctx, subj, a)
        return (sp, None) if sp is not None else None
    appos = appositive_role(ctx, consumed, np_hi)
    if appos:
        np, role = appos
        first = scan_left(
            ctx.norm, consumed, ctx.norm.rfind(",", consumed, len(before) + consumed - 1)
        )
        sp = resolve_speaker(ctx, np, a, role)
        lo_span = min(np.start, first.start) if first is not None else np.start
        return (sp, (lo_span, consumed + len(before) - 1)) if sp is not None else None
    rel = _relative_subject(ctx, consumed, np_hi)
    if rel:
        np, end = rel
        sp = resolve_speaker(ctx, np, a)
        return (sp, (np.start, end)) if sp is not None else None
    return None


def _whole_subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, hi: int, at: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The speaker named by the whole subject phrase before the cue, and the phrase's span."""
    if j > 0 and toks[j - 1][0].lower() in ("who", "which", "that"):
        return None
    if _DOCUMENT.search(ctx.norm[max(consumed, hi - 120) : hi].rstrip()) is not None:
        return None
    fs = full_subject(ctx.norm, consumed, hi, toks[:j])
    if fs is None or _TIME_HEAD.search(fs.core.text) or fs.core.text.endswith(("'s", "’s")):
        return None  # "the time", "Editor's note": not a speaker
    first = fs.core.text.split()[0].lower()
    if first in NON_NAME_CAPITALS and first not in _DETERMINER_OPENERS:
        return None
    sp = None if fs.quantity else resolve_speaker(ctx, fs.core, at, describe=True)
    if fs.core.start == fs.start and fs.core.end == fs.end:
        sp = _possessive_speaker(ctx, fs.core, sp)
    sp = _participle_object(ctx, fs.start, fs.end, sp, at)
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


#: Pronouns kept as the source when they resolve to nobody: the text names no one else.
_UNRESOLVED_OK = frozenset({"i", "we", "you", "they", "it"})
_DETERMINER_OPENERS = frozenset(
    """the a an some many most all both several few other these those this each more less my your
    his her its our their about nearly almost roughly only just over under around fewer at one two
    three four five six seven eight nine ten""".split()
)


def between_subject_and_cue(word: str, cue: str) -> bool:
    """Whether ``word`` may stand between a speaker and its cue (``has also said``, ``is touting``)."""
    low = word.lower()
    if low in CUE_AUXILIARIES or low in _CUE_NEGATIONS or low in _ADVERBS or cue_adverb(word):
        return True  # cue_adverb: the direct path's adverb test ("often", not "family")
    return low in _PROGRESSIVE and cue.endswith("ing")

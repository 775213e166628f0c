"""The speaker of a reported clause: the subject before its cue.

Used by `quotes.attribution.report_scan.SentenceScan`. `subject` reads the noun
phrase before a cue and resolves it: the whole subject phrase first
(`quotes.attribution.report_described`: ``Some delegates at the convention in
Philadelphia``, ``72 percent of Democrats``), then the head right before the cue, a
document's owner (``the ministry's statement says``), anonymous sources with a
post-modifier (``people familiar with the matter``), a relative ``who`` or ``, which``, the
antecedent of a relative report before it (``X, who said C1, said C2``), and across
a comma (`quotes.attribution.report_comma_subject`) an apposition, a relative
clause, or for a participle (``..., saying C``) the subject of the sentence. The
source span is then widened to a quantity or pronoun that opens it (``one of his
aides``, ``She and her aides``) and to the date after a participle (``A poll
released Thursday``).
"""

from __future__ import annotations

import re

from quotes.attribution.report_comma_subject import sentence_subject, subject_across_comma
from quotes.attribution.report_cues import EVIDENCE, reporting_kind
from quotes.attribution.report_described import (
    OWNED_DOCUMENT,
    TIME_HEAD,
    described_subject,
    participle_object,
    possessive_speaker,
    whole_subject,
)
from quotes.attribution.source import resolve_speaker
from quotes.document import Document
from quotes.lexicon import CLAUSE_OPENERS, PRONOUNS, relative_word, word_alternation
from quotes.models import CueType, Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase, scan_left, without_article
from quotes.text.tokens import Token

__all__ = ["subject"]


_POSTMODIFIED = re.compile(
    r"(?P<head>\b(?:sources?|officials?|people|persons?|diplomats?|aides?|advisers?|advisors?|insiders?|"
    r"lawmakers?|executives?|analysts?|officers?|someone|one))"
    r"(?P<post>\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|involved\s+in|"
    r"knowledgeable\s+about|speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity)\b[^,.;:]{0,80}?)"
    r"(?:\s*,)?\s*$",
    re.I,
)
#: How far before a cue a post-modified source may start: the head, its modifier (at
#: most 80 characters after the fixed words) and spaces fit well within it.
_POSTMODIFIED_REACH = 300


def _postmodified_before(ctx: Document, consumed: int, np_hi: int) -> re.Match[str] | None:
    """A post-modified source (``sources familiar with the matter``) ending at ``np_hi``.

    The match must end at the cue, so the search starts at most `_POSTMODIFIED_REACH`
    characters before it: a search from the clause start cost the clause's length per
    cue (quadratic on a long run-on sentence).
    """
    return _POSTMODIFIED.search(ctx.norm, max(consumed, np_hi - _POSTMODIFIED_REACH), np_hi)


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


_SUBORDINATOR = re.compile(
    r"\b(?:since|because|after|before|when|while|until|unless|although|if|than)\b", re.I
)


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
    after_relative = _after_relative_report(ctx, lo, consumed, np_hi, prev)
    if after_relative is not None:
        return after_relative  # "X, which said C1, said C2": X
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
    if cue.startswith(_EVIDENCE_CUES) and (found is None or found[0].type is SpeakerType.PERSON):
        # "Exit polling showed C"; "Polls in Iowa show C" is no person named Polls
        evidence = _evidence_subject(ctx, toks, j, consumed, np_hi)
        if evidence is not None and between is not None and between.start() > consumed:
            evidence = _with_dated_participle(ctx, evidence, between)  # "New polls released Sunday"
        found = evidence or found
    return _with_leading_part(ctx, found, consumed) if found is not None else None


#: The longest tail of a relative clause after its report's content (``in December,``).
_RELATIVE_TAIL = 40
#: A relative pronoun after a comma, as the mention of a report's speaker (``X, who said C``).
_RELATIVE_MENTION = re.compile(r",\s+(?:who|which)$", re.I)


def _after_relative_report(
    ctx: Document, lo: int, consumed: int, np_hi: int, prev: Speaker | None
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``X, which said C1, said C2``: the antecedent of the report before speaks again.

    The report before was a relative clause (its speaker's mention is the ``who`` or
    ``which`` after a comma) whose content ended the clause, and only its closing comma
    stands between that content and this cue, or a short tail of the clause (``X, which
    endorsed Y in December, said C``). The source is the antecedent alone: PolNeAR leaves a
    relative clause that is a report of its own out of the Source span (8 of 9 on train).
    """
    rest = ctx.norm[consumed:np_hi].rstrip()
    if prev is None or not prev.end < consumed < np_hi or not rest.endswith(","):
        return None
    if "," in rest[:-1] or len(rest) > _RELATIVE_TAIL:
        return None  # only the relative clause's tail may stand before its comma ("in December")
    rel = _RELATIVE_MENTION.search(ctx.norm, max(lo, prev.start - 4), prev.end)
    if rel is None:
        return None
    ante = scan_left(ctx.norm, lo, rel.start())
    if ante is None or ante.end != rel.start():
        return None
    return prev, (ante.start, ante.end)


#: Cues whose subject may be a piece of evidence rather than a speaker (``polls show``).
_EVIDENCE_CUES = ("show", "reveal", "found", "find", "suggest", "indicate")


def _evidence_subject(
    ctx: Document, toks: list[Token], j: int, consumed: int, hi: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``Exit polling showed C``, ``Polls in New Hampshire show C``: the evidence is the source.

    The words from the clause start (the last comma, or a conjunction) to the cue are the
    source when they are a short phrase (at most ten words, no clause word, no preposition
    first) with a noun of evidence in it (a poll, records, an email, footage;
    `quotes.attribution.report_cues.EVIDENCE`). It names nobody: its type is unknown.
    """
    start = max(consumed, *(ctx.norm.rfind(c, consumed, hi) + 1 for c in ",;:(—"))
    sub = _SUBORDINATE_AS.search(ctx.norm, start, hi)
    start = sub.end() if sub else start  # "The debate took place as a new poll showed C"
    m = _EVIDENCE_PHRASE.fullmatch(ctx.norm, start, hi)
    if m is None:
        return None
    words = [w.lower().strip(".'’") for w in m.group("np").split()]
    if (
        not any(w in EVIDENCE for w in words)
        or _NOT_IN_EVIDENCE.intersection(words)
        or any(reporting_kind(w) is not None for w in words)  # "PAC revealed its polling"
        or any(w.endswith("s") and w not in EVIDENCE and n + 1 < len(words)
               and words[n + 1] in _DETERMINERS for n, w in enumerate(words))  # "reflects her"
    ):
        return None
    a, b = m.start("np"), m.end("np")
    name = without_article(ctx.text[a:b])
    sp = Speaker(name=name, mention=ctx.text[a:b], start=a, end=b, type=SpeakerType.UNKNOWN)
    return sp, (a, b)


#: A short phrase before a cue, after an optional conjunction: ``But new polls released Sunday``.
#: The conjunction is a clause opener (`CLAUSE_OPENERS`) but ``instead``, with no comma after it.
_EVIDENCE_PHRASE = re.compile(
    r"\s*(?:" + word_alternation(CLAUSE_OPENERS - {"instead"}) + r"\s+)?"
    r"(?P<np>(?!(?:in|on|at|for|from|with|by|to|of|as|after|before|during|since|he|she|it|they|we|i|"
    r"you|this|that|these|those)\b)[\w'’.\-]+(?:\s+[\w'’.\-$%]+){0,9}?)\s*",
    re.I,
)
#: Words that open a clause or a verb phrase inside the words before a cue: no source phrase.
_NOT_IN_EVIDENCE = frozenset(
    """that which who whom whose when if because while although though since is are was were
    has have had will would can could do does did not said says say to""".split()
)
#: ``as`` opening a clause inside the words before a cue: the source comes after it.
_SUBORDINATE_AS = re.compile(r"\bas\s+(?=(?:a|an|the)\s)", re.I)
#: Determiners after a verb in ``-s`` (``reflects her advisers' wariness``): a clause, no phrase.
_DETERMINERS = frozenset("a an the his her its their our my this that these those".split())


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
        whole = whole_subject(ctx, toks, j, consumed, np_hi, a)
        if whole is not None:
            return whole
        anonymous = _anonymous_source(ctx, consumed, np_hi, a)
        if anonymous is not None:
            return anonymous  # "People briefed on the move said": not "the move"
        if (
            np is not None
            and not cue.endswith("ing")
            and _object_of_preposition(ctx, consumed, np.start)
        ):
            # "A producer for Northfield Studios said": the studio is no subject of "said";
            # the whole phrase is the source when it reads as one, else nobody is.
            return described_subject(ctx, toks, j, consumed, np_hi)
    elif np is not None:
        found = _head_subject(ctx, toks, j, consumed, lo, cue, prev, np, np_hi, a)
        if found is None and " " in np.text and not np.text.istitle():
            return whole_subject(ctx, toks, j, consumed, np_hi, a)  # "Clinton defenders today"
        return found
    return _head_subject(ctx, toks, j, consumed, lo, cue, prev, np, np_hi, a)


def _anonymous_source(
    ctx: Document, consumed: int, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``People briefed on the move``, ``people close to Clinton``: a head and its post-modifier.

    The phrase must open the clause (after a conjunction or a sentence adverb at most),
    so the head is its subject.
    """
    post = _postmodified_before(ctx, consumed, np_hi)
    if post is None:
        return None
    head = scan_left(ctx.norm, consumed, post.end("head"))
    if head is None or not _CLAUSE_OPENING.fullmatch(ctx.norm, consumed, head.start):
        return None
    sp = resolve_speaker(ctx, head, a, describe=True)
    return (sp, (head.start, post.end("post"))) if sp is not None else None


#: What may stand before a subject that opens its clause: a conjunction, a sentence adverb
#: (`CLAUSE_OPENERS`).
_CLAUSE_OPENING = re.compile(r"\s*(?:" + word_alternation(CLAUSE_OPENERS) + r"\b,?\s*)?", re.I)


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
    post = _postmodified_before(ctx, consumed, np_hi)
    if post is not None:  # "sources familiar with the matter said"
        head = scan_left(ctx.norm, consumed, post.end("head"))
        if head is not None:
            sp = resolve_speaker(ctx, head, a)
            return (sp, (head.start, post.end("post"))) if sp is not None else None
    if j > 0 and toks[j - 1][0].lower() == "who" and toks[j - 1][1] >= consumed:
        return _relative_who(ctx, toks[j - 1], consumed, prev, a)
    if (
        j > 1 and toks[j - 1][0].lower() == "which" and toks[j - 2][0] == ","
        and toks[j - 2][1] >= consumed
        and reporting_kind(cue) in (CueType.SPEECH, CueType.CLAIM)  # not "which wants to C"
    ):
        return _relative_who(ctx, toks[j - 1], consumed, prev, a)  # "the report, which found C"
    return subject_across_comma(ctx, consumed, lo, cue, prev, np_hi, a)


def _relative_who(
    ctx: Document, who: Token, consumed: int, prev: Speaker | None, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The antecedent of ``who`` (or ``, which``) before a cue; the source span is the pronoun."""
    if prev is not None and ctx.norm[prev.end : who[1]].strip() in ("", ","):
        return prev, (who[1], who[2])  # "said Ann Lee, a professor in Maine, who added C"
    before = ctx.norm[consumed : who[1]].rstrip()
    ante_end = consumed + len(before) - 1 if before.endswith(",") else who[1]
    ante = scan_left(ctx.norm, consumed, ante_end)
    sp = resolve_speaker(ctx, ante, a) if ante is not None else None
    if sp is None:
        counted = _COUNTED_ANTECEDENT.search(ctx.norm, max(consumed, who[1] - 60), who[1])
        if counted is None:
            return None
        name = ctx.text[counted.start("np") : counted.end("np")]  # "54 percent who say C"
        sp = Speaker(
            name=name, mention=name, start=counted.start("np"), end=counted.end("np"),
            type=SpeakerType.GROUP,
        )
    return sp, (who[1], who[2])


#: A share of people before ``who`` in a poll report, the object of a comparison or an
#: inclusion (``compared with 54 percent who say C``, ``including 18% who say C``, ``from 76
#: percent who said the same``). As a subject (``Those who said C split evenly``) the verb
#: of the main clause would run into the content, so that is left out.
_COUNTED_ANTECEDENT = re.compile(
    r"\b(?:with|including|from|to|than|by)\s+(?P<np>(?:(?:about|nearly|almost|roughly|some|only|just|"
    r"the|a|an)\s+)*(?:\d[\d.,]*\s*(?:%|percent)|(?:\d+|one|two|three|four|five|six|seven|eight|nine)"
    r"\s+in\s+(?:\d+|ten|five|four|three)|(?:same\s+)?number|majority|minority|plurality|share|third|"
    r"quarter)(?:\s+of\s+(?:\w+\s+){0,2}(?:voters|respondents|adults|americans|democrats|"
    r"republicans|independents))?)\s*$",
    re.I,
)


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
    if _EXCEPT_BEFORE.search(ctx.norm, max(consumed, np.start - 30), np.start):
        return None  # "Everyone but Hewlett said yes": not Hewlett
    if cue.endswith("ing") and _ISSUED_DOCUMENT.search(ctx.norm, consumed, np.end):
        # "X issued a statement saying C": X speaks, not the statement.
        subj = sentence_subject(ctx, lo, np.start)
        sp = resolve_speaker(ctx, subj, a) if subj is not None else None
        return (sp, None) if sp is not None else None
    if TIME_HEAD.search(np.text):
        return None  # "the time", "last week": not a speaker
    if _SUBORDINATOR.search(np.text) or np.text.endswith(("'s", "’s")):
        return None  # "for the first time since Moscow claimed", "Editor's note": not a subject
    if j > 0 and toks[j - 1][0].lower() in ("who", "which") and relative_word(np.text, ("who", "which")):
        return None  # "officials who said": the relative pronoun; "WHO said": the organisation
    doc = OWNED_DOCUMENT.search(np.text)
    if doc is not None:  # "the ministry's statement says": the ministry speaks
        cut = np.start + doc.start()
        owner = NounPhrase(np.start, cut, ctx.norm[np.start : cut])
        sp = resolve_speaker(ctx, owner, a)
        return (sp, (np.start, np.end)) if sp is not None else None
    sp = possessive_speaker(ctx, np, resolve_speaker(ctx, np, a))
    sp = participle_object(ctx, np.start, np.end, sp, a)
    if sp is None and np.text.lower() in _UNRESOLVED_OK:
        # "I think ...", "We believe ...", "they say ...": the pronoun is the source as written.
        sp = Speaker(
            name=np.text, mention=np.text, start=np.start, end=np.end, type=SpeakerType.UNKNOWN
        )
    return (sp, None) if sp is not None else None


#: A quantifier and ``but`` before a name: the name is the one left out (``Everyone but X``).
_EXCEPT_BEFORE = re.compile(
    r"\b(?:everyone|everybody|all|anyone|anybody|nobody|none|no\s+one|each)\s+but\s+$", re.I
)


#: Pronouns kept as the source when they resolve to nobody: the text names no one else.
_UNRESOLVED_OK = frozenset({"i", "we", "you", "they", "it"})


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

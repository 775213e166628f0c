"""The subject of a reported clause read across a comma or a coordinator.

Used by `quotes.attribution.report_subject.subject` when a comma or ``and`` stands
right before the cue: ``X, a former aide, said`` (an apposition), ``Paradis, who
has been active in politics since 25, says`` (a relative clause), and ``..., saying
C`` / ``... and then says C``, where the subject of the sentence (or of the report
before) goes on speaking (`sentence_subject`).
"""

from __future__ import annotations

import re

from quotes.attribution.cues import cue_type_of
from quotes.attribution.report_content_text import skip_lead
from quotes.attribution.report_cue_use import between_subject_and_cue
from quotes.attribution.source import appositive_role, read_subject, resolve_speaker
from quotes.attribution.source_extent import party_tag_end
from quotes.attribution.subject import subject_nouns
from quotes.document import Document
from quotes.lexicon import (
    ANONYMOUS_HEADS,
    CLAUSE_OPENERS,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    TITLES,
    word_alternation,
)
from quotes.models import Speaker
from quotes.speakers.noun_phrase import NounPhrase, scan_left, scan_right
from quotes.text.tokens import tokens

__all__ = ["sentence_subject", "subject_across_comma"]


_LEAD_ADVERBIAL = re.compile(
    r"(?:(?:but|and|so|yet|still|meanwhile|however|now|then|instead),?\s+)?"
    r"(?:(?:in|at|on|after|before|during|when|while|although|though|as|since|if|asked|speaking|"
    r"following|despite|for|with|without|like|unlike|by|from|under|over|last|this|earlier|later)"
    r"\b[^,]{0,120},\s+)?",
    re.I,
)


def subject_across_comma(
    ctx: Document, consumed: int, lo: int, cue: str, prev: Speaker | None, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """The subject before a comma or a coordinator right before the cue.

    ``..., saying C`` / ``... and then says C``: the subject of the sentence (or of the
    report before) goes on; ``X, a former aide, said``: an apposition; ``Paradis, who
    has been active in politics since 25, says``: a relative clause.
    """
    if cue.endswith("ing") and consumed == lo and _FRONTED_ADJUNCT.fullmatch(ctx.norm, lo, np_hi):
        return _fronted_adjunct_subject(ctx, np_hi, a)  # "After saying C, X left"
    before = ctx.norm[consumed:np_hi].rstrip()
    coordinated = re.search(r"(?:^|[\s,])(?:and|but|then)$", before, re.I) is not None
    if cue.endswith("ing") and _ADJUNCT_PREPOSITION.search(before):
        return _adjunct_subject(ctx, lo, np_hi, a)  # "X won the seat by promising C"
    if not before.endswith(",") and not coordinated:
        return None
    if cue.endswith("ing") or coordinated:
        # "..., saying C" / "... and then says C": the subject of the sentence goes on.
        if prev is not None:
            return prev, None
        subj = sentence_subject(ctx, lo, np_hi)
        if subj is None:
            return None
        sp = resolve_speaker(ctx, subj, a)
        aside = _ASIDE_THEN_VERB.match(ctx.norm, party_tag_end(ctx.norm, subj.end, np_hi), np_hi)
        span = None
        if aside is not None:  # the source is the subject and an apposition, not the verb
            occasion = _OCCASION_ASIDE.match(aside.group("aside"))
            span = (subj.start, subj.end if occasion else aside.end("aside"))
        return (sp, span) if sp is not None else None
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
    return _name_with_aside(ctx, consumed, np_hi, a) or _subject_with_aside(ctx, consumed, np_hi, a)


#: A preposition that opens a gerund adjunct after its clause (``X rallied crowds by promising
#: C``, ``X left the stage before explaining C``): the subject of the clause is the gerund's.
#: A word must stand before it, so a fronted adjunct (``After saying C, X ...``) is not read.
_ADJUNCT_PREPOSITION = re.compile(
    r"\w[\w,.’'”\"]*\s+(?:by|after|before|while|when|without|since|upon)$", re.I
)


def _adjunct_subject(
    ctx: Document, lo: int, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``X rallied crowds by promising C``: the subject of the clause is the gerund's subject.

    Only for a clause that is the sentence's own, read whole: its subject (an aside after
    it allowed), then a verb, and no relative, subordinate or second clause before the
    preposition (``Y, who surprised X by declaring C``: Y, not X, declared).
    """
    subj = sentence_subject(ctx, lo, np_hi)
    if subj is None or subj.text.endswith(("'s", "’s")):
        return None  # "The Granite State's ...": a possessive opens the subject
    end = party_tag_end(ctx.norm, subj.end, np_hi)
    aside = _ASIDE_THEN_VERB.match(ctx.norm, end, np_hi)
    end = aside.end("aside") + 1 if aside else end
    predicate = ctx.norm[end:np_hi].rstrip()
    predicate, preposition = predicate[: predicate.rfind(" ")], predicate.split()[-1].lower()
    if preposition in ("by", "without") and _PASSIVE.match(predicate):
        return None  # "The plan was justified by arguing C": its subject argues nothing
    first = _PREDICATE_VERB.match(predicate)
    if first is None or not first.group("aux") and not _verb_form(first.group("verb")):
        return None  # "Tuesday on WTMJ's show, while discussing C": no verb after "Tuesday"
    if _CLAUSE_BREAK.search(predicate):
        return None
    sp = resolve_speaker(ctx, subj, a)
    span = (subj.start, aside.end("aside")) if aside else None
    if aside and _OCCASION_ASIDE.match(aside.group("aside")):
        span = (subj.start, subj.end)
    return (sp, span) if sp is not None else None


#: A gerund adjunct that opens its sentence: ``After``, ``One month after``, ``But while``.
_FRONTED_ADJUNCT = re.compile(
    r"\s*(?:(?:but|and|yet|so|still|now)\s*,?\s+)?(?:(?:shortly|soon|just|even|only|long|right|"
    r"a|few|several|one|two|three|four|five|six|seven|eight|nine|ten|\d+|hours?|days?|weeks?|"
    r"months?|years?)\s+){0,2}"
    r"(?:after|before|while|since|upon|by|in|when|without)\s+",
    re.I,
)


def _fronted_adjunct_subject(
    ctx: Document, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``After saying C, X left``: the subject of the clause after the adjunct's comma.

    The first of the next three commas of the sentence after which a subject and its
    verb stand (`sentence_subject`) ends the adjunct.
    """
    end = ctx.sentence_of(np_hi)[1]
    c = np_hi
    for _ in range(3):
        c = ctx.norm.find(",", c + 1, min(end, np_hi + 300))
        if c < 0:
            return None
        subj = sentence_subject(ctx, c + 1, end)
        if subj is not None and not ctx.norm[c + 1 : subj.start].strip():
            sp = resolve_speaker(ctx, subj, a)
            return (sp, None) if sp is not None else None
    return None


#: The verb after a subject: an adverb at most before it (``X only hinted``), an auxiliary
#: with n't (``wasn't``), or a word that `_verb_form` reads as a verb.
_PREDICATE_VERB = re.compile(
    r"\s*(?:(?:only|also|then|later|just|never|once|first|[a-z]+ly)\s+)?"
    r"(?:(?P<aux>[a-z]+n['’]t|did|does|do|began|broke|threw|won|lost|sent|spent|fought|rose|"
    r"took|led|left|kept|held|got|went|came|brought|sat|stood|began|struck|drew)\b|(?P<verb>[a-z]+))"
)


#: A passive predicate (``was justified``, ``was included in a paper``).
_PASSIVE = re.compile(r"\s*(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)


#: A second clause between the subject and the gerund: a relative, a subordinate clause,
#: a coordinated one, or a stop.
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|or|so|yet)\b|\b(?:who|whom|whose|which|that|while|whereas|because|"
    r"although|though|when|if|unless|since|until)\b",
    re.I,
)


def _subject_with_aside(
    ctx: Document, consumed: int, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``Then DuPont, only two months later, announced C``: the clause's subject before an aside.

    The subject opens the clause (`sentence_subject`) and the aside between commas after it
    runs to the comma right before the cue. The source is the subject with an apposition or a
    relative clause, the subject alone after an occasion (``, in fact,``, ``, of course,``).
    """
    comma = ctx.norm.rfind(",", consumed, np_hi)
    subj = sentence_subject(ctx, consumed, np_hi + 1)
    if subj is None:
        return None
    aside = _ASIDE_THEN_VERB.match(ctx.norm, party_tag_end(ctx.norm, subj.end, np_hi), np_hi + 1)
    if aside is None or aside.end("aside") != comma:
        return None
    if _ATTRIBUTION_ASIDE.match(aside.group("aside")):
        return None  # "Rather, he said, C": the aside is an attribution of its own
    sp = resolve_speaker(ctx, subj, a)
    if sp is None:
        return None
    occasion = _OCCASION_ASIDE.match(aside.group("aside"))
    return sp, (subj.start, subj.end if occasion else comma)


#: An aside that attributes the clause around it: ``, he said,``, ``, they said,``.
_ATTRIBUTION_ASIDE = re.compile(
    r",\s+(?:[\w.’'-]+\s+){1,4}(?:said|says|say|told|added|noted|wrote|reported)\s*$", re.I
)


def _name_with_aside(
    ctx: Document, consumed: int, np_hi: int, a: int
) -> tuple[Speaker, tuple[int, int] | None] | None:
    """``Bill Taylor, an organizer of the rallies, said``: a name and an aside up to the comma.

    The name opens the clause, after a conjunction or sentence adverb at most (``But``,
    ``Moreover,``): after other words it may be an object or a place (``In Alexandria, Va.,
    Lazar, in a jail jumpsuit, said``), so it is left alone.

    The aside is one the direct path reads after a name (`read_subject`): a role with
    an attachment, an age, a role after an age. The source runs to the comma, but an
    occasion or a participle (``Ann Lee, in her dissent, said``, ``..., clad in a red
    cape,``) is no part of it, as in PolNeAR.
    """
    lead = _LEAD_WORD.match(ctx.norm, consumed, np_hi)
    found = read_subject(ctx, lead.end() if lead else consumed, np_hi, anchored=True)
    if found is None:
        return None
    np, role, start = found
    sp = resolve_speaker(ctx, np, a, role, start=start)
    if sp is None:
        return None
    first = min(np.start, start if start is not None else np.start)
    if _OCCASION.match(ctx.norm, np.end, np_hi):
        return sp, (first, np.end)
    return sp, (first, ctx.norm.rfind(",", consumed, np_hi))


#: A conjunction or sentence adverb before a source that opens its clause: ``But``,
#: ``Moreover,``, ``For now,``. The clause openers (`CLAUSE_OPENERS`) but ``now``, with
#: ``moreover`` and the phrases ``for now`` and ``for one thing`` added.
_LEAD_WORD = re.compile(
    r"\s*(?:" + word_alternation((CLAUSE_OPENERS - {"now"}) | {"moreover"})
    + r"|for\s+now|for\s+one\s+thing)\b,?\s+",
    re.I,
)


#: An aside between a source and its cue that says when, where or how, not who: an
#: occasion (``, in her dissent,``, ``, on the other hand,``), a participle (``, clad in a
#: red cape,``, ``, released on Wednesday,``), ``himself``, ``over``.
_OCCASION = re.compile(
    r",\s+(?:(?:in|on|during)\s+(?:a|an|the|his|her|its|their)\s|[a-z]+(?:ed|ing)\s|clad\s|over\s|"
    r"(?:him|her|it|them)sel(?:f|ves)\s)[^,]{0,100},\s*$"
)


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


def sentence_subject(ctx: Document, lo: int, hi: int) -> NounPhrase | None:
    """The subject at the start of a sentence (for ``..., saying C``).

    A dateline, a linking adverb and a lead adverbial before it are skipped
    (``WASHINGTON (Reuters) - X did Y, saying C``); an apposition or a relative clause
    between commas may stand between it and its verb (``X, a former aide, left ...``).
    """
    lo = skip_lead(ctx.norm, lo, hi)  # "WASHINGTON (Reuters) - X did Y, saying C"
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
    end = party_tag_end(ctx.norm, np.end, hi)  # "Sen. Ann Lee (D-Ore.) defended ..."
    if re.match(r"\s+(?:[a-z]|,\s+who\b)", ctx.norm[end : end + 8]):
        return np
    return np if _ASIDE_THEN_VERB.match(ctx.norm, end, hi) else None  # "X, a former aide, left"


#: An aside between commas after the subject, then a lower-case word (its verb): ``X, a former
#: aide, said``, ``X, who ..., has``, ``X, including Y and Z, have``; at most one inner comma.
_ASIDE_THEN_VERB = re.compile(
    r"(?P<aside>,\s+[^,;:()“”\"]{2,100}(?:,[^,;:()“”\"]{2,60})??),\s+(?!(?:who|whose|which)\b)[a-z]"
)


#: An aside that says when, where or how (``, in an interview,``, ``, meanwhile,``, ``, clearly
#: frustrated,``, ``, looking for a way ...,``): no part of the source, unlike an apposition.
_OCCASION_ASIDE = re.compile(
    r",\s+(?:in|on|of|at|during|after|before|for|with|without|from|by|as|also|too|meanwhile|however|"
    r"though|then|now|still|once|again|[a-z]+ly|[a-z]+ing|[a-z]+ed)\b"
)


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

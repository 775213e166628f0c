"""The attribution context and cue words: what the rules share.

`Attribution` is what a rule finds for a quote (speaker, cue, rule). The
cue-word tests decide whether a token is a verb of saying (`cue_type_of`)
and whether it introduces a quote on its own (``said``, ``wrote``: ``intro_cue``).
Split out of [`quotes.attribution.direct`][], which re-exports these names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from quotes.text.quoted import QuotedSpan
from quotes.lexicon import (
    ANONYMOUS_HEADS,
    CUE_AUXILIARIES,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    TITLES,
    WEEKDAYS,
    cue_rates,
    cue_stances,
    cue_words,
    source_words,
)
from quotes.text.marks import FOLD_MARK
from quotes.attribution.rules import RULES
from quotes.document import Document
from quotes.models import CueType, Quote, Span, Speaker, Stance
from quotes.speakers.noun_phrase import NounPhrase, scan_right
from quotes.text.tokens import tokens

TELL = frozenset({"told", "tell", "tells", "telling"})
PARTICIPLE_RE = re.compile(r"\w+ing$")
LEAD = re.compile(r"[\s,;:—–\-\x7f]*")


@dataclass
class Attribution:
    """Where a quote's cue and speaker were found."""

    speaker: Optional[Speaker]
    cue: Optional[Span]
    cue_type: CueType
    via: Optional[str]
    confidence: float
    rule: str


def cue_type_of(word: str) -> Optional[CueType]:
    """The [`CueType`][quotes.models.CueType] of a cue word, or ``None`` if it is not one."""
    kind = cue_words().get(word.lower())
    return CueType(kind) if kind else None


#: A content that is a question: it opens with ``whether``, ``if`` or a wh-word.
_QUESTION_OPENER = re.compile(
    r"\W*(?:whether|if|what|why|how|who|whom|whose|which|where|when)\b", re.I
)


#: A cue that withholds an answer: negated (``did not say``, ``won't say``) or a refusal
#: (``declined``, ``refused``), whose content then leaves an open question.
_WITHHELD_CUE = re.compile(r"\b(?:not|never|n't|n’t|declin\w*|refus\w*)\b", re.I)
#: A negation ending the text before a cue: ``did not`` say, ``won't`` say, ``never`` said.
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never)|n't|n’t)\s*$", re.I)
#: The open question such a cue leaves: ``whether C`` or ``if C``, after ``to say`` for a refusal.
_WITHHELD_CONTENT = re.compile(
    r"\W*(?:to\s+(?:say|disclose|reveal|confirm|comment\s+on|answer)\s+)?(?:whether|if)\b", re.I
)


def stance_of(cue: str, content: str, before: str = "") -> Stance:
    """The [`Stance`][quotes.models.Stance] a reported cue gives its content.

    The first word of ``cue`` listed in ``quotes/data/stances.tsv`` decides; a
    word listed for questions only (``asked``) questions a content that opens with
    ``whether``, ``if`` or a wh-word, and asserts any other (``asked them to
    leave``). No listed word: the content is asserted.

    Examples:
        >>> stance_of("denied", "that he met Trump").value
        'denies'
        >>> stance_of("has disputed", "a report").value
        'denies'
        >>> stance_of("asked", "whether talks were planned").value
        'questions'
        >>> stance_of("asked", "them to leave").value
        'asserts'
        >>> stance_of("did not say", "whether the bridge would reopen").value
        'questions'
        >>> stance_of("say", "if it would reopen", before="Lee would not ").value
        'questions'
        >>> stance_of("declined", "to say whether it was a violation").value
        'questions'
    """
    negated = _WITHHELD_CUE.search(cue) or _NEGATED_BEFORE.search(before)
    if negated and _WITHHELD_CONTENT.match(content):
        return Stance.QUESTIONS  # "did not say whether C", "declined to say if C": C is not asserted
    table = cue_stances()
    for word in re.findall(r"[a-z]+", cue.lower()):
        found = table.get(word)
        if found is None:
            continue
        stance, when = found
        if when == "question" and not _QUESTION_OPENER.match(content):
            return Stance.ASSERTS
        return Stance(stance)
    return Stance.ASSERTS


def cue_kind(word: str, line_caps: bool = False) -> Optional[CueType]:
    """`cue_type_of` for a token in running text: ``Post`` or ``Read`` is a name there."""
    if word[:1].isupper() and not line_caps and not word.isupper():
        return None
    if word.lower() in SPEECH_VERBS:
        return CueType.SPEECH
    return cue_type_of(word)


def aux_start(toks: list[tuple[str, int, int]], i: int, *, days: bool = False) -> int:
    """Index of the first auxiliary/adverb directly before token ``i``.

    With ``days``, a day between the subject and the cue is skipped too (``Priebus on
    Thursday told Fox News: “…”``): used before a quote only, where the cue ends the
    clause; after a quote a day there more often ends a title read as a quote.

    Examples:
        >>> aux_start([("Nixon", 0, 5), ("famously", 6, 14), ("said", 15, 19)], 2)
        1
        >>> aux_start([("the", 0, 3), ("family", 4, 10), ("said", 11, 15)], 2)
        2
    """
    j = i
    while j > 0 and (
        toks[j - 1][0].lower() in CUE_AUXILIARIES or toks[j - 1][0].lower() in _REFLEXIVE
        or cue_adverb(toks[j - 1][0]) or days and _day_word(toks, j - 1)
    ):
        j -= 1
    return j


#: Parts of a day after a weekday (``Thursday night``).
_DAY_PARTS = frozenset("night morning afternoon evening".split())


def _day_word(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Token ``k`` is part of a day before a cue: ``Trump (on) Thursday (night) said``.

    Examples:
        >>> toks = [("Becker", 0, 6), ("on", 7, 9), ("Thursday", 10, 18), ("night", 19, 24)]
        >>> [_day_word(toks, k) for k in range(4)]
        [False, True, True, True]
    """
    low = toks[k][0].lower()
    if low in WEEKDAYS:
        return True
    if low in _DAY_PARTS:
        return k > 0 and toks[k - 1][0].lower() in WEEKDAYS
    return low == "on" and k + 1 < len(toks) and toks[k + 1][0].lower() in WEEKDAYS


_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself"})
#: Adverbs without ``-ly`` seen between a source and its cue in PolNeAR train
#: (``Fact-checkers soon noted``), beside those of ``CUE_AUXILIARIES``.
_CUE_ADVERBS = frozenset("soon now often always sometimes even".split())
#: Lower-case words in ``-ly`` that are nouns or adjectives, no adverbs (``the family said``).
_NOT_ADVERBS = frozenset(
    """family ally rally assembly supply reply anomaly monopoly bully belly jelly homily lily
    folly elderly weekly daily monthly quarterly yearly butterfly""".split()
)


def cue_adverb(word: str) -> bool:
    """A lower-case adverb between a subject and its cue (``famously``, ``quickly``, ``soon``).

    Examples:
        >>> cue_adverb("famously"), cue_adverb("family"), cue_adverb("Kelly")
        (True, False, False)
    """
    if not word.islower():
        return False
    if word in _CUE_ADVERBS:
        return True
    return (
        len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS
        and word not in TITLES and word not in GROUP_HEADS and word not in ORG_WORDS
        and word not in source_words()
    )


#: Words that open a cue's verb group in PolNeAR train gold cues right before our cue verb
#: (``has said``, ``also said``, ``is calling``, ``did not say``, ``would later say``), beside
#: ``CUE_AUXILIARIES``, adverbs (`cue_adverb`) and ``n't`` contractions. Counted on the
#: aligned train items: no such word stood just outside a gold cue more than 6 times
#: (``also`` 129 inside against 6, ``then`` 14 against 4, the others 0 or 1).
_CUE_GROUP = frozenset(
    """is are was were be been being am not never can should must shall long""".split()
)
_CUE_GROUP_WORD = re.compile(r"[A-Za-z'’]+$")


def cue_group_start(text: str, start: int, floor: int = 0) -> int:
    """Offset where the cue's verb group starts: the auxiliaries, negation and adverbs before it.

    Walks back from ``start`` over the lower-case words directly before it (a space
    between each, no punctuation) that belong to the verb group, as PolNeAR's cue
    spans do (``has also said``, ``did not say``, ``would later say``); never before
    ``floor`` (the end of the speaker mention or content before the cue). Before a
    capitalised cue (a headline: ``Rubio Just Said``) capitalised words count too.

    Examples:
        >>> s = "He has repeatedly said it"
        >>> s[cue_group_start(s, 18):22]
        'has repeatedly said'
        >>> s = "Smith, who has led the union, said it"
        >>> s[cue_group_start(s, 30):34]
        'said'
        >>> s = "She didn't say"
        >>> s[cue_group_start(s, 11):14]
        "didn't say"
    """
    a = start
    title = text[start:start + 1].isupper()  # a headline: "Al Sharpton Just Said"
    while True:
        b = a
        while b > floor and text[b - 1] == " ":
            b -= 1
        if b == a or b <= floor:
            return a
        m = _CUE_GROUP_WORD.search(text, max(floor, b - 20), b)
        if m is None or m.start() > floor and not text[m.start() - 1].isspace():
            return a
        word = m.group()
        if not word.islower() and not (title and word.istitle()):
            return a
        low = word.lower().replace("’", "'")
        if not (
            low in CUE_AUXILIARIES or low in _CUE_GROUP or low.endswith("n't") and len(low) > 3
            or cue_adverb(low)
        ):
            return a
        a = m.start()


def with_verb_group(text: str, cue: Span | None, before: tuple[int, ...] = ()) -> Span | None:
    """``cue`` widened to start at its verb group (`cue_group_start`).

    Args:
        text: The article text the offsets refer to.
        cue: The cue span (the bare verb, or ``told reporters``), or ``None``.
        before: Ends of the spans the widening must not enter (the speaker
            mention, the content); those after the cue are ignored.

    Returns:
        The widened span, or ``cue`` itself when nothing opens its verb group.
    """
    if cue is None:
        return None
    floor = max((e for e in before if e <= cue.start), default=0)
    start = cue_group_start(text, cue.start, floor)
    if start == cue.start:
        return cue
    return Span(text=text[start:cue.end], start=start, end=cue.end)


#: Words right after a verb of saying that PolNeAR's cue spans take in (train gold cues:
#: ``out`` 89 inside against 0 outside, ``up`` 27/0, ``back`` 23/2, ``off`` 9/0,
#: ``repeatedly`` 6/0, ``again`` 5/0; a manner adverb closing the clause, ``said dryly``).
_CUE_TAIL = frozenset("back out up off again repeatedly".split())
#: ``went on``: the particle of a verb of going on (``went on to say`` is a chain, not this).
_GOING = frozenset("go goes went going".split())
#: ``-ly`` words after a verb that are no manner adverbs (``said early Monday``).
_NOT_TAIL = frozenset("early only likely really friendly".split())
_TAIL_WORD = re.compile(r" ([a-z]+)(?=[\s,.;:!?\"'”’\x7f)]|$)")


def with_verb_tail(text: str, cue: Span | None, limit: int) -> Span | None:
    """A one-word ``cue`` widened over the particle or adverb right after it, before ``limit``.

    ``shot back``, ``lashed out``, ``went on``, ``said again``, ``said sarcastically.``:
    PolNeAR's cue spans hold these words; a manner adverb only where the clause ends
    after it (``said quietly to reporters`` keeps ``said``).

    Examples:
        >>> s = "“No,” he shot back. “Yes,” she said sarcastically."
        >>> with_verb_tail(s, Span(text="shot", start=9, end=13), len(s)).text
        'shot back'
        >>> with_verb_tail(s, Span(text="said", start=31, end=35), len(s)).text
        'said sarcastically'
    """
    if cue is None or " " in cue.text:
        return cue
    m = _TAIL_WORD.match(text, cue.end, limit)
    if m is None:
        return cue
    word = m.group(1)
    rest = text[m.end():min(limit, m.end() + 4)]
    going_on = word == "on" and cue.text.lower() in _GOING and not rest.startswith(" to")
    manner = cue_adverb(word) and word.endswith("ly") and word not in _NOT_TAIL
    if word in _CUE_TAIL or going_on or manner and rest[:1] in (".", ",", ";", ""):
        return Span(text=text[cue.start:m.end()], start=cue.start, end=m.end())
    return cue


#: Verbs that introduce a quote on their own (``he said, “…”``); learned cue words
#: of a lower rate (``debate``, ``message``) only attribute with a speaker beside them.
_INTRO_RATE = 0.3
INTRO_EXTRA = frozenset(
    """say says said saying tell tells told add adds added reply replies replied respond
    responds responded write writes wrote tweet tweets tweeted post posted ask asks asked
    declare declared insist insisted warn warned explain explained note noted recall recalled
    quip quipped joke joked shout shouted continue continues continued conclude concluded
    whisper whispered yell yelled exclaim exclaimed interject interjected retort retorted
    chant chanted scream screamed shouted muse mused""".split()
)
# Verbs of saying missing from the learned cue list (manner of speaking: "barked", "quipped").
SPEECH_VERBS = frozenset(
    """whisper whispered whispers yell yelled yells exclaim exclaimed exclaims interject
    interjected interjects retort retorted retorts chant chanted chants scream screamed
    quip quipped quips muse mused joke joked jokes bragged brags countered counters scoffed
    scoffs snapped snaps sniped marveled marvelled gushed deadpanned deadpans thundered griped
    texted messaged hollered begged pleaded demanded repeated testified chimed scolded teased
    fumed beamed barked growled muttered murmured grumbled confided confessed reasoned
    protested objected mocked mocks reacted cautioned lamented gloated boomed surmised
    cracked read cried cries sighed stammered shrieked hissed roared""".split()
)
PREPOSITIONS = frozenset(
    "to for with by at from of in on into about against like than via among toward towards".split()
)


def intro_cue(word: str) -> bool:
    """A cue word that introduces a quote by itself (``said``, ``wrote``), not a noun."""
    low = word.lower()
    if low in INTRO_EXTRA or low in SPEECH_VERBS:
        return True
    return cue_type_of(low) is not None and cue_rates().get(low, (0.0, 0))[0] >= _INTRO_RATE


FINITE = frozenset(
    "is was are were will would could should can may might must has have had did does do".split()
)


def cue_span(ctx: Document, toks: list[tuple[str, int, int]], i: int, hi: int) -> tuple[Span, Optional[NounPhrase]]:
    """The cue span for cue token ``i``; ``told X`` includes its object."""
    word, a, b = toks[i]
    obj = None
    if word.lower() in TELL:
        obj = scan_right(ctx.norm, b, hi)
        if obj is not None:
            return ctx.span(a, obj.end), obj
    return ctx.span(a, b), obj


_TELL_WORD = re.compile(r"\b(?:told|tells?|telling)\b", re.IGNORECASE)


def without_addressee(quote: Quote) -> Quote:
    """``quote`` with its cue ending at the verb of telling: ``told Fox News`` → ``told``.

    The addressee of ``told`` is an argument of the cue, as the speaker is, and not
    part of it (annotated news corpora such as PolNeAR mark the bare ``told``); an
    outlet among them is kept in ``via``. The rules read ``told X`` as one unit while
    they place the content (``X told Reuters C``); the cue is cut only on the
    finished quote. Other cues are returned as they are.

    Examples:
        >>> from quotes.models import Quote, Span
        >>> text = "Peskov told Interfax they were waiting."
        >>> q = Quote(text="they were waiting", start=21, end=38,
        ...           cue=Span(text="told Interfax", start=7, end=20))
        >>> without_addressee(q).cue.text
        'told'
    """
    cue = quote.cue
    if cue is None:
        return quote
    m = _TELL_WORD.search(cue.text)
    if m is None or m.end() == len(cue.text):
        return quote
    bare = Span(text=cue.text[: m.end()], start=cue.start, end=cue.start + m.end())
    return quote.model_copy(update={"cue": bare})


def attributed(
    name: str, sp: Optional[Speaker], cue: Optional[Span], kind: CueType, via: Optional[str],
    *, base: Optional[float] = None,
) -> Attribution:
    """The `Attribution` that the direct rule ``name`` of the rule table makes.

    The confidence is the rule's (or ``base``, where one rule has two strengths),
    0.1 lower for a pronoun speaker and 0.3 without one
    ([`confidence_for`][quotes.attribution.rules.Rule.confidence_for]).
    """
    rule = RULES["direct", name]
    if base is not None:
        rule = replace(rule, confidence=base)
    return Attribution(sp, cue, kind, via, rule.confidence_for(sp.mention if sp else None), name)


def mark_inside_end(ctx: Document, q: QuotedSpan) -> str:
    """The character just inside the closing mark (``?`` of ``''Why?''``), or ``""``."""
    k = q.close - 1
    if k >= 0 and ctx.norm[k] == FOLD_MARK:
        k -= 1
    return ctx.norm[k] if k >= 0 else ""


def possessive_mark(ctx: Document, i: int) -> bool:
    """The ``'`` at ``i`` ends a plural possessive (``Sanders' campaign``), not a quote."""
    return ctx.norm[i - 1:i] == "s" and ctx.norm[i + 1:i + 2] == " " and ctx.norm[i + 2:i + 3].isalpha()


def short_close(ctx: Document, b: int, end: int) -> bool:
    """The sentence ends a few words after the cue (``Trump said on Monday.``), no clause."""
    rest = [w for w, _a, _b in tokens(ctx.norm, b, end) if w[0].isalnum()]
    return len(rest) <= 5 and not any(
        w.lower() in FINITE or w.lower() == "that" or cue_type_of(w.lower()) is not None for w in rest
    )


#: Lower-case cue words that are mostly nouns (``state Sen.``, ``Post reporter``).
NOUN_CUES = frozenset("state report note post tweet comment claim remark estimate".split())


def compound_noun_next(word: str) -> bool:
    """A word that goes on a noun phrase: a role (``manager``), a source noun or a name."""
    if word[:1].isupper():
        return word.lower() not in NON_NAME_CAPITALS
    return word in TITLES or word in ANONYMOUS_HEADS or word in GROUP_HEADS or word in ORG_WORDS


PHRASAL_CUES = frozenset({("put", "it"), ("pointed", "out"), ("points", "out")})
TO_SAY = frozenset("say ask add announce declare write tell".split())
#: Words of a verb chain before ``to say`` (``was prompted to say``, ``went so far as to say``).
_TO_SAY_CHAIN = FINITE | CUE_AUXILIARIES | frozenset(
    "so far as only even quick eager went goes".split()
)


def quote_as_object(ctx: Document, q: QuotedSpan, toks: list[tuple[str, int, int]], i: int) -> bool:
    """The cue ``toks[i]`` after ``q`` takes ``it`` or ``this`` (the quote) as object.

    ``“What difference does it make?” Her critics cited it as evidence``: the quote's
    sentence is finished, and the verb after it speaks about the quote.
    """
    nxt = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
    return nxt in ("it", "this") and mark_inside_end(ctx, q) in ("?", "!", ".")


def to_say_chain_start(toks: list[tuple[str, int, int]], k: int) -> Optional[int]:
    """Index of the first word of the verb chain ending at ``toks[k]``, before ``to say``.

    Walks back over auxiliaries, adverbs and participles (``was prompted``, ``went so
    far as``) to the subject; ``None`` when a word there may be an object (``urged
    him``, ``asked voters``).

    Examples:
        >>> toks = [("Ann", 0, 3), ("was", 4, 7), ("prompted", 8, 16), ("to", 17, 19)]
        >>> to_say_chain_start(toks, 2)
        1
        >>> to_say_chain_start([("Ann", 0, 3), ("asked", 4, 9), ("voters", 10, 16)], 2) is None
        True
    """
    j = k
    while j >= 0 and k - j < 6:
        word = toks[j][0]
        if not (word.isalpha() and word.islower()):
            break
        if not (word in _TO_SAY_CHAIN or word.endswith(("ly", "ed"))):
            return None
        j -= 1
    return j + 1 if j < k and j >= 0 and toks[j][0][:1].isupper() else None


#: Determiners: a cue word right after one is a noun (``in a tweet``, ``his post``), no cue.
_DETERMINERS = frozenset("a an the his her their its our my your".split())
#: Verbs whose object takes a bare infinitive (``only to have her ask``): ``her`` is no determiner.
_BARE_INFINITIVE_VERBS = frozenset(
    "have has had let lets make makes made hear heard see saw watch watched help helped".split()
)


def after_determiner(before: list[str]) -> bool:
    """Whether the words ``before`` a cue word (the last one or two) end with a determiner.

    ``Ortiz wrote in a tweet: “…”``: ``tweet`` is a noun there, not the cue;
    ``only to have her ask, “…”``: ``her`` is the object of ``have``, ``ask`` a verb.

    Examples:
        >>> after_determiner(["in", "a"]), after_determiner(["have", "her"]), after_determiner(["Ortiz"])
        (True, False, False)
    """
    if not before or before[-1].lower() not in _DETERMINERS:
        return False
    causative = len(before) > 1 and before[-2].lower() in _BARE_INFINITIVE_VERBS
    return not (before[-1].lower() == "her" and causative)

"""Cue words of reported speech: which words open a report, and what their object is.

Split out of [`quotes.attribution.reported`][], which applies these to sentences. A word opens a
report when it is a verb of saying (`quotes.lexicon.REPORTING_VERBS`) or a cue
word that heads a Cue span in at least `CUE_RATE` of its occurrences in PolNeAR
train ([`reporting_kind`][quotes.attribution.report_cues.reporting_kind]), or when it opens a
cue phrase (`phrase_cue_end`: ``made it clear``, ``points out``); attitude verbs with an
object (``criticized X``, ``endorsed X``) are `object_cue`, and the object ends where `object_end`
says. In a sentence, `report_kind` tells the type of the report a word opens; whether a cue
word is used as no verb (``the stated goal``) is `quotes.attribution.report_cue_use`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotes.document import Document
from quotes.text.tokens import Token
from quotes.attribution.cues import cue_type_of
from quotes.lexicon import MONTHS, REPORTING_VERBS, SUBORDINATORS, WEEKDAYS, cue_rates
from quotes.models import CueType

__all__ = [
    "CUE_MIN_COUNT",
    "CUE_RATE",
    "EVIDENCE",
    "LEAD_ADVERBIAL_OPENERS",
    "LOWERCASE_WORD_RE",
    "NAMING",
    "GOING_ON",
    "OBJECT_CUE_RATE",
    "OBJECT_VERBS",
    "SAY_LIKE",
    "chained_cue",
    "evidence_before",
    "is_particle",
    "object_cue",
    "object_end",
    "phrase_cue_end",
    "report_cue_words",
    "report_kind",
    "reporting_kind",
]

#: A learned cue word is tried when at least this share of its occurrences in
#: PolNeAR train heads a Cue span (``criticized`` 0.71, ``called`` 0.51; chosen on train) ...
CUE_RATE = 0.3
#: ... and it headed at least this many.
CUE_MIN_COUNT = 4
#: Learned cue words that are nouns, or verbs whose object is not a report.
_NOT_REPORTING = frozenset(
    """according criticism complaints statement statements remarks comments interview reportedly
    titled named listed sided quoted chants chanted""".split()
)
#: Participles that PolNeAR marks as a cue of their own but that are too rare in train to
#: pass `CUE_MIN_COUNT`: ``quoting`` heads a Cue span in 3 of its 4 uses, always as a
#: report of its own by the subject (``Trump tweeted, quoting Comey's statement``), as
#: ``citing`` does.
_RARE_PARTICIPLE_CUES: dict[str, CueType] = {"quoting": CueType.SPEECH}
#: Prepositions that belong to the cue (``called for``, ``pointed out``), by verb stem.
_PARTICLES = {
    "call": ("for", "on", "out", "upon"),
    "caution": ("against",),
    "rail": ("against",),
    "remark": ("on", "upon"),
    "spar": ("over", "with"),
    "shout": ("out",),
    "rule": ("out",),
    "opt": ("against", "for"),
    "sound": ("off",),
    "blast": ("out",),
    "refer": ("to",),
    "point": ("out", "to"),
    "talk": ("about", "up"),
    "spoke": ("about", "of"),
    "speak": ("about", "of"),
    "warn": ("of", "about", "against"),
    "complain": ("about",),
    "joke": ("about",),
    "ask": ("about",),
    "boast": ("about",),
    "brag": ("about",),
    "apologize": ("for",),
    "argue": ("for", "against"),
    "push": ("for", "against", "back"),
    "vote": ("for", "against"),
    "advocate": ("for",),
    "lash": ("out",),
    "shot": ("back",),
}
#: Words of saying whose complement is a clause, not an object.
SAY_LIKE = frozenset(
    """say says said saying add adds added adding claim claims claimed claiming state states
    stated stating note notes noted noting insist insists insisted insisting argue argues argued
    arguing assert asserts asserted write writes wrote tweet tweets tweeted explain explains
    explained explaining reply replies replied respond responds responded suggest suggests
    suggested suggesting contend contends contended maintain maintains maintained""".split()
)
#: Verbs whose object comes before the reported content ("told the crowd that", "urged him to").
OBJECT_VERBS = (
    "tell",
    "told",
    "ask",
    "urg",
    "warn",
    "remind",
    "assur",
    "inform",
    "persuad",
    "convinc",
    "encourag",
)
#: First words of a leading adverbial, which is not the content of a following "X said".
#: The subordinators (`quotes.lexicon.SUBORDINATORS`) and the first words of a fronted phrase.
LEAD_ADVERBIAL_OPENERS = SUBORDINATORS | frozenset(
    """speaking asked late early last in on at during yet following despite with without from
    by under""".split()
)


def reporting_kind(word: str) -> CueType | None:
    """The [`CueType`][quotes.models.CueType] of a word that can introduce a report, or ``None``.

    Verbs of saying always can; other learned cue words (``criticized``,
    ``endorsed``, ``urged``) when PolNeAR train marks at least `CUE_RATE`
    of their occurrences as cues.

    Examples:
        >>> reporting_kind("said"), reporting_kind("criticized"), reporting_kind("table")
        (<CueType.SPEECH: 'speech'>, <CueType.SPEECH: 'speech'>, None)
    """
    return _reporting_kind(word.lower())


@lru_cache(maxsize=8192)
def _reporting_kind(low: str) -> CueType | None:
    if low in REPORTING_VERBS:
        return cue_type_of(low) or CueType.SPEECH
    if low in _NOT_REPORTING:
        return None
    if low in _RARE_PARTICIPLE_CUES:
        return _RARE_PARTICIPLE_CUES[low]
    learned = cue_rates().get(low)
    if learned is None or learned[0] < CUE_RATE or learned[1] < CUE_MIN_COUNT:
        return None
    if not low.endswith(("ed", "s", "ing")) and low not in _IRREGULAR_PAST:
        return None
    return CueType(learned[2])


#: Irregular past forms of cue verbs (regular ones end in -ed).
_IRREGULAR_PAST = frozenset(
    "found sought shown known seen thought felt spoke wrote told said knew taught".split()
)
#: Nouns of evidence whose ``show`` reports a claim (``polls show``, ``records showing``).
EVIDENCE = frozenset(
    """poll polls polling survey surveys data results numbers figures records documents emails study
    studies research analysis report reports statistics returns filings tally count estimates
    projections documents memos files findings email footage""".split()
)


def evidence_before(toks: list[Token], k: int) -> bool:
    """Whether a noun of evidence heads the subject of the word at ``k`` (``polls show``).

    The noun is right before it or heads a short phrase that ends there, with no comma
    or verb of saying between: ``Polls in New Hampshire show``, ``Audit files from the
    vendor show``, ``New polls released Sunday show``.
    """
    for n in range(k - 1, max(-1, k - 7), -1):
        word = toks[n][0].lower()
        if word in EVIDENCE:
            return True
        if not word[:1].isalnum() or word in SAY_LIKE or word in ("that", "which", "who"):
            return False
    return False
#: Verbs of intention that report a belief when ``to`` follows: ``X wants to C``.
_INTENT_TO = frozenset(
    """want wants wanted hope hopes hoped plan plans planned seek seeks sought intend intends
    intended expect expects expected aim aims aimed""".split()
)


#: An object cue is kept when at least this share of the reports it gave on PolNeAR train
#: were right: a Cue span at the word and the predicted source inside the gold Source (a
#: wrong speaker is worse than none, so a cue must be right more often than wrong). Forms
#: with fewer than `CUE_MIN_COUNT` reports keep the verdict of their verb. Measured
#: (fast backend, right/reports): ``support`` 17/45, ``supporting`` 13/37, ``attacking``
#: 4/14, ``endorse`` 3/10 and ``favored`` 3/8 (and ``favoured``) fall below and are not object cues;
#: ``backing`` 12/22, ``backed`` 11/17, ``opposes`` 3/6, ``supported`` 26/34,
#: ``endorsed`` 43/54, ``criticized`` 44/47 stay.
OBJECT_CUE_RATE = 0.5
#: Verbs of attitude or stance whose content is a short object (``X endorsed Clinton``,
#: ``criticized Trump for C``), with their cue type: the words PolNeAR counts as beliefs
#: are beliefs, the others speech (as in its cue classes). See `OBJECT_CUE_RATE`
#: for the forms left out (``voters who support Sanders``, ``ads attacking Trump``).
_OBJECT_CUES: dict[str, CueType] = {
    **dict.fromkeys(
        """supports supported oppose opposes opposed favor favors favour
        favours""".split(),
        CueType.BELIEF,
    ),
    **dict.fromkeys(
        """endorses endorsed endorsing backed backing criticize criticizes criticized
        criticizing praised praising attacked defended defending denounced
        denouncing condemned condemning rejected rejecting denied denies denying confirmed
        confirming echoed echoing slammed blasted applauded hailed touted mocked dismissed
        questioned accused accusing announced""".split(),
        CueType.SPEECH,
    ),
}
#: Words before a bare verb form (``who support``, ``to endorse``, ``would oppose``).
_BARE_VERB_BEFORE = frozenset(
    """i we you they who that to will would could should can may might must did do does not n't
    also still strongly publicly""".split()
)
_MONTHS = "|".join(sorted(MONTHS))
_TIME_UNITS = (
    "week|month|year|weekend|night|morning|afternoon|evening|summer|fall|autumn|winter|spring"
)
_DAYS = "|".join(sorted(WEEKDAYS))
#: A time after an object: ``on Monday``, ``Wednesday``, ``in early June``, ``last summer``.
_TIME_AFTER_OBJECT = "|".join(
    (
        rf"(?:on\s+|early\s+|late\s+|last\s+|this\s+|next\s+)?(?:{_DAYS})\b(?!['’])",
        rf"(?:in|since|until)\s+(?:early\s+|late\s+|mid-?\s*)?(?:{_MONTHS}|\d{{4}})\b",
        rf"(?:(?:early|late|earlier)\s+)?(?:last|this|next)\s+(?:{_TIME_UNITS})\b",
        r"(?:yesterday|today|tonight|earlier|recently)\b(?!\s+(?:that|than)\b)",
    )
)
#: Events whose prepositional phrase after an object says where it was said, not what.
_EVENTS = (
    "news conference|press conference|conference call|rally|speech|statement|interview|tweet|"
    "email|e-mail|post|letter|video|appearance|debate|hearing|town hall|op-ed|column|editorial"
)
#: Where an object ends: PolNeAR keeps its prepositional phrases (``criticized X for C``,
#: ``praised X as C``) but not a comma clause, a coordinated verb (``endorsed X and has ...``),
#: a time adjunct (``during a rally``, ``last week``, ``on Monday``, ``in early June``) or the
#: event it was said at (``at a news conference``, ``in a statement``; chosen on train).
_OBJECT_ADJUNCT = re.compile(
    r"\s*(?:[,;?!]|\s(?:—|–|--|-)\s|\s+and\s+(?:has|have|had|was|is|were|are|said|says|later|then)\b"
    r"|\s+(?:during|before|when|but|via)\b"
    rf"|(?=\s+(?:here\s+|there\s+)?(?:{_TIME_AFTER_OBJECT}))"
    rf"|\s+(?:at|in|during|with)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+)?(?:{_EVENTS})\b)",
    re.I,
)
_NOT_OBJECT_START = frozenset("by that to for of in on with away off down up out".split())


def object_cue(toks: list[Token], k: int) -> CueType | None:
    """The cue type of an attitude verb at ``k`` used with an object, or ``None``."""
    low = toks[k][0].lower()
    kind = _OBJECT_CUES.get(low)
    if kind is None or k + 1 >= len(toks):
        return None
    nxt = toks[k + 1][0].lower()
    if nxt in _NOT_OBJECT_START or not toks[k + 1][0][:1].isalnum():
        return None  # passive, a clause, a particle ("backed away"), or no object
    bare = not low.endswith(("ed", "s", "ing"))
    prev = toks[k - 1][0] if k > 0 else ""
    plural = len(prev) > 3 and prev.endswith("s") and not prev.endswith("ss") and prev.isalpha()
    if bare and not plural and prev.lower() not in _BARE_VERB_BEFORE:
        return None  # "support for", "their support": a noun
    return kind


def object_end(ctx: Document, start: int, end: int) -> int:
    """The end of an object noun phrase that starts at ``start``: before a trailing adjunct."""
    m = _OBJECT_ADJUNCT.search(ctx.norm, start + 1, end)
    return m.start() if m else end


#: Verbs that name their object: ``called X “Y”`` is one mixed quote, object included (PolNeAR).
NAMING = frozenset("called calling calls dubbed dubbing labeled labelled labeling branded".split())
#: Runs of lower-case letters: the words of a lower-cased sentence, to test for cue words cheaply.
LOWERCASE_WORD_RE = re.compile(r"[a-z]+")
#: Words that open a clause after a verb ("say they believe"): the verb is no modifier.
_CLAUSE_OPENERS = frozenset("that he she they it we i you the a an there this these those".split())


@lru_cache(maxsize=1)
def report_cue_words() -> frozenset[str]:
    """Every word that can open a report: what `reporting_kind` accepts, and more."""
    accepted = (w for w in set(REPORTING_VERBS) | set(cue_rates()) if reporting_kind(w) is not None)
    phrases = _MAKE | _POINT | GOING_ON | _GO
    extra = _INTENT_TO | set(_OBJECT_CUES) | phrases | {"according", "show", "showing"}
    return frozenset(accepted) | extra


def is_particle(low: str, nxt: str) -> bool:
    """Whether ``nxt`` is a particle of the cue word ``low`` (``called for``, ``pointed out``)."""
    for stem, parts in _PARTICLES.items():
        if low.startswith(stem) and nxt in parts:
            return True
    return False


#: Forms of ``make`` that open ``made (it) clear`` (a cue of its own: ``X made it clear that C``).
_MAKE = frozenset("make makes made making".split())
#: Forms of ``point`` whose ``out`` makes a verb of saying (``X points out that C``); ``pointed``
#: and ``pointing`` are learned cue words, with ``out`` as their particle.
_POINT = frozenset("point points".split())


def phrase_cue_end(toks: list[Token], k: int) -> int | None:
    """The last token of a cue phrase that the word at ``k`` opens, or ``None``.

    ``made clear``, ``made it clear`` (``X made it clear that C``) and ``points out`` are
    verbs of saying though their words are not (``made`` and ``point`` head a Cue span in
    few of their uses in PolNeAR train). ``made clear`` is one only before a word (a clause,
    an object), not a mark (``as he made clear, C``).
    """
    low = toks[k][0].lower()
    if low in _MAKE:
        n = k + 1
        if n < len(toks) and toks[n][0].lower() == "it":
            n += 1
        if n + 1 < len(toks) and toks[n][0].lower() == "clear" and toks[n + 1][0][:1].isalpha():
            return n
        return None
    if low in _POINT and k + 1 < len(toks) and toks[k + 1][0].lower() == "out":
        return k + 1
    return None


#: Verbs that go on doing what the verb after ``to`` says: ``continued to question C``.
GOING_ON = frozenset("continue continues continued continuing".split())
#: Forms of ``go`` that do the same with ``on to``: ``went on to say C``.
_GO = frozenset("go goes went going".split())


def chained_cue(toks: list[Token], last: int) -> int:
    """The last token of a cue that goes on into a verb of saying: ``continued to question``.

    PolNeAR's cue is the whole chain and its content what follows (``X continued to
    portray immigrants as criminals``: ``immigrants as criminals``; ``X went on to say
    that C``), a particle of that verb included in the cue (``continued to complain about``).

    Returns:
        The chain's last token, or ``last`` when the cue at ``last`` is no such chain.
    """
    low = toks[last][0].lower()
    verb_at = last + 2
    if low in _GO and last + 1 < len(toks) and toks[last + 1][0].lower() == "on":
        verb_at = last + 3  # "went on to say"
    elif low not in GOING_ON:
        return last
    if verb_at >= len(toks) or toks[verb_at - 1][0].lower() != "to":
        return last
    verb = toks[verb_at][0].lower()
    if not any(reporting_kind(form) for form in _inflections(verb)):
        return last
    if verb_at + 1 < len(toks) and is_particle(verb, toks[verb_at + 1][0].lower()):
        return verb_at + 1
    return verb_at


def _chain_kind(toks: list[Token], k: int) -> CueType | None:
    """The cue type of the verb of saying that a chain opened at ``k`` ends in, or ``None``.

    ``continues to insist``, ``went on to explain``: ``continues`` and ``went`` head a Cue
    span in few of their uses, so they open a report only as such a chain, and only into a
    verb of saying (`quotes.lexicon.REPORTING_VERBS`) or ``call``: on PolNeAR train any cue
    verb after them also gave ``If they continue to rebuff any nominee, C`` and ``went on to
    endorse X, calling her Y`` (a wrong content or cue).
    """
    low = toks[k][0].lower()
    if low not in GOING_ON and low not in _GO:
        return None
    last = chained_cue(toks, k)
    if last == k:
        return None
    verb = toks[last - 1 if is_particle(toks[last - 1][0].lower(), toks[last][0].lower()) else last]
    forms = (verb[0].lower(), *_inflections(verb[0].lower()))
    if not any(form in REPORTING_VERBS or form in NAMING for form in forms):
        return None
    kinds = (reporting_kind(form) for form in forms)
    return next((kind for kind in kinds if kind is not None), None)


def _inflections(verb: str) -> tuple[str, ...]:
    """The past and third-person forms of a bare verb (``question``: ``questioned``, ...)."""
    if verb.endswith("e"):
        return verb + "d", verb + "s"
    if verb.endswith("y"):
        return verb[:-1] + "ied", verb + "s", verb[:-1] + "ies"
    return verb + "ed", verb + "s", verb + "es"


def report_kind(toks: list[Token], k: int) -> tuple[CueType, CueType | None] | None:
    """The cue type of the word at ``k`` as the verb of a report, and as an object cue.

    Besides [`reporting_kind`][quotes.attribution.report_cues.reporting_kind]: ``show`` after a noun
    of evidence is a claim (``polls show C``), an intention before ``to`` a belief
    (``X wants to C``), an attitude verb with an object its `object_cue` type. A claim word that is
    no verb of saying counts only as ``show``, ``found``, ``find``, ``cit...`` or ``reveal...``
    (``revealed`` heads a Cue span in 61 % of its uses in PolNeAR train), not before ``to``.

    Returns:
        The cue type and the object-cue type (``None`` unless the verb takes an
        object), or ``None`` when the word opens no report here, a modifier included
        (``state media reported``: the verb comes next).
    """
    word = toks[k][0]
    low = word.lower()
    to_follows = k + 1 < len(toks) and toks[k + 1][0].lower() == "to"
    kind = reporting_kind(word)
    if kind is None and low in ("show", "showing") and evidence_before(toks, k):
        kind = CueType.CLAIM  # "polls show C", "records showing C", "Polls in Iowa show C"
    if kind is None and low in _INTENT_TO and to_follows:
        kind = CueType.BELIEF  # "Trump wants to build a wall": an intention, flagged as a belief
    if kind is None and phrase_cue_end(toks, k) is not None:
        kind = CueType.SPEECH  # "made it clear that C", "points out that C"
    chained = _chain_kind(toks, k) if kind is None else None  # "continues to insist that C"
    chain = chained is not None  # "continue to warn", "went on to say": no modifier
    kind = kind or chained
    obj_kind = object_cue(toks, k)
    if obj_kind is not None:
        kind = kind or obj_kind
    if (
        kind is None
        or kind is CueType.CLAIM
        and low not in REPORTING_VERBS
        and not low.startswith(("show", "found", "find", "cit", "reveal"))
        or low.startswith("reveal") and to_follows  # "was later revealed to be C": no report
    ):
        return None
    if not chain and _modifier_before_verb(toks, k):
        return None  # "state media reported": a modifier, the verb comes next
    return kind, obj_kind


def _modifier_before_verb(toks: list[Token], k: int) -> bool:
    """Whether the bare cue word at ``k`` modifies a noun before the verb (``state media reported``)."""
    low = toks[k][0].lower()
    return (
        not low.endswith(("ed", "s", "ing"))
        and low not in _IRREGULAR_PAST
        and not (k + 1 < len(toks) and toks[k + 1][0].lower() in _CLAUSE_OPENERS)
        and any(
            reporting_kind(t[0]) is not None
            and t[0].lower() != low
            and not t[0].lower().endswith("ing")
            for t in toks[k + 1 : k + 3]
        )
    )

"""What the text of a reported content holds, and its ends trimmed.

Split out of `quotes.attribution.report_content`, which finds where a content starts and
ends. `names_no_clause` tells a bare noun phrase from a clause, `is_reference` a content that is
only named (``X criticized Y``), `adjunct_only` a time or circumstance phrase after a cue, and
`skip_lead` / `trim_span` strip a linking adverb, a dateline and end punctuation from a content.
"""

from __future__ import annotations

import re

from quotes.attribution.cues import TELL
from quotes.attribution.report_cues import SAY_LIKE
from quotes.lexicon import ANONYMOUS_HEADS, GROUP_HEADS

__all__ = [
    "PAST_VERB",
    "adjunct_only",
    "is_reference",
    "names_no_clause",
    "skip_lead",
    "trim_span",
]


#: How a clause opens: a complementiser, a wh-word, a subject pronoun.
_CLAUSE_OPENER = re.compile(
    r"\W*(?:that|whether|if|what|why|how|who|whom|whose|which|where|when|he|she|they|it|we|i|you"
    r"|there)\b",
    re.I,
)
#: A verb inside: an auxiliary, a modal or a copula; an infinitive (``to`` before a word
#: that opens no noun phrase: ``him to resign``, not ``to the drones``); a gerund after a
#: preposition (``accused X of lying``, ``criticized X for seeking C``).
_CLAUSE_INSIDE = re.compile(
    r"\bto\s+(?!(?:the|an?|his|her|their|its|our|my|your|this|these|those|him|them|us|me)\b)(?-i:[a-z])"
    r"|\b(?:is|are|was|were|be|been|being|am|will|would|can|could|should|shall|may|might|must|has"
    r"|have|had|do|does|did|won['’]t|can['’]t|[a-z]+n['’]t)\b"
    r"|\b(?:of|for|by|about|from|against|without|after|before)\s+(?:not\s+)?[a-z]{3,}ing\b",
    re.I,
)


def names_no_clause(content: str) -> bool:
    """Whether ``content`` is a bare noun phrase: no clause opens it and none is inside.

    ``Russian President Vladimir Putin``, ``Putin's statements``, ``four regions of
    Ukraine its own``, ``to the Iranian-made drones``: nothing is stated. ``that talks
    failed``, ``him to resign``, ``Trump of inciting violence``, ``the plan would
    fail``: a clause.

    Examples:
        >>> names_no_clause("Putin's statements"), names_no_clause("to the Iranian-made drones")
        (True, True)
        >>> names_no_clause("Russia sent troops"), names_no_clause("the proposed plan")
        (False, True)
        >>> names_no_clause("him to resign"), names_no_clause("Trump of inciting violence")
        (False, False)
    """
    if _CLAUSE_OPENER.match(content) is not None or _CLAUSE_INSIDE.search(content) is not None:
        return False
    return not any(
        m.group(1).lower() not in _DETERMINERS
        and not m.group(1).lower().endswith("ly")
        and m.group(2).lower() not in _NOT_PAST
        for m in PAST_VERB.finditer(content)
    )


#: A past form after another word (``Russia sent troops``, ``Clinton led``): a verb, unless a
#: determiner makes it a modifier (``the proposed plan``); hyphenated forms are modifiers
#: (``Iranian-made drones``). ``shot`` only as the verb of war reports (``troops shot down
#: drones``, ``shot dead``, ``shot at``), not the noun (``a long shot``).
PAST_VERB = re.compile(
    r"(?<![\w'’-])([\w'’]+)\s+((?-i:[a-z]+ed|sent|won|lost|led|made|took|gave|went|came|told|knew|"
    r"thought|found|held|left|met|paid|ran|saw|spent|wrote|began|brought|built|bought|fell|felt|"
    r"fought|got|grew|heard|kept|rose|sold|spoke|struck|threw|became|chose|drew|drove|forgot|"
    r"froze|hid|rode|sang|stole|swore|tore|woke|won|fled|sought|caught|flew|blew|broke|sank|shook|"
    r"overran|hit|shot(?=\s+(?:down|dead|at)\b)))\b(?!-)"
)
#: Words after which a past form is a modifier (``the proposed plan``, ``a tax on imported
#: steel``, ``widely used``: an adverb in -ly too), and words in -ed that are no verbs.
_DETERMINERS = frozenset(
    """the a an his her their its our my your this that these those some any no each every so
    on in of for with by from to at about into over under against without and or more less most
    very""".split()
)
_NOT_PAST = frozenset("need bed red shed speed seed feed breed hundred embed deed indeed".split())


#: A sentence adverb and its comma that link a content to the sentence before it.
_LEAD_ADVERB = re.compile(
    r"(?:(?:And|But)\s*,?\s+)?(?:Still|However|Meanwhile|Nevertheless|Nonetheless|Also|So|Moreover"
    r"|Furthermore|Instead|Indeed|Yet|Besides|Likewise|Similarly|Separately|Overall|Nationally"
    r"|In\s+fact|Even\s+so|Even\s+then|In\s+contrast|By\s+contrast|What['’]s\s+more"
    r"|In\s+particular|After\s+all|Of\s+course|At\s+the\s+same\s+time"
    r"|In\s+addition|As\s+a\s+result|On\s+the\s+other\s+hand|And|But|And\s+yet)(?:\s*,\s+|\s*$)"
)
#: A dateline before the first sentence of a story: ``CAMBRIDGE, Mass., Dec. 11 (UPI) —``,
#: ``WASHINGTON (Reuters) -``, ``MEXICO CITY -``.
_DATELINE = re.compile(
    r"[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,\s*[A-Z][\w.]*\.?(?: [A-Z][\w.]*)?)?"
    r"(?:,\s*[A-Z][a-z]{2,3}\.?\s+\d{1,2})?\s*(?:\([A-Za-z ]+\)\s*)?(?:—|–|--|-)\s+"
)


def skip_lead(text: str, a: int, b: int) -> int:
    """Where the content ``text[a:b]`` starts once a linking adverb or a dateline is skipped.

    ``Meanwhile, her ratings fell``, ``WASHINGTON (Reuters) - C``: the link to the sentence
    before and the story's dateline are no part of a statement; nor is a fronted concessive
    clause (``Despite weeks of storms, C``).

    Examples:
        >>> text = "Meanwhile, the harbour will stay closed"
        >>> text[skip_lead(text, 0, len(text)):]
        'the harbour will stay closed'
    """
    lead = _LEAD_ADVERB.match(text, a, b) or _DATELINE.match(text, a, b)
    if lead is None:
        lead = _CONCESSIVE.match(text, a, b)
    return lead.end() if lead else a


#: A fronted concessive clause and its comma: ``Despite a month of attacks, C``, ``Though
#: he has no shot at the nomination, C``. PolNeAR leaves it out of a content it opens (train:
#: 7 gold contents start after one, none with one); before a quotation mark it stays.
_CONCESSIVE = re.compile(
    r"(?:Despite|Though|Although|Even\s+though|In\s+spite\s+of)\s[^,;:“”\"]{3,150}?,\s+"
    r"(?![“\"'‘])(?=\S+\s+\S+\s+\S)"
)


_TRAILING = re.compile(r"[\s,;:.!?—–\-]+$")


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The content ``text[a:b]`` without punctuation at its ends, nor a lead (`skip_lead`)."""
    seg = text[a:b]
    a = skip_lead(text, a + len(seg) - len(seg.lstrip(" \t,;:—–-")), b)
    m = _TRAILING.search(text, a, b)
    return a, (m.start() if m else b)


#: The rules whose content is the cue's complement: a noun phrase there is a reference.
_COMPLEMENT_RULES = frozenset({"cue-first", "object"})
#: Cues of evidence, whose noun phrase is a finding (``polls show Clinton leading``).
_EVIDENCE_CUES = ("show", "found", "find")


def is_reference(rule: str, cue: str, content: str) -> bool:
    """Whether the content of a cue is only named, not stated (`quotes.models.Stance.REFERS`).

    ``rule`` is the ``reported`` rule that read it, ``cue`` the cue's text.

    The complement of a cue that is no verb of saying (``criticized``, ``confirmed``,
    ``declared``, ``citing``) and holds no clause (`names_no_clause`): ``X criticized
    Y``, ``CNN reported citing an official``. Claims of evidence (``polls show C``)
    and verbs of saying (``said``, ``told``) keep their content.
    """
    if rule not in _COMPLEMENT_RULES:
        return False
    words = cue.lower().split()
    if any(w in SAY_LIKE or w in TELL or w.startswith(_EVIDENCE_CUES) for w in words):
        return False
    if any(w.startswith(("cit", "quot")) for w in words):  # "citing an official": a source
        return names_no_clause(content) and _names_a_source(content)
    return names_no_clause(content)


#: Words that open a time or circumstance phrase (``during the call``, ``before supporters``).
_ADJUNCT_OPENERS = frozenset(
    """during before after over since until throughout amid despite recently earlier later last
    while when""".split()
)


def adjunct_only(rule: str, content: str) -> bool:
    """Whether the complement read after a cue is a time or circumstance phrase, no statement.

    ``X told reporters during Tuesday's conference call``, ``X spoke before supporters late
    Monday``: what follows the cue says when or where, not what (no clause inside,
    `names_no_clause`). ``rule`` is the ``reported`` rule that read it.

    Examples:
        >>> adjunct_only("cue-first", "during Tuesday's conference call")
        True
        >>> adjunct_only("cue-first", "after the vote the plan would fail")
        False
    """
    first = re.match(r"[a-z]+", content)
    return (
        rule in _COMPLEMENT_RULES
        and first is not None
        and first.group() in _ADJUNCT_OPENERS
        and names_no_clause(content)
    )


#: Nouns of documents and outlets that a report cites as its source.
_CITED_DOCUMENTS = frozenset(
    """report reports statement statements document documents survey poll data study media
    outlet outlets newspaper agency agencies interview interviews""".split()
)


def _names_a_source(content: str) -> bool:
    """Whether what a cue cites is a source (``an official``, ``Reuters``), not a reason.

    ``citing budget shortfalls`` gives the speaker's reason, a claim of its own.
    """
    words = re.findall(r"[A-Za-z]+", content)
    return any(
        w[:1].isupper() or w.lower() in ANONYMOUS_HEADS or w.lower() in GROUP_HEADS
        or w.lower() in _CITED_DOCUMENTS
        for w in words
    )

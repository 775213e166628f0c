"""Cue words in their sentence: used as a cue or not, and the words around one.

Split out of `quotes.attribution.report_cues`, which says which words open a report.
`not_a_cue` tells a cue word used as no verb (``the stated goal``, ``his home state``),
`between_subject_and_cue` the words that may stand between a speaker and its cue (``has also
said``), and `in_adjunct` / `channel_adjunct_end` the adjunct between a cue and its content
(``said in a statement posted online that C``, ``said in a statement, adding``).
"""

from __future__ import annotations

import re

from quotes.attribution.cues import cue_adverb
from quotes.attribution.report_cues import reporting_kind
from quotes.lexicon import CUE_AUXILIARIES
from quotes.text.tokens import Token

__all__ = [
    "BE_FORMS",
    "between_subject_and_cue",
    "channel_adjunct_end",
    "in_adjunct",
    "not_a_cue",
]


def not_a_cue(toks: list[Token], k: int) -> bool:
    """Whether the cue word at ``k`` is used as no verb here.

    ``270 pledged delegates``, ``the stated goal``: a modifier after a determiner
    or a number; ``a think tank``: the first word of a compound noun; ``his home state``,
    ``secretary of state``: a noun; ``Initial estimates put ...``: a plural noun; ``The Sunshine State is ...``: a capitalised
    cue word inside a sentence (not a title-case headline) is a name; ``asked not to be
    named``: a source's condition.
    """
    word = toks[k][0]
    low = word.lower()
    if k > 0 and toks[k - 1][0].lower() in _MODIFIER_AFTER:
        return True
    if k > 0 and toks[k - 1][0].isdigit() and low not in _NEVER_MODIFIERS:
        return True  # "270 pledged delegates"; but "six in 10 said C" is a poll's report
    if low in _NOUN_LIKE_CUES and not _verb_use(toks, k):
        return True
    if _plural_noun_use(toks, k):
        return True
    if k + 1 < len(toks) and (low, toks[k + 1][0].lower()) in _COMPOUND_NOUNS:
        return True  # "a conservative think tank"
    if _ANONYMITY.match(" ".join(w.lower() for w, _a, _b in toks[k : k + 5])):
        return True  # "officials, who asked not to be named, said C": the source's condition
    return word[:1].isupper() and k > 0 and not _title_case(toks)


#: A source asking to stay unnamed (``asked not to be named``, ``requested anonymity``):
#: the condition of a source, no report of its own.
_ANONYMITY = re.compile(
    r"(?:ask|request)\w*\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)\b|anonymity\b)"
)


#: A cue word and the next word that make one noun (``a conservative think tank``).
_COMPOUND_NOUNS = frozenset({("think", "tank"), ("think", "tanks")})
#: Cue words that modify no noun after a number: ``six in 10 said``, ``2 in 5 say``.
_NEVER_MODIFIERS = frozenset("say says said told".split())
#: Words after which a cue word is a modifier or a noun (``the stated goal``, ``his home state``).
_MODIFIER_AFTER = frozenset("the a an of his her their its our my your this these those".split())
#: Cue words that are more often nouns: a verb only before "that" or after a pronoun or auxiliary.
_NOUN_LIKE_CUES = frozenset("state report claim note comment tweet post remark estimate".split())
#: Words before a noun-like cue word that make it a verb (``they state``, ``will report``).
_VERB_BEFORE = frozenset(
    "i we you they he she who also to will would could should can may might must did do does not n't".split()
)
#: Forms of ``be`` (a possessive ``'s`` may be one, and it comes before ``expected to``).
BE_FORMS = frozenset("is are was were be been being 's ’s 're ’re am".split())


def _verb_use(toks: list[Token], k: int) -> bool:
    """Whether a noun-like cue word at ``k`` is a verb: before ``that`` or after a pronoun or auxiliary."""
    nxt = toks[k + 1][0].lower() if k + 1 < len(toks) else ""
    prev = toks[k - 1][0].lower() if k > 0 else ""
    return nxt == "that" or prev in _VERB_BEFORE


#: Verbs that agree with a plural subject: after one, an ``-s`` cue word was a plural noun.
_PLURAL_AGREEMENT = frozenset(
    """are were have show showed put say said indicate indicated suggest suggested can could will
    would should may might must do did don't don’t range vary varied""".split()
)


def _plural_noun_use(toks: list[Token], k: int) -> bool:
    """``Initial estimates put the total``, ``FEC reports show``, ``Lazar's claims``: plural nouns.

    An ``-s`` form of a cue word (``estimates``, ``reports``, ``claims``) is a noun when a
    verb that agrees with a plural follows it, or when a possessive comes right before it.
    """
    low = toks[k][0].lower()
    if not low.endswith("s") or low.endswith("ss") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1][0]
    if nxt.islower() and nxt in _PLURAL_AGREEMENT:
        return True
    prev = toks[k - 1][0].lower() if k > 0 else ""
    if prev == "s" and k > 1 and toks[k - 2][0] in ("'", "’") and toks[k - 2][2] == toks[k - 1][1]:
        return True  # "Lazar’s claims" (a curly apostrophe splits the token)
    return prev.endswith(("'s", "’s")) and prev not in BE_FORMS


def _title_case(toks: list[Token]) -> bool:
    """A headline in title case (``Christie Says He Would Issue A Quarantine``).

    Asked for every capitalised cue word of a sentence with the sentence's tokens: the
    answer for the last list read is kept (a list of a million tokens and a cue word in
    every other one would otherwise cost its square).
    """
    global _LAST_TITLE_CASE
    kept = _LAST_TITLE_CASE  # one read: (list, length, answer), safe across threads
    if kept[0] is toks and kept[1] == len(toks):
        return kept[2]
    words = [t[0] for t in toks if t[0][:1].isalpha()]
    answer = len(words) > 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    _LAST_TITLE_CASE = (toks, len(toks), answer)
    return answer


#: The last answer of `_title_case`, with the token list it was for.
_LAST_TITLE_CASE: tuple[object, int, bool] = (None, -1, False)


#: Negations between a speaker and its cue (``has not said``).
_CUE_NEGATIONS = frozenset({"not", "never", "n't", "n’t"})

#: Forms of ``be`` before a participle cue (``is touting``).
_PROGRESSIVE = frozenset("is are was were be been being 's ’s 're ’re am".split())

#: Adverbs between a speaker and its cue (``Peskov later said``).
_SUBJECT_CUE_ADVERBS = frozenset(
    """however basically openly then too now again once still even long nevertheless
    nonetheless""".split()
)


def between_subject_and_cue(word: str, cue: str) -> bool:
    """Whether ``word`` may stand between a speaker and its cue (``has also said``, ``is touting``).

    Used to find where a cue's verb group starts, and so where its subject ends.
    """
    low = word.lower()
    if low in CUE_AUXILIARIES or low in _CUE_NEGATIONS or low in _SUBJECT_CUE_ADVERBS:
        return True
    if low == "since":
        return not cue.endswith("ing")  # "has since said"; "since announcing" is a preposition
    if cue_adverb(word):
        return True  # cue_adverb: the direct path's adverb test ("often", not "family")
    return low in _PROGRESSIVE and cue.endswith("ing")


#: Documents a statement is made in (``said in a statement posted online that C``).
_DOCUMENT_NOUNS = frozenset(
    """statement post video message letter note address release update communique communiqué
    interview speech remarks comments""".split()
)
#: Words after which a document or channel word is a noun or a modifier in an adjunct (``on state
#: television``, ``in a tweet``).
_ADJUNCT_NOUN_AFTER = frozenset("on in at a an the his her its their".split())


def in_adjunct(before: str, low: str) -> bool:
    """Whether the cue word ``low`` after ``before`` belongs to the adjunct between a cue and its ``that``.

    A participle describing a document (``said in a statement posted on its website that
    C``, ``an interview broadcast``), or a document or channel word after a preposition or
    a determiner (``said on state television that C``, ``saying in a tweet that C``, ``said
    in remarks published by X that C``): no cue of its own.
    """
    before = before.lower()
    if before in _ADJUNCT_NOUN_AFTER:
        return low in _DOCUMENT_NOUNS or low in ("tweet", "state")  # "state television"
    return before in _DOCUMENT_NOUNS and (low.endswith("ed") or low == "broadcast")


#: The most words of a channel phrase after a cue (``in a televised address to the nation``).
_CHANNEL_WORDS = 6


def channel_adjunct_end(toks: list[Token], n: int) -> int | None:
    """The token after the comma that ends a channel phrase opening at ``n``, or ``None``.

    ``said in a statement, adding``, ``wrote on Telegram, citing``: ``in`` or ``on`` and a
    few plain words (no mark, no cue word) up to a comma.
    """
    if n >= len(toks) or toks[n][0].lower() not in ("in", "on"):
        return None
    for m in range(n + 1, min(n + 2 + _CHANNEL_WORDS, len(toks))):
        word = toks[m][0]
        if word == ",":
            return m + 1 if m > n + 1 else None
        if not word[:1].isalnum() or reporting_kind(word) is not None:
            return None
    return None

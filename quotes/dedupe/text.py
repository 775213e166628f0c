"""Text and name normalisation for `quotes.dedupe.cluster`.

Pure ``str -> str`` helpers, each idempotent, plus the content-word analysis used
by the ``statement`` mode:

* `normalize_text` folds the variants a statement picks up when outlets copy
  it: quotation-mark style, case, punctuation, dashes, whitespace and ellipses.
* `content_terms` keeps the content words of a text, stemmed lightly and
  mapped to a small lexicon of news-reporting synonyms (``talks`` and
  ``negotiations``, ``signal`` and ``indication``, ``Kyiv`` and ``Ukraine``...), so
  that paraphrases of one statement share terms.
* `person_name_parts` splits a speaker name into given names and surname,
  without titles or roles (``Kremlin spokesman Dmitry Peskov`` -> ``Dmitry``,
  ``Peskov``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "ELLIPSIS_RE",
    "clause_texts",
    "concept",
    "content_term",
    "content_terms",
    "fold_accents",
    "normalize_text",
    "normalize_texts",
    "person_name_parts",
    "stem",
    "text_segments",
]

#: An ellipsis or an elision mark: ``…``, ``...``, ``. . .``, ``[...]``, ``(…)``.
ELLIPSIS_RE = re.compile(r"[\[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?")

_DROP_APOSTROPHES = {ord(c): None for c in "'’‘`´ʼ"}
_NON_WORD_RE = re.compile(r"[\W_]+")
# Typographic characters common in news whose general (Unicode) treatment is known:
# curly apostrophes are dropped, the rest become spaces. Mapping them first lets most
# non-ASCII quotes take the ASCII path with the same result.
_TYPOGRAPHIC = str.maketrans({"‘": None, "’": None, "ʼ": None} | {c: " " for c in "“”„«»–—…\u00a0"})
# ASCII folding as one table: upper case to lower, apostrophes dropped, every other
# character but letters and digits to a space; the batch table keeps NUL, its separator.
_ASCII_FOLD = str.maketrans(
    {
        chr(i): (chr(i).lower() if chr(i).isalnum() else None if chr(i) in "'`" else " ")
        for i in range(128)
    }
)
_ASCII_FOLD_BATCH = {**_ASCII_FOLD, 0: "\x00"}


def fold_accents(text: str) -> str:
    """Return ``text`` without combining accents (``Calderón`` -> ``Calderon``).

    Examples:
        >>> fold_accents("Calderón, Zelenskyy")
        'Calderon, Zelenskyy'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_text(text: str) -> str:
    """Fold a quote to the form compared by the verbatim matcher.

    Lower-cases (``casefold``), removes apostrophes (``don’t`` -> ``dont``,
    ``ISIS’`` -> ``isis``), turns every other run of
    punctuation, quotation marks, dashes, ellipses or whitespace into one space,
    and strips the ends. Idempotent.

    Examples:
        >>> normalize_text("“We have NOT yet received — a counter list…” ")
        'we have not yet received a counter list'
        >>> normalize_text("'We don’t know,'") == normalize_text('"we dont know"')
        True
        >>> t = "Il a dit: « C'est fini. »"
        >>> normalize_text(normalize_text(t)) == normalize_text(t)
        True
    """
    if not text.isascii():
        text = text.translate(_TYPOGRAPHIC)
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text).casefold().translate(_DROP_APOSTROPHES)
            return _NON_WORD_RE.sub(" ", text).strip()
    return " ".join(text.translate(_ASCII_FOLD).split())


def normalize_texts(texts: Iterable[str]) -> list[str]:
    """`normalize_text` of each text, in bulk (several times faster on many texts).

    Examples:
        >>> normalize_texts(["“Not yet,” he said.", "Déjà vu…", ""])
        ['not yet he said', 'déjà vu', '']
    """
    texts = list(texts)
    out: list[str | None] = [None] * len(texts)
    batch: list[int] = []
    for k, text in enumerate(texts):
        if not text.isascii():
            text = texts[k] = text.translate(_TYPOGRAPHIC)
        if text.isascii() and "\x00" not in text:
            batch.append(k)
        else:
            out[k] = normalize_text(text)
    if batch:
        folded = "\x00".join([texts[k] for k in batch]).translate(_ASCII_FOLD_BATCH).split("\x00")
        for k, piece in zip(batch, folded, strict=True):
            out[k] = " ".join(piece.split())
    return out  # type: ignore[return-value]


def text_segments(text: str) -> list[str]:
    """Split a quote at its ellipses and return the normalised pieces.

    A quote cut with ``…`` is matched against a longer one piece by piece.

    Examples:
        >>> text_segments("We are ready … to talk. [...] Without conditions")
        ['we are ready', 'to talk', 'without conditions']
        >>> text_segments("No ellipsis here.")
        ['no ellipsis here']
    """
    pieces = (normalize_text(p) for p in ELLIPSIS_RE.split(text))
    return [p for p in pieces if p]


# -- clauses -----------------------------------------------------------------------

# Where a long quote or reported content joins two statements: sentence ends,
# semicolons, a comma before a contrastive conjunction (", but", ", while"), and
# ", and" followed by a new subject (a pronoun, an article or a capitalised word).
_CLAUSE_RE = re.compile(
    r"""
    (?<=[.!?])(?<![A-Z]\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Dr\.)(?<!St\.)  # sentence end,
    [”"’']?\s+(?=[“"‘']?[A-Z])                                  # not after U.S. or Mr.
    | \s*;\s*                                                   # semicolon
    | ,\s+(?i:but|while|whereas|although|though|yet)\s+         # contrast
    | ,\s+and\s+(?=(?:(?i:i|we|he|she|it|they|you|there|this|that|the)|[A-Z][\w’'-]*)\s)
    """,
    re.VERBOSE,
)
_CLAUSE_HINT = re.compile(r"[.!?;]\s|,\s+(?:but|while|whereas|although|though|yet|and)\s", re.I)


def clause_texts(text: str) -> list[str]:
    """Split a quote into clauses and return their normalised texts.

    Long quotes, and reported contents most of all, often hold several statements
    (``they were waiting for a signal from Ukraine ..., but there were no signs of
    any movement``). The clauses are cut at sentence ends, semicolons, a comma
    before ``but``/``while``/``whereas``/``although``/``though``/``yet``, and a
    comma before ``and`` with a new subject. Returns ``[]`` when there is only one
    clause.

    Examples:
        >>> clause_texts("They wait for a signal, but there is no movement; we will see.")
        ['they wait for a signal', 'there is no movement', 'we will see']
        >>> clause_texts("Cats and dogs, and birds; Mr. Smith and the U.S. Army")
        ['cats and dogs and birds', 'mr smith and the u s army']
        >>> clause_texts("The talks went well, and they will meet again. Good.")
        ['the talks went well', 'they will meet again', 'good']
    """
    if not _CLAUSE_HINT.search(text):
        return []
    pieces = [normalize_text(p) for p in _CLAUSE_RE.split(text)]
    pieces = [p for p in pieces if p]
    return pieces if len(pieces) > 1 else []


# -- content words -----------------------------------------------------------------

_STOPWORDS = frozenset(
    """
    a about above across after again against ago all almost along already also although
    always am among an and another any anyone anything are around as at away back be
    became because become been before being below between both but by can cannot could
    did do does doing done dont down during each either else enough even ever every
    few for from further get gets getting go goes going gone got had has have having he
    her here hers herself him himself his how however i if in including into is isnt it
    its itself just least less let like made make makes making many may maybe me might
    more most much must my myself need needs neither no nor not now of off often on once
    one only or other others our ours ourselves out over own per perhaps put quite rather
    really same several she should since so some something still such than that the
    their theirs them themselves then there these they thing things this those though
    through thus to too toward towards under until up upon us very via was wasnt we well
    were werent what whatever when where whether which while who whom whose why will
    with within without would yet you your yours yourself
    currently today yesterday tomorrow recently later earlier soon again already
    monday tuesday wednesday thursday friday saturday sunday
    said say says saying told tell tells telling added adding asked stated stating
    noted noting according remarked claimed
    mr mrs ms dr
    """.split()
)

# Synonym classes of news reporting: every word of a line is read as the first one.
# Place names stand for their governments, as news copy uses them (Kyiv / Ukraine).
_CONCEPTS = """
talk talks negotiation negotiations negotiate negotiating negotiated discussion discussions dialogue
signal signals signaled signalled indication indications indicate sign signs
wait waiting waited await awaiting awaited expect expecting expected
ready readiness willing willingness prepared
agreement agreements agree agreed deal deals accord accords
meeting meetings meet summit summits
ceasefire ceasefires truce truces armistice
war wars conflict conflicts fighting hostilities
attack attacks attacked strike strikes struck
kill killed killing dead
president presidents presidential
government governments administration administrations authorities leadership
receive received receiving get obtain obtained
continue continues continued continuing persist persists
begin began start started restart resume resumed launch launched
stop stopped end ended halt halted cease
ukraine ukrainian ukrainians kyiv kiev
russia russian russians moscow kremlin
china chinese beijing
iran iranian tehran
britain british london uk
france french paris
germany german berlin
"""


def _stem_raw(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (
        ("iness", "y"),
        ("ness", ""),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word[:6]
            word = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2]:
                word = word[:-1]
            break
    return word[:6]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return a light stem of a lower-case word: suffixes off, cut to six letters.

    Crude on purpose (no dictionary, no dependency): it only has to give the forms
    of one word the same key.

    Examples:
        >>> [stem(w) for w in ("signals", "waiting", "received", "receive", "talks")]
        ['signal', 'wait', 'receiv', 'receiv', 'talk']
        >>> stem("readiness") == stem("ready")
        True
    """
    return _stem_raw(word)


def _build_concepts() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _CONCEPTS.strip().splitlines():
        words = line.split()
        for word in words:
            table.setdefault(stem(word), words[0])
    return table


_CONCEPT_OF: dict[str, str] = _build_concepts()


def concept(word: str) -> str | None:
    """The synonym class of a normalised word (its first word), or ``None`` outside the lexicon.

    Examples:
        >>> concept("indications"), concept("negotiations"), concept("emails")
        ('signal', 'talk', None)
    """
    return _CONCEPT_OF.get(stem(word))


@lru_cache(maxsize=200_000)
def content_term(word: str) -> str | None:
    """The content term of one normalised word, or ``None`` for a stopword or verb of saying.

    Examples:
        >>> content_term("negotiations"), content_term("said"), content_term("the")
        ('talk', None, None)
    """
    if word in _STOPWORDS or len(word) < 2 or (word[-1] == "s" and word[:-1] in _STOPWORDS):
        return None
    key = stem(word)
    return _CONCEPT_OF.get(key, key)


def content_terms(normalized: str) -> frozenset[str]:
    """Return the content terms of an already normalised text.

    Stopwords and verbs of saying are dropped, the rest is stemmed and mapped
    through the synonym lexicon.

    Examples:
        >>> sorted(content_terms(normalize_text("waiting for indications from Kyiv")))
        ['signal', 'ukraine', 'wait']
        >>> sorted(content_terms("we need to receive some signals"))
        ['receive', 'signal']
    """
    terms = set()
    for word in normalized.split():
        term = content_term(word)
        if term is not None:
            terms.add(term)
    return frozenset(terms)


# -- speaker names -----------------------------------------------------------------

_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev sen senator rep representative gov
    governor gen general col colonel lt capt captain adm admiral sgt president
    vice prime minister chancellor secretary spokesman spokeswoman spokesperson
    speaker leader chief deputy ambassador envoy director chairman chairwoman chair
    king queen prince princess pope judge justice mayor commissioner former acting
    state foreign defense defence interior finance house senate white kremlin
    us u.s uk eu un
    """.split()
)
_SUFFIXES = frozenset("jr sr ii iii iv phd md".split())
_PRONOUNS = frozenset(
    "i me we us you he him she her they them it who his hers their theirs our its".split()
)
_NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE_RE = re.compile(r"(?:['’]s?)?\.?$")


def person_name_parts(name: str) -> tuple[tuple[str, ...], str, str] | None:
    """Split a person's name into given names, surname and a display form.

    Titles, roles and possessives are dropped; the name is the run of capitalised
    words at the end, after the last title word (at most three words). Given
    names and surname are lower-case and accent-free, the display form keeps the
    original spelling. Returns ``None`` when the text does
    not end in a name (a description such as ``the Clinton campaign``) or is a
    pronoun.

    Examples:
        >>> person_name_parts("Kremlin spokesman Dmitry Peskov")
        (('dmitry',), 'peskov', 'Dmitry Peskov')
        >>> person_name_parts("Former Secretary of State Madeleine Albright")[1:]
        ('albright', 'Madeleine Albright')
        >>> person_name_parts("Mr. Trump’s")
        ((), 'trump', 'Trump')
        >>> person_name_parts("Russian President Vladimir Putin")
        (('vladimir',), 'putin', 'Vladimir Putin')
        >>> person_name_parts("the Clinton campaign") is None
        True
    """
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFKC", name))
    tokens = _NAME_TOKEN_RE.findall(text)
    run: list[str] = []
    for token in reversed(tokens):
        if not token[0].isupper():
            break
        run.append(token)
    run.reverse()
    shown = [_POSSESSIVE_RE.sub("", t) for t in run]
    pairs = [(s, fold_accents(s).lower().replace("’", "'")) for s in shown if s]
    while pairs and pairs[-1][1] in _SUFFIXES:
        pairs.pop()
    for cut in range(len(pairs) - 1, -1, -1):
        if pairs[cut][1] in _TITLES:
            pairs = pairs[cut + 1 :]
            break
    pairs = pairs[-3:]
    if not pairs or (len(pairs) == 1 and pairs[0][1] in _PRONOUNS):
        return None
    keys = [k for _, k in pairs]
    return tuple(keys[:-1]), keys[-1], " ".join(s for s, _ in pairs)

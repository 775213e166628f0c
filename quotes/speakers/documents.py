"""A poll, study or report as a speaker: whoever issued it, when the phrase names them.

``A Quinnipiac University poll``, ``The latest Reuters/Ipsos poll``, ``a study by the
liberal watchdog group Media Matters``, ``a report Tuesday from WKOW``, ``A 2014 study
by Loyola Law School professor Justin Levitt``: a reader answers "who said it" with the
issuer (``Quinnipiac University``, ``Reuters/Ipsos``, ``Media Matters``, ``WKOW``,
``Justin Levitt``), not with the document. The issuer is read from the speaker's own
phrase, before the document noun or after ``by``/``from`` right after it, and resolved
like any mention; the document (``poll``, ``2014 study``) becomes the ``role`` when the
issuer has none of its own. A bare ``the poll`` (``the survey``, ``the report``) takes the
issuer of the one earlier poll the article names; a document whose phrase names nobody
otherwise (``a report``, ``data released by state regulators``, two pollsters before
``the poll``) keeps its description. The respondents or results of a named poll (``One in
four voters in a New York Times poll``) speak for its issuer too (`respondents_poll`).
``It`` opening the next sentence (``The lawsuit contends ... It goes on to fault``)
refers to the document that spoke just before (`DocumentMixin.document_it`).
`DocumentMixin` holds the methods; the resolver inherits them.
"""

from __future__ import annotations

import bisect
import re

from quotes.lexicon import MONTHS, ORG_WORDS, TITLES, WEEKDAYS
from quotes.models import Speaker, SpeakerType
from quotes.speakers.anaphora import AnaphoraMixin
from quotes.speakers.gender import known_given_name
from quotes.speakers.noun_phrase import NounPhrase, bare_phrase, scan_left
from quotes.speakers.organisations import completed_name
from quotes.text.tokens import Token, tokens

__all__ = [
    "DOCUMENT_NOUNS", "OWNED_DOCUMENTS", "DocumentMixin", "document_phrase", "owned_document",
    "respondents_poll",
]

#: Sentences before a ``the poll`` whose documents are read first.
_NEAR_SENTENCES = 3
#: Nouns of documents and measurements that speak for whoever made them.
DOCUMENT_NOUNS = frozenset(
    """poll polls survey surveys study studies analysis report reports review investigation
    tally projection projections audit estimate estimates forecast memo letter statement
    editorial email summary documents records""".split()
)
#: What a named owner speaks through: ``Rubio's press release``, ``Farley's account``.
OWNED_DOCUMENTS = DOCUMENT_NOUNS | frozenset(
    """account release agreement conference average tracker memoir book website site tweet
    tweets post blog ad advertisement filing brief testimony transcript speech remarks
    comments interview column op-ed""".split()
)
#: Types a document phrase is read as (a description, not a person).
_DOCUMENT_TYPES = (SpeakerType.UNKNOWN, SpeakerType.ORGANIZATION, SpeakerType.ANONYMOUS)
#: Document nouns of one kind: ``the poll`` may refer back to ``a Gallup survey``.
_POLLS = frozenset({"poll", "polls", "survey", "surveys"})
_DOCUMENT_KINDS = {noun: _POLLS for noun in _POLLS} | {
    "study": frozenset({"study"}), "report": frozenset({"report"}),
    "analysis": frozenset({"analysis"}), "statement": frozenset({"statement"}),
    "letter": frozenset({"letter"}), "email": frozenset({"email"}), "memo": frozenset({"memo"}),
    "summary": frozenset({"summary"}),
}
#: Documents someone sends: ``the statement`` may refer back to ``X issued a statement``.
_SENT_KINDS = frozenset({"statement", "letter", "email", "memo"})
#: The verb between a sender and its document: ``issued a``, ``sent out a fundraising``,
#: ``said in a`` (searched up to the document noun).
_SENT = re.compile(
    r"\s+(?:(?:has|had|have)\s+)?(?:issued|released|sent(?:\s+out)?|published|posted|provided|"
    r"put\s+out|(?:said|says|wrote|announced|added)\s+in)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}\Z"
)
#: Institution words `ORG_WORDS` lacks (``Holocaust Museum``).
_INSTITUTIONS = frozenset(
    "museum school chamber association society league library hospital".split()
)
#: What a sender may be.
_SENDER_TYPES = (SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.GROUP)
#: A word of the text (for finding earlier document nouns).
_WORD = re.compile(r"[A-Za-z]+")
#: Characters read on each side of an earlier document noun for its issuer.
_AROUND = 80
#: Lower-case nouns after a name that make it a body's owner (``the Sanders campaign``).
_BODY_NOUNS = frozenset(
    """campaign campaigns office offices staff team administration camp aides aide lawyers
    spokesman spokeswoman spokesperson committee organization foundation""".split()
)
#: What may open a sentence before its subject ``It``: space, a quote mark, a conjunction.
_IT_OPENS = re.compile(r"[\s\"'“‘(]*(?:(?:And|But|Yet|Still|Also)\s+)?")
#: Months and weekdays: ``a June poll`` names no issuer.
_DATE_WORDS = MONTHS | WEEKDAYS
#: Determiners that open a document phrase.
_DETERMINERS = frozenset({"a", "an", "the"})
#: Words that join the capitalised words of one issuer (``Council of the Great City Schools``).
_CONNECTORS = frozenset({"of", "for", "the", "and", "at", "on", "&", "/", "-"})
#: Lower-case words inside one issuer's name before a document (``University of Texas``,
#: ``Rock the Vote``).
_JOINING_WORDS = frozenset({"of", "the", "and", "for", "on"})
#: Prepositions after a document that introduce its issuer.
_ISSUER_PREPOSITIONS = frozenset({"by", "from"})
#: Words that may stand between a document noun and ``by``/``from``: a participle, a time.
_BEFORE_PREPOSITION = re.compile(
    r"(?:released|conducted|published|issued|commissioned|out|on|in|last|this|early|late|"
    r"[A-Z][a-z]+day|[A-Z][a-z]+\.?|\d[\d,]*|week|month|year)"
)
#: At most this many words between the document noun and ``by``/``from``.
_MAX_BEFORE_PREPOSITION = 3
#: At most this many lower-case words between ``by``/``from`` and the issuer's name.
_MAX_DESCRIPTORS = 4


def _capitalised(tok: str) -> bool:
    """A word written with a capital (``Reuters``, ``POLITICO's``, ``Post-ABC``)."""
    return tok[:1].isupper()


def _is_document(tok: str, after_capital: bool) -> bool:
    """``poll``: a document noun, in lower case or after a capitalised issuer (``Gallup Poll``)."""
    return bare_phrase(tok) in DOCUMENT_NOUNS and (tok[:1].islower() or after_capital)


def document_phrase(words: list[Token]) -> int | None:
    """Index of the document noun a phrase is about (``poll`` of ``a CNN/ORC poll``), else ``None``.

    The noun must come before any ``by``/``from``/comma: in ``a spokesman for the
    poll`` or ``officials, citing a report`` the phrase is not about a document.

    Examples:
        >>> text = "A Quinnipiac University poll"
        >>> document_phrase(tokens(text, 0, len(text)))
        3
        >>> text = "a spokesman for the poll"
        >>> document_phrase(tokens(text, 0, len(text))) is None
        True
    """
    for k, (tok, _start, _end) in enumerate(words):
        low = tok.lower()
        after_capital = k > 0 and _capitalised(words[k - 1][0])
        if _is_document(tok, after_capital) and not (
            tok[:1].isupper() and k + 1 < len(words)
            and bare_phrase(words[k + 1][0]) in DOCUMENT_NOUNS
        ):  # "Rasmussen Reports poll": the poll, not "Reports"
            return k
        if low in ("by", "from", "for", "to", "with", ",", "who", "that") or (
            k > 0 and low not in _DETERMINERS and not _capitalised(tok) and not tok[:1].isdigit()
            and low not in _CONNECTORS and not _modifier(tok)
        ):
            return None
    return None


def respondents_poll(words: list[Token]) -> int | None:
    """Index of the poll noun of a phrase about its respondents or results, else ``None``.

    ``One in four voters in a New York Times poll``, ``Some 20 percent of people in a
    recent CNN/ORC poll``, ``the results of the latest Quinnipiac University poll``: the
    people asked (or the results) speak for whoever ran the poll. The phrase after the
    first ``in``/``of`` and its article must be a poll or survey phrase
    (`document_phrase`), and no ``by``/``from``/comma may come before it.

    Examples:
        >>> text = "One in four voters in a New York Times poll"
        >>> respondents_poll(tokens(text, 0, len(text)))
        9
        >>> text = "voters in Iowa" ; respondents_poll(tokens(text, 0, len(text))) is None
        True
    """
    for k, (tok, _start, _end) in enumerate(words[:-2]):
        low = tok.lower()
        if low in ("by", "from", ",", "who", "that"):
            return None
        if k == 0 or low not in ("in", "of") or words[k + 1][0].lower() not in _DETERMINERS:
            continue
        d = document_phrase(words[k + 1:])
        if d is not None and bare_phrase(words[k + 1 + d][0]) in _POLLS:
            return k + 1 + d
    return None


def _modifier(tok: str) -> bool:
    """A lower-case word that may describe a document before its noun (``new``, ``2014``)."""
    return tok[:1].islower() and tok.isalpha() or tok[:1].isdigit() or tok in ("-",)


def owned_document(words: list[Token]) -> tuple[int, int, int] | None:
    """``(owner start, possessive, document noun)`` of ``Rubio's press release``, else ``None``.

    The owner is a capitalised run (titles and initials included: ``FBI Director James
    Comey's``) after any determiner; at most three lower-case words stand between its
    possessive and a noun of `OWNED_DOCUMENTS`.

    Examples:
        >>> text = "FBI Director James Comey's news conference"
        >>> owned_document(tokens(text, 0, len(text)))
        (0, 3, 5)
        >>> text = "Clinton's husband"
        >>> owned_document(tokens(text, 0, len(text))) is None
        True
    """
    first = 0
    while first < len(words) and words[first][0].lower() in _DETERMINERS:
        first += 1
    k = first
    while k < len(words) and (_capitalised(words[k][0]) or words[k][0] == "."):
        if re.search(r"['’]s?$", words[k][0]) and len(words[k][0]) > 2:
            break
        k += 1
    if k >= len(words) or k == first and not re.search(r"['’]s?$", words[k][0]):
        return None
    if not re.search(r"['’]s?$", words[k][0]):
        return None
    for n in range(k + 1, min(len(words), k + 5)):
        tok = words[n][0]
        if not tok[:1].islower():
            return None
        if bare_phrase(tok) in OWNED_DOCUMENTS:
            return first, k, n
    return None


def _bare_definite(words: list[Token], d: int) -> bool:
    """``the poll``, ``The new survey``: a definite document, only modifiers before it.

    Examples:
        >>> text = "the new poll"
        >>> _bare_definite(tokens(text, 0, len(text)), 2)
        True
        >>> text = "a poll"
        >>> _bare_definite(tokens(text, 0, len(text)), 1)
        False
    """
    return (
        bool(words) and words[0][0].lower() == "the" and d == len(words) - 1
        and all(_modifier(w[0]) and bare_phrase(w[0]) not in DOCUMENT_NOUNS for w in words[1:d])
    )


def _issuer_before(words: list[Token], d: int) -> tuple[int, int] | None:
    """Token range of the capitalised issuer right before the document noun ``words[d]``.

    ``The latest Reuters/Ipsos poll`` gives ``Reuters/Ipsos``; ``a national Gallup Poll``
    gives ``Gallup``; ``a University of New Hampshire poll``, ``a USA TODAY/Rock the Vote
    survey`` keep their inner ``of``/``the``. Only capitalised words, the joiners ``/``,
    ``&``, ``-`` and a joining word after a capitalised word may stand there.
    """
    k = d
    while k > 0:
        tok = words[k - 1][0]
        joining = (
            tok in _JOINING_WORDS and k > 1
            and _capitalised(words[k - 2][0]) and _capitalised(words[k][0])
        )
        part = tok.lower() not in _DETERMINERS and (_capitalised(tok) or tok in ("/", "&", "-"))
        if not (joining or part):
            break
        k -= 1
    if k == d or not _capitalised(words[k][0]):
        return None
    return k, d


def _issuer_after(words: list[Token], d: int) -> tuple[int, int] | None:
    """Token range of the issuer after ``by``/``from`` following the document noun ``words[d]``.

    ``a study by the liberal watchdog group Media Matters`` gives ``Media Matters``;
    ``by Loyola Law School professor Justin Levitt`` keeps the title and what follows
    it (the resolver then reads the person); ``by the Council of the Great City
    Schools`` keeps the joined capitalised words.
    """
    k = d + 1
    while (
        k < len(words) and k - d <= _MAX_BEFORE_PREPOSITION
        and words[k][0].lower() not in _ISSUER_PREPOSITIONS
    ):
        if not _BEFORE_PREPOSITION.fullmatch(words[k][0]):
            return None
        k += 1
    if k >= len(words) or words[k][0].lower() not in _ISSUER_PREPOSITIONS:
        return None
    k += 1
    if k < len(words) and words[k][0].lower() == "the":
        k += 1
    skipped = 0
    while k < len(words) and words[k][0][:1].islower() and skipped < _MAX_DESCRIPTORS:
        if not words[k][0].isalpha() or words[k][0] in _CONNECTORS:
            return None
        k += 1
        skipped += 1
    if k >= len(words) or not _capitalised(words[k][0]):
        return None
    start = end = k
    while end < len(words):
        tok = words[end][0]
        if _capitalised(tok) or tok in ("/", "&", "-"):
            end += 1
        elif (
            (tok in _CONNECTORS or bare_phrase(tok) in TITLES) and end + 1 < len(words)
            and (
                _capitalised(words[end + 1][0])
                or words[end + 1][0] == "the" and tok in ("of", "and")
            )
        ):  # "Council of the Great City Schools"; not "Edison Research for the Associated Press"
            end += 1
        else:
            break
    while end > start and not _capitalised(words[end - 1][0]):
        end -= 1
    if end < len(words) and (
        re.search(r"['’]s?$", words[end - 1][0]) or bare_phrase(words[end][0]) in _BODY_NOUNS
    ):
        return None  # "from Ryan's office", "by the Sanders campaign": that body, left as it is
    return start, end


class DocumentMixin(AnaphoraMixin):
    """The speaker of a document phrase: its issuer (see the module docstring)."""

    quoted_spans: list[tuple[int, int]]

    def document_speaker(self, speaker: Speaker, at: int) -> Speaker | None:
        """``speaker`` named after the issuer its phrase names, or ``None`` when it names none.

        Args:
            speaker: A resolved speaker whose mention may be a document phrase
                (``A Quinnipiac University poll released Tuesday``).
            at: Offset of the quote (for the issuer's own resolution).

        Returns:
            A copy of ``speaker`` with the issuer's name and type, the mention unchanged
            and the document as ``role`` when the issuer has no role of its own.
        """
        if speaker.type not in (*_DOCUMENT_TYPES, SpeakerType.GROUP):
            return None
        words = tokens(self.norm, speaker.start, speaker.end)
        d = document_phrase(words) if speaker.type is not SpeakerType.GROUP else None
        if d is None:
            d = respondents_poll(words)  # "One in four voters in a New York Times poll"
        if d is None:
            return None if speaker.type is SpeakerType.GROUP else self._owner_of(speaker, words, at)
        issuer = self._named_issuer(words, d, at)
        if issuer is None and _bare_definite(words, d):
            issuer = self._earlier_issuer(bare_phrase(words[d][0]), speaker.start, at)
        if issuer is None or issuer.name == speaker.name:
            return None  # nobody named, or named already ("according to a poll by X": the via)
        first = next(k for k, w in enumerate(words) if w[0].lower() not in _DETERMINERS)
        document = self.text[words[min(first, d)][1]:words[d][2]]
        return speaker.model_copy(
            update={"name": issuer.name, "type": issuer.type, "role": issuer.role or document}
        )

    def document_it(self, np: NounPhrase, at: int, sentence_starts: list[int]) -> Speaker | None:
        """``It`` opening a sentence right after a document spoke: that document's speaker.

        ``The lawsuit contends that ... It goes on to fault ...``, ``"...," the email read.
        It stated that ...``: the last recorded speaker, in the sentence of ``it`` or the one
        before, is a document phrase (``the lawsuit``, ``the congressional report``) and no
        person is named between its mention and ``it``. The speaker is the document's
        issuer when the article names one (`document_speaker`: ``the email`` sent by the
        Cruz campaign), else the document's description (a description, not a name).
        ``None`` otherwise (the resolver keeps ``it`` unresolved).

        Args:
            np: The pronoun.
            at: Offset of the quote.
            sentence_starts: Sorted sentence start offsets of the article.
        """
        k = bisect.bisect_right(sentence_starts, np.start) - 1
        if k < 0 or _IT_OPENS.fullmatch(self.norm, sentence_starts[k], np.start) is None:
            return None
        recent = next(((off, sp) for off, sp in reversed(self._speakers) if off <= at), None)
        if recent is None:
            return None
        sp = recent[1]
        if sp.start < sentence_starts[max(0, k - 1)]:
            return None
        if sp.type not in _DOCUMENT_TYPES or not sp.name or sp.end > np.start:
            return None
        if document_phrase(tokens(self.norm, sp.start, sp.end)) is None:
            return None
        i = bisect.bisect_right(self._person_at, (sp.end, ""))
        if i < len(self._person_at) and self._person_at[i][0] < np.start:
            return None  # "The report said ... Mr. Lee replied. It added": not clearly the report
        named = self.document_speaker(sp, at) or sp
        mention = self.text[np.start:np.end]
        return named.model_copy(update={"mention": mention, "start": np.start, "end": np.end})

    def _owner_of(self, speaker: Speaker, words: list[Token], at: int) -> Speaker | None:
        """``Rubio's press release``, ``Farley's account``: the owner named before ``'s``.

        The owner is read like any mention (a person, an organisation); the document
        becomes the role when the owner has none.
        """
        found = owned_document(words)
        if found is None:
            return None
        first, owner_end, noun = found
        a, b = words[first][1], words[owner_end][2]
        b -= len(re.search(r"['’]s?$", words[owner_end][0]).group())  # type: ignore[union-attr]
        owner = self.resolve(  # type: ignore[attr-defined]
            NounPhrase(a, b, self.norm[a:b]), at=at, sentence_starts=self.sentence_starts,
            exclude=self.quoted_spans,
        )
        if owner is None or not owner.name or not owner.name[:1].isupper() or owner.type not in (
            SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.GROUP
        ):
            return None
        document = self.text[words[owner_end + 1][1]:words[noun][2]]
        return speaker.model_copy(
            update={"name": owner.name, "type": owner.type, "role": owner.role or document}
        )

    def _sender_before(self, noun_at: int, at: int) -> Speaker | None:
        """Who ``issued a statement`` (``said in a statement``) at ``noun_at``: the subject.

        ``The Cruz campaign sent a fundraising email``, ``President Obama released a
        statement``: the subject read back from the verb, resolved like any mention; only
        a named person, organisation or group counts.
        """
        k = bisect.bisect_right(self.sentence_starts, noun_at) - 1
        lo = self.sentence_starts[k] if k >= 0 else 0
        verb = _SENT.search(self.norm, lo, noun_at)
        if verb is None:
            return None
        np = scan_left(self.norm, lo, verb.start())
        if np is None:
            return None
        sender = self.resolve(  # type: ignore[attr-defined]
            np, at=at, sentence_starts=self.sentence_starts, exclude=self.quoted_spans
        )
        if sender is None or not sender.name or not sender.name[:1].isupper():
            return None
        of = np.text.find(" of ")
        if of >= 0 and np.text.find(sender.name, of) > of:
            return None  # "The dean of Columbia's journalism school": the dean sent it
        if sender.type is SpeakerType.PERSON and any(
            bare_phrase(w) in ORG_WORDS or bare_phrase(w) in _INSTITUTIONS
            for w in sender.name.split()[1:]
        ):  # "the Holocaust Museum": an institution
            sender = sender.model_copy(update={"type": SpeakerType.ORGANIZATION, "role": None})
        return sender if sender.type in _SENDER_TYPES else None

    def completed_org(self, speaker: Speaker) -> Speaker | None:
        """``speaker`` with the whole organisation name its mention writes, else ``None``.

        ``the Department of Justice`` read as ``Department`` is ``Department of Justice``
        (`quotes.speakers.organisations.completed_name`), in the article's canonical form.
        """
        if speaker.type not in _DOCUMENT_TYPES or not speaker.name:
            return None
        full = completed_name(speaker.mention, speaker.name)
        if full is None:
            return None
        return speaker.model_copy(
            update={"name": self.orgs.canonical(full), "type": SpeakerType.ORGANIZATION}
        )

    def _named_issuer(self, words: list[Token], d: int, at: int) -> Speaker | None:
        """The issuer the phrase ``words`` about the document ``words[d]`` names, if any."""
        after = _issuer_after(words, d)
        span = after or _issuer_before(words, d)
        if span is None:
            return None
        issuer_words = words[span[0]:span[1]]
        a, b = issuer_words[0][1], issuer_words[-1][2]
        alpha = [w[0] for w in issuer_words if w[0][:1].isalpha()]
        common = self.common_word  # type: ignore[attr-defined]
        if b - a < 2 or all(common(w) or bare_phrase(w) in _DATE_WORDS for w in alpha):
            return None  # "New Poll": a headline's capital; "a June poll": a date
        return self._issuer(a, b, issuer_words, at, person_allowed=after is not None)

    def _earlier_issuer(self, noun: str, before: int, at: int) -> Speaker | None:
        """The one issuer the article names for a document of ``noun``'s kind before ``before``.

        ``the poll`` after ``A Quinnipiac University poll``: every earlier phrase with a
        noun of the same kind (a poll is a survey) is read as `_named_issuer` reads a
        speaker's phrase, and a sent document (statement, letter, email, memo) also by
        its sender (`_sender_before`). The documents of the sentences just before (its
        own and the ``_NEAR_SENTENCES`` before it) decide when they name an issuer,
        unless an earlier one was run jointly with it (``Times/CBS News`` beside ``CBS
        News``); else those of the whole article before it do. Two different issuers,
        or none, give ``None``.
        """
        k = bisect.bisect_right(self.sentence_starts, before) - 1
        near = self.sentence_starts[max(0, k - _NEAR_SENTENCES)] if self.sentence_starts else 0
        found = self._issuers_between(noun, (near, before), before, at)
        earlier = self._issuers_between(noun, (0, near), before, at)
        if len(found) == 1 and any(_partners(name, next(iter(found))) for name in earlier):
            return None  # a CBS News poll just before, a Times/CBS News poll earlier: which?
        return _only_issuer(found or earlier)

    def _issuers_between(
        self, noun: str, span: tuple[int, int], before: int, at: int
    ) -> dict[str, Speaker]:
        """``{name: issuer}`` of the documents of ``noun``'s kind whose noun is in ``span``."""
        lo, hi = span
        kind = _DOCUMENT_KINDS.get(noun, frozenset({noun}))
        found: dict[str, Speaker] = {}
        for m in _WORD.finditer(self.norm, lo, hi):
            if m.group() not in kind:
                continue  # "American Community Survey": a name, not a survey of someone's
            words = tokens(self.norm, max(0, m.start() - _AROUND), min(before, m.end() + _AROUND))
            d = next((k for k, w in enumerate(words) if w[1] == m.start()), None)
            issuer = None if d is None else self._named_issuer(words, d, at)
            if issuer is None and m.group() in _SENT_KINDS:
                issuer = self._sender_before(m.start(), at)
            if issuer is not None and issuer.name:
                found[issuer.name] = issuer
        return found

    def _issuer(
        self, a: int, b: int, issuer_words: list[Token], at: int, *, person_allowed: bool
    ) -> Speaker | None:
        """The issuer ``text[a:b]`` names: a person the resolver reads, else an organisation.

        A person only after ``by``/``from`` and only with a title or a known given name
        (``Loyola Law School professor Justin Levitt``, ``Michael Greenstone``); people
        joined by ``and`` are left alone (no one of them is the issuer). Anything else
        is an organisation named as written (``Media Matters``, ``Reuters/Ipsos``,
        ``National Academies``), in its canonical form when the article has one.
        """
        titled = any(  # "professor", "Sen.": not "National" of "National Academies"
            bare_phrase(w[0]) in TITLES and (w[0].islower() or self.norm[w[2]:w[2] + 1] == ".")
            for w in issuer_words
        )
        if person_allowed and "/" not in self.norm[a:b]:
            found = self.resolve(  # type: ignore[attr-defined]
                NounPhrase(a, b, self.norm[a:b]), at=at, sentence_starts=self.sentence_starts,
                exclude=self.quoted_spans,
            )
            if found is not None and found.type is SpeakerType.PERSON and found.name and (
                titled or known_given_name(found.name.split()[0])
            ):
                return None if " and " in self.norm[a:b] else found
        name = re.sub(r"(?:['’]s?)$", "", self.text[a:b])  # "POLITICO's analysis"
        if not name[:1].isupper():
            return None
        return Speaker(
            name=self.orgs.canonical(name), mention=self.text[a:b], start=a, end=b,
            type=SpeakerType.ORGANIZATION,
        )


def _partners(name: str, other: str) -> bool:
    """Two different issuers, one a partner in the other's joint poll (``Times/CBS News``, ``CBS News``)."""
    if name == other:
        return False
    parts, others = set(re.split(r"\s*/\s*", name)), set(re.split(r"\s*/\s*", other))
    return bool(parts & others)


def _only_issuer(found: dict[str, Speaker]) -> Speaker | None:
    """The one issuer of ``found``, else ``None``."""
    return next(iter(found.values())) if len(found) == 1 else None

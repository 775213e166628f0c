"""Typed, immutable result models.

Everything ``quotes`` returns is a frozen pydantic v2 model that serializes to JSON
and back without loss (``Quote.model_validate_json(q.model_dump_json()) == q``).

Offsets are always character offsets into the *original* article text, end
exclusive, so ``article.text[q.start:q.end] == q.text`` holds for every quote.
"""

from __future__ import annotations

import datetime as _dt
import re
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from quotes._version import __version__
from quotes.errors import NotTextError

__all__ = [
    "RECORD_KEYS",
    "Article",
    "CueType",
    "Provenance",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerType",
    "Stance",
    "escape_surrogates",
    "find_surrogate",
    "validation_summary",
]

#: The keys of one JSON Lines record written by ``quotes extract``, in order.
RECORD_KEYS: tuple[str, ...] = (
    "article",
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "cue",
    "stance",
    "via",
    "outlet",
    "published",
    "confidence",
)


#: A lone surrogate code point: a ``str`` can hold one, UTF-8 cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def find_surrogate(text: str) -> int | None:
    r"""The offset of the first lone surrogate of ``text``, or ``None`` if it has none.

    A ``str`` holding one (after ``bytes.decode(errors="surrogateescape")``, or a
    JSON ``"\ud800"`` escape) cannot be written as UTF-8, so no result built
    from it could be serialised.

    Examples:
        >>> find_surrogate("ok"), find_surrogate("ab\ud800")
        (None, 2)
    """
    if text.isascii():
        return None
    match = _SURROGATE.search(text)
    return match.start() if match else None


def escape_surrogates(text: str) -> str:
    r"""``text`` with each lone surrogate written as its escape (``\udcff``), UTF-8 writable.

    For names the library must write whatever they hold (a file name with bytes
    that are not UTF-8, the id of a refused record in ``errors.jsonl``).

    Examples:
        >>> escape_surrogates("caf\udce9.txt")
        'caf\\udce9.txt'
    """
    if find_surrogate(text) is None:
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def validation_summary(exc: ValidationError) -> tuple[str, str, str]:
    """``(field, reason, value)`` of a pydantic ``ValidationError``'s first error, one line each.

    The reason starts in lower case; the value is its ``repr``, cut at 40 characters.
    """
    first = exc.errors()[0]
    field = ".".join(str(x) for x in first.get("loc", ())) or "record"
    message = " ".join(str(first.get("msg", "invalid value")).split())
    value = repr(first.get("input"))
    if len(value) > 40:
        value = value[:37] + "..."
    return field, message[:1].lower() + message[1:], escape_surrogates(value)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _to_date(value: Any) -> Any:
    """Accept dates, datetimes and ISO strings with a time part; keep the date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if len(value) > 10 and value[4:5] == "-" and value[10:11] in ("T", " "):
            return value[:10]
    return value


class SpeakerType(str, Enum):
    """What kind of source a speaker is."""

    PERSON = "person"
    """A named or described individual: ``Dmitry Peskov``, ``he``."""
    ORGANIZATION = "organization"
    """An institution, company, government or outlet: ``the Kremlin``, ``KCNA``. One
    organisation has one name per article (the fullest form: ``Russian Defense Ministry``
    for ``Defense Ministry`` and ``the ministry``); a description the article does not
    resolve (``the company``) keeps the description as ``name``, confidence 0.1 lower."""
    GROUP = "group"
    """A plural, non-institutional source: ``Ukrainian officials``, ``analysts``,
    named people joined by ``and`` (``Donald Trump and Paul Ryan``)."""
    ANONYMOUS = "anonymous"
    """An unnamed individual: ``a senior official``, ``a source``, or a role description
    the article does not tie to a named person (``the spokesman`` with no spokesman
    named; its ``name`` is the description and the quote's confidence 0.1 lower)."""
    UNKNOWN = "unknown"
    """The type could not be determined."""


class QuoteKind(str, Enum):
    """How the words of the speaker are rendered."""

    DIRECT = "direct"
    """Verbatim words inside quotation marks."""
    INDIRECT = "indirect"
    """Reported speech or an attributed claim, without quotation marks."""
    MIXED = "mixed"
    """A reported clause that contains a verbatim fragment in quotation marks."""


class CueType(str, Enum):
    """What the cue says about the attribution."""

    SPEECH = "speech"
    """A verb or phrase of communication: ``said``, ``told``, ``wrote``."""
    CLAIM = "claim"
    """An attribution without a verb of saying: ``according to``, ``in a statement``."""
    BELIEF = "belief"
    """A thought, belief or intention: ``believes``, ``wants``, ``hopes``."""


class Stance(str, Enum):
    """What the speaker does with the content: assert it, deny it, question it, or name it.

    Set from the cue (the word list ``quotes/data/stances.tsv``) and the content's
    form: filter on ``stance == "asserts"`` for the statements a speaker makes.
    Direct quotes are the speaker's own words, so they always assert them (``"That is
    false," he denied`` asserts ``That is false``). An
    [`Extractor`][quotes.pipeline.Extractor] leaves ``refers`` out unless asked
    (``stances=``).
    """

    ASSERTS = "asserts"
    """The speaker says the content is so: ``said``, ``claimed``, ``according to``."""
    DENIES = "denies"
    """The speaker says the content is not so, or rejects it: ``Peskov denied that C``,
    ``disputed a report that C``, ``rejected claims that C``. The content is never
    the speaker's claim."""
    QUESTIONS = "questions"
    """The content is a question or a doubt, not a claim: ``asked whether C``,
    ``wondered if C``, ``questioned whether C``."""
    REFERS = "refers"
    """No statement: the content is a noun phrase the speaker talks about, criticizes,
    praises, confirms or cites (``X criticized Y``, ``X later confirmed Putin's
    statements``, ``CNN reported citing an official``: ``Y``, ``Putin's statements``,
    ``an official``), with no clause and no quoted words. PolNeAR annotates these as
    attributions; an `Extractor` returns them only with ``stances=`` including it."""


class Span(_Frozen):
    """A piece of the article text with its character offsets.

    Attributes:
        text: The text exactly as written, ``article.text[start:end]``.
        start: Offset of the first character.
        end: Offset just past the last character.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _check_order(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Speaker(_Frozen):
    """The source a quote is attributed to.

    Attributes:
        name: Canonical name: the fullest form of the name in the article, without
            titles (``Dmitry Peskov`` for ``Peskov``, ``he`` or ``the Kremlin
            spokesman``; ``Russian Defense Ministry`` for ``the ministry``); for a
            description the article does not tie to a name, the description itself
            (``Ukrainian officials``, ``spokesman``); ``None`` for a pronoun with no
            antecedent (``"...," he said.`` opening an article): the speaker is then
            known only by its ``mention``, and the quote's confidence is 0.1 lower
            than for a resolved pronoun (0.7 where a named speaker gets 0.9).
        mention: The text that names the speaker at this quote, as written.
        start: Offset of the mention in the article text.
        end: Offset just past the mention.
        type: Person, organization, group, anonymous or unknown.
        role: The role or title the article gives the speaker (``Kremlin spokesman``),
            or ``None``.
    """

    name: Optional[str]
    mention: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: SpeakerType = SpeakerType.UNKNOWN
    role: Optional[str] = None


class Provenance(_Frozen):
    """Which code produced a result.

    Attributes:
        backend: Name of the segmentation backend (``stanza`` or ``fast``).
        backend_version: Version of that backend (Stanza's version, or the
            library's own for the built-in one).
        library_version: Version of ``quotes``.
        rules: Names of the detection and attribution rules that fired, in order.
    """

    backend: str
    backend_version: str
    library_version: str = __version__
    rules: tuple[str, ...] = ()


def _require_text(value: Any) -> Any:
    """Refuse an article text that is not a ``str``, rather than coerce bytes or numbers."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raise NotTextError(
            "the text is bytes, not str: decode it first (data.decode('utf-8'))"
        )
    raise NotTextError(f"the text must be a str, not {type(value).__name__}")


class Article(_Frozen):
    """One news article.

    Attributes:
        text: The full article text (a ``str``; bytes raise
            [NotTextError][quotes.errors.NotTextError]). Offsets of every result refer to it.
        id: An identifier (file name, URL hash...), copied to each quote's ``article``.
        outlet: The publisher (``Reuters``, ``DW``).
        published: Publication date.
        title: Headline.
        url: Where the article was found.
    """

    text: str
    id: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[_dt.date] = None
    title: Optional[str] = None
    url: Optional[str] = None

    _date = field_validator("published", mode="before")(_to_date)
    _text = field_validator("text", mode="before")(_require_text)


class Quote(_Frozen):
    """One attributed statement found in an article.

    Attributes:
        text: The content, exactly ``article.text[start:end]``. For direct quotes it
            excludes the quotation marks.
        start: Offset of the first character of the content.
        end: Offset just past the content.
        kind: ``direct``, ``indirect`` or ``mixed``.
        cue_type: ``speech``, ``claim`` or ``belief``.
        stance: ``asserts`` (the default), ``denies``, ``questions`` or ``refers``:
            whether the speaker asserts the content, denies it (``denied that C``),
            puts it in question (``asked whether C``) or only names it (``criticized
            Y``: no statement, left out by default); see `Stance`.
        speaker: Who said it, or ``None`` when the library cannot tell (a wrong
            speaker is worse than none).
        cue: The verb or phrase that attributes the content (``said``,
            ``has also told``, ``according to``), with offsets, or ``None``; the
            addressee of ``told Reuters`` is not part of it (an outlet there is in
            ``via``). Two quotes that share a cue (same offsets) are two parts of one
            statement.
        via: The channel the statement came through (``Reuters``, ``Telegram``,
            ``a statement``), or ``None``.
        article: The article's id.
        outlet: The outlet that published the article.
        published: The article's publication date.
        confidence: How sure the attribution is, from 0 to 1.
        provenance: Backend and versions that produced the quote; ``None`` only for
            quotes read back from a JSON Lines record, which does not carry it.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind = QuoteKind.DIRECT
    cue_type: CueType = CueType.SPEECH
    stance: Stance = Stance.ASSERTS
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None
    via: Optional[str] = None
    article: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[_dt.date] = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    provenance: Optional[Provenance] = None

    _date = field_validator("published", mode="before")(_to_date)

    @model_validator(mode="after")
    def _check_order(self) -> Quote:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    def to_record(self) -> dict[str, Any]:
        """Return the JSON Lines record of this quote (the CLI's output contract).

        The keys are exactly `RECORD_KEYS` (``stance`` included); ``speaker`` is
        ``{name, mention, start, end, type, role}`` (``name`` is ``None`` for an
        unresolved pronoun) or ``None`` and ``cue`` is
        ``{text, start, end}`` or ``None``.
        """
        data = self.model_dump(mode="json", include=set(RECORD_KEYS))
        return {key: data[key] for key in RECORD_KEYS}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Quote:
        """Build a quote from a record written by [`to_record`][quotes.models.Quote.to_record].

        Unknown keys are ignored, so richer records (``--format json``) load too.

        Raises:
            pydantic.ValidationError: when a required key is missing or malformed.
        """
        fields = set(cls.model_fields)
        return cls.model_validate({k: v for k, v in record.items() if k in fields})

"""The extraction pipeline: ``text -> Document -> direct quotes -> reported speech -> (tagger) -> Quote``.

[`Extractor`][quotes.pipeline.Extractor] holds a loaded backend and runs the stages on one article
at a time. Extraction is a pure function of one article (no state is carried between articles), so
the batch runner and the Spark integration call exactly this code.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from enum import Enum
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

from pydantic import ValidationError

from quotes.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidFieldError,
    NotTextError,
    WrongTypeError,
)
from quotes.models import (
    Article,
    CueType,
    Quote,
    QuoteKind,
    Stance,
    find_surrogate,
    validation_summary,
)
from quotes.text.linebreaks import LINE_BREAKS
from quotes.text.segment import Segmenter, get_segmenter

if TYPE_CHECKING:
    from quotes.document import Document
    from quotes.model.tagger import SpanTagger

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_STANCES",
    "Extractor",
    "attribute_article",
    "attribute_document",
    "build_document",
    "check_article",
    "check_text",
    "extract",
    "stance_values",
]

#: Longest article text accepted by default (characters). Longer input raises
#: [`InputTooLargeError`][quotes.errors.InputTooLargeError]; raise the limit with ``max_chars``.
DEFAULT_MAX_CHARS = 2_000_000
#: The stances an `Extractor` returns by default: statements asserted, denied or
#: questioned; not ``refers`` (``X criticized Y``: a noun phrase, no statement).
DEFAULT_STANCES = frozenset(s for s in Stance if s is not Stance.REFERS)


#: Characters below the space that text may hold: tabs and every line break the text
#: layer reads as one (``\x1c``-``\x1e`` are line breaks to ``str.splitlines`` too).
_NOT_CONTROL = "\t\n" + LINE_BREAKS


def check_text(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Raise an [`InputError`][quotes.errors.InputError] if ``text`` cannot be an article.

    Args:
        text: The article text.
        max_chars: Longest accepted text.

    Raises:
        EmptyInputError: The text is empty or whitespace only.
        BinaryInputError: The text contains NUL bytes or is mostly control characters.
        InputTooLargeError: The text is longer than ``max_chars``.
        EncodingError: The text holds a lone surrogate, which cannot be written as UTF-8.
        NotTextError: The text is not a ``str`` (bytes must be decoded first).

    Examples:
        >>> check_text("He said so.")
        >>> check_text("   ")
        Traceback (most recent call last):
        ...
        quotes.errors.EmptyInputError: the text is empty
    """
    if not isinstance(text, str):
        raise NotTextError(
            "the text is bytes, not str: decode it first (data.decode('utf-8'))"
            if isinstance(text, (bytes, bytearray))
            else f"the text must be a str, not {type(text).__name__}"
        )
    if not text or text.isspace():
        raise EmptyInputError("the text is empty")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"the text has {len(text):,} characters, more than max_chars={max_chars:,}"
        )
    if "\x00" in text:
        raise BinaryInputError("the text contains NUL bytes: it looks like a binary file")
    sample = text[:4096]
    controls = sum(1 for c in sample if c < " " and c not in _NOT_CONTROL)
    if controls > max(8, len(sample) // 20):
        raise BinaryInputError("the text is mostly control characters: it looks like a binary file")
    at = find_surrogate(text)
    if at is not None:
        raise EncodingError(_surrogate_message("the text", text, at))


def _surrogate_message(what: str, text: str, at: int) -> str:
    return (
        f"{what} holds a lone surrogate (U+{ord(text[at]):04X} at character {at}, left by a "
        "lossy decode or a JSON \\ud800 escape), which cannot be written as UTF-8: "
        "replace it first, e.g. text.encode('utf-8', 'replace').decode()"
    )


#: The string fields of an article besides its text, checked by `check_article`.
_ARTICLE_STRINGS = ("id", "outlet", "title", "url")


def check_article(article: Article, *, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Raise a [`QuotesError`][quotes.errors.QuotesError] if ``article`` cannot be extracted.

    [`check_text`][quotes.pipeline.check_text] on its text, and no lone surrogate in its
    other fields (the quotes copy ``id`` and ``outlet``; none could be written).

    Raises:
        WrongTypeError: ``article`` is not an [`Article`][quotes.models.Article].
        InputError: As [`check_text`][quotes.pipeline.check_text].
        EncodingError: A field holds a lone surrogate.
    """
    if not isinstance(article, Article):
        raise WrongTypeError(
            f"expected an Article, not {type(article).__name__}"
            + (": build one with Article(**record)" if isinstance(article, dict) else "")
        )
    check_text(article.text, max_chars=max_chars)
    for name in _ARTICLE_STRINGS:
        value = getattr(article, name)
        at = find_surrogate(value) if value is not None else None
        if at is not None:
            raise EncodingError(_surrogate_message(f"the article's {name!r}", value, at))


E = TypeVar("E", bound=Enum)


def _choices(values: Optional[Iterable[Any]], enum: type[E], name: str, default: frozenset[E]) -> frozenset[E]:
    """The ``enum`` members asked for (``default`` when None); an unknown one is an InvalidArgumentError."""
    if values is None:
        return default
    if isinstance(values, (str, enum)):
        values = [values]
    chosen = set()
    for value in values:
        try:
            chosen.add(enum(value))
        except ValueError:
            known = ", ".join(member.value for member in enum)
            message = f"unknown {name} {value!r}; choose from {known}"
            raise InvalidArgumentError(message) from None
    return frozenset(chosen)


def stance_values(stances: Optional[Iterable[Union[Stance, str]]]) -> Optional[tuple[str, ...]]:
    """The names of the stances asked for, sorted; None for the default (`DEFAULT_STANCES`).

    What a batch run records and hands to its workers: a plain, comparable value.

    Raises:
        InvalidArgumentError: A name is not a [`Stance`][quotes.models.Stance].

    Examples:
        >>> stance_values(["refers", "asserts"])
        ('asserts', 'refers')
        >>> stance_values(None) is None
        True
    """
    chosen = _choices(stances, Stance, "stance", DEFAULT_STANCES)
    if chosen == DEFAULT_STANCES:
        return None
    return tuple(sorted(s.value for s in chosen))


class Extractor:
    """Finds and attributes quotes; holds one loaded backend for many articles.

    Args:
        backend: ``"fast"`` (default; pure Python, no model) or ``"stanza"`` (Stanza
            tokenize+mwt; needs `pip install quotes[stanza]` and its models), or any
            object implementing [`Segmenter`][quotes.text.segment.Segmenter].
        stanza_dir: Folder with Stanza's models for the ``stanza`` backend (else
            ``QUOTES_STANZA_DIR``, else Stanza's default).
        kinds: Which quote kinds to return (default: all).
        include_beliefs: Also return attributions of beliefs and intentions
            (``X believes ...``); off by default, so the output is speech and claims.
        stances: Which [`Stance`][quotes.models.Stance] values to return (default
            `DEFAULT_STANCES`: every one but ``refers``, so ``X criticized Y`` gives no
            quote; ``stances=Stance`` returns them all, as PolNeAR annotates them).
        max_chars: Longest accepted article text.
        tagger: Also run the learned span tagger ([`quotes.model.tagger`][]): add the
            confident contents it finds that overlap no rule quote, and let its very
            confident spans replace rule quotes of reported speech they overlap
            ([`combine`][quotes.model.tagger.combine]; off by default).
        accurate: Accurate mode: run the span tagger that reads a pretrained encoder
            ([`quotes.model.accurate`][]; needs ``pip install 'quotes[model]'``),
            combined with the rules as ``tagger`` is (off by default). It
            takes the place of ``tagger`` when both are asked for.

    Raises:
        UnknownBackendError: ``backend`` names no backend.
        SegmenterUnavailableError: Stanza or its models are missing.
        TaggerUnavailableError: ``tagger=True`` but the tagger's weights are missing.
        InvalidArgumentError: ``kinds`` or ``stances`` names an unknown value, ``max_chars`` is
            below 1, or both ``tagger`` and ``accurate`` are asked for.
        WrongTypeError: ``backend`` is neither a name nor a segmenter.
        DependencyError: ``accurate=True`` but the ``model`` extra is not installed.

    Examples:
        >>> ex = Extractor(backend="fast")
        >>> [q.text for q in ex.extract('"We are ready," Peskov said.')]
        ['We are ready']
    """

    def __init__(
        self,
        backend: Union[str, Segmenter] = "fast",
        *,
        stanza_dir: Optional[str] = None,
        kinds: Optional[Iterable[Union[QuoteKind, str]]] = None,
        include_beliefs: bool = False,
        stances: Optional[Iterable[Union[Stance, str]]] = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        tagger: bool = False,
        accurate: bool = False,
    ) -> None:
        if not isinstance(backend, str) and not callable(getattr(backend, "segment", None)):
            raise WrongTypeError(
                "backend must be a name ('fast', 'stanza') or a Segmenter, "
                f"not {type(backend).__name__}"
            )
        self.kinds = _choices(kinds, QuoteKind, "quote kind", frozenset(QuoteKind))
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise InvalidArgumentError(
                f"max_chars must be an integer of at least 1, not {max_chars!r}"
            )
        self.segmenter: Segmenter = (
            get_segmenter(backend, stanza_dir=stanza_dir) if isinstance(backend, str) else backend
        )
        self.include_beliefs = include_beliefs
        self.stances = _choices(stances, Stance, "stance", DEFAULT_STANCES)
        self.max_chars = max_chars
        # --- learned span tagger (optional; see quotes/model/) ---
        self.tagger: SpanTagger | None = None
        if accurate and tagger:
            raise InvalidArgumentError(
                "choose tagger=True (the BiLSTM tagger) or accurate=True (the encoder "
                "model), not both: accurate mode already includes the tagger's features"
            )
        if accurate:
            from quotes.model.accurate import load_accurate

            self.tagger = load_accurate()
        elif tagger:
            from quotes.model.tagger import load_tagger

            self.tagger = load_tagger()

    @property
    def accurate(self) -> bool:
        """Whether accurate mode (the encoder-based span tagger) runs after the rules."""
        return self.tagger is not None and self.tagger.component[0] == "accurate"

    @property
    def backend(self) -> str:
        """Name of the segmentation backend."""
        return self.segmenter.name

    def extract(
        self,
        text: str,
        *,
        outlet: Optional[str] = None,
        published: Union[_dt.date, str, None] = None,
        article_id: Optional[str] = None,
    ) -> list[Quote]:
        """Extract the quotes of one text.

        Args:
            text: The article text.
            outlet: Publisher, copied to each quote.
            published: Publication date, copied to each quote.
            article_id: Identifier copied to each quote's ``article``.

        Returns:
            The quotes in document order.

        Raises:
            InputError: The text is empty, binary or too long, or holds a lone surrogate.
            InvalidFieldError: ``outlet``, ``published`` or ``article_id`` is invalid
                (``published`` not a date, ``outlet`` not a string...).
            NotTextError: The text is not a ``str`` (bytes must be decoded first).
        """
        try:
            article = Article(text=text, id=article_id, outlet=outlet, published=published)
        except ValidationError as exc:
            field, reason, value = validation_summary(exc)
            field = {"id": "article_id"}.get(field, field)
            raise InvalidFieldError(f"invalid {field!r} ({value}: {reason})") from None
        return self.extract_article(article)

    def extract_article(self, article: Article) -> list[Quote]:
        """Extract the quotes of one [`Article`][quotes.models.Article].

        Raises:
            InputError: The article text is empty, binary or too long, or a field
                holds a lone surrogate.
            WrongTypeError: ``article`` is not an [`Article`][quotes.models.Article].
        """
        check_article(article, max_chars=self.max_chars)
        doc = build_document(article, self.segmenter)
        found = attribute_document(doc, self.segmenter)
        if self.tagger is not None:  # learned span tagger: add what the rules missed
            found = self.tagger.extend(doc, self.segmenter, found)
        from quotes.attribution.cues import without_addressee

        return [
            without_addressee(q)
            for q in found
            if q.kind in self.kinds
            and q.stance in self.stances
            and (self.include_beliefs or q.cue_type is not CueType.BELIEF)
        ]

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[list[Quote]]:
        """Extract quotes from many articles, yielding one list per article, in order.

        Raises:
            WrongTypeError: An item is not an [`Article`][quotes.models.Article].
            InputError: On the first bad article; use
                [`extract_article`][quotes.pipeline.Extractor.extract_article] in a loop (or
                ``quotes batch``) to skip bad articles instead.
        """
        for article in articles:
            yield self.extract_article(article)


def build_document(article: Article, segmenter: Segmenter) -> Document:
    """The [`Document`][quotes.document.Document] of one article: built once, read by every stage."""
    # Imported on first use: the rules' lexicons and patterns are most of what
    # `import quotes` would otherwise cost.
    from quotes.document import Document

    return Document.build(article, segmenter)


def attribute_document(doc: Document, segmenter: Segmenter) -> list[Quote]:
    """All rule-found quotes of one document, in document order.

    The stages run in one direction over the document: direct quotes first (they
    teach the speaker resolver who spoke), then reported speech and mixed quotes
    (which must not repeat a direct quote; each report's source is recorded in the
    resolver too), then the pronoun speakers left unresolved are tried again now
    that the reports' sources are known, then direct quotes with no cue of their
    own that go on with the report before them; last, a document speaker (``a study by
    Media Matters``) is named after its issuer. A later component (the tagger)
    reads the same document, its resolver included.
    """
    from quotes.attribution.direct import (
        attribute_direct,
        continue_reports,
        keep_unread,
        resolve_late_pronouns,
    )
    from quotes.attribution.quote_kind import direct_when_all_quoted
    from quotes.attribution.reported import attribute_reported

    direct, fragments, held = attribute_direct(doc, segmenter)
    reported = attribute_reported(doc, segmenter, direct, fragments)
    direct += keep_unread(held, reported)
    found = resolve_late_pronouns(doc, sorted(direct + reported, key=lambda q: (q.start, q.end)))
    kinds_read = direct_when_all_quoted(doc, continue_reports(doc, found))
    return [_issuer_speaker(doc, q) for q in kinds_read]


def _issuer_speaker(doc: Document, quote: Quote) -> Quote:
    """``quote`` with its speaker's whole name: a document's issuer, an organisation's full name.

    ``a study by Media Matters`` is Media Matters (`SpeakerResolver.document_speaker`);
    ``the Department of Justice`` read as ``Department`` is ``Department of Justice``
    (`SpeakerResolver.completed_org`).
    """
    if quote.speaker is None:
        return quote
    named = doc.resolver.document_speaker(quote.speaker, quote.start) or doc.resolver.completed_org(
        quote.speaker
    )
    return quote if named is None else quote.model_copy(update={"speaker": named})


def attribute_article(article: Article, segmenter: Segmenter) -> list[Quote]:
    """All rule-found quotes of one article, in document order (see [`attribute_document`][quotes.pipeline.attribute_document])."""
    return attribute_document(build_document(article, segmenter), segmenter)


@lru_cache(maxsize=4)
def _cached_extractor(backend: str, stanza_dir: Optional[str], accurate: bool = False) -> Extractor:
    return Extractor(backend=backend, stanza_dir=stanza_dir, accurate=accurate)


def extract(
    text: str,
    *,
    outlet: Optional[str] = None,
    published: Union[_dt.date, str, None] = None,
    article_id: Optional[str] = None,
    backend: str = "fast",
    stanza_dir: Optional[str] = None,
    accurate: bool = False,
) -> list[Quote]:
    """Extract the quotes of one text (the backend is loaded once and cached).

    Args:
        text: The article text.
        outlet: Publisher, copied to each quote.
        published: Publication date (``date`` or ISO string), copied to each quote.
        article_id: Identifier copied to each quote's ``article``.
        backend: ``"fast"`` (default) or ``"stanza"`` (needs `pip install quotes[stanza]`).
        stanza_dir: Folder with Stanza's models.
        accurate: Accurate mode (``Extractor(accurate=True)``; needs
            ``pip install 'quotes[model]'``); the model is loaded once and cached.

    Returns:
        The quotes in document order.

    Raises:
        InputError: The text is empty, binary or too long, or holds a lone surrogate.
        InvalidFieldError: ``outlet``, ``published`` or ``article_id`` is invalid.
        NotTextError: The text is not a ``str`` (bytes must be decoded first).
        SegmenterUnavailableError: The Stanza backend was asked for but cannot load.
        DependencyError: ``accurate=True`` but the ``model`` extra is not installed.

    Examples:
        >>> q = extract("“We are ready,” Peskov said.", backend="fast")[0]
        >>> q.text, q.speaker.name
        ('We are ready', 'Peskov')
    """
    extractor = _cached_extractor(backend, stanza_dir, accurate)
    return extractor.extract(text, outlet=outlet, published=published, article_id=article_id)

"""The extraction pipeline: ``text -> Document -> direct quotes -> reported speech -> (tagger) -> Quote``.

[`Extractor`][quotes.pipeline.Extractor] holds a loaded backend and runs the stages on one article
at a time. Extraction is a pure function of one article (no state is carried between articles), so
the batch runner and the Spark integration call exactly this code.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Union

from quotes.errors import BinaryInputError, EmptyInputError, InputTooLargeError, NotTextError
from quotes.models import Article, CueType, Quote, QuoteKind
from quotes.text.segment import Segmenter, get_segmenter

if TYPE_CHECKING:
    from quotes.document import Document
    from quotes.model.tagger import SpanTagger

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Extractor",
    "attribute_article",
    "attribute_document",
    "build_document",
    "check_text",
    "extract",
]

#: Longest article text accepted by default (characters). Longer input raises
#: [`InputTooLargeError`][quotes.errors.InputTooLargeError]; raise the limit with ``max_chars``.
DEFAULT_MAX_CHARS = 2_000_000


def check_text(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Raise an [`InputError`][quotes.errors.InputError] if ``text`` cannot be an article.

    Args:
        text: The article text.
        max_chars: Longest accepted text.

    Raises:
        EmptyInputError: The text is empty or whitespace only.
        BinaryInputError: The text contains NUL bytes or is mostly control characters.
        InputTooLargeError: The text is longer than ``max_chars``.
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
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 20):
        raise BinaryInputError("the text is mostly control characters: it looks like a binary file")


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
        max_chars: Longest accepted article text.
        tagger: Also run the learned span tagger ([`quotes.model.tagger`][]) and add
            the confident contents it finds that overlap no rule quote (off by default).
        accurate: Accurate mode: run the span tagger that reads a pretrained encoder
            ([`quotes.model.accurate`][]; needs ``pip install 'quotes[model]'``) and add
            its confident contents that overlap no rule quote (off by default). It
            takes the place of ``tagger`` when both are asked for.

    Raises:
        UnknownBackendError: ``backend`` names no backend.
        SegmenterUnavailableError: Stanza or its models are missing.
        TaggerUnavailableError: ``tagger=True`` but the tagger's weights are missing.
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
        max_chars: int = DEFAULT_MAX_CHARS,
        tagger: bool = False,
        accurate: bool = False,
    ) -> None:
        self.segmenter: Segmenter = (
            get_segmenter(backend, stanza_dir=stanza_dir) if isinstance(backend, str) else backend
        )
        self.kinds = frozenset(QuoteKind(k) for k in kinds) if kinds is not None else frozenset(QuoteKind)
        self.include_beliefs = include_beliefs
        self.max_chars = max_chars
        # --- learned span tagger (optional; see quotes/model/) ---
        self.tagger: SpanTagger | None = None
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
            InputError: The text is empty, binary or too long.
            NotTextError: The text is not a ``str`` (bytes must be decoded first).
        """
        article = Article(text=text, id=article_id, outlet=outlet, published=published)
        return self.extract_article(article)

    def extract_article(self, article: Article) -> list[Quote]:
        """Extract the quotes of one [`Article`][quotes.models.Article].

        Raises:
            InputError: The article text is empty, binary or too long.
        """
        check_text(article.text, max_chars=self.max_chars)
        doc = build_document(article, self.segmenter)
        found = attribute_document(doc, self.segmenter)
        if self.tagger is not None:  # learned span tagger: add what the rules missed
            found = self.tagger.extend(doc, self.segmenter, found)
        return [
            q
            for q in found
            if q.kind in self.kinds and (self.include_beliefs or q.cue_type is not CueType.BELIEF)
        ]

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[list[Quote]]:
        """Extract quotes from many articles, yielding one list per article, in order.

        Raises:
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
    (which must not repeat a direct quote), then direct quotes with no cue of their
    own that go on with the report before them. A later component (the tagger)
    reads the same document, its resolver included.
    """
    from quotes.attribution.direct import attribute_direct, continue_reports
    from quotes.attribution.reported import attribute_reported

    direct, fragments = attribute_direct(doc, segmenter)
    reported = attribute_reported(doc, segmenter, direct, fragments)
    return continue_reports(doc, sorted(direct + reported, key=lambda q: (q.start, q.end)))


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
        InputError: The text is empty, binary or too long.
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

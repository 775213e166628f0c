"""The result models of dedupe (`QuoteCluster`, `ClusterMember`) and cluster ids."""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from quotes._version import __version__
from quotes.models import QuoteKind

__all__ = [
    "ClusterMember",
    "DedupeProvenance",
    "QuoteCluster",
    "cluster_id",
    "construct",
    "hash_key_lines",
    "key_line",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=_Frozen)


class ClusterMember(_Frozen):
    """One occurrence of a statement.

    Attributes:
        article: The article's id (``Quote.article``).
        start: Offset of the quote in the article text.
        end: Offset just past the quote.
        text: The quote as written in this article.
        kind: ``direct``, ``indirect`` or ``mixed``.
        speaker: The speaker's name as this article gives it, or ``None``.
        outlet: The outlet that published the article.
        published: The article's publication date.
        similarity: How close this occurrence is to the cluster's canonical text,
            from 0 to 1 (1 for the same normalised text).
    """

    article: str | None = None
    """The article's id (``Quote.article``)."""
    start: int = Field(ge=0)
    """Offset of the quote in the article text."""
    end: int = Field(ge=0)
    """Offset just past the quote."""
    text: str
    """The quote as written in this article."""
    kind: QuoteKind = QuoteKind.DIRECT
    """``direct``, ``indirect`` or ``mixed``."""
    speaker: str | None = None
    """The speaker's name as this article gives it, or ``None``."""
    outlet: str | None = None
    """The outlet that published the article."""
    published: _dt.date | None = None
    """The article's publication date."""
    similarity: float = Field(default=1.0, ge=0.0, le=1.0)
    """Closeness to the cluster's canonical text, 0 to 1."""


class DedupeProvenance(_Frozen):
    """How a cluster was made: the mode, the settings and the code.

    Attributes:
        mode: ``statement``, ``verbatim`` or ``semantic``.
        ignore_speakers: Whether speakers were ignored.
        encoder: In the semantic mode, ``all-MiniLM-L6-v2`` (the bundled model) or
            ``custom`` (an ``encoder`` passed by the caller); ``None`` otherwise.
        settings: The thresholds and blocking settings that differ from their
            defaults, as ``(name, value)`` pairs (empty when all are the defaults).
        library_version: Version of ``quotes``.
    """

    mode: str
    """``statement``, ``verbatim`` or ``semantic``."""
    ignore_speakers: bool = False
    """Whether speakers were ignored."""
    encoder: str | None = None
    """The sentence encoder of the semantic mode, or ``None``."""
    settings: tuple[tuple[str, float | None], ...] = ()
    """Thresholds and blocking settings that differ from their defaults, as
    ``(name, value)`` pairs in the order of [`dedupe`][quotes.dedupe.dedupe]'s arguments
    (``("max_days", None)`` when the date limit is lifted)."""
    library_version: str = __version__
    """Version of ``quotes``."""


class QuoteCluster(_Frozen):
    """One statement and every place it appeared.

    Attributes:
        id: Stable identifier: a hash of the sorted ``(article, start, end)`` of the
            members, so the same input gives the same ids in any order.
        text: The canonical wording: the most complete direct form (direct before
            mixed before indirect, uncut before cut with an ellipsis, then the
            longest).
        speaker: The speaker's canonical name across articles (the most frequent
            full form, without titles), or ``None`` when no member has a known
            speaker.
        kind: The kind of the canonical member.
        members: Every occurrence, by publication date, then article and offset.
        first_seen: Earliest publication date of a member, or ``None``.
        last_seen: Latest publication date of a member, or ``None``.
        outlets: The outlets that published it, sorted.
        provenance: The mode, settings and library version that made it.
    """

    id: str
    """Stable identifier derived from the member keys."""
    text: str
    """The canonical wording."""
    speaker: str | None = None
    """The speaker's canonical name across articles, or ``None``."""
    kind: QuoteKind = QuoteKind.DIRECT
    """The kind of the canonical member."""
    members: tuple[ClusterMember, ...] = ()
    """Every occurrence, by publication date, then article and offset."""
    first_seen: _dt.date | None = None
    """Earliest publication date of a member."""
    last_seen: _dt.date | None = None
    """Latest publication date of a member."""
    outlets: tuple[str, ...] = ()
    """The outlets that published it, sorted."""
    provenance: DedupeProvenance | None = None
    """The mode, settings and library version that made it."""

    @property
    def size(self) -> int:
        """Number of occurrences."""
        return len(self.members)

    @property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids of the members, sorted."""
        return tuple(sorted({m.article for m in self.members if m.article is not None}))


_new_object = object.__new__
_set_slot = object.__setattr__


def construct(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from values that are already valid (like ``model_construct``, faster)."""
    obj = _new_object(cls)
    _set_slot(obj, "__dict__", values)
    _set_slot(obj, "__pydantic_fields_set__", set(values))
    _set_slot(obj, "__pydantic_extra__", None)
    _set_slot(obj, "__pydantic_private__", None)
    return obj


def cluster_id(keys: Iterable[tuple[str | None, int, int]]) -> str:
    """Return the id of a cluster with these member keys: 16 hex digits of SHA-1.

    Examples:
        >>> cluster_id([("b", 5, 9), ("a", 0, 3)]) == cluster_id([("a", 0, 3), ("b", 5, 9)])
        True
    """
    return hash_key_lines([key_line(a, s, e) for a, s, e in keys])


def key_line(article: str | None, start: int, end: int) -> str:
    """The line that stands for one member in the hash of its cluster's id."""
    return f"{article or ''}\x1e{start}\x1e{end}"


def hash_key_lines(lines: list[str]) -> str:
    """The cluster id of these member lines (`key_line`); sorts ``lines`` in place."""
    lines.sort()
    return hashlib.sha1("\x1f".join(lines).encode("utf-8")).hexdigest()[:16]

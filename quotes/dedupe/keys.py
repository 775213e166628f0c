"""Speaker keys: one stable name per person or body across articles, as dedupe resolves them.

Kept apart from `quotes.dedupe.speakers` so that importing it (``quotes.dedupe``,
``quotes.to_dataframe``) loads NumPy and rapidfuzz only when keys are computed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["speaker_keys"]


def speaker_keys(speakers: Iterable[tuple[str, str] | None]) -> list[str | None]:
    """One stable key per quote's speaker: the name of the person or body it resolves to.

    The same resolution as ``dedupe`` (`resolve_speakers` over all the
    speakers given): ``Zelenskyy`` and ``Volodymyr Zelenskyy`` get one key, the
    fullest common form of the name. Anonymous sources, pronouns and quotes without
    a speaker get ``None``. The key depends only on the multiset of speakers, not on
    their order.

    Args:
        speakers: ``(name, type)`` of each quote's speaker (``type`` a
            [SpeakerType][quotes.models.SpeakerType] value), or ``None``.

    Returns:
        The key of each speaker, in the order given.

    Examples:
        >>> speaker_keys([("Volodymyr Zelenskyy", "person"), ("Zelenskyy", "person"), None])
        ['Volodymyr Zelenskyy', 'Volodymyr Zelenskyy', None]
    """
    from quotes.dedupe.speakers import resolve_speakers  # NumPy and rapidfuzz, on first use

    given = list(speakers)
    counts = Counter(s for s in given if s is not None)
    entities = resolve_speakers(counts)
    return [
        None if s is None or entities.entity[s] < 0 else entities.display[entities.entity[s]]
        for s in given
    ]

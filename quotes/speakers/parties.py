"""A party's members as a speaker: ``some Republicans`` are ``Republicans``.

A reader answering "who said it" for ``some Republicans``, ``Fellow Republicans``, ``a
chorus of prominent Republicans`` or ``many liberal Democrats`` names the party's members
as such (``Republicans``), not the quantifier. Only quantifiers and a short list of
adjectives may go: a capitalised modifier stays (``Senate Democrats``), and a share of a
poll (``79 percent of Democrats``), an anaphor (``those Democrats``), a number (``two
Republicans``), a rank (``senior Democrats``, like ``Democratic leaders``) or a phrase that is
not one group (``a tactic Democrats``) keeps the description.
"""

from __future__ import annotations

__all__ = ["party_members"]

#: Plural names of a party's members.
_MEMBERS = frozenset({"Democrats", "Republicans", "Libertarians"})
#: Words that may open the phrase and go: quantifiers and the adjectives of a wing. Not a
#: number or ``both`` (``the two leading Republicans, Trump and Cruz``: named people), nor a
#: rank (``senior``, ``leading``, ``top``: the party's leaders, whom the article may not name).
_DROPPED = frozenset(
    """some many most several other others few numerous all fellow a chorus of group
    number handful prominent mainstream establishment moderate conservative liberal
    progressive rank-and-file""".split()
)


def party_members(name: str) -> str | None:
    """The party's members ``name`` describes (``Republicans``), else ``None``.

    Examples:
        >>> party_members("some Republicans"), party_members("Fellow Republicans")
        ('Republicans', 'Republicans')
        >>> party_members("a chorus of prominent Democrats")
        'Democrats'
        >>> party_members("several Senate Democrats")
        'Senate Democrats'
        >>> party_members("those Democrats"), party_members("79 percent of Democrats")
        (None, None)
        >>> party_members("two leading Republicans"), party_members("senior Democrats")
        (None, None)
        >>> party_members("Republicans") is None
        True
    """
    words = name.split()
    if len(words) < 2 or words[-1] not in _MEMBERS:
        return None
    k = 0
    while k < len(words) - 1 and words[k].lower() in _DROPPED and (
        words[k].islower() or k == 0
    ):
        k += 1
    if k == 0 or any(not w[:1].isupper() for w in words[k:]):
        return None
    return " ".join(words[k:])

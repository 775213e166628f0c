"""A bare surname that several people of one article share: ``Clinton`` for Hillary or Bill Clinton.

News names its main person in full first and keeps the bare surname for them; a relative
or namesake is named in full again (``her husband, Bill Clinton``) or by a first name.
[`SharedSurnames`][quotes.speakers.surnames.SharedSurnames] reads the mentions of each
shared surname in text order and gives a bare surname to the person of that surname the
article names in full first (the principal) only while nothing puts that in doubt: a
full-name mention of another person with the surname in the last ``RECENT_CHARS`` before
it, another person's full name as the last one before it, or a bare surname before it
that was already in doubt (the doubt lasts until the principal is named in full again):

* ``Hillary Clinton spoke. ... Clinton said`` (Bill named later or not at all): Hillary;
* ``Sean Smith died in 2012. ... Patricia Smith, his mother, spoke. ... Smith said``:
  another Smith was named just before, so the surname stays as written (a wrong
  speaker is worse than a partial name), and so do the later bare ``Smith``.

The chains are read once per article; each look-up is a binary search and a few steps.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import NamedTuple, Optional

from quotes.speakers.gender import Gender
from quotes.speakers.names import generational_suffix, same_person

#: Characters (about four sentences) after a full-name mention of another person with the
#: surname in which a bare surname stays as written.
RECENT_CHARS = 500


class ChainLink(NamedTuple):
    """A mention of a shared surname, and who a bare surname right after it names."""

    offset: int
    person: Optional[str]  # the principal, or None (in doubt)
    other_at: int  # offset of the last full-name mention of another person with the surname


class SharedSurnames:
    """Who each bare mention of a surname that several people share names, read in text order.

    Args:
        people: ``{surname: [canonical name of each person]}`` for surnames two or more
            people share ([`quotes.speakers.names.surname_people`][]).
        mentions: ``(offset, canonical)`` of every person mention, sorted by offset; a
            bare shared surname is its own canonical (``(40, "Clinton")``).
        gender: The gender of a canonical name, ``None`` if unknown.

    Examples:
        >>> shared = SharedSurnames(
        ...     {"Clinton": ["Hillary Clinton", "Bill Clinton"]},
        ...     [(0, "Hillary Clinton"), (40, "Clinton"), (900, "Bill Clinton"), (950, "Clinton")],
        ...     gender=lambda name: None,
        ... )
        >>> shared.principal("Clinton", 40, [0]), shared.principal("Clinton", 950, [0])
        ('Hillary Clinton', None)
    """

    def __init__(
        self,
        people: dict[str, list[str]],
        mentions: Sequence[tuple[int, str]],
        *,
        gender: Callable[[str], Optional[Gender]],
    ) -> None:
        self.gender = gender
        events: dict[str, list[tuple[int, Optional[str]]]] = {}  # person None: a bare surname
        for offset, canonical in mentions:
            words = canonical.split()
            if len(words) > 2 and generational_suffix(words[-1]):
                words.pop()  # "Harold Brandt Jr.": a Brandt
            if words[-1] not in people:
                continue
            person = next((p for p in people[words[-1]] if same_person(canonical, p)), None)
            if len(words) == 1 or person is not None:
                events.setdefault(words[-1], []).append((offset, person))
        #: surname -> its mentions in text order, each with who a bare surname there names
        self.chains = {surname: _chain(found) for surname, found in events.items()}

    def principal(
        self, surname: str, at: int, sentence_starts: Sequence[int], gender: Optional[Gender] = None
    ) -> Optional[str]:
        """The person a bare ``surname`` at offset ``at`` names, or ``None`` when in doubt.

        Args:
            surname: The bare surname (``Clinton``).
            at: Offset of the mention.
            sentence_starts: Sorted sentence start offsets of the article.
            gender: The gender an honorific before it gives (``Mrs.``), if any: the
                principal must be of that gender.

        Returns:
            The principal when the chain of mentions up to ``at`` leaves no doubt and
            the sentence does not name the principal in full after it (``Clinton said
            of Hillary Clinton``).
        """
        chain = self.chains.get(surname, [])
        i = bisect.bisect_right(chain, at, key=lambda link: link.offset) - 1
        if i < 0:
            return None
        link = chain[i]
        person = link.person if link.offset == at or at - link.other_at > RECENT_CHARS else None
        if person is None or (gender is not None and self.gender(person) != gender):
            return None
        k = bisect.bisect_right(sentence_starts, at)
        sentence_end = sentence_starts[k] if k < len(sentence_starts) else at + 1000
        if any(at < ln.offset < sentence_end and ln.person == person for ln in chain[i + 1:i + 4]):
            return None
        return person


def _chain(events: list[tuple[int, Optional[str]]]) -> list[ChainLink]:
    """Read the mentions of one shared surname in order: who a bare surname names after each.

    The principal is the first person named in full. A full-name mention of the principal
    makes a bare surname after it theirs; one of another person puts it in doubt; a bare
    surname is the principal's when no other person was named in full in the
    ``RECENT_CHARS`` before it, and otherwise leaves the doubt to the next bare surname.
    """
    principal = next((person for _off, person in events if person is not None), None)
    state: Optional[str] = None
    other_at = -RECENT_CHARS - 1
    links = []
    for offset, person in events:
        if person is None:
            state = principal if state == principal and offset - other_at > RECENT_CHARS else None
        elif person == principal:
            state = principal
        else:
            state, other_at = None, offset
        links.append(ChainLink(offset, state, other_at))
    return links

"""Speaker names of many articles resolved to one entity per person, for `quotes.dedupe.cluster`.

``Dmitri Peskov``, ``Peskov`` and ``Kremlin spokesman Dmitry Peskov`` are one
person; organisations and groups match on their normalised names.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from quotes.dedupe.index import UnionFind
from quotes.dedupe.text import normalize_text, person_name_parts
from quotes.models import SpeakerType
from quotes.speakers.gender import known_given_name

__all__ = ["SpeakerEntities", "resolve_speakers"]


class SpeakerEntities:
    """Speaker names resolved to entities.

    Attributes:
        entity: Entity id of each ``(name, type)`` given, or ``-1`` for an unknown
            speaker (no name, a pronoun, an anonymous source).
        display: Display name of each entity id.
    """

    def __init__(self, entity: dict[tuple[str, str], int], display: list[str]) -> None:
        self.entity = entity
        self.display = display


_PRONOUN_NAMES = frozenset("i we you he she it they who him her them us".split())


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    return fuzz.ratio(a, b) >= 85


def _same_given(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(a, b) >= 80


def resolve_speakers(counts: Counter[tuple[str, str]]) -> SpeakerEntities:
    """Group speaker names of many articles into entities.

    Persons are grouped by surname (spelling variants such as ``Zelensky`` and
    ``Zelenskyy`` join) and then by first given name (``Dmitry``/``Dmitri``; an
    initial matches). A surname given alone joins the person with that surname who
    has at least two thirds of the quotes with a first name; if there is none, it is
    its own entity. A double surname written without the given name
    (``Wasserman Schultz``) joins the one person whose full name ends with it
    (``Debbie Wasserman Schultz``). Organisations and groups are matched on their normalised name
    without a leading ``the``. Anonymous sources and pronouns are unknown.

    Args:
        counts: Number of quotes for each ``(name, type)``; ``type`` is a
            [`SpeakerType`][quotes.models.SpeakerType] value.

    Returns:
        The entities, numbered in sorted order of their keys.
    """
    keyed = _name_keys(counts)
    sur_group = _surname_groups(keyed)
    keyed = _join_compound_surnames(keyed, sur_group)
    first_of, dominant = _given_names(keyed, counts, sur_group)
    entity_key: dict[tuple[str, str], tuple] = {}
    for nk, k in keyed.items():
        if k[0] == "o":
            entity_key[nk] = ("o", k[1])
            continue
        group = sur_group[k[2]]
        if k[1]:
            entity_key[nk] = ("p", group, first_of[(group, k[1][0])])
        else:
            entity_key[nk] = ("p", group, dominant.get(group, ""))
    return _number_entities(counts, keyed, entity_key)


def _name_keys(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], tuple]:
    """The key of each known speaker ``(name, type)``, in sorted order.

    A person's key is ``("p", given names, surname, shown name)`` (the parts of
    `quotes.dedupe.text.person_name_parts`); another speaker's is ``("o",
    normalised name without "the", stripped name)``. Anonymous sources and
    pronouns get none.
    """
    keyed: dict[tuple[str, str], tuple] = {}
    for name, kind in sorted(counts):
        if kind == SpeakerType.ANONYMOUS.value:
            continue
        parts = None
        if kind not in (SpeakerType.ORGANIZATION.value, SpeakerType.GROUP.value):
            parts = person_name_parts(name)
        if parts is not None:
            keyed[(name, kind)] = ("p",) + parts
            continue
        norm = normalize_text(name)
        if norm.startswith("the "):
            norm = norm[4:]
        if not norm or norm in _PRONOUN_NAMES:
            continue
        keyed[(name, kind)] = ("o", norm, name.strip())
    return keyed


def _surname_groups(keyed: dict[tuple[str, str], tuple]) -> dict[str, int]:
    """The group of each person's surname: spelling variants share one."""
    surnames = sorted({k[2] for k in keyed.values() if k[0] == "p"})
    sur_uf = UnionFind(len(surnames))
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(surnames):
        by_prefix[s[:3]].append(i)
    for members in by_prefix.values():
        if len(members) < 2:
            continue
        names = [surnames[m] for m in members]
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=85, workers=-1)
        for x, y in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
            if _same_surname(names[x], names[y]):
                sur_uf.union(members[x], members[y])
    return {s: sur_uf.find(i) for i, s in enumerate(surnames)}


def _join_compound_surnames(
    keyed: dict[tuple[str, str], tuple], sur_group: dict[str, int]
) -> dict[tuple[str, str], tuple]:
    """Read ``Wasserman Schultz`` as the double surname of ``Debbie Wasserman Schultz``.

    A person key whose only given name is not a given name the gender lists know
    (`quotes.speakers.gender.known_given_name`) takes the first name of the one person
    of its surname group whose full name has that word right before the surname
    (``("debbie", "wasserman")``). With no such person, or two with different first
    names, the key stays: ``Paul Smith`` never joins ``John Paul Smith``.

    Examples:
        >>> keyed = {("Debbie Wasserman Schultz", "person"):
        ...              ("p", ("debbie", "wasserman"), "schultz", "Debbie Wasserman Schultz"),
        ...          ("Wasserman Schultz", "person"):
        ...              ("p", ("wasserman",), "schultz", "Wasserman Schultz")}
        >>> _join_compound_surnames(keyed, {"schultz": 0})[("Wasserman Schultz", "person")][1]
        ('debbie',)
    """
    owners: dict[tuple[int, str], set[str]] = defaultdict(set)
    for k in keyed.values():
        if k[0] == "p" and len(k[1]) >= 2:
            owners[(sur_group[k[2]], k[1][-1])].add(k[1][0])
    joined = dict(keyed)
    for nk, k in keyed.items():
        if k[0] != "p" or len(k[1]) != 1 or known_given_name(k[1][0]):
            continue
        firsts = owners.get((sur_group[k[2]], k[1][0]), set())
        if len(firsts) == 1:
            joined[nk] = ("p", (next(iter(firsts)),), k[2], k[3])
    return joined


def _given_names(
    keyed: dict[tuple[str, str], tuple],
    counts: Counter[tuple[str, str]],
    sur_group: dict[str, int],
) -> tuple[dict[tuple[int, str], str], dict[int, str]]:
    """The given names of each surname group, joined by spelling.

    Returns:
        The canonical first name of each ``(group, first name)``, and the dominant
        first name of each group that has one (two thirds of its quotes with a
        first name), which a surname given alone joins.
    """
    group_firsts: dict[int, Counter[str]] = defaultdict(Counter)
    for nk, k in keyed.items():
        if k[0] == "p" and k[1]:
            group_firsts[sur_group[k[2]]][k[1][0]] += counts[nk]
    first_of: dict[tuple[int, str], str] = {}
    dominant: dict[int, str] = {}
    for group, firsts in group_firsts.items():
        names = sorted(firsts, key=lambda f: (-len(f), f))
        uf = UnionFind(len(names))
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                if _same_given(names[x], names[y]):
                    uf.union(x, y)
        totals: Counter[str] = Counter()
        for x, f in enumerate(names):
            first_of[(group, f)] = names[uf.find(x)]
            totals[names[uf.find(x)]] += firsts[f]
        best, best_n = min(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        if best_n * 3 >= 2 * sum(totals.values()):
            dominant[group] = best
    return first_of, dominant


def _number_entities(
    counts: Counter[tuple[str, str]],
    keyed: dict[tuple[str, str], tuple],
    entity_key: dict[tuple[str, str], tuple],
) -> SpeakerEntities:
    """Number the entity keys in sorted order and pick each entity's display name."""
    ids = {key: i for i, key in enumerate(sorted(set(entity_key.values()), key=repr))}
    entity = {nk: -1 for nk in counts}
    display_votes: list[Counter[str]] = [Counter() for _ in ids]
    for nk, key in entity_key.items():
        entity[nk] = ids[key]
        k = keyed[nk]
        shown = k[3] if k[0] == "p" else k[2]
        display_votes[ids[key]][shown] += counts[nk]
    display = [
        min(votes.items(), key=lambda kv: (" " not in kv[0], -kv[1], -len(kv[0]), kv[0]))[0]
        for votes in display_votes
    ]
    return SpeakerEntities(entity, display)

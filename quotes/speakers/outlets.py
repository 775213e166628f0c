"""News outlets of one article, and what ``the newspaper`` or ``the network`` refers to.

An [`OutletIndex`][quotes.speakers.outlets.OutletIndex] is built once per article from the
outlets it names: a masthead after ``the`` (``the Boston Globe``, ``The Washington Post``)
and the agencies and broadcasters known by name (``Reuters``, ``CNN``,
[`quotes.speakers.channels.KNOWN_CHANNELS`][]). Each outlet has a kind: ``print`` (a
newspaper or magazine), ``broadcast`` (a network or station) or ``agency`` (a wire
service).

A description of an outlet (``the newspaper``, ``the paper``, ``the network``, ``the news
agency``; ``the editorial board`` for a newspaper) refers to the one outlet of its kind the article names in the sentence of the
description or the ``SENTENCES_BACK`` before it; with none there, or two, it stays a
description (typed an organisation). The outlet's name becomes the speaker's name and the
description its role: ``"…," the newspaper said`` after ``The Boston Globe reported`` is
the Boston Globe's. A short masthead (``the Times``, ``The Journal``) is the one fuller
masthead ending in it that the article named before (`full_name`): ``The New York Times``.

Cost: one regex pass over the body, then a bisect per description.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase

__all__ = ["OUTLET_HEADS", "OutletIndex", "editorial"]

#: Sentences read back from a description for the outlet it refers to (its own and these).
SENTENCES_BACK = 2

#: Head nouns of a description of an outlet, and the kind of outlet each refers to.
OUTLET_HEADS: dict[str, str] = {
    "newspaper": "print", "paper": "print", "daily": "print", "tabloid": "print",
    "magazine": "print", "weekly": "print", "network": "broadcast", "broadcaster": "broadcast",
    "channel": "broadcast", "station": "broadcast", "agency": "agency", "wire": "agency",
}
#: Outlets known by name, by kind (matched case-sensitively, as written).
_KNOWN_KINDS: dict[str, tuple[str, ...]] = {
    "agency": (
        "Reuters", "Interfax", "TASS", "RIA Novosti", "Xinhua", "Yonhap", "Kyodo", "AFP",
        "Associated Press", "Agence France-Presse", "Bloomberg",
    ),
    "broadcast": (
        "CNN", "BBC", "NBC", "CBS", "ABC", "Fox News", "MSNBC", "NPR", "PBS", "CNBC",
        "Al Jazeera", "Channel One", "C-SPAN", "Univision", "Telemundo",
    ),
    "print": ("USA Today", "Politico"),
}
#: Words that end a newspaper's or magazine's name (``the Boston Globe``).
_MASTHEAD_WORDS = (
    "Times|Post|Journal|Herald|Tribune|Guardian|Telegraph|Gazette|Globe|Chronicle|Mail|Mirror|"
    "Examiner|Inquirer|Enquirer|Courier|Dispatch|Sentinel|Bulletin|Register|Star|Sun|Daily News|"
    "Magazine|Newsweek|Economist|Atlantic|New Yorker|Free Press|Plain Dealer|Picayune"
)
#: A masthead word alone: the short form of a paper's name (``Times``, ``Daily News``).
_SHORT_MASTHEAD = re.compile(r"(?:" + _MASTHEAD_WORDS + r")")
_KIND_OF = {name: kind for kind, names in _KNOWN_KINDS.items() for name in names}
_KNOWN_ALT = "|".join(re.escape(n) for n in sorted(_KIND_OF, key=len, reverse=True))
#: A masthead after ``the``, or an outlet known by name.
_OUTLET = re.compile(
    r"(?<![\w\-])(?:(?:[Tt]he\s+)(?P<paper>(?:[A-Z][\w\-.&']*\s+){0,3}(?:" + _MASTHEAD_WORDS + r"))"
    r"|(?P<known>" + _KNOWN_ALT + r"))(?![\w\-])"
)


#: A newspaper named by a word that is also a title, right after ``the`` and alone:
#: ``The Advocate`` (``the Public Advocate``, ``the advocate`` are people).
_TITLE_MASTHEAD = re.compile(r"[Tt]he\s+Advocate")


def title_masthead(mention: str) -> bool:
    """``The Advocate``: a masthead that is also a title, after ``the`` with no other word.

    Examples:
        >>> title_masthead("The Advocate"), title_masthead("the Public Advocate")
        (True, False)
    """
    return _TITLE_MASTHEAD.fullmatch(mention) is not None


def editorial(low: list[str]) -> bool:
    """``the editorial``, ``the editorial board``, ``the editors``: a paper's voice, not a person's.

    Args:
        low: The description's tokens, lower case (``the`` first).

    Examples:
        >>> editorial(["the", "editorial", "board"]), editorial(["the", "editorial"])
        (True, True)
        >>> editorial(["the", "board"]), editorial(["the", "editorial", "page", "editor"])
        (False, False)
    """
    return low[-1] in ("editorial", "editors") or low[-2:] == ["editorial", "board"]


class OutletIndex:
    """The news outlets one article names, in text order, and descriptions of them.

    Args:
        norm: The normalised article text.
        body: ``(start, end)`` spans of the article body.

    Examples:
        >>> text = "The Boston Globe reported the deal. The newspaper said it was signed."
        >>> index = OutletIndex(text, [(0, len(text))])
        >>> index.describe("newspaper", text.index("The newspaper"), [0, 36])
        'Boston Globe'
        >>> index.describe("network", text.index("The newspaper"), [0, 36]) is None
        True
    """

    def __init__(self, norm: str, body: list[tuple[int, int]]) -> None:
        #: ``(offset, name, kind)`` of each outlet mention, in text order.
        self.mentions: list[tuple[int, str, str]] = []
        for lo, hi in body:
            for m in _OUTLET.finditer(norm, lo, hi):
                if m.group("paper"):
                    name = m.group("paper")
                    fuller = (n for _o, n, _k in self.mentions if n.endswith(" " + name))
                    name = next(fuller, name)  # "the Post" after "The Washington Post"
                    self.mentions.append((m.start("paper"), name, "print"))
                else:
                    name = m.group("known")
                    self.mentions.append((m.start("known"), name, _KIND_OF[name]))
        self.mentions.sort()
        self._starts = [m[0] for m in self.mentions]

    def _add(self, offset: int, name: str, kind: str) -> None:
        """Record a description resolved to ``name`` at ``offset`` as a mention of that outlet."""
        mention = (offset, name, kind)
        k = bisect.bisect_left(self.mentions, mention)
        if k == len(self.mentions) or self.mentions[k] != mention:
            self.mentions.insert(k, mention)
            self._starts.insert(k, offset)

    def describe(
        self, head: str, before: int, sentence_starts: list[int], *, news: bool = False
    ) -> Optional[str]:
        """The outlet a description with ``head`` at ``before`` refers to, or ``None``.

        Args:
            head: The description's head noun, lower case (``newspaper``).
            before: Offset of the description.
            sentence_starts: Sorted sentence start offsets of the article.
            news: The description says ``news`` (``the news agency``): needed for an agency.
        """
        kind = OUTLET_HEADS.get(head)
        if kind is None or kind == "agency" and not news:
            return None  # "the agency" alone is a government agency as often as a wire service
        k = bisect.bisect_right(sentence_starts, before) - 1
        window = sentence_starts[max(0, k - SENTENCES_BACK)] if sentence_starts else 0
        lo = bisect.bisect_left(self._starts, window)
        hi = bisect.bisect_left(self._starts, before)
        near = {name for _off, name, found in self.mentions[lo:hi] if found == kind}
        return near.pop() if len(near) == 1 else None

    def full_name(self, name: str, before: int) -> Optional[str]:
        """The fuller masthead a short one (``Times``, ``Journal``) at ``before`` stands for, or ``None``.

        The short form must be a masthead word (``Times``, ``Post``, ``Daily News``), and the
        article must have named exactly one outlet ending in it before ``before`` (``The New
        York Times``); with two (``The New York Times`` and ``the Los Angeles Times``) or none
        it is not guessed.

        Examples:
            >>> text = "The Wall Street Journal reported it. The Journal said so."
            >>> OutletIndex(text, [(0, len(text))]).full_name("Journal", text.index("The Journal"))
            'Wall Street Journal'
        """
        if _SHORT_MASTHEAD.fullmatch(name) is None:
            return None
        hi = bisect.bisect_left(self._starts, before)
        found = {n for _off, n, _k in self.mentions[:hi] if n.endswith(" " + name)}
        return found.pop() if len(found) == 1 else None

    def speaker_for(
        self, np: NounPhrase, low: list[str], mention: str, sentence_starts: list[int]
    ) -> Optional[Speaker]:
        """``the newspaper``: the outlet it refers to (`describe`), an organisation; else ``None``.

        Only ``the`` with at most two lower-case words before the head is read (``the
        conservative newspaper``), before any apposition (``The newspaper, long an
        advocate of reform,``); the description becomes the speaker's role. ``the
        editorial``, ``the editorial board`` and ``the editors`` speak for a newspaper
        (`editorial`). A description read so is itself a mention of its outlet for the
        descriptions after it (``the editorial board writes ... The newspaper``).

        Args:
            np: The mention.
            low: Its tokens, lower case, possessives bare (``low[0]`` is ``the``).
            mention: Its original text.
            sentence_starts: Sorted sentence start offsets of the article.
        """
        if "," in low[2:] and "," in mention:  # "The newspaper, long an advocate of reform"
            low, mention = low[:low.index(",")], mention[:mention.index(",")]
        if low[0] != "the" or len(low) > 4 or mention != mention[:4] + mention[4:].lower():
            return None
        head = "newspaper" if editorial(low) else low[-1]
        target = self.describe(head, np.start, sentence_starts, news="news" in low)
        if target is None:
            return None
        self._add(np.start, target, OUTLET_HEADS[head])
        return Speaker(
            name=target, mention=mention, start=np.start, end=np.end,
            type=SpeakerType.ORGANIZATION, role=re.sub(r"^(?:the)\s+", "", mention, flags=re.I),
        )

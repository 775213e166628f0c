"""Channels: the medium a statement came through (``via``).

[`find_via`][quotes.speakers.channels.find_via] reads the attribution clause around a cue and
returns the channel it names: a news agency or outlet (``told Reuters``,
``in comments to Interfax``, ``KCNA quoted``), a platform (``wrote on Telegram``) or a document
(``in a statement``). Generic audiences (``told reporters``) are not channels.
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.lexicon import DEMONYMS, MONTHS, WEEKDAYS

__all__ = ["KNOWN_CHANNELS", "find_via"]

#: Outlets, agencies and platforms recognised by name (matched case-sensitively).
KNOWN_CHANNELS: tuple[str, ...] = (
    "Reuters", "Interfax", "TASS", "RIA Novosti", "RIA", "KCNA", "Xinhua", "Yonhap", "Kyodo",
    "AFP", "AP", "Associated Press", "Agence France-Presse", "dpa", "DPA", "Bloomberg", "CNN",
    "BBC", "NBC", "CBS", "ABC", "Fox News", "MSNBC", "NPR", "PBS", "Politico", "Axios",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post",
    "The Wall Street Journal", "Wall Street Journal", "Financial Times", "The Financial Times",
    "The Guardian", "The Times", "The Economist", "Al Jazeera", "Sputnik", "RT", "Ukrinform",
    "Ukrainska Pravda", "Kyiv Independent", "Meduza", "Kommersant", "Izvestia", "CNBC",
    "USA Today", "Breitbart", "The Hill", "Telegram", "Twitter", "X", "Facebook", "Instagram",
    "Truth Social", "YouTube", "TikTok", "VKontakte", "Weibo", "WeChat", "state television",
    "state TV", "state media", "social media", "television", "radio", "Channel One",
)
_CHANNEL_ALT = "|".join(re.escape(c) for c in sorted(KNOWN_CHANNELS, key=len, reverse=True))
#: What an outlet is called when it is described rather than named.
_DESCRIPTOR = (
    r"(?:news\s+agency|news\s+site|newspaper|daily|weekly|broadcaster|tabloid|magazine|"
    r"outlet|website|network|(?:television|TV|radio)(?:\s+(?:channel|station|network))?|channel|station)"
)
#: A described outlet followed by its name: ``the German newspaper Bild``,
#: ``state news agency RIA Novosti``; the name is the channel.
_NAMED_OUTLET = (
    r"(?:(?:the|an?)\s+)?(?:(?!(?:at|in|on|of|to|for|with|from|by|and|or|that|reporters|journalists)\s)[\w\-]+\s+){0,3}?"
    + _DESCRIPTOR
    + r"\s+(?P<name>(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"
)
#: Words that end a newspaper's or broadcaster's name (``the Observer``, ``the Boston Globe``).
_MASTHEAD_WORDS = (
    "Observer|Times|Post|Journal|Herald|Tribune|Guardian|Telegraph|Gazette|Independent|Globe|Chronicle|"
    "News|Mail|Mirror|Express|Examiner|Inquirer|Enquirer|Courier|Dispatch|Sentinel|Monitor|Bulletin|"
    "Standard|Register|Star|Sun|Press|Review|Magazine|Daily|Weekly|Spectator|Economist|Telegram|Radio|TV"
)
#: A masthead after ``the``: up to three capitalised words ending in a masthead word.
_MASTHEAD = r"(?:[A-Z][\w\-]*\s+){0,3}(?:" + _MASTHEAD_WORDS + r")(?![\w\-]|\s+[A-Z])"
_OUTLET_NP = (
    r"(?:" + _NAMED_OUTLET + r"|(?:the\s+)?(?:" + _CHANNEL_ALT + r")"
    r"|(?:(?:the|an?)\s+)?(?:(?:[A-Z][\w'\-]*|state(?:-\w+)?|local|national|public|private)\s+){0,3}"
    + _DESCRIPTOR + r"|[Tt]he\s+" + _MASTHEAD + r")"
)
#: Platforms named by name: ``in a Telegram post`` is Telegram's.
_NAMED_PLATFORM = r"(?:Telegram|Twitter|X|Facebook|Instagram|Truth\s+Social|YouTube|TikTok|VKontakte|Weibo|WeChat)"
#: Where a statement is posted or broadcast (``wrote on Telegram``, ``said on state television``).
_PLATFORM = _NAMED_PLATFORM[:-1] + r"|social\s+media|state\s+(?:television|TV|media)|television|radio)"
_TOLD = r"\b(?:told|telling|tells|tell|speaking|spoke|speaks|talking|talked|talks)\s+(?:to\s+|with\s+)?"
_INTERVIEW = r"\b(?:in|during)\s+(?:an?\s+)?(?:[\w\-]+\s+)?(?:interview|comments?|remarks|conversation)\s+(?:to|with)\s+"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), group)
    for p, group in (
        (_TOLD + r"(?:[A-Z][\w]*'s\s+)?(?P<ch>" + _OUTLET_NP + r")(?![\w])", "ch"),
        (_INTERVIEW + r"(?:[A-Z][\w]*'s\s+)?(?P<ch>" + _OUTLET_NP + r")(?![\w])", "ch"),
        (r"\b(?:quoted|cited)\s+by\s+(?:[A-Za-z]+\s+){0,4}?(?P<ch>" + _CHANNEL_ALT + r")(?![\w])", "ch"),
        (r"(?P<ch>" + _CHANNEL_ALT + r")\s+(?:quoted|cited)\s+", "ch"),
        (r"\baccording\s+to\s+(?:the\s+)?(?P<ch>" + _CHANNEL_ALT + r")(?![\w'])", "ch"),
        (r"(?:^|[,;]\s*)(?P<ch>" + _CHANNEL_ALT + r")\s+(?:reports|reported)\b", "ch"),
        (r"\b(?:on|via|to)\s+(?:(?:his|her|their|its|the)\s+)?(?:official\s+)?(?P<ch>" + _PLATFORM + r")(?:\s+(?:channel|account|page|post))?(?![\w])", "ch"),
        (r"\bin\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+)?(?P<ch>" + _NAMED_PLATFORM + r")\s+(?:post|message|video|statement|thread)\b", "ch"),
        (r"\b(?:said|says|saying|appeared|appearing|speaking|interviewed|aired|broadcast|shown)\s+on\s+(?:the\s+)?(?P<ch>" + _CHANNEL_ALT + r")(?![\w'])", "ch"),
        (r"\b(?:broadcast|aired|published|carried)\s+by\s+(?P<ch>" + _OUTLET_NP + r")(?![\w])", "ch"),
    )
)
#: Documents (``in a statement``): the channel only when no outlet or platform is named,
#: so ``in a post on Telegram`` is Telegram's.
_DOCUMENT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), group)
    for p, group in (
        (r"\bin\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?(?P<ch>statement|post|press\s+release|video\s+address|address|communiqu[eé]|letter|op-ed|tweet|readout)\b", "ch"),
        (r"\bon\s+(?:its|his|her|their|the)\s+(?:official\s+)?(?P<ch>website)\b", "ch"),
        (r"\b(?:a|an|the)\s+(?P<ch>statement)\s+(?:released|issued|published|posted)\b", "ch"),
    )
)
#: Words that open a channel phrase, capitalised at the start of a sentence
#: (``In a statement,``, ``Speaking to CNN,``, ``During an interview with the BBC,``).
_LEAD_WORDS = frozenset(
    "in during speaking spoke talking telling told appearing interviewed according on via".split()
)
_FIRST_WORD = re.compile(r"\s*([A-Z][a-z]+)\b")
_KNOWN = frozenset(KNOWN_CHANNELS)
_ARTICLE_FOR = {"statement": "a statement", "post": "a post", "press release": "a press release",
                "video address": "a video address", "address": "an address", "letter": "a letter",
                "tweet": "a tweet", "op-ed": "an op-ed", "readout": "a readout", "website": "a website"}
_NAMED = re.compile(_NAMED_OUTLET + r"$")
_MASTHEAD_NAME = re.compile(r"[Tt]he\s+(?P<paper>" + _MASTHEAD + r")")
_TRAILING_DESCRIPTOR = re.compile(r"\s+" + _DESCRIPTOR + r"$")
#: Capitalised words after a descriptor that are not the outlet's name.
_NOT_A_NAME = WEEKDAYS | MONTHS | frozenset("on in that this last".split())


#: Words that describe an unnamed outlet (``a German newspaper``, ``state news agency``).
_DESCRIBING = DEMONYMS | frozenset(
    "state state-run state-owned state-controlled local national regional independent private "
    "public online pro-kremlin opposition leading major daily business financial".split()
)


def _channel_name(value: str) -> Optional[str]:
    """The channel in a matched outlet phrase: its name, else the phrase (``None`` if neither)."""
    named = _NAMED.match(value)
    if named:
        name = named.group("name")
        words = name.split()
        if words[0].lower() == "the":
            words = words[1:]
        while words and words[-1].lower() in _NOT_A_NAME:
            words.pop()
        if words and words[0].lower() not in _NOT_A_NAME:
            return " ".join(words)
        value = value[: named.start("name")].rstrip()
    value = re.sub(r"^(?:the|an?)\s+", "", value)
    short = _TRAILING_DESCRIPTOR.sub("", value)
    if short == value:
        return None
    if all(w.lower() in _DESCRIBING for w in short.split()):
        return value  # "German newspaper", "state news agency": unnamed, but an outlet
    if short[:1].isupper() and short.split()[-1].lower() not in _DESCRIBING:
        return short  # "the Interfax news agency", "Russia's Kommersant daily"
    return None


def find_via(clause: str) -> Optional[str]:
    """Return the channel named in an attribution clause, or ``None``.

    Args:
        clause: The text of the attribution (speaker, cue and what follows them),
            normalised; the quote's own content must not be part of it.

    Examples:
        >>> find_via("Yermak wrote on Telegram, referring to the drones.")
        'Telegram'
        >>> find_via("he told Russia's Interfax news agency")
        'Interfax'
        >>> find_via("Putin said in a statement released by the Kremlin.")
        'a statement'
        >>> find_via("KCNA quoted Kim as saying") , find_via("Peskov told reporters")
        ('KCNA', None)
        >>> find_via("In a post on Telegram, Zelenskyy said"), find_via("said in a Telegram post")
        ('Telegram', 'Telegram')
        >>> find_via("In a statement, the firm said")
        'a statement'
        >>> find_via("Ortiz told the Observer"), find_via("in an interview with the Boston Globe")
        ('Observer', 'Boston Globe')
    """
    first = _FIRST_WORD.match(clause)
    if first is not None and first.group(1).lower() in _LEAD_WORDS:
        at = first.start(1)  # "In a statement, ...": the sentence's capital is no name
        clause = clause[:at] + clause[at].lower() + clause[at + 1 :]
    best: Optional[tuple[int, str]] = None
    for patterns in (_PATTERNS, _DOCUMENT_PATTERNS):
        for pattern, group in patterns:
            m = pattern.search(clause)
            if m and (best is None or m.start(group) < best[0]):
                value = re.sub(r"\s+", " ", m.group(group)).strip()
                best = (m.start(group), value)
        if best is not None:
            break
    if best is None:
        return None
    value = best[1]
    if value.lower() in _ARTICLE_FOR:
        return _ARTICLE_FOR[value.lower()]
    bare = re.sub(r"^the\s+", "", value)
    if bare in _KNOWN:
        return bare
    masthead = _MASTHEAD_NAME.fullmatch(value)
    if masthead:
        return masthead.group("paper")  # "told the Observer": the paper's name, without the article
    return _channel_name(value)

"""Channels: the medium a statement came through (``via``).

:func:`find_via` reads the attribution clause around a cue and returns the
channel it names: a news agency or outlet (``told Reuters``, ``in comments to
Interfax``, ``KCNA quoted``), a platform (``wrote on Telegram``) or a document
(``in a statement``). Generic audiences (``told reporters``) are not channels.
"""

from __future__ import annotations

import re
from typing import Optional

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
_OUTLET_NP = (
    r"(?:(?:the\s+)?(?:[A-Z][\w'\-]*\s+){0,3}(?:news\s+agency|newspaper|broadcaster|"
    r"television|TV|radio|channel|magazine|outlet)|" + _CHANNEL_ALT + r")"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), group)
    for p, group in (
        (r"\b(?:told|telling|tells|tell)\s+(?:the\s+)?(?:[A-Z][\w]*'s\s+)?(?P<ch>" + _OUTLET_NP + r")(?![\w])", "ch"),
        (r"\b(?:in|during)\s+(?:an?\s+)?(?:interview|comments?|remarks|conversation)\s+(?:to|with)\s+(?:[A-Z][\w]*'s\s+)?(?P<ch>" + _OUTLET_NP + r")(?![\w])", "ch"),
        (r"\b(?:quoted|cited)\s+by\s+(?:[A-Za-z]+\s+){0,4}?(?P<ch>" + _CHANNEL_ALT + r")(?![\w])", "ch"),
        (r"(?P<ch>" + _CHANNEL_ALT + r")\s+(?:quoted|cited)\s+", "ch"),
        (r"\baccording\s+to\s+(?P<ch>" + _CHANNEL_ALT + r")(?![\w])", "ch"),
        (r"(?:^|[,;]\s*)(?P<ch>" + _CHANNEL_ALT + r")\s+(?:reports|reported)\b", "ch"),
        (r"\b(?:on|via|to)\s+(?:(?:his|her|their|its|the)\s+)?(?:official\s+)?(?P<ch>Telegram|Twitter|X|Facebook|Instagram|Truth\s+Social|YouTube|TikTok|VKontakte|Weibo|WeChat|social\s+media|state\s+(?:television|TV|media)|television|radio)(?:\s+(?:channel|account|page|post))?(?![\w])", "ch"),
        (r"\bin\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?(?P<ch>statement|post|press\s+release|video\s+address|address|communiqu[eé]|letter|op-ed|tweet)\b", "ch"),
        (r"\b(?:a|an|the)\s+(?P<ch>statement)\s+(?:released|issued|published|posted)\b", "ch"),
    )
)
_ARTICLE_FOR = {"statement": "a statement", "post": "a post", "press release": "a press release",
                "video address": "a video address", "address": "an address", "letter": "a letter",
                "tweet": "a tweet", "op-ed": "an op-ed"}


def find_via(clause: str) -> Optional[str]:
    """Return the channel named in an attribution clause, or ``None``.

    Args:
        clause: The text of the attribution (speaker, cue and what follows them),
            normalised; the quote's own content must not be part of it.

    >>> find_via("Yermak wrote on Telegram, referring to the drones.")
    'Telegram'
    >>> find_via("he told Russia's Interfax news agency")
    'Interfax'
    >>> find_via("Putin said in a statement released by the Kremlin.")
    'a statement'
    >>> find_via("KCNA quoted Kim as saying") , find_via("Peskov told reporters")
    ('KCNA', None)
    """
    best: Optional[tuple[int, str]] = None
    for pattern, group in _PATTERNS:
        m = pattern.search(clause)
        if m and (best is None or m.start(group) < best[0]):
            value = re.sub(r"\s+", " ", m.group(group)).strip()
            best = (m.start(group), value)
    if best is None:
        return None
    value = best[1]
    if value.lower().startswith("the ") and value[4:5].isupper():
        value = value[4:]
    short = re.sub(r"\s+(?:news\s+agency|newspaper|broadcaster|television|TV|channel|outlet)$", "", value)
    if short and short[0].isupper() and short != value:
        value = short
    if value.lower().startswith("the ") and value[4:5].isupper():
        value = value[4:]
    return _ARTICLE_FOR.get(value.lower(), value)

"""Speakers: noun phrases, names, pronouns and the channel a statement came through.

[`SpeakerResolver`][quotes.speakers.resolver.SpeakerResolver] turns a mention into a
canonical name, a role and a type, resolving pronouns and short names against
the article's earlier speakers (`quotes.speakers.anaphora`,
`quotes.speakers.names`, `quotes.speakers.gender`);
[`quotes.speakers.channels`][] finds the channel (``via``).
"""

from quotes.speakers.noun_phrase import NounPhrase, not_a_speaker, scan_left, scan_right
from quotes.speakers.resolver import SpeakerResolver
from quotes.text.tokens import (  # re-exported: callers import them from quotes.speakers
    TOKEN_RE,
    tokens,
)

__all__ = [
    "TOKEN_RE",
    "NounPhrase",
    "SpeakerResolver",
    "not_a_speaker",
    "scan_left",
    "scan_right",
    "tokens",
]

"""A possessive mention (``Whitfield's memoir``) names its owner, never ``Whitfield's``; a
hyphenated descriptor (``Texas-based Matt Lorne``) is no part of a name either.

Made-up sentences (`quotes.speakers.resolver.SpeakerResolver.resolve`): the owner's
canonical name is read without the possessive and the mention stays as written; before a
word for a person (``Whitfield's husband``) the owner is not the speaker and the phrase is
left as it was.
"""

from __future__ import annotations

from quotes.models import SpeakerType
from quotes.speakers.resolver import NounPhrase, SpeakerResolver

TEXT = (
    "Dana Whitfield left the campaign in May. Whitfield's memoir came out. "
    "Whitfield's husband spoke."
)
STARTS = [0, TEXT.index("Whitfield's memoir"), TEXT.index("Whitfield's husband")]


def _resolve(phrase_at: int, length: int):
    resolver = SpeakerResolver(TEXT, TEXT, [(0, len(TEXT))])
    np = NounPhrase(phrase_at, phrase_at + length, TEXT[phrase_at:phrase_at + length])
    return resolver.resolve(np, at=phrase_at, sentence_starts=STARTS)


def test_possessive_names_its_owner():
    at = TEXT.index("Whitfield's memoir")
    sp = _resolve(at, len("Whitfield's"))
    assert sp is not None
    assert (sp.name, sp.type, sp.mention) == ("Dana Whitfield", SpeakerType.PERSON, "Whitfield's")
    assert (sp.start, sp.end) == (at, at + len("Whitfield's"))


def test_possessive_before_a_person_word_is_left_alone():
    at = TEXT.index("Whitfield's husband")
    sp = _resolve(at, len("Whitfield's"))
    assert sp is None or sp.name != "Dana Whitfield"


def test_a_hyphenated_descriptor_is_no_part_of_the_name(fast):
    text = (
        'Matt Lorne has run three campaigns in Texas. "He is cratering," said '
        "Texas-based Matt Lorne, a Republican strategist."
    )
    (q,) = [q for q in fast.extract(text) if "cratering" in q.text]
    assert q.speaker is not None and q.speaker.name == "Matt Lorne"


def test_a_possessive_inside_a_capitalised_run_ends_a_full_name(fast):
    text = (
        "Voters weighed Martin Keller's Germany against the past. "
        '"We have done our part," Mr. Keller said.'
    )
    assert [q.speaker.name for q in fast.extract(text)] == ["Martin Keller"]


def test_a_headline_in_title_case_is_not_split_at_a_possessive(fast):
    text = (
        "Senator Calls Keller's Plan Reckless And Costly\n"
        'Martin Keller spoke in Berlin on Monday. "It works," Keller said.'
    )
    assert [q.speaker.name for q in fast.extract(text)] == ["Martin Keller"]


def test_a_possessive_name_with_initials_is_no_antecedent(fast):
    text = (
        "Martin Keller spoke in Berlin on Monday. Many voters fear Vladimir V. Putin's "
        'government. "It is a threat," he said.'
    )
    assert [q.speaker.name for q in fast.extract(text)] == ["Martin Keller"]

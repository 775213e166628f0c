"""Complements of a cue word that are no statement: the word is used in a sense that reports nothing.

[`quotes.attribution.report_build.build`][] asks `not_a_statement` before it makes a
reported quote. Each family was read on PolNeAR train (fast backend, reports the rules
made: how many, how many had exactly the gold content), and is left out because its
reports were almost never attributions:

* a verb of finding with a reflexive object: ``X found himself in a race`` (14 reports,
  none right);
* a verb of finding with ``ways`` or ``a way`` after it: ``X found ways to press his agenda``,
  ``found a way to make it so`` is what X managed, not a finding (6 reports, none right; no
  gold content of train after a verb of finding opens so);
* a verb of saying used with a plain noun phrase in another sense: ``maintained his lead``,
  ``added a voice to the record`` (20 reports, 1 right);
* a naming participle after an indefinite noun phrase: ``a group called Black Votes
  Matter``, ``a show called "Brokers"``: the name is no content (19 reports, none right);
* a verb whose noun-phrase complement is no content: ``posted messages on Facebook``,
  ``continued his push``, ``seemed rattled by the attacks``, ``appeared headed for a
  contest``, ``celebrated his birthday``, ``embraced``, ``emailed Mills the list`` (43
  reports with no clause, none right; with a clause they keep it: ``seemed to C``);
* ``requested anonymity to discuss ...``: the source's condition, not a statement (4, none);
* a complement that opens with a particle of a phrasal verb: ``showed up at the rally``,
  ``added up to $8 million``, ``was backing down from``, ``knocked out a pillar`` (20
  reports, none right; no gold content of train opens with ``up``, ``down``, ``out``,
  ``off``, ``ahead`` or ``away``, one of 19,832 with ``back``). The particles of cues
  (``called for``, ``pointed out``) are read into the cue before, and ``up to`` a number
  (``expected up to 250,000 people``) is a quantity, not a particle;
* any report by ``felt``, ``feels`` or ``knew`` (41 reports, 1 right; see `_RARELY_REPORTED`).

``X said that C``, ``X found that C``, ``X called the plan "reckless"``, ``X maintained
that C`` keep their content.
"""

from __future__ import annotations

import re

from quotes.attribution.report_content_text import PAST_VERB, names_no_clause
from quotes.attribution.report_cues import GOING_ON

__all__ = ["names_nobody", "not_a_statement"]

#: Reflexive pronouns: ``found himself`` names where someone ended up, not a finding.
_REFLEXIVES = frozenset(
    "himself herself itself themselves myself ourselves yourself yourselves oneself".split()
)
#: Verbs of feeling and knowing in the past that report no attribution PolNeAR marks: on
#: train, 41 reports by ``felt``, ``feels`` and ``knew`` (as cue-first, content-first),
#: 1 exactly right, token overlap 43 % (``felt blindsided``, ``knew Meles well``, ``felt
#: they should drop out`` inside another cue's content). ``feel``, ``know``, ``think`` stay
#: (8 of 19, 16 of 42, 6 of 26).
_RARELY_REPORTED = frozenset("felt feels knew".split())
#: ``ways`` or ``a way`` after a verb of finding: what someone managed (``found ways to C``).
_A_WAY = re.compile(r"\s*(?:(?:new|other|several|many|creative)\s+)?(?:ways|a\s+way)\b", re.I)
#: Verbs of finding (``X found C``).
_FINDING = frozenset("find finds found finding".split())
#: Verbs of saying that take a plain noun phrase in a sense that is no saying: ``maintained
#: his lead``, ``added a voice``. Measured on PolNeAR train (reports with a noun phrase and
#: no clause, exactly right / all): maintain 0/10, add 1/10. Not ``claim`` (2/9: PolNeAR
#: counts ``claiming victory``) nor ``write`` (3/17: ``wrote a check``).
_NOUN_SENSE = frozenset("maintain maintains maintained maintaining add adds added adding".split())
#: Verbs whose complement is content only as a clause: a noun phrase after them (``posted
#: messages``, ``continued his push``, ``seemed rattled``) is what they did or looked like.
_CLAUSE_ONLY = frozenset(
    """post posts posted posting seem seems seemed seeming appear appears appeared appearing
    continue continues continued continuing celebrate celebrates celebrated celebrating
    embrace embraces embraced embracing email emails emailed emailing""".split()
)
# ``continued to <verb>`` (`GOING_ON`): a verb of saying joins the cue
# (`report_cues.chained_cue`); any other verb is what X went on doing (PolNeAR train: 34
# reports, 1 right, before the chain).
#: Particles of phrasal verbs that are no verb of saying (``showed up``, ``backed down``).
_PARTICLE_OPENERS = frozenset("up down out off ahead away back".split())
#: ``up to`` a number: a quantity (``up to 250,000 people``), not the particle ``up``.
_UP_TO_NUMBER = re.compile(r"up\s+to\s+(?:\$|\d)", re.I)
#: Naming participles, right after the noun they name (``a group called X``).
_NAMING_PARTICIPLES = frozenset("called dubbed named titled".split())
#: The rules whose content is the cue's complement.
_COMPLEMENT_RULES = frozenset({"cue-first", "object"})
#: An indefinite noun phrase right before the participle (``a new super PAC``).
_INDEFINITE = re.compile(r"(?<![\w'’-])(?:an?|another)(?:\s+[\w'’-]+){1,4}\s*$", re.I)


def not_a_statement(rule: str, cue: str, content: str, before: str) -> bool:
    """Whether the complement ``content`` of ``cue`` reports nothing.

    Args:
        rule: The ``reported`` rule that read it; only a cue's complement (``cue-first``,
            ``object``) is judged, but a report by ``felt``, ``feels`` or ``knew`` never is one.
        cue: The cue's text (its verb group: ``has found``).
        content: The content read after the cue.
        before: The text of the sentence before the cue.

    Examples:
        >>> not_a_statement("cue-first", "found", "himself in a tight race", "The senator ")
        True
        >>> not_a_statement("cue-first", "has found", "ways to press his agenda", "The senator ")
        True
        >>> not_a_statement("cue-first", "found", "that the wall was unsafe", "The inspectors ")
        False
        >>> not_a_statement("cue-first", "maintained", "his lead in the polls", "Smith")
        True
        >>> not_a_statement("cue-first", "maintained", "the vote was rigged", "Smith")
        False
        >>> not_a_statement("cue-first", "seemed", "rattled by the attacks", "He ")
        True
        >>> not_a_statement("content-first", "felt", "the talks had failed", "He ")
        True
        >>> not_a_statement("cue-first", "showed", "up at the harbour on Friday", "The mayor ")
        True
        >>> not_a_statement("cue-first", "called", "Harbour Watch", "They formed a new group")
        True
        >>> not_a_statement("cue-first", "called", "the plan reckless", "The mayor")
        False
    """
    words = cue.lower().split()
    if not _RARELY_REPORTED.isdisjoint(words):
        return True  # "he felt slighted", "he knew Meles well"
    if rule not in _COMPLEMENT_RULES or not words:
        return False
    first = content.split(None, 1)[0].lower().strip("\"'“‘”’") if content.strip() else ""
    if not _FINDING.isdisjoint(words) and (first in _REFLEXIVES or _A_WAY.match(content)):
        return True  # "found himself in a race", "found ways to press his agenda"
    if first == "anonymity":
        return True  # "who requested anonymity to discuss C"
    if first in _PARTICLE_OPENERS and not _UP_TO_NUMBER.match(content.lstrip()):
        return True  # "showed up at the rally", "added up to a series of reversals"
    if (not _NOUN_SENSE.isdisjoint(words) or words[-1] in _CLAUSE_ONLY) and names_no_clause(content):
        return True
    if words[-1] in GOING_ON and first == "to":
        return True  # "continued to build the wall": what X did (a verb of saying is in the cue)
    return _names_a_thing(words, content, before)


def _names_a_thing(words: list[str], content: str, before: str) -> bool:
    """``a group called Black Votes Matter``: a participle naming its noun, no report.

    Only the bare participle (no auxiliary: ``a group has called ...`` is a verb) after an
    indefinite noun phrase, with a name after it (a capital or a quotation mark).
    """
    if len(words) != 1 or words[0] not in _NAMING_PARTICIPLES:
        return False
    if _INDEFINITE.search(before) is None:
        return False
    opening = content.lstrip()[:1]
    return opening.isupper() or opening in "\"'“‘"


def short_clause(content: str) -> bool:
    """``sales rose``, ``it failed``: a two-word content that is a clause, a subject and its past verb.

    Content under three words is too short to report (`quotes.attribution.report_build.MIN_WORDS`:
    ``told reporters``, ``to comment``), except such a clause: ``Procter and Gamble said
    sales rose`` states as much as ``... said that sales rose``.

    Examples:
        >>> short_clause("sales rose"), short_clause("it failed")
        (True, True)
        >>> short_clause("to comment"), short_clause("the proposed"), short_clause("Lee unqualified")
        (False, False, False)
    """
    m = PAST_VERB.fullmatch(content)
    # "Clinton unqualified": an un-...-ed form is an adjective, no verb
    return len(content.split()) == 2 and m is not None and not m.group(2).startswith("un") and not names_no_clause(content)


#: Words that open a sentence and name nobody: adverbs and prepositions
#: (``Along with her husband, she ...``, ``Back at the house, he ...``) and a pronoun
#: contracted with its verb (``It's grimly funny to watch X insist C``). Read before a
#: cue as its subject, they stand for a speaker the reader cannot have: on PolNeAR
#: train 5 reports had one (``It's`` 3, ``Along``, ``Back``); 4 aligned with a gold
#: content, each with another gold source (``she``, ``Sanders``, ``who``).
_NO_SPEAKER_WORD = re.compile(
    r"(?:along|alongside|back|also|then|here|there|now|still|just|even|only|however|instead|again|"
    r"later|earlier|meanwhile|indeed|thus|perhaps|maybe|(?:it|that|there|what|here|this)['’](?:s|re|ll|d))",
    re.I,
)


#: A short noun phrase whose head is an occasion, not someone: ``the debate``, ``a March
#: speech``, ``the Lee interview``, ``the record`` (``went on the record endorsing X``).
#: Read as the subject of a report (``Lee went after Cruz at the debate refusing to C``,
#: ``opened a Tampa rally blasting X``), it is where or when the speaker spoke: on
#: PolNeAR train 15 reports had one: 7 aligned with a gold content of another source, 3
#: with one whose gold has no source, 2 unaligned, 1 inside the gold source (``Democrats
#: who watched the debate said C``), and 2 with it as the gold source (``The debate revealed
#: C``, ``the rally denounced X``).
_OCCASION = re.compile(
    r"(?:(?:a|an|the|his|her|their|its|this|that|[\w.]+['’]s)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:speech|speeches|debates?|rally|rallies|interviews?|events?|conferences?|hearings?|races?|"
    r"record|meetings?|summits?|appearances?|visits?|trips?|tours?|ceremony|ceremonies|"
    r"dinners?|fundraisers?)",
    re.I,
)


def names_nobody(mention: str) -> bool:
    """Whether a speaker mention names nobody: a word such as ``Along`` or ``It's``, an occasion.

    Such a report keeps its content but loses its speaker: a wrong speaker is worse
    than none.

    Examples:
        >>> names_nobody("Along"), names_nobody("It’s"), names_nobody("That's")
        (True, True, True)
        >>> names_nobody("the debate"), names_nobody("a March speech"), names_nobody("the record")
        (True, True, True)
        >>> names_nobody("One"), names_nobody("she's"), names_nobody("the debate moderator")
        (False, False, False)
        >>> names_nobody("radio ads"), names_nobody("Ann Lee")
        (False, False)
    """
    mention = mention.strip()
    return bool(_NO_SPEAKER_WORD.fullmatch(mention) or _OCCASION.fullmatch(mention))

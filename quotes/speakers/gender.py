"""Grammatical gender of a person mention, for pronoun agreement (``he`` / ``she``).

Only clear evidence counts: an honorific (``Mr.``, ``Ms.``), a gendered role noun
(``spokeswoman``, ``chairman``) or a common given name that is rarely used for the
other gender. Everything else is unknown (``None``), and an unknown gender never
blocks an antecedent: the check can only stop a pronoun from taking a person of
the other gender, never pick one.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

__all__ = ["Gender", "gender_of", "honorific_gender", "known_given_name"]

Gender = Literal["male", "female"]


def _names(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` as a set."""
    return frozenset(text.lower().split())


#: Given names read as male (common in English-language news, and in the world news
#: it reports); names used for both (Jordan, Kim, Alex, Jean, Andrea) are in neither list.
_MALE = _names(
    """aaron abdul abdullah abraham adam adrian ahmed ahmad alan albert alejandro alexander
    alexandre alexei alexey ali alfred allen andre andrei andrew andriy andrzej angus anthony
    antonio antony arnold arthur barack barry ben benjamin benny bernard bernie bill billy bob
    bobby boris brad bradley brandon brett brian bruce bryan carl carlos charles charlie chris
    christopher chuck clarence colin craig curtis dale dan daniel danny darren dave david dean
    dennis derek devin dick dmitri dmitry dmytro don donald doug douglas dwight earl ed eddie
    edward elon emmanuel enrique eric erik ernest eugene evan fernando francis francisco frank
    franklin fred frederick friedrich gary gavin gene geoffrey george gerald gerhard
    giorgos giuseppe glenn gordon graham greg gregory guy hakeem hans harold harry hassan henry
    herbert howard hugh hunter ian igor isaac ivan jack jacob jake james jared jason
    javier jay jeb jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joe joel john johnny
    jon jonathan jorge jose joseph josh joshua juan julian justin karl keir keith ken kenneth
    kevin kirill klaus kurt kyle lamar larry lawrence leon leonard lloyd
    louis luis luke marco marcus mario mark martin matt matthew maurice max michael miguel mike
    mikhail mitch mitchell mohammed mohammad muhammad nathan neil nicholas nick nicolas nigel
    nikolai norman oleg oleksandr oliver olaf omar oscar owen pablo patrick paul pedro pete peter
    petro phil philip philippe pierre rafael ralph ramzan randy raul ray raymond recep reginald
    rex ricardo richard rick rishi rob robert roberto rodrigo roger roland ron ronald rudolph rudy
    russell ryan salman sam samuel scott sean serge sergei sergey serhii sergio seth shawn
    sheldon sigmar simon stanley stefan stephen steve steven stuart ted terry theodore thomas tim
    timothy todd tom tommy tony travis troy tucker valery vasily victor viktor vincent vitali
    vitaly vladimir vladislav volodymyr walter warren wayne wesley will william willie wolfgang
    xavier xi yevgeny yuri yury zachary"""
)
_FEMALE = _names(
    """abigail adriana agnes alexandra alexandria alice alicia alina alison amanda amber amy
    ana anastasia angela angelina anita ann anna anne annalena annie antonia april barbara
    beatrice betsy betty beverly brenda bridget brittany carla carly carmen carol caroline
    carolyn catherine cathy charlotte cheryl christina christine cindy claire claudia colleen
    condoleezza cynthia daria darya deborah debbie debra denise diana diane dianne donna doris
    dorothy edith elaine eleanor elena elisabeth elise eliza elizabeth ella ellen emily emma erin
    eva evelyn fiona frances gabriela gabrielle giorgia gloria grace gretchen hannah harriet
    heather heidi helen helena hillary holly ilhan irene iryna isabel isabella jacqueline jane
    janet janice jeanne jennifer jessica jill joan joanna jodi joni josephine joy joyce judith
    judy julia julie karen karin kate katherine kathleen kathryn kathy katie kay kayleigh kelly
    kirsten kristen kristi kristin kristina kristine laura lauren leslie liz lisa liudmyla
    lorraine louise lucy ludmila lyudmila madeleine maggie maria marie marina marine marjorie
    martha mary maxine megan melania melissa mia michelle mikaela monica nadia nadine nancy
    naomi natalia natalie nataliya natasha nicola nicole nikki nina nora olena olga olivia paige
    pamela patricia paula pauline penny priti rachel rashida rebecca regina rita roberta rosa
    rose ruth sabrina sally samantha sandra sara sarah sharon sheila shirley sophia sophie
    stacey stephanie susan suzanne svetlana sylvia tamara tammy tanya teresa theresa tiffany
    tina tulsi tracy ulla ursula valentina valerie vanessa veronica victoria virginia wendy
    yulia yuliia zelda zoe"""
)
_MALE_WORDS = _names(
    """mr mr. sir lord king prince father brother son husband uncle nephew grandfather
    spokesman chairman congressman councilman businessman policeman fireman sportsman
    anchorman alderman assemblyman committeeman serviceman statesman frontman"""
)
_FEMALE_WORDS = _names(
    """mrs mrs. ms ms. miss madam lady dame queen princess mother sister daughter wife aunt niece
    grandmother widow spokeswoman chairwoman congresswoman councilwoman businesswoman
    policewoman sportswoman anchorwoman alderwoman assemblywoman actress"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-]*")
#: Words that open the part of a role about someone else (``spokeswoman for Mr. Trump``).
_ROLE_ABOUT_OTHERS = frozenset("for of to at with in on from by who whose".split())


def _word_gender(words: list[str]) -> Optional[Gender]:
    """The gender of lower-case honorifics and role nouns among ``words``, if only one."""
    male = any(w in _MALE_WORDS for w in words)
    female = any(w in _FEMALE_WORDS for w in words)
    if male == female:
        return None  # none, or "Mr. and Mrs. Smith": both
    return "male" if male else "female"


def honorific_gender(words: list[str]) -> Optional[Gender]:
    """The gender of a run of words before a name (``Mrs.``, ``Kremlin spokesman``).

    Examples:
        >>> honorific_gender(["Mrs."]), honorific_gender(["Kremlin", "spokesman"])
        ('female', 'male')
        >>> honorific_gender(["Sen."]) is None
        True
    """
    return _word_gender([w.lower() for w in words])


def gender_of(name: str, mention: str = "", role: Optional[str] = None) -> Optional[Gender]:
    """The gender that ``he``/``she`` would need to refer to this person, if clear.

    Evidence comes from the words of ``mention`` before the name (honorifics, role
    nouns), the words of ``role`` before a preposition (``spokeswoman`` of
    ``spokeswoman for Mr. Trump``) and the first given name. Evidence that
    disagrees (``Mrs. Bill Clinton``) gives ``None``.

    Args:
        name: The canonical name (``Angela Merkel``).
        mention: The mention as written (``Ms. Merkel``), for honorifics.
        role: The role the article gives (``spokeswoman for the ministry``).

    Examples:
        >>> gender_of("Angela Merkel"), gender_of("Emmanuel Macron"), gender_of("Kim Jong Un")
        ('female', 'male', None)
        >>> gender_of("Smith", mention="Ms. Smith"), gender_of("Lee", role="Pentagon spokesman")
        ('female', 'male')
        >>> gender_of("Martha King", mention="Martha King")
        'female'
        >>> gender_of("Bill Clinton", mention="Mrs. Bill Clinton") is None
        True
        >>> gender_of("Hope Hicks", role="spokeswoman for Mr. Trump")
        'female'
    """
    name_words = [w.lower() for w in _WORD.findall(name)]
    words = [w.lower() for w in _WORD.findall(mention)]
    if name_words and name_words[0] in words:
        words = words[: words.index(name_words[0])]  # only what comes before the name
    else:
        words = [w for w in words if w not in name_words]
    for w in (w.lower() for w in _WORD.findall(role or "")):
        if w in _ROLE_ABOUT_OTHERS:
            break
        words.append(w)
    evidence = {g for g in (_word_gender(words), _first_name_gender(name_words)) if g}
    return evidence.pop() if len(evidence) == 1 else None


def _first_name_gender(name_words: list[str]) -> Optional[Gender]:
    """The gender of the first given name (lower case), if the lists know it."""
    first = name_words[0] if name_words else ""
    if first in _MALE:
        return "male"
    if first in _FEMALE:
        return "female"
    return None


def known_given_name(word: str) -> bool:
    """``word`` is a given name the gender lists know (``Charlie``, ``Steve``; any case).

    Examples:
        >>> known_given_name("Charlie"), known_given_name("King")
        (True, False)
    """
    low = word.lower()
    return low in _MALE or low in _FEMALE

"""Where the content of a reported clause starts and ends.

Used by [`quotes.attribution.reported`][] and the forms that place a content
(`quotes.attribution.report_placement`, `quotes.attribution.report_forms`).
`content_after` finds where the content starts after a cue (PolNeAR's
convention: a complementiser ``that`` opens it, a time or channel phrase before it
is skipped), `clause_end` where it stops (a clause break, a new report),
`content_limit` the direct quote it may not run into, and
`participle_after` / `participle_at` a participle cue (``citing``,
``adding``) that opens a report of its own right after a cue or a speaker. What the
content's text holds, and its ends trimmed, is in
`quotes.attribution.report_content_text`.
"""

from __future__ import annotations

import bisect
import re

from quotes.attribution.report_cue_use import channel_adjunct_end, in_adjunct
from quotes.attribution.report_cues import SAY_LIKE, reporting_kind
from quotes.document import Document
from quotes.text.intervals import starting_in
from quotes.text.tokens import Token
from quotes.lexicon import REPORTING_VERBS, WEEKDAYS

__all__ = [
    "ANSWER",
    "clause_end",
    "comma_before",
    "comma_between",
    "content_after",
    "content_limit",
    "coordinated_report",
    "fragment_end",
    "participle_after",
    "participle_at",
]

#: How many tokens after a cue are searched for the ``that`` that opens its content.
_SKIP_TOKENS = 12
#: Words that cannot open the content of a cue (``said to``, ``spoke of``, ``said nothing``).
_NOT_CLAUSE_START = frozenset(
    """to for of with by about on in at from into and or but as so than nothing yes no very
    too""".split()
)
#: A short answer that is the whole content of a verb of saying, up to the end of its
#: clause or an adjunct: ``said yes.``, ``said no, but``, ``said so in December``, ``said the
#: same while``, ``said the opposite``.
ANSWER = re.compile(
    r"(?:yes|no|so|not\s+so|the\s+same|the\s+opposite)"
    r"(?=\s*(?:[.,;!?]|$|(?:while|but|and|compared|whereas|in|on|at|during|publicly|too|again|"
    r"last|this)\b))",
    re.I,
)
#: Object pronouns skipped after a verb that takes an object (``urged him to``).
_OBJECT_PRONOUNS = frozenset("him her them us me you".split())
#: First words of an adjunct between a cue and its ``that`` (``said on Tuesday in a statement``).
_ADJUNCT_START = frozenset(
    """in on at during after before to for from with via through over earlier later last this late
    repeatedly again also publicly privately recently then yesterday today tonight""".split()
)
#: A time phrase right after a cue (``said Tuesday``, ``said late on Monday``, ``said two days
#: ago``), with its comma.
_TIME_PHRASE = re.compile(
    r"(?:(?:(?:on|last|this|late|early|earlier|on\s+the|(?:late|early|earlier)\s+on)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|week|"
    r"weekend|month|year|night|morning|"
    r"afternoon|evening)\b(?:\s+(?:night|morning|afternoon|evening))?"
    r"|(?:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|some|\d+)\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|before))\s*,?\s*",
    re.I,
)


def content_after(
    ctx: Document, toks: list[Token], k: int, say_like: bool, object_taking: bool = False
) -> int | None:
    """Offset where the reported content starts after the cue, which ends at token ``k``.

    A complementiser ``that`` within the next few words starts the content
    (PolNeAR's convention: ``said [that the talks failed]``); so does the first
    word after a time phrase (``said Tuesday the ...``) or right after the cue.

    Args:
        ctx: The article.
        toks: The tokens of the sentence.
        k: The last token of the cue.
        say_like: Whether the cue is a verb of saying (``said to`` opens no content).
        object_taking: Whether the cue takes an object first (``told the crowd that``).
    """
    going_on = participle_after(toks, k, len(ctx.norm), toks[k][0].lower())
    if going_on is not None:  # "reported citing two sources that C": C; else the participle has it
        that = _that_after(toks, going_on, len(ctx.norm))
        return that if that is not None and that > toks[going_on][2] + 1 else None
    rest = toks[k + 1 : k + 1 + _SKIP_TOKENS]
    if object_taking and toks[k][0].lower().startswith("ask"):
        question = _question_after_object(rest)
        if question is not None:  # "asked Sanders how he was feeling": the question
            return question
    # Jump to a "that" only over an adjunct ("said on Tuesday in a statement that"),
    # never over the subject of the reported clause ("said he doubted that ...").
    if object_taking and rest and rest[0][0].lower() in _OBJECT_PRONOUNS:
        if _infinitive_follows(rest[1:]):
            return rest[0][1]  # "urged him to resign": PolNeAR's content is "him to resign"
        rest = rest[1:]  # "asked them whether ...", "warned him that ..."
    adjunct = bool(rest) and (
        object_taking
        or rest[0][0].lower() in _ADJUNCT_START
        or rest[0][0] == ","
        or _TIME_PHRASE.match(ctx.norm, rest[0][1]) is not None
    )
    for n, (word, a, _b) in enumerate(rest):
        low = word.lower()
        if low == "that":
            if n == 0 or adjunct:
                return a
            break
        if word in (".", ";", "?", "!", "“", '"', "—", "–", "-"):
            break
        if reporting_kind(word) is not None and not (
            adjunct and n > 0 and in_adjunct(rest[n - 1][0], low)
        ):
            break
    if not rest:
        return None
    return _first_content_word(ctx, rest, say_like)



def _infinitive_follows(rest: list[Token]) -> bool:
    """Whether ``rest`` opens with ``to`` or ``not to`` (``urged him [not] to resign``).

    PolNeAR keeps the object pronoun in such a content (train: 10 of 14 after ``urged``,
    ``asked``, ``called on``, ``challenged`` and the like), not the ``that`` of
    ``warned him that``, whose content is the clause.
    """
    words = [w.lower() for w, _a, _b in rest[:2]]
    return words[:1] == ["to"] or words == ["not", "to"]


#: Words that open an indirect question (``asked them whether``, ``asked Sanders how``).
_QUESTION_WORDS = frozenset("whether if how why what when where who which".split())


def _question_after_object(rest: list[Token]) -> int | None:
    """Where a question starts after the object of ``asked`` (``asked Sanders how C``), or ``None``.

    The object (up to five words, no punctuation or cue word) is the one asked, not the
    content, as in PolNeAR.
    """
    for n, (word, a, _b) in enumerate(rest[:6]):
        if word.lower() in _QUESTION_WORDS:
            return a if n > 0 else None
        if not word[:1].isalnum() or reporting_kind(word) is not None:
            return None
    return None


def _first_content_word(ctx: Document, rest: list[Token], say_like: bool) -> int | None:
    """Where content with no ``that`` starts in ``rest``, the tokens after a cue, or ``None``."""
    m = _TIME_PHRASE.match(ctx.norm, rest[0][1])
    if m and m.end() > rest[0][1]:
        after = [t for t in rest if t[1] >= m.end()]
        if not after or after[0][0] in (".", ";"):
            return None
        rest = after
    first = rest[0][0]
    low = first.lower()
    if first in (":", ","):
        if len(rest) < 2 or not rest[1][0][:1].isalnum() or reporting_kind(rest[1][0]) is not None:
            return None  # "declined, citing ...": the next cue has the content
        return rest[1][1]
    if not first[:1].isalnum() and first not in ("‘", "'", "“", '"'):
        return None
    at_least = low == "at" and len(rest) > 1 and rest[1][0].lower() in ("least", "most")
    if say_like and ANSWER.match(ctx.norm, rest[0][1]):
        return rest[0][1]  # "72 percent said yes while ...", "Trump said so.": the answer
    if low in _NOT_CLAUSE_START and not (low == "to" and not say_like) and not at_least:
        return None
    if reporting_kind(first) is not None:  # "reported citing ...": another cue, not content
        return None
    return rest[0][1]


def participle_after(toks: list[Token], last: int, limit: int, host: str) -> int | None:
    """The index of a participle cue that opens a new report right after the cue at ``last``.

    ``CNN reported citing an official``, ``the ministry said, adding that ...``,
    ``X wrote on Tuesday citing Y``: a comma, or a time phrase of up to three
    words, may stand between, or a channel and its comma (``said in a statement,
    adding``). PolNeAR reads ``citing Y`` as an attribution of its
    own with the same source. Without a comma the cue ``host`` must be a verb that
    takes no gerund (``said``, ``reported``), as ``acknowledged urging staff to``
    or ``denied saying it`` report the gerund itself.
    """
    n = last + 1
    comma = n < len(toks) and toks[n][0] == ","
    if comma:
        n += 1
    elif host not in _NO_GERUND:
        return None
    else:
        n = channel_adjunct_end(toks, n) or n  # "said in a statement, adding that C"
    for m in range(n, min(n + 4, len(toks))):
        word, a, _b = toks[m]
        if a >= limit:
            return None
        if word.islower() and word.endswith("ing") and len(word) > 5 and reporting_kind(word):
            return m
        if m > n and word == ",":
            continue
        if not (word.lower() in _TIME_BEFORE_PARTICIPLE or word.lower() in WEEKDAYS):
            return None
    return None


def participle_at(ctx: Document, at: int, hi: int) -> int | None:
    """The offset of a participle cue right after ``at`` (``said Reuters, citing``), or ``None``."""
    m = re.match(r"\s*,?\s*([a-z]{3,}ing)\b", ctx.norm[at:hi])
    if m is None or reporting_kind(m.group(1)) is None:
        return None
    return at + m.start(1)


#: Cue verbs whose next word, when a participle, opens a new clause (``said citing``).
_NO_GERUND = frozenset(
    """say says said report reports reported write writes wrote state states stated add adds
    added tell tells told tweet tweets tweeted""".split()
)
#: Words of a short time phrase between a cue and a participle (``said on Tuesday citing``).
_TIME_BEFORE_PARTICIPLE = frozenset(
    "on last this late early earlier later today yesterday tonight week night".split()
)


def _that_after(toks: list[Token], at: int, limit: int) -> int | None:
    """Where a ``that`` clause starts within a few words after the participle at ``at``."""
    for word, a, _b in toks[at + 1 : at + 1 + _SKIP_TOKENS]:
        if a >= limit or word in (".", ";", "?", "!", "“", '"'):
            return None
        if word.lower() == "that":
            return a
    return None


def content_limit(blocked: list[tuple[int, int]], start: int, hi: int, memo: dict | None = None) -> int:
    """Where content that starts at ``start`` must stop: the sentence end or a direct quote.

    With ``memo`` (`Document.memo`) the starts of ``blocked`` are sorted once per article
    and bisected, instead of read in full for every cue.
    """
    if memo is not None:
        inside = starting_in(blocked, start, hi, memo)
        return inside[0][0] if inside else hi
    return min([s for s, _e in blocked if start <= s < hi], default=hi)


_CLAUSE_BREAK = re.compile(
    r"(?:,[”\"'’\x7f]*\s+(?:compared\s+(?:with|to)|though|although|even\s+though|but(?!\s+(?:not|also|that|only|rather|instead)\b)|while|which|who|whose|an?(?!\s+[“\"'‘\x7f]))\s|,\s+and\s+(?=(?:[A-Z][a-z]+|he|she|they|it|we|I)\s+(?!and\b|or\b)[a-z])|;\s|\s+(?:—|–|―|--|-)\s|,[”\"'’\x7f]*\s+(?=[a-z]+ing\s)|\s+(?:and|but)\s+(?:(?:also|then|later|did|has|have|had|even)\s+)?(?=[a-z]+\s))"
)


#: The dashes that set off a parenthetical or end a clause.
_DASHES = frozenset(("—", "–", "―", "--", "-"))
#: ``and that`` / ``and to`` after a dash: a second complement of the same cue (train: 4 contents
#: cut there, all going on in the gold).
_AND_AGAIN = re.compile(r"and\s+(?:that|to)\s")


#: ``and`` with a new subject and a verb of saying: ``and Zelenskyy himself said``, ``and
#: Governor Ann Walsh told reporters``, ``and she added``; any words of a subject before
#: ``said``, ``say(s)`` or ``told`` (``and three-quarters said``, ``and more than 4 in 10 said``,
#: ``and others have said``), not ``and to say`` or ``and that said will``.
_COORDINATED_REPORT = re.compile(
    r"\s+and\s+(?:(?-i:[A-Z][\w'’.-]*)\s+){1,4}?(?:(?:himself|herself|themselves|itself|also|later|"
    r"then|too)\s+)?(?P<cue>[a-z]+)\b"
    r"|\s+and\s+(?:he|she|they|we|I)\s+(?:(?:also|later|then)\s+)?(?P<cue2>[a-z]+)\b"
    r"|,?\s+and\s+(?:(?!(?:also|then|later|and|but|or|to|that|which|who)\s)[\w'’-]+\s+){1,5}?"
    r"(?:(?:have|has|had)\s+)?(?P<cue3>said|say|says|told)\b"
)


#: A verb of finding right before a content (``The poll showed``): the shares of people who
#: ``said`` something after ``and`` are part of what it found.
_FINDING_BEFORE = re.compile(r"\b(?:shows?|showed|showing|finds?|found|finding)\s+$", re.I)
#: A comma inside closing quotation marks (``was "reckless," which``): the marks stay in.
_CLOSED_WITH_COMMA = re.compile(r",[”\"'’\x7f]+")
#: The words after a comma that end a content without a reporting verb after them.
_BREAK_WORD = re.compile(r",[”\"'’\x7f]*\s+(?:compared|though|although|even|but|while|which|who|whose|an?|and)\b")


def coordinated_report(ctx: Document, start: int, limit: int) -> int:
    """Where a second report with a subject of its own is glued on by ``and``, else ``limit``.

    ``X described it as "constructive" and Zelenskyy himself said it could prove
    "historic."``: two statements, two speakers; the first content ends before ``and``.
    Only a verb of saying after the new subject counts (``and Walsh said``), so ``taxes and
    Fees rose`` is left whole.
    """
    finding = _FINDING_BEFORE.search(ctx.norm, max(0, start - 12), start) is not None
    for m in _COORDINATED_REPORT.finditer(ctx.norm, start, limit):
        if m.start() - start < 12 or finding and m.group("cue3"):
            continue  # "The poll found that C1, and 74 percent said C2": one finding
        cue = m.group("cue") or m.group("cue2") or m.group("cue3")
        if cue in REPORTING_VERBS:
            return m.start()
    return limit


def clause_end(ctx: Document, start: int, limit: int) -> int:
    """End of a reported clause: before ``;``, a dash, ``, but``, ``, which``, ``, saying ...`` or ``and/but said``.

    A dash ends it, unless a second dash closes a parenthetical (``the harbour - closed
    since May - would reopen``), which stays in (PolNeAR; chosen on train), or ``and that``
    / ``and to`` follows it (``C1 - and that C2``: a second complement of the same cue).

    ``, but not``, ``, but also`` (``costly, but not illegal``) and ``, a`` before a quoted
    word (``"liars," a "disgrace"``) go on with the same clause.

    A participle after a comma (``, adding that C``) counts as well after a closing mark
    (``called it "a disaster," adding that C``).

    A relative clause or an apposition after a comma at the end (``, who will face C``, ``,
    a 16-point margin``) is no part of the content either (PolNeAR; chosen on train).

    The breaks after a comma or ``and`` only count when the next word is a
    reporting verb (a new report by the same speaker), so ``he said taxes and
    fees would rise`` keeps its content whole. ``but`` without a comma breaks the same way
    (``said she had met him twice but said C``, ``declined to name them but said C``: two
    reports, as PolNeAR has them; train: 9 gold contents stop before ``but`` and a verb of
    saying, 1 runs on); an auxiliary may come between (``and has said C``, ``but did note
    C``). A report glued on with ``and`` and a
    subject of its own (``... as "constructive" and Zelenskyy himself said C``) ends it too
    (`coordinated_report`).

    No break inside a quoted fragment that opens in the content ends it (``that he was
    "right about the problems, but his solutions fail"``): PolNeAR keeps the fragment whole
    (train: 26 contents cut inside one, none where the gold cuts there).
    """
    limit = coordinated_report(ctx, start, limit)
    paired = start  # the end of a parenthetical set off by dashes
    for m in _CLAUSE_BREAK.finditer(ctx.norm, start, limit):
        text = m.group()
        if m.start() < paired:
            continue
        dash = text.strip()
        closing = ctx.norm.find(f" {dash} ", m.end(), limit) if dash in _DASHES else -1
        if closing >= 0:  # "the troops - around 166,000 in April - lag": a parenthetical
            paired = closing + len(dash) + 2
            continue
        if m.start() - start < 12 and not _second_report(ctx, m, limit):
            continue  # a break this close to the start ends the content only before a report
        if dash in _DASHES and _AND_AGAIN.match(ctx.norm, m.end(), limit):
            continue  # 'X said that C1 - and that C2': one coordinated complement
        if (
            text.startswith(",")
            and not _BREAK_WORD.match(text)
            or text.lstrip().startswith(("and", "but"))
        ):
            nxt = re.match(r"[A-Za-z]+", ctx.norm[m.end() : limit])
            if nxt is None or reporting_kind(nxt.group()) is None:
                continue
        if _in_open_fragment(ctx, start, m.start()):
            continue  # 'that he was "right about the problems, but his solutions fail"'
        closed = _CLOSED_WITH_COMMA.match(text)
        return m.start() + closed.end() if closed else m.start()
    return limit


def fragment_end(ctx: Document, start: int, end: int) -> int:
    """Where content ``start:end`` ends when a quoted fragment opened in it runs past ``end``.

    ``X said that "we need a leader. We need a leader as president."``: the sentence ends
    inside the fragment, which PolNeAR's content keeps whole, up to its closing mark, in the
    same paragraph.
    """
    if end <= start:
        return end
    line = ctx.line_of(start)
    for s, e in starting_in(ctx.quoted, start, end, ctx.memo):
        if e > end and line >= 0 and e <= ctx.lines[line][1]:
            return e
    return end


def _in_open_fragment(ctx: Document, start: int, at: int) -> bool:
    """Whether ``at`` lies inside a quoted fragment that opens in the content at ``start``."""
    return any(e > at for _s, e in starting_in(ctx.quoted, start, at, ctx.memo))


def _second_report(ctx: Document, m: re.Match[str], limit: int) -> bool:
    """Whether the break ``m`` is ``and`` or ``but`` before a verb of saying (a report of its own).

    ``X thanked Miami and said C``, ``X claimed momentum and argued C``: the first content is
    short, but the verb of saying after ``and`` opens a second report all the same.
    """
    if not m.group().lstrip(", ").startswith(("and", "but")):
        return False
    nxt = re.match(r"[A-Za-z]+", ctx.norm[m.end() : limit])
    return nxt is not None and nxt.group().lower() in SAY_LIKE


def comma_between(ctx: Document, a: int, b: int) -> bool:
    """Whether ``ctx.norm[a:b]`` holds a comma (bisecting the article's commas, kept in ``memo``)."""
    commas = ctx.memo.get("commas")
    if commas is None:
        commas = ctx.memo["commas"] = [m.start() for m in re.finditer(",", ctx.norm)]
    k = bisect.bisect_left(commas, a)
    return k < len(commas) and commas[k] < b


def comma_before(norm: str, lo: int, at: int, closing: str) -> bool:
    """``norm[lo:at].rstrip().rstrip(closing).endswith(",")``, reading back from ``at`` only."""
    k = at
    while k > lo and norm[k - 1].isspace():
        k -= 1
    while k > lo and norm[k - 1] in closing:
        k -= 1
    return k > lo and norm[k - 1] == ","

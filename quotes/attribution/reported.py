"""Reported speech, attributed claims and mixed quotes (no quotation marks needed).

Rules over one sentence at a time, using the same cue lexicon and speaker
resolution as direct quotes. A word opens a report when it is a verb of saying
(:data:`REPORTING_VERBS`) or a cue word that heads a Cue span in at least
:data:`CUE_RATE` of its occurrences in PolNeAR train (``criticized``,
``endorsed``, ``urged``; see :func:`reporting_kind`).

* ``X said (that) C`` / ``X told Reuters (that) C`` / ``X has warned C``: the
  content follows the cue; a time or channel phrase before ``that`` is skipped and
  the complementiser ``that`` opens the content (PolNeAR's convention);
* ``C, X said.`` / ``C, said X.`` / ``C1, X said, C2.``: the content precedes or
  surrounds the attribution (the pieces share one cue);
* ``..., saying C`` and ``... and later said C``: the subject of the sentence (or
  of the report before) goes on speaking;
* ``According to X, C`` and ``C, according to X``: claims (:attr:`CueType.CLAIM`);
* ``C, as stated by X``, ``C, as X put it``, ``X was quoted as saying C``;
* ``Marco Rubio: I'm Not Interested``: a name, a colon and a claim on a line of its own;
* a reported clause that contains a quoted fragment is one ``mixed`` quote.

Sources are whole noun phrases, as in PolNeAR: ``Paradis, who has been active
in politics since 25,``, ``Zelenskyy's chief of staff, Andriy Yermak``, ``people
briefed on the talks``; ``the ministry's statement says`` is the ministry's.
The content ends at the sentence end, a direct quote, or a clause break
(``;``, a dash, ``, but``, ``, which``, a new cue).

A nested report belongs to the outer speaker (``Peskov said Putin had told
Trump ...`` is Peskov's). No speaker, no quote: content is only reported when its
source resolves.
"""

from __future__ import annotations

import re

from quotes.document import Document
from quotes.attribution.report_cues import (
    ADJUNCT_START,
    ADVERBIAL_OPENERS,
    CLAUSE_OPENERS,
    EVIDENCE,
    INTENT_TO,
    IRREGULAR_PAST,
    NAMING,
    NOT_CLAUSE_START,
    OBJECT_PRONOUNS,
    OBJECT_VERBS,
    SAY_LIKE,
    SKIP_TOKENS,
    TIME_PHRASE,
    WORD_RE,
    CUE_RATE,
    Token,
    report_cue_words,
    object_cue,
    object_end,
    is_particle,
    reporting_kind,
)
from quotes.attribution.report_forms import (
    ACCORDING_TAIL,
    MIN_WORDS,
    according,
    as_stated_by,
    as_x_put_it,
    asked_question,
    build,
    colon_headline,
    widen,
)
from quotes.attribution.report_subject import between_subject_and_cue, subject
from quotes.attribution.rules import RULES
from quotes.attribution.subject import full_subject
from quotes.attribution.cues import TELL
from quotes.attribution.source import resolve_speaker
from quotes.text.quoted import QuotedSpan
from quotes.lexicon import (
    CUE_AUXILIARIES,
    REPORTING_VERBS,
    WEEKDAYS,
)
from quotes.text.marks import FOLD_MARK
from quotes.models import CueType, Quote, Speaker
from quotes.speakers.channels import find_via
from quotes.text.segment import Segmenter
from quotes.speakers.resolver import NounPhrase, scan_left, scan_right, tokens

__all__ = ["CUE_RATE", "REPORTING_VERBS", "attribute_reported", "reporting_kind"]

#: What a source cites (``X reported citing Y that C``: Y) is a ``cue-first`` report at
#: 0.7, below the rule's base 0.75: the value it has always had, kept as it is.
_CITED_CONFIDENCE = 0.7


def _content_after(
    ctx: Document, toks: list[Token], k: int, say_like: bool, object_taking: bool = False
) -> int | None:
    """Offset where the reported content starts after the cue, which ends at token ``k``.

    A complementiser ``that`` within the next few words starts the content
    (PolNeAR's convention: ``said [that the talks failed]``); so does the first
    word after a time phrase (``said Tuesday the ...``) or right after the cue.
    """
    going_on = _participle_after(toks, k, len(ctx.norm), toks[k][0].lower())
    if going_on is not None:  # "reported citing two sources that C": C; else the participle has it
        that = _that_after(toks, going_on, len(ctx.norm))
        return that if that is not None and that > toks[going_on][2] + 1 else None
    rest = toks[k + 1 : k + 1 + SKIP_TOKENS]
    # Jump to a "that" only over an adjunct ("said on Tuesday in a statement that"),
    # never over the subject of the reported clause ("said he doubted that ...").
    if object_taking and rest and rest[0][0].lower() in OBJECT_PRONOUNS:
        rest = rest[1:]  # "asked them not to ...", "urged him to ..."
    adjunct = bool(rest) and (
        object_taking
        or rest[0][0].lower() in ADJUNCT_START
        or rest[0][0] == ","
        or TIME_PHRASE.match(ctx.norm, rest[0][1]) is not None
    )
    for n, (word, a, _b) in enumerate(rest):
        low = word.lower()
        if low == "that":
            if n == 0 or adjunct:
                return a
            break
        if word in (".", ";", "?", "!", "“", '"', "—", "–", "-") or reporting_kind(word) is not None:
            break
    if not rest:
        return None
    m = TIME_PHRASE.match(ctx.norm, rest[0][1])
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
    if low in NOT_CLAUSE_START and not (low == "to" and not say_like) and not at_least:
        return None
    if reporting_kind(first) is not None:  # "reported citing ...": another cue, not content
        return None
    return rest[0][1]


@RULES.implements(
    "reported", "content-first:inverted", "content-first", "content-first:split", "cue-first", "object"
)
def _sentence_quotes(
    ctx: Document,
    seg: Segmenter,
    lo: int,
    hi: int,
    marks: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    direct: list[Quote],
) -> list[Quote]:
    lowered = ctx.norm[lo:hi].lower()
    words = set(WORD_RE.findall(lowered))
    if "as" in words:
        passive = as_stated_by(ctx, seg, lo, hi, marks)
        if passive is not None:
            return [passive]
    if ":" in lowered:
        headline = colon_headline(ctx, seg, lo, hi, marks)
        if headline is not None:
            return [headline]
    if "as" in words:
        as_put = as_x_put_it(ctx, seg, lo, hi, marks)
        if as_put:
            return as_put
    cue_words = report_cue_words()
    if cue_words.isdisjoint(words):
        return []  # most sentences hold no cue: skip tokenising them
    out: list[Quote] = []
    consumed = lo  # content before this offset is taken
    if "asked" in words:
        question = asked_question(ctx, seg, lo, hi, marks)
        if question is not None and not any(s < question.end and e > question.start for s, e in blocked):
            out.append(question)
            consumed = question.end
    direct_in = [q for q in direct if lo <= q.start < hi]
    toks = tokens(ctx.norm, lo, hi)
    here = [(s, e) for s, e in marks + blocked if s < hi and e > lo]
    carry: tuple[int, Speaker] | None = None  # a participle cue that goes on for a speaker
    k = 0
    while k < len(toks):
        word, a, b = toks[k]
        low = word.lower()
        if low not in cue_words or a < consumed or here and any(s <= a < e for s, e in here):
            k += 1
            continue
        # "according to X"
        if low == "according" and k + 1 < len(toks) and toks[k + 1][0].lower() == "to":
            q = according(ctx, seg, toks, k, lo, hi, consumed, marks)
            if q is not None:
                out.append(q)
                consumed = max(consumed, q.end, q.speaker.end if q.speaker else 0)
            k += 2
            continue
        if k > 0 and (toks[k - 1][0].lower() in DETERMINERS or toks[k - 1][0].isdigit()):
            k += 1  # "270 pledged delegates", "the stated goal": a modifier after a determiner
            continue
        if low in _NOUN_LIKE_CUES and not _verb_use(toks, k):
            k += 1  # "his home state", "The state is", "secretary of state": a noun
            continue
        if _plural_noun_use(toks, k):
            k += 1  # "Initial estimates put ...", "FEC reports show ...": a plural noun
            continue
        if word[:1].isupper() and k > 0 and not _title_case(toks):
            k += 1  # "The Sunshine State is ...": a capitalised cue word inside a sentence is a name
            continue
        kind = reporting_kind(word)
        if kind is None and low in ("show", "showing") and k > 0 and toks[k - 1][0].lower() in EVIDENCE:
            kind = CueType.CLAIM  # "polls show C", "records showing C"
        if low.startswith(("seem", "appear", "expected")) and k + 1 < len(toks) and toks[k + 1][0].lower() == "to":
            q = _impression(ctx, seg, toks, k, consumed, hi, blocked, marks)
            if q is not None:
                out.append(q)
                consumed = max(consumed, q.end)
                k += 1
                continue
        if kind is None and low in INTENT_TO and k + 1 < len(toks) and toks[k + 1][0].lower() == "to":
            kind = CueType.BELIEF  # "Trump wants to build a wall": an intention, flagged as a belief
        obj_kind = object_cue(toks, k)
        if obj_kind is not None:
            kind = kind or obj_kind
        if (
            kind is None
            or kind is CueType.CLAIM
            and low not in REPORTING_VERBS
            and not low.startswith(("show", "found", "find", "cit"))
        ):
            k += 1
            continue
        if not low.endswith(("ed", "s", "ing")) and low not in IRREGULAR_PAST and not (
            k + 1 < len(toks) and toks[k + 1][0].lower() in CLAUSE_OPENERS
        ) and any(
            reporting_kind(t[0]) is not None
            and t[0].lower() != low
            and not t[0].lower().endswith("ing")
            for t in toks[k + 1 : k + 3]
        ):
            k += 1  # "state media reported": a modifier, the verb comes next
            continue
        last = k
        if k + 1 < len(toks) and is_particle(low, toks[k + 1][0].lower()):
            last = k + 1
        j = k
        if (
            low == "saying"
            and k >= 2
            and toks[k - 1][0].lower() == "as"
            and toks[k - 2][0].lower() == "quoted"
        ):
            j = k - 2  # "was quoted as saying"
            a = toks[j][1]
        while j > 0 and between_subject_and_cue(toks[j - 1][0], low):
            j -= 1
        on_day = j > 2 and toks[j - 1][0].lower() in WEEKDAYS and toks[j - 2][0].lower() == "on"
        if obj_kind is not None and on_day:
            j -= 2  # "Sanders, who on Tuesday endorsed Clinton"
            while j > 0 and between_subject_and_cue(toks[j - 1][0], low):
                j -= 1
        cue_end = toks[last][2]
        obj: NounPhrase | None = None
        if low in TELL:
            obj = scan_right(ctx.norm, b, hi)
            if obj is not None:
                cue_end = obj.end
                last = _index_at(toks, obj.end)
        cue = ctx.span(a, cue_end)
        limit = _content_limit(blocked, cue_end, hi)
        host = low if low in TELL else toks[last][0].lower()  # "told Reuters citing": the verb
        going_on = _participle_after(toks, last, limit, host)
        if "," not in ctx.norm[consumed:a] and going_on is None and _content_after(
            ctx, toks, last, low in SAY_LIKE or low in TELL, low.startswith(OBJECT_VERBS)
        ) is None:
            k += 1  # no content after the cue and none before it: skip resolving a speaker
            continue
        prev = out[-1].speaker if out else _direct_speaker_before(direct_in, a)
        if carry is not None and carry[0] == a:
            found: tuple[Speaker, tuple[int, int] | None] | None = (carry[1], None)
        else:
            found = subject(ctx, toks, j, consumed, lo, low, prev)
        if found is None:
            # Inverted at the end: "..., said the minister."
            if ctx.norm[consumed:a].rstrip().rstrip(_CLOSING).endswith(","):
                inv = scan_right(ctx.norm, b, hi)
                cites = _participle_at(ctx, inv.end, hi) if inv is not None else None
                ends = inv is not None and re.match(r"\s*(?:[,.;]|$)", ctx.norm[inv.end : hi])
                if inv is not None and (ends or cites is not None):
                    sp = resolve_speaker(ctx, inv, a)
                    comma = ctx.norm.rfind(",", consumed, a)
                    if sp is not None:
                        q = build(
                            ctx,
                            seg,
                            consumed,
                            comma,
                            sp,
                            cue,
                            kind,
                            find_via(ctx.norm[a:hi]),
                            "content-first:inverted",
                            marks,
                        )
                        if q:
                            out.append(q)
                            consumed = inv.end
                            if cites is not None:  # "C, said Reuters citing Y"
                                carry = (cites, sp)
            k += 1
            continue
        sp, span = found
        sp = widen(ctx, sp, span)
        np_start = span[0] if span else sp.start
        if low.endswith("ing") and j == k and _predicate_noun(ctx, consumed, np_start, sp.end, a):
            k += 1  # "X is a propaganda term questioning C": the participle describes a noun
            continue
        before = ctx.norm[consumed:np_start].rstrip() if np_start >= consumed else ""
        if before.rstrip(_CLOSING).endswith(",") and not before.endswith(","):
            # 'C with a "quoted end," X said': the comma sits inside the closing mark.
            before = before.rstrip(_CLOSING)
        tail_m = re.match(r"[^,.;:]{0,60}?(?:[,.;:]|(?=\s+(?:—|–|--)\s)|$)", ctx.norm[cue_end:hi])
        tail_text = ctx.norm[cue_end : cue_end + tail_m.end()] if tail_m else ""
        if going_on is not None and tail_m is not None:  # "C, X reported citing Y": as with a comma
            tail_text = ctx.norm[cue_end : toks[going_on][1]]
        content_first = (
            obj_kind is None
            and before.endswith(",")
            and tail_m is not None
            and len(tail_text.split()) <= (6 if low in REPORTING_VERBS else 2)
            and "that" not in tail_text.split()
            and not _PRONOUN_CLAUSE.match(tail_text)  # "..., X says they are unwilling to debate."
        )
        if content_first:
            via = find_via(ctx.norm[np_start : cue_end + len(tail_text)])
            after = cue_end + len(tail_text)
            parts = [(consumed, consumed + len(before) - 1, "content-first")]
            if tail_text.endswith(","):  # "C1, X said, C2."
                end2 = _clause_end(ctx, after, _content_limit(blocked, after, hi))
                nxt = re.match(r"\s*([A-Za-z]+)", ctx.norm[after:end2])
                if (
                    nxt
                    and reporting_kind(nxt.group(1)) is None
                    and nxt.group(1).lower() not in _CONJUNCTIONS
                ):
                    parts.append((after, end2, "content-first:split"))
            opener = re.match(
                r"\W*(?:(?:[A-Za-z]+ly|soon|long|just|right|even|only)\s+)?([A-Za-z]+)(?:\s+([a-z]+))?",
                ctx.norm[consumed : parts[0][1]],
            )  # "Shortly after the vote, X said": the adverb before the opener counts too
            adverbial = (
                opener is not None
                and (
                    opener.group(1).lower() in ADVERBIAL_OPENERS
                    or opener.group(1).lower().endswith("ing")
                    and opener.group(2) in _PARTICIPLE_PREPOSITIONS
                )
                and "," not in ctx.norm[consumed : parts[0][1]]
            )  # "When he came to Washington, he felt ...", "Writing on Telegram, X said": an adverbial
            if not adverbial and sum(len(ctx.text[x:y].split()) for x, y, _ in parts) >= MIN_WORDS:
                built = [
                    build(ctx, seg, x, y, sp, cue, kind, via, rule, marks, min_words=1)
                    for x, y, rule in parts
                ]
                out.extend(q for q in built if q is not None)
                consumed = max([after] + [q.end for q in built if q is not None])
                if going_on is not None and any(q is not None for q in built):
                    carry = (toks[going_on][1], sp)  # "..., citing Y": the same source cites
                k += 1
                continue
            if not adverbial and not _clause_follows(ctx, toks, last, low):
                k += 1
                continue
        start = _content_after(
            ctx, toks, last, low in SAY_LIKE or low in TELL, low.startswith(OBJECT_VERBS)
        )
        if going_on is not None:
            # "X reported citing Y that C": Y is what X cites (its own report), C what X reports;
            # "X reported citing Y.": the participle has the content, X its source.
            if start is None:
                carry = (toks[going_on][1], sp)
            else:
                p_cue = ctx.span(toks[going_on][1], toks[going_on][2])
                p_kind = reporting_kind(toks[going_on][0]) or CueType.SPEECH
                p_end = toks[going_on][2]
                cited = build(
                    ctx, seg, p_end, start, sp, p_cue, p_kind, None, "cue-first", marks,
                    min_words=1, confidence=_CITED_CONFIDENCE,
                )
                if cited is not None:
                    out.append(cited)
        if start is None or start >= limit:
            k += 1
            continue
        via = find_via(ctx.norm[np_start:start]) or _lead_via(ctx, max(lo, consumed), np_start)
        end = _clause_end(ctx, start, limit)
        if span is not None and ctx.norm[span[0] : span[1]].lower() in ("who", "which"):
            comma = ctx.norm.find(",", start, end)  # "X, who cited C, went on": C ends at the comma
            end = comma if comma > start else end
        opener = re.match(r"\W*([A-Za-z]+)", ctx.norm[lo:a])
        if opener and opener.group(1).lower() in ADVERBIAL_OPENERS and "," not in ctx.norm[lo:a]:
            comma = ctx.norm.find(",", start, end)  # "Despite polls showing C, X did ...": C ends there
            end = comma if comma > start else end
        tail = ACCORDING_TAIL.search(ctx.norm, end, limit)
        if tail is not None and end < limit:  # "X said C1, but C2, according to Reuters"
            via = via or find_via(ctx.norm[tail.start() : limit])
        if obj_kind is not None:
            end = object_end(ctx, start, end)
            inside = (t for t in toks[k + 1 :] if start < t[1] < end)
            verb = next((t for t in inside if t[0].lower() in REPORTING_VERBS), None)
            if verb is not None and k > 0 and toks[k - 1][0].lower() in ("who", "that"):
                # "residents who oppose the pipeline said C": the object ends before the main verb,
                # which still reads the whole subject
                q = build(ctx, seg, start, verb[1], sp, cue, kind, via, "object", marks, min_words=1)
                if q:
                    out.append(q)
                k += 1
                continue
            q = build(ctx, seg, start, end, sp, cue, kind, via, "object", marks, min_words=1)
            if q and span is not None and ctx.norm[span[0] : span[1]].lower() in ("who", "that"):
                out.append(q)  # "X, who endorsed Y, said C": the main verb reads the whole subject
                k += 1
                continue
        else:
            # "called Trump “unhinged”": a naming verb with an object and a short quoted name
            short = 2 if low in NAMING and any(start <= s < end for s, _e in marks) else MIN_WORDS
            if carry is not None and carry[0] == a:
                short = 1  # "..., citing precedent": what a source cites may be one word
            q = build(ctx, seg, start, end, sp, cue, kind, via, "cue-first", marks, min_words=short)
        if q:
            out.append(q)
            # Nested reports belong to this speaker; a coordinated "and said ..." is a new one.
            consumed = hi if q.end >= limit - 2 or tail is not None else q.end
        k += 1
    return out


_CONJUNCTIONS = frozenset("but and although though while as or so yet because".split())
_BE = frozenset("is are was were be been being 's ’s 're ’re am".split())
_IMPRESSION_ADVERBS = frozenset("widely not also still now generally largely n't n’t".split())


@RULES.implements("reported", "impression")
def _impression(
    ctx: Document,
    seg: Segmenter,
    toks: list[Token],
    k: int,
    consumed: int,
    hi: int,
    blocked: list[tuple[int, int]],
    marks: list[tuple[int, int]],
) -> Quote | None:
    """``Trump seemed to suggest C``, ``The bank is expected to raise rates``: nobody says it.

    PolNeAR marks these with no source and with the subject inside the content
    (``The bank … to raise rates``), so the content runs from the subject to the
    clause end and the quote has no speaker.
    """
    low = toks[k][0].lower()
    j = k
    while j > 0 and toks[j - 1][0].lower() in _IMPRESSION_ADVERBS:
        j -= 1
    if low == "expected":
        if j == 0 or toks[j - 1][0].lower() not in _BE:
            return None  # "Trump expected to win": an active belief, read elsewhere
        j -= 1
    cue_start = toks[j][1]
    while j > 0 and toks[j - 1][0].lower() in CUE_AUXILIARIES:
        j -= 1
    if j > 0 and toks[j - 1][0].lower() in ("who", "which", "that"):
        start = toks[j - 1][1]
    else:
        fs = full_subject(ctx.norm, consumed, toks[j][1], toks[:j])
        np = scan_left(ctx.norm, consumed, toks[j][1]) if fs is None else None
        if fs is None and (np is None or np.text.lower() in ("it", "there", "this")):
            return None  # "It seems to me": no subject to report about
        start = fs.start if fs is not None else np.start  # type: ignore[union-attr]
    limit = _content_limit(blocked, toks[k][2], hi)
    end = _clause_end(ctx, toks[k + 1][1], limit)
    kind = reporting_kind(toks[k][0]) or CueType.BELIEF
    cue = ctx.span(cue_start, toks[k][2])
    return build(ctx, seg, start, end, None, cue, kind, None, "impression", marks)


_CLOSING = "\"'”’"
_PRONOUN_CLAUSE = re.compile(r"\s*(?:he|she|they|we|i|it|there)\s+[a-z’']+\s+\w", re.I)


DETERMINERS = frozenset("the a an of his her their its our my your this these those".split())
#: Cue words that are more often nouns: a verb only before "that" or after a pronoun or auxiliary.
_NOUN_LIKE_CUES = frozenset("state report claim note comment tweet post remark estimate".split())
_VERB_BEFORE = frozenset(
    "i we you they he she who also to will would could should can may might must did do does not n't".split()
)


def _verb_use(toks: list[Token], k: int) -> bool:
    nxt = toks[k + 1][0].lower() if k + 1 < len(toks) else ""
    prev = toks[k - 1][0].lower() if k > 0 else ""
    return nxt == "that" or prev in _VERB_BEFORE


#: Verbs that agree with a plural subject: after one, an ``-s`` cue word was a plural noun.
_PLURAL_AGREEMENT = frozenset(
    """are were have show showed put say said indicate indicated suggest suggested can could will
    would should may might must do did don't don’t range vary varied""".split()
)


def _plural_noun_use(toks: list[Token], k: int) -> bool:
    """``Initial estimates put the total``, ``FEC reports show``, ``Lazar's claims``: plural nouns.

    An ``-s`` form of a cue word (``estimates``, ``reports``, ``claims``) is a noun when a
    verb that agrees with a plural follows it, or when a possessive comes right before it.
    """
    low = toks[k][0].lower()
    if not low.endswith("s") or low.endswith("ss") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1][0]
    if nxt.islower() and nxt in _PLURAL_AGREEMENT:
        return True
    prev = toks[k - 1][0].lower() if k > 0 else ""
    if prev == "s" and k > 1 and toks[k - 2][0] in ("'", "’") and toks[k - 2][2] == toks[k - 1][1]:
        return True  # "Lazar’s claims" (a curly apostrophe splits the token)
    return prev.endswith(("'s", "’s")) and prev not in _BE


_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|becomes?|became)\s+"
    r"(?:also\s+|now\s+|still\s+)?$",
    re.I,
)


def _predicate_noun(ctx: Document, consumed: int, np_start: int, np_end: int, cue_at: int) -> bool:
    """``X is a propaganda term questioning C``: the noun before a participle is a predicate.

    A participle right after a noun phrase that follows a copula modifies that noun
    (a reduced relative clause); nobody speaks.
    """
    if not consumed <= np_start < np_end or ctx.norm[np_end:cue_at].strip():
        return False
    return _COPULA_BEFORE.search(ctx.norm, max(consumed, np_start - 40), np_start) is not None


#: Prepositions after a leading participle that make it an adverbial (``Writing on Telegram,``).
_PARTICIPLE_PREPOSITIONS = frozenset("on to in at with from before after during about via for".split())


def _lead_via(ctx: Document, lo: int, np_start: int) -> str | None:
    """The channel of a phrase that opens the sentence before the subject.

    ``In a statement, the company said C``, ``Speaking to CNN, X said C``, ``In a
    post on Telegram, X said C``: a leading phrase closed by a comma right before
    the subject names the channel of the report.
    """
    lead = ctx.norm[lo:np_start].rstrip()
    if not lead.endswith(",") or lead.count(",") > 2:
        return None
    return find_via(lead)


def _title_case(toks: list[Token]) -> bool:
    """A headline in title case (``Christie Says He Would Issue A Quarantine``)."""
    words = [t[0] for t in toks if t[0][:1].isalpha()]
    return len(words) > 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _participle_after(toks: list[Token], last: int, limit: int, host: str) -> int | None:
    """The index of a participle cue that opens a new report right after the cue at ``last``.

    ``CNN reported citing an official``, ``the ministry said, adding that ...``,
    ``X wrote on Tuesday citing Y``: a comma, or a time phrase of up to three
    words, may stand between. PolNeAR reads ``citing Y`` as an attribution of its
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
    for m in range(n, min(n + 4, len(toks))):
        word, a, _b = toks[m]
        if a >= limit:
            return None
        if word.islower() and word.endswith("ing") and len(word) > 5 and reporting_kind(word):
            return m
        if m > n and word == ",":
            continue
        if not (word.lower() in _TIME_WORDS or word.lower() in WEEKDAYS):
            return None
    return None


def _participle_at(ctx: Document, at: int, hi: int) -> int | None:
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
_TIME_WORDS = frozenset(
    "on last this late early earlier later today yesterday tonight week night".split()
)


def _that_after(toks: list[Token], at: int, limit: int) -> int | None:
    """Where a ``that`` clause starts within a few words after the participle at ``at``."""
    for word, a, _b in toks[at + 1 : at + 1 + SKIP_TOKENS]:
        if a >= limit or word in (".", ";", "?", "!", "“", '"'):
            return None
        if word.lower() == "that":
            return a
    return None


def _clause_follows(ctx: Document, toks: list[Token], last: int, low: str) -> bool:
    """``Later, the company said the event was canceled``: a short opener, then a clause."""
    start = _content_after(ctx, toks, last, low in SAY_LIKE or low in TELL, low.startswith(OBJECT_VERBS))
    if start is None:
        return False
    words = WORD_RE.findall(ctx.norm[start : start + 80].lower())
    return len(words) >= MIN_WORDS


def _direct_speaker_before(direct: list[Quote], at: int) -> Speaker | None:
    """The speaker of the last direct quote before ``at`` (``"...," he said, citing ...``)."""
    found = [q for q in direct if q.end <= at and q.speaker is not None]
    return found[-1].speaker if found else None


def _content_limit(blocked: list[tuple[int, int]], start: int, hi: int) -> int:
    """Where content that starts at ``start`` must stop: the sentence end or a direct quote."""
    return min([s for s, _e in blocked if start <= s < hi], default=hi)


_CLAUSE_BREAK = re.compile(
    r"(?:,\s+(?:compared\s+(?:with|to)|though|although|even\s+though|but|while|which)\s|,\s+and\s+(?=(?:[A-Z][a-z]+|he|she|they|it|we|I)\s+(?!and\b|or\b)[a-z])|;\s|\s+(?:—|–|―|--)\s|,\s+(?=[a-z]+ing\s)|\s+and\s+(?:also\s+|then\s+|later\s+)?(?=[a-z]+\s))"
)


def _clause_end(ctx: Document, start: int, limit: int) -> int:
    """End of a reported clause: before ``;``, a dash, ``, but``, ``, which``, ``, saying ...`` or ``and said ...``.

    The breaks after a comma or ``and`` only count when the next word is a
    reporting verb (a new report by the same speaker), so ``he said taxes and
    fees would rise`` keeps its content whole.
    """
    for m in _CLAUSE_BREAK.finditer(ctx.norm, start, limit):
        text = m.group()
        if m.start() - start < 12:
            continue
        if (
            text.startswith(",")
            and not re.match(r",\s+(?:compared|though|although|even|but|while|which|and)\b", text)
            or text.lstrip().startswith("and")
        ):
            nxt = re.match(r"[A-Za-z]+", ctx.norm[m.end() : limit])
            if nxt is None or reporting_kind(nxt.group()) is None:
                continue
        return m.start()
    return limit


def _index_at(toks: list[tuple[str, int, int]], end: int) -> int:
    for n, (_w, _a, b) in enumerate(toks):
        if b >= end:
            return n
    return len(toks) - 1


def attribute_reported(
    ctx: Document, segmenter: Segmenter, direct: list[Quote], fragments: list[QuotedSpan]
) -> list[Quote]:
    """Reported speech, claims and mixed quotes of the article.

    A reported item never repeats a direct quote that the direct path attributed
    (see :func:`_repeats_direct`).

    Args:
        ctx: The article context built by :func:`quotes.attribution.direct.build_context`.
        segmenter: The backend (for provenance).
        direct: Direct quotes already found; their sentences are not re-read.
        fragments: Quoted fragments that were not direct quotes.
    """
    marks = [(f.open, f.close + 1) for f in fragments if f.open >= 0 and f.close >= 0]
    blocked = [_direct_hull(ctx, q) for q in direct]
    attributed = [(q.start, q.end) for q in direct if q.speaker is not None]
    out: list[Quote] = []
    for lo, hi in ctx.sentences:
        line = ctx.line_of(lo)
        if line < 0 or ctx.lines[line][1] < hi:
            continue
        found = _sentence_quotes(ctx, segmenter, lo, hi, marks, blocked, direct)
        out.extend(q for q in found if not _repeats_direct(ctx, q, attributed))
    return out


def _repeats_direct(ctx: Document, q: Quote, attributed: list[tuple[int, int]]) -> bool:
    """Whether the content of ``q`` is an attributed direct quote and nothing more.

    ``Stated Stone: "We will not stop."`` or ``''We will not stop,'' the minister
    wrote``: once the direct quotes' words are taken out, the reported content
    holds only quotation marks and punctuation.
    """
    inside = [(max(s, q.start), min(e, q.end)) for s, e in attributed if s < q.end and e > q.start]
    if not inside:
        return False
    rest = ctx.norm[q.start : q.end]
    for s, e in sorted(inside, reverse=True):
        rest = rest[: s - q.start] + rest[e - q.start :]
    return not any(ch.isalnum() for ch in rest)


def _direct_hull(ctx: Document, q: Quote) -> tuple[int, int]:
    """The span of a direct quote with its marks, and its cue and speaker mention when next to it.

    The hull starts at the opening mark, both characters of a ``''`` pair
    included, so reported content before the quote stops before it. A part
    within 80 characters of the quote joins the hull; a part that then touches
    the hull (nothing but spaces and punctuation between) joins too, so the cue
    after a long source phrase (``''C,'' Ann Lee, 67, a retired nurse in Dayton,
    said``) is inside, while a speaker resolved from an earlier paragraph is not.
    """
    a, b = q.start - 1, q.end + 1
    if a > 0 and ctx.norm[a - 1] == FOLD_MARK:
        a -= 1  # ''C'': the first apostrophe of the pair
    while b < min(len(ctx.norm), q.end + 4) and ctx.norm[b] in _CLOSING_AFTER:
        b += 1
    parts = [p for p in (q.cue, q.speaker) if p is not None]
    for part in parts:
        if abs(part.start - q.end) < 80 or abs(q.start - part.end) < 80:
            a, b = min(a, part.start), max(b, part.end)
    for part in parts:
        if 0 <= part.start - b <= _TOUCHING or 0 <= a - part.end <= _TOUCHING:
            a, b = min(a, part.start), max(b, part.end)
    return a, b


#: What may follow the content of a direct quote up to its closing mark.
_CLOSING_AFTER = ",.!?\"'”’" + FOLD_MARK
#: The widest gap (a comma and spaces, closing marks) between two parts of one attribution.
_TOUCHING = 4

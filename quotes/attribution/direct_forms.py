"""Where a direct quote's cue and speaker are: after it, before it, or after a colon.

:func:`attribute_after` reads ``”, Peskov said`` and ``,” said Peskov``;
:func:`attribute_before` reads ``Peskov replied, “``, ``Said Comey, “`` and
``According to CNN, “``; ``_colon_speaker`` the transcript form ``Bush: “…”``
and ``dash_signature`` a quote signed on the next line. Split out of
:mod:`quotes.attribution.direct`, which re-exports these names.
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.document import Document
from quotes.attribution.cues import (
    FINITE,
    INTRO_EXTRA,
    LEAD,
    NOUN_CUES,
    PARTICIPLE_RE,
    PHRASAL_CUES,
    TO_SAY,
    Attribution,
    aux_start,
    compound_noun_next,
    pronoun_adjusted,
    cue_kind,
    cue_span,
    mark_inside_end,
    intro_cue,
    possessive_mark,
    short_close,
    cue_type_of,
)
from quotes.attribution.source import clause_subject, loose_subject, resolve_speaker, read_subject
from quotes.speakers.noun_phrase import name_like
from quotes.text.quoted import QuotedSpan
from quotes.lexicon import CUE_AUXILIARIES, HEADLINE_LABELS, TITLES
from quotes.models import CueType, Span, SpeakerType
from quotes.speakers.channels import find_via
from quotes.speakers.resolver import NounPhrase, scan_left, scan_right, tokens

#: Words that may follow the speaker of an inverted cue (``said Sanders as he left``).
_INVERTED_FOLLOW = frozenset(
    """in on at during after before from to of as when while who whose which that via
    about outside inside near since until with without familiar involved close known""".split()
)


def attribute_after(ctx: Document, q: QuotedSpan, hi: int) -> Optional[Attribution]:
    """Cue and speaker right after the closing mark (``,” Peskov said``)."""
    lo = q.close + 1
    sent_end = ctx.sentence_of(q.close)[1]
    if sent_end <= lo and "\n" in ctx.text[q.close:lo + 1]:  # speaker on the next line
        sent_end = ctx.sentence_of(lo + len(ctx.norm[lo:hi]) - len(ctx.norm[lo:hi].lstrip()))[1]
    extended = full_stop = False
    if sent_end <= lo + 1 and mark_inside_end(ctx, q) in ("?", "!", "."):
        # "“Why?” he asked.": the splitter ends the sentence at the closing mark.
        sent_end = ctx.sentence_of(lo + 1 + len(ctx.norm[lo + 1:hi]) - len(ctx.norm[lo + 1:hi].lstrip()))[1]
        extended = True
    full_stop = mark_inside_end(ctx, q) == "."
    end = min(hi, max(sent_end, lo))
    p = lo + LEAD.match(ctx.norm, lo, end).end() - lo  # type: ignore[union-attr]
    m = re.match(r"([Aa]ccording\s+to)\s+", ctx.norm[p:end])
    if m is not None and p > lo:  # "…,” according to CNN.
        np = scan_right(ctx.norm, p + m.end(), end)
        if np is not None and re.match(r"\s*(?:[.,;!?]|$)", ctx.norm[np.end:end]):
            sp = resolve_speaker(ctx, np, q.start, describe=True)
            if sp is not None:
                cue = ctx.span(p + m.start(1), p + m.end(1))
                return Attribution(sp, cue, CueType.CLAIM, find_via(ctx.norm[p:end]), pronoun_adjusted(sp, 0.8), "after:according")
    toks = tokens(ctx.norm, p, end)[:40]
    caps = ctx.norm[p:end].isupper()
    relative = False  # inside ", who …," after the subject
    for i, (word, a, b) in enumerate(toks):
        kind = cue_kind(word, caps or i > 0 and word.lower() in INTRO_EXTRA and word.endswith("ed"))
        if i > 0 and i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in PHRASAL_CUES:
            kind = CueType.SPEECH  # "…,” Mr. Rubel pointed out.
        if word == '"' or word == "'" and not possessive_mark(ctx, a):
            break
        if word == ",":
            relative = i + 1 < len(toks) and toks[i + 1][0] in ("who", "which")
        if kind is None or relative:
            continue  # "one resident, who declined to give her name, said": not in the clause
        if i + 1 < len(toks) and word in NOUN_CUES and toks[i + 1][0][:1].isupper():
            continue  # "“…,” state Sen. Ana Ruiz said": a noun modifying a title
        if i > 0 and i + 1 < len(toks) and not intro_cue(word) and (
            compound_noun_next(toks[i + 1][0])
            or toks[i + 1][0].islower() and intro_cue(toks[i + 1][0])
        ):
            continue  # "Sanders campaign manager X said", "Trump supporters chanted": a noun
        if i >= 14 and "," not in ctx.norm[p:a] or extended and (
            i > 6 and not ctx.norm[p:a].rstrip().endswith(",") or not intro_cue(word)
        ):
            break
        if full_stop and not short_close(ctx, b, end):
            break  # "“We won.” Trump said the polls were wrong.": a new statement
        cue, obj = cue_span(ctx, toks, i, end)
        if i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in PHRASAL_CUES:
            cue = ctx.span(a, toks[i + 1][2])
        clause = ctx.norm[p:end]
        if i == 0:  # inverted: ", said Peskov"
            if PARTICIPLE_RE.match(word):  # ", referencing the large number of …"
                return None
            np = scan_right(ctx.norm, b, end) if obj is None else None
            if np is None and obj is None:
                # ", said the 46-year-old.": a description closing the sentence.
                m = re.match(r"\s+((?:the|a|an|another|one)\s+(?:[\w'’\-]+\s+){0,3}?[a-z0-9][\w\-]*)(?=\s*(?:[.,;!?]|$))", ctx.norm[b:end])
                if m is not None:
                    np = NounPhrase(b + m.start(1), b + m.end(1), m.group(1))
            if np is None:
                return None
            back = re.search(r"\s+(?:familiar|involved|close|known)$", np.text)
            if back is not None:  # "one Democrat familiar with the talks"
                np = NounPhrase(np.start, np.end - len(back.group()), np.text[:-len(back.group())])
            nxt = tokens(ctx.norm, np.end, min(end, np.end + 40))[:1]
            w = nxt[0][0] if nxt else ""
            if w[:1].islower() and w not in _INVERTED_FOLLOW and (
                w in FINITE or w in CUE_AUXILIARIES or w.endswith("ed") or cue_type_of(w) is not None
            ):
                return None  # ", said the candidate could be …": a reported clause
            sp = resolve_speaker(ctx, np, q.start, describe=intro_cue(word))  # the role comes from the apposition
            return Attribution(sp, cue, kind, find_via(clause), pronoun_adjusted(sp, 0.9), "after:inverted")
        j = aux_start(toks, i)
        np_hi = toks[j][1]
        subj = read_subject(ctx, p, np_hi, anchored=True, descriptions=intro_cue(word))
        phrase_end = None
        if subj is None and intro_cue(word):
            loose = loose_subject(ctx, p, np_hi)
            if loose is not None:
                subj, phrase_end = loose[:3], loose[3]
        if subj is None:
            if intro_cue(word):
                return None
            continue
        np, role, first = subj
        via = find_via(clause)
        if word.lower() == "quoted":  # "KCNA quoted Kim as saying"
            inner = scan_right(ctx.norm, b, end)
            if inner is not None and re.match(r"\s+as\s+saying", ctx.norm[inner.end:end]):
                via = via or ctx.text[np.start:np.end]
                np, first = inner, None
        sp = resolve_speaker(ctx, np, q.start, role, start=first, describe=intro_cue(word), end=phrase_end)
        if sp is None:  # "“…,” he said." with no one to be "he": the cue stands alone
            return Attribution(None, cue, kind, via, 0.3, "after:unresolved")
        return Attribution(sp, cue, kind, via, pronoun_adjusted(sp, 0.9), "after")
    return None


def attribute_before(ctx: Document, q: QuotedSpan, lo: int, previous: Optional[Attribution]) -> Optional[Attribution]:
    """Cue and speaker before the opening mark (``Peskov replied, “``)."""
    end = q.open if q.open >= 0 else q.start
    pre = ctx.norm[lo:end].rstrip()
    if not pre:
        return None
    m = _ACCORDING.match(ctx.norm, lo, lo + len(pre))
    if m is not None:  # "According to the Daily Caller, “…”"
        np = scan_right(ctx.norm, m.end(1), lo + len(pre))
        if np is not None and not ctx.norm[np.end:lo + len(pre)].strip(" ,:"):
            sp = resolve_speaker(ctx, np, q.start, describe=True)
            if sp is not None:
                cue = ctx.span(m.start(1), m.end(1))
                return Attribution(sp, cue, CueType.CLAIM, find_via(ctx.norm[lo:end]), pronoun_adjusted(sp, 0.8), "before:according")
    colon = _colon_speaker(ctx, lo, lo + len(pre), q.start)
    if colon is not None:  # "Clinton: “Our goal is …”", "Pollsters agree - Carl Bialik: “…”"
        return colon
    m = _INVERTED_BEFORE.match(ctx.norm, lo, lo + len(pre))
    if m is not None and intro_cue(m.group(1)):  # "Said Comey, “…”", "Continued Stone: “…”"
        np = scan_right(ctx.norm, m.end(1), lo + len(pre))
        if np is not None:
            sp = resolve_speaker(ctx, np, q.start, describe=True)
            if sp is not None and not ctx.norm[sp.end:lo + len(pre)].strip(" ,:"):
                cue = ctx.span(m.start(1), m.end(1))
                return Attribution(sp, cue, CueType.SPEECH, None, pronoun_adjusted(sp, 0.85), "before:inverted")
    toks = tokens(ctx.norm, lo, lo + len(pre))
    caps = pre.isupper()
    participle: Optional[tuple[Span, CueType, int]] = None
    window = 12
    i = len(toks)
    while i > 0 and i > len(toks) - window:
        i -= 1
        word, a, b = toks[i]
        if word in ("'", '"'):
            break
        put_it = i > 0 and (toks[i - 1][0].lower(), word.lower()) in PHRASAL_CUES and participle is None
        if put_it:  # "as Tom Ridge put it: “…”", "As Byler pointed out in December, “…”"
            i -= 1
            word, a = toks[i][0], toks[i][1]
        elif word.lower() in TO_SAY and i > 1 and toks[i - 1][0] == "to" and participle is None:
            # "Bryne went on to say, “…”", "O'Malley interjected to say: “…”"
            k = i - 2 if toks[i - 2][0] != "on" or i < 3 else i - 3
            if toks[k][0].islower() and toks[k][0].endswith(("ed", "ent", "ose", "gan")):
                put_it = True
                i = k
                word, a = toks[i][0], toks[i][1]
        kind = CueType.SPEECH if put_it else cue_kind(word, caps)
        if kind is None or participle is not None and not intro_cue(word):
            continue
        tail = ctx.norm[b:end]
        if '"' in tail or "'" in tail.replace("'s", ""):
            break
        cue, obj = (ctx.span(a, b), None) if put_it else cue_span(ctx, toks, i, end)
        clause = ctx.norm[toks[max(0, i - 8)][1]:end]
        j = aux_start(toks, i)
        np_hi = toks[j][1]
        if participle is None and PARTICIPLE_RE.match(word) and not ctx.norm[:a].rstrip().endswith(","):
            # "she released a statement saying, “…”": the subject of "released".
            np = clause_subject(ctx, lo, a)
            if np is not None:
                sp = resolve_speaker(ctx, np, q.start)
                if sp is not None:
                    return Attribution(sp, cue, kind, find_via(clause), pronoun_adjusted(sp, 0.8), "before:participle")
            if intro_cue(word):
                return None
            continue
        if j > 1 and toks[j - 1][0].lower() == "who" and toks[j - 2][0] == "," and participle is None and intro_cue(word):
            # "Mike Lee, who declared in the spin room, “…”": the person before the clause.
            np = scan_left(ctx.norm, lo, toks[j - 2][1])
            sp = resolve_speaker(ctx, np, q.start) if np is not None and np.text[:1].isupper() else None
            if sp is not None and sp.type is SpeakerType.PERSON:
                return Attribution(sp, cue, kind, find_via(clause), pronoun_adjusted(sp, 0.8), "before:relative")
        if j > 0 and toks[j - 1][0].lower() in ("and", "but") and participle is None:
            # "The president noted that he taught law, and added: “…”": the clause subject.
            np = clause_subject(ctx, lo, toks[j - 1][1], cue_verbs=True, nearest=True)
            sp = resolve_speaker(ctx, np, q.start) if np is not None else None
            if sp is not None:
                return Attribution(sp, cue, kind, find_via(clause), pronoun_adjusted(sp, 0.8), "before:coordinated")
        subj = read_subject(ctx, lo, np_hi, anchored=False, descriptions=intro_cue(word) or put_it)
        if subj is None:
            if participle is None and PARTICIPLE_RE.match(word) and ctx.norm[:a].rstrip().endswith(","):
                if previous is not None and previous.speaker is not None:
                    # "..., Putin responded, adding: “…”": the subject of the sentence.
                    sp = previous.speaker
                    return Attribution(sp, cue, kind, find_via(clause) or previous.via, 0.8, "before:participle")
                # "Nefzi said, adding, “…”": the speaker is the main clause's subject,
                # the cue stays the participle.
                participle = (cue, kind, a)
                window = 30
                continue
            if intro_cue(word) and participle is None:
                return None
            continue
        np, role, first = subj
        sp = resolve_speaker(ctx, np, q.start, role, start=first, describe=intro_cue(word) or put_it)
        if sp is None:
            return None
        if participle is not None:
            return Attribution(sp, participle[0], participle[1], find_via(clause), pronoun_adjusted(sp, 0.8), "before:participle")
        return Attribution(sp, cue, kind, find_via(clause), pronoun_adjusted(sp, 0.88), "before")
    if participle is not None:
        # "Carson shared a syllabus on his Facebook page, writing “…”": the sentence subject.
        np = clause_subject(ctx, lo, participle[2])
        if np is not None:
            sp = resolve_speaker(ctx, np, q.start)
            if sp is not None:
                return Attribution(sp, participle[0], participle[1], None, pronoun_adjusted(sp, 0.75), "before:participle")
    return None


_COLON_LEAD = re.compile(r"(?:.*\s[-–—]\s+|)(?P<np>[^:;,\"]{2,60}?)\s*(?P<party>\([A-Z][\w.\- ]{0,12}\))?\s*:$", re.S)


def _colon_speaker(ctx: Document, lo: int, hi: int, at: int) -> Optional[Attribution]:
    """A name and a colon right before the quote, transcript style (``Bush: “…”``).

    The name must be all the clause holds (after a dash at most), a known person or
    a capitalised phrase of two words or more; there is no cue. A single unknown
    word opening the clause (``Okafor: “…”``) is a person only when it reads as a
    name and is no headline label (``Poll:``, ``Update:``). A verb of saying before
    the name (``Declared Okafor: “…”``) is an inverted cue, left to
    :func:`attribute_before`.
    """
    m = _COLON_LEAD.match(ctx.norm[lo:hi])
    if m is None:
        return None
    a, b = lo + m.start("np"), lo + m.end("np")
    words = ctx.norm[a:b].split()
    if not words or len(words) > 7 or not all(
        w[:1].isupper() or w.lower().rstrip(".") in TITLES or w.lower() in ("of", "and", "de") for w in words
    ):
        return None
    if len(words) > 1 and intro_cue(words[0]) and not words[0].isupper():
        return None  # "Declared Okafor:": the cue, then the speaker
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    lone = len(words) == 1 and words[0] not in ctx.resolver.full_names
    if lone and (
        ctx.norm[lo:a].strip() or not name_like(words[0]) or words[0].lower() in HEADLINE_LABELS
    ):
        return None
    sp = resolve_speaker(ctx, np, at)
    if sp is None or (
        sp.type not in (SpeakerType.PERSON, SpeakerType.ORGANIZATION)
        and not ctx.resolver.named_people(sp)
    ):
        return None  # "Frank Newport and Jim Harter:" speak; "Republicans:" heads a section
    if lone and sp.type is not SpeakerType.PERSON:
        return None  # "Critics:", "Reuters:": a label, or a word the article writes in lower case
    if m.group("party"):
        sp = sp.model_copy(update={"end": lo + m.end("party"), "mention": ctx.text[sp.start:lo + m.end("party")]})
    return Attribution(sp, None, CueType.SPEECH, None, pronoun_adjusted(sp, 0.7), "before:colon")


_INVERTED_BEFORE = re.compile(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])")
_ACCORDING = re.compile(r"\s*(?:[Bb]ut\s+|[Aa]nd\s+)?([Aa]ccording\s+to)\s+")


def dash_signature(ctx: Document, q: QuotedSpan) -> Optional[Attribution]:
    """A paragraph quote signed on the next line: ``“…” ⏎ - Clinton.``"""
    lo, hi = ctx.lines[q.line + 1]
    m = re.fullmatch(r"\s*[-–—]+\s*([^.,;:!?\"]{2,50}?)\.?\s*", ctx.norm[lo:hi])
    if m is None:
        return None
    a, b = lo + m.start(1), lo + m.end(1)
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    sp = resolve_speaker(ctx, np, q.start)
    if sp is None or sp.type is not SpeakerType.PERSON:
        return None
    return Attribution(sp, None, CueType.SPEECH, None, pronoun_adjusted(sp, 0.7), "after:signature")

"""Mine candidate pairs for the hard dedupe set from PolNeAR *train* gold attributions.

Follows the "How the pairs were found" section of ``bench/data/dedupe_hard_guide.md``:
gold attributions with a speech or claim cue (not belief) and a content of 6 to 80
words; the speaker is the gold source span when it is a name, else the speaker that
`quotes.extract` (fast backend) gives the quote overlapping the gold content, when
that is a name; honorifics are dropped, and a span with an appositive gives its
name (``Dan Gerstein, director of ...``: ``Dan Gerstein``). Pairs are compared only
within a block of one surname:

1. two articles at most 5 days apart with all-MiniLM-L6-v2 cosine >= 0.5 or two
   shared rare words (in at most 15 statements); or more than 30 days apart with
   cosine >= 0.72 or three shared rare words;
2. cosine >= 0.62, also two non-overlapping quotes of one article;
3. one text negated and the other not, or a text saying "never said" / "denied",
   against its nearest quotes of the same speaker (denials);
4. with ``--wide`` (the second round, issue 17): two quotes of one article with
   cosine from 0.45 to 0.62 of which one is reported and the other direct or mixed
   (an article that restates a quote in its own words, the paraphrase the first
   three steps find least).

Quotes of the *report* half of the existing set, and quotes whose text (normalised)
equals a report-half quote's, are never used, so that no new pair can join a report
group; pairs already in the set are skipped. The candidates are written, in order
of falling cosine, for labelling by hand (the miner labels nothing).

Usage::

    python bench/mine_dedupe_pairs.py [--polnear ../shared/polnear] [-o candidates.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from quotes import extract
from quotes.dedupe.semantic import default_encoder
from quotes.dedupe.text import content_terms, normalize_text
from quotes.evaluation.polnear import CueType, PolnearDocument, read_polnear

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "dedupe_hard_pairs.jsonl"
HONORIFICS = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|pres|president|senator)\.?\s+", re.I)
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "that", "this"}
NEGATION = re.compile(
    r"\b(?:not|never|no|n[o’']t|didn[’']?t|won[’']?t|nothing|denied|deny)\b", re.I
)
DENIAL = re.compile(r"\b(?:never said|denied|denies|deny)\b", re.I)
ORG_WORDS = re.compile(
    r"\b(?:campaign|department|committee|party|office|house|agency|group)\b", re.I
)


def name_of(text: str | None) -> str | None:
    """The speaker name of a source text (honorifics dropped), or ``None`` when not a name."""
    if not text:
        return None
    name = HONORIFICS.sub("", appositive_name(text.strip().strip(",").strip()))
    words = name.split()
    if not words or name.lower() in PRONOUNS or not words[-1][:1].isupper():
        return None
    if words[0].lower() in {"the", "a", "an"} and len(words) > 1 and not words[1][:1].isupper():
        return None
    return name


def appositive_name(span: str) -> str:
    """The name in a source span with an appositive, else the span.

    Examples:
        >>> appositive_name("Dan Gerstein, director of Gotham Ghostwriters")
        'Dan Gerstein'
        >>> appositive_name("his top aide, Tad Devine")
        'Tad Devine'
        >>> appositive_name("Stacy Baker of Columbia, South Carolina")
        'Stacy Baker'
    """
    if "," not in span:
        return span
    for part in span.split(","):
        part = re.sub(r" of [A-Z].*$", "", part.strip())
        words = part.split()
        if words and all(w[0].isupper() for w in words):
            return part
    return span


def surname(name: str) -> str:
    """The block key of a name: its last word, lowercased, without a possessive."""
    return re.sub(r"[’']s$", "", name.split()[-1]).lower().strip(".,")


def quote_records(doc: PolnearDocument) -> list[dict[str, Any]]:
    """The usable gold quotes of one article as pair-set records."""
    found = extract(doc.text, backend="fast")
    records = []
    for att in doc.attributions:
        content = att.content
        if content is None or att.cue_type == CueType.BELIEF:
            continue
        if not 6 <= len(content.text.split()) <= 80:
            continue
        start, end = content.segments[0][0], content.segments[-1][1]
        name = name_of(att.source.text if att.source else None)
        kind = "person"
        if name is None:
            near = [q for q in found if q.speaker and q.start < end and start < q.end]
            if near and near[0].speaker is not None:
                name = name_of(near[0].speaker.name)
                kind = near[0].speaker.type.value
        if name is None:
            continue
        if kind not in {"person", "organization"}:
            kind = "organization" if ORG_WORDS.search(name) else "person"
        record = {
            "article": doc.name, "start": start, "end": end, "text": content.text,
            "kind": att.kind.value if att.kind else "indirect", "speaker": name,
            "outlet": doc.publisher, "speaker_type": kind,
            "published": doc.published.isoformat() if doc.published else None,
        }  # fmt: skip
        if len(content.segments) > 1:
            record["segments"] = [list(s) for s in content.segments]
        records.append(record)
    return records


def key(record: dict[str, Any]) -> tuple[str, int, int]:
    """Where a quote sits."""
    return (record["article"], record["start"], record["end"])


def days(a: dict[str, Any], b: dict[str, Any]) -> int:
    """Days between two records' publication dates (0 when one is undated)."""
    from datetime import date

    if not a["published"] or not b["published"]:
        return 0
    return abs((date.fromisoformat(a["published"]) - date.fromisoformat(b["published"])).days)


def restated(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether one of two quotes is reported and the other direct or mixed."""
    return (a["kind"] == "indirect") != (b["kind"] == "indirect")


Key = tuple[str, int, int]


def candidates(records: list[dict[str, Any]], report_keys: set[Key], report_texts: set[str],
               known: set[frozenset[Key]], wide: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    """The candidate pairs (one dict each, ``reason`` and ``cosine`` added)."""
    records = [
        r for r in records
        if key(r) not in report_keys and normalize_text(r["text"]) not in report_texts
    ]  # fmt: skip
    vectors = default_encoder([r["text"] for r in records])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    terms = [content_terms(normalize_text(r["text"])) for r in records]
    df = Counter(t for ts in terms for t in ts)
    rare = [{t for t in ts if df[t] <= 15} for ts in terms]
    blocks = defaultdict(list)
    for k, r in enumerate(records):
        blocks[surname(r["speaker"])].append(k)
    out: list[dict[str, Any]] = []
    for members in blocks.values():
        for i, j in itertools.combinations(members, 2):
            a, b = records[i], records[j]
            pair_key = frozenset((key(a), key(b)))
            if pair_key in known or normalize_text(a["text"]) == normalize_text(b["text"]):
                continue
            if a["article"] == b["article"] and a["start"] < b["end"] and b["start"] < a["end"]:
                continue
            cos = float(vectors[i] @ vectors[j])
            shared = len(rare[i] & rare[j])
            gap = days(a, b)
            negated = bool(NEGATION.search(a["text"])) != bool(NEGATION.search(b["text"]))
            denial = bool(DENIAL.search(a["text"]) or DENIAL.search(b["text"]))
            reason = None
            if a["article"] != b["article"] and gap <= 5 and (cos >= 0.5 or shared >= 2):
                reason = "close"
            elif a["article"] != b["article"] and gap > 30 and (cos >= 0.72 or shared >= 3):
                reason = "far"
            elif a["article"] == b["article"] and cos >= 0.62:
                reason = "same-article"
            elif (negated or denial) and cos >= 0.55:
                reason = "denial"
            elif wide and a["article"] == b["article"] and cos >= 0.45 and restated(a, b):
                reason = "restated"
            if reason:
                out.append({"reason": reason, "cosine": round(cos, 3), "shared": shared,
                            "days": gap, "a": a, "b": b})  # fmt: skip
    out.sort(key=lambda c: -c["cosine"])
    return out


def main() -> None:
    """Write the candidate pairs of PolNeAR train."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=HERE.parent.parent / "shared" / "polnear")
    parser.add_argument("-o", type=Path, default=Path("/tmp/dedupe_candidates.jsonl"))
    parser.add_argument("--wide", action="store_true", help="add step 4 (restated quotes)")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in PAIRS.open(encoding="utf-8") if line.strip()]
    report = [p[s] for p in pairs if p["split"] == "report" for s in "ab"]
    report_keys = {key(r) for r in report}
    report_texts = {normalize_text(r["text"]) for r in report}
    known = {frozenset((key(p["a"]), key(p["b"]))) for p in pairs}
    records = [r for doc in read_polnear(args.polnear, "train") for r in quote_records(doc)]
    found = candidates(records, report_keys, report_texts, known, args.wide)
    with args.o.open("w", encoding="utf-8") as out:
        for c in found:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(records)} quotes, {len(found)} candidates: "
          f"{Counter(c['reason'] for c in found)} -> {args.o}")  # fmt: skip


if __name__ == "__main__":
    main()

"""Dump the extractor's errors on a PolNeAR split, for finding failure patterns.

Development tool: run it on ``train`` (never tune on ``dev``). It aligns
predictions with gold attributions exactly as ``quotes evaluate`` does and writes
one JSON object per line for every gold attribution and every unmatched
prediction::

    python scripts/polnear_errors.py ../shared/polnear --split train -o /tmp/errors.jsonl
    python scripts/polnear_errors.py ../shared/polnear --kind direct --status wrong_source | head

Each record has ``status``: ``exact`` (content exact), ``boundary`` (matched with
token F1 >= 0.5 but not exact), ``weak`` (aligned, token F1 < 0.5), ``missed`` (gold
with no prediction) or ``false_alarm`` (prediction with no gold); plus
``source_ok`` / ``cue_ok`` for matched pairs, the gold and predicted content,
source and cue texts, and the sentence-ish context around the gold content.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from quotes.evaluation.alignment import DocumentTokens, EvalItem, align, gold_items, pred_items
from quotes.evaluation.polnear import read_polnear
from quotes.evaluation.reports import MATCH_THRESHOLD
from quotes.models import Article, Stance
from quotes.pipeline import Extractor


def _text(text: str, segs: Any) -> str | None:
    if not segs:
        return None
    return " … ".join(text[a:b] for a, b in segs)


def _context(text: str, segs: Any, width: int = 160) -> str:
    start = max(0, segs[0][0] - width)
    end = min(len(text), segs[-1][1] + width)
    return text[start:end].replace("\n", " ⏎ ")


def _record(
    text: str, doc: str, status: str, g: EvalItem | None, p: EvalItem | None, dice: float
) -> dict:
    rec: dict[str, Any] = {"doc": doc, "status": status, "dice": round(dice, 3)}
    if g is not None:
        rec.update(
            kind=g.kind.value if g.kind else None,
            speech=g.speech,
            gold_content=_text(text, g.content),
            gold_source=_text(text, g.source),
            gold_cue=_text(text, g.cue),
        )
    if p is not None:
        rec.update(
            pred_kind=p.kind.value if p.kind else None,
            pred_content=_text(text, p.content),
            pred_source=_text(text, p.source),
            pred_speaker=p.speaker.name if p.speaker else None,
            pred_cue=_text(text, p.cue),
        )
    if g is not None and p is not None and dice >= MATCH_THRESHOLD:
        rec["source_ok"] = p.source == g.source
        rec["cue_ok"] = p.cue == g.cue
    rec["context"] = _context(text, (g or p).content)  # type: ignore[union-attr]
    return rec


def describe(text: str, doc: str, preds: list[EvalItem], golds: list[EvalItem]) -> list[dict]:
    """Align as `quotes.evaluation.alignment.score_document` does and describe every item."""
    pairs = align(preds, golds)
    used_p = {i for _, _, i, _ in pairs}
    out = []
    by_gold = {j: (i, dice, exact) for dice, exact, i, j in pairs}
    for j, g in enumerate(golds):
        if j not in by_gold:
            out.append(_record(text, doc, "missed", g, None, 0.0))
            continue
        i, dice, exact = by_gold[j]
        status = "exact" if exact else ("boundary" if dice >= MATCH_THRESHOLD else "weak")
        out.append(_record(text, doc, status, g, preds[i], dice))
    for i, p in enumerate(preds):
        if i not in used_p:
            out.append(_record(text, doc, "false_alarm", None, p, 0.0))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--kind", help="keep records of this gold (or predicted) kind")
    ap.add_argument("--status", help="keep records with this status (or wrong_source, wrong_cue)")
    ap.add_argument("--beliefs", action="store_true", help="extract beliefs too (as the 'all' row)")
    ap.add_argument("-o", "--output", help="write JSONL here (default stdout)")
    args = ap.parse_args(argv)
    extractor = Extractor(backend="fast", include_beliefs=args.beliefs, stances=Stance)
    records: list[dict] = []
    for k, doc in enumerate(read_polnear(args.path, args.split)):
        if args.limit is not None and k >= args.limit:
            break
        article = Article(text=doc.text, id=doc.name, outlet=doc.publisher)
        quotes = extractor.extract_article(article)
        tokens = DocumentTokens.of(doc.text)
        golds = gold_items(doc, tokens)
        if not args.beliefs:
            golds = [g for g in golds if g.speech]
        records.extend(describe(doc.text, doc.name, pred_items(doc, quotes, tokens), golds))
    status = Counter(r["status"] for r in records)
    print(dict(status), file=sys.stderr)
    keep = records
    if args.kind:
        keep = [r for r in keep if r.get("kind", r.get("pred_kind")) == args.kind]
    if args.status == "wrong_source":
        keep = [r for r in keep if r.get("source_ok") is False]
    elif args.status == "wrong_cue":
        keep = [r for r in keep if r.get("cue_ok") is False]
    elif args.status:
        keep = [r for r in keep if r["status"] == args.status]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        for r in keep:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

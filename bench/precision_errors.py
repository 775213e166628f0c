"""Where the rules' content precision goes: predictions on a PolNeAR split by rule and error type.

Development tool: run it on ``train`` (never tune on ``dev``). It builds the extractor as
``quotes evaluate`` does (beliefs and every stance), aligns predictions with gold
attributions exactly as the scorer does, and classifies each prediction:

``exact``       aligned, normalised content identical;
``boundary``    aligned with token F1 >= 0.5, not exact;
``weak``        aligned with token F1 < 0.5;
``false``       overlaps no gold attribution's content at all (pure false positive);
``unaligned``   overlaps some gold content, but that gold went to another prediction.

Boundary errors are split by how the predicted content differs from the gold one
(``long-right``: runs past the gold end, ``short-left``: starts after the gold start, ...).
Usage::

    python bench/precision_errors.py ../shared/polnear --split train -o /tmp/preds.jsonl

prints a table per rule (count, exact precision, overlap precision, error types) and
writes one JSON object per prediction (rule, status, texts, context) for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from typing import Any

from quotes.evaluation.alignment import DocumentTokens, EvalItem, Segments, align, gold_items, pred_items
from quotes.evaluation.polnear import read_polnear
from quotes.evaluation.reports import MATCH_THRESHOLD
from quotes.models import Article, Quote, Stance
from quotes.pipeline import Extractor


def _text(text: str, segs: Segments | None) -> str | None:
    if not segs:
        return None
    return " … ".join(text[a:b] for a, b in segs)


def _boundary_type(p: Segments, g: Segments) -> str:
    """How the predicted hull differs from the gold hull: left and right edges."""
    ps, pe, gs, ge = p[0][0], p[-1][1], g[0][0], g[-1][1]
    left = "same" if ps == gs else ("long" if ps < gs else "short")
    right = "same" if pe == ge else ("long" if pe > ge else "short")
    if left == right == "same":
        return "pieces"
    return f"{left}-left/{right}-right"


def _rules_by_content(doc_text: str, quotes: list[Quote], tokens: DocumentTokens, doc: Any) -> dict:
    """Rules, stance and cue type of each predicted statement, keyed by its normalised content."""
    groups: dict[Any, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key: Any = ("cue", q.cue.start, q.cue.end) if q.cue is not None else ("quote", i)
        groups.setdefault(key, []).append(q)
    out = {}
    for parts in groups.values():
        item = pred_items(doc, parts, tokens)
        if not item:
            continue
        first = parts[0]
        rules = "+".join(sorted({"/".join(q.provenance.rules) if q.provenance else "?" for q in parts}))
        out[item[0].content] = {
            "rule": rules,
            "stance": first.stance.value,
            "cue_type": first.cue_type.value,
            "kind": first.kind.value,
            "confidence": first.confidence,
        }
    return out


def describe(doc: Any, quotes: list[Quote]) -> list[dict]:
    """One record per predicted statement of ``doc``."""
    text = doc.text
    tokens = DocumentTokens.of(text)
    golds = gold_items(doc, tokens)
    preds = pred_items(doc, quotes, tokens)
    info = _rules_by_content(text, quotes, tokens, doc)
    pairs = {i: (dice, exact, j) for dice, exact, i, j in align(preds, golds)}
    out = []
    for i, p in enumerate(preds):
        rec: dict[str, Any] = {"doc": doc.name, **info.get(p.content, {"rule": "?"})}
        rec["pred_content"] = _text(text, p.content)
        rec["pred_source"] = _text(text, p.source)
        rec["pred_cue"] = _text(text, p.cue)
        g: EvalItem | None = None
        if i in pairs:
            dice, exact, j = pairs[i]
            g = golds[j]
            rec["dice"] = round(dice, 3)
            if exact:
                rec["status"] = "exact"
            elif dice >= MATCH_THRESHOLD:
                rec["status"] = "boundary"
                rec["btype"] = _boundary_type(p.content, g.content)
            else:
                rec["status"] = "weak"
            rec["source_ok"] = p.source == g.source
        else:
            touched = [h for h in golds if p.tokens & h.tokens]
            rec["status"] = "unaligned" if touched else "false"
            rec["dice"] = 0.0
        if g is not None:
            rec["gold_content"] = _text(text, g.content)
            rec["gold_source"] = _text(text, g.source)
            rec["gold_cue"] = _text(text, g.cue)
        a, b = p.content[0][0], p.content[-1][1]
        rec["before"] = text[max(0, a - 80) : a].replace("\n", " ⏎ ")
        rec["after"] = text[b : b + 80].replace("\n", " ⏎ ")
        if g is not None:
            rec["gold_after"] = text[g.content[-1][1] : g.content[-1][1] + 80].replace("\n", " ⏎ ")
        out.append(rec)
    return out


def summary(records: list[dict]) -> str:
    """A table per rule: predictions, exact and overlap precision, error types."""
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_rule[r["rule"]].append(r)
    lines = [f"{'rule':40} {'n':>5} {'exP':>5} {'ovP':>5}  exact bound  weak false unal"]
    rows = sorted(by_rule.items(), key=lambda kv: -len(kv[1]))
    for rule, rs in rows + [("ALL", records)]:
        st = Counter(r["status"] for r in rs)
        n = len(rs)
        ov = sum(r["dice"] for r in rs)
        lines.append(
            f"{rule:40} {n:5d} {100 * st['exact'] / n:5.1f} {100 * ov / n:5.1f}  "
            f"{st['exact']:5d} {st['boundary']:5d} {st['weak']:5d} {st['false']:5d} {st['unaligned']:4d}"
        )
    bt = Counter(r["btype"] for r in records if r["status"] == "boundary")
    lines.append("boundary types: " + ", ".join(f"{k} {v}" for k, v in bt.most_common()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the extractor over a split, print the table, write the records."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("-o", "--output", help="write JSONL here")
    args = ap.parse_args(argv)
    extractor = Extractor(backend="fast", include_beliefs=True, stances=Stance)
    records: list[dict] = []
    for doc in read_polnear(args.path, args.split, limit=args.limit):
        article = Article(text=doc.text, id=doc.name, outlet=doc.publisher, published=doc.published)
        records.extend(describe(doc, extractor.extract_article(article)))
    print(summary(records))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

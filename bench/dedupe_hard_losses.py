"""Where the hard pair set's wrong pairs come from; how well an encoder's cosine ranks them.

For one split and one mode, every quote of the split is deduped in one call (as
``bench/eval_dedupe_hard.py`` does), and each wrongly predicted pair is put down to
the stage that decided it:

* ``other block``: the two speakers resolve to two entities, so the pair is never compared;
* ``rule: ...``: a hard rule keeps the pair apart (an earlier occasion, a denial of
  having said it, numbers that disagree, two short texts of opposite polarity);
* ``score``: the pair's own score (the verifier's probability in ``semantic`` mode, the
  term score in ``statement`` mode) is on the wrong side of the mode's threshold;
* ``clustering``: its own score is on the right side, but the clusters decided
  otherwise: a missed pair that was never a candidate or that the guard against
  chains kept out, or a false merge made through a chain of other pairs.

``--encoder-auc DIR`` instead compares the cosine of the bundled encoder with that of
a sentence-transformers model folder on the split's pairs (ROC AUC, and the best
pair F1 over cosine thresholds), before anything is wired to a new encoder.

Usage::

    python bench/dedupe_hard_losses.py [--split tune] [--mode semantic] [--list]
    python bench/dedupe_hard_losses.py --split tune --encoder-auc /path/to/model
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from eval_dedupe_hard import DEFAULT_PAIRS, SPLITS, evaluate, load_pairs, member_key, split_quotes

from quotes.dedupe.columns import read_columns
from quotes.dedupe.defaults import (
    DEFAULT_MAX_DAYS,
    DEFAULT_MIN_PARTIAL_WORDS,
    DEFAULT_PARTIAL_THRESHOLD,
    DEFAULT_RATIO_THRESHOLD,
    DEFAULT_SEMANTIC_THRESHOLD,
    DEFAULT_STATEMENT_THRESHOLD,
)
from quotes.dedupe.engine import DedupeRun
from quotes.dedupe.semantic import Encoder, default_encoder, embed
from quotes.dedupe.statement import StatementScorer

STAGES = (
    "other block",
    "rule: earlier occasion",
    "rule: denial of saying",
    "rule: numbers",
    "rule: polarity",
    "score",
    "clustering",
)


def cached(encoder: Encoder) -> Encoder:
    """``encoder`` with each distinct text encoded once per process."""
    vectors: dict[str, np.ndarray] = {}

    def encode(texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in vectors]
        if todo:
            vectors.update(zip(todo, np.asarray(encoder(todo)), strict=True))
        return np.stack([vectors[t] for t in texts])

    return encode


def losses(
    pairs: Sequence[dict[str, Any]], mode: str, encoder: Encoder | None = None
) -> list[tuple[str, str, dict[str, Any]]]:
    """``(outcome, stage, pair)`` for every wrongly predicted pair of ``pairs`` in ``mode``.

    Args:
        pairs: Labelled pairs of one split.
        mode: ``statement`` or ``semantic``.
        encoder: The semantic mode's encoder (the bundled one when ``None``).
    """
    encoder = cached(encoder or default_encoder)
    scored = evaluate(pairs, mode, encoder=encoder)
    cols = read_columns(list(split_quotes(pairs).values()))
    run = DedupeRun(cols, False, DEFAULT_MAX_DAYS)
    threshold = DEFAULT_SEMANTIC_THRESHOLD if mode == "semantic" else DEFAULT_STATEMENT_THRESHOLD
    run.link(
        mode=mode, ratio_threshold=DEFAULT_RATIO_THRESHOLD,
        partial_threshold=DEFAULT_PARTIAL_THRESHOLD, min_partial_words=DEFAULT_MIN_PARTIAL_WORDS,
        statement_threshold=DEFAULT_STATEMENT_THRESHOLD,
        semantic_threshold=DEFAULT_SEMANTIC_THRESHOLD, block_keys=3, max_block=64, encoder=encoder,
    )  # fmt: skip
    scorer = run.statements
    where = {
        (a or "", s, e): k
        for k, (a, s, e) in enumerate(zip(cols.article, cols.start, cols.end, strict=True))
    }
    out = []
    for outcome, pair in scored.errors:
        i = run.quote_item[where[member_key(pair["a"])]]
        j = run.quote_item[where[member_key(pair["b"])]]
        if run.blocks[i] != run.blocks[j] or run.blocks[i] < 0 or scorer is None:
            stage = "other block"
        elif rule := kept_apart_by(scorer, i, j):
            stage = rule
        elif (scorer.score(i, j) >= threshold) == (outcome == "fp"):
            stage = "score"
        else:
            stage = "clustering"
        out.append((outcome, stage, pair))
    return out


def kept_apart_by(scorer: StatementScorer, i: int, j: int) -> str | None:
    """The hard rule that keeps items ``i`` and ``j`` apart, or ``None``."""
    if scorer.earlier[i] != scorer.earlier[j]:
        return "rule: earlier occasion"
    if scorer.denial_of_saying[i] != scorer.denial_of_saying[j]:
        return "rule: denial of saying"
    if not scorer.claims.numbers_agree(i, j):
        return "rule: numbers"
    if scorer.opposite_polarity(i, j, scorer.best_match(i, j)[1:]):
        return "rule: polarity"
    return None


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC of ``scores`` for boolean ``labels`` (rank formula; ties broken by order).

    Examples:
        >>> auc(np.array([0.1, 0.4, 0.35, 0.8]), np.array([False, False, True, True]))
        0.75
    """
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    positives = int(labels.sum())
    negatives = len(labels) - positives
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def best_f1(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The best pair F1 over thresholds on ``scores``, and that threshold.

    Examples:
        >>> best_f1(np.array([0.1, 0.4, 0.35, 0.8]), np.array([False, False, True, True]))
        (0.8, 0.35)
    """
    best = (0.0, 0.0)
    for t in np.unique(scores):
        predicted = scores >= t
        tp = int((predicted & labels).sum())
        f1 = 2 * tp / (predicted.sum() + labels.sum())
        if f1 > best[0]:
            best = (float(f1), float(t))
    return best


def cosines(pairs: Sequence[dict[str, Any]], encoder: Callable[[Sequence[str]], Any]) -> np.ndarray:
    """The embedding cosine of each pair's two texts."""
    texts = sorted({p[side]["text"] for p in pairs for side in "ab"})
    row = {t: k for k, t in enumerate(texts)}
    vectors = embed(texts, encoder)
    return np.asarray(
        [float(vectors[row[p["a"]["text"]]] @ vectors[row[p["b"]["text"]]]) for p in pairs]
    )


def model_encoder(folder: str) -> Encoder:
    """A sentence-transformers model folder as an encoder (loaded offline, on the CPU)."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(folder, device="cpu", local_files_only=True)
    return lambda texts: model.encode(list(texts), batch_size=32, show_progress_bar=False)


def main(argv: list[str] | None = None) -> int:
    """Command line: the loss table of one split and mode, or the encoders' AUC."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--mode", choices=("statement", "semantic"), default="semantic")
    parser.add_argument("--list", action="store_true", help="list the wrong pairs")
    parser.add_argument("--encoder-auc", metavar="DIR", help="compare a model folder's cosine")
    args = parser.parse_args(argv)
    pairs = load_pairs(DEFAULT_PAIRS, args.split)
    if args.encoder_auc:
        labels = np.asarray([p["label"] == "same" for p in pairs])
        for name, encoder in (
            ("bundled", default_encoder),
            (args.encoder_auc, model_encoder(args.encoder_auc)),
        ):
            cos = cosines(pairs, encoder)
            f1, at = best_f1(cos, labels)
            print(f"{name}: AUC {auc(cos, labels):.3f}  best F1 {f1:.3f} at cosine {at:.3f}")
        return 0
    found = losses(pairs, args.mode)
    counts = Counter((outcome, stage) for outcome, stage, _ in found)
    print(f"split {args.split}, mode {args.mode}: {len(pairs)} pairs, {len(found)} wrong")
    for outcome, name in (("fn", "missed (fn)"), ("fp", "false merges (fp)")):
        row = ", ".join(f"{stage} {counts[outcome, stage]}" for stage in STAGES)
        print(f"  {name}: {row}")
    if args.list:
        for outcome, stage, pair in found:
            print(f"{outcome} [{stage}] {pair.get('id')} {pair.get('category')}")
            print(f"    a {pair['a']['text'][:110]}")
            print(f"    b {pair['b']['text'][:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

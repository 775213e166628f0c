"""Score the learned tagger on the held-out tenth of PolNeAR train (never dev).

    .venv/bin/python scripts/eval_tagger.py ../shared/polnear [--throughput 300]

Prints, for the 84 validation articles that scripts/train_tagger.py held out
(sorted names, index % 10 == 9): rules alone, tagger alone (its own quotes,
rule output only as input features), and rules + tagger (``Extractor(tagger=True)``),
then the model's load time and size and the throughput of rules vs combined.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_tagger import split_docs  # noqa: E402

from quotes.evaluation.evaluate import evaluate_documents  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.pipeline import Extractor, attribute_document, build_document  # noqa: E402
from quotes.evaluation.polnear import read_polnear  # noqa: E402
from quotes.model.tagger import VOCAB_PATH, WEIGHTS_PATH, load_tagger  # noqa: E402


def row(name, rep):
    cells = [name]
    for sub in ("all", "direct", "indirect", "mixed", "speech"):
        s = rep.subsets[sub]
        cells.append(f"{100 * (s.content_exact.f1 or 0):.1f}")
    a = rep.subsets["all"]
    cells += [
        f"{100 * (a.content_exact.precision or 0):.1f}/{100 * (a.content_exact.recall or 0):.1f}",
        f"{100 * (a.content_overlap.f1 or 0):.1f}",
        f"{100 * (a.source_exact.f1 or 0):.1f}",
        f"{100 * (a.cue_exact.f1 or 0):.1f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--throughput", type=int, default=300, help="articles for the speed test")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    load_tagger.cache_clear()
    tagger = load_tagger()
    load_s = time.perf_counter() - t0
    size = WEIGHTS_PATH.stat().st_size + VOCAB_PATH.stat().st_size

    docs = list(read_polnear(args.polnear, "train"))
    train_docs, val = split_docs(docs)
    rules = Extractor(backend="fast", include_beliefs=True)
    combined = Extractor(backend="fast", include_beliefs=True, tagger=True)

    def tagger_alone(article):
        doc = build_document(article, rules.segmenter)
        return tagger.quotes(doc, rules.segmenter, attribute_document(doc, rules.segmenter))

    print(
        "| validation (84 train articles) | all exact F1 | direct | indirect | mixed | speech | "
        "all exact P/R | all overlap F1 | all source F1 | all cue F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, ex in (
        ("rules", rules),
        ("tagger alone", tagger_alone),
        ("rules + tagger", combined),
    ):
        print(row(name, evaluate_documents(val, ex, split="train-val")), flush=True)
    speech_rules = Extractor(backend="fast")
    speech_comb = Extractor(backend="fast", tagger=True)
    for name, ex in (
        ("rules (speech only output)", speech_rules),
        ("rules + tagger (speech only output)", speech_comb),
    ):
        rep = evaluate_documents(val, ex, split="train-val")
        s = rep.subsets["speech"]
        print(
            f"{name}: speech exact F1 {100 * (s.content_exact.f1 or 0):.1f}, overlap "
            f"{100 * (s.content_overlap.f1 or 0):.1f}, source {100 * (s.source_exact.f1 or 0):.1f}"
        )

    print(f"\nload {load_s:.3f} s (NumPy; includes reading {size / 1e6:.2f} MB of weights + vocab)")
    arts = [Article(text=d.text, id=d.name) for d in (train_docs + val)[: args.throughput]]
    chars = sum(len(a.text) for a in arts)
    for name, ex in (("rules (fast)", rules), ("rules + tagger", combined)):
        best = None
        for _ in range(2):
            t = time.perf_counter()
            for a in arts:
                ex.extract_article(a)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        print(
            f"{name}: {len(arts)} articles, {chars} chars, {best:.2f} s, "
            f"{chars / best / 1e3:.0f} k chars/s"
        )


if __name__ == "__main__":
    main()

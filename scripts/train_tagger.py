"""Train the learned span tagger (quotes/model/tagger.py) on PolNeAR train, CPU only.

    .venv/bin/python scripts/train_tagger.py ../shared/polnear [--epochs 12] [--out quotes/data]

On a quiet 2-core machine this takes about 10 minutes (12 epochs of ~50 s).

Data. ``read_polnear(path, "train")`` only; the ``dev`` split is never read.
The articles are sorted by name and every tenth one (index % 10 == 9, 84 of
840) is held out as validation, for model selection and early stopping; the
other 756 are trained on. The vocabulary comes from the training part only.

Tokens and features are those of `quotes.model.features.featurize` (the package's
``TOKEN_RE`` over the normalised text, cut into paragraphs), so inference sees
exactly what training saw. The rule extractor's output
(``Extractor(backend="fast", include_beliefs=True)``) is an input feature.

Gold tags: BIO over SOURCE / CUE / CONTENT. Attributions overlap and nest in
PolNeAR (a content holding a whole attribution of its own). We keep the
outermost: attributions are applied by decreasing content length (file order
breaks ties) and a token keeps the first tag it gets, so an inner
attribution's source, cue and content stay inside the outer content. Each
piece of a discontinuous span starts with a B tag.

Model: word embedding (lower-cased, min count 2) + 3-letter suffix embedding
+ the binary features -> 2-layer BiLSTM (hidden 128) -> softmax over the 7
tags. Adam (lr 3e-3), cross-entropy, batches of 64 chunks of similar length, seeded, deterministic
algorithms, 2 threads. After each epoch the model is run as the package runs
it (NumPy, combined with the rules) on the validation articles and scored
with ``quotes.evaluation.evaluate``, adding the tagger quotes whose confidence reaches
a threshold (tried from THRESHOLDS) and letting those reaching a second one (tried
from REPLACE_THRESHOLDS) replace rule quotes of reported speech they overlap
(``quotes.model.tagger.combine``); the epoch and thresholds with the best content exact F1
over all attributions are kept (at most 12 epochs, patience 3).
Weights are saved as float16 in ``quotes/data/tagger.npz``, the vocabulary and
settings in ``tagger.json``.

``--select-only`` trains nothing: it runs the shipped weights on the validation
articles, chooses the two thresholds again and rewrites them in ``tagger.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.evaluation.evaluate import evaluate_documents  # noqa: E402
from quotes.evaluation.polnear import read_polnear  # noqa: E402
from quotes.model.features import FEATURES, featurize, suffix  # noqa: E402
from quotes.model.tagger import TAGS, SpanTagger, combine  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.pipeline import Extractor, attribute_document, build_document  # noqa: E402

VERSION = "1"
SEED = 13
#: Confidences tried for adding a tagger quote to the rules' (chosen on validation).
THRESHOLDS = (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: Confidences tried for a tagger quote replacing rule quotes of reported speech (None: never).
REPLACE_THRESHOLDS = (None, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
TAG_ID = {t: i for i, t in enumerate(TAGS)}


def split_docs(docs):
    docs = sorted(docs, key=lambda d: d.name)
    train = [d for k, d in enumerate(docs) if k % 10 != 9]
    val = [d for k, d in enumerate(docs) if k % 10 == 9]
    return train, val


def gold_tags(doc, chunk_tokens):
    """Tag ids for the tokens of one document (flat, in order)."""
    starts = [t[1] for t in chunk_tokens]
    ends = [t[2] for t in chunk_tokens]
    import bisect

    tags = [0] * len(chunk_tokens)

    def apply(segments, label):
        for a, b in segments:
            i = bisect.bisect_right(ends, a)
            j = bisect.bisect_left(starts, b)
            first = True
            for k in range(i, j):
                if tags[k] == 0:
                    tags[k] = TAG_ID[("B-" if first else "I-") + label]
                    first = False
                else:
                    first = True  # a piece interrupted by an outer tag starts again

    atts = [a for a in doc.attributions if a.content is not None]
    order = sorted(
        range(len(atts)), key=lambda k: (-sum(b - a for a, b in atts[k].content.segments), k)
    )
    for k in order:
        att = atts[k]
        apply(att.content.segments, "CONTENT")
        if att.cue is not None:
            apply(att.cue.segments, "CUE")
        if att.source is not None:
            apply(att.source.segments, "SOURCE")
    return tags


def prepare(docs, extractor):
    """Per document: (chunks, rule quotes, gold tag ids per chunk)."""
    out = []
    for doc in docs:
        article = Article(text=doc.text, id=doc.name, outlet=doc.publisher, published=doc.published)
        rules = extractor.extract_article(article)
        chunks = featurize(doc.text, extractor.segmenter.segment(doc.text), rules)
        flat = [t for c in chunks for t in c.tokens]
        tags = gold_tags(doc, flat)
        per = []
        k = 0
        for c in chunks:
            per.append(tags[k : k + len(c.tokens)])
            k += len(c.tokens)
        out.append((doc, article, rules, chunks, per))
    return out


def build_vocab(prepared, min_count=2):
    words, sufs = Counter(), Counter()
    for _doc, _art, _rules, chunks, _tags in prepared:
        for c in chunks:
            for tok, _a, _b in c.tokens:
                low = tok.lower()
                words[low] += 1
                sufs[suffix(low)] += 1
    w = ["<pad>", "<unk>"] + sorted(x for x, n in words.items() if n >= min_count)
    s = ["<pad>", "<unk>"] + sorted(x for x, n in sufs.items() if n >= min_count)
    return w, s


def parse_args(argv=None):
    """The command line's options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", help="the PolNeAR folder")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--word-dim", type=int, default=100)
    ap.add_argument("--suffix-dim", type=int, default=24)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--out", default=str(ROOT / "quotes" / "data"))
    ap.add_argument(
        "--keep-epochs", action="store_true", help="also save every epoch's weights in --out"
    )
    ap.add_argument(
        "--limit", type=int, default=None, help="use only the first N train docs (smoke test)"
    )
    ap.add_argument(
        "--select-only",
        action="store_true",
        help="train nothing: choose the shipped weights' thresholds again on validation",
    )
    return ap.parse_args(argv)


def seed_everything(torch):
    """Seed every random generator and make torch deterministic on 2 threads."""
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")


def load_data(args, started):
    """The train and validation articles, prepared (`prepare`), and the vocabulary."""
    docs = list(read_polnear(args.polnear, "train"))
    train_docs, val_docs = split_docs(docs)
    if args.limit:
        train_docs = train_docs[: args.limit]
        val_docs = val_docs[: max(2, args.limit // 9)]
    extractor = Extractor(backend="fast", include_beliefs=True)
    train = prepare(train_docs, extractor)
    val = prepare(val_docs, extractor)
    words, sufs = build_vocab(train)
    print(
        f"{len(train_docs)} train / {len(val_docs)} validation articles; "
        f"vocab {len(words)} words, {len(sufs)} suffixes; "
        f"prep {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return extractor, train, val, words, sufs


def training_items(torch, train, words, sufs):
    """``(word ids, suffix ids, features, tag ids)`` tensors of every training chunk."""
    wid = {w: i for i, w in enumerate(words)}
    sid = {s: i for i, s in enumerate(sufs)}

    def tensors(chunk, tags):
        w = torch.tensor([wid.get(t[0].lower(), 1) for t in chunk.tokens], dtype=torch.long)
        s = torch.tensor(
            [sid.get(suffix(t[0].lower()), 1) for t in chunk.tokens], dtype=torch.long
        )
        f = torch.from_numpy(np.ascontiguousarray(chunk.feats))
        y = torch.tensor(tags, dtype=torch.long)
        return w, s, f, y

    items = [
        tensors(c, t)
        for _d, _a, _r, chunks, tags in train
        for c, t in zip(chunks, tags, strict=True)
    ]
    n_tokens = sum(len(it[0]) for it in items)
    counts = Counter(int(x) for it in items for x in it[3])
    print(
        f"{len(items)} chunks, {n_tokens} tokens; tags "
        + ", ".join(f"{TAGS[k]} {counts[k]}" for k in range(len(TAGS))),
        flush=True,
    )
    return items


def build_net(args, n_words, n_sufs):
    """The PyTorch network whose weights the package's NumPy tagger runs."""
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_emb = nn.Embedding(n_words, args.word_dim, padding_idx=0)
            self.suffix_emb = nn.Embedding(n_sufs, args.suffix_dim, padding_idx=0)
            self.drop = nn.Dropout(0.3)
            self.lstm = nn.LSTM(
                args.word_dim + args.suffix_dim + len(FEATURES),
                args.hidden,
                num_layers=args.layers,
                bidirectional=True,
                batch_first=True,
                dropout=0.3 if args.layers > 1 else 0.0,
            )
            self.out = nn.Linear(2 * args.hidden, len(TAGS))

        def forward(self, w, s, f, lengths):
            x = torch.cat([self.word_emb(w), self.suffix_emb(s), f], dim=2)
            x = self.drop(x)
            packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=w.shape[1])
            return self.out(self.drop(h))

    return Net()


def vocab_record(args, words, sufs):
    """The ``tagger.json`` contents known before training."""
    return {
        "version": VERSION,
        "tags": list(TAGS),
        "features": list(FEATURES),
        "config": {
            "layers": args.layers,
            "hidden": args.hidden,
            "word_dim": args.word_dim,
            "suffix_dim": args.suffix_dim,
            "seed": SEED,
            "epochs": args.epochs,
            "batch": args.batch,
            "lr": args.lr,
        },
        "words": words,
        "suffixes": sufs,
    }


def numpy_weights(net):
    """The network's weights as float16 NumPy arrays, by their PyTorch names."""
    return {k: v.detach().cpu().numpy().astype(np.float16) for k, v in net.state_dict().items()}


def _read_by_rules(article, segmenter):
    """The article's Document after the rules have read it (the tagger resolves speakers through it)."""
    doc = build_document(article, segmenter)
    attribute_document(doc, segmenter)
    return doc


def select_thresholds(val_docs, found):
    """Best (F1, (threshold, replace threshold), report) of rules + model on validation.

    ``found`` maps each article id to its (rule quotes, model quotes); every pair of
    THRESHOLDS and REPLACE_THRESHOLDS is tried with ``combine``.
    """
    best = None
    for th in THRESHOLDS:
        for rth in REPLACE_THRESHOLDS:
            rep = evaluate_documents(
                val_docs, lambda a, th=th, rth=rth: combine(*found[a.id], th, rth), split="train-val"
            )
            f1 = rep.subsets["all"].content_exact.f1 or 0.0
            if best is None or f1 > best[0]:
                best = (f1, (th, rth), rep)
    return best


def set_thresholds(vocab, thresholds):
    """Record the chosen (threshold, replace threshold) in the weights' settings."""
    vocab["threshold"], vocab["replace_threshold"] = thresholds


def score(weights, vocab, val, extractor):
    """Best (F1, thresholds, report) of rules + tagger on the validation articles."""
    tagger = SpanTagger(weights, vocab)
    found = {
        art.id: (rules, tagger.quotes(_read_by_rules(art, extractor.segmenter), extractor.segmenter, rules))
        for _d, art, rules, _c, _t in val
    }
    return select_thresholds([d for d, *_ in val], found)


def train_epoch(torch, net, opt, loss_fn, items, batches, gen):
    """One pass over the batches in a seeded random order; returns the summed loss."""
    from torch import nn

    net.train()
    total = 0.0
    for bk in torch.randperm(len(batches), generator=gen).tolist():
        batch = [items[k] for k in batches[bk]]
        lengths = torch.tensor([len(it[0]) for it in batch])
        T = int(lengths.max())
        w = torch.zeros(len(batch), T, dtype=torch.long)
        s = torch.zeros(len(batch), T, dtype=torch.long)
        f = torch.zeros(len(batch), T, batch[0][2].shape[1])  # features (+ encoder vectors)
        y = torch.full((len(batch), T), -100, dtype=torch.long)
        for j, (wi, si, fi, yi) in enumerate(batch):
            n = len(wi)
            drop = torch.rand(n, generator=gen) < 0.05  # word dropout: learn the <unk> row
            w[j, :n] = torch.where(drop, torch.ones_like(wi), wi)
            s[j, :n] = si
            f[j, :n] = fi
            y[j, :n] = yi
        logits = net(w, s, f, lengths)
        loss = loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        total += float(loss.detach()) * len(batch)
    return total


def save(out, best, vocab, trained):
    """Write ``tagger.npz`` and ``tagger.json`` of the best epoch to ``out``."""
    f1, epoch, weights, th = best
    set_thresholds(vocab, th)
    vocab["trained"] = {"best_epoch": epoch, "val_content_exact_f1": round(100 * f1, 2), **trained}
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "tagger.npz", **weights)
    (out / "tagger.json").write_text(
        json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return (out / "tagger.npz").stat().st_size + (out / "tagger.json").stat().st_size


def select_only(args):
    """``--select-only``: choose the shipped weights' thresholds again and rewrite ``tagger.json``."""
    from quotes.model.tagger import read_weights

    _train, val_docs = split_docs(list(read_polnear(args.polnear, "train")))
    extractor = Extractor(backend="fast", include_beliefs=True)
    out = Path(args.out)
    weights, vocab = read_weights(out / "tagger.npz", out / "tagger.json", "the tagger", __file__)
    f1, th, _rep = score(weights, vocab, prepare(val_docs, extractor), extractor)
    set_thresholds(vocab, th)
    vocab["trained"]["val_content_exact_f1"] = round(100 * f1, 2)
    (out / "tagger.json").write_text(
        json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    print(f"thresholds {th}: validation content exact F1 {100 * f1:.2f}", flush=True)


def main(argv=None):
    """Train, select the epoch and threshold on validation, and save the weights."""
    args = parse_args(argv)
    if args.select_only:
        select_only(args)
        return
    import torch
    from torch import nn

    started = time.perf_counter()
    seed_everything(torch)
    extractor, train, val, words, sufs = load_data(args, started)
    items = training_items(torch, train, words, sufs)
    net = build_net(args, len(words), len(sufs))
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    gen = torch.Generator().manual_seed(SEED)
    # Batches of chunks of similar length (little padding), visited in a seeded random order.
    by_len = sorted(range(len(items)), key=lambda k: (len(items[k][0]), k))
    batches = [by_len[b : b + args.batch] for b in range(0, len(by_len), args.batch)]
    vocab = vocab_record(args, words, sufs)
    best = (-1.0, -1, None, 0.0)
    bad = 0
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        total = train_epoch(torch, net, opt, loss_fn, items, batches, gen)
        net.eval()
        weights = numpy_weights(net)
        f1, th, rep = score(weights, vocab, val, extractor)
        allf = rep.subsets["all"]
        print(
            f"epoch {epoch}: loss {total / len(items):.4f}  val rules+tagger (threshold {th}) "
            f"content exact F1 {100 * f1:.1f} overlap {100 * (allf.content_overlap.f1 or 0):.1f} "
            f"source {100 * (allf.source_exact.f1 or 0):.1f}  ({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        if args.keep_epochs:
            Path(args.out).mkdir(parents=True, exist_ok=True)
            np.savez_compressed(Path(args.out) / f"epoch{epoch}.npz", **weights)
        if f1 > best[0]:
            best = (f1, epoch, weights, th)
            bad = 0
        else:
            bad += 1
            if bad >= args.patience:
                break
    seconds = time.perf_counter() - started
    trained = {
        "train_articles": len(train),
        "val_articles": len(val),
        "seconds": round(seconds, 1),
        "torch": torch.__version__,
    }
    size = save(args.out, best, vocab, trained)
    print(
        f"best epoch {best[1]}: val combined content exact F1 {100 * best[0]:.1f}; saved to "
        f"{Path(args.out)} ({size / 1e6:.2f} MB); training took {seconds:.0f} s",
        flush=True,
    )


if __name__ == "__main__":
    main()

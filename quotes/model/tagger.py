"""A small learned span tagger that extends the rules' recall (optional).

The tagger reads an article paragraph by paragraph and gives every token one
BIO tag over ``SOURCE``, ``CUE`` and ``CONTENT``. Its inputs are the word
(lower-cased, vocabulary from PolNeAR train), its last three letters, the
token's shape, quotation marks, the cue lexicon and, above all, the output of
the rule extractor itself (is the token inside a rule quote, its cue, its
speaker), so the network learns to extend the rules rather than replace them.
A bidirectional LSTM (one layer by default; the size is in
``quotes/data/tagger.json``) reads the paragraph.

The weights were trained on PolNeAR ``train`` by ``scripts/train_tagger.py``
(PyTorch, CPU). Inference here is plain NumPy: the package does not need
PyTorch to use the tagger, and the weights load in a fraction of a second.

Use it through the extractor::

    Extractor(backend="fast", tagger=True)

which keeps every rule quote and adds the tagger's contents that overlap no
rule quote and whose confidence reaches the threshold chosen on the held-out
validation articles (see :meth:`SpanTagger.extend`). Tagger quotes say so in their provenance:
``rules == ("tagger", "bilstm-<version>")``.
"""

from __future__ import annotations

import bisect
import json
import re
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import TaggerUnavailableError
from quotes.lexicon import REPORTING_VERBS, cue_rates, source_words
from quotes.text.marks import fold_double_apostrophes, normalize
from quotes.models import Article, CueType, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType
from quotes.evaluation.polnear import quoted_regions
from quotes.text.segment import Segmenter
from quotes.speakers.resolver import TOKEN_RE

__all__ = [
    "MAX_CHUNK_TOKENS",
    "TAGS",
    "WEIGHTS_PATH",
    "Chunk",
    "SpanTagger",
    "combine",
    "featurize",
    "load_tagger",
]

#: The tags, in the order of the network's outputs.
TAGS: tuple[str, ...] = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")

#: Where the weights (``tagger.npz``) and vocabulary (``tagger.json``) live.
WEIGHTS_PATH = Path(__file__).parents[1] / "data" / "tagger.npz"
VOCAB_PATH = Path(__file__).parents[1] / "data" / "tagger.json"

#: Longest chunk the tagger reads at once; longer paragraphs are cut at sentence ends.
MAX_CHUNK_TOKENS = 300

_LINE = re.compile(r"[^\n]+")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_EDGE_LEAD = " \t,;:—–-…" + "\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂"
_EDGE_TRAIL = " \t,;:.—–-…" + "\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂"

#: Names of the per-token binary/real features, in column order.
FEATURES: tuple[str, ...] = (
    "cap",
    "allcaps",
    "digit",
    "punct",
    "mark",
    "quoted",
    "sent_start",
    "line_start",
    "reporting_verb",
    "cue_rate",
    "cue_speech",
    "cue_claim",
    "cue_belief",
    "source_word",
    "that",
    "r_content_b",
    "r_content_i",
    "r_direct",
    "r_indirect",
    "r_mixed",
    "r_belief",
    "r_cue",
    "r_source",
)
_F = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Chunk:
    """A piece of an article the tagger reads at once (a paragraph or part of one).

    Attributes:
        tokens: ``(text, start, end)`` with offsets into the article text.
        feats: ``(len(tokens), len(FEATURES))`` float32 features.
    """

    tokens: list[tuple[str, int, int]]
    feats: np.ndarray


def _suffix(low: str) -> str:
    return low[-3:]


def _mark_spans(
    spans: list[tuple[int, int]],
    starts: list[int],
    ends: list[int],
    feats: np.ndarray,
    col: int,
    begin_col: int | None = None,
) -> None:
    for a, b in spans:
        i = bisect.bisect_right(ends, a)
        j = bisect.bisect_left(starts, b)
        if i < j:
            feats[i:j, col] = 1.0
            if begin_col is not None:
                feats[i, begin_col] = 1.0
                feats[i, col] = 0.0


def featurize(text: str, sentences: list[tuple[int, int]], rule_quotes: list[Quote]) -> list[Chunk]:
    """Cut ``text`` into chunks and compute each token's features.

    Tokens are :data:`quotes.speakers.resolver.TOKEN_RE` matches over the normalised text
    (quotation marks and apostrophes folded, same length), as the rules read it.

    Args:
        text: The article text.
        sentences: Sentence spans (from the segmenter), used to cut long paragraphs.
        rule_quotes: The rule extractor's quotes for the article, beliefs included.

    Returns:
        The chunks in document order; empty lines give none.
    """
    norm = fold_double_apostrophes(normalize(text))
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]
    n = len(toks)
    feats = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if not n:
        return []
    starts = [t[1] for t in toks]
    ends = [t[2] for t in toks]
    rates = cue_rates()
    sources = source_words()
    for k, (tok, _a, _b) in enumerate(toks):
        low = tok.lower()
        row = feats[k]
        c = tok[0]
        if c.isupper():
            row[0] = 1.0
            if len(tok) > 1 and tok.isupper():
                row[1] = 1.0
        elif c.isdigit():
            row[2] = 1.0
        elif not c.isalnum() and c != "_":
            row[3] = 1.0
            if c in "\"'\x7f":
                row[4] = 1.0
        if low in REPORTING_VERBS:
            row[8] = 1.0
        r = rates.get(low)
        if r is not None:
            row[9] = r[0]
            row[{"speech": 10, "claim": 11, "belief": 12}.get(r[2], 10)] = 1.0
        if low in sources:
            row[13] = 1.0
        if low == "that":
            row[14] = 1.0
    _mark_spans(quoted_regions(text), starts, ends, feats, _F["quoted"])
    for a, _b in sentences:
        i = bisect.bisect_left(starts, a)
        if i < n:
            feats[i, _F["sent_start"]] = 1.0
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    for a, _b in lines:
        i = bisect.bisect_left(starts, a)
        if i < n:
            feats[i, _F["line_start"]] = 1.0
    for q in rule_quotes:
        kind_col = {
            QuoteKind.DIRECT: "r_direct",
            QuoteKind.INDIRECT: "r_indirect",
            QuoteKind.MIXED: "r_mixed",
        }[q.kind]
        _mark_spans([(q.start, q.end)], starts, ends, feats, _F["r_content_i"], _F["r_content_b"])
        _mark_spans([(q.start, q.end)], starts, ends, feats, _F[kind_col])
        if q.cue_type is CueType.BELIEF:
            _mark_spans([(q.start, q.end)], starts, ends, feats, _F["r_belief"])
        if q.cue is not None:
            _mark_spans([(q.cue.start, q.cue.end)], starts, ends, feats, _F["r_cue"])
        if q.speaker is not None:
            _mark_spans([(q.speaker.start, q.speaker.end)], starts, ends, feats, _F["r_source"])
    # Chunks: lines, cut at sentence starts when longer than MAX_CHUNK_TOKENS.
    sent_starts = sorted({bisect.bisect_left(starts, a) for a, _ in sentences})
    chunks: list[Chunk] = []
    for a, b in lines:
        i = bisect.bisect_left(starts, a)
        j = bisect.bisect_left(starts, b)
        while i < j:
            stop = j
            if stop - i > MAX_CHUNK_TOKENS:
                limit = i + MAX_CHUNK_TOKENS
                k = bisect.bisect_right(sent_starts, limit) - 1
                cut = sent_starts[k] if k >= 0 else -1
                stop = cut if cut > i else limit
            chunks.append(Chunk(tokens=toks[i:stop], feats=feats[i:stop]))
            i = stop
    return chunks


# --------------------------------------------------------------------------- the network

_NEG = -1e9
#: Allowed tag transitions (0 or -inf): ``I-X`` only after ``B-X`` or ``I-X``.
_TRANSITIONS = np.zeros((len(TAGS), len(TAGS)))
_START = np.zeros(len(TAGS))
for _j, _to in enumerate(TAGS):
    if _to.startswith("I-"):
        _START[_j] = _NEG
        for _i, _frm in enumerate(TAGS):
            if _frm[2:] != _to[2:]:
                _TRANSITIONS[_i, _j] = _NEG


def _reverse_index(lengths: np.ndarray, steps: int) -> np.ndarray:
    """Gather indices that reverse each padded sequence within its own length."""
    idx = np.arange(steps)[None, :].repeat(len(lengths), 0)
    rev = lengths[:, None] - 1 - idx
    return np.where(rev >= 0, rev, idx)


def _bilstm_layer(
    x: np.ndarray,
    lengths: np.ndarray,
    rev_idx: np.ndarray,
    fwd: tuple[np.ndarray, ...],
    bwd: tuple[np.ndarray, ...],
) -> np.ndarray:
    """One bidirectional LSTM layer over a padded batch ``(B, T, D)`` (PyTorch gate order).

    Both directions run in the same loop (a batched matmul over the pair); the
    backward one reads each sequence reversed within its length, as PyTorch's
    packed sequences do, so padding never reaches a real token. ``lengths``
    must be sorted longest first: step ``t`` only computes the sequences still
    running, a prefix of the batch.
    """
    bsz, steps, _ = x.shape
    hidden = fwd[1].shape[1]
    x_rev = np.take_along_axis(x, rev_idx[:, :, None], axis=1)
    pre = np.stack([x @ fwd[0].T + fwd[2], x_rev @ bwd[0].T + bwd[2]])  # (2, B, T, 4H)
    pre = np.ascontiguousarray(pre.transpose(2, 0, 1, 3))  # (T, 2, B, 4H)
    w_hh = np.stack([fwd[1].T, bwd[1].T])  # (2, H, 4H)
    h = np.zeros((2, bsz, hidden), dtype=np.float32)
    c = np.zeros((2, bsz, hidden), dtype=np.float32)
    out = np.zeros((steps, 2, bsz, hidden), dtype=np.float32)
    h2, h3 = 2 * hidden, 3 * hidden
    running = (lengths[None, :] > np.arange(steps)[:, None]).sum(axis=1)
    for t in range(steps):
        n = int(running[t])
        g = pre[t, :, :n] + np.matmul(h[:, :n], w_hh)
        s = np.tanh(g)
        s[:, :, :h2] = 0.5 * np.tanh(0.5 * g[:, :, :h2]) + 0.5
        s[:, :, h3:] = 0.5 * np.tanh(0.5 * g[:, :, h3:]) + 0.5
        c = s[:, :, hidden:h2] * c[:, :n] + s[:, :, :hidden] * s[:, :, h2:h3]
        h = s[:, :, h3:] * np.tanh(c)
        out[t, :, :n] = h
    out = out.transpose(1, 2, 0, 3)  # (2, B, T, H)
    back = np.take_along_axis(out[1], rev_idx[:, :, None], axis=1)
    return np.concatenate([out[0], back], axis=2)


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it the BLAS library keeps its own setting
        return None
    return ThreadpoolController()


def _one_blas_thread() -> Any:
    ctl = _blas_controller()
    return ctl.limit(limits=1, user_api="blas") if ctl is not None else nullcontext()


class SpanTagger:
    """The loaded tagger network (NumPy inference).

    Attributes:
        version: Model version, recorded in each tagger quote's provenance.
        threshold: Least confidence of a tagger quote that :meth:`extend` adds to
            the rules' quotes (chosen on the validation articles by the training script).
        meta: Training settings and validation figures stored with the weights.
    """

    def __init__(self, weights: dict[str, np.ndarray], vocab: dict[str, Any]) -> None:
        self.w = {k: v.astype(np.float32) for k, v in weights.items()}
        self.words: dict[str, int] = {w: i for i, w in enumerate(vocab["words"])}
        self.suffixes: dict[str, int] = {w: i for i, w in enumerate(vocab["suffixes"])}
        self.layers = int(vocab["config"]["layers"])
        self.version = str(vocab["version"])
        self.threshold = float(vocab.get("threshold", 0.0))
        self.meta = vocab

    def _ids(self, chunk: Chunk) -> tuple[np.ndarray, np.ndarray]:
        words = np.array([self.words.get(t[0].lower(), 1) for t in chunk.tokens], dtype=np.int64)
        sufs = np.array(
            [self.suffixes.get(_suffix(t[0].lower()), 1) for t in chunk.tokens], dtype=np.int64
        )
        return words, sufs

    def probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        """Tag probabilities ``(len(tokens), len(TAGS))`` for each chunk.

        The small matrix products run on one BLAS thread (through
        ``threadpoolctl`` when it is installed): several threads only wait on
        each other at these sizes, and on a busy machine they slow the tagger
        down by an order of magnitude.
        """
        if not chunks:
            return []
        with _one_blas_thread():
            return self._probabilities(chunks)

    def _probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        order = sorted(range(len(chunks)), key=lambda j: -len(chunks[j].tokens))
        probs = self._sorted_probabilities([chunks[j] for j in order])
        out: list[np.ndarray] = [probs[0]] * len(chunks)
        for k, j in enumerate(order):
            out[j] = probs[k]
        return out

    def _sorted_probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        lengths = np.array([len(c.tokens) for c in chunks], dtype=np.int64)
        steps = int(lengths.max())
        bsz = len(chunks)
        w = self.w
        dim = w["word_emb.weight"].shape[1] + w["suffix_emb.weight"].shape[1] + len(FEATURES)
        x = np.zeros((bsz, steps, dim), dtype=np.float32)
        for j, ch in enumerate(chunks):
            words, sufs = self._ids(ch)
            n = len(ch.tokens)
            x[j, :n] = np.concatenate(
                [w["word_emb.weight"][words], w["suffix_emb.weight"][sufs], ch.feats], axis=1
            )
        rev_idx = _reverse_index(lengths, steps)
        for layer in range(self.layers):
            parts = []
            for suffix in ("", "_reverse"):
                parts.append(
                    (
                        w[f"lstm.weight_ih_l{layer}{suffix}"],
                        w[f"lstm.weight_hh_l{layer}{suffix}"],
                        w[f"lstm.bias_ih_l{layer}{suffix}"] + w[f"lstm.bias_hh_l{layer}{suffix}"],
                    )
                )
            x = _bilstm_layer(x, lengths, rev_idx, parts[0], parts[1])
        logits = x @ w["out.weight"].T + w["out.bias"]
        logits -= logits.max(axis=2, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=2, keepdims=True)
        return [p[j, : lengths[j]] for j in range(bsz)]

    def tag(self, chunks: list[Chunk]) -> list[list[tuple[int, float]]]:
        """The best valid tag sequence of each chunk, with each tag's probability.

        Viterbi over the log probabilities with the BIO constraint (``I-X`` only
        after ``B-X`` or ``I-X``), all chunks at once.
        """
        probs = self.probabilities(chunks)
        if not probs:
            return []
        lengths = [len(p) for p in probs]
        steps = max(lengths)
        n_tags = len(TAGS)
        logp = np.zeros((len(probs), steps, n_tags), dtype=np.float64)
        for j, p in enumerate(probs):
            logp[j, : len(p)] = np.log(np.maximum(p, 1e-12))
        trans = _TRANSITIONS
        score = logp[:, 0] + _START
        back = np.zeros((len(probs), steps, n_tags), dtype=np.int64)
        for t in range(1, steps):
            cand = score[:, :, None] + trans[None]  # (B, from, to)
            back[:, t] = cand.argmax(axis=1)
            new = cand.max(axis=1) + logp[:, t]
            live = np.array([t < n for n in lengths])[:, None]
            score = np.where(live, new, score)
        out = []
        for j, p in enumerate(probs):
            n = lengths[j]
            k = int(score[j].argmax())
            path = [k]
            for t in range(n - 1, 0, -1):
                k = int(back[j, t, k])
                path.append(k)
            path.reverse()
            out.append([(b, float(p[i, b])) for i, b in enumerate(path)])
        return out

    def extend(
        self, article: Article, segmenter: Segmenter, rule_quotes: list[Quote]
    ) -> list[Quote]:
        """The rule quotes plus the confident tagger quotes that overlap none of them.

        Args:
            article: The article.
            segmenter: The backend.
            rule_quotes: Every rule quote of the article (beliefs included).
        """
        return combine(rule_quotes, self.quotes(article, segmenter, rule_quotes), self.threshold)

    # ------------------------------------------------------------------- decoding

    def quotes(
        self, article: Article, segmenter: Segmenter, rule_quotes: list[Quote]
    ) -> list[Quote]:
        """The tagger's own quotes for one article (no rule quote is returned).

        Args:
            article: The article.
            segmenter: The backend (sentences, provenance).
            rule_quotes: The rule extractor's quotes for the article, beliefs included
                (they are the tagger's input features).
        """
        from quotes.document import Document

        ctx = Document.build(article, segmenter)
        # Kept as before the document model: this second document's resolver does
        # not skip names inside quotation marks (the rules' resolver does).
        ctx.quoted = []
        chunks = featurize(article.text, ctx.sentences, rule_quotes)
        found: list[Quote] = []
        regions = quoted_regions(article.text)
        for chunk, tags in zip(chunks, self.tag(chunks), strict=True):
            found.extend(self._decode(ctx, segmenter, chunk, tags, regions))
        return found

    def _decode(
        self,
        ctx: Any,
        segmenter: Segmenter,
        chunk: Chunk,
        tags: list[tuple[int, float]],
        regions: list[tuple[int, int]],
    ) -> list[Quote]:
        spans: dict[str, list[tuple[int, int, float]]] = {"SOURCE": [], "CUE": [], "CONTENT": []}
        cur: str | None = None
        first = 0
        probs: list[float] = []
        for k, (t, p) in enumerate(tags + [(0, 1.0)]):
            name = TAGS[t]
            label = name[2:] if name != "O" else None
            begin = name.startswith("B-")
            if cur is not None and (label != cur or begin):
                spans[cur].append((first, k - 1, float(np.mean(probs))))
                cur = None
            if label is not None and cur is None:
                cur, first, probs = label, k, []
            if cur is not None:
                probs.append(p)
        toks = chunk.tokens
        text = ctx.text
        out: list[Quote] = []
        for i, j, conf in spans["CONTENT"]:
            a, b = toks[i][1], toks[j][2]
            while a < b and text[a] in _EDGE_LEAD:
                a += 1
            while b > a and text[b - 1] in _EDGE_TRAIL:
                b -= 1
            if b <= a or len(text[a:b].split()) < 2:
                continue
            cue = _nearest(spans["CUE"], i, j)
            src = _nearest(spans["SOURCE"], *(cue[:2] if cue else (i, j)))
            cue_span = None
            cue_type = CueType.SPEECH
            if cue is not None:
                ca, cb = toks[cue[0]][1], toks[cue[1]][2]
                cue_span = Span(text=text[ca:cb], start=ca, end=cb)
                cue_type = _cue_type(text[ca:cb])
            speaker = None
            if src is not None:
                sa, sb = toks[src[0]][1], toks[src[1]][2]
                speaker = _resolve(ctx, sa, sb, a)
            out.append(
                ctx.quote(
                    a,
                    b,
                    kind=_kind(regions, toks, i, j, a, b),
                    cue_type=cue_type,
                    speaker=speaker,
                    cue=cue_span,
                    via=None,
                    confidence=round(max(0.0, min(1.0, conf * (1.0 if speaker else 0.8))), 2),
                    segmenter=segmenter,
                    rules=("tagger", f"bilstm-{self.version}"),
                )
            )
        return out


def _nearest(spans: list[tuple[int, int, float]], i: int, j: int) -> tuple[int, int, float] | None:
    """The span of ``spans`` closest to tokens ``i..j`` (ties: the earlier one)."""
    best = None
    best_d = 10**9
    for s in spans:
        d = i - s[1] if s[1] < i else (s[0] - j if s[0] > j else 0)
        if d < best_d:
            best, best_d = s, d
    return best


def _cue_type(cue: str) -> CueType:
    from quotes.attribution.cues import cue_type_of

    words = re.findall(r"[A-Za-z]+", cue)
    if any(w.lower() == "according" for w in words):
        return CueType.CLAIM
    kinds = [k for k in (cue_type_of(w) for w in words) if k is not None]
    if CueType.SPEECH in kinds:
        return CueType.SPEECH
    return kinds[0] if kinds else CueType.SPEECH


def _kind(
    regions: list[tuple[int, int]], toks: list[tuple[str, int, int]], i: int, j: int, a: int, b: int
) -> QuoteKind:
    inside = outside = 0
    starts = [r[0] for r in regions]
    for tok, ta, tb in toks[i : j + 1]:
        if tb <= a or ta >= b or not tok[0].isalnum():
            continue
        k = bisect.bisect_right(starts, ta) - 1
        if k >= 0 and regions[k][0] <= ta and tb <= regions[k][1]:
            inside += 1
        else:
            outside += 1
    if inside and not outside:
        return QuoteKind.DIRECT
    if inside:
        return QuoteKind.MIXED
    return QuoteKind.INDIRECT


def _resolve(ctx: Any, a: int, b: int, at: int) -> Speaker | None:
    """A speaker for the source tokens ``a..b`` through the rules' speaker code."""
    from quotes.attribution.source import resolve_speaker
    from quotes.speakers.resolver import NounPhrase

    mention = ctx.text[a:b]
    if not any(ch.isalnum() for ch in mention):
        return None
    np_ = NounPhrase(start=a, end=b, text=ctx.norm[a:b])
    try:
        sp = resolve_speaker(ctx, np_, at, describe=True)
    except Exception:  # noqa: BLE001 - an odd mention is no speaker, not a crash
        sp = None
    if sp is None:
        name = re.sub(r"^(?:the|a|an)\s+", "", mention, flags=re.I)
        return Speaker(name=name, mention=mention, start=a, end=b, type=SpeakerType.UNKNOWN)
    if mention.lower() in _PRONOUNS:
        return sp
    # Keep the resolved name, type and role; the mention is the tagged span.
    return sp.model_copy(update={"mention": mention, "start": a, "end": b})


# --------------------------------------------------------------------------- combining


def _overlaps(q: Quote, spans: list[tuple[int, int]]) -> bool:
    return any(q.start < b and a < q.end for a, b in spans)


def combine(
    rule_quotes: list[Quote], tagger_quotes: list[Quote], threshold: float = 0.0
) -> list[Quote]:
    """Every rule quote, plus the tagger quotes that overlap no rule quote's content.

    Args:
        rule_quotes: The rule extractor's quotes.
        tagger_quotes: :meth:`SpanTagger.quotes` for the same article.
        threshold: Least confidence of an added tagger quote.

    Returns:
        The union, sorted by offsets.
    """
    taken = [(q.start, q.end) for q in rule_quotes]
    extra = [q for q in tagger_quotes if q.confidence >= threshold and not _overlaps(q, taken)]
    return sorted(rule_quotes + extra, key=lambda q: (q.start, q.end))


@lru_cache(maxsize=1)
def load_tagger() -> SpanTagger:
    """Load the shipped weights (once; later calls return the same object).

    Raises:
        TaggerUnavailableError: The weight or vocabulary file is missing or unreadable.
    """
    if not WEIGHTS_PATH.is_file() or not VOCAB_PATH.is_file():
        raise TaggerUnavailableError(
            f"the tagger's weights are missing ({WEIGHTS_PATH.name}, {VOCAB_PATH.name} in "
            f"{WEIGHTS_PATH.parent}); train them with scripts/train_tagger.py"
        )
    try:
        with np.load(WEIGHTS_PATH) as data:
            weights = {k: data[k] for k in data.files}
        vocab = json.loads(VOCAB_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise TaggerUnavailableError(f"cannot read the tagger's weights: {exc}") from exc
    return SpanTagger(weights, vocab)

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
validation articles (see [`SpanTagger.extend`][quotes.model.tagger.SpanTagger.extend]). Tagger
quotes say so in their provenance: ``rules == ("tagger", "bilstm-<version>")``.

The features are in `quotes.model.features`, the network in
`quotes.model.network` and the decoding of tags into quotes in
`quotes.model.decoding`; this module loads the weights and runs them.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import TaggerUnavailableError
from quotes.text.quoted import quoted_regions
from quotes.model.decoding import decode_chunk
from quotes.model.features import MAX_CHUNK_TOKENS, Chunk, featurize, suffix
from quotes.model.network import TAGS, bilstm_probabilities, one_blas_thread, viterbi
from quotes.document import Document
from quotes.models import Quote
from quotes.text.segment import Segmenter

__all__ = [
    "MAX_CHUNK_TOKENS",
    "TAGS",
    "WEIGHTS_PATH",
    "Chunk",
    "SpanTagger",
    "combine",
    "featurize",
    "in_body",
    "load_tagger",
    "read_weights",
]

#: Where the weights (``tagger.npz``) and vocabulary (``tagger.json``) live.
WEIGHTS_PATH = Path(__file__).parents[1] / "data" / "tagger.npz"
VOCAB_PATH = Path(__file__).parents[1] / "data" / "tagger.json"


class SpanTagger:
    """The loaded tagger network (NumPy inference).

    Attributes:
        version: Model version, recorded in each tagger quote's provenance.
        threshold: Least confidence of a tagger quote that
            [`extend`][quotes.model.tagger.SpanTagger.extend] adds to the rules' quotes (chosen on
            the validation articles by the training script).
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
        #: The provenance ``rules`` of this model's quotes.
        self.component: tuple[str, str] = ("tagger", f"bilstm-{self.version}")

    def _ids(self, chunk: Chunk) -> tuple[np.ndarray, np.ndarray]:
        """The word and suffix ids of the chunk's tokens (1 for an unknown one)."""
        words = np.array([self.words.get(t[0].lower(), 1) for t in chunk.tokens], dtype=np.int64)
        sufs = np.array(
            [self.suffixes.get(suffix(t[0].lower()), 1) for t in chunk.tokens], dtype=np.int64
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
        with one_blas_thread():
            return self._probabilities(chunks)

    def _probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        """`probabilities`, run on the chunks sorted longest first."""
        order = sorted(range(len(chunks)), key=lambda j: -len(chunks[j].tokens))
        probs = self._sorted_probabilities([chunks[j] for j in order])
        out: list[np.ndarray] = [probs[0]] * len(chunks)
        for k, j in enumerate(order):
            out[j] = probs[k]
        return out

    def _sorted_probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        """`probabilities` of chunks sorted longest first."""
        lengths = np.array([len(c.tokens) for c in chunks], dtype=np.int64)
        steps = int(lengths.max())
        bsz = len(chunks)
        w = self.w
        dim = w["word_emb.weight"].shape[1] + w["suffix_emb.weight"].shape[1]
        dim += chunks[0].feats.shape[1]  # FEATURES, and more columns in accurate mode
        x = np.zeros((bsz, steps, dim), dtype=np.float32)
        for j, ch in enumerate(chunks):
            words, sufs = self._ids(ch)
            n = len(ch.tokens)
            x[j, :n] = np.concatenate(
                [w["word_emb.weight"][words], w["suffix_emb.weight"][sufs], ch.feats], axis=1
            )
        p = bilstm_probabilities(w, self.layers, x, lengths)
        return [p[j, : lengths[j]] for j in range(bsz)]

    def tag(self, chunks: list[Chunk]) -> list[list[tuple[int, float]]]:
        """The best valid tag sequence of each chunk, with each tag's probability.

        Viterbi over the log probabilities with the BIO constraint (``I-X`` only
        after ``B-X`` or ``I-X``), all chunks at once.
        """
        return viterbi(self.probabilities(chunks))

    def extend(self, doc: Document, segmenter: Segmenter, rule_quotes: list[Quote]) -> list[Quote]:
        """The rule quotes plus the confident tagger quotes that overlap none of them.

        Args:
            doc: The article's document, as the rules read it
                ([`quotes.pipeline.build_document`][quotes.pipeline.build_document]).
            segmenter: The backend.
            rule_quotes: Every rule quote of the article (beliefs included).
        """
        return combine(rule_quotes, self.quotes(doc, segmenter, rule_quotes), self.threshold)

    # ------------------------------------------------------------------- decoding

    def quotes(self, doc: Document, segmenter: Segmenter, rule_quotes: list[Quote]) -> list[Quote]:
        """The tagger's own quotes in the article's body lines (no rule quote is returned).

        Args:
            doc: The article's document after the rules have read it: the tagger's
                speakers resolve through the same resolver, which has learned the
                rules' speakers.
            segmenter: The backend (provenance).
            rule_quotes: The rule extractor's quotes for the article, beliefs included
                (they are the tagger's input features).
        """
        chunks = featurize(doc.text, doc.sentences, rule_quotes)
        found: list[Quote] = []
        regions = quoted_regions(doc.text)
        for chunk, tags in zip(chunks, self.tag(chunks), strict=True):
            found.extend(
                decode_chunk(doc, segmenter, chunk, tags, regions, self.version, self.component)
            )
        return [q for q in found if in_body(doc, q)]


def in_body(doc: Document, quote: Quote) -> bool:
    """Whether the quote's content lies within one of the article's body lines.

    Headlines, link lists and related-articles blocks are not body lines
    (`quotes.text.boilerplate`): a learned model's span there is never a statement.
    """
    k = bisect.bisect_right(doc.line_starts, quote.start) - 1
    return k >= 0 and quote.end <= doc.lines[k][1]


# --------------------------------------------------------------------------- combining


def _overlaps(q: Quote, spans: list[tuple[int, int]]) -> bool:
    return any(q.start < b and a < q.end for a, b in spans)


def combine(
    rule_quotes: list[Quote], tagger_quotes: list[Quote], threshold: float = 0.0
) -> list[Quote]:
    """Every rule quote, plus the tagger quotes that overlap no rule quote's content.

    Args:
        rule_quotes: The rule extractor's quotes.
        tagger_quotes: [`SpanTagger.quotes`][quotes.model.tagger.SpanTagger.quotes] for the same
            article.
        threshold: Least confidence of an added tagger quote.

    Returns:
        The union, sorted by offsets.
    """
    taken = [(q.start, q.end) for q in rule_quotes]
    extra = [q for q in tagger_quotes if q.confidence >= threshold and not _overlaps(q, taken)]
    return sorted(rule_quotes + extra, key=lambda q: (q.start, q.end))


def read_weights(
    weights_path: Path, vocab_path: Path, what: str, script: str
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Read a learned model's weights (``.npz``) and vocabulary (``.json``).

    Args:
        weights_path: The ``.npz`` file.
        vocab_path: The ``.json`` file.
        what: The model's name in messages (``"the tagger"``).
        script: The training script a message points to.

    Raises:
        TaggerUnavailableError: A file is missing or unreadable.
    """
    if not weights_path.is_file() or not vocab_path.is_file():
        raise TaggerUnavailableError(
            f"{what}'s weights are missing ({weights_path.name}, {vocab_path.name} in "
            f"{weights_path.parent}); train them with {script}"
        )
    try:
        with np.load(weights_path) as data:
            weights = {k: data[k] for k in data.files}
        vocab = json.loads(vocab_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise TaggerUnavailableError(f"cannot read {what}'s weights: {exc}") from exc
    return weights, vocab


@lru_cache(maxsize=1)
def load_tagger() -> SpanTagger:
    """Load the shipped weights (once; later calls return the same object).

    Raises:
        TaggerUnavailableError: The weight or vocabulary file is missing or unreadable.
    """
    weights, vocab = read_weights(WEIGHTS_PATH, VOCAB_PATH, "the tagger", "scripts/train_tagger.py")
    return SpanTagger(weights, vocab)

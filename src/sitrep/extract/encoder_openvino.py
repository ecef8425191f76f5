"""Runs the encoder's ONNX graph (extract/encoder_onnx.py) with OpenVINO's CPU plugin.

Why a second runtime: on CPUs with native bfloat16 arithmetic (Intel AMX or AVX512_BF16) the
plugin runs the graph's matrix products in bfloat16 with float32 accumulation, about twice as
fast as onnxruntime's float32 on the same cores (onnxruntime's CPU provider has no bfloat16
products). The vectors stay within cosine 0.9999 of the float32 encoder (tests/test_encoder.py),
well inside the float16 rounding of the cached training embeddings, so both share one trained
typer. Where the CPU has no native bfloat16 the graph runs in float32, like onnxruntime's
(docs/model.md, "Encoder runtime").

The compiled model is made in the process that uses it (a compiled model and its threads do
not survive fork(): the Spark runner forks its workers after loading the pipeline), and each
thread has its own inference request.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

# switch (session 43, lead): the pipeline runs the encoder on a worker thread beside the parse and
# the drafts (extract/events.py, OVERLAP): the encoder takes one core fewer than the process may
# use, so that its threads do not contend with the main thread's. On the 2-core benchmark machine
# (benchmarks/throughput.py, medians of five runs, two invocations each) the ratio went 0.91-0.95
# -> 0.99 and 0.99 (docs/speed.md)
BESIDE_THREADS = 1


def encoder_threads() -> int:
    """The threads OpenVINO's CPU plugin gets: one fewer than the cores, at least one."""
    from sitrep.extract.encoder_onnx import threads

    n = threads()
    return max(1, n - 1) if BESIDE_THREADS else n


def bf16_available(core) -> bool:
    """Does this CPU do bfloat16 arithmetic natively (OpenVINO's own reading of the CPU)?
    Emulated bfloat16 on a CPU without it would be slower than float32."""
    try:
        return "BF16" in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    except RuntimeError:
        return False


class OpenVinoRunner:
    """forward(ids int64 [b, n], mask [b, n]) -> (b, 384) float32, like OnnxRunner."""

    def __init__(self, path: Path, num_threads: int | None = None, precision: str = "auto"):
        self.path = path
        self.num_threads = num_threads
        self.precision = precision  # "auto": bf16 where the CPU has it natively, else f32
        self._compiled = None
        self._pid = 0
        self._local = threading.local()
        self._lock = threading.Lock()
        self.used_precision = ""

    def _compile(self):
        import openvino as ov

        core = ov.Core()
        precision = self.precision
        if precision == "auto":
            precision = "bf16" if bf16_available(core) else "f32"
        config = {
            "INFERENCE_PRECISION_HINT": precision,
            "INFERENCE_NUM_THREADS": self.num_threads or encoder_threads(),
            "PERFORMANCE_HINT": "LATENCY",
            # the pipeline's own threads (the parse, the drafts) share the cores: no pinning
            "ENABLE_CPU_PINNING": False,
        }
        compiled = core.compile_model(core.read_model(str(self.path)), "CPU", config)
        self.used_precision = precision
        return compiled

    @property
    def compiled(self):
        with self._lock:
            if self._compiled is None or self._pid != os.getpid():
                self._compiled = self._compile()
                self._pid = os.getpid()
                self._local = threading.local()  # requests of another process or model are void
            return self._compiled

    def _request(self):
        compiled = self.compiled
        req = getattr(self._local, "request", None)
        if req is None or getattr(self._local, "owner", None) is not compiled:
            req = self._local.request = compiled.create_infer_request()
            self._local.owner = compiled
        return req

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        req = self._request()
        req.infer({"input_ids": ids, "attention_mask": mask.astype(np.int64)})
        return np.array(req.get_output_tensor(0).data, dtype=np.float32, copy=True)

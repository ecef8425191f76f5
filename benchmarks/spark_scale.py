"""The Spark runner against the local runner on the same corpus, as whole commands:
`sitrep ingest` on one core, `sitrep spark ingest` on local[1] (one core) and local[2].

    .venv/bin/python benchmarks/spark_scale.py [--articles 400] [--runs 3]

Prints articles/s of each (wall time of the whole command, start-up included), the speed-up
from one to two cores and the ratio of Spark on one core to the local runner. Targets (issue
14): speed-up >= 1.8x; Spark's per-core throughput within 15% of the local runner's. The
articles are the gold corpus and the samples (the team's own), repeated with new ids.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # noqa: E402


def timed(cmd: list[str], cores: str | None) -> float:
    if cores and shutil.which("taskset"):
        cmd = ["taskset", "-c", cores, *cmd]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    work = Path(tempfile.mkdtemp(prefix="sitrep-spark-scale-"))
    src = work / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for a in corpus(args.articles):
            fh.write(json.dumps(a.to_record(), ensure_ascii=False) + "\n")
    results: dict[str, list[float]] = {"sitrep ingest, 1 core": [], "spark local[1], 1 core": [],
                                       "spark local[2], 2 cores": []}
    for run in range(args.runs):
        for name in results:
            db, out = work / f"r{run}.db", work / f"out-{run}-{list(results).index(name)}"  # a fresh folder each
            db.unlink(missing_ok=True)
            if name.startswith("sitrep ingest"):
                cmd, cores = [sitrep, "ingest", str(src), "--db", f"sqlite:///{db}", "--no-fuse", "--quiet"], "0"
            else:
                master = "local[1]" if "local[1]" in name else "local[2]"
                cmd = [sitrep, "spark", "ingest", str(src), "--out", str(out), "--master", master,
                       "--partitions", master[-2], "--no-fuse"]
                cores = "0" if master == "local[1]" else None
            seconds = timed(cmd, cores)
            results[name].append(args.articles / seconds)
            print(f"run {run + 1}: {name}: {seconds:.1f} s, {args.articles / seconds:.2f} articles/s", flush=True)
    med = {k: statistics.median(v) for k, v in results.items()}
    for k, v in med.items():
        print(f"{k}: median {v:.2f} articles/s")
    speedup = med["spark local[2], 2 cores"] / med["spark local[1], 1 core"]
    ratio = med["spark local[1], 1 core"] / med["sitrep ingest, 1 core"]
    print(f"speed-up from one to two cores: {speedup:.2f}x (target >= 1.8x)")
    print(f"Spark on one core against sitrep ingest on one core: {ratio:.2f} (target >= 0.85)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The Spark runner against the local runner on the same corpus, as whole commands:
`sitrep ingest` on one core, `sitrep spark ingest` on local[1] (one core) and local[2].

    .venv/bin/python benchmarks/spark_scale.py [--articles 400] [--runs 3] [--partitions-per-core 1]
        [--no-ingest] [--only local[2]] [--wait-quiet MINUTES]

Prints articles/s of each (wall time of the whole command, start-up included), the speed-up
from one to two cores and the ratio of Spark on one core to the local runner, and the cores
busy with other work in the 3 s before each command (from /proc/stat; other work slows a run
down: above 0.2 the figure is not that of a quiet machine). Targets (issue 14): speed-up >=
1.8x; Spark's per-core throughput within 15% of the local runner's. The articles are the gold
corpus and the samples (the team's own), repeated with new ids. Spark commands also give the
rate of their extraction stage alone (from the runner's trace: first task's first article to
the last task's end). SITREP_SPARK_TRACE=1 prints each Spark command's timings of its daemon
and tasks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # noqa: E402


def busy_cores(seconds: float = 3.0) -> float:
    """Cores kept busy by other work, over `seconds` before a command (from /proc/stat; the
    load average would still count the previous command for minutes)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:]]
        return sum(v), v[3] + v[4]  # all, idle + iowait

    try:
        a = sample()
        time.sleep(seconds)
        b = sample()
    except OSError:
        return float("nan")
    total = b[0] - a[0]
    return (os.cpu_count() or 1) * (1 - (b[1] - a[1]) / total) if total else 0.0


TASK_START = re.compile(r"^sitrep task \d+: first article at ([\d.]+) s")
TASK_DONE = re.compile(r"^sitrep task \d+: (\d+) articles in [\d.]+ s, done at ([\d.]+) s")


def extraction_rate(trace: list[str]) -> float | None:
    """Articles/s of the extraction stage alone, from the trace: all tasks' articles over the
    time from the first task's first article to the last task's end (no JVM start, no input
    reading, no writing)."""
    starts = [float(m.group(1)) for line in trace if (m := TASK_START.match(line))]
    done = [(int(m.group(1)), float(m.group(2))) for line in trace if (m := TASK_DONE.match(line))]
    if not starts or not done:
        return None
    span = max(t for _, t in done) - min(starts)
    return sum(n for n, _ in done) / span if span > 0 else None


def timed(cmd: list[str], cores: str | None) -> tuple[float, float | None]:
    """Seconds of the whole command, and for a Spark command its extraction stage's articles/s."""
    if cores and shutil.which("taskset"):
        cmd = ["taskset", "-c", cores, *cmd]
    env = dict(os.environ)
    env["SITREP_SPARK_TRACE"] = f"{time.time():.3f}"  # the trace's times count from the start
    t = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t
    if run.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{run.stderr[-3000:]}")
    trace = [line for line in run.stderr.splitlines() if line.startswith("sitrep ")]
    if os.environ.get("SITREP_SPARK_TRACE"):
        print("\n".join(trace), flush=True)
    return seconds, extraction_rate(trace)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--partitions-per-core", type=int, default=1,
                    help="--partitions given to each Spark command: this many per core")
    ap.add_argument("--no-ingest", action="store_true", help="leave out `sitrep ingest` (no ratio)")
    ap.add_argument("--only", choices=["local[1]", "local[2]"], help="run this Spark command alone")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="MINUTES",
                    help="before each command, wait up to this long for other work to leave the cores "
                         "(under 0.3 cores busy)")
    args = ap.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    work = Path(tempfile.mkdtemp(prefix="sitrep-spark-scale-"))
    src = work / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for a in corpus(args.articles):
            fh.write(json.dumps(a.to_record(), ensure_ascii=False) + "\n")
    results: dict[str, list[float]] = {"sitrep ingest, 1 core": [], "spark local[1], 1 core": [],
                                       "spark local[2], 2 cores": []}
    if args.no_ingest or args.only:
        del results["sitrep ingest, 1 core"]
    if args.only:
        results = {k: v for k, v in results.items() if args.only in k}
    stage: dict[str, list[float]] = {k: [] for k in results if "spark" in k}
    loads: list[float] = []
    for run in range(args.runs):
        for name in results:
            db, out = work / f"r{run}.db", work / f"out-{run}-{name.split()[1]}"  # a fresh folder each
            db.unlink(missing_ok=True)
            if name.startswith("sitrep ingest"):
                cmd, cores = [sitrep, "ingest", str(src), "--db", f"sqlite:///{db}", "--no-fuse", "--quiet"], "0"
            else:
                master = "local[1]" if "local[1]" in name else "local[2]"
                cmd = [sitrep, "spark", "ingest", str(src), "--out", str(out), "--master", master,
                       "--partitions", str(int(master[-2]) * args.partitions_per_core), "--no-fuse"]
                cores = "0" if master == "local[1]" else None
            load = busy_cores()
            deadline = time.monotonic() + args.wait_quiet * 60
            while load > 0.3 and time.monotonic() < deadline:
                time.sleep(10)
                load = busy_cores()
            loads.append(load)
            seconds, rate = timed(cmd, cores)
            results[name].append(args.articles / seconds)
            if rate is not None and name in stage:
                stage[name].append(rate)
            print(f"run {run + 1}: {name}: {seconds:.1f} s, {args.articles / seconds:.2f} articles/s "
                  f"(other work before it: {load:.2f} cores busy; load average {os.getloadavg()[0]:.2f})", flush=True)
    med = {k: statistics.median(v) for k, v in results.items()}
    for k, v in med.items():
        print(f"{k}: median {v:.2f} articles/s ({', '.join(f'{x:.2f}' for x in results[k])})")
    for k, v in stage.items():
        if v:
            print(f"{k}, extraction stage alone: median {statistics.median(v):.2f} articles/s")
    print(f"cores busy with other work before the commands: {min(loads):.2f} to {max(loads):.2f} "
          f"(of {os.cpu_count()})")
    if "spark local[1], 1 core" in med and "spark local[2], 2 cores" in med:
        speedup = med["spark local[2], 2 cores"] / med["spark local[1], 1 core"]
        print(f"speed-up from one to two cores: {speedup:.2f}x (target >= 1.8x)")
        one, two = stage.get("spark local[1], 1 core"), stage.get("spark local[2], 2 cores")
        if one and two:
            print(f"  of the extraction stage alone (no JVM start, input reading or writing): "
                  f"{statistics.median(two) / statistics.median(one):.2f}x")
    if "sitrep ingest, 1 core" in med and "spark local[1], 1 core" in med:
        ratio = med["spark local[1], 1 core"] / med["sitrep ingest, 1 core"]
        print(f"Spark on one core against sitrep ingest on one core: {ratio:.2f} (target >= 0.85)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

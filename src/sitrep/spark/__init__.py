"""sitrep on Apache Spark: the same pipeline over an archive, in partitions, to Parquet
(`sitrep spark ingest`; docs/scale.md)."""

import os
import sys
import time


def trace(what: str) -> None:
    """With $SITREP_SPARK_TRACE set: print `what` and when, in seconds since the time.time()
    it holds (benchmarks/spark_scale.py sets it to the command's start)."""
    t = os.environ.get("SITREP_SPARK_TRACE", "")
    if t:
        base = float(t) if t.replace(".", "", 1).isdigit() and float(t) > 1e9 else 0.0
        print(f"sitrep {what} at {time.time() - base:.1f} s", file=sys.stderr, flush=True)

"""PySpark's worker daemon with sitrep's models already loaded (`spark.python.daemon.module`).

Spark starts a Python daemon per executor (`python -m <module>`), which forks a worker for
each Python task and, with `spark.python.worker.reuse`, keeps the workers for the tasks that
follow. PySpark's own daemon forks bare interpreters, so every worker loaded spaCy, the typer,
the lexicons, the actor dictionary and the gazetteer's tables itself. This daemon loads them
once, before it forks (and runs one article through the pipeline, so that what it builds on
first use is built): every worker starts with them, and shares their memory with the daemon
and the other workers (copy-on-write; `gc.freeze()` keeps the collector off those pages).

Spark keeps one daemon per environment of the tasks' functions. The runner gives
$SITREP_SHIPPED to the extraction's functions only, and starts their daemon at the beginning
of a run (sitrep.spark.runner), so it loads while another daemon's workers read the inputs;
a daemon started without $SITREP_SHIPPED loads nothing ($SITREP_SPARK_PRELOAD=0: none does).

The contract is PySpark's (`pyspark.daemon.manager`: the daemon writes its port on stdout,
then forks a worker per connection), so nothing may be printed on stdout while loading:
whatever the libraries print goes to stderr. Nothing that runs threads may be loaded before
the fork: onnxruntime starts a thread when imported and its sessions do not survive fork(),
so the sentence encoder is left to each worker (the warm-up types its sentences with the
screen alone; `sitrep.extract.encoder_onnx.OnnxRunner` opens its session lazily, in the
process that runs it), the math libraries run one thread, and the gazetteer's SQLite
connection is reopened in each worker.

The files: $SITREP_GAZETTEER and $SITREP_MODEL when they name files on this machine, else the
copies shipped with the job ($SITREP_SHIPPED: in the executor's working folder, where
executors fetch them, or by full path in local mode). Anything that fails here is left to the
worker, which loads it as it would without this daemon; the daemon itself always starts.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# one task per core: no library starts a pool of threads (none may run when the daemon forks)
THREAD_ENV = {"SITREP_THREADS": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
              "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}

# set (to "1") in the extraction tasks' environment when an executor runs tasks side by side:
# the daemon loads after its first fork (load_after_first_fork)
AFTER_FIRST_FORK = "SITREP_PRELOAD_AFTER_FIRST_FORK"

# a warm-up article: an event with a date, a toll, actors and a place, so that the pipeline's
# lazily built tables (lexicons, actor dictionary, place indexes) are built here, once
WARM_UP = ("Gunmen attacked an army checkpoint near Tuz Khurmatu in Salahuddin province on Thursday "
           "night, killing three soldiers, a security source said. Police arrested two suspects in "
           "Kirkuk on Friday. Protesters marched peacefully in Baghdad against power cuts.")


def resolve_files() -> dict[str, str]:
    """Env name -> the file this executor should use, for the gazetteer and the model."""
    shipped = dict(p.split("=", 1) for p in os.environ.get("SITREP_SHIPPED", "").split(";") if "=" in p)
    found = {}
    for env in ("SITREP_GAZETTEER", "SITREP_MODEL"):
        own = os.environ.get(env)
        if own and Path(own).is_file():
            found[env] = own
        elif shipped.get(env) and Path(shipped[env]).is_file():  # cwd: where executors fetch addFile's copies
            found[env] = str(Path(shipped[env]).resolve())
    return found


def _reopen_gazetteers() -> None:
    """In a forked worker: a SQLite connection must not be used across fork(), so each
    preloaded gazetteer opens its own (the inherited one is kept, unused, not closed here)."""
    import sqlite3

    for g in _CACHED_GAZETTEERS:
        _INHERITED.append(g.con)
        g.con = sqlite3.connect(f"file:{g.path}?mode=ro", uri=True, check_same_thread=False)


_CACHED_GAZETTEERS: list = []
_INHERITED: list = []


def preload(log=None) -> dict[str, float]:
    """Load the pipeline's models in this process; seconds per part (for the log)."""
    say = log or (lambda s: print(s, file=sys.stderr, flush=True))
    for env, value in THREAD_ENV.items():
        os.environ.setdefault(env, value)
    files = resolve_files()
    os.environ.update(files)  # the worker keeps these: it ships a copy only when unset
    times: dict[str, float] = {}

    def step(name, fn):
        t = time.perf_counter()
        try:
            fn()
        except Exception as exc:  # the worker will load it (or fail) as without this daemon
            say(f"sitrep daemon: {name} not preloaded ({exc.__class__.__name__}: {str(exc)[:200]})")
        times[name] = time.perf_counter() - t

    def spacy_pipeline():
        from sitrep.nlp import load_nlp

        list(load_nlp().pipe([WARM_UP]))

    def typer():
        if "SITREP_MODEL" not in files and not os.environ.get("SITREP_MODEL"):
            from sitrep.extract.learned import active_path

            if not active_path()[0].is_file():  # never train on an executor here
                return
        from sitrep.extract.learned import get_typer

        t = get_typer()
        if t is not None:
            t.probabilities([WARM_UP])

    def gazetteer():
        from sitrep.geo.gazetteer import default_path, get_gazetteer

        if default_path().is_file():  # never build it here
            _CACHED_GAZETTEERS.append(get_gazetteer())
            os.register_at_fork(after_in_child=_reopen_gazetteers)

    def pipeline():
        # the rest of what the pipeline builds on first use, through one article, with the
        # screen's probabilities for the decider's (its events are thrown away): the sentence
        # encoder is not loaded here, onnxruntime starts a thread when imported
        if not _CACHED_GAZETTEERS:
            return
        import datetime as dt

        import onnx  # noqa: F401  (slow to import, no threads: what the encoder's graph needs)

        from sitrep.extract.learned import get_typer
        from sitrep.model import Article
        from sitrep.pipeline import process

        typer = get_typer()
        if typer is not None:
            typer.decide = typer.probabilities
        try:
            process([Article(id="sitrep-daemon-warm-up", text=WARM_UP, title="Checkpoint attacked",
                             published=dt.date(2021, 4, 2))])
        finally:
            if typer is not None:
                del typer.decide

    step("spacy", spacy_pipeline)
    step("typer", typer)
    step("gazetteer", gazetteer)
    step("pipeline", pipeline)
    step("checked", _no_onnxruntime)
    return times


def _no_onnxruntime() -> None:
    """onnxruntime must not be loaded before fork(): it runs a thread from its import on, and
    its sessions do not survive a fork."""
    if "onnxruntime" in sys.modules:
        raise RuntimeError("onnxruntime was imported while preloading")


def _load_and_freeze(who: str) -> None:
    """preload(), what it prints sent to stderr; then the collector leaves what is loaded alone
    (it stays shared with the workers forked after)."""
    import gc

    t = time.perf_counter()
    sys.stdout.flush()
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # the daemon's stdout is the channel to the JVM: what loading prints goes to stderr
    try:
        times = preload()
        from sitrep.spark import trace

        trace(f"{who} {os.getpid()}: preloaded in {time.perf_counter() - t:.1f} s ("
              + ", ".join(f"{k} {v:.1f} s" for k, v in times.items()) + ")")
    finally:
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
        os.close(real_stdout)
    gc.collect()
    gc.freeze()


def load_after_first_fork() -> None:
    """Make the daemon load once it has forked its first worker, instead of before it answers.

    Spark creates every Python worker of an executor under one lock, and holds it until the
    daemon has told its port and forked the worker. A daemon that loads first (about 3 s) kept
    the tasks reading the inputs, in another daemon, waiting that long. So the first worker is
    forked at once (bare: the runner's warm-up task loads in it, sitrep.spark.runner.warm_up),
    and the daemon loads after, while the inputs are read; the workers forked after it have
    everything loaded."""
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid > 0:  # the daemon; the worker answers the JVM meanwhile
            os.fork = real_fork
            from sitrep.spark import trace

            trace(f"daemon {os.getpid()}: first worker forked")
            _load_and_freeze("daemon")
        return pid

    os.fork = fork


def main() -> None:
    import gc

    from sitrep.spark import trace

    trace(f"daemon {os.getpid()}: started" + (" (extraction)" if "SITREP_SHIPPED" in os.environ else ""))

    # the runner gives $SITREP_SHIPPED to the extraction's tasks only: the daemon that serves
    # the other tasks (reading inputs, writing Parquet) loads nothing
    if "SITREP_SHIPPED" in os.environ and os.environ.get("SITREP_SPARK_PRELOAD", "1") != "0":
        if os.environ.get(AFTER_FIRST_FORK) == "1":
            load_after_first_fork()
        else:
            _load_and_freeze("daemon")
    else:
        gc.collect()
        gc.freeze()

    from pyspark.daemon import manager

    manager()


if __name__ == "__main__":
    main()

"""The cluster runner: `process(articles)`, the function `sitrep ingest` runs, in Spark
partitions, writing Parquet (sitrep.parquet) instead of a database.

Idempotent and resumable. The articles to do are cut into chunks of `chunk` articles in input
order; each chunk is extracted, written to OUT/_staging/<chunk>, then committed: its files are
moved into OUT/events and OUT/articles under names that start with the chunk's id, and only then
is OUT/_commits/<chunk> written. A run starts by deleting what a killed run left half-done (the
staging folder, and moved files of chunks with no commit marker), then skips the articles
OUT/articles already holds. So a rerun over the same inputs writes nothing twice, and a killed
run, rerun, ends with the same events as a clean run.

Each executor's extraction daemon (sitrep.spark.daemon) loads spaCy, the model and the
gazetteer once, while the inputs are read, and forks its Python workers with them loaded;
Spark reuses the workers for the tasks that follow. The gazetteer and the model file are
shipped to executors with the job (SparkContext.addFile), not rebuilt there. Each chunk is
dealt over the partitions (default: one per core) so that each has as many characters to read.
"""

from __future__ import annotations

import bisect
import heapq
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.parquet import ARTICLE_SCHEMA, ERROR_SCHEMA, EVENT_SCHEMA
from sitrep.spark import trace

CHUNK = 5000  # articles per commit: what a killed run can lose
BATCH = 64  # articles per process() call, as `sitrep ingest --batch-size`


@dataclass
class SparkReport:
    articles: int = 0  # extracted and committed by this run
    skipped: int = 0  # done before, or repeated in the inputs
    events: int = 0
    errors: int = 0
    chunks: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)  # the first error lines


def session(master: str | None = None, app: str = "sitrep", conf: dict[str, str] | None = None):
    """A SparkSession (local[*] unless `master` or spark-submit says otherwise); RuntimeError
    saying what to install when PySpark or Java is missing."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise RuntimeError("the Spark runner needs PySpark: .venv/bin/pip install 'sitrep[spark]' "
                           "(make install does)") from None
    if not (os.environ.get("JAVA_HOME") or _on_path("java")):
        raise RuntimeError("Spark needs Java 17 or newer: apt-get install openjdk-17-jre-headless (make install does)")

    # executors run this Python (the one with sitrep installed) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    settings = {"spark.executorEnv.SITREP_THREADS": "1", "spark.executorEnv.OMP_NUM_THREADS": "1",
                "spark.executorEnv.OPENBLAS_NUM_THREADS": "1", "spark.ui.enabled": "false", "spark.sql.session.timeZone": "UTC", "spark.log.level": "ERROR",
                "spark.ui.showConsoleProgress": "false",
                # a task's files go straight to the output folder (here: the chunk's staging folder)
                # when it ends, instead of being moved a second time when the job ends; no _SUCCESS
                # file (the runner's own commit marks a chunk done)
                "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version": "2",
                "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs": "false",
                "spark.python.worker.reuse": "true", "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
                # the daemon that forks the Python workers loads the models first (daemon.py)
                "spark.python.daemon.module": "sitrep.spark.daemon"}
    if not master or master.startswith("local"):
        # one process does all: a JVM that compiles less and collects garbage in one thread
        # leaves the cores to the Python workers, where the work is
        settings["spark.driver.extraJavaOptions"] = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1"
    for k, v in {**settings, **(conf or {})}.items():
        builder = builder.config(k, v)
    trace("driver: starting Spark")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    trace("driver: Spark started")
    return spark


def _on_path(cmd: str) -> bool:
    import shutil

    return shutil.which(cmd) is not None


def spark_schema(schema):
    """The Spark StructType of a pyarrow schema of sitrep.parquet."""
    import pyarrow as pa
    from pyspark.sql import types as T

    kinds = {pa.string(): T.StringType(), pa.date32(): T.DateType(), pa.int16(): T.ShortType(),
             pa.int32(): T.IntegerType(), pa.int64(): T.LongType(), pa.float64(): T.DoubleType()}
    return T.StructType([T.StructField(f.name, kinds[f.type], f.nullable) for f in schema])


class _Files:
    """OUT's folders through Hadoop's filesystem layer (local, hdfs://, s3a://...)."""

    def __init__(self, spark, out: str):
        self.jvm, self.conf = spark._jvm, spark._jsc.hadoopConfiguration()
        self.root = self.path(out)
        self.fs = self.root.getFileSystem(self.conf)
        self.out = str(self.fs.makeQualified(self.root))

    def path(self, *parts: str):
        return self.jvm.org.apache.hadoop.fs.Path("/".join(p.rstrip("/") for p in parts))

    def exists(self, *parts: str) -> bool:
        return self.fs.exists(self.path(*parts))

    def files(self, *parts: str) -> list[Any]:
        p = self.path(*parts)
        if not self.fs.exists(p):
            return []
        out, it = [], self.fs.listFiles(p, True)
        while it.hasNext():
            out.append(it.next().getPath())
        return out

    def committed(self) -> set[str]:
        return {f.getName() for f in self.files(self.out, "_commits")}

    def recover(self) -> int:
        """Delete what a killed run left: staging, and moved files of chunks never committed."""
        done, removed = self.committed(), 0
        out = self.local()
        if out is not None:  # by Python's own calls: a rerun over an archive lists every file
            import shutil

            for table in ("events", "articles"):
                for folder, _, names in os.walk(out / table):
                    for name in names:
                        chunk = name.split("-", 1)[0]
                        if chunk.startswith("c") and chunk not in done:
                            os.remove(Path(folder) / name)
                            removed += 1
            shutil.rmtree(out / "_staging", ignore_errors=True)
            return removed
        for table in ("events", "articles"):
            for f in self.files(self.out, table):
                chunk = f.getName().split("-", 1)[0]
                if chunk.startswith("c") and chunk not in done and not f.getName().startswith("."):
                    self.fs.delete(f, False)
                    removed += 1
        self.fs.delete(self.path(self.out, "_staging"), True)
        return removed

    def local(self) -> Path | None:
        """OUT as a path of this machine when it is on the local filesystem (file://)."""
        if self.fs.getScheme() != "file":
            return None
        return Path(self.root.toUri().getPath() if self.root.isAbsolute() else str(self.root)).resolve()

    def commit(self, chunk: str, crash: Callable[[], None] | None = None) -> None:
        """Move the chunk's staged files into place (renamed with its id), then mark it done.
        On the local filesystem by Python's own calls: one call through the JVM per file cost
        about 5 ms (1 s for the 200 files of 300 articles)."""
        out = self.local()
        if out is not None:
            self._commit_local(out, chunk, crash)
            return
        for table in ("events", "articles"):
            base = str(self.fs.makeQualified(self.path(self.out, "_staging", chunk, table)))
            for f in self.files(base):
                if f.getName().startswith(("_", ".")):
                    continue
                rel = str(f.getParent())[len(base):].strip("/")
                dest = self.path(self.out, table, rel) if rel else self.path(self.out, table)
                self.fs.mkdirs(dest)
                self.fs.rename(f, self.jvm.org.apache.hadoop.fs.Path(dest, f"{chunk}-{f.getName()}"))
                if crash:
                    crash()
        self.fs.create(self.path(self.out, "_commits", chunk)).close()
        self.fs.delete(self.path(self.out, "_staging", chunk), True)

    @staticmethod
    def _commit_local(out: Path, chunk: str, crash: Callable[[], None] | None) -> None:
        import shutil

        for table in ("events", "articles"):
            base = out / "_staging" / chunk / table
            for folder, dirs, names in os.walk(base):
                dirs[:] = [d for d in dirs if not d.startswith(("_", "."))]
                dest = out / table / Path(folder).relative_to(base)
                for name in sorted(names):
                    if name.startswith(("_", ".")):
                        continue
                    dest.mkdir(parents=True, exist_ok=True)
                    os.replace(Path(folder) / name, dest / f"{chunk}-{name}")
                    if crash:
                        crash()
        (out / "_commits").mkdir(parents=True, exist_ok=True)
        (out / "_commits" / chunk).touch()
        shutil.rmtree(out / "_staging" / chunk, ignore_errors=True)


def _ship(sc) -> dict[str, str]:
    """Send the gazetteer and the model to the executors; returns env name -> file name."""
    from sitrep.extract.learned import active_path, get_typer
    from sitrep.geo.gazetteer import default_path

    gaz = default_path()
    if not gaz.exists():
        raise RuntimeError(f"no gazetteer at {gaz}: run `sitrep gazetteer build` first")
    model = active_path()[0]
    if not model.exists():
        get_typer()  # trains the packaged model if it is not cached yet
    shipped = {}
    for env, path in (("SITREP_GAZETTEER", gaz), ("SITREP_MODEL", model)):
        if Path(path).exists():
            sc.addFile(str(path))
            shipped[env] = Path(path).name
    return shipped


def _preload_env(sc, shipped: dict[str, str]) -> str:
    """$SITREP_SHIPPED for the daemon that preloads (daemon.py): where it finds the shipped
    files: the executor's working folder, where executors fetch them, or in local mode this
    process's SparkFiles folder."""
    from pyspark import SparkFiles

    local = sc.master.startswith("local")
    return ";".join(f"{env}={SparkFiles.get(name) if local else name}" for env, name in shipped.items())


def _start_preloading(sc, env: dict[str, str]) -> None:
    """Start the daemon that loads the models (daemon.py) now, while plain workers read the
    inputs: a one-task job in the background whose function carries `env`, as the
    extraction's will (Spark keeps one daemon per environment: the reading runs in another).
    The daemon loads after forking this task's worker, and the task loads in that worker
    (warm_up), so the lock under which Spark creates Python workers is not held meanwhile."""
    import threading

    saved = dict(sc.environment)
    sc.environment.update(env)
    try:
        job = sc.parallelize([0], 1).mapPartitions(warm_up)._jrdd  # wrapped with `env` now
    finally:
        sc.environment.clear()
        sc.environment.update(saved)

    def run() -> None:
        try:
            job.count()
        except Exception:  # the session stopped first: nothing to warm
            pass

    threading.Thread(target=run, name="sitrep-preload", daemon=True).start()


def warm_up(rows):
    """The preloading job's task: the first worker of the extraction's daemon, forked before the
    daemon loaded (daemon.load_after_first_fork), loads the models itself, so that the first
    extraction task that Spark gives this worker finds them loaded."""
    from sitrep.spark import daemon

    if os.environ.get(daemon.AFTER_FIRST_FORK) == "1":
        t = time.perf_counter()
        daemon.preload()
        trace(f"warm-up {os.getpid()}: loaded in {time.perf_counter() - t:.1f} s")
    return iter(())


def _part(part: int) -> int:
    """partitionBy's function: the key is already the partition (balance())."""
    return part


ARTICLE_COST = 600  # characters: what an article costs beyond its length (parse set-up, a title)


def balance(sizes: list[tuple[int, int]], parts: int) -> dict[int, int]:
    """(order, characters) of a chunk's articles -> order -> partition, so that each partition
    gets about the same work: longest first, each to the partition with the least so far (an
    article's cost grows with its length). Dealing by count gives one core 44% more work than
    the other when long and short articles alternate."""
    load = [(0, p) for p in range(max(parts, 1))]
    out: dict[int, int] = {}
    for order, n in sorted(sizes, key=lambda x: (-x[1], x[0])):
        cost, p = heapq.heappop(load)
        out[order] = p
        heapq.heappush(load, (cost + n + ARTICLE_COST, p))
    return out


def _extract_partition(rows: Iterator[tuple[int, Any]], shipped: dict[str, str]) -> Iterator[tuple]:
    """On an executor: (order, Article) -> ("article", row), ("event", row), ("error", input, reason)."""
    from pyspark import SparkFiles

    # Spark runs one task per core: the encoder's and the math libraries' threads stay at one
    for env in ("SITREP_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(env, "1")
    for env, name in shipped.items():  # the shipped copy, unless this machine has the file already
        if not (os.environ.get(env) and Path(os.environ[env]).exists()):
            os.environ[env] = SparkFiles.get(name)
    from sitrep.parquet import article_row, event_row
    from sitrep.pipeline import batched, process

    t0, n = time.monotonic(), 0
    trace(f"task {os.getpid()}: first article")
    for batch in batched(rows, BATCH):
        arts = [a for _, a in batch]
        n += len(arts)
        try:
            results = process(arts)
        except Exception:  # one bad article must not cost the batch: one at a time
            results = []
            for a in arts:
                try:
                    results.append(process([a])[0])
                except Exception as exc:
                    results.append(exc)
        for (order, a), found in zip(batch, results):
            if isinstance(found, Exception):
                yield ("error", a.origin or a.id, f"{a.origin or a.id}: extraction failed "
                       f"({found.__class__.__name__}: {str(found)[:200]})")
                continue
            yield ("article", article_row(a, len(found), order))
            for k, ev in enumerate(found):
                yield ("event", event_row(ev, k))
    trace(f"task {os.getpid()}: {n} articles in {time.monotonic() - t0:.1f} s, done")


def _write_errors_local(folder: Path, rows: list[tuple[str, str]]) -> None:
    """This run's error table (input, reason) as one Parquet file in `folder`, replacing the
    last run's, written first beside it and renamed into place."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    table = pa.Table.from_pylist([{"input": i, "reason": r} for i, r in rows], schema=ERROR_SCHEMA)
    pq.write_table(table, tmp / "part-00000.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _tuples(schema, rows):
    names = schema.names
    return rows.map(lambda r: tuple(r.get(n) for n in names))


def ingest(spark, inputs: list[str], out: str, partitions: int | None = None, chunk: int = CHUNK,
           published: str | None = None, source: str | None = None, max_bytes: int = 5_000_000,
           on_progress: Callable[[str], None] | None = None,
           crash_after_files: int | None = None) -> SparkReport:
    """Extract events from every input into Parquet under `out` (events/, articles/, errors/).

    `crash_after_files` (tests): exit the process after moving that many files of a commit,
    as a kill would."""
    from pyspark import StorageLevel

    from sitrep.spark.inputs import list_files, read

    t0 = time.monotonic()
    report = SparkReport()
    say = on_progress or (lambda s: None)
    trace("driver: ingest")
    files = _Files(spark, out)
    removed = files.recover()
    if removed:
        say(f"removed {removed} files of a run that did not finish")
    sc = spark.sparkContext
    shipped = _ship(sc)
    # the extraction's tasks run in workers of a daemon that has loaded the models (daemon.py);
    # it starts loading now, while the inputs are read (in plain workers, another daemon)
    extract_env = {"SITREP_SHIPPED": _preload_env(sc, shipped)}
    if os.environ.get("SITREP_SPARK_PRELOAD", "1") != "0" and sc.defaultParallelism > 1:
        # with one core the reading and the loading take turns anyway: the daemon loads when
        # the first extraction task starts it, and forks that task's worker with all loaded
        from sitrep.spark.daemon import AFTER_FIRST_FORK

        extract_env[AFTER_FIRST_FORK] = "1"
        _start_preloading(sc, extract_env)
    items = read(spark, list_files(spark, inputs), published, source, max_bytes)
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    kinds = items.map(lambda kv: kv[1][0]).countByValue()
    trace(f"driver: inputs read ({sum(kinds.values())} items)")
    errors = sorted(items.filter(lambda kv: kv[1][0] == "error").map(lambda kv: (kv[0], kv[1][2])).collect()) \
        if kinds.get("error") else []
    good = items.filter(lambda kv: kv[1][0] == "ok").map(lambda kv: (kv[1][1].id, (kv[0], kv[1][1])))
    total = kinds.get("ok", 0)
    first = good.reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
    if files.exists(files.out, "articles") and files.files(files.out, "articles"):
        done = spark.read.schema(spark_schema(ARTICLE_SCHEMA)).parquet(files.out + "/articles").select("id").rdd \
            .map(lambda r: (r[0], None))
        first = first.subtractByKey(done)
    first = first.persist(StorageLevel.MEMORY_AND_DISK)
    # chunks in input order: the driver sorts the articles' order numbers (small) and cuts them
    # every `chunk`; each article finds its chunk by bisection (no sort of the articles themselves)
    sized = sorted(first.map(lambda kv: (kv[1][0], len(kv[1][1].text or ""))).collect())
    trace("driver: repeated and done articles left out")
    orders = [o for o, _ in sized]
    n_todo = len(orders)
    bounds = sc.broadcast(orders[chunk::chunk])
    todo = first.map(lambda kv: (bisect.bisect_right(bounds.value, kv[1][0]), kv[1])) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    report.skipped = total - n_todo
    trace(f"driver: {n_todo} articles to do")
    n_chunks = -(-n_todo // chunk)
    n_parts = partitions or sc.defaultParallelism
    moved = 0

    def crash() -> None:
        nonlocal moved
        moved += 1
        if crash_after_files is not None and moved >= crash_after_files:
            os._exit(137)  # as if killed: no cleanup, no exception handlers

    saved_env = dict(sc.environment)
    sc.environment.update(extract_env)  # what follows runs in the preloaded daemon's workers
    try:
        for c in range(n_chunks):
            t = time.monotonic()
            # the chunk dealt over the partitions by length, so that each has as much work
            # (Spark's repartition deals unevenly: 142 and 158 of 300 articles)
            mine = sc.broadcast(balance(sized[c * chunk:(c + 1) * chunk], n_parts))
            part = todo.filter(lambda kv, c=c: kv[0] == c) \
                .map(lambda kv, m=mine: (m.value[kv[1][0]], kv[1])) \
                .partitionBy(n_parts, _part).values()
            tagged = part.mapPartitions(lambda rows, s=shipped: _extract_partition(rows, s)) \
                .persist(StorageLevel.MEMORY_AND_DISK)
            chunk_id = f"c{uuid.uuid4().hex[:12]}"
            staging = f"{files.out}/_staging/{chunk_id}"
            ev_rows = tagged.filter(lambda t: t[0] == "event").map(lambda t: t[1])
            art_rows = tagged.filter(lambda t: t[0] == "article").map(lambda t: t[1])
            spark.createDataFrame(_tuples(EVENT_SCHEMA, ev_rows), spark_schema(EVENT_SCHEMA)) \
                .write.partitionBy("part_country", "part_month").parquet(staging + "/events")
            trace(f"driver: chunk {c + 1}'s events written")
            spark.createDataFrame(_tuples(ARTICLE_SCHEMA, art_rows), spark_schema(ARTICLE_SCHEMA)) \
                .write.partitionBy("part_month").parquet(staging + "/articles")
            counts = tagged.map(lambda t: t[0]).countByValue()
            n_art, n_ev = counts.get("article", 0), counts.get("event", 0)
            failed = tagged.filter(lambda t: t[0] == "error").map(lambda t: (t[1], t[2])).collect() \
                if counts.get("error") else []
            trace(f"driver: chunk {c + 1} written")
            files.commit(chunk_id, crash if crash_after_files is not None else None)
            trace(f"driver: chunk {c + 1} committed")
            tagged.unpersist()
            mine.unpersist()
            errors += [(0, reason) for _, reason in failed]
            report.articles += n_art
            report.events += n_ev
            report.chunks += 1
            say(f"chunk {c + 1}/{n_chunks}: {n_art} articles, {n_ev} events "
                f"({n_art / max(time.monotonic() - t, 1e-9):.1f} articles/s)")
    finally:
        sc.environment.clear()
        sc.environment.update(saved_env)
    report.errors = len(errors)
    report.messages = [reason for _, reason in errors]
    rows = [(r.split(":", 1)[0], r) for _, r in errors]
    local = files.local()
    if local is not None:  # a few rows, already in the driver: no Spark job (0.4 s)
        _write_errors_local(local / "errors", rows)
    else:
        spark.createDataFrame(rows, spark_schema(ERROR_SCHEMA)) \
            .coalesce(1).write.mode("overwrite").parquet(files.out + "/errors")
    files.fs.delete(files.path(files.out, "_staging"), True)
    items.unpersist()
    first.unpersist()
    todo.unpersist()
    report.seconds = time.monotonic() - t0
    trace("driver: ingest done")
    return report

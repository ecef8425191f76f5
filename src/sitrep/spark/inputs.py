"""Inputs of the Spark runner: files under any URI Spark's filesystem layer reads (local
paths, file://, hdfs://, s3a:// when configured), turned into articles on the executors by
the same parsers `sitrep ingest` uses.

- JSONL (.jsonl, .ndjson): read as lines with their byte offsets (Hadoop's TextInputFormat),
  so a big file is split across tasks and a bad line is named by file and byte;
- CSV (.csv) and Parquet (.parquet): read by Spark; each row is a record (id, url, title,
  text, published, source, language);
- anything else (.txt, .html, .json arrays, feeds): read whole, one file per record, parsed by
  kind like `sitrep ingest` does.

Each item is ("ok", Article) or ("error", input name, reason).
"""

from __future__ import annotations

from typing import Any

LINE_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = {".csv": "csv", ".parquet": "parquet"}


def list_files(spark, paths: list[str]) -> list[str]:
    """Every file under `paths` (directories recursively; names starting with . or _ skipped),
    as full URIs; FileNotFoundError naming a path that does not exist."""
    jvm, conf = spark._jvm, spark._jsc.hadoopConfiguration()
    out: list[str] = []
    for p in paths:
        path = jvm.org.apache.hadoop.fs.Path(p)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            raise FileNotFoundError(f"{p}: no such file or directory")
        if fs.getFileStatus(path).isFile():
            out.append(str(fs.makeQualified(path)))
            continue
        it = fs.listFiles(path, True)
        while it.hasNext():
            f = it.next().getPath()
            rel = str(f)[len(str(fs.makeQualified(path))):]
            if not any(part.startswith((".", "_")) for part in rel.split("/") if part):
                out.append(str(f))
    return sorted(out)


def _defaults(published: str | None, source: str | None, max_bytes: int):
    import datetime as dt

    from sitrep.ingest.common import Defaults

    return Defaults(published=dt.date.fromisoformat(published) if published else None, source=source,
                    max_bytes=max_bytes)


def _suffix(uri: str) -> str:
    name = uri.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def _short(uri: str) -> str:
    return uri.removeprefix("file:")


# a JSONL file is read in tasks of at most this many bytes (Hadoop's default for local files is
# 32 MB): the lines are parsed where they are read, so a file of a few tens of MB is parsed on
# several cores, with no shuffle. A smaller file is one task: parsing 1,000 articles takes
# about 0.1 s, less than a shuffle would cost.
SPLIT = 8 << 20

ORDER_STRIDE = 2**40  # a file's items are numbered below this (byte offsets of files up to 1 TB)


def read(spark, files: list[str], published: str | None = None, source: str | None = None,
         max_bytes: int = 5_000_000):
    """An RDD of (order, item) over `files`, item ("ok", Article), ("error", input, reason) or
    ("skip",); `order` sorts as `sitrep ingest` reads: by file, then line or row."""
    sc = spark.sparkContext
    parts = []
    args = (published, source, max_bytes)
    for i, uri in enumerate(files):
        suffix = _suffix(uri)
        if suffix in LINE_SUFFIXES:
            lines = sc.newAPIHadoopFile(uri, "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
                                        "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text",
                                        conf={"mapreduce.input.fileinputformat.split.maxsize": str(SPLIT)})
            parts.append(lines.map(lambda kv, u=uri, i=i: ((i, kv[0]), _from_line(u, kv[0], kv[1], *args))))
        elif suffix in TABLE_SUFFIXES:
            reader = spark.read
            if suffix == ".csv":
                df = reader.options(header=True, multiLine=True, escape='"').csv(uri)
            else:
                df = reader.parquet(uri)
            rows = df.rdd.zipWithIndex()
            parts.append(rows.map(lambda rx, u=uri, i=i: ((i, rx[1]), _from_row(u, rx[1], rx[0].asDict(), *args))))
        else:
            whole = sc.binaryFiles(uri)
            parts.append(whole.flatMap(lambda kv, i=i: [((i, n), item) for n, item in
                                                       enumerate(_from_file(kv[0], kv[1], *args))]))
    if not parts:
        return sc.emptyRDD()
    # one number for the order: the file's place, then the line's byte or the row's place
    return sc.union(parts).map(lambda kv: (kv[0][0] * ORDER_STRIDE + kv[0][1], kv[1]))


def _from_line(uri: str, offset: int, line: str, published, source, max_bytes) -> tuple:
    from sitrep.ingest.records import _line
    from sitrep.model import InputError

    if not line.strip():
        return ("skip",)
    item = _line(f"{_short(uri)} (byte {offset})", line, _defaults(published, source, max_bytes))
    return ("error", _short(uri), str(item)) if isinstance(item, InputError) else ("ok", item)


def _from_row(uri: str, n: int, row: dict[str, Any], published, source, max_bytes) -> tuple:
    import datetime as dt

    from sitrep.ingest.records import _record
    from sitrep.model import InputError

    row = {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()
           if v is not None}
    item = _record(f"{_short(uri)} (row {n + 1})", row, _defaults(published, source, max_bytes))
    return ("error", _short(uri), str(item)) if isinstance(item, InputError) else ("ok", item)


def _from_file(uri: str, raw: bytes, published, source, max_bytes) -> list[tuple]:
    from sitrep.ingest import SUFFIX_KINDS, _parse
    from sitrep.ingest.common import looks_like_feed, looks_like_html
    from sitrep.model import InputError

    name = _short(uri)
    head = raw[:4096]
    kind = SUFFIX_KINDS.get(_suffix(uri), "") or ("feed" if looks_like_feed(head) else
                                                  "html" if looks_like_html(head) else "text")
    try:
        if len(raw) > max_bytes * (4 if kind in ("html", "records", "feed") else 1):
            raise InputError(f"{name}: file too large ({len(raw) / 1e6:.1f} MB)")
        return [("error", name, str(x)) if isinstance(x, InputError) else ("ok", x)
                for x in _parse(kind, name, raw, _defaults(published, source, max_bytes))]
    except InputError as exc:
        return [("error", name, str(exc))]

"""The `sitrep` command: a thin layer over the library (see `sitrep --help`)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import re
import sys
from pathlib import Path

from sitrep import __version__

FORMATS_EXTRACT = ["table", "json", "jsonl", "csv"]
FORMATS_EVENTS = ["table", "csv", "json", "geojson", "jsonl", "parquet"]


# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional
# overrides that reorder what a terminal shows
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_line(text: str) -> str:
    """Text from the data made safe for a terminal line: controls and escapes become spaces."""
    return _UNSAFE.sub(" ", text)


def clean_record(rec: dict) -> dict:
    """A record for the rich table: no controls, and no rich console markup (an actor named
    "[/]" is text, not a closing tag)."""
    from rich.markup import escape

    return {k: escape(clean_line(v)) if isinstance(v, str) else v for k, v in rec.items()}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _err(msg: str) -> None:
    print(f"sitrep: error: {clean_line(msg)}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sitrep", description="News reports of armed conflict in, ACLED-model events out.")
    p.add_argument("--version", action="version", version=f"sitrep {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)

    def inputs(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or URLs: .txt, .html, .json/.jsonl, RSS/Atom")
        sp.add_argument("--published", type=_date, help="publication date for inputs that lack one (YYYY-MM-DD)")
        sp.add_argument("--source", help="source name for inputs that lack one")
        sp.add_argument("--max-bytes", type=int, default=5_000_000, help="largest article accepted (default 5 MB)")
        sp.add_argument("--batch-size", type=int, default=64, help="articles per extraction batch")
        sp.add_argument("--allow-private", action="store_true",
                        help="let URLs reach loopback and private addresses (default: refused; "
                        "also $SITREP_ALLOW_PRIVATE=1)")

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", help="SQLAlchemy URL (sqlite:///file.db, postgresql://...); default $SITREP_DB or sqlite:///sitrep.db")

    sp = sub.add_parser("extract", help="print the events in articles without storing them")
    inputs(sp)
    sp.add_argument("--format", choices=FORMATS_EXTRACT, default="table")
    sp.add_argument("-o", "--output", help="write to this file instead of standard output")

    sp = sub.add_parser("ingest", help="extract events and store articles and events")
    inputs(sp)
    db(sp)
    sp.add_argument("--no-fuse", action="store_true",
                    help="store every report's events separately (default: fuse reports of one event)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")

    sp = sub.add_parser("events", help="query stored events")
    db(sp)
    sp.add_argument("--country", help="country name or ISO2 code")
    sp.add_argument("--admin1", help="province / governorate (substring)")
    sp.add_argument("--since", type=_date)
    sp.add_argument("--until", type=_date)
    sp.add_argument("--type", dest="event_type", help="event type or sub-event type")
    sp.add_argument("--actor", help="actor name (substring)")
    sp.add_argument("--text", help="full-text search over the articles")
    sp.add_argument("--min-fatalities", type=int, help="events with at least this many fatalities")
    sp.add_argument("--review-status", help="only these statuses, comma-separated: unreviewed, edited, "
                    "accepted, rejected, merged")
    sp.add_argument("--include-rejected", action="store_true",
                    help="also list rejected events and duplicates merged into another (left out by default)")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--format", choices=FORMATS_EVENTS, default="table")
    sp.add_argument("-o", "--output")

    sp = sub.add_parser("review", help="accept or reject a stored event (recorded in its history)")
    db(sp)
    sp.add_argument("action", choices=["accept", "reject"])
    sp.add_argument("event_id", type=int)
    sp.add_argument("--user", required=True, help="who reviews (the name kept in the history)")
    sp.add_argument("--note", default="", help="why")

    sp = sub.add_parser("reprocess", help="re-extract stored articles (after an upgrade); reviewed events are kept")
    db(sp)
    sp.add_argument("--batch-size", type=int, default=64)

    sp = sub.add_parser("watch", help="poll RSS/Atom feeds and listing pages, ingest what is new")
    sp.add_argument("config", help="FEEDS.yaml (see docs/watch.md)")
    db(sp)
    sp.add_argument("--once", action="store_true", help="poll the sources that are due once and exit (for cron)")
    sp.add_argument("--force", action="store_true", help="with --once: poll every source, due or not")

    sp = sub.add_parser("alerts", help="watch areas that alert by webhook or e-mail")
    asub = sp.add_subparsers(dest="action", required=True)
    a = asub.add_parser("add", help="add a watch area")
    a.add_argument("name")
    where = a.add_mutually_exclusive_group(required=True)
    where.add_argument("--point", help="LAT,LON (with --radius-km)")
    where.add_argument("--admin1", help="a province name (with --country)")
    where.add_argument("--polygon", help="a GeoJSON file with one polygon")
    a.add_argument("--radius-km", type=float, default=50.0)
    a.add_argument("--country", help="ISO2, with --admin1")
    a.add_argument("--types", nargs="*", default=[], help="event or sub-event types")
    a.add_argument("--actors", nargs="*", default=[], help="actor name parts")
    a.add_argument("--min-fatalities", type=int, default=0)
    a.add_argument("--webhook", help="URL to POST JSON to")
    a.add_argument("--secret", help="shared secret for the X-Sitrep-Signature HMAC, at least 16 characters "
                   "(default: a new random one, printed once)")
    a.add_argument("--allow-private", action="store_true",
                   help="let the webhook reach loopback and private addresses (default: refused)")
    a.add_argument("--email", help="address to mail (SMTP from $SITREP_SMTP, host:port)")
    db(a)
    a = asub.add_parser("remove", help="remove a watch area")
    a.add_argument("name")
    db(a)
    db(asub.add_parser("list", help="list watch areas"))
    db(asub.add_parser("deliveries", help="list alert deliveries"))
    db(asub.add_parser("send", help="send queued alerts and try failed deliveries again (for cron)"))

    sp = sub.add_parser("trends", help="this week against the trailing weeks, per province, type or actor")
    db(sp)
    sp.add_argument("--by", choices=["admin1", "type", "actor", "country", "sub_event_type"], default="admin1")
    sp.add_argument("--as-of", type=_date, help="a day in the week to measure (default today)")
    sp.add_argument("--weeks", type=int, default=8, help="trailing weeks for the baseline")
    sp.add_argument("--country")
    sp.add_argument("--format", choices=["table", "json"], default="table")

    def report_scope(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--country", action="extend", nargs="+", default=[], metavar="C",
                        help="countries (names or ISO2 codes; any of them)")
        sp.add_argument("--admin1", action="extend", nargs="+", default=[], metavar="A",
                        help="provinces (any of them)")
        sp.add_argument("--area", help="a watch area's name (sitrep alerts add): events inside it")
        sp.add_argument("--bbox", help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
        sp.add_argument("--reviewed-only", action="store_true", help="only events an analyst accepted or edited")
        sp.add_argument("--title", help="the report's title (default: 'Situation report: ' and the place)")

    sp = sub.add_parser("report", help="a situation report of a period (HTML, PDF or Markdown); schedules "
                        "that send one by e-mail or webhook (docs/reports.md)")
    db(sp)
    report_scope(sp)
    when = sp.add_mutually_exclusive_group()
    when.add_argument("--week", help="an ISO week such as 2026-W48, or 'latest' (the week of the newest event); "
                      "default: the last full week")
    when.add_argument("--month", help="a month such as 2026-11")
    when.add_argument("--from", dest="date_from", type=_date, help="first day (with --to)")
    sp.add_argument("--to", dest="date_to", type=_date, help="last day (with --from; default today)")
    sp.add_argument("--format", choices=["pdf", "html", "md"], action="append",
                    help="pdf, html or md (repeatable; default: taken from --out's ending, else pdf)")
    sp.add_argument("--out", help="file to write (default sitrep-report-PERIOD.FORMAT here; '-' for standard "
                    "output); with several --format, the ending is replaced for each")
    rsub = sp.add_subparsers(dest="action")
    sch = rsub.add_parser("schedule", help="reports sent on a schedule")
    ssub = sch.add_subparsers(dest="schedule_action", required=True)
    a = ssub.add_parser("add", help="add a schedule: the last full day, week or month, sent once")
    a.add_argument("name")
    report_scope(a)
    a.add_argument("--every", choices=["day", "week", "month"], default="week")
    a.add_argument("--email", help="address to mail the PDF to (SMTP from $SITREP_SMTP, host:port)")
    a.add_argument("--webhook", help="URL to POST the summary JSON and a link to")
    a.add_argument("--secret", help="shared secret for the X-Sitrep-Signature HMAC, at least 16 characters "
                   "(default: a new random one, printed once)")
    a.add_argument("--allow-private", action="store_true",
                   help="let the webhook reach loopback and private addresses (default: refused)")
    a.add_argument("--link", help="the web app's address for the report link (default $SITREP_PUBLIC_URL, "
                   "else http://127.0.0.1:8000)")
    db(a)
    a = ssub.add_parser("remove", help="remove a schedule")
    a.add_argument("name")
    db(a)
    db(ssub.add_parser("list", help="list schedules"))
    db(ssub.add_parser("deliveries", help="list report deliveries"))
    a = rsub.add_parser("send", help="send each schedule's last full period if not sent yet, and retry failed "
                        "sends (for cron; `sitrep watch` does it too)")
    db(a)

    sp = sub.add_parser("spark", help="the pipeline on Apache Spark: an archive to Parquet (docs/scale.md)")
    ssub = sp.add_subparsers(dest="action", required=True)
    k = ssub.add_parser("ingest", help="extract events from inputs in Spark partitions into Parquet under --out; "
                        "a rerun skips what is done, a killed run resumes")
    k.add_argument("paths", nargs="+", metavar="INPUT", help="files or folders (local, file://, hdfs://, s3a://): "
                   "JSONL, CSV, Parquet, text, HTML")
    k.add_argument("--out", required=True, help="output folder: events/, articles/, errors/ (Parquet)")
    k.add_argument("--master", help="Spark master URL (default: local[*], or what spark-submit gives)")
    k.add_argument("--partitions", type=int, help="partitions to spread the articles over (default: Spark's)")
    k.add_argument("--chunk", type=int, default=5000, help="articles per commit (what a killed run can lose)")
    k.add_argument("--published", type=_date, help="publication date for inputs that lack one (YYYY-MM-DD)")
    k.add_argument("--source", help="source name for inputs that lack one")
    k.add_argument("--max-bytes", type=int, default=5_000_000, help="largest article accepted (default 5 MB)")
    k.add_argument("--no-fuse", action="store_true", help="skip the fusion stage (default: reports of one event "
                   "from different articles become one event in OUT/fused, as `sitrep ingest` does)")
    k.add_argument("--db", help="also load the result into this store (as `sitrep load`)")

    sp = sub.add_parser("load", help="bulk-load Parquet from `sitrep spark ingest` into a store")
    sp.add_argument("paths", nargs="+", metavar="FOLDER", help="--out folders of `sitrep spark ingest`")
    db(sp)
    sp.add_argument("--quiet", action="store_true", help="no progress")

    sp = sub.add_parser("search", help="full-text search over stored articles")
    db(sp)
    sp.add_argument("query")
    sp.add_argument("--limit", type=int, default=20)

    sp = sub.add_parser("eval", help="score extraction against gold files or real coded data (docs/evaluation.md)")
    sp.add_argument("gold", nargs="*", help="gold JSONL: articles with events, sentences with types, places, "
                    "fusion clusters, or labels of licensed articles (texts read from --real-dir)")
    sp.add_argument("--acled", action="append", default=[], metavar="EXPORT.csv[.gz]",
                    help="an ACLED export with notes: run the notes, score against ACLED's coding")
    sp.add_argument("--india", action="append", default=[], metavar="DIR",
                    help="an IndiaPoliceEvents folder (docs.jsonl, sents.jsonl, metadata.jsonl)")
    sp.add_argument("--split", choices=["tune", "report", "all"], default="all",
                    help="real data: the tune or report split, or all (default; published figures use report)")
    sp.add_argument("--country", action="extend", nargs="+", default=[], metavar="C",
                    help="--acled: only these countries (ACLED names or ISO2 codes)")
    sp.add_argument("--since", type=_date, help="--acled: events on or after this day")
    sp.add_argument("--until", type=_date, help="--acled: events on or before this day")
    sp.add_argument("--sample", type=int, help="--acled: a random sample of N rows (after the filters)")
    sp.add_argument("--seed", type=int, default=0, help="--acled: seed of --sample (default 0)")
    sp.add_argument("--limit", type=int, help="--acled: the first N rows (after the filters and the sample)")
    sp.add_argument("--real-dir", help="folder of the licensed real data (default $SITREP_REAL_DIR, "
                    "else ../shared/data/real next to the repository)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.add_argument("--format", choices=["text", "json"], default="text")
    sp.add_argument("--errors", type=int, default=0, help="print this many mismatches per file (per kind for --acled)")

    sp = sub.add_parser("geocode", help="look up places in the gazetteer")
    sp.add_argument("query", nargs="?")
    sp.add_argument("--country", help="ISO2 country code to restrict to")
    sp.add_argument("--batch", help="JSONL file of {id, query, country?}")
    sp.add_argument("--format", choices=["table", "jsonl"], default="table")
    sp.add_argument("--limit", type=int, default=10)

    sp = sub.add_parser("gazetteer", help="build or extend the offline gazetteer")
    gsub = sp.add_subparsers(dest="action", required=True)
    g = gsub.add_parser("build", help="build the gazetteer from the packaged sources")
    g.add_argument("--path", help="where to write it (default $SITREP_GAZETTEER or the user data dir)")
    g.add_argument("--force", action="store_true", help="rebuild even if it exists")
    g = gsub.add_parser("import", help="import GeoNames dump files (allCountries.txt, XX.txt/zip, alternateNamesV2, admin codes)")
    g.add_argument("files", nargs="+")
    g.add_argument("--path")
    g = gsub.add_parser("info", help="where the gazetteer is and what it holds")
    g.add_argument("--path")
    sp = sub.add_parser("serve", help="serve the web app and JSON API")
    db(sp)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--anonymous-read", action="store_true",
                    help="let anyone read without a token (reads are open anyway while no user exists)")
    sp.add_argument("--workers", type=int, default=1, help="server processes (one per core for load)")
    sp.add_argument("--tiles", help="basemap tile URL template for users online, e.g. "
                    "https://tile.example.org/{z}/{x}/{y}.png (default $SITREP_TILES; offline: none)")
    sp.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                    help="believe X-Forwarded-For/-Proto only from this reverse proxy (repeatable; "
                    "default: from nobody)")
    sp.add_argument("--secure-cookies", action="store_true",
                    help="session cookies only over HTTPS (behind a TLS reverse proxy; docs/security.md)")
    sp.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                    help="a Host name users reach the server by (repeatable; default: the --host "
                    "address and the localhost names)")

    sp = sub.add_parser("users", help="manage users and API tokens")
    usub = sp.add_subparsers(dest="action", required=True)
    u = usub.add_parser("add", help="add a user (password read from standard input or prompted)")
    u.add_argument("name")
    u.add_argument("--role", choices=["viewer", "analyst", "admin"], default="analyst")
    db(u)
    u = usub.add_parser("passwd", help="set a user's password (read from standard input or prompted); "
                                      "ends their sessions and tokens")
    u.add_argument("name")
    db(u)
    u = usub.add_parser("remove", help="remove a user and their tokens")
    u.add_argument("name")
    db(u)
    u = usub.add_parser("token", help="print a new API token for a user (shown once)")
    u.add_argument("name")
    db(u)
    db(usub.add_parser("list", help="list users"))

    sp = sub.add_parser("model", help="train the learned sentence typer")
    msub = sp.add_subparsers(dest="action", required=True)
    m = msub.add_parser("train", help="train (or reuse) the typer from data/training/*.jsonl; with --acled, "
                        "also from your own ACLED export(s), as your custom model")
    m.add_argument("--acled", nargs="+", metavar="EXPORT.csv", help="ACLED export(s) with notes and sub_event_type "
                   "(under your own ACLED licence; the model stays on this machine)")
    m.add_argument("--force", action="store_true", help="retrain even if the cached model is up to date")
    msub.add_parser("info", help="which model is active, what it was trained on and its scores")
    msub.add_parser("reset", help="remove your custom model; the packaged model becomes active")
    return p


class _WarningLine(logging.Handler):
    """sitrep's warnings (e.g. a guessed encoding) as one line each on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"sitrep: warning: {clean_line(record.getMessage())}", file=sys.stderr)


def _setup_warnings() -> None:
    logger = logging.getLogger("sitrep")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))
        logger.setLevel(logging.WARNING)
        logger.propagate = False


def _describe(exc: Exception) -> str:
    """One line for an unexpected error; a database error without its statement's values
    (they may hold an article's text)."""
    import sqlalchemy as sa

    if isinstance(exc, sa.exc.StatementError):
        first = str(getattr(exc, "orig", None) or exc.__class__.__name__).splitlines()[0]
        return f"database error ({exc.__class__.__name__}: {first[:200]})"
    return f"{exc.__class__.__name__}: {exc}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_warnings()
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _err("interrupted; committed articles are kept, run the same command again to resume")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the edge: one clear line unless --debug
        if args.debug:
            raise
        _err(f"{_describe(exc)} (run with --debug for details)")
        return 1


def _open_out(path: str | None):
    return open(path, "w", encoding="utf-8", newline="") if path else sys.stdout


def cmd_extract(args: argparse.Namespace) -> int:
    from sitrep import output
    from sitrep.pipeline import run

    records: list[dict] = []
    out = _open_out(args.output)
    streaming = args.format == "jsonl"

    def sink(article, found) -> bool:
        for ev in found:
            rec = ev.to_record()
            if streaming:
                out.write(output.dumps(rec) + "\n")
            else:
                records.append(rec)
        if streaming:
            out.flush()
        return True

    with _url_rules(args):
        report = run(args.paths, published=args.published, source=args.source, max_bytes=args.max_bytes,
                     batch_size=args.batch_size, sink=sink, on_error=_err)
    if not streaming:
        output.write([clean_record(r) for r in records] if args.format == "table" else records, args.format, out)
    if out is not sys.stdout:
        out.close()
    print(f"{report.articles} articles, {report.events} events, {len(report.errors)} errors", file=sys.stderr)
    return 1 if report.errors else 0


def _url_rules(args: argparse.Namespace):
    """The address rules for the URLs among the inputs (sitrep.fetch)."""
    from sitrep.ingest.common import url_policy, using_url_policy

    if not args.allow_private:
        return contextlib.nullcontext()
    from dataclasses import replace

    return using_url_policy(replace(url_policy(), allow_private=True))


def _report_alerts(sent: list[dict]) -> None:
    for d in sent:
        if not d["ok"]:
            again = f"; trying again at {d['retry']:%H:%M} UTC" if d["retry"] else "; given up"
            _err(f"alert {d['area']}: {d['channel']} delivery for event {d['event_id']} failed{again}")


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sitrep.ingest import expand_paths
    from sitrep.pipeline import run
    from sitrep.store import Store

    store = Store(args.db)
    files = list(expand_paths(args.paths))
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                        disable=args.quiet or not sys.stderr.isatty(), transient=False)
    counts = {"articles": 0, "events": 0}

    import sqlalchemy as sa

    from sitrep.alerts import dispatch

    store_errors: list[str] = []

    def sink(article, found) -> bool:
        try:
            created = store.add_article(article, found, fuse=not args.no_fuse)
        except sa.exc.OperationalError:
            raise  # the database is gone: stop; what is stored stays stored
        except sa.exc.StatementError as exc:  # this article only; never its text in the line
            msg = f"{article.origin or article.id}: cannot store the article ({_describe(exc)}); skipped"
            store_errors.append(msg)
            report_error(msg)
            return False
        if created is None:
            return False
        counts["articles"] += 1
        counts["events"] += len(found)
        _report_alerts(dispatch(store))
        return True

    def report_error(m: str) -> None:
        if progress.live.is_started and not progress.disable:
            progress.console.print(f"sitrep: error: {clean_line(m)}", style="red", highlight=False, markup=False)
        else:
            _err(m)

    with progress, _url_rules(args):
        task = progress.add_task("ingest", total=None, status="")

        def tick(n: int) -> None:
            progress.update(task, advance=n, status=f"{counts['articles']} new articles, {counts['events']} events")

        report = run(files, published=args.published, source=args.source, max_bytes=args.max_bytes,
                     batch_size=args.batch_size, skip=store.known_ids, sink=sink,
                     on_error=report_error, on_progress=tick)
    skipped = report.skipped - len(store_errors)
    errors = len(report.errors) + len(store_errors)
    print(f"stored {report.articles} new articles with {report.events} events; "
          f"{skipped} already stored; {errors} errors; database {store.url}",
          file=sys.stderr)
    return 1 if errors else 0


def cmd_events(args: argparse.Namespace) -> int:
    from sitrep import output
    from sitrep.store import EventFilter, Store, review_statuses

    store = Store(args.db)
    try:
        f = EventFilter(country=args.country, admin1=args.admin1, since=args.since, until=args.until,
                        event_type=args.event_type, actor=args.actor, text=args.text, limit=args.limit,
                        review_status=args.review_status, include_hidden=args.include_rejected,
                        min_fatalities=args.min_fatalities)
        review_statuses(args.review_status)
    except ValueError as exc:
        _err(f"--review-status: {exc}")
        return 2
    if args.format == "parquet":
        if not args.output:
            _err("--format parquet writes a file: give -o FILE.parquet")
            return 2
        from sitrep.parquet import write_stored_events

        n = write_stored_events(store.iter_events(f, args.limit), args.output)
        print(f"{n} events written to {args.output}", file=sys.stderr)
        return 0
    rows = store.events(f)
    out = _open_out(args.output)
    if args.format == "table":  # a terminal: no console markup, no escape sequences from the data
        rows = [clean_record(r) for r in rows]
    output.write(rows, args.format, out, title=f"{len(rows)} events", stored=True)
    if out is not sys.stdout:
        out.close()
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from sitrep.store import Store
    from sitrep.store.review import Conflict

    store = Store(args.db)
    try:
        status = store.review_event(args.event_id, args.action, args.user, args.note)
    except KeyError:
        _err(f"no event {args.event_id}")
        return 2
    except Conflict as exc:
        _err(str(exc))
        return 2
    print(f"event {args.event_id}: {status}")
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    import datetime as _dt

    from sitrep.model import Article
    from sitrep.pipeline import batched, process
    from sitrep.store import Store

    store = Store(args.db)
    ids = store.article_ids()
    replaced = kept = done = 0
    for chunk in batched(ids, args.batch_size):
        arts = []
        for aid in chunk:
            a = store.article(aid)
            arts.append(Article(id=a["id"], text=a["text"], title=a["title"], url=a["url"],
                                published=a["published"] if isinstance(a["published"], _dt.date) else None,
                                source=a["source"], language=a["language"]))
        for art, found in zip(arts, process(arts)):
            r, k = store.reprocess_article(art.id, found)
            replaced, kept = replaced + r, kept + k
        done += len(chunk)
        print(f"reprocessed {done}/{len(ids)} articles", file=sys.stderr)
    print(f"replaced {replaced} machine-coded events; kept {kept} reviewed events untouched", file=sys.stderr)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from sitrep.store import Store
    from sitrep.watch import describe, load_config, poll_once, watch

    try:
        config = load_config(Path(args.config))
    except ValueError as exc:
        _err(str(exc))
        return 2
    store = Store(args.db)
    if args.once:
        report = poll_once(config, store, force=args.force, on_error=_err)
        print(describe(report), file=sys.stderr)
        return 1 if report.errors else 0
    print(f"watching {len(config.sources)} sources into {store.url} (Ctrl-C to stop)", file=sys.stderr)
    watch(config, store, on_report=lambda r: print(describe(r), file=sys.stderr), on_error=_err)
    return 0


def _show_secret(secret: str) -> None:
    """A webhook secret sitrep made up: printed once, for the receiver."""
    print("webhook secret (shown once; the receiver checks X-Sitrep-Signature with it, "
          "docs/security-ingest.md):", file=sys.stderr)
    print(secret)


def cmd_alerts(args: argparse.Namespace) -> int:
    from sitrep.store import Store

    store = Store(args.db)
    if args.action == "add":
        spec: dict = {"types": args.types, "actors": args.actors, "min_fatalities": args.min_fatalities}
        if args.point:
            try:
                lat, lon = (float(x) for x in args.point.split(","))
            except ValueError:
                _err(f"--point {args.point!r}: give LAT,LON such as 33.42,43.30")
                return 2
            spec.update(point=[lat, lon], radius_km=args.radius_km)
        elif args.admin1:
            spec.update(admin1=args.admin1, country=args.country or "")
        else:
            try:
                geo = json.loads(Path(args.polygon).read_text(encoding="utf-8"))
                spec["polygon"] = geo["features"][0]["geometry"] if "features" in geo else geo.get("geometry", geo)
            except (OSError, ValueError, KeyError, IndexError) as exc:
                _err(f"{args.polygon}: not a GeoJSON polygon ({exc.__class__.__name__})")
                return 2
        if not (args.webhook or args.email):
            _err("give --webhook URL and/or --email ADDRESS")
            return 2
        secret, generated = args.secret, False
        if args.webhook:
            from sitrep.alerts import check_secret, check_webhook, new_secret
            from sitrep.fetch import FetchError

            if secret is None:
                secret, generated = new_secret(), True
            try:
                check_secret(secret)
                check_webhook(args.webhook, allow_private=args.allow_private)
            except (ValueError, FetchError) as exc:
                _err(str(exc).replace("remove the area and add it again with --allow-private",
                                      "add --allow-private"))
                return 2
        spec.update(webhook=args.webhook, secret=secret if args.webhook else "", email=args.email,
                    allow_private=bool(args.allow_private))
        try:
            store.add_area(args.name, spec)
        except ValueError as exc:
            _err(str(exc))
            return 2
        print(f"watch area {args.name} added", file=sys.stderr)
        if generated:
            _show_secret(secret)
    elif args.action == "remove":
        if not store.remove_area(args.name):
            _err(f"no watch area {args.name!r}")
            return 2
    elif args.action == "list":
        for a in store.areas():
            spec = {k: v for k, v in a["spec"].items() if k != "secret"}
            print(f"{a['name']}\t{json.dumps(spec)}")
    elif args.action == "send":
        from sitrep.alerts import dispatch

        sent = dispatch(store)
        _report_alerts(sent)
        print(f"{sum(d['ok'] for d in sent)} alerts sent, {sum(not d['ok'] for d in sent)} failed", file=sys.stderr)
        return 1 if any(not d["ok"] for d in sent) else 0
    else:
        for d in store.deliveries():
            cells = [d["at"], d["area"], f"event {d['event_id']}", d["channel"], d["status"],
                     f"{d['attempts']} attempts", d["detail"]]
            if d["next_try"]:
                cells.append(f"next try {d['next_try']}")
            print("\t".join(clean_line(str(c)) for c in cells))
    return 0


def cmd_trends(args: argparse.Namespace) -> int:
    from sitrep.store import EventFilter, Store
    from sitrep.trends import trends

    rows = trends(Store(args.db), by=args.by, as_of=args.as_of, weeks=args.weeks,
                  f=EventFilter(country=args.country))
    if args.format == "json":
        print(json.dumps([t.to_record() for t in rows], indent=2))
    else:
        for t in rows:
            print(clean_line(f"{t.change:6}  {t.summary}"))
    return 0


def _report_scope(args: argparse.Namespace):
    from sitrep.report import Scope

    bbox = None
    if args.bbox:
        try:
            bbox = tuple(float(x) for x in args.bbox.split(","))
            assert len(bbox) == 4
        except (ValueError, AssertionError):
            raise ValueError(f"--bbox {args.bbox!r}: give MIN_LON,MIN_LAT,MAX_LON,MAX_LAT such as 38.8,29,48.6,37.4") from None
    return Scope(countries=args.country, admin1=args.admin1, area_name=args.area or "", bbox=bbox,
                 reviewed_only=args.reviewed_only)


def _report_period(args: argparse.Namespace, store, scope):
    from sitrep.report import between, iso_week, last_full, month_of, week_of
    from sitrep.report.content import latest_day

    today = dt.date.today()
    if args.date_to and not args.date_from:
        raise ValueError("--to needs --from")
    if args.date_from:
        return between(args.date_from, args.date_to or today)
    if args.month:
        try:
            return month_of(dt.date.fromisoformat(args.month + "-01"))
        except ValueError:
            raise ValueError(f"--month {args.month!r} is not of the form YYYY-MM, such as 2026-11") from None
    if args.week == "latest":
        day = latest_day(store, scope)
        return week_of(day or today)
    if args.week:
        return iso_week(args.week)
    return last_full("week", today)


def cmd_report(args: argparse.Namespace) -> int:
    from sitrep.fetch import FetchError
    from sitrep.store import Store

    store = Store(args.db)
    if args.action == "send":
        from sitrep.report.schedules import send_due

        done = send_due(store)
        for d in done:
            line = f"{d['schedule']} {d['period']} {d['channel']}: {'sent' if d['ok'] else 'failed: ' + d['detail']}"
            print(clean_line(line), file=sys.stderr)
        print(f"{sum(d['ok'] for d in done)} reports sent, {sum(not d['ok'] for d in done)} failed", file=sys.stderr)
        return 1 if any(not d["ok"] for d in done) else 0
    if args.action == "schedule":
        return _report_schedule(args, store)
    from sitrep.report import build, render

    try:
        scope = _report_scope(args).with_area(store)
        period = _report_period(args, store, scope)
    except (ValueError, FetchError) as exc:
        _err(str(exc))
        return 2
    formats = args.format or [Path(args.out).suffix.lstrip(".").lower() if args.out and args.out != "-" and
                              Path(args.out).suffix.lstrip(".").lower() in ("pdf", "html", "md") else "pdf"]
    if args.out == "-" and (len(formats) > 1 or formats == ["pdf"] and sys.stdout.isatty()):
        _err("--out - writes one text format to standard output: add --format html or --format md")
        return 2
    report = build(store, scope, period, title=args.title)
    for fmt in dict.fromkeys(formats):
        data = render(report, fmt)
        if args.out == "-":
            sys.stdout.buffer.write(data)
            continue
        path = Path(args.out).with_suffix("." + fmt) if args.out else Path(f"sitrep-report-{period.label}.{fmt}")
        path.write_bytes(data)
        print(f"{fmt.upper()} report written to {path} ({len(report.events)} events, {period.describe()})",
              file=sys.stderr)
    return 0


def _report_schedule(args: argparse.Namespace, store) -> int:
    from sitrep.fetch import FetchError
    from sitrep.report.schedules import make_spec

    if args.schedule_action == "add":
        try:
            scope = _report_scope(args)
            if scope.area_name:
                scope.with_area(store)  # the area must exist now (it is read again at each send)
            spec, made = make_spec(scope, args.every, email=args.email, webhook=args.webhook, secret=args.secret,
                                   allow_private=args.allow_private, title=args.title, link=args.link)
            store.add_schedule(args.name, spec)
        except (ValueError, FetchError) as exc:
            _err(str(exc).replace("remove the area and add it again with --allow-private", "add --allow-private"))
            return 2
        print(f"report schedule {args.name} added: every {args.every}, sent by `sitrep report send` "
              "or `sitrep watch`", file=sys.stderr)
        if made:
            _show_secret(made)
    elif args.schedule_action == "remove":
        if not store.remove_schedule(args.name):
            _err(f"no report schedule {args.name!r}")
            return 2
    elif args.schedule_action == "list":
        for sch in store.schedules():
            spec = {k: v for k, v in sch["spec"].items() if k != "secret"}
            print(clean_line(f"{sch['name']}\t{json.dumps(spec)}"))
    else:
        for d in store.report_deliveries():
            cells = [d["at"], d["schedule"], d["period"], d["channel"], d["status"], f"{d['attempts']} attempts",
                     d["detail"]]
            if d["next_try"]:
                cells.append(f"next try {d['next_try']}")
            print("\t".join(clean_line(str(c)) for c in cells))
    return 0


def cmd_spark(args: argparse.Namespace) -> int:
    from sitrep.spark import trace
    from sitrep.spark.runner import ingest, session

    try:
        spark = session(args.master)
    except RuntimeError as exc:
        _err(str(exc))
        return 2
    try:
        rep = ingest(spark, args.paths, args.out, partitions=args.partitions, chunk=args.chunk,
                     published=args.published.isoformat() if args.published else None, source=args.source,
                     max_bytes=args.max_bytes, on_progress=lambda s: print(clean_line(s), file=sys.stderr))
    except FileNotFoundError as exc:
        spark.stop()
        _err(str(exc))
        return 2
    try:
        if not args.no_fuse:
            from sitrep.spark.fusion import fuse

            print(f"fusion: {fuse(spark, args.out)} events in {args.out}/fused", file=sys.stderr)
    finally:
        spark.stop()
        trace("driver: Spark stopped")
    for line in rep.messages[:20]:
        _err(line)
    if rep.errors > 20:
        _err(f"... and {rep.errors - 20} more in {args.out}/errors")
    print(f"{rep.articles} articles with {rep.events} events written to {args.out} in {rep.seconds:.0f} s "
          f"({rep.chunks} commits); {rep.skipped} already done or repeated; {rep.errors} errors", file=sys.stderr)
    if args.db:
        return _load([args.out], args.db, quiet=False) or (1 if rep.errors else 0)
    return 1 if rep.errors else 0


def _load(paths: list[str], db: str | None, quiet: bool) -> int:
    from sitrep.load import load
    from sitrep.store import Store

    store = Store(db)
    try:
        added, events, skipped = load(paths, store, on_progress=None if quiet else lambda i, n: print(
            f"loaded {i}/{n} articles", file=sys.stderr))
    except FileNotFoundError as exc:
        _err(str(exc))
        return 2
    print(f"loaded {added} articles with {events} events into {store.url}; {skipped} already stored", file=sys.stderr)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    return _load(args.paths, args.db, args.quiet)


def cmd_search(args: argparse.Namespace) -> int:
    from sitrep.store import Store

    for row in Store(args.db).search_articles(args.query, args.limit):
        cells = (row["id"], row["published"] or "", row["source"], row["title"])
        print("\t".join(clean_line(str(c)).replace("\t", " ") for c in cells))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from sitrep.evaluate import evaluate_file
    from sitrep.evaluate_real import (
        AcledSelection,
        RealDataError,
        eval_acled,
        eval_india,
        format_any,
    )

    if not (args.gold or args.acled or args.india):
        _err("give gold files, --acled EXPORT.csv or --india DIR")
        return 2
    for n in (args.sample, args.limit):
        if n is not None and n < 1:
            _err("--sample and --limit take a positive number")
            return 2
    reports = []
    try:
        for g in args.gold:
            if not Path(g).is_file():
                raise RealDataError(f"{g}: no such file")
            reports.append(evaluate_file(Path(g), show_errors=args.errors, real_dir=args.real_dir, split=args.split))
        sel = AcledSelection(countries=args.country, since=args.since, until=args.until, split=args.split,
                             sample=args.sample, seed=args.seed, limit=args.limit)
        for path in args.acled:
            reports.append(eval_acled(Path(path), sel, show_errors=args.errors, show_progress=not args.quiet))
        for folder in args.india:
            reports.append(eval_india(Path(folder), split=args.split, show_errors=args.errors,
                                      show_progress=not args.quiet))
    except RealDataError as exc:
        _err(str(exc))
        return 2
    if args.format == "json":
        print(json.dumps(reports, indent=2))
    else:
        for r in reports:
            print(format_any(r))
    return 0


def cmd_geocode(args: argparse.Namespace) -> int:
    from sitrep.geo.geocode import geocode_batch, geocode_query

    if args.batch:
        errors = geocode_batch(Path(args.batch), sys.stdout, on_error=_err)
        return 1 if errors else 0
    if not args.query:
        _err("give a QUERY or --batch FILE.jsonl")
        return 2
    rows = geocode_query(args.query, args.country, args.limit)
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        if not rows:
            print(f"no match for {args.query!r}")
        for r in rows:
            print(f"{r['score']:5.2f}  {r['name']}, {r['admin1']}, {r['country']} ({r['feature']}) "
                  f"{r['latitude']:.4f},{r['longitude']:.4f}  pop {r['population']}")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from sitrep.geo import gazetteer

    path = Path(args.path) if getattr(args, "path", None) else gazetteer.default_path()
    if args.action == "build":
        if path.exists() and not args.force:
            try:
                g = gazetteer.Gazetteer(path, build_if_missing=False)
                print(f"gazetteer up to date at {path}", file=sys.stderr)
                del g
                return 0
            except FileNotFoundError:
                pass
        with Progress(disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("building gazetteer", total=1.0)
            report = gazetteer.build(path, lambda msg, frac: progress.update(task, completed=frac, description=msg))
        print(f"gazetteer built at {report.path}: {report.places} places, {report.names} names, "
              f"{report.size_mb:.0f} MB in {report.seconds:.0f} s", file=sys.stderr)
        return 0
    if args.action == "import":
        from sitrep.geo.geonames_import import import_files

        added = import_files(path, [Path(f) for f in args.files], on_error=_err)
        print(f"imported {added} places into {path}", file=sys.stderr)
        return 0
    g = gazetteer.Gazetteer(path, build_if_missing=False)
    n = g.con.execute("SELECT count(*) FROM places").fetchone()[0]
    print(f"{path}: {n} places, schema {gazetteer.SCHEMA_VERSION}")
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from sitrep.extract import learned

    if args.action == "reset":
        path = learned.custom_path()
        if path.exists():
            path.unlink()
            print(f"removed {path}; the packaged model is active again", file=sys.stderr)
        else:
            print("no custom model: the packaged model is active", file=sys.stderr)
        return 0
    if args.action == "info":
        path, why = learned.active_path()
        print(f"active model: {path} ({why}; {'trained' if path.exists() else 'not trained yet'})")
        card = learned.get_typer().card if path.exists() else {}
        for key in ("trained", "representation", "team_sentences"):
            if key in card:
                print(f"{key}: {card[key]}")
        for name, n in (card.get("acled_exports") or {}).items():
            print(f"ACLED export (the user's own licence): {name}: {n} rows")
        scores = learned.published_scores()
        if scores and why.startswith("packaged"):
            print(f"scores of the packaged model on real data held apart from all tuning ({scores['measured']}):")
            for line in scores["figures"]:
                print(f"  {line}")
        else:
            print("scores: measure them with 'sitrep eval --acled EXPORT.csv' on rows it was not trained on")
        return 0
    if args.acled:
        bar = _progress_bar("encoding training sentences")
        try:
            typer = learned.train(acled=args.acled, on_progress=bar)
        except ValueError as exc:
            _err(str(exc))
            return 2
        n = sum(typer.card.get("acled_exports", {}).values())
        print(f"trained on {typer.card['team_sentences']} team sentences and {n} rows of your ACLED "
              f"export(s); active now: {learned.custom_path()} ('sitrep model reset' returns to the "
              f"packaged model)", file=sys.stderr)
        return 0
    path = learned.cache_path()
    if path.exists() and not args.force:
        print(f"typer up to date at {path}", file=sys.stderr)
        return 0
    learned.train(on_progress=_progress_bar("encoding training sentences"))
    print(f"typer trained at {path}", file=sys.stderr)
    return 0


def _progress_bar(label: str):
    """A progress callback (done, total) that prints a line now and then on standard error."""
    last = [0.0]

    def tick(done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if now - last[0] > 5 or done >= total:
            last[0] = now
            print(f"{label}: {done}/{total}", file=sys.stderr, flush=True)

    return tick


def cmd_serve(args: argparse.Namespace) -> int:
    from sitrep.web.server import serve

    return serve(args)


def cmd_users(args: argparse.Namespace) -> int:
    import getpass

    from sitrep.store import Store

    store = Store(args.db)
    if args.action in ("add", "passwd"):
        password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass(
            f"password for {args.name}: ")
        try:
            if args.action == "add":
                store.add_user(args.name, args.role, password)
            else:
                store.set_password(args.name, password)
        except ValueError as exc:
            _err(str(exc))
            return 2
        print(f"added {args.role} {args.name}" if args.action == "add" else f"password of {args.name} set",
              file=sys.stderr)
    elif args.action == "remove":
        if not store.remove_user(args.name):
            _err(f"no user {args.name!r}")
            return 2
        print(f"removed {args.name}", file=sys.stderr)
    elif args.action == "token":
        try:
            print(store.new_token(args.name))
        except ValueError as exc:
            _err(str(exc))
            return 2
    else:
        for u in store.list_users():
            print(f"{u['name']}\t{u['role']}")
    return 0


COMMANDS = {
    "spark": cmd_spark,
    "load": cmd_load,
    "report": cmd_report,
    "watch": cmd_watch,
    "alerts": cmd_alerts,
    "trends": cmd_trends,
    "reprocess": cmd_reprocess,
    "review": cmd_review,
    "users": cmd_users,
    "serve": cmd_serve,
    "model": cmd_model,
    "extract": cmd_extract,
    "ingest": cmd_ingest,
    "events": cmd_events,
    "search": cmd_search,
    "eval": cmd_eval,
    "geocode": cmd_geocode,
    "gazetteer": cmd_gazetteer,
}


if __name__ == "__main__":
    sys.exit(main())

"""The store: the only module that knows SQL. SQLite by default, PostgreSQL for servers.

Every article is written with its events in one transaction, so an interrupted batch leaves
no half-written article and a rerun resumes (articles already stored are skipped).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sitrep.fuse import absorb, best_match, report
from sitrep.model import Article, Event
from sitrep.store.accounts import AccountsMixin
from sitrep.store.alerting import AlertsMixin, FeedStateMixin
from sitrep.store.bulk import BulkMixin
from sitrep.store.reporting import ReportsMixin
from sitrep.store.review import ReviewMixin
from sitrep.store.tables import (
    CELL_DATE,
    SUMMARY_CELL,
    TILE_CELL,
    YEAR_CELL,
    alert_queue,
    articles,
    event_cells,
    event_cells_toll,
    event_cells_year,
    event_months,
    event_months_toll,
    event_sources,
    event_tiles,
    events,
)
from sitrep.store.tables import (
    data_version as version_table,
)

DEFAULT_DB = "sqlite:///sitrep.db"


def default_url() -> str:
    """$SITREP_DB, else sitrep.db in the current directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and file paths; use psycopg 3 for PostgreSQL."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


@dataclass
class EventFilter:
    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None  # a type or sub-event type, or several comma-separated
    actor: str | None = None
    text: str | None = None
    limit: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    review_status: str | None = None  # one status or several, comma-separated (REVIEW_STATUSES)
    min_fatalities: int | None = None
    after_id: int | None = None  # events with a smaller id
    sort: str = ""  # "", "-event_date", "event_date", "-fatalities", "confidence", "-id" ...
    # rejected events and duplicates merged into another stay out of lists, maps and exports
    # unless asked for (include_hidden, or naming their status in review_status)
    include_hidden: bool = False
    article_id: str | None = None  # events this article reports
    event_id: int | None = None
    cursor: str | None = None  # from next_cursor(): where the previous page ended


REVIEW_STATUSES = ("unreviewed", "edited", "accepted", "rejected", "merged")
HIDDEN_STATUSES = ("rejected", "merged")


def review_statuses(value: str | None) -> list[str]:
    """The statuses of a review_status filter ("accepted,edited"); ValueError naming the bad one."""
    wanted = [v.strip().lower() for v in (value or "").split(",") if v.strip()]
    for v in wanted:
        if v not in REVIEW_STATUSES:
            raise ValueError(f"review_status {v[:40]!r} is not one of {', '.join(REVIEW_STATUSES)}")
    return wanted


SORTS = {"id": events.c.id, "event_date": events.c.event_date, "fatalities": events.c.fatalities,
         "confidence": events.c.confidence, "created_at": events.c.created_at}


EVENT_COLUMNS = tuple(c.name for c in events.c)  # an event's keys, in the table's order
# the statements of every page of events, built once (SQLAlchemy then finds them compiled at once)
_ROWS_OF = sa.select(events).where(events.c.id.in_(sa.bindparam("ids", expanding=True)))
_SOURCES_OF = (sa.select(event_sources.c.event_id, articles.c.id, articles.c.url, articles.c.title,
                         articles.c.source, articles.c.published)
               .join(articles, articles.c.id == event_sources.c.article_id)
               .where(event_sources.c.event_id.in_(sa.bindparam("ids", expanding=True))))
_ROW_COLUMNS, _SOURCE_COLUMNS = list(events.c), list(_SOURCES_OF.selected_columns)  # (their types)


def next_cursor(row: dict[str, Any], sort: str) -> str:
    """The opaque cursor after `row` for keyset pagination under `sort`."""
    name = sort.lstrip("-") or "id"
    value = row.get(name)
    return f"{'' if value is None else value}|{row['id']}"


def parse_cursor(cursor: str, name: str) -> tuple[Any, int]:
    """(value of the sort column, id) from a next_cursor() string; ValueError if it is not one
    this server could have given out (ids and numbers beyond the columns' ranges included)."""
    raw, _, last_id = cursor.rpartition("|")
    try:
        last = int(last_id)
        value = None if raw == "" else (dt.date.fromisoformat(raw) if name == "event_date" else
                                        dt.datetime.fromisoformat(raw) if name == "created_at" else float(raw))
    except (ValueError, OverflowError):
        value, last = None, -1
    if not 0 <= last < 2**31 or (isinstance(value, float) and not abs(value) < 2**53):
        raise ValueError("cursor is not one this server gave out")
    return value, last


class Store(AccountsMixin, ReviewMixin, AlertsMixin, FeedStateMixin, ReportsMixin, BulkMixin):
    """Articles and events in a SQL database, created and migrated on first use."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = normalise_url(url or default_url())
        self.engine = engine or sa.create_engine(self.url, future=True)
        if self.engine.dialect.name == "postgresql":
            @sa.event.listens_for(self.engine, "connect")
            def _pg_settings(dbapi_con, _record):
                # no JIT compilation: the map's and the table's queries over millions of events
                # look costly to the planner, and compiling them took 0.2-0.5 s of a 10 ms query
                with dbapi_con.cursor() as cur:
                    cur.execute("SET jit = off")
                dbapi_con.commit()
        if self.engine.dialect.name == "sqlite":
            @sa.event.listens_for(self.engine, "connect")
            def _sqlite_pragmas(dbapi_con, _record):
                cur = dbapi_con.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                # reads at archive scale: the file mapped (no copy per page read) and a bigger page cache
                cur.execute("PRAGMA mmap_size=1073741824")
                cur.execute("PRAGMA cache_size=-32768")
                cur.close()
        self.migrate()

    def reading(self) -> contextlib.AbstractContextManager:
        """One connection for the reads within, in this thread (a request's data version, then its
        page of events): a connection's checkout, its BEGIN and ROLLBACK on PostgreSQL, once.
        Only `data_version`, `events` (and what it asks: `count_upto`, `_view_bound`,
        `search_articles`) use it; anything else opens its own as before."""
        local = self.__dict__.setdefault("_local", threading.local())
        if getattr(local, "con", None) is not None:
            return contextlib.nullcontext()
        return self._reading(local)

    @contextlib.contextmanager
    def _reading(self, local: threading.local) -> Iterator[None]:
        with self.engine.connect() as con:
            if self.dialect == "postgresql":  # reads only: no BEGIN and ROLLBACK around them (two
                # round trips of seven; in READ COMMITTED each statement has its own snapshot anyway)
                con.execution_options(isolation_level="AUTOCOMMIT")
            local.con = con
            try:
                yield
            finally:
                local.con = None

    def _connect(self) -> contextlib.AbstractContextManager:
        """The connection of `reading()` in this thread, if any, else a new one."""
        local = self.__dict__.get("_local")
        con = getattr(local, "con", None) if local is not None else None
        return self.engine.connect() if con is None else contextlib.nullcontext(con)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migration (Alembic)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("sitrep") / "store" / "migrations"))
        with self.engine.begin() as con:
            cfg.attributes["connection"] = con
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # -- articles -------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as con:
            row = con.execute(sa.select(articles.c.id).where(articles.c.id == article_id)).first()
        return row is not None

    def known_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        with self.engine.connect() as con:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                found.update(r[0] for r in con.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
        return found

    def add(self, article: Article, found: list[Event], fuse: bool = False) -> bool:
        """Store an article and its events atomically. False if the article was already stored."""
        return self.add_article(article, found, fuse) is not None

    def add_article(self, article: Article, found: list[Event], fuse: bool = False) -> list[int] | None:
        """Store an article and its events atomically; the ids of events it created (None if
        the article was stored before).

        With `fuse`, an event that another stored report already tells (sitrep.fuse) is not
        added again: the article becomes one more source of that event, which keeps its id.
        """
        now = dt.datetime.now(dt.timezone.utc)
        created: list[int] = []
        with self.engine.begin() as con:
            exists = con.execute(sa.select(articles.c.id).where(articles.c.id == article.id)).first()
            if exists:
                return None
            con.execute(articles.insert().values(
                id=article.id, url=article.url, title=article.title, text=article.text,
                published=article.published, source=article.source, language=article.language,
                origin=article.origin, ingested_at=now,
            ))
            if self.dialect == "sqlite":
                con.execute(sa.text("INSERT INTO articles_fts (article_id, title, text) VALUES (:i, :t, :x)"),
                            {"i": article.id, "t": article.title, "x": article.text})
            for ev in found:
                match = self._fusion_match(con, ev, article.id) if fuse else None
                if match is not None:
                    self._attach(con, match, article.id, ev)
                    continue
                created.append(self._insert_event(con, article.id, ev, now, alert=True))
        return created

    def _fusion_match(self, con, ev: Event, article_id: str) -> int | None:
        if ev.event_date is None:
            return None
        window = dt.timedelta(days=31)
        q = sa.select(events).where(events.c.event_date.between(ev.event_date - window, ev.event_date + window),
                                    events.c.review_status != "merged")
        if ev.iso:
            q = q.where(events.c.iso == ev.iso)
        same_article = sa.select(event_sources.c.event_id).where(event_sources.c.article_id == article_id)
        q = q.where(events.c.id.not_in(same_article))
        candidates = {r["id"]: dict(r, reports=[]) for r in con.execute(q).mappings()}
        ids = list(candidates)
        for i in range(0, len(ids), 500):
            for eid, rep in con.execute(sa.select(event_sources.c.event_id, event_sources.c.report)
                                        .where(event_sources.c.event_id.in_(ids[i:i + 500]),
                                               event_sources.c.report.is_not(None))):
                candidates[eid]["reports"].append(rep)
        m = best_match(ev.to_record(), list(candidates.values()))
        return m.event_id if m else None

    @staticmethod
    def _insert_event(con, article_id: str, ev: Event, now: dt.datetime, alert: bool = False) -> int:
        """Insert one event and its first source; with `alert`, queue it for the watch areas
        in the same transaction (sitrep.alerts.dispatch empties the queue)."""
        rec = ev.to_record()
        rec.pop("article_id")
        rec.update(interaction=ev.interaction, disorder_type=ev.disorder_type, event_date=ev.event_date,
                   provenance={"fatalities": {article_id: ev.fatalities}})
        event_id = con.execute(events.insert().values(article_id=article_id, created_at=now, **rec)
                               ).inserted_primary_key[0]
        con.execute(event_sources.insert().values(event_id=event_id, article_id=article_id,
                                                  report=report(ev.to_record())))
        if alert:
            con.execute(alert_queue.insert().values(event_id=event_id, queued_at=now))
        return event_id

    def _attach(self, con, event_id: int, article_id: str, ev: Event) -> None:
        """One more report of a stored event: add the source and apply sitrep.fuse.absorb."""
        row = con.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
        con.execute(event_sources.insert().values(event_id=event_id, article_id=article_id,
                                                  report=report(ev.to_record())))
        con.execute(events.update().where(events.c.id == event_id).values(**absorb(dict(row), ev, article_id)))

    def reprocess_article(self, article_id: str, found: list[Event]) -> tuple[int, int]:
        """Replace an article's machine-coded events with a new extraction.

        Events an analyst touched (any review status but "unreviewed", or any reviewed field)
        are kept as they are: re-extraction never overwrites review. Returns (replaced, kept).
        """
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as con:
            rows = con.execute(sa.select(events.c.id, events.c.review_status, events.c.reviewed_fields)
                               .where(events.c.article_id == article_id)).all()
            machine = [r[0] for r in rows if r[1] == "unreviewed" and not (r[2] or [])]
            kept = len(rows) - len(machine)
            if machine:
                con.execute(event_sources.delete().where(event_sources.c.event_id.in_(machine)))
                con.execute(events.delete().where(events.c.id.in_(machine)))
            for ev in found:
                self._insert_event(con, article_id, ev, now)
        return len(machine), kept

    def article_ids(self) -> list[str]:
        with self.engine.connect() as con:
            return [r[0] for r in con.execute(sa.select(articles.c.id).order_by(articles.c.id))]

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as con:
            row = con.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
        return dict(row) if row else None

    def search_articles(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over article titles and text, best first."""
        with self._connect() as con:
            if self.dialect == "sqlite":
                rows = con.execute(sa.text(
                    "SELECT a.id, a.title, a.published, a.source FROM articles_fts f"
                    " JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH :q"
                    " ORDER BY rank LIMIT :n"), {"q": _fts5_query(query), "n": limit}).mappings()
            else:
                rows = con.execute(sa.text(
                    "SELECT id, title, published, source FROM articles WHERE"
                    " to_tsvector('english', coalesce(title, '') || ' ' || text)"
                    " @@ plainto_tsquery('english', :q) ORDER BY ts_rank(to_tsvector('english',"
                    " coalesce(title, '') || ' ' || text), plainto_tsquery('english', :q)) DESC"
                    " LIMIT :n"), {"q": query, "n": limit}).mappings()
            return [dict(r) for r in rows]

    def data_version(self) -> int:
        """A number that changes with every committed write to events, their sources and articles
        (triggers, migration 0016): answers computed after reading it stay right while it stays."""
        with self._connect() as con:
            if self.RAW_READS:
                rows = self._shaped(con, ("version",), [1], lambda: self._VERSION)
                if len(rows) == 1:
                    return rows[0][0]
            return con.execute(self._VERSION).scalar_one()

    _VERSION = sa.select(version_table.c.version).where(version_table.c.id == 1)

    # -- statements run on the DB-API cursor ----------------------------------------------
    # A computed page of events asks the same few statements again and again with other values.
    # SQLAlchemy building, compiling (cached) and running each of them, and making its rows,
    # cost about half the server's CPU of such an answer; here each is compiled by SQLAlchemy
    # once per *shape* (which conditions it has, how many values each list holds) and then run
    # on the DB-API connection with its values, which `_page_shape` and `_bound_shape` list
    # in the order of the statement's placeholders (checked against SQLAlchemy's own values the
    # first time a shape is seen: a shape whose values differ runs through SQLAlchemy each time).
    RAW_READS = True  # (off: every statement through SQLAlchemy, as before; for comparisons)
    SHAPES_MAX = 2000  # shapes a store keeps compiled (a few kB each)

    def _shaped(self, con, key: tuple, params: list, build, columns: list | None = None) -> list:
        """The rows of the statement `build()` makes, whose shape is `key` and whose values, in
        the order of its placeholders, are `params`: plain tuples as the DB-API gives them, or
        with `columns` (the statement's, in order) lists of the values SQLAlchemy would make of
        them (its own result processors: dates on SQLite, JSON)."""
        shapes = self.__dict__.setdefault("_shapes", {})
        entry = shapes.get(key)
        if entry is None:
            if len(shapes) >= self.SHAPES_MAX:  # (many lists of many lengths: start again, not grow)
                shapes.clear()
                self.__dict__.get("_made", {}).clear()
            entry = shapes[key] = self._compile_shape(build(), params)
        if entry is False:
            return con.execute(build()).all()
        sql, processors = entry
        values = [v if p is None else p(v) for p, v in zip(processors, params)]
        cur = con.connection.driver_connection.execute(sql, values)
        try:
            rows = cur.fetchall()
            if columns is None:
                return rows
            made = self.__dict__.setdefault("_made", {})
            procs = made.get(key)
            if procs is None:  # as SQLAlchemy asks them: each column's type, with the DB-API's type code
                dialect = self.engine.dialect
                procs = made[key] = [(i, p) for i, (c, d) in enumerate(zip(columns, cur.description))
                                     if (p := c.type._cached_result_processor(dialect, d[1])) is not None]
        finally:
            cur.close()
        if not procs:
            return rows
        out = []
        for r in rows:
            r = list(r)
            for i, p in procs:
                r[i] = p(r[i])
            out.append(r)
        return out

    _PYFORMAT = re.compile(r"%\(([^)]*)\)s")

    def _compile_shape(self, q, params: list) -> tuple[str, list] | bool:
        """`q` compiled for this database with its lists written out: the SQL (placeholders
        by position) and the bind processors SQLAlchemy applies to each value, or False if
        `params` are not the values SQLAlchemy finds in `q`, in its order."""
        try:
            compiled = q.compile(dialect=self.engine.dialect)
            state = compiled.construct_expanded_state()  # (the lists written out)
            sql = state.statement
            if compiled.positional:
                names = list(state.positiontup)
            else:  # pyformat (psycopg): by position as %s
                names = self._PYFORMAT.findall(sql)
                sql = self._PYFORMAT.sub("%s", sql)
            expected = [state.parameters[n] for n in names]
            processors = {**compiled._bind_processors, **state.processors}
        except Exception:  # noqa: BLE001 (anything SQLAlchemy cannot write so: run it through SQLAlchemy)
            return False
        if len(expected) != len(params) or any(type(a) is not type(b) or a != b for a, b in zip(expected, params)):
            return False
        return sql, [processors.get(n) for n in names]

    def _page_shape(self, f: EventFilter, spatial: bool) -> tuple[tuple, list] | None:
        """The shape and values of a page of a view's ids (`_where` of `f` with `spatial`,
        `_ordered` by `f.sort`, `f.limit`), as SQLAlchemy writes that statement; None for the
        filters read otherwise (actor, text, province, ids, an unknown sort)."""
        if (f.actor or f.text or f.admin1 or f.after_id or f.article_id or f.event_id is not None
                or not (f.limit and f.bbox) or (f.sort and f.sort.lstrip("-") not in SORTS)):
            return None
        key: list = ["page", spatial]
        p: list = []
        if f.country:
            key.append("country")
            p += [f.country.lower()] * 2
        if f.since:
            key.append("since")
            p.append(f.since)
        if f.until:
            key.append("until")
            p.append(f.until)
        if f.event_type:
            as_type, as_sub = _type_split(f.event_type)
            if not (as_type or as_sub):
                return None
            key.append(("type", len(as_type), len(as_sub)))
            p += as_type + as_sub
        cells = self._date_cells(f) if spatial else None
        if cells is not None:
            key.append(("cells", len(cells[0]), len(cells[1])))
            p += cells[0] + cells[1]
        else:
            if f.since and f.until and (f.until - f.since).days <= self.DATE_FIRST_DAYS:
                spatial = False
            if spatial:
                rows, west, east = _tile_span(f.bbox)
                key.append(("tiles", len(rows)))
                p += [*rows, west, east]
        min_lon, min_lat, max_lon, max_lat = f.bbox
        p += [0, min_lon, max_lon, min_lat, max_lat]
        _status_shape(f, key, p)
        if f.min_fatalities:
            key.append("fatalities")
            p.append(f.min_fatalities)
        if f.sort:
            key.append(f.sort)
            if f.cursor:
                value, last = parse_cursor(f.cursor, f.sort.lstrip("-"))
                key.append(("cursor", value is None))
                p += [last] if value is None else [value, value, last]
        p.append(f.limit)
        if self.dialect == "sqlite":  # (SQLAlchemy writes LIMIT ? OFFSET ? there)
            p.append(0)
        return tuple(key), p

    def _bound_shape(self, f: EventFilter) -> tuple[tuple, list] | None:
        """The shape and values of `_bound_query(f)`, as SQLAlchemy writes it; None where it is None."""
        if (f.admin1 or f.actor or f.text or f.after_id or f.article_id or f.event_id is not None
                or not f.bbox):
            return None
        dated = bool(f.since or f.until)
        if dated and f.min_fatalities:  # (event_cells_year has no toll)
            return None
        key: list = ["bound", dated]
        p: list = [0]
        if f.min_fatalities:
            key.append("fatalities")
            p.append(f.min_fatalities)
        if f.country:
            key.append("country")
            p += [f.country.lower()] * 2
        if f.event_type:
            from sitrep.model import EVENT_TYPES

            wanted = [t.strip().lower() for t in f.event_type.split(",") if t.strip()]
            if not wanted or any(w not in {t.lower() for t in EVENT_TYPES} for w in wanted):
                return None
            key.append(("type", len(wanted)))
            p += wanted
        _status_shape(f, key, p)
        if dated:
            if f.since and f.until:
                years = list(range(f.since.year, f.until.year + 1))
                key.append(("years", len(years)))
                p += years
            else:
                key.append(("since" if f.since else "until"))
                p.append(f.since.year if f.since else f.until.year)
        rows, west, east = _bound_span(f.bbox, YEAR_CELL if dated else SUMMARY_CELL)
        key.append(("rows", len(rows)))
        p += [*rows, west, east]
        return tuple(key), p


    def counts(self) -> dict[str, int]:
        with self.engine.connect() as con:
            return {
                "articles": con.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one(),
                "events": con.execute(sa.select(sa.func.count()).select_from(events)).scalar_one(),
            }

    # -- events ---------------------------------------------------------------------------
    def _where(self, q, f: EventFilter, spatial_index: bool = True):
        if f.country:
            q = q.where(sa.or_(sa.func.lower(events.c.country) == f.country.lower(),
                               sa.func.lower(events.c.iso) == f.country.lower()))
        if f.admin1:
            q = q.where(sa.func.lower(events.c.admin1).like(f"%{f.admin1.lower()}%"))
        if f.since:
            q = q.where(events.c.event_date >= f.since)
        if f.until:
            q = q.where(events.c.event_date <= f.until)
        if f.event_type:  # one type or sub-type, or several, comma-separated
            as_type, as_sub = _type_split(f.event_type)
            q = q.where(sa.or_(*([sa.func.lower(events.c.event_type).in_(as_type)] if as_type else []),
                               *([sa.func.lower(events.c.sub_event_type).in_(as_sub)] if as_sub else [])))
        if f.actor:
            a = f"%{f.actor.lower()}%"
            q = q.where(sa.or_(sa.func.lower(events.c.actor1).like(a), sa.func.lower(events.c.actor2).like(a),
                               sa.func.lower(events.c.assoc_actor_1).like(a), sa.func.lower(events.c.assoc_actor_2).like(a)))
        if f.text:
            ids = [r["id"] for r in self.search_articles(f.text, limit=10_000)]
            q = q.where(sa.or_(events.c.article_id.in_(ids) if ids else sa.false(),
                               sa.func.lower(events.c.notes).like(f"%{f.text.lower()}%")))
        if f.bbox:
            min_lon, min_lat, max_lon, max_lat = f.bbox
            cells = self._date_cells(f) if spatial_index else None
            if cells is not None:  # the box's cells of the zoom-7 grid, each for the dates only (events_cell_date)
                gy, gx = self._tiles(CELL_DATE)
                q = q.where(gy.in_(cells[0]), gx.in_(cells[1]))
            else:
                # a few months are fewer events than most boxes hold: read by date then (neither planner
                # can tell how many a box holds; events_date_lon_lat_cover has the box's columns)
                if f.since and f.until and (f.until - f.since).days <= self.DATE_FIRST_DAYS:
                    spatial_index = False
                if spatial_index:  # the box's rows of the zoom-10 grid, a range of columns in each (events_tile)
                    q = self._in_tiles(q, f.bbox)
            # "+ 0": not by the index of longitudes (a band from pole to pole)
            q = q.where((events.c.longitude + 0).between(min_lon, max_lon), events.c.latitude.between(min_lat, max_lat))
        wanted = review_statuses(f.review_status)
        if wanted:
            q = q.where(events.c.review_status.in_(wanted) if len(wanted) > 1
                        else events.c.review_status == wanted[0])
        elif not f.include_hidden:
            q = q.where(events.c.review_status.not_in(HIDDEN_STATUSES))
        if f.min_fatalities:
            q = q.where(events.c.fatalities >= f.min_fatalities)
        if f.after_id:
            q = q.where(events.c.id < f.after_id)
        if f.article_id:
            q = q.where(events.c.id.in_(sa.select(event_sources.c.event_id)
                                        .where(event_sources.c.article_id == f.article_id)))
        if f.event_id is not None:
            q = q.where(events.c.id == f.event_id)
        return q

    def _tiles(self, cell: float = TILE_CELL):
        """The grid row and column of an event, as index events_tile (zoom-10 grid, migration
        0018) or events_cell_date (`CELL_DATE`, 0021) has them: the planners use an index of
        expressions only for the very same expressions."""
        if self.dialect == "sqlite":  # CAST truncates; the values are never negative
            return (sa.literal_column(f"CAST((events.latitude + 90) / {cell} AS INTEGER)"),
                    sa.literal_column(f"CAST((events.longitude + 180) / {cell} AS INTEGER)"))
        return (sa.literal_column(f"CAST(floor((events.latitude + 90) / {cell}) AS INTEGER)"),
                sa.literal_column(f"CAST(floor((events.longitude + 180) / {cell}) AS INTEGER)"))

    # a view with dates is read from events_cell_date (its cells, each for the dates only) when
    # the cells are few enough to seek each one and the cells' area times the dates' share of
    # the store's dated span is less than the box's area (events_tile reads all its dates)
    DATE_CELLS_MAX = 400

    def _date_cells(self, f: EventFilter) -> tuple[list[int], list[int]] | None:
        """The rows and columns of the zoom-7 grid (`CELL_DATE`) of `f`'s box, if its events are
        best read from events_cell_date: `f` has dates, the cells are few and their entries of
        the dates fewer than events_tile would read. None otherwise."""
        if not (f.bbox and (f.since or f.until)):
            return None
        span = self._date_span()
        if span is None:
            return None
        first_day, last_day = max(f.since or span[0], span[0]), min(f.until or span[1], span[1])
        days, all_days = max((last_day - first_day).days + 1, 1), (span[1] - span[0]).days + 1
        min_lon, min_lat, max_lon, max_lat = f.bbox
        min_lat, max_lat, min_lon, max_lon = max(min_lat, -90.0), min(max_lat, 90.0), max(min_lon, -180.0), min(max_lon, 180.0)
        if min_lat > max_lat or min_lon > max_lon:
            return None
        # the same operations as the database's (IEEE arithmetic is monotonic): an event in the
        # box is in these cells, however close to a grid line
        rows = list(range(math.floor((min_lat + 90) / CELL_DATE), math.floor((max_lat + 90) / CELL_DATE) + 1))
        cols = list(range(math.floor((min_lon + 180) / CELL_DATE), math.floor((max_lon + 180) / CELL_DATE) + 1))
        if len(rows) * len(cols) > self.DATE_CELLS_MAX:
            return None
        cells_area = len(rows) * len(cols) * CELL_DATE ** 2
        tiles_area = (max_lat - min_lat + 3 * TILE_CELL) * (max_lon - min_lon + 3 * TILE_CELL)
        if cells_area * days / all_days >= tiles_area:
            return None
        return rows, cols

    _SPAN_SECONDS = 60.0  # how long a process keeps the store's first and last dates

    def _date_span(self) -> tuple[dt.date, dt.date] | None:
        """The store's first and last event dates (read at most once a minute: they only choose
        an index, never what is answered); None if no event is dated."""
        kept = self.__dict__.get("_span")
        now = time.monotonic()
        if kept is not None and now - kept[0] < self._SPAN_SECONDS:
            return kept[1]
        q = sa.select(sa.select(sa.func.min(events.c.event_date)).scalar_subquery(),
                      sa.select(sa.func.max(events.c.event_date)).scalar_subquery())
        with self._connect() as con:
            first, last = con.execute(q).one()
        span = (first, last) if first is not None and last is not None else None
        self.__dict__["_span"] = (now, span)
        return span

    def _in_tiles(self, q, bbox: tuple[float, float, float, float]):
        """`q` restricted to the grid cells `bbox` touches (a row more on every side: the exact
        box is asked for as well), so it reads the view's events only."""
        gy, gx = self._tiles()
        rows, west, east = _tile_span(bbox)
        return q.where(gy.in_(rows), gx.between(west, east))

    def events(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Stored events matching the filter, each with its `sources`.

        Order: `f.sort` (a column name, "-" for descending; ties by id), else newest first.
        Pages: pass the previous page's `next_cursor(last_row, sort)` as `f.cursor`.
        """
        f = f or EventFilter()

        def ordered(q):
            if f.sort:
                q = self._ordered(q, f, f.sort)
            elif f.after_id is not None or f.limit:
                q = q.order_by(events.c.id.desc())
            else:
                q = q.order_by(events.c.event_date.desc(), events.c.id.desc())
            return q.limit(f.limit) if f.limit else q

        spatial = not self._walk_sort_index(f)
        raw = self.RAW_READS
        with self._connect() as con:
            if f.limit and f.bbox:
                # a page of a view: its ids first, sorted from the indexes alone (the view's events
                # from events_tile), then only those rows, in that order
                shape = self._page_shape(f, spatial) if raw and (spatial or self.dialect != "postgresql") else None
                got = None
                if shape is not None:  # on the DB-API cursor, the page's rows with its ids: one statement
                    def page_rows():  # (sorted again: the order a join gives is not the page's)
                        page = ordered(self._where(sa.select(events.c.id), f, spatial)).subquery("page")
                        return (sa.select(events).join(page, events.c.id == page.c.id)
                                .order_by(*self._order_of(f.sort)))
                    got = self._shaped(con, ("page rows", *shape[0]), shape[1], page_rows, self._ROW_COLUMNS)
                    ids = [r[0] for r in got]
                else:
                    q = ordered(self._where(sa.select(events.c.id), f, spatial))
                    if spatial or self.dialect != "postgresql":
                        ids = [r[0] for r in con.execute(q).all()]  # (all at once: one fetchall, not a fetch a row)
                    else:  # a crowded view: walk the sort's index (PostgreSQL's planner, misjudging how
                        # many events a box holds, would take all of them and sort: a second, not 10 ms)
                        if con.get_execution_options().get("isolation_level") == "AUTOCOMMIT":  # (`reading()`)
                            con.exec_driver_sql("BEGIN")  # SET LOCAL needs a transaction block
                            try:
                                ids = self._walked_ids(con, q)
                            finally:
                                con.exec_driver_sql("COMMIT")  # (after an error: a rollback)
                        else:
                            if con.in_transaction():  # (after other reads): SET LOCAL needs its own
                                con.commit()
                            with con.begin():
                                ids = self._walked_ids(con, q)
                names = self.EVENT_COLUMNS  # plain tuples made dicts here: no mapping per row
                if got is not None:
                    pass
                elif raw and ids:
                    got = self._shaped(con, ("rows", len(ids)), ids, lambda: self._ROWS_OF.params(ids=ids), self._ROW_COLUMNS)
                else:
                    got = con.execute(self._ROWS_OF, {"ids": ids}).all() if ids else []
                found = {r[0]: r for r in got}
                rows = [dict(zip(names, found[i])) for i in ids if i in found]
            else:
                names = self.EVENT_COLUMNS
                rows = [dict(zip(names, r)) for r in con.execute(ordered(self._where(sa.select(events), f, spatial)))]
            ids = [r["id"] for r in rows]
            sources: dict[int, list[dict[str, Any]]] = {}
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                if raw:
                    got = self._shaped(con, ("sources", len(chunk)), chunk, lambda: self._SOURCES_OF.params(ids=chunk),
                                       self._SOURCE_COLUMNS)
                else:
                    got = con.execute(self._SOURCES_OF, {"ids": chunk}).all()
                for event_id, article_id, url, title, source, published in got:
                    sources.setdefault(event_id, []).append({
                        "article_id": article_id, "url": url, "title": title, "source": source,
                        "published": published.isoformat() if published else None,
                    })
        for r in rows:
            r["sources"] = sources.get(r["id"], [])
            if r.get("event_date"):
                r["event_date"] = r["event_date"].isoformat()
            for k in ("created_at",):
                if r.get(k):
                    r[k] = r[k].isoformat()
            r["reviewed_fields"] = r.get("reviewed_fields") or []
        return rows

    EVENT_COLUMNS = EVENT_COLUMNS
    _ROWS_OF, _SOURCES_OF = _ROWS_OF, _SOURCES_OF
    _ROW_COLUMNS, _SOURCE_COLUMNS = _ROW_COLUMNS, _SOURCE_COLUMNS

    @staticmethod
    def _walked_ids(con, q) -> list[int]:
        """The ids of `q` on PostgreSQL, in a transaction, with sorting off: the walk of its sort's index."""
        for setting in ("enable_sort", "enable_bitmapscan", "enable_seqscan"):
            con.exec_driver_sql(f"SET LOCAL {setting} = off")
        return [r[0] for r in con.execute(q).all()]

    DATE_FIRST_DAYS = 92  # a date range up to this long is read by date, not by the box
    # matches from which a page of a view walks its sort's index rather than sorting the view's
    # events: both read indexes only (events_tile; the sort's index, migration 0020), the walk
    # total / matches entries a match of the 50, which costs less beyond about sqrt(50 x total)
    WALK_AT = dict.fromkeys(("confidence", "fatalities", "event_date"), 20_000)

    def _walk_sort_index(self, f: EventFilter) -> bool:
        """Whether SQLite should walk the sort column's index for a page of `f` rather than
        take the view's events and sort them: when the view holds many events (a continent: 50
        of them come soon on the walk, sorting a million takes seconds). Neither planner can
        tell: SQLite does not know how many events a box holds, PostgreSQL multiplies the
        shares of its latitudes and longitudes (300,000 events of India's view: 82 expected)."""
        at = self.WALK_AT.get(f.sort.lstrip("-"))
        if not (f.bbox and f.limit and at is not None):
            return False
        # few enough by the summaries: no need to count. PostgreSQL counts a big box from its
        # indexes quicker than it sums the summaries' cells, so it asks them only for a view read
        # by its few cells of the zoom-7 grid (its years asked as equalities: a city's half-year
        # summed in 0.3 ms, where counting it took 0.8)
        bound = self._view_bound(f) if self.dialect == "sqlite" or self._date_cells(f) is not None else None
        return (bound is None or bound >= at) and self.count_upto(f, at) >= at

    def _view_bound(self, f: EventFilter) -> int | None:
        """At least as many events as `f` matches in its bbox, from the summaries (the cells
        that touch the box, of the years its dates touch); None if they cannot tell."""
        shape = self._bound_shape(f) if self.RAW_READS else None
        if shape is not None:
            with self._connect() as con:
                return int(self._shaped(con, shape[0], shape[1], lambda: self._bound_query(f))[0][0])
        q = self._bound_query(f)
        if q is None:
            return None
        with self._connect() as con:
            return int(con.execute(q).scalar_one())

    def _bound_query(self, f: EventFilter):
        """The statement of `_view_bound(f)`, or None."""
        g = replace(f, cursor=None)
        if f.since or f.until:
            table, size = event_cells_year, YEAR_CELL
            conds = self._summary_where(g, table)
            if conds is not None and f.since and f.until:  # years as equalities: the cells'
                # conditions after them in the key are then the index's too (a range of years
                # read every cell of the world in those years: 43,000 rows for a half-year)
                conds = [*conds, table.c.year.in_(list(range(f.since.year, f.until.year + 1)))]
            elif conds is not None:
                conds = [*conds, *([table.c.year >= f.since.year] if f.since else []),
                         *([table.c.year <= f.until.year] if f.until else [])]
        else:
            table, size = (event_cells_toll if f.min_fatalities else event_cells), SUMMARY_CELL
            conds = self._summary_where(g, table)
        if conds is None:
            return None
        c = table.c
        rows, west, east = _bound_span(f.bbox, size)
        return sa.select(sa.func.coalesce(sa.func.sum(c.events), 0)).where(*conds, c.gy.in_(rows), c.gx.between(west, east))

    @staticmethod
    def _ordered(q, f: EventFilter, sort: str):
        """`q` ordered by `sort` (ties by id) and starting after `f.cursor`, if any."""
        name = sort.lstrip("-")
        if name not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(sorted(SORTS))} (with - for descending)")
        desc = sort.startswith("-")
        col = SORTS[name]
        if f.cursor:
            value, last = parse_cursor(f.cursor, name)
            id_after = events.c.id < last if desc else events.c.id > last
            if value is None:
                q = q.where(col.is_(None), id_after)
            else:
                beyond = col < value if desc else col > value
                q = q.where(sa.or_(beyond, sa.and_(col == value, id_after), col.is_(None) if desc else sa.false()))
        return q.order_by(*Store._order_of(sort))

    @staticmethod
    def _order_of(sort: str) -> tuple:
        """The ORDER BY of a known `sort` (ties by id); "" is by id, newest first."""
        if not sort:
            return (events.c.id.desc(),)
        desc = sort.startswith("-")
        col = SORTS[sort.lstrip("-")]
        if col.nullable:  # undated events last either way
            first = col.desc().nulls_last() if desc else col.asc().nulls_last()
        else:  # NOT NULL: a plain order, which an index read backwards gives on PostgreSQL too
            first = col.desc() if desc else col.asc()
        return first, events.c.id.desc() if desc else events.c.id.asc()

    def iter_events(self, f: EventFilter, total: int | None = None, page: int = 500) -> Iterator[dict[str, Any]]:
        """Events matching `f` (at most `total`), fetched `page` at a time by keyset pagination,
        so a big export never sits in memory whole. Order: `f.sort`, else newest first."""
        sort = f.sort or "-event_date"
        cursor, left = f.cursor, total
        while left is None or left > 0:
            n = page if left is None else min(page, left)
            rows = self.events(replace(f, sort=sort, cursor=cursor, limit=n))
            yield from rows
            if len(rows) < n:
                return
            cursor = next_cursor(rows[-1], sort)
            left = None if left is None else left - n

    def cursor_after(self, f: EventFilter, n: int) -> str | None:
        """The cursor that continues after the first `n` events of `f`, or None if there are no more."""
        sort = f.sort or "-event_date"
        name = sort.lstrip("-") or "id"
        q = sa.select(SORTS[name].label(name), events.c.id)
        ordered = self._ordered(self._where(q, f), f, sort)
        with self.engine.connect() as con:
            rows = [dict(r) for r in con.execute(ordered.offset(n - 1).limit(2)).mappings()]
        if len(rows) < 2:
            return None
        last = rows[0]
        if isinstance(last.get(name), (dt.date, dt.datetime)):
            last[name] = last[name].isoformat()
        return next_cursor(last, sort)

    POINT_COLUMNS = ("id", "event_date", "event_type", "sub_event_type", "iso", "country", "admin1",
                     "location", "latitude", "longitude", "fatalities", "actor1", "actor2", "review_status")

    def points(self, f: EventFilter, limit: int) -> list[dict[str, Any]]:
        """The few columns the map draws, for located events (no evidence, no sources)."""
        q = self._where(sa.select(*(events.c[c] for c in self.POINT_COLUMNS)), f)
        if not f.bbox:  # (a viewport implies it; saying it again steers SQLite to a worse index)
            q = q.where(events.c.latitude.is_not(None))
        q = q.limit(limit)
        names = self.POINT_COLUMNS
        with self.engine.connect() as con:  # plain tuples: 5,000 rows without a mapping each
            rows = [dict(zip(names, r)) for r in con.execute(q).all()]
        for r in rows:
            if r["event_date"]:
                r["event_date"] = r["event_date"].isoformat()
        return rows

    def count_upto(self, f: EventFilter, most: int) -> int:
        """How many events match `f`, counting no further than `most` (the map asks "more than
        5,000?" and a million matches are not counted for it)."""
        inner = self._where(sa.select(events.c.id), f)
        if not f.bbox:
            inner = inner.where(events.c.latitude.is_not(None))
        q = sa.select(sa.func.count()).select_from(inner.limit(most).subquery())
        with self._connect() as con:
            return con.execute(q).scalar_one()

    def count(self, f: EventFilter | None = None) -> int:
        q = self._where(sa.select(sa.func.count()).select_from(events), f or EventFilter())
        with self.engine.connect() as con:
            return con.execute(q).scalar_one()

    def _cell(self, column, origin: float, cell: float):
        """The grid index of `column` in cells of `cell` degrees counted from `origin`: the same
        whole number on SQLite (CAST truncates, the value is never negative) and PostgreSQL."""
        shifted = (column - origin) / cell
        if self.dialect == "sqlite":
            return sa.cast(shifted, sa.Integer)
        return sa.cast(sa.func.floor(shifted), sa.Integer)

    def clusters(self, f: EventFilter, cell: float, summaries: bool = True) -> list[dict[str, Any]]:
        """Located events grouped on a world grid of `cell` degrees: the map's view of big sets.

        Each cluster has its count, fatalities, mean position, `types` (events per event type,
        the most first) and the most common `country` and `iso` among its events. One grouped
        query (grid cell, event type, country); the cells are put together here, so the rows
        stay few: a cell's types times the countries it straddles. For filters the summaries
        keep, cells are read from a summary (migrations 0014, 0017): over all dates, those of
        the zoom-5 grid or coarser from `event_cells` (`event_cells_toll` with a minimum of
        fatalities) and those of zooms 6 to 10 from `event_tiles`; over whole years, those of
        zoom 7 or coarser from `event_cells_year` (the other days of the range from the events).
        Then a cell at the edge of a bbox counts all its events."""
        return _join_cells(self._cluster_rows(f, cell, summaries))

    @staticmethod
    def _grid_factor(cell: float, size: float) -> int | None:
        """How many cells of `size` one of `cell` spans, if a whole power of two, else None."""
        factor = cell / size
        whole = round(factor)
        return whole if whole >= 1 and abs(factor - whole) < 1e-9 and whole & (whole - 1) == 0 else None

    def _cluster_rows(self, f: EventFilter, cell: float, summaries: bool = True) -> list:
        if summaries and not (f.since or f.until):
            for table, size in (((event_cells_toll if f.min_fatalities else event_cells), SUMMARY_CELL),
                                (event_tiles, TILE_CELL)):
                factor = self._grid_factor(cell, size)
                if factor:
                    conds = self._summary_where(f, table)
                    if conds is not None:
                        return self._summary_rows(f, table, size, conds, factor)
                    break
        elif summaries:
            years = self._whole_years(f)
            factor = self._grid_factor(cell, YEAR_CELL)
            conds = self._summary_where(f, event_cells_year) if years and factor else None
            if conds is not None:
                (lo, hi), edges = years
                c = event_cells_year.c
                conds = [*conds, c.year.in_(list(range(lo, hi + 1))) if lo and hi else
                         c.year >= lo if lo else c.year <= hi if hi else sa.true()]
                rows = self._summary_rows(f, event_cells_year, YEAR_CELL, conds, factor)
                for edge in edges:
                    rows += self._cluster_rows(edge, cell, summaries=False)
                return rows
        gy = self._cell(events.c.latitude, -90.0, cell).label("gy")
        gx = self._cell(events.c.longitude, -180.0, cell).label("gx")
        q = self._where(sa.select(
            gy, gx, events.c.event_type, events.c.iso, events.c.country, sa.func.count().label("n"),
            sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("fat"),
            sa.func.sum(events.c.latitude).label("lat"), sa.func.sum(events.c.longitude).label("lon")), f)
        if not f.bbox:
            q = q.where(events.c.latitude.is_not(None))
        q = q.group_by(gy, gx, events.c.event_type, events.c.iso, events.c.country)
        with self.engine.connect() as con:
            return con.execute(q).all()

    @staticmethod
    def _whole_years(f: EventFilter) -> tuple[tuple[int | None, int | None], list[EventFilter]] | None:
        """The whole years within `f`'s dates (first and last, None for open) and filters of
        the days outside them; None if there is no whole year."""
        lo = None if f.since is None else f.since.year + (0 if (f.since.month, f.since.day) == (1, 1) else 1)
        hi = None if f.until is None else f.until.year - (0 if (f.until.month, f.until.day) == (12, 31) else 1)
        if (lo is not None and hi is not None and lo > hi) or (lo or 0) > dt.MAXYEAR or (dt.MINYEAR if hi is None else hi) < dt.MINYEAR:
            return None
        edges = []
        if f.since is not None and f.since < dt.date(lo, 1, 1):
            edges.append(replace(f, until=dt.date(lo, 1, 1) - dt.timedelta(days=1)))
        if f.until is not None and f.until > dt.date(hi, 12, 31):
            edges.append(replace(f, since=dt.date(hi + 1, 1, 1)))
        return (lo, hi), edges

    def _summary_rows(self, f: EventFilter, table: sa.Table, size: float, conds: list, factor: int) -> list:
        c = table.c
        gy, gx = (c.gy // factor).label("gy"), (c.gx // factor).label("gx")
        if f.bbox:  # the summary's cells the box touches, row by row (each row one range of its key)
            min_lon, min_lat, max_lon, max_lat = f.bbox
            rows = range(int((max(min_lat, -90) + 90) // size), int((min(max_lat, 90) + 90) // size) + 1)
            conds = [*conds, c.gy.in_(list(rows)),
                     c.gx.between(int((min_lon + 180) // size), int((max_lon + 180) // size))]
        q = (sa.select(gy, gx, c.event_type, c.iso, c.country, sa.func.sum(c.events), sa.func.sum(c.fatalities),
                       sa.func.sum(c.sum_lat), sa.func.sum(c.sum_lon))
             .where(*conds).group_by(gy, gx, c.event_type, c.iso, c.country))
        with self.engine.connect() as con:
            return con.execute(q).all()

    def _summary_where(self, f: EventFilter, table: sa.Table) -> list | None:
        """Conditions on a summary table (event_months, event_cells, event_tiles, and with a
        minimum of fatalities their `_toll` twins) that select what `f` selects, leaving dates
        and the bbox to the caller; None if `f` filters on something that table does not keep
        (actor, text, province, sub-event type, ids; fatalities but in the `_toll` tables)."""
        from sitrep.model import EVENT_TYPES

        if (f.admin1 or f.actor or f.text or f.after_id or f.article_id
                or f.event_id is not None or f.cursor):
            return None
        conds: list = []
        if f.min_fatalities:
            if "toll" not in table.c:
                return None
            conds.append(table.c.toll >= f.min_fatalities)
        if f.country:
            conds.append(sa.or_(sa.func.lower(table.c.country) == f.country.lower(),
                                sa.func.lower(table.c.iso) == f.country.lower()))
        if f.event_type:
            wanted = [t.strip().lower() for t in f.event_type.split(",") if t.strip()]
            if not wanted or any(w not in {t.lower() for t in EVENT_TYPES} for w in wanted):
                return None  # a sub-event type: only the events know it
            conds.append(sa.func.lower(table.c.event_type).in_(wanted))
        statuses = review_statuses(f.review_status)
        if statuses:
            conds.append(table.c.review_status.in_(statuses))
        elif not f.include_hidden:
            conds.append(table.c.review_status.not_in(HIDDEN_STATUSES))
        return conds

    def _month_parts(self, f: EventFilter) -> tuple[sa.Table, list, list[EventFilter]] | None:
        """`f` as whole months read from a summary (event_months, or event_months_toll with a
        minimum of fatalities; the table and its conditions) and the days at its ends read from
        the events (filters), or None if the summaries cannot answer it."""
        if f.bbox:
            return None
        table = event_months_toll if f.min_fatalities else event_months
        conds = self._summary_where(f, table)
        if conds is None:
            return None
        if not (f.since or f.until):
            return table, conds, []
        day = dt.timedelta(days=1)
        # whole months: from `lo` (the first first-of-month on or after since) to the day before
        # `hi` (the first day after the last month that ends on or before until)
        lo = f.since if f.since is None or f.since.day == 1 else _next_month(f.since)
        hi = None if f.until is None else f.until + day if (f.until + day).day == 1 else f.until.replace(day=1)
        if lo is not None and hi is not None and lo >= hi:
            return table, [sa.false()], [f]  # no whole month between: the events alone
        edges: list[EventFilter] = []
        if f.since is not None and f.since < lo:
            edges.append(replace(f, until=lo - day))
        if hi is not None and hi <= f.until:
            edges.append(replace(f, since=hi))
        conds.append(table.c.month != "")
        if lo is not None:
            conds.append(table.c.month >= f"{lo:%Y-%m}")
        if hi is not None:
            conds.append(table.c.month < f"{hi:%Y-%m}")
        return table, conds, edges

    def stories(self, f: EventFilter | None = None, limit: int | None = None,
                scan: int | None = None) -> list[dict[str, Any]]:
        """Articles grouped into stories: reports linked through an event they share. Only the
        `scan` newest matching events are read (all if None); at most `limit` stories return."""
        ids = self.event_ids(f or EventFilter(), scan)
        parent: dict[str, str] = {}

        def find(a: str) -> str:
            while parent.setdefault(a, a) != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        by_event: dict[int, list[str]] = {}
        with self.engine.connect() as con:
            for i in range(0, len(ids), 500):
                q = sa.select(event_sources.c.event_id, event_sources.c.article_id).where(
                    event_sources.c.event_id.in_(ids[i:i + 500]))
                for event_id, article_id in con.execute(q).all():
                    by_event.setdefault(event_id, []).append(article_id)
        for arts in by_event.values():
            for a in arts[1:]:
                parent[find(a)] = find(arts[0])
            find(arts[0])
        groups: dict[str, dict[str, Any]] = {}
        for event_id, arts in by_event.items():
            g = groups.setdefault(find(arts[0]), {"articles": set(), "events": set()})
            g["articles"].update(arts)
            g["events"].add(event_id)
        out = [{"articles": sorted(g["articles"]), "events": sorted(g["events"])} for g in groups.values()]
        return sorted(out, key=lambda g: (-len(g["articles"]), g["articles"][0]))[:limit]

    def event_ids(self, f: EventFilter, limit: int | None = None) -> list[int]:
        """Ids of the events matching `f`, newest stored first."""
        q = self._where(sa.select(events.c.id), f).order_by(events.c.id.desc())
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as con:
            return [r[0] for r in con.execute(q)]

    def weekly(self, by: str, f: EventFilter) -> list[tuple[str, dt.date, int, int]]:
        """(group, Monday of the week, events, fatalities) rows for trends."""
        column = {"admin1": events.c.admin1, "type": events.c.event_type, "actor": events.c.actor1,
                  "country": events.c.country, "sub_event_type": events.c.sub_event_type}[by]
        q = self._where(sa.select(column, events.c.event_date, sa.func.count(),
                                  sa.func.coalesce(sa.func.sum(events.c.fatalities), 0)), f)
        q = q.where(events.c.event_date.is_not(None)).group_by(column, events.c.event_date)
        weeks: dict[tuple[str, dt.date], list[int]] = {}
        with self.engine.connect() as con:
            for key, d, n, fat in con.execute(q).all():
                if isinstance(d, str):
                    d = dt.date.fromisoformat(d)
                w = weeks.setdefault((key, d - dt.timedelta(days=d.weekday())), [0, 0])
                w[0] += n
                w[1] += fat or 0
        return [(k, w, v[0], v[1]) for (k, w), v in sorted(weeks.items())]

    def actors(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Actors with their event counts and fatalities (as actor1 or actor2)."""
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as con:
            for col, inter in ((events.c.actor1, events.c.inter1), (events.c.actor2, events.c.inter2)):
                q = self._where(sa.select(col.label("name"), inter.label("inter"), sa.func.count().label("events"),
                                          sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("fatalities")),
                                f or EventFilter()).where(col != "").group_by(col, inter)
                for r in con.execute(q).mappings():
                    a = out.setdefault(r["name"], {"name": r["name"], "inter": r["inter"], "events": 0, "fatalities": 0})
                    a["events"] += r["events"]
                    a["fatalities"] += r["fatalities"]
        return sorted(out.values(), key=lambda a: -a["events"])

    def places(self, f: EventFilter | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Event locations with counts (most events first, at most `limit`), for place lists
        and gazetteer review."""
        cols = (events.c.location, events.c.admin1, events.c.country, events.c.latitude, events.c.longitude)
        q = self._where(sa.select(*cols, sa.func.count().label("events")), f or EventFilter()) \
            .where(events.c.location != "").group_by(*cols).order_by(sa.func.count().desc(), events.c.location)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(q).mappings()]

    DUPLICATE_DEGREES = 0.05  # "the same place": within about 5 km, or the same location name

    def duplicate_candidates(self, event_id: int, limit: int = 20) -> list[dict[str, Any]]:
        """Events that may tell the same event as `event_id`, for a merge: the same day and the
        same place (name or within DUPLICATE_DEGREES) or a shared article. Rejected and merged
        events are left out. Each has `reason`: "same place", "same article" or both."""
        me = self.event(event_id)
        if me is None or not me.get("event_date"):
            return []
        day = dt.date.fromisoformat(me["event_date"])
        shared = sa.select(event_sources.c.event_id).where(event_sources.c.article_id.in_(
            sa.select(event_sources.c.article_id).where(event_sources.c.event_id == event_id)))
        near = sa.false()
        if me.get("latitude") is not None and me.get("longitude") is not None:
            d = self.DUPLICATE_DEGREES
            near = sa.and_(events.c.latitude.between(me["latitude"] - d, me["latitude"] + d),
                           events.c.longitude.between(me["longitude"] - d, me["longitude"] + d))
        named = sa.func.lower(events.c.location) == me["location"].lower() if me.get("location") else sa.false()
        q = (sa.select(events.c.id, events.c.event_date, events.c.sub_event_type, events.c.actor1, events.c.actor2,
                       events.c.location, events.c.fatalities, events.c.review_status,
                       sa.or_(named, near).label("same_place"), events.c.id.in_(shared).label("same_article"))
             .where(events.c.event_date == day, events.c.id != event_id,
                    events.c.review_status.not_in(HIDDEN_STATUSES),
                    sa.or_(named, near, events.c.id.in_(shared)))
             .order_by(events.c.id).limit(limit))
        with self.engine.connect() as con:
            rows = [dict(r) for r in con.execute(q).mappings()]
        for r in rows:
            r["event_date"] = r["event_date"].isoformat() if r["event_date"] else None
            r["reason"] = " and ".join(k for k, v in (("same place", r.pop("same_place")),
                                                       ("same article", r.pop("same_article"))) if v)
        return rows

    def event(self, event_id: int) -> dict[str, Any] | None:
        rows = self.events(EventFilter(event_id=event_id, include_hidden=True))
        return rows[0] if rows else None

    def day_type_counts(self, f: EventFilter | None = None) -> Iterator[tuple[dt.date, str, int, int]]:
        """(day, event type, events, fatalities) of the dated events matching f, in one grouped
        query (the timeline; read from the events_date_status_type_fat index)."""
        q = self._where(sa.select(events.c.event_date, events.c.event_type, sa.func.count(),
                                  sa.func.coalesce(sa.func.sum(events.c.fatalities), 0)), f or EventFilter())
        q = q.where(events.c.event_date.is_not(None)).group_by(events.c.event_date, events.c.event_type)
        with self.engine.connect() as con:
            for d, etype, n, fat in con.execute(q):
                yield (dt.date.fromisoformat(d) if isinstance(d, str) else d), etype, n, fat or 0

    def month_type_counts(self, f: EventFilter) -> list[tuple[dt.date, str, int, int]] | None:
        """(first day of the month, event type, events, fatalities) of the dated events matching
        `f`, read from event_months (the days at the ends of a date range from the events); None
        if the summaries cannot answer `f` (then day_type_counts)."""
        parts = self._month_parts(f)
        if parts is None:
            return None
        table, conds, edges = parts
        c = table.c
        q = (sa.select(c.month, c.event_type, sa.func.sum(c.events), sa.func.sum(c.fatalities))
             .where(*conds, c.month != "").group_by(c.month, c.event_type))
        out: dict[tuple[dt.date, str], list[int]] = {}
        with self.engine.connect() as con:
            for month, etype, n, fat in con.execute(q):
                out[(dt.date.fromisoformat(month + "-01"), etype)] = [int(n), int(fat or 0)]
        for edge in edges:
            for day, etype, n, fat in self.day_type_counts(edge):
                m = out.setdefault((day.replace(day=1), etype), [0, 0])
                m[0] += n
                m[1] += fat
        return sorted((month, etype, n, fat) for (month, etype), (n, fat) in out.items() if n)

    def date_span(self, f: EventFilter, months: list[dt.date]) -> tuple[dt.date, dt.date]:
        """The first and last event date matching `f`, given the months it has events in
        (month_type_counts): each looked for within its month only."""
        first, last = min(months), max(months)
        with self.engine.connect() as con:
            def edge(month: dt.date, order):
                g = replace(f, since=max(month, f.since or month),
                            until=min(_next_month(month) - dt.timedelta(days=1), f.until or dt.date.max))
                q = self._where(sa.select(events.c.event_date), g).order_by(order).limit(1)
                d = con.execute(q).scalar()
                return dt.date.fromisoformat(d) if isinstance(d, str) else d
            return edge(first, events.c.event_date.asc()), edge(last, events.c.event_date.desc())

    def stats(self, by: str, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Event counts and fatalities grouped by day, week, month, admin1, type or actor. By type
        or country, from the event_months summary where it can answer the filter."""
        f = f or EventFilter()
        parts = self._month_parts(f) if by in ("type", "country") else None
        if parts is None:
            return self._stats_of_events(by, f)
        table, conds, edges = parts
        col = table.c.event_type if by == "type" else table.c.country
        q = (sa.select(col, sa.func.sum(table.c.events), sa.func.sum(table.c.fatalities))
             .where(*conds).group_by(col))
        totals: dict[str, list[int]] = {}
        with self.engine.connect() as con:
            for key, n, fat in con.execute(q):
                totals[key] = [int(n), int(fat or 0)]
        for edge in edges:
            for r in self._stats_of_events(by, edge):
                t = totals.setdefault(r["key"], [0, 0])
                t[0] += r["events"]
                t[1] += r["fatalities"]
        rows = [{"key": k, "events": n, "fatalities": fat} for k, (n, fat) in totals.items() if n]
        return sorted(rows, key=lambda r: (-r["events"], r["key"]))

    def _stats_of_events(self, by: str, f: EventFilter) -> list[dict[str, Any]]:
        if by in ("day", "week", "month"):
            # the database sums per day (a few thousand rows at most); weeks and months here
            q = self._where(sa.select(events.c.event_date, sa.func.count().label("n"),
                                      sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("f")), f)
            q = q.where(events.c.event_date.is_not(None)).group_by(events.c.event_date)
            buckets: dict[str, list[int]] = {}
            with self.engine.connect() as con:
                for d, n, fat in con.execute(q).all():
                    if isinstance(d, str):
                        d = dt.date.fromisoformat(d)
                    key = {"day": d, "week": d - dt.timedelta(days=d.weekday()), "month": d.replace(day=1)}[by].isoformat()
                    b = buckets.setdefault(key, [0, 0])
                    b[0] += n
                    b[1] += fat or 0
            return [{"key": k, "events": v[0], "fatalities": v[1]} for k, v in sorted(buckets.items())]
        column = {"admin1": events.c.admin1, "type": events.c.event_type,
                  "sub_event_type": events.c.sub_event_type, "actor": events.c.actor1,
                  "country": events.c.country}[by]
        q = self._where(sa.select(column.label("key"), sa.func.count().label("events"),
                                  sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("fatalities")), f)
        q = q.group_by(column).order_by(sa.func.count().desc())
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(q).mappings()]


def _join_cells(rows) -> list[dict[str, Any]]:
    """Rows of (cell y, cell x, event type, iso, country, events, fatalities, sum of latitudes,
    sum of longitudes) as clusters, the biggest first."""
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for y, x, etype, iso, country, n, fat, lat, lon in rows:
        c = cells.setdefault((y, x), {"count": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {}, "countries": {}})
        c["count"] += n
        c["fatalities"] += fat or 0
        c["lat"] += lat
        c["lon"] += lon
        c["types"][etype] = c["types"].get(etype, 0) + n
        c["countries"][(iso, country)] = c["countries"].get((iso, country), 0) + n
    out = []
    for _, c in sorted(cells.items(), key=lambda kv: (-kv[1]["count"], kv[0])):  # the biggest first
        # the most common country; a tie goes to the first code in order, on every backend
        (iso, country), _ = min(c["countries"].items(), key=lambda kv: (-kv[1], kv[0]))
        out.append({"count": int(c["count"]), "fatalities": int(c["fatalities"]), "latitude": c["lat"] / c["count"],
                    "longitude": c["lon"] / c["count"], "country": country, "iso": iso,
                    "types": {t: int(n) for t, n in sorted(c["types"].items(), key=lambda kv: (-kv[1], kv[0]))}})
    return out


def _next_month(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _fts5_query(query: str) -> str:
    """Quote each word so user text cannot inject FTS5 syntax."""
    words = [w.replace('"', '""') for w in query.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _type_split(event_type: str) -> tuple[list[str], list[str]]:
    """A type filter's names (lower case) to look for among event types and among sub-event
    types: an ACLED type is looked for among types only, a sub-event type among sub-event types
    only (no name is both), so a type filter is read from an index that has the type."""
    from sitrep.model import EVENT_TYPES, SUB_EVENT_TYPES

    wanted = [t.strip().lower() for t in event_type.split(",") if t.strip()]
    types = {t.lower() for t in EVENT_TYPES}
    subs = {t.lower() for t in SUB_EVENT_TYPES}
    return [w for w in wanted if w not in subs], [w for w in wanted if w not in types]


def _status_shape(f, key: list, p: list) -> None:
    """The review-status part of a statement's shape and values: the statuses asked for, else
    the hidden ones left out."""
    statuses = review_statuses(f.review_status)
    if statuses:
        key.append(("status", len(statuses)))
        p += statuses
    elif not f.include_hidden:
        key.append("hidden")
        p += list(HIDDEN_STATUSES)


def _tile_span(bbox: tuple[float, float, float, float]) -> tuple[list[int], int, int]:
    """The rows and the first and last column of the zoom-10 grid (events_tile) that `bbox`
    touches, a row and a column more on every side."""
    min_lon, min_lat, max_lon, max_lat = bbox
    first, last = int((max(min_lat, -90.0) + 90) // TILE_CELL) - 1, int((min(max_lat, 90.0) + 90) // TILE_CELL) + 1
    west, east = int((max(min_lon, -180.0) + 180) // TILE_CELL) - 1, int((min(max_lon, 180.0) + 180) // TILE_CELL) + 1
    return list(range(max(first, 0), last + 1)), west, east


def _bound_span(bbox: tuple[float, float, float, float], size: float) -> tuple[list[int], int, int]:
    """The rows and the first and last column of a summary's grid of `size` degrees that a
    view's bound sums (a row and a column more on every side)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    rows = range(int((max(min_lat, -90) + 90) // size) - 1, int((min(max_lat, 90) + 90) // size) + 2)
    return list(rows), int((min_lon + 180) // size) - 1, int((max_lon + 180) // size) + 1

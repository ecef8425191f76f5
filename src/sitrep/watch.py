"""`sitrep watch FEEDS.yaml`: poll RSS/Atom feeds and listing pages, ingest what is new.

Polite and restartable: conditional requests (ETag / Last-Modified), timeouts, retries with
backoff, a per-host pause between requests, robots.txt respected; every request (robots.txt,
feeds, listing pages and their links) goes through sitrep.fetch, which refuses private and
loopback addresses unless the config allows them, checks every redirect hop and caps time and
size (docs/security-ingest.md); the state lives in the database, so a
restart resumes without duplicates (articles are keyed by their feed ids) or gaps.

FEEDS.yaml:
    user_agent: "sitrep/0.1 (+contact@example.org)"   # optional
    host_delay: 2          # seconds between two requests to one host (default 2)
    allow_private: false   # allow loopback/private addresses (tests, intranet feeds)
    allow_networks: []     # or allow only these networks, e.g. [10.20.0.0/16]
    timeout: 15            # seconds for one whole request, redirects and body included
    max_bytes: 10000000    # bytes received per response (default 10 MB)
    max_decoded_bytes: 30000000  # bytes per response after gzip/deflate (default 30 MB)
    max_redirects: 5
    sources:
      - name: Iraq wire
        url: https://example.org/feed.xml
        every: 15m         # poll interval: 30s, 15m, 2h
      - name: Ministry statements
        url: https://example.org/news/
        kind: page         # a listing page: its article links are fetched as HTML
"""

from __future__ import annotations

import datetime as dt
import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from sitrep.fetch import (
    AddressRefused,
    FetchError,
    FetchPolicy,
    Response,
    TooLarge,
    checked_addresses,
    fetch,
)
from sitrep.ingest.common import Defaults
from sitrep.ingest.feed import parse_feed
from sitrep.ingest.html import parse_html
from sitrep.model import Article, InputError
from sitrep.store import Store

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep)"
MAX_BACKOFF = dt.timedelta(hours=6)
ROBOTS_MAX = 500_000  # bytes of robots.txt read at most


@dataclass
class Source:
    name: str
    url: str
    every: dt.timedelta
    kind: str = "feed"


@dataclass
class WatchConfig:
    sources: list[Source]
    user_agent: str = USER_AGENT
    host_delay: float = 2.0
    allow_private: bool = False
    allow_networks: list[str] = field(default_factory=list)
    timeout: float = 15.0  # seconds for one whole request (redirects and body included)
    max_bytes: int = 10_000_000  # bytes received per response
    max_decoded_bytes: int = 30_000_000  # bytes per response after gzip/deflate
    max_redirects: int = 5


@dataclass
class PollReport:
    polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    alerts: list[dict] = field(default_factory=list)  # deliveries attempted (sitrep.alerts.dispatch)
    reports: list[dict] = field(default_factory=list)  # scheduled reports attempted (sitrep.report.schedules)


def parse_interval(text: str | int | float) -> dt.timedelta:
    if isinstance(text, (int, float)):
        return dt.timedelta(seconds=float(text))
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text))
    if not m:
        raise ValueError(f"poll interval {text!r}: use 30s, 15m, 2h or 1d")
    n = float(m.group(1))
    return dt.timedelta(seconds=n * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)])


def load_config(path: Path) -> WatchConfig:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the watch config ({exc.__class__.__name__})") from None
    sources = []
    for i, s in enumerate(raw.get("sources") or [], 1):
        if not isinstance(s, dict) or not s.get("url"):
            raise ValueError(f"{path}: source {i} needs a url")
        sources.append(Source(name=str(s.get("name") or s["url"]), url=str(s["url"]),
                              every=parse_interval(s.get("every", "15m")), kind=str(s.get("kind", "feed"))))
    if not sources:
        raise ValueError(f"{path}: no sources")
    nets = raw.get("allow_networks") or []
    if not isinstance(nets, list) or not all(isinstance(n, str) for n in nets):
        raise ValueError(f"{path}: allow_networks must be a list of networks such as 10.1.0.0/16")
    try:
        config = WatchConfig(sources=sources, user_agent=str(raw.get("user_agent") or USER_AGENT),
                             host_delay=float(raw.get("host_delay", 2.0)),
                             allow_private=raw.get("allow_private", False) is True, allow_networks=nets,
                             timeout=float(raw.get("timeout", 15.0)),
                             max_bytes=int(raw.get("max_bytes", 10_000_000)),
                             max_decoded_bytes=int(raw.get("max_decoded_bytes", 30_000_000)),
                             max_redirects=int(raw.get("max_redirects", 5)))
        policy_for(config)  # the networks parse
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    return config


class Fetcher:
    """HTTP GETs with the politeness rules (robots.txt, per-host pause, retries) over
    sitrep.fetch, which checks every address and redirect and caps time and size."""

    def __init__(self, config: WatchConfig, tries: int = 2):
        self.config = config
        self.tries = tries
        self.policy = policy_for(config)
        self.robots_policy = replace(self.policy, content_types=None, max_bytes=ROBOTS_MAX,
                                     max_decoded_bytes=ROBOTS_MAX)
        self.last_hit: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        pass

    def allowed(self, url: str) -> bool:
        parts = urlparse(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            rp: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                r = fetch(root + "/robots.txt", self.robots_policy)
                if r.status == 200:
                    rp.parse(r.text.splitlines())
                else:
                    rp = None  # no robots.txt: everything allowed
            except AddressRefused:
                raise
            except FetchError:
                rp = None
            self.robots[root] = rp
        rp = self.robots[root]
        return rp is None or rp.can_fetch(self.config.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        checked_addresses(url, self.policy)  # refused before robots.txt is even asked
        if not self.allowed(url):
            raise InputError(f"{url}: disallowed by robots.txt")
        host = urlparse(url).netloc
        problem = ""
        for attempt in range(self.tries):  # transient failures are retried at once, with a pause
            wait = self.config.host_delay - (time.monotonic() - self.last_hit.get(host, -1e9))
            if wait > 0:
                time.sleep(wait)
            try:
                r = fetch(url, self.policy, headers=headers or {})
                if r.status < 500 or attempt == self.tries - 1:
                    return r
                problem = f"{url}: HTTP {r.status}"
            except (AddressRefused, TooLarge):
                raise  # the same next time: not retried
            except FetchError as exc:
                problem = str(exc)
            finally:
                self.last_hit[host] = time.monotonic()
            time.sleep(0.2 * 2 ** attempt)
        raise InputError(problem)


def policy_for(config: WatchConfig) -> FetchPolicy:
    return FetchPolicy(allow_private=config.allow_private, allow_networks=tuple(config.allow_networks),
                       timeout=config.timeout, max_bytes=config.max_bytes,
                       max_decoded_bytes=config.max_decoded_bytes, max_redirects=config.max_redirects,
                       user_agent=config.user_agent,
                       allow_hint="set allow_private: true, or list its network under allow_networks, "
                                  "in the watch config to allow it")


_LINK = re.compile(r"""<a\s[^>]*href=["']([^"'#]+)["']""", re.I)


def poll_source(src: Source, fetcher: Fetcher, store: Store) -> tuple[list[Article], dict[str, str | None] | None]:
    """New articles from one source, and the validators (ETag, Last-Modified) to keep once they
    are stored; None when the source said 'not modified'.

    The validators are kept only after the articles are stored: a crash in between makes the
    next poll fetch the source in full again (stored articles are skipped), never miss one."""
    state = store.feed_state(src.url) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    r = fetcher.get(src.url, headers)
    if r.status == 304:
        return [], None
    if r.status >= 400:
        raise InputError(f"{src.url}: HTTP {r.status}")
    if r.status >= 300:
        raise InputError(f"{src.url}: HTTP {r.status} without a usable redirect")
    validators = {"etag": r.headers.get("etag"), "last_modified": r.headers.get("last-modified")}
    defaults = Defaults(source=src.name)
    found: list[Article] = []
    if src.kind == "page":
        links = {urljoin(src.url, m.group(1)) for m in _LINK.finditer(r.text)}
        links = sorted(u for u in links if urlparse(u).netloc == urlparse(src.url).netloc and u != src.url)
        known = store.known_ids(links)
        for link in links:
            if link in known:
                continue
            page = fetcher.get(link)
            if page.status >= 300:
                # fetched again with the listing next time, unless the link is gone for good
                validators = {"etag": None, "last_modified": None} if page.status >= 500 else validators
                continue
            try:
                art = parse_html(link, page.text, defaults, url=link)
                art.id = link
                found.append(art)
            except InputError:
                continue  # an index or section page, not an article
        return found, validators
    for item in parse_feed(src.url, r.body, defaults, charset=r.charset):
        if isinstance(item, Article):
            found.append(item)
    known = store.known_ids([a.id for a in found])
    return [a for a in found if a.id not in known], validators


def poll_once(config: WatchConfig, store: Store, now: dt.datetime | None = None, force: bool = False,
              on_error: Callable[[str], None] | None = None) -> PollReport:
    """Poll every source that is due (all of them with `force`) and ingest what is new."""
    from sitrep.alerts import dispatch
    from sitrep.pipeline import process

    now = now or dt.datetime.now(dt.timezone.utc)
    report = PollReport()
    fetcher = Fetcher(config)
    try:
        for src in config.sources:
            state = store.feed_state(src.url) or {}
            due = state.get("next_poll")
            if due is not None and due.tzinfo is None:
                due = due.replace(tzinfo=dt.timezone.utc)
            if not force and due is not None and due > now:
                continue
            report.polled += 1
            try:
                articles, validators = poll_source(src, fetcher, store)
            except InputError as exc:
                failures = (state.get("failures") or 0) + 1
                backoff = min(src.every * 2 ** failures, MAX_BACKOFF)
                store.save_feed_state(src.url, failures=failures, last_error=str(exc), last_polled=now,
                                      next_poll=now + backoff)
                report.errors.append(str(exc))
                if on_error:
                    on_error(str(exc))
                continue
            report.not_modified += validators is None
            for art, found in zip(articles, process(articles) if articles else []):
                created = store.add_article(art, found, fuse=True)
                if created is not None:
                    report.new_articles += 1
                    report.events += len(found)
                    report.alerts.extend(dispatch(store))
            store.save_feed_state(src.url, failures=0, last_error="", last_polled=now, next_poll=now + src.every,
                                  **(validators or {}))
        report.alerts.extend(dispatch(store))  # what a crash left queued, and retries that are due
        from sitrep.report.schedules import send_due

        report.reports.extend(send_due(store, now))  # each schedule's last full period, once
    finally:
        fetcher.close()
    return report


def watch(config: WatchConfig, store: Store, on_report: Callable[[PollReport], None],
          on_error: Callable[[str], None], stop: Callable[[], bool] = lambda: False) -> None:
    """Poll forever (until `stop`), sleeping until the next source is due."""
    while not stop():
        on_report(poll_once(config, store, on_error=on_error))
        nexts = [s.get("next_poll") for s in (store.feed_state(src.url) or {} for src in config.sources)]
        nexts = [n.replace(tzinfo=dt.timezone.utc) if n.tzinfo is None else n for n in nexts if n is not None]
        now = dt.datetime.now(dt.timezone.utc)
        pause = max(1.0, min(((n - now).total_seconds() for n in nexts), default=60.0))
        time.sleep(min(pause, 300.0))


def describe(report: PollReport) -> str:
    return (f"polled {report.polled} sources ({report.not_modified} not modified): {report.new_articles} new "
            f"articles, {report.events} events, {len(report.errors)} errors"
            + (f"; {sum(a['ok'] for a in report.alerts)} alerts sent, {sum(not a['ok'] for a in report.alerts)} failed"
               if report.alerts else "")
            + (f"; {sum(r['ok'] for r in report.reports)} reports sent, {sum(not r['ok'] for r in report.reports)} "
               "failed" if report.reports else ""))


__all__ = ["load_config", "poll_once", "watch", "parse_interval", "describe"]

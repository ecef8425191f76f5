"""`sitrep serve`: the app under uvicorn, with the settings that decide whom it trusts.

Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only from the addresses
given with --trusted-proxy: uvicorn's own default trusts them from 127.0.0.1, which would let
any local client pick the address the login limiter counts. The Host header must name this
server (its address, the localhost names, or an --allowed-host).
"""

from __future__ import annotations

import argparse
import os
import sys

from sitrep.web.guard import LOCAL_HOSTS, tile_source

WILDCARDS = ("0.0.0.0", "::", "")


def allowed_hosts(bound: str, extra: list[str]) -> list[str]:
    """The Host names to answer: the bound address (unless a wildcard), the localhost names and
    the --allowed-host values ("*" answers any)."""
    names = list(LOCAL_HOSTS) + list(extra or [])
    if bound not in WILDCARDS:
        names.append(bound)
    return names


def uvicorn_options(args: argparse.Namespace) -> dict:
    trusted = list(args.trusted_proxy or [])
    return {"host": args.host, "port": args.port, "log_level": "warning", "server_header": False,
            "proxy_headers": bool(trusted), "forwarded_allow_ips": ",".join(trusted) or "",
            "timeout_keep_alive": 5}


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sitrep.store import Store
    from sitrep.web.app import create_app

    try:
        tile_source(args.tiles or os.environ.get("SITREP_TILES"))
    except ValueError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    store = Store(args.db)
    hosts = allowed_hosts(args.host, args.allowed_host)
    print(f"sitrep: serving {store.url} at http://{args.host}:{args.port}/ (API docs at /docs)", file=sys.stderr)
    if args.host in WILDCARDS and not args.allowed_host:
        print("sitrep: listening on every interface but answering only Host names "
              f"{', '.join(hosts)}; add the names users type with --allowed-host", file=sys.stderr)
    if args.workers > 1:
        os.environ["SITREP_DB"] = store.url
        os.environ["SITREP_ANONYMOUS_READ"] = "1" if args.anonymous_read else "0"
        os.environ["SITREP_SECURE_COOKIES"] = "1" if args.secure_cookies else "0"
        os.environ["SITREP_ALLOWED_HOSTS"] = ",".join(hosts)
        if args.tiles:
            os.environ["SITREP_TILES"] = args.tiles
        uvicorn.run("sitrep.web.app:create_app_from_env", factory=True, workers=args.workers,
                    **uvicorn_options(args))
        return 0
    app = create_app(store, anonymous_read=args.anonymous_read or None, tiles=args.tiles,
                     secure_cookies=args.secure_cookies, allowed_hosts=hosts)
    uvicorn.run(app, **uvicorn_options(args))
    return 0

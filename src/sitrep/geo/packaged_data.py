"""Data files shipped inside optional PyPI packages (the gazetteer's supplements), found
without importing the package, and the package's version (part of the gazetteer's data
version, so installing or upgrading one rebuilds the gazetteer)."""

from __future__ import annotations

from pathlib import Path


def package_file(package: str, *parts: str) -> Path | None:
    """The file at `parts` inside the installed `package`, or None when either is missing."""
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    for loc in (spec.submodule_search_locations or []) if spec else []:
        path = Path(loc).joinpath(*parts)
        if path.exists():
            return path
    return None


def package_version(distribution: str, data: Path | None) -> str:
    """The installed distribution's version where its data file is there, else ""."""
    if data is None:
        return ""
    try:
        from importlib.metadata import version

        return version(distribution)
    except Exception:
        return ""


def added_town(pid: int, forms: list[str], iso: str, lat: float, lon: float,
              source: str) -> tuple[tuple, list[tuple[str, int, str]]]:
    """The gazetteer rows of a town a supplement adds: its place row (province left to
    point-in-polygon, population 0) and a name row for each usable form of its name."""
    from sitrep.geo.names import name_key, usable_key

    place = (pid, None, forms[0], iso, "", "", "town", lat, lon, 0, 0.0, source)
    return place, [(name_key(f), pid, f) for f in forms if usable_key(name_key(f), f)]

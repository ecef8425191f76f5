// The timeline under the map: bars per day, week or month on a real date axis (empty bins
// stay gaps), stacked by event type in the map's colours, events or fatalities, the chosen
// dates marked. A press and release picks a bin or a range; keys: arrows move, Enter picks.
// Depends on symbols.js (TYPE_SYMBOLS, symbolOf, SVG_NS).
"use strict";

const DAY_MS = 86400000;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TL = { top: 6, base: 70, height: 92, side: 8, minTickGap: 72 };

function parseDay(s) { const [y, m, d] = s.split("-").map(Number); return Date.UTC(y, m - 1, d); }
function dayString(t) { return new Date(t).toISOString().slice(0, 10); }

// the first day of the bin (day, week from Monday, month, year) that holds t
function binStart(t, bin) {
  const d = new Date(t), y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  if (bin === "day") return Date.UTC(y, m, day);
  if (bin === "week") return Date.UTC(y, m, day - (d.getUTCDay() + 6) % 7);
  if (bin === "month") return Date.UTC(y, m, 1);
  return Date.UTC(y, 0, 1);
}

// the first day after the bin that starts at t
function binEnd(t, bin) {
  const d = new Date(t), y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  if (bin === "day") return Date.UTC(y, m, day + 1);
  if (bin === "week") return Date.UTC(y, m, day + 7);
  if (bin === "month") return Date.UTC(y, m + 1, 1);
  return Date.UTC(y + 1, 0, 1);
}

function dayLabel(t, withYear) {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}` + (withYear ? ` ${d.getUTCFullYear()}` : "");
}

// ticks at least minGap pixels apart: days, weeks, months or years, whichever fits
const TICK_STEPS = [["day", 1], ["day", 2], ["week", 1], ["week", 2], ["month", 1], ["month", 2], ["month", 3],
  ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 25]];
const UNIT_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25 };

function axisTicks(start, end, pxPerDay, minGap) {
  const [unit, step] = TICK_STEPS.find(([u, s]) => UNIT_DAYS[u] * s * pxPerDay >= minGap) || ["year", 50];
  const ticks = [];
  for (let t = binStart(start, unit), i = 0; t < end && i < 2000; t = binEnd(t, unit), i++) {
    if (t < start) continue;
    const d = new Date(t);
    const n = unit === "day" ? Math.round(t / DAY_MS) : unit === "week" ? Math.round(t / DAY_MS / 7)
      : unit === "month" ? d.getUTCFullYear() * 12 + d.getUTCMonth() : d.getUTCFullYear();
    if (n % step) continue;
    const label = unit === "year" ? String(d.getUTCFullYear())
      : unit === "month" ? `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`
      : dayLabel(t, ticks.length === 0 || (d.getUTCMonth() === 0 && d.getUTCDate() <= 7 * step));
    ticks.push([t, label]);
  }
  return ticks;
}

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const BIN_WORDS = { day: "day", week: "week", month: "month" };

function binLabel(t, bin) {
  if (bin === "day") return dayLabel(t, true);
  if (bin === "week") return "week of " + dayLabel(t, true);
  return `${MONTH_NAMES[new Date(t).getUTCMonth()]} ${new Date(t).getUTCFullYear()}`;
}

// state of the drawn timeline: its answer, scale and what to do on a pick
const tl = { data: null, measure: "events", since: "", until: "", onPick: null, svg: null,
  start: 0, end: 0, width: 0, pressed: null };

function tlX(t) { return TL.side + (t - tl.start) / (tl.end - tl.start) * (tl.width - 2 * TL.side); }
function tlDayAt(px) {
  const f = Math.min(1, Math.max(0, (px - TL.side) / (tl.width - 2 * TL.side)));
  return Math.min(tl.end - 1, tl.start + f * (tl.end - tl.start));
}

function timelineCaption() {
  const d = tl.data;
  if (!d || !d.rows.length) return "No dated events.";
  let text = `${tl.measure === "fatalities" ? "Fatalities" : "Events"} per ${BIN_WORDS[d.bin]}`;
  if (tl.since || tl.until) {
    text += ` · chosen: ${tl.since ? dayLabel(parseDay(tl.since), true) : "the start"} to ` +
      `${tl.until ? dayLabel(parseDay(tl.until), true) : "the end"}`;
  }
  return text;
}

// draw the answer of /api/timeline into svg; view: {measure, since, until, onPick}
function drawTimeline(svg, data, view) {
  const focused = svg.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  Object.assign(tl, view, { data, svg });
  svg.replaceChildren();
  const rows = data ? data.rows : [];
  svg.classList.toggle("has-selection", Boolean(tl.since || tl.until));
  if (!rows.length) return;
  tl.width = svg.clientWidth || 1000;
  svg.setAttribute("viewBox", `0 0 ${tl.width} ${TL.height}`);
  const bin = data.bin;
  let start = parseDay(rows[0].key), end = binEnd(parseDay(rows[rows.length - 1].key), bin);
  if (tl.since) start = Math.min(start, binStart(parseDay(tl.since), bin));
  if (tl.until) end = Math.max(end, binEnd(binStart(parseDay(tl.until), bin), bin));
  const minDays = { day: 7, week: 8 * 7, month: 366 }[bin];
  if ((end - start) / DAY_MS < minDays) {  // a few bins: not one bar across the whole width
    const pad = Math.ceil((minDays - (end - start) / DAY_MS) / 2);
    start = binStart(start - pad * DAY_MS, bin); end = binEnd(binStart(end + pad * DAY_MS, bin), bin);
  }
  tl.start = start; tl.end = end;

  // the chosen dates, under the bars
  const selStart = tl.since ? parseDay(tl.since) : null;
  const selEnd = tl.until ? parseDay(tl.until) + DAY_MS : null;
  if (selStart !== null || selEnd !== null) {
    const a = tlX(Math.max(start, selStart ?? start)), b = tlX(Math.min(end, selEnd ?? end));
    svg.appendChild(svgEl("rect", { class: "selection", x: a, y: TL.top - 4, width: Math.max(2, b - a),
      height: TL.base - TL.top + 4 }));
  }
  // the axis: a line, ticks and labels
  const axis = svgEl("g", { class: "axis", "aria-hidden": "true" });
  axis.appendChild(svgEl("line", { x1: TL.side, x2: tl.width - TL.side, y1: TL.base + 0.5, y2: TL.base + 0.5 }));
  for (const [t, label] of axisTicks(start, end, (tl.width - 2 * TL.side) / ((end - start) / DAY_MS), TL.minTickGap)) {
    const x = Math.round(tlX(t)) + 0.5;
    axis.appendChild(svgEl("line", { x1: x, x2: x, y1: TL.base, y2: TL.base + 5 }));
    if (x + 2 + label.length * 6.5 > tl.width) continue;  // a label cut by the edge is not written
    axis.appendChild(svgEl("text", { x: x + 2, y: TL.base + 17, "data-day": dayString(t) }, label));
  }
  svg.appendChild(axis);

  // the bars: one group per bin with events, stacked by type
  const value = (pair) => tl.measure === "fatalities" ? pair[1] : pair[0];
  const max = Math.max(1, ...rows.map(r => tl.measure === "fatalities" ? r.fatalities : r.events));
  const order = [...Object.keys(TYPE_SYMBOLS), "Other"];
  const bins = [];
  for (const r of rows) {
    const t0 = parseDay(r.key), t1 = binEnd(t0, bin);
    const x0 = tlX(t0), x1 = tlX(t1);
    const gap = x1 - x0 > 4 ? 1 : 0;
    const chosen = (selStart === null || t1 > selStart) && (selEnd === null || t0 < selEnd);
    const g = svgEl("g", { class: "bin" + ((tl.since || tl.until) && chosen ? " selected" : ""), "data-key": r.key,
      "data-start": dayString(t0), "data-end": dayString(t1 - DAY_MS), tabindex: "-1", role: "button",
      "aria-label": `${binLabel(t0, bin)}: ${r.events} events, ${r.fatalities} fatalities` });
    g.appendChild(svgEl("rect", { class: "hit", x: x0, y: TL.top - 4, width: Math.max(1, x1 - x0), height: TL.base - TL.top + 4 }));
    let y = TL.base;
    for (const type of order) {
      const pair = r.types[type];
      if (!pair || !value(pair)) continue;
      const h = (TL.base - TL.top) * value(pair) / max;
      y -= h;
      g.appendChild(svgEl("rect", { class: "bar", x: x0 + gap / 2, y, width: Math.max(1, x1 - x0 - gap), height: h,
        fill: symbolOf(type)[0], "data-type": type }));
    }
    g.appendChild(svgEl("title", {}, g.getAttribute("aria-label")));
    svg.appendChild(g);
    bins.push(g);
  }
  // one tab stop: the chosen bin, else the newest; arrows move from there
  const stop = bins.find(g => g.dataset.key === focused) || bins.find(g => g.classList.contains("selected")) ||
    bins[bins.length - 1];
  stop.setAttribute("tabindex", "0");
  if (focused) stop.focus();
}

function pickBins(a, b) {
  const bin = tl.data.bin;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  tl.onPick(dayString(binStart(lo, bin)), dayString(binEnd(binStart(hi, bin), bin) - DAY_MS));
}

function moveFocus(from, step) {
  const bins = [...tl.svg.querySelectorAll("g.bin")];
  const i = bins.indexOf(from);
  const to = bins[step === "first" ? 0 : step === "last" ? bins.length - 1 : Math.max(0, Math.min(bins.length - 1, i + step))];
  if (!to || to === from) return;
  from.setAttribute("tabindex", "-1");
  to.setAttribute("tabindex", "0");
  to.focus();
}

// pointer and keys, bound once to the <svg>
function bindTimeline(svg) {
  const pxOf = (e) => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("pointerdown", (e) => {
    if (!tl.data || !tl.data.rows.length || e.button !== 0) return;
    e.preventDefault();
    tl.pressed = tlDayAt(pxOf(e));
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointerup", (e) => {
    if (tl.pressed === null) return;
    const a = tl.pressed;
    tl.pressed = null;
    pickBins(a, tlDayAt(pxOf(e)));
  });
  svg.addEventListener("pointercancel", () => { tl.pressed = null; });  // the page scrolled instead
  svg.addEventListener("keydown", (e) => {
    const g = e.target.closest && e.target.closest("g.bin");
    if (!g) return;
    const steps = { ArrowLeft: -1, ArrowRight: 1, Home: "first", End: "last" };
    if (e.key in steps) { e.preventDefault(); moveFocus(g, steps[e.key]); }
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      tl.onPick(g.dataset.start, g.dataset.end);
    }
  });
  window.addEventListener("resize", () => { if (tl.data) drawTimeline(svg, tl.data, {}); });
}

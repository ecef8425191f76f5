// sitrep map page: everything comes from the JSON API; all text is inserted as text, never HTML.
"use strict";

const SUB_TYPES = {
  "Battles": ["Government regains territory", "Non-state actor overtakes territory", "Armed clash"],
  "Protests": ["Excessive force against protesters", "Protest with intervention", "Peaceful protest"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
};
const INTER = { 1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
  5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces" };
const TIME_PRECISION = { 1: "the exact day", 2: "within a week", 3: "within a month" };
const GEO_PRECISION = { 1: "the town itself", 2: "near a town, or part of a region", 3: "only a larger region" };

const form = document.getElementById("filters");
const typeSelect = form.elements.type;
for (const [type, subs] of Object.entries(SUB_TYPES)) {
  const group = document.createElement("optgroup");
  group.label = type;
  group.appendChild(new Option(type + " (all)", type));
  for (const s of subs) group.appendChild(new Option(s, s));
  typeSelect.appendChild(group);
}
const params = new URLSearchParams(location.search);
function restoreForm(p) {
  for (const elt of form.elements) {
    if (!elt.name) continue;
    const v = p.get(elt.name);
    if (elt.type === "checkbox") elt.checked = v === "true";
    else if (elt.multiple) { const vals = (v || "").split(","); for (const o of elt.options) o.selected = vals.includes(o.value); }
    else elt.value = v || "";
  }
}
restoreForm(params);

const map = L.map("map").setView([33.3, 43.5], 6);
L.control.scale({ imperial: false }).addTo(map);
let tiles = null;  // the tile URL template of `sitrep serve --tiles` (never from the page's URL)
fetch("/api/config").then(r => r.json()).then(cfg => {
  tiles = cfg.tiles;
  if (tiles) { L.tileLayer(tiles, { maxZoom: 18 }).addTo(map); base.overTiles(); }
}).catch(() => {});
const base = basemap(map);  // countries, provinces and their names, offline
const points = L.layerGroup().addTo(map);

function query(extra) {
  const q = new URLSearchParams();
  for (const elt of form.elements) {
    if (!elt.name) continue;
    if (elt.type === "checkbox") { if (elt.checked) q.set(elt.name, "true"); continue; }
    const v = elt.multiple ? [...elt.selectedOptions].map(o => o.value).join(",") : elt.value;
    if (v) q.set(elt.name, v);
  }
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
}

// the report of the filters and the map's view: the map's names for the report's
// (since/until are from/to; a "to" alone reports the week that ends on it)
const REPORT_PARAMS = { since: "from", until: "to", type: "type", actor: "actor", country: "country",
  admin1: "admin1", min_fatalities: "min_fatalities", review_status: "review_status", text: "text" };

function reportQuery(q) {
  const r = new URLSearchParams();
  for (const [k, v] of q) if (REPORT_PARAMS[k]) r.set(REPORT_PARAMS[k], v);
  if (r.has("to") && !r.has("from")) {
    const d = new Date(r.get("to") + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 6);
    r.set("from", d.toISOString().slice(0, 10));
  }
  const b = map.getBounds();
  const lon = x => Math.max(-180, Math.min(180, x)).toFixed(3);
  const lat = y => Math.max(-90, Math.min(90, y)).toFixed(3);
  r.set("bbox", [lon(b.getWest()), lat(b.getSouth()), lon(b.getEast()), lat(b.getNorth())].join(","));
  return r;
}

function setReportLinks() {
  const r = reportQuery(query());
  document.getElementById("report-html").href = "/api/report.html?" + r;
  document.getElementById("report-pdf").href = "/api/report.pdf?" + r + "&download=true";
  document.getElementById("report-md").href = "/api/report.md?" + r + "&download=true";
}

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

let me = null;

function csrf() {
  const m = document.cookie.match(/(?:^|; )sitrep_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : "";
}

const UNREACHABLE = "Server unreachable: the sitrep server did not answer. Check that it is running and your connection, then try again.";

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

// the words of a failed response: the server's own message, or what the status means
async function errorWords(r) {
  let detail = "";
  try {
    const body = await r.json();
    detail = typeof body.detail === "string" ? body.detail :
      Array.isArray(body.detail) ? body.detail.map(d => `${(d.loc || []).slice(-1)[0] || "value"}: ${d.msg}`).join("; ") : "";
  } catch (e) { detail = ""; }
  const what = { 400: "The request was not understood", 403: "Not allowed", 404: "Not found",
    409: "Not possible", 413: "Too large", 422: "Not accepted", 429: "Too many attempts" }[r.status] ||
    (r.status >= 500 ? `The server failed (error ${r.status}); try again, or tell whoever runs it` : `Error ${r.status}`);
  return detail ? `${what}: ${detail}` : what + ".";
}

async function api(url, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (opts.method && opts.method !== "GET") opts.headers["X-CSRF-Token"] = csrf();
  if (opts.json !== undefined) { opts.body = JSON.stringify(opts.json); opts.headers["Content-Type"] = "application/json"; }
  let r;
  try {
    r = await fetch(url, opts);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(UNREACHABLE, 0);
  }
  if (r.status === 401) { showLogin(); throw new ApiError("Log in to continue.", 401); }
  return r;
}

// JSON of a successful answer, or an ApiError in words
async function apiJSON(url, options) {
  const r = await api(url, options);
  if (!r.ok) throw new ApiError(await errorWords(r), r.status);
  return r.json();
}

function panelError(exc) {
  if (exc && exc.name === "AbortError") return;
  const panel = document.getElementById("panel");
  panel.appendChild(el("p", exc.message || String(exc), { class: "error", role: "alert" }));
}

// -- who is logged in ------------------------------------------------------------------------
function showUser() {
  const box = document.getElementById("user");
  box.replaceChildren();
  if (me && me.name !== "anonymous") {
    box.appendChild(el("span", `${me.name} (${me.role})`, { id: "user-name" }));
    const out = el("button", "Log out", { type: "button", id: "logout" });
    out.addEventListener("click", async () => {
      try { await apiJSON("/api/logout", { method: "POST" }); } catch (e) { setStatus(e.message, true); return; }
      me = null; showUser(); showLogin("You are logged out.");
    });
    box.appendChild(out);
  } else {
    const a = el("button", "Log in", { type: "button", id: "login-link" });
    a.addEventListener("click", () => showLogin());
    box.appendChild(a);
  }
}

function showLogin(message) {
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h2", "Log in"));
  const f = el("form", null, { id: "login" });
  f.appendChild(el("label", "name ")).appendChild(el("input", null, { name: "name", autocomplete: "username" }));
  f.appendChild(el("br"));
  f.appendChild(el("label", "password ")).appendChild(el("input", null, { name: "password", type: "password", autocomplete: "current-password" }));
  f.appendChild(el("br"));
  f.appendChild(el("button", "Log in", { type: "submit" }));
  if (message) f.appendChild(el("p", message, { class: message.startsWith("You are") ? "hint" : "error" }));
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    let r;
    try {
      r = await fetch("/api/login", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: f.elements.name.value, password: f.elements.password.value }) });
    } catch (exc) { showLogin(UNREACHABLE); return; }
    if (!r.ok) { showLogin(await errorWords(r)); return; }
    me = await r.json();
    showUser();
    loadCountries();
    base.loadCountries();
    panel.replaceChildren(el("p", `Logged in as ${me.name} (${me.role}).`, { class: "hint" }));
    load();
  });
  panel.appendChild(f);
}

// -- the map ---------------------------------------------------------------------------------
let features = [];
const CLUSTER_PX = 36;

function eventMarker(lat, lon, p) {
  const size = Math.round(14 + Math.min(18, Math.sqrt(p.fatalities || 0) * 3));
  const icon = L.divIcon({ className: "ev-marker", html: typeSymbol(p.event_type, size), iconSize: [size, size] });
  const m = L.marker([lat, lon], { icon, title: "", riseOnHover: true });
  m.on("click", () => showEvent(p.id));
  m.on("add", () => {
    const e = m.getElement();
    e.dataset.id = p.id; e.dataset.type = p.event_type || "";
    e.setAttribute("aria-label", `${p.sub_event_type || p.event_type}, ${p.event_date || "undated"}, ` +
      `${p.location || ""}: ${p.fatalities || 0} fatalities`);
    onEnter(e, () => showEvent(p.id));
  });
  return m;
}

// Enter (or Space) on a focused marker does what a click does
function onEnter(elt, run) {
  elt.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); run(); }
  });
}

function clusterMarker(c) {
  const lat = c.server ? c.lat : c.lat / c.count, lon = c.server ? c.lon : c.lon / c.count;
  // events at one and the same point never come apart by zooming: a click lists them
  const together = !c.server && c.items.every(f => f.geometry.coordinates[0] === c.items[0].geometry.coordinates[0] &&
    f.geometry.coordinates[1] === c.items[0].geometry.coordinates[1]);
  const icon = L.divIcon({ className: "cluster" + (together ? " stack" : ""), html: "", iconSize: [34, 34] });
  const open = together ? () => showStack(c.items) : () => map.setView([lat, lon], map.getZoom() + 2);
  const m = L.marker([lat, lon], { icon }).on("click", open);
  const counts = {};
  const tally = (type, n) => { const t = TYPE_SYMBOLS[type] ? type : "Other"; counts[t] = (counts[t] || 0) + n; };
  if (c.server) for (const [type, n] of Object.entries(c.types || {})) tally(type, n);
  else for (const f of c.items) tally(f.properties.event_type, 1);
  const mix = [...Object.keys(TYPE_SYMBOLS), "Other"].filter(t => counts[t]).map(t => `${counts[t]} ${t}`).join(", ");
  m.on("add", () => {
    const e = m.getElement();
    e.replaceChildren(el("span", c.count));
    if (mix) e.prepend(typeRing(counts, 34));  // the types in the cluster, as a ring
    if (c.country) e.dataset.country = c.country;
    e.setAttribute("aria-label", `${c.count} events` + (c.country ? ` in ${c.country}` : "") + (mix ? ` (${mix})` : "") +
      (together ? " at one place: list them" : ": zoom in"));
    onEnter(e, open);
  });
  return m;
}

function draw() {
  // markers closer than CLUSTER_PX on screen become one bubble with their count
  points.clearLayers();
  const cells = new Map();
  for (const f of features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    if (p.cluster) {  // the server's grid cluster: its type mix and country came with it
      cells.set("s" + cells.size, { lat, lon, count: p.count, server: true, types: p.types || {}, country: p.country });
      continue;
    }
    const pt = map.project([lat, lon], map.getZoom());  // world pixels: the same cells wherever the map is panned
    const key = Math.floor(pt.x / CLUSTER_PX) + ":" + Math.floor(pt.y / CLUSTER_PX);
    const c = cells.get(key) || { lat: 0, lon: 0, count: 0, items: [] };
    c.lat += lat; c.lon += lon; c.count += 1; c.items.push(f);
    cells.set(key, c);
  }
  for (const c of cells.values()) {
    if (!c.server && c.count === 1) eventMarker(c.lat, c.lon, c.items[0].properties).addTo(points);
    else clusterMarker(c).addTo(points);
  }
}

// the events at one point, listed in the panel
function showStack(items) {
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h2", `${items.length} events at this place`));
  const ul = el("ul", null, { id: "stack" });
  for (const f of items) {
    const p = f.properties;
    const a = el("a", `${p.event_date || "undated"} · ${p.sub_event_type || p.event_type} · ${p.fatalities || 0} fatalities`,
      { href: "?event=" + p.id, "data-id": String(p.id) });
    a.prepend(typeSymbol(p.event_type, 12), " ");
    a.addEventListener("click", (e) => { e.preventDefault(); showEvent(p.id); });
    ul.appendChild(el("li")).appendChild(a);
  }
  panel.appendChild(ul);
  const first = ul.querySelector("a");
  if (first) first.focus();
}

map.on("zoomend", draw);
map.on("moveend", setReportLinks);

function setStatus(text, error, state) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = error ? "error" : "";
  s.dataset.state = state || (error ? "error" : "ready");
}

let current = null;  // the AbortController of the newest load: older ones are cancelled
let generation = 0;

// load the view of the form; push: a new step of the browser's history (Back returns to the
// filter before), else the address is only brought up to date
async function load(opts) {
  if (current) current.abort();
  loading = true;
  clearTimeout(refineTimer);
  if (refining) refining.abort();
  const controller = new AbortController();
  current = controller;
  const mine = ++generation;
  const signal = controller.signal;
  const q = query();
  const keep = new URLSearchParams(location.search).get("event");
  const shown = new URLSearchParams(q);
  if (keep) shown.set("event", keep);
  if (opts && opts.push && "?" + shown !== location.search) history.pushState(null, "", "?" + shown);
  else history.replaceState(null, "", "?" + shown);
  document.getElementById("csv").href = "/api/events.csv?" + q.toString();
  setReportLinks();
  document.getElementById("map").setAttribute("aria-busy", "true");
  setStatus("Loading…", false, "loading");
  try {
    const [data, byType] = await Promise.all([
      // the whole filter, to fit the map to: at most zoom 4's grid (a few hundred clusters, read
      // from the server's summaries), refined to the fitted view's own zoom after
      apiJSON("/api/events.geojson?" + q + "&zoom=" + Math.min(map.getZoom(), OVERVIEW_ZOOM), { signal }),
      apiJSON("/api/stats?by=type&" + q, { signal })]);
    if (mine !== generation) return;  // a newer filter was asked for meanwhile
    features = data.features;
    clustered = features.some(f => f.properties.cluster);
    const n = byType.rows.reduce((a, r) => a + r.events, 0);
    const dead = byType.rows.reduce((a, r) => a + r.fatalities, 0);
    const bounds = features.map(f => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    // drawn once, at the fitted view (the markers and their rings are the page's dearest drawing)
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
    draw();
    await Promise.all([provincesInView(signal), timeline(q, signal, mine)]);
    if (mine !== generation) return;
    setStatus(n ? `${n.toLocaleString("en")} events · ${dead.toLocaleString("en")} fatalities` :
      "0 events match these filters", false, n ? "ready" : "empty");
    if (table.on) { table.bbox = viewBox(); table.cursors = [null]; table.page = 0; renderTable(); }
    loading = false;
    if (clustered) refine();  // the clusters of the fitted view
    else provincesInView(signal).catch(() => {});  // the fitted view's, once its zoom has ended
  } catch (exc) {
    if (exc.name === "AbortError" || mine !== generation) return;
    features = []; clustered = false; draw();
    document.getElementById("timeline").replaceChildren();
    setStatus(exc.message, true);
  } finally {
    if (mine === generation) { loading = false; document.getElementById("map").removeAttribute("aria-busy"); }
  }
}

// the province boundaries of the countries with events in view (points carry their country, the
// server's clusters their most common one), from zoom 4 (further out they are only clutter);
// asked again only when the set of countries changes
const PROVINCE_ZOOM = 4;
const OVERVIEW_ZOOM = 4;
let provincesOf = "";
async function provincesInView(signal) {
  const view = map.getBounds().pad(0.2);
  const countries = new Set();
  if (map.getZoom() >= PROVINCE_ZOOM) {
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      if (f.properties.iso && view.contains([lat, lon])) countries.add(f.properties.iso);
    }
  }
  const key = [...countries].sort().join(",");
  if (key === provincesOf) return;
  const prov = key ? await apiJSON("/api/provinces.geojson?country=" + key, { signal })
    : { type: "FeatureCollection", features: [] };
  if (signal && signal.aborted) return;
  provincesOf = key;
  base.setProvinces(prov);
}

// Beyond the server's 5,000 points it sends grid clusters of the whole filter. Then each pan and
// zoom asks for the view again (bbox and zoom): the clusters refine down to single events.
let clustered = false;  // the newest filter's answer was clustered
let loading = false;
let refining = null;  // the AbortController of the newest view request
let refineTimer = null;

async function refine() {
  if (loading || !clustered) return;
  if (refining) refining.abort();
  const controller = new AbortController();
  refining = controller;
  document.getElementById("map").setAttribute("aria-busy", "true");
  try {
    const data = await apiJSON("/api/events.geojson?" + query({ bbox: viewBox(), zoom: map.getZoom() }),
      { signal: controller.signal });
    if (refining !== controller) return;
    features = data.features;
    draw();
    await provincesInView(controller.signal);
  } catch (exc) {
    if (exc.name !== "AbortError" && refining === controller) setStatus(exc.message, true);
  } finally {
    if (refining === controller) { refining = null; document.getElementById("map").removeAttribute("aria-busy"); }
  }
}
map.on("moveend", () => {
  if (!clustered && !loading) provincesInView().catch(() => {});  // the points' countries in view
  if (!clustered || loading) return;
  clearTimeout(refineTimer);
  refineTimer = setTimeout(refine, 200);
});

let lastDay = null;  // the newest day with events in view: trends are measured there

async function showTrends() {
  const q = query({ by: "admin1" });
  if (lastDay) q.set("as_of", lastDay);
  const panel = document.getElementById("panel");
  let data;
  try { data = await apiJSON("/api/trends?" + q); } catch (e) { panel.replaceChildren(); panelError(e); return; }
  panel.replaceChildren(el("h2", "Trends: this week against the 8 weeks before"));
  const ul = el("ul", null, { id: "trends" });
  for (const t of data.trends) ul.appendChild(el("li", `${t.change}: ${t.summary}`, { class: "trend-" + t.change }));
  if (!data.trends.length) panel.appendChild(el("p", "No events in the weeks measured.", { class: "hint" }));
  panel.appendChild(ul);
}

let chartMeasure = "events";

async function showCharts() {
  const panel = document.getElementById("panel");
  const q = query();
  let answers;
  try { answers = await Promise.all(CHARTS.map(([by]) => apiJSON(`/api/stats?by=${by}&` + q))); }
  catch (e) { panel.replaceChildren(); panelError(e); return; }
  panel.replaceChildren(el("h2", "Charts of this view"));
  const toggle = el("button", "By fatalities", { type: "button", id: "charts-measure",
    "aria-pressed": String(chartMeasure === "fatalities") });
  toggle.addEventListener("click", () => { chartMeasure = chartMeasure === "events" ? "fatalities" : "events"; showCharts(); });
  panel.appendChild(el("p")).appendChild(toggle);
  CHARTS.forEach(([by, heading, name, shown], i) => {
    const rows = [...answers[i].rows].sort((a, b) => b[chartMeasure] - a[chartMeasure]).slice(0, shown);
    panel.appendChild(barChart(by, heading, rows, chartMeasure, (key) => {
      if (name === "type") { for (const o of typeSelect.options) o.selected = o.value === key; }
      else form.elements[name].value = key;
      load({ push: true });
      showCharts();
    }));
  });
}

async function showAlerts() {
  const panel = document.getElementById("panel");
  let data;
  try { data = await apiJSON("/api/alerts"); } catch (e) { panel.replaceChildren(); panelError(e); return; }
  panel.replaceChildren(el("h2", "Alert areas"));
  const ul = el("ul", null, { id: "areas" });
  for (const a of data.areas) {
    const where = a.spec.point ? `within ${a.spec.radius_km} km of ${a.spec.point.join(", ")}` :
      a.spec.admin1 ? `in ${a.spec.admin1}` : "in a drawn area";
    ul.appendChild(el("li", `${a.name}: ${where}` + (a.spec.types && a.spec.types.length ? ` (${a.spec.types.join(", ")})` : "")));
  }
  panel.appendChild(ul);
  panel.appendChild(el("h3", "Deliveries"));
  const dl = el("ul", null, { id: "deliveries" });
  for (const d of data.deliveries.slice(-50).reverse()) {
    const again = d.next_try ? ` · next try ${d.next_try.slice(11, 16)}` : "";
    dl.appendChild(el("li", `${d.at.slice(0, 16).replace("T", " ")} ${d.area} · event ${d.event_id} · ${d.channel} ${d.status}${again}`));
  }
  panel.appendChild(dl);
  let reports;
  try { reports = await apiJSON("/api/report-schedules"); } catch (e) { panelError(e); return; }
  panel.appendChild(el("h2", "Scheduled reports"));
  const sl = el("ul", null, { id: "report-schedules" });
  for (const s of reports.schedules) {
    const scope = s.spec.scope || {};
    const where = [...(scope.countries || []), ...(scope.admin1 || []), scope.area_name].filter(Boolean).join(", ") || "everywhere";
    sl.appendChild(el("li", `${s.name}: ${where}, every ${s.spec.every}, by ${s.channels.join(" and ")}`));
  }
  if (!reports.schedules.length) sl.appendChild(el("li", "None yet: add one with: sitrep report schedule add NAME ...", { class: "hint" }));
  panel.appendChild(sl);
  const rl = el("ul", null, { id: "report-deliveries" });
  for (const d of reports.deliveries.slice(-20).reverse()) {
    const again = d.next_try ? ` · next try ${d.next_try.slice(11, 16)}` : "";
    rl.appendChild(el("li", `${d.at.slice(0, 16).replace("T", " ")} ${d.schedule} · ${d.period} · ${d.channel} ${d.status}${again}`));
  }
  panel.appendChild(rl);
}

// the timeline shows every date of the other filters; the chosen dates are marked on it
async function timeline(q, signal, mine) {
  const t = new URLSearchParams(q);
  t.delete("since"); t.delete("until");
  const svg = document.getElementById("timeline");
  t.set("max_bins", Math.max(10, Math.floor((svg.clientWidth || 1000) / 5)));
  const data = await apiJSON("/api/timeline?" + t, { signal });
  if (mine !== undefined && mine !== generation) return;
  const until = form.elements.until.value;
  lastDay = data.last_day && until && until < data.last_day ? until : data.last_day;
  showTimeline(data);
}

function showTimeline(data) {
  drawTimeline(document.getElementById("timeline"), data, { measure: timelineMeasure,
    since: form.elements.since.value, until: form.elements.until.value, onPick: pickDates });
  document.getElementById("timeline-caption").textContent = timelineCaption();
  document.getElementById("timeline-reset").disabled = !(form.elements.since.value || form.elements.until.value);
}

let timelineMeasure = "events";

function pickDates(since, until) {
  form.elements.since.value = since; form.elements.until.value = until;
  load({ push: true });
}

// -- one event -------------------------------------------------------------------------------
function coded(value, meanings) {
  if (value === null || value === undefined || value === "") return "";
  return meanings[value] ? `${value}: ${meanings[value]}` : String(value);
}

function safeLink(url, text) {
  // only web addresses become links; anything else (javascript:, data:) stays text
  let u = null;
  try { u = new URL(url); } catch (e) { u = null; }
  if (!u || (u.protocol !== "http:" && u.protocol !== "https:")) return el("span", text);
  return el("a", text, { href: u.href, rel: "noopener noreferrer", target: "_blank", class: "source-link" });
}

function eventFields(ev) {
  const range = ev.fatalities_high && ev.fatalities_high !== ev.fatalities ?
    `${ev.fatalities} (reports say ${ev.fatalities} to ${ev.fatalities_high}${ev.fatalities_best ? `, best ${ev.fatalities_best}` : ""})` : ev.fatalities;
  return [
    ["event date", ev.event_date || "undated"], ["time precision", coded(ev.time_precision, TIME_PRECISION)],
    ["disorder type", ev.disorder_type], ["event type", ev.event_type], ["sub-event type", ev.sub_event_type],
    ["actor 1", ev.actor1], ["associated actor 1", ev.assoc_actor_1], ["inter 1", coded(ev.inter1, INTER)],
    ["actor 2", ev.actor2], ["associated actor 2", ev.assoc_actor_2], ["inter 2", coded(ev.inter2, INTER)],
    ["interaction", ev.interaction], ["civilian targeting", ev.civilian_targeting || "no"],
    ["location", ev.location], ["admin 3", ev.admin3], ["admin 2", ev.admin2], ["admin 1", ev.admin1],
    ["country", ev.country + (ev.iso ? ` (${ev.iso})` : "")],
    ["latitude, longitude", ev.latitude === null || ev.latitude === undefined ? "not located" : `${ev.latitude}, ${ev.longitude}`],
    ["geo precision", coded(ev.geo_precision, GEO_PRECISION)],
    ["fatalities", range], ["injured", ev.injured], ["abducted", ev.abducted],
    ["source", ev.source], ["source scale", ev.source_scale],
    ["confidence", ev.confidence], ["review status", ev.review_status],
  ];
}

async function showEvent(id) {
  const panel = document.getElementById("panel");
  let ev;
  try { ev = await apiJSON("/api/events/" + id); } catch (e) { panel.replaceChildren(); panelError(e); return; }
  const url = new URLSearchParams(location.search);
  url.set("event", ev.id);
  history.replaceState(null, "", "?" + url.toString());  // a permalink to this event in this view
  panel.replaceChildren();
  if (window.matchMedia("(max-width: 700px)").matches) panel.scrollIntoView();  // on a phone it is under the map
  panel.appendChild(el("h2", `${ev.sub_event_type} · ${ev.event_date || "undated"}`));
  panel.appendChild(el("p", `event ${ev.id}`, { class: "hint", id: "event-id" }));
  if (ev.review_status === "merged") {
    const p = el("p", `This is a duplicate, merged into event ${ev.merged_into || "?"}: review that one instead. `,
      { class: "notice", id: "merged-notice" });
    if (ev.merged_into) {
      const a = el("a", `Open event ${ev.merged_into}`, { href: "?event=" + ev.merged_into });
      a.addEventListener("click", (e) => { e.preventDefault(); showEvent(ev.merged_into); });
      p.appendChild(a);
    }
    panel.appendChild(p);
  } else if (ev.review_status === "rejected") {
    panel.appendChild(el("p", "Rejected: left out of the map, lists and exports.", { class: "notice" }));
  }
  const dl = el("dl", null, { id: "fields" });
  for (const [k, v] of eventFields(ev)) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v ?? "")); }
  panel.appendChild(dl);
  panel.appendChild(el("p", ev.notes, { id: "notes" }));
  const seen = new Set();
  for (const e of ev.evidence || []) {
    if (e.field !== "event_type" || seen.has(e.text)) continue;
    seen.add(e.text);
    panel.appendChild(el("blockquote", e.text));
  }
  const sources = el("div", null, { id: "sources" });
  for (const s of ev.sources || []) {
    const p = el("p");
    p.appendChild(el("strong", s.source || "source"));
    p.appendChild(document.createTextNode(" · " + (s.published || "") + " · "));
    p.appendChild(s.url ? safeLink(s.url, s.title || s.url) : el("span", s.title));
    sources.appendChild(p);
  }
  panel.appendChild(sources);
  const link = el("a", "Read the article with the evidence marked", { href: "#" });
  link.addEventListener("click", (e) => { e.preventDefault(); showArticle(ev); });
  panel.appendChild(el("p")).appendChild(link);
  if (me && (me.role === "analyst" || me.role === "admin") && ev.review_status !== "merged") reviewControls(panel, ev);
  try {
    const hist = await apiJSON(`/api/events/${ev.id}/history`);
    if (hist.history.length) {
      panel.appendChild(el("h3", "History"));
      const ul = el("ul", null, { id: "history" });
      for (const h of hist.history) {
        const changes = Object.entries(h.changes).map(([k, [a, b]]) => `${k}: ${a} → ${b}`).join("; ");
        ul.appendChild(el("li", `${h.at.slice(0, 16).replace("T", " ")} ${h.user_name} ${h.action}: ${changes}` +
          (h.note ? ` (note: ${h.note})` : "")));
      }
      panel.appendChild(ul);
    }
  } catch (e) { panelError(e); }
}

async function showArticle(ev) {
  const panel = document.getElementById("panel");
  let art;
  try { art = await apiJSON("/api/articles/" + encodeURIComponent(ev.article_id)); } catch (e) { panelError(e); return; }
  panel.replaceChildren();
  const back = el("a", "← back to the event", { href: "#" });
  back.addEventListener("click", (e) => { e.preventDefault(); showEvent(ev.id); });
  panel.appendChild(el("p")).appendChild(back);
  panel.appendChild(el("h2", art.title || art.id));
  panel.appendChild(el("p", `${art.source || ""} · ${art.published || ""}`, { class: "hint" }));
  if (art.url) panel.appendChild(el("p")).appendChild(safeLink(art.url, art.url));
  // evidence spans become <mark> elements; every piece of article text is a text node
  const spans = (ev.evidence || []).map(e => [e.start, e.end, e.field]).sort((a, b) => a[0] - b[0]);
  const body = el("div", null, { id: "article-text" });
  let pos = 0;
  const text = art.text;
  for (const [start, end, field] of spans) {
    if (start < pos) continue;
    body.appendChild(document.createTextNode(text.slice(pos, start)));
    body.appendChild(el("mark", text.slice(start, end), { title: field }));
    pos = end;
  }
  body.appendChild(document.createTextNode(text.slice(pos)));
  panel.appendChild(body);
}

function queueQuery(limit) {
  return query({ sort: "confidence", review_status: "unreviewed", limit });
}

async function showQueue() {
  const panel = document.getElementById("panel");
  let data;
  try { data = await apiJSON("/api/events?" + queueQuery(50)); } catch (e) { panel.replaceChildren(); panelError(e); return; }
  panel.replaceChildren(el("h2", "Review queue (least confident first)"));
  const ol = el("ol", null, { id: "queue" });
  for (const e of data.events) {
    const li = el("li");
    const a = el("a", `${e.event_date || "?"} ${e.sub_event_type} · ${e.location || e.country} (${e.confidence})`, { href: "#" });
    a.addEventListener("click", (ev) => { ev.preventDefault(); showEvent(e.id); });
    li.appendChild(a);
    ol.appendChild(li);
  }
  if (!data.events.length) panel.appendChild(el("p", "Nothing left to review in this view.", { class: "hint" }));
  panel.appendChild(ol);
}

// -- review ----------------------------------------------------------------------------------
const EDIT_FIELDS = [  // [name, label, kind]: kind text, int, float, date, inter, precision
  ["event_date", "event date", "date"], ["time_precision", "time precision", "time"],
  ["sub_event_type", "sub-event type", "sub"],
  ["actor1", "actor 1", "text"], ["assoc_actor_1", "associated actor 1", "text"], ["inter1", "inter 1", "inter"],
  ["actor2", "actor 2", "text"], ["assoc_actor_2", "associated actor 2", "text"], ["inter2", "inter 2", "inter"],
  ["civilian_targeting", "civilian targeting", "civ"],
  ["location", "location", "text"], ["latitude", "latitude", "float"], ["longitude", "longitude", "float"],
  ["geo_precision", "geo precision", "geo"], ["admin1", "admin 1", "text"], ["admin2", "admin 2", "text"],
  ["admin3", "admin 3", "text"], ["country", "country", "text"], ["iso", "ISO code", "text"],
  ["fatalities", "fatalities", "int"], ["injured", "injured", "int"], ["abducted", "abducted", "int"],
  ["source", "source", "text"], ["source_scale", "source scale", "text"], ["notes", "notes", "notes"],
];

function fieldInput(name, kind, value) {
  const options = (pairs, nullable) => {
    const s = el("select", null, { name });
    if (nullable) s.appendChild(new Option("none", ""));
    for (const [v, label] of pairs) s.appendChild(new Option(label, String(v)));
    s.value = value === null || value === undefined ? "" : String(value);
    return s;
  };
  if (kind === "sub") {
    const s = el("select", null, { name });
    for (const [type, subs] of Object.entries(SUB_TYPES)) {
      const g = document.createElement("optgroup"); g.label = type;
      for (const sub of subs) g.appendChild(new Option(sub, sub));
      s.appendChild(g);
    }
    s.value = value;
    return s;
  }
  if (kind === "inter") return options(Object.entries(INTER).map(([k, v]) => [k, `${k}: ${v}`]), true);
  if (kind === "time") return options(Object.entries(TIME_PRECISION).map(([k, v]) => [k, `${k}: ${v}`]), false);
  if (kind === "geo") return options(Object.entries(GEO_PRECISION).map(([k, v]) => [k, `${k}: ${v}`]), true);
  if (kind === "civ") return options([["", "no"], ["Civilian targeting", "Civilian targeting"]], false);
  if (kind === "notes") { const t = el("textarea", null, { name, rows: "3" }); t.value = value || ""; return t; }
  const attrs = { name };
  if (kind === "date") attrs.type = "date";
  if (kind === "int") Object.assign(attrs, { type: "number", min: "0", step: "1" });
  if (kind === "float") Object.assign(attrs, { type: "number", step: "any" });
  const i = el("input", null, attrs);
  i.value = value === null || value === undefined ? "" : String(value);
  return i;
}

function readField(kind, raw) {
  if (["int", "inter", "time", "geo"].includes(kind)) return raw === "" ? null : Number(raw);
  if (kind === "float") return raw === "" ? null : Number(raw);
  if (kind === "date") return raw || null;
  return raw;
}

let placing = null;  // while the analyst places a point: the function that takes the click

map.on("click", (e) => { if (placing) placing(e.latlng); });

function confirmStep(box, question, yes, run) {
  // an in-page confirmation: the question, the action in words, and a way back
  box.replaceChildren(el("span", question + " "));
  const ok = el("button", yes, { type: "button", name: "confirm" });
  const no = el("button", "Cancel", { type: "button", name: "cancel" });
  ok.addEventListener("click", () => { box.replaceChildren(); run(); });
  no.addEventListener("click", () => box.replaceChildren());
  box.appendChild(ok); box.appendChild(no);
  ok.focus();
}

async function nextInQueue(after) {
  const data = await apiJSON("/api/events?" + queueQuery(2));
  return data.events.map(e => e.id).find(id => id !== after);
}

function reviewControls(panel, ev) {
  const f = el("form", null, { id: "review" });
  f.appendChild(el("h3", "Review"));
  const grid = el("div", null, { class: "edit-grid" });
  for (const [name, label, kind] of EDIT_FIELDS) {
    const lab = el("label", label + " ");
    lab.appendChild(fieldInput(name, kind, ev[name]));
    grid.appendChild(lab);
  }
  f.appendChild(grid);
  const place = el("button", "Place on the map", { type: "button", name: "place",
    title: "click the map where the event happened: its coordinates and province follow" });
  f.appendChild(place);
  f.appendChild(el("p", "A new location name is looked up in the gazetteer (coordinates, provinces, precision); " +
    "the notes are written again unless you change them.", { class: "hint" }));
  const noteLab = el("label", "why (kept in the history) ");
  noteLab.appendChild(el("input", null, { name: "_note", size: "30" }));
  f.appendChild(noteLab);
  const buttons = el("div", null, { class: "buttons" });
  buttons.appendChild(el("button", "Save", { type: "submit", name: "save" }));
  const accept = el("button", "Accept", { type: "button", name: "accept" });
  const acceptNext = el("button", "Accept and next", { type: "button", name: "accept-next" });
  const reject = el("button", "Reject", { type: "button", name: "reject" });
  const split = el("button", "Split", { type: "button", name: "split", title: "the report tells two events" });
  for (const b of [accept, acceptNext, reject, split]) buttons.appendChild(b);
  f.appendChild(buttons);
  const confirmBox = el("div", null, { id: "confirm", role: "group" });
  f.appendChild(confirmBox);
  const status = el("p", "", { id: "review-status", role: "status" });
  f.appendChild(status);
  const say = (text, error) => { status.textContent = text; status.className = error ? "error" : "hint"; };
  const fail = (exc) => { if (exc.name !== "AbortError") say(exc.message, true); };

  place.addEventListener("click", () => {
    say("Click the map where the event happened.");
    document.getElementById("map").classList.add("placing");
    placing = (latlng) => {
      placing = null;
      document.getElementById("map").classList.remove("placing");
      f.elements.latitude.value = latlng.lat.toFixed(5);
      f.elements.longitude.value = latlng.lng.toFixed(5);
      say(`Point placed at ${latlng.lat.toFixed(5)}, ${latlng.lng.toFixed(5)}: save to keep it.`);
    };
  });
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = {};
    for (const [name, , kind] of EDIT_FIELDS) {
      const v = readField(kind, f.elements[name].value);
      const before = ev[name] === undefined ? null : ev[name];
      if (v !== before && !(v === "" && before === null)) changes[name] = v;
    }
    if (!Object.keys(changes).length) { say("Nothing changed."); return; }
    if (f.elements._note.value) changes._note = f.elements._note.value;
    try {
      await apiJSON(`/api/events/${ev.id}`, { method: "PATCH", json: changes });
    } catch (exc) { fail(exc); return; }
    await showEvent(ev.id);
    const s = document.getElementById("review-status");
    if (s) { s.textContent = "Saved."; s.className = "hint"; }
    load();
  });
  const review = async (action) => {
    await apiJSON(`/api/events/${ev.id}/review`, { method: "POST", json: { action, note: f.elements._note.value } });
  };
  accept.addEventListener("click", async () => {
    try { await review("accept"); } catch (exc) { fail(exc); return; }
    await showEvent(ev.id);
    const s = document.getElementById("review-status");
    if (s) { s.textContent = "Accepted."; s.className = "hint"; }
  });
  acceptNext.addEventListener("click", async () => {
    let next;
    try { await review("accept"); next = await nextInQueue(ev.id); } catch (exc) { fail(exc); return; }
    if (next) showEvent(next);
    else { showQueue(); }
    load();
  });
  reject.addEventListener("click", () => confirmStep(confirmBox,
    `Reject event ${ev.id}? It leaves the map, lists and exports (the history keeps it).`, "Yes, reject", async () => {
      try { await review("reject"); } catch (exc) { fail(exc); return; }
      await showEvent(ev.id); load();
    }));
  split.addEventListener("click", () => confirmStep(confirmBox,
    `Split event ${ev.id} in two? A copy with the same sources is made for you to correct.`, "Yes, split", async () => {
      let d;
      try { d = await apiJSON(`/api/events/${ev.id}/split`, { method: "POST", json: { note: f.elements._note.value } }); }
      catch (exc) { fail(exc); return; }
      await showEvent(ev.id);
      const s = document.getElementById("review-status");
      if (s) { s.textContent = `Split off event ${d.new_event.id}.`; s.className = "hint"; }
      load();
    }));
  panel.appendChild(f);
  duplicates(panel, ev, f);
}

async function duplicates(panel, ev, f) {
  const box = el("div", null, { id: "duplicates" });
  box.appendChild(el("h3", "Possible duplicates (same day, same place or article)"));
  panel.appendChild(box);
  let data;
  try { data = await apiJSON(`/api/events/${ev.id}/duplicates`); } catch (exc) { box.appendChild(el("p", exc.message, { class: "error" })); return; }
  if (!data.duplicates.length) { box.appendChild(el("p", "None found.", { class: "hint" })); return; }
  const ul = el("ul");
  for (const d of data.duplicates) {
    const li = el("li");
    const open = el("a", `event ${d.id}: ${d.sub_event_type} · ${d.location} · ${d.actor1} · ${d.fatalities} fatalities (${d.reason})`, { href: "?event=" + d.id });
    open.addEventListener("click", (e) => { e.preventDefault(); showEvent(d.id); });
    li.appendChild(open);
    const merge = el("button", "Merge into this", { type: "button", name: "merge", "data-id": String(d.id) });
    const confirmBox = el("span");
    merge.addEventListener("click", () => confirmStep(confirmBox,
      `Merge event ${d.id} into event ${ev.id}? Its sources move here and it leaves the map.`, "Yes, merge", async () => {
        try {
          await apiJSON(`/api/events/${ev.id}/merge`, { method: "POST", json: { other: d.id, note: f.elements._note.value } });
        } catch (exc) { confirmBox.replaceChildren(el("span", exc.message, { class: "error" })); return; }
        await showEvent(ev.id);
        const s = document.getElementById("review-status");
        if (s) { s.textContent = `Merged event ${d.id} into this one.`; s.className = "hint"; }
        load();
      }));
    li.appendChild(merge); li.appendChild(confirmBox);
    ul.appendChild(li);
  }
  box.appendChild(ul);
}

function showAccount(message, ok) {
  const panel = document.getElementById("panel");
  if (!me || me.name === "anonymous") { showLogin("Log in to manage your account."); return; }
  panel.replaceChildren(el("h2", "Account"), el("p", `${me.name} (${me.role})`, { class: "hint" }));
  const f = el("form", null, { id: "password-form" });
  const field = (label, name, auto) => {
    f.appendChild(el("label", label + " ")).appendChild(el("input", null, { name, type: "password", autocomplete: auto, required: "" }));
    f.appendChild(el("br"));
  };
  field("current password", "current", "current-password");
  field("new password", "new", "new-password");
  field("new password again", "again", "new-password");
  f.appendChild(el("button", "Change password", { type: "submit" }));
  if (message) f.appendChild(el("p", message, { class: ok ? "hint" : "error" }));
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (f.elements.new.value !== f.elements.again.value) { showAccount("The new passwords differ."); return; }
    try {
      await apiJSON("/api/me/password", { method: "POST", json: { current: f.elements.current.value, new: f.elements.new.value } });
    } catch (exc) { showAccount(exc.message); return; }
    showAccount("Password changed; your other sessions and API tokens have ended.", true);
  });
  panel.appendChild(f);
}

// -- actor search ----------------------------------------------------------------------------
const actorInput = form.elements.actor;
const suggestList = document.getElementById("actor-suggest");
let suggestTimer = null;
let suggestController = null;
actorInput.addEventListener("input", () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const q = actorInput.value.trim();
    if (suggestController) suggestController.abort();
    if (!q) { suggestList.replaceChildren(); return; }
    suggestController = new AbortController();
    let data;
    try { data = await apiJSON("/api/actors/suggest?q=" + encodeURIComponent(q), { signal: suggestController.signal }); }
    catch (e) { return; }
    suggestList.replaceChildren();
    for (const a of data.actors) {
      const b = el("button", a.name, { type: "button", class: "suggestion" });
      if (a.match !== a.name) b.appendChild(el("small", ` (as “${a.match}”)`));
      b.addEventListener("click", () => { actorInput.value = a.name; suggestList.replaceChildren(); load({ push: true }); });
      suggestList.appendChild(el("li")).appendChild(b);
    }
  }, 200);
});

// -- the table of the events in view -----------------------------------------------------------
let TABLE_PAGE = 50;
const TABLE_COLUMNS = [  // [field, heading, sort key or null]
  ["id", "id", "id"], ["event_date", "date", "event_date"], ["sub_event_type", "sub-event type", null],
  ["actor1", "actor 1", null], ["actor2", "actor 2", null], ["location", "location", null],
  ["admin1", "admin 1", null], ["country", "country", null], ["fatalities", "fatalities", "fatalities"],
  ["confidence", "confidence", "confidence"], ["review_status", "review", null],
];
const SORTABLE = new Set(["id", "event_date", "fatalities", "confidence"]);
const EVERY_COLUMN = [  // every field of the ACLED model, in the order of the event panel
  "id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
  "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "location", "admin3", "admin2",
  "admin1", "country", "iso", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_high", "injured",
  "abducted", "source", "source_scale", "notes", "confidence", "review_status",
].map(f => [f, f.replace(/_/g, " ").replace(/^(actor|inter|admin)(\d)$/, "$1 $2"), SORTABLE.has(f) ? f : null]);
const table = { on: false, sort: "-event_date", cursors: [null], page: 0, bbox: null, every: false };
const tableColumns = () => table.every ? EVERY_COLUMN : TABLE_COLUMNS;

function viewBox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90)].map(v => v.toFixed(5)).join(",");
}

function tableHeader() {
  const tr = el("tr");
  for (const [, heading, key] of tableColumns()) {
    const th = el("th", null, { scope: "col" });
    if (key) {
      const active = table.sort.replace("-", "") === key;
      const b = el("button", heading + (active ? (table.sort.startsWith("-") ? " ▼" : " ▲") : ""), { type: "button", "data-sort": key });
      th.setAttribute("aria-sort", active ? (table.sort.startsWith("-") ? "descending" : "ascending") : "none");
      b.addEventListener("click", () => {
        table.sort = active && table.sort.startsWith("-") ? key : "-" + key;
        table.cursors = [null]; table.page = 0; renderTable();
      });
      th.appendChild(b);
    } else th.textContent = heading;
    tr.appendChild(th);
  }
  document.querySelector("#events-table thead").replaceChildren(tr);
}

async function renderTable() {
  tableHeader();
  const q = query({ sort: table.sort, limit: TABLE_PAGE, bbox: table.bbox });
  const cursor = table.cursors[table.page];
  if (cursor) q.set("cursor", cursor);
  const body = document.querySelector("#events-table tbody");
  let data;
  try { data = await apiJSON("/api/events?" + q); } catch (e) {
    body.replaceChildren(el("tr")); body.firstChild.appendChild(el("td", e.message, { class: "error", colspan: String(tableColumns().length) }));
    return;
  }
  body.replaceChildren();
  for (const ev of data.events) {
    const tr = el("tr", null, { "data-id": String(ev.id) });
    for (const [field] of tableColumns()) {
      const numeric = ["id", "fatalities", "fatalities_high", "injured", "abducted", "confidence", "latitude", "longitude"];
      const td = el("td", null, numeric.includes(field) ? { class: "num" } : field === "notes" ? { class: "notes" } : {});
      if (field === "id") {
        const a = el("a", ev.id, { href: "?event=" + ev.id });
        a.addEventListener("click", (e) => { e.preventDefault(); showEvent(ev.id); });
        td.appendChild(a);
      } else td.textContent = ev[field] ?? "";
      tr.appendChild(td);
    }
    tr.addEventListener("click", (e) => { if (e.target.tagName !== "A") showEvent(ev.id); });
    body.appendChild(tr);
  }
  if (!data.events.length) { body.appendChild(el("tr")).appendChild(el("td", "0 events in view", { colspan: String(tableColumns().length) })); }
  table.cursors[table.page + 1] = data.next_cursor;
  document.getElementById("table-prev").disabled = table.page === 0;
  document.getElementById("table-next").disabled = !data.next_cursor;
  document.getElementById("table-page").textContent = `page ${table.page + 1}`;
}

function showTable(on) {
  table.on = on;
  const toggle = document.getElementById("table-toggle");
  toggle.setAttribute("aria-pressed", String(on));
  toggle.textContent = on ? "Map" : "Table";
  document.querySelector("main").classList.toggle("table", on);
  document.getElementById("table-view").hidden = !on;
  if (on) { table.bbox = viewBox(); table.cursors = [null]; table.page = 0; renderTable(); }
  else map.invalidateSize();
}
document.getElementById("table-toggle").addEventListener("click", () => showTable(!table.on));
const everyField = document.getElementById("table-fields");
everyField.addEventListener("click", () => {
  table.every = !table.every;
  everyField.setAttribute("aria-pressed", String(table.every));
  renderTable();
});
document.getElementById("table-next").addEventListener("click", () => { table.page += 1; renderTable(); });
document.getElementById("table-prev").addEventListener("click", () => { table.page = Math.max(0, table.page - 1); renderTable(); });

// -- countries for the filter ----------------------------------------------------------------
function loadCountries() {
  apiJSON("/api/stats?by=country").then((data) => {
    const list = document.getElementById("countries");
    list.replaceChildren();
    for (const r of data.rows) if (r.key) list.appendChild(new Option(r.key, r.key));
  }).catch(() => {});
}

drawLegend(document.getElementById("legend"));
bindExport(document.getElementById("csv"), document.getElementById("export-status"));
bindTimeline(document.getElementById("timeline"));
const measureButton = document.getElementById("timeline-measure");
measureButton.addEventListener("click", () => {
  timelineMeasure = timelineMeasure === "events" ? "fatalities" : "events";
  measureButton.setAttribute("aria-pressed", String(timelineMeasure === "fatalities"));
  if (tl.data) showTimeline(tl.data);
});
document.getElementById("timeline-reset").addEventListener("click", () => {
  form.elements.since.value = ""; form.elements.until.value = "";
  load({ push: true });
});
form.addEventListener("submit", (e) => { e.preventDefault(); load({ push: true }); });
document.getElementById("reset").addEventListener("click", () => { restoreForm(new URLSearchParams()); load({ push: true }); });
// Back and Forward: the form, the map and the timeline return to that step's filters
window.addEventListener("popstate", () => {
  const p = new URLSearchParams(location.search);
  restoreForm(p);
  load();
  const wanted = p.get("event");
  if (wanted && /^\d+$/.test(wanted)) showEvent(wanted);
});
const filtersToggle = document.getElementById("filters-toggle");
filtersToggle.addEventListener("click", () => {
  const open = document.querySelector("header").classList.toggle("open");
  filtersToggle.setAttribute("aria-expanded", String(open));
});
document.getElementById("queue-link").addEventListener("click", (e) => { e.preventDefault(); showQueue(); });
document.getElementById("trends-link").addEventListener("click", (e) => { e.preventDefault(); showTrends(); });
document.getElementById("charts-link").addEventListener("click", (e) => { e.preventDefault(); showCharts(); });
document.getElementById("alerts-link").addEventListener("click", (e) => { e.preventDefault(); showAlerts(); });
document.getElementById("account-link").addEventListener("click", (e) => { e.preventDefault(); showAccount(); });
fetch("/api/me").then(async (r) => {
  me = r.ok ? await r.json() : null;
  showUser();
  base.loadCountries();
  load().catch(() => {});
  if (me) loadCountries();
  const wanted = params.get("event");
  if (wanted && /^\d+$/.test(wanted)) showEvent(wanted);
}).catch(() => { showUser(); setStatus(UNREACHABLE, true); });

// sitrep map page: everything comes from the JSON API; all text is inserted as text, never HTML.
"use strict";

const COLORS = {
  "Battles": "#d9534f", "Explosions/Remote violence": "#f0ad4e",
  "Violence against civilians": "#8e44ad", "Protests": "#3b8ed0", "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const params = new URLSearchParams(location.search);
const form = document.getElementById("filters");
for (const [k, v] of params) { if (form.elements[k]) form.elements[k].value = v; }

const map = L.map("map").setView([33.3, 43.5], 6);
let tiles = null;  // the tile URL template of `sitrep serve --tiles` (never from the page's URL)
fetch("/api/config").then(r => r.json()).then(cfg => {
  tiles = cfg.tiles;
  if (tiles) { L.tileLayer(tiles, { maxZoom: 18 }).addTo(map); provinces.setStyle({ fillOpacity: 0 }); }
});
map.createPane("boundaries");  // under the event markers, above any tiles
map.getPane("boundaries").style.zIndex = 250;
const provinces = L.geoJSON(null, { pane: "boundaries", interactive: false,
  style: () => ({ color: "#8a9aa8", weight: 1, fillColor: "#f4f1ea", fillOpacity: tiles ? 0 : 1 }) }).addTo(map);
const points = L.layerGroup().addTo(map);

function query(extra) {
  const q = new URLSearchParams();
  for (const el of form.elements) { if (el.name && el.value) q.set(el.name, el.value); }
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
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

async function api(url, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (opts.method && opts.method !== "GET") opts.headers["X-CSRF-Token"] = csrf();
  if (opts.json !== undefined) { opts.body = JSON.stringify(opts.json); opts.headers["Content-Type"] = "application/json"; }
  const r = await fetch(url, opts);
  if (r.status === 401) { showLogin(); throw new Error("login needed"); }
  return r;
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
  if (message) f.appendChild(el("p", message, { class: "error" }));
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await fetch("/api/login", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: f.elements.name.value, password: f.elements.password.value }) });
    if (!r.ok) { showLogin((await r.json()).detail); return; }
    me = await r.json();
    panel.replaceChildren(el("p", `Logged in as ${me.name} (${me.role}).`, { class: "hint" }));
    load();
  });
  panel.appendChild(f);
}

let features = [];
const CLUSTER_PX = 36;

function draw() {
  // markers closer than CLUSTER_PX on screen become one bubble with their count
  points.clearLayers();
  const cells = new Map();
  for (const f of features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    if (p.cluster) { cells.set("s" + cells.size, { lat, lon, count: p.count, server: true }); continue; }
    const pt = map.latLngToLayerPoint([lat, lon]);
    const key = Math.floor(pt.x / CLUSTER_PX) + ":" + Math.floor(pt.y / CLUSTER_PX);
    const c = cells.get(key) || { lat: 0, lon: 0, count: 0, items: [] };
    c.lat += lat; c.lon += lon; c.count += 1; c.items.push(f);
    cells.set(key, c);
  }
  for (const c of cells.values()) {
    if (!c.server && c.count === 1) {
      const p = c.items[0].properties;
      const r = 5 + Math.min(14, Math.sqrt(p.fatalities || 0) * 2);
      L.circleMarker([c.lat, c.lon], { radius: r, color: "#222", weight: 1, fillColor: COLORS[p.event_type] || "#555",
        fillOpacity: .85, className: "ev-marker" }).on("click", () => showEvent(p.id)).addTo(points);
      continue;
    }
    const lat = c.server ? c.lat : c.lat / c.count, lon = c.server ? c.lon : c.lon / c.count;
    const icon = L.divIcon({ className: "cluster", html: "", iconSize: [34, 34] });
    const m = L.marker([lat, lon], { icon }).on("click", () => map.setView([lat, lon], map.getZoom() + 2));
    m.on("add", () => { m.getElement().textContent = String(c.count); });
    m.addTo(points);
  }
}
map.on("zoomend", draw);

async function load() {
  const q = query();
  history.replaceState(null, "", "?" + q.toString());
  document.getElementById("csv").href = "/api/events.csv?" + q.toString();
  const data = await (await api("/api/events.geojson?" + q + "&zoom=" + map.getZoom())).json();
  features = data.features;
  const countries = new Set();
  const bounds = [];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    bounds.push([lat, lon]);
    if (f.properties.iso) countries.add(f.properties.iso);
  }
  draw();
  if (countries.size) {
    const prov = await (await api("/api/provinces.geojson?country=" + [...countries].join(","))).json();
    provinces.clearLayers(); provinces.addData(prov);
  }
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
  draw();
  await timeline(q);
}

let brushStart = null;
let lastDay = null;  // the newest day with events in view: trends are measured there

async function showTrends() {
  const q = query({ by: "admin1" });
  if (lastDay) q.set("as_of", lastDay);
  const data = await (await api("/api/trends?" + q)).json();
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h2", "Trends: this week against the 8 weeks before"));
  const ul = el("ul", null, { id: "trends" });
  for (const t of data.trends) ul.appendChild(el("li", `${t.change}: ${t.summary}`, { class: "trend-" + t.change }));
  if (!data.trends.length) panel.appendChild(el("p", "No events in the weeks measured.", { class: "hint" }));
  panel.appendChild(ul);
}

async function showAlerts() {
  const data = await (await api("/api/alerts")).json();
  const panel = document.getElementById("panel");
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
}

async function timeline(q) {
  const data = await (await api("/api/stats?by=day&" + q)).json();
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const rows = data.rows;
  if (!rows.length) return;
  lastDay = rows[rows.length - 1].key;
  const max = Math.max(...rows.map(r => r.events));
  const w = 1000 / rows.length;
  svg.setAttribute("viewBox", "0 0 1000 70");
  rows.forEach((r, i) => {
    const h = 65 * r.events / max;
    const rect = el("title", `${r.key}: ${r.events} events, ${r.fatalities} fatalities`);
    const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    bar.setAttribute("x", i * w + 1); bar.setAttribute("y", 70 - h);
    bar.setAttribute("width", Math.max(1, w - 2)); bar.setAttribute("height", h);
    bar.dataset.day = r.key;
    bar.appendChild(rect);
    bar.addEventListener("mousedown", (e) => { e.preventDefault(); brushStart = r.key; });
    bar.addEventListener("mouseup", () => {  // brushing days (press, drag, release) filters the map
      if (!brushStart) return;
      const [a, b] = [brushStart, r.key].sort();
      brushStart = null;
      form.elements.since.value = a; form.elements.until.value = b; load();
    });
    svg.appendChild(bar);
  });
}

async function showEvent(id) {
  const ev = await (await api("/api/events/" + id)).json();
  const panel = document.getElementById("panel");
  panel.replaceChildren();
  panel.appendChild(el("h2", `${ev.sub_event_type} · ${ev.event_date || "undated"}`));
  panel.appendChild(el("p", `event ${ev.id}`, { class: "hint" }));
  const dl = el("dl");
  for (const k of ["event_type", "actor1", "actor2", "location", "admin1", "country", "fatalities",
                   "time_precision", "geo_precision", "confidence", "review_status"]) {
    dl.appendChild(el("dt", k.replace("_", " "))); dl.appendChild(el("dd", ev[k] ?? ""));
  }
  panel.appendChild(dl);
  panel.appendChild(el("p", ev.notes));
  const seen = new Set();
  for (const e of ev.evidence || []) {
    if (e.field !== "event_type" || seen.has(e.text)) continue;
    seen.add(e.text);
    panel.appendChild(el("blockquote", e.text));
  }
  for (const s of ev.sources || []) {
    const p = el("p");
    p.appendChild(el("strong", s.source || "source"));
    p.appendChild(document.createTextNode(" · " + (s.published || "") + " · "));
    p.appendChild(el("span", s.title));
    panel.appendChild(p);
  }
  const link = el("a", "Read the article with the evidence marked", { href: "#" });
  link.addEventListener("click", (e) => { e.preventDefault(); showArticle(ev); });
  panel.appendChild(el("p")).appendChild(link);
  if (me && (me.role === "analyst" || me.role === "admin")) reviewControls(panel, ev);
  const hist = await (await api(`/api/events/${ev.id}/history`)).json();
  if (hist.history.length) {
    panel.appendChild(el("h3", "History"));
    const ul = el("ul", null, { id: "history" });
    for (const h of hist.history) {
      const changes = Object.entries(h.changes).map(([k, [a, b]]) => `${k}: ${a} → ${b}`).join("; ");
      ul.appendChild(el("li", `${h.at.slice(0, 16).replace("T", " ")} ${h.user_name} ${h.action}: ${changes}`));
    }
    panel.appendChild(ul);
  }
}

async function showArticle(ev) {
  const art = await (await api("/api/articles/" + encodeURIComponent(ev.article_id))).json();
  const panel = document.getElementById("panel");
  panel.replaceChildren();
  const back = el("a", "← back to the event", { href: "#" });
  back.addEventListener("click", (e) => { e.preventDefault(); showEvent(ev.id); });
  panel.appendChild(el("p")).appendChild(back);
  panel.appendChild(el("h2", art.title || art.id));
  panel.appendChild(el("p", `${art.source || ""} · ${art.published || ""}`, { class: "hint" }));
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

async function showQueue() {
  const q = query({ sort: "confidence", review_status: "unreviewed", limit: 50 });
  const data = await (await api("/api/events?" + q)).json();
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h2", "Review queue (least confident first)"));
  const ol = el("ol", null, { id: "queue" });
  for (const e of data.events) {
    const li = el("li");
    const a = el("a", `${e.event_date || "?"} ${e.sub_event_type} · ${e.location || e.country} (${e.confidence})`, { href: "#" });
    a.addEventListener("click", (ev) => { ev.preventDefault(); showEvent(e.id); });
    li.appendChild(a);
    ol.appendChild(li);
  }
  panel.appendChild(ol);
}

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

function reviewControls(panel, ev) {
  const f = el("form", null, { id: "review" });
  f.appendChild(el("h3", "Review"));
  const sel = el("select", null, { name: "sub_event_type" });
  for (const subs of Object.values(SUB_TYPES)) for (const s of subs) {
    const o = el("option", s, { value: s }); if (s === ev.sub_event_type) o.selected = true; sel.appendChild(o);
  }
  f.appendChild(el("label", "sub-event type ")).appendChild(sel);
  f.appendChild(el("br"));
  f.appendChild(el("label", "fatalities ")).appendChild(el("input", null, { name: "fatalities", type: "number", min: "0", value: ev.fatalities }));
  f.appendChild(el("br"));
  f.appendChild(el("label", "location ")).appendChild(el("input", null, { name: "location", value: ev.location || "" }));
  f.appendChild(el("br"));
  f.appendChild(el("button", "Save", { type: "submit", name: "save" }));
  const accept = el("button", "Accept", { type: "button", name: "accept" });
  const reject = el("button", "Reject", { type: "button", name: "reject" });
  f.appendChild(accept); f.appendChild(reject);
  const split = el("button", "Split", { type: "button", name: "split", title: "the report tells two events" });
  f.appendChild(split);
  const mergeRow = el("div");
  const other = el("input", null, { name: "other", type: "number", min: "1", placeholder: "event id", size: "6" });
  const merge = el("button", "Merge into this", { type: "button", name: "merge" });
  mergeRow.appendChild(el("label", "duplicate ")).appendChild(other);
  mergeRow.appendChild(merge);
  f.appendChild(mergeRow);
  const status = el("p", "", { class: "hint", id: "review-status" });
  f.appendChild(status);
  split.addEventListener("click", async () => {
    const r = await api(`/api/events/${ev.id}/split`, { method: "POST", json: {} });
    if (r.ok) { const d = await r.json(); status.textContent = `Split off event ${d.new_event.id}.`; load(); }
    else status.textContent = (await r.json()).detail;
  });
  merge.addEventListener("click", async () => {
    const r = await api(`/api/events/${ev.id}/merge`, { method: "POST", json: { other: parseInt(other.value, 10) } });
    status.textContent = r.ok ? `Merged event ${other.value} into this one.` : String((await r.json()).detail);
    if (r.ok) { load(); showEvent(ev.id); }
  });
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = { sub_event_type: sel.value, fatalities: parseInt(f.elements.fatalities.value, 10),
                      location: f.elements.location.value };
    const r = await api(`/api/events/${ev.id}`, { method: "PATCH", json: changes });
    status.textContent = r.ok ? "Saved." : (await r.json()).detail;
    if (r.ok) showEvent(ev.id);
  });
  for (const [b, action] of [[accept, "accept"], [reject, "reject"]]) {
    b.addEventListener("click", async () => {
      const r = await api(`/api/events/${ev.id}/review`, { method: "POST", json: { action } });
      status.textContent = r.ok ? `Marked ${action}ed.` : (await r.json()).detail;
      if (r.ok) showEvent(ev.id);
    });
  }
  panel.appendChild(f);
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
    const r = await api("/api/me/password", { method: "POST", json: { current: f.elements.current.value, new: f.elements.new.value } });
    if (!r.ok) { showAccount((await r.json()).detail); return; }
    showAccount("Password changed; your other sessions and API tokens have ended.", true);
  });
  panel.appendChild(f);
}

const legend = document.getElementById("legend");
for (const [name, color] of Object.entries(COLORS)) {
  const s = el("span", name); s.style.setProperty("--c", color); legend.appendChild(s);
}
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
document.getElementById("queue-link").addEventListener("click", (e) => { e.preventDefault(); showQueue(); });
document.getElementById("trends-link").addEventListener("click", (e) => { e.preventDefault(); showTrends(); });
document.getElementById("alerts-link").addEventListener("click", (e) => { e.preventDefault(); showAlerts(); });
document.getElementById("account-link").addEventListener("click", (e) => { e.preventDefault(); showAccount(); });
fetch("/api/me").then(async (r) => { me = r.ok ? await r.json() : null; load().catch(() => {}); });

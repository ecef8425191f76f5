// Charts of the current view in the panel: events and fatalities by event type, province and
// actor, from /api/stats. Each bar is a button: choosing it adds that filter.
// Depends on symbols.js (typeSymbol, symbolOf).
"use strict";

const CHARTS = [  // [stats "by", heading, filter it sets, bars shown]
  ["type", "By event type", "type", 6],
  ["admin1", "By province", "admin1", 12],
  ["actor", "By actor (actor 1)", "actor", 12],
];

// one chart: an ordered list of buttons, each a label, a bar as long as its share and its numbers
function barChart(by, heading, rows, measure, onPick) {
  const box = document.createElement("section");
  box.className = "chart";
  box.dataset.by = by;
  const h = document.createElement("h3");
  h.textContent = heading;
  box.appendChild(h);
  const list = document.createElement("ol");
  const max = Math.max(1, ...rows.map(r => r[measure]));
  for (const r of rows) {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.key = r.key;
    const label = document.createElement("span");
    label.className = "chart-label";
    if (by === "type") label.appendChild(typeSymbol(r.key, 11));
    label.appendChild(document.createTextNode(" " + (r.key || "(none)")));
    const track = document.createElement("span");
    track.className = "chart-track";
    const bar = document.createElement("span");
    bar.className = "chart-bar";
    bar.style.width = (100 * r[measure] / max).toFixed(1) + "%";  // CSSOM: allowed by the page's policy
    if (by === "type") bar.style.background = symbolOf(r.key)[0];
    track.appendChild(bar);
    const value = document.createElement("span");
    value.className = "chart-value";
    value.textContent = `${r.events.toLocaleString("en")} events · ${r.fatalities.toLocaleString("en")} fatalities`;
    b.append(label, track, value);
    b.setAttribute("aria-label", `${r.key || "(none)"}: ${value.textContent}; show only these`);
    if (r.key) b.addEventListener("click", () => onPick(r.key));
    else b.disabled = true;
    list.appendChild(document.createElement("li")).appendChild(b);
  }
  if (!rows.length) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = "No events.";
    box.appendChild(p);
  }
  box.appendChild(list);
  return box;
}

// Event-type symbols shared by the map, the timeline and the legend: Okabe-Ito colours (told
// apart with the common colour blindnesses, as in the situation reports' figures) and a shape
// of its own for each type, so that type is never shown by colour alone.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

const TYPE_SYMBOLS = {  // [colour, shape]
  "Battles": ["#D55E00", "circle"],
  "Explosions/Remote violence": ["#E69F00", "star"],
  "Violence against civilians": ["#CC79A7", "triangle"],
  "Protests": ["#0072B2", "square"],
  "Riots": ["#56B4E9", "diamond"],
  "Strategic developments": ["#009E73", "hexagon"],
};
const OTHER_SYMBOL = ["#777777", "circle"];
const COLORS = Object.fromEntries(Object.entries(TYPE_SYMBOLS).map(([t, [c]]) => [t, c]));

// each shape as an SVG path in a 20 x 20 box centred on (10, 10)
function polygon(n, outer, inner, turn) {
  const pts = [];
  const count = inner ? n * 2 : n;
  for (let i = 0; i < count; i++) {
    const r = inner && i % 2 ? inner : outer;
    const a = turn + i * 2 * Math.PI / count;
    pts.push(`${(10 + r * Math.cos(a)).toFixed(2)},${(10 + r * Math.sin(a)).toFixed(2)}`);
  }
  return "M" + pts.join("L") + "Z";
}
const SHAPES = {
  circle: "M10,2A8,8 0 1,1 9.99,2Z",
  square: "M3,3H17V17H3Z",
  triangle: polygon(3, 9.5, 0, -Math.PI / 2).replace(/Z$/, "Z"),
  diamond: polygon(4, 9, 0, -Math.PI / 2),
  hexagon: polygon(6, 8.5, 0, 0),
  star: polygon(5, 9.5, 4.2, -Math.PI / 2),
};

function symbolOf(type) { return TYPE_SYMBOLS[type] || OTHER_SYMBOL; }

// an <svg> of the type's symbol, `size` pixels across
function typeSymbol(type, size) {
  const [color, shape] = symbolOf(type);
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", SHAPES[shape]);
  path.setAttribute("fill", color);
  path.setAttribute("stroke", "#1d2630");
  path.setAttribute("stroke-width", "1.3");
  path.setAttribute("data-shape", shape);
  svg.appendChild(path);
  return svg;
}

// the legend: each type's symbol and name
function drawLegend(box) {
  box.replaceChildren();
  for (const type of Object.keys(TYPE_SYMBOLS)) {
    const item = document.createElement("span");
    item.className = "legend-item";
    item.dataset.type = type;
    item.appendChild(typeSymbol(type, 14));
    item.appendChild(document.createTextNode(" " + type));
    box.appendChild(item);
  }
}

// a cluster's ring: one arc per event type, as long as its share of the cluster's events
function typeRing(counts, size) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "ring");
  const r = size / 2 - 2.5, round = 2 * Math.PI * r;
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  let done = 0;
  for (const type of [...Object.keys(TYPE_SYMBOLS), "Other"]) {
    if (!counts[type]) continue;
    const arc = document.createElementNS(SVG_NS, "circle");
    const length = round * counts[type] / total;
    for (const [k, v] of Object.entries({ cx: size / 2, cy: size / 2, r, fill: "none", stroke: symbolOf(type)[0],
      "stroke-width": 4, "stroke-dasharray": `${length} ${round - length}`, "stroke-dashoffset": String(-done),
      transform: `rotate(-90 ${size / 2} ${size / 2})`, "data-type": type, "data-count": counts[type] })) {
      arc.setAttribute(k, v);
    }
    svg.appendChild(arc);
    done += length;
  }
  return svg;
}

// The offline basemap under the events: every country's outline (/api/countries.geojson) as
// land (drawn on canvas tiles), the provinces of the countries with events, and their names as labels (countries when
// there is room for the name, provinces from zoom 7). With a tile server the land is left
// unfilled and only the lines and names are drawn over the tiles.
"use strict";

const PROVINCE_LABEL_ZOOM = 7;

function placeLabel(lat, lon, name, kind) {
  const text = document.createElement("span");
  text.textContent = name;
  return L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
    icon: L.divIcon({ className: "place-label " + kind, html: text, iconSize: null }) });
}

// Spherical Mercator at zoom 0 (a 256-pixel world), as Leaflet's default projection
function worldPixel(lon, lat) {
  const y = Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI / 180;
  return [256 * (lon + 180) / 360, 256 * (0.5 - Math.log(Math.tan(Math.PI / 4 + y / 2)) / (2 * Math.PI))];
}

// the countries as canvas tiles drawn here from outlines kept in this closure: quick to pan and
// zoom (each tile is drawn once), and the map's own objects stay small. Each tile is drawn in a
// task of its own, so the page's answers (markers, counter, timeline) are not held up behind
// the whole map's land; a drawn tile has data-drawn.
function countryLayer(pane) {
  let shapes = [];  // {box: [x0, y0, x1, y1], rings: [Float64Array of x, y, ...]} in zoom-0 pixels
  let filled = true;
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const size = this.getTileSize();
      const tile = document.createElement("canvas");
      tile.width = size.x; tile.height = size.y;
      setTimeout(() => { this.drawTile(tile, coords, size); tile.dataset.drawn = "1"; done(null, tile); }, 0);
      return tile;
    },
    drawTile(tile, coords, size) {
      const ctx = tile.getContext("2d");
      const scale = 2 ** coords.z, ox = coords.x * size.x, oy = coords.y * size.y, pad = 2 / scale;
      const [left, top, right, bottom] = [ox / scale - pad, oy / scale - pad, (ox + size.x) / scale + pad, (oy + size.y) / scale + pad];
      ctx.fillStyle = "#f4f1ea"; ctx.strokeStyle = "#8c857a"; ctx.lineWidth = 1.2; ctx.lineJoin = "round";
      for (const s of shapes) {
        if (s.box[0] > right || s.box[2] < left || s.box[1] > bottom || s.box[3] < top) continue;
        ctx.beginPath();
        for (const ring of s.rings) {
          for (let i = 0; i < ring.length; i += 2) {
            const x = ring[i] * scale - ox, y = ring[i + 1] * scale - oy;
            if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
          }
          ctx.closePath();
        }
        if (filled) ctx.fill("evenodd");
        ctx.stroke();
      }
    },
  });
  const layer = new Layer({ pane, updateWhenZooming: false, keepBuffer: 4 });
  layer.setShapes = (features) => {
    shapes = features.map((f) => {
      const g = f.geometry;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      const rings = polygons.flat().map((ring) => {  // filled in place: no array per point
        const xy = new Float64Array(ring.length * 2);
        ring.forEach(([lon, lat], i) => { [xy[2 * i], xy[2 * i + 1]] = worldPixel(lon, lat); });
        return xy;
      });
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const r of rings) {
        for (let i = 0; i < r.length; i += 2) {
          box[0] = Math.min(box[0], r[i]); box[1] = Math.min(box[1], r[i + 1]);
          box[2] = Math.max(box[2], r[i]); box[3] = Math.max(box[3], r[i + 1]);
        }
      }
      return { box, rings };
    });
    layer.redraw();
  };
  layer.setFilled = (on) => { filled = on; layer.redraw(); };
  return layer;
}

function basemap(map) {
  const pane = (name, z) => { map.createPane(name); map.getPane(name).style.zIndex = z; };
  pane("countries", 240);  // above any tiles, under the provinces and the markers
  pane("boundaries", 250);
  pane("labels", 450);  // over the markers' shadows, under the markers
  map.getPane("labels").style.pointerEvents = "none";
  const countries = countryLayer("countries").addTo(map);
  const provinces = L.geoJSON(null, { pane: "boundaries", interactive: false,
    style: () => ({ color: "#a3b0bc", weight: 0.8, fill: false }) }).addTo(map);
  const labels = L.layerGroup().addTo(map);
  let countryRows = [], provinceRows = [];

  function drawLabels() {
    labels.clearLayers();
    const z = map.getZoom(), view = map.getBounds().pad(0.1);
    for (const p of countryRows) {  // a country's name where its widest part has room for it
      const [west, , east] = p.bbox;
      const room = map.project([0, east], z).x - map.project([0, west], z).x;
      if (room >= p.name.length * 7 + 10 && view.contains([p.lat, p.lon])) {
        placeLabel(p.lat, p.lon, p.name, "country-label").addTo(labels);
      }
    }
    if (z < PROVINCE_LABEL_ZOOM) return;
    for (const p of provinceRows) {
      if (p.lat !== undefined && view.contains([p.lat, p.lon])) placeLabel(p.lat, p.lon, p.name, "province-label").addTo(labels);
    }
  }
  map.on("moveend", drawLabels);

  return {
    loadCountries() {  // at the start, and again after a login if reads needed one
      if (countryRows.length) return;
      fetch("/api/countries.geojson").then(r => (r.ok ? r.json() : null)).then(data => {
        if (!data || countryRows.length) return;
        countries.setShapes(data.features);
        countryRows = data.features.map(f => f.properties);
        drawLabels();
      }).catch(() => {});
    },
    setProvinces(data) {
      provinces.clearLayers();
      provinces.addData(data);
      provinceRows = data.features.map(f => f.properties);
      drawLabels();
    },
    overTiles() { countries.setFilled(false); },
  };
}

// The offline basemap under the events: every country's outline (/api/countries.geojson) as
// land, the provinces of the countries with events, and their names as labels (countries when
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

function basemap(map) {
  const pane = (name, z) => { map.createPane(name); map.getPane(name).style.zIndex = z; };
  pane("countries", 240);  // above any tiles, under the provinces and the markers
  pane("boundaries", 250);
  pane("labels", 450);  // over the markers' shadows, under the markers
  map.getPane("labels").style.pointerEvents = "none";
  let filled = true;
  const countries = L.geoJSON(null, { pane: "countries", interactive: false,
    style: () => ({ color: "#8c857a", weight: 1.2, fillColor: "#f4f1ea", fillOpacity: filled ? 1 : 0 }) }).addTo(map);
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
        countries.addData(data);
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
    overTiles() { filled = false; countries.setStyle({ fillOpacity: 0 }); },
  };
}

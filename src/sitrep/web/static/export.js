// The CSV export with its progress: the streamed answer is read here, its rows counted as they
// come ("Exporting CSV… 12,345 rows, 3.2 MB"), then saved as a file; Cancel stops it. The link
// keeps its address, so it also works opened or saved directly.
// Uses errorWords() and UNREACHABLE of map.js when called.
"use strict";

function sizeWords(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

// CSV records in a piece of text (newlines outside quotes), carrying the quote state along
function countRecords(text, state) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) state.quoted = !state.quoted;
    else if (c === 10 && !state.quoted) state.records++;
  }
}

function bindExport(link, box) {
  let running = null;
  const say = (text, error) => {
    box.replaceChildren(document.createTextNode(text));
    box.className = error ? "error" : "";
  };
  link.addEventListener("click", async (e) => {
    e.preventDefault();
    if (running) running.abort();
    const controller = new AbortController();
    running = controller;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.id = "export-cancel";
    cancel.textContent = "Cancel";
    cancel.addEventListener("click", () => controller.abort());
    const progress = (text) => { say(text); box.appendChild(document.createTextNode(" ")); box.appendChild(cancel); };
    progress("Exporting CSV… 0 rows");
    const state = { quoted: false, records: 0 };
    const parts = [];
    let bytes = 0, shown = 0;
    try {
      let r;
      try { r = await fetch(link.href, { signal: controller.signal }); }
      catch (exc) { if (exc.name === "AbortError") throw exc; say(UNREACHABLE, true); return; }
      if (!r.ok) { say(await errorWords(r), true); return; }
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.length;
        countRecords(decoder.decode(value, { stream: true }), state);
        if (performance.now() - shown > 200) {
          shown = performance.now();
          progress(`Exporting CSV… ${Math.max(0, state.records - 1).toLocaleString("en")} rows, ${sizeWords(bytes)}`);
        }
      }
      const rows = Math.max(0, state.records - 1);  // less the header
      const file = URL.createObjectURL(new Blob(parts, { type: "text/csv" }));
      const save = document.createElement("a");
      save.href = file;
      save.download = "sitrep-events.csv";
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(file), 60000);
      const cap = r.headers.get("X-Row-Cap");
      say(`Exported ${rows.toLocaleString("en")} rows (${sizeWords(bytes)}) as sitrep-events.csv.` +
        (cap && r.headers.get("X-Next-Cursor") ? ` Only the first ${Number(cap).toLocaleString("en")}: ` +
          "a viewer's export is limited; an analyst's is not." : ""));
    } catch (exc) {
      if (exc.name === "AbortError") say("Export cancelled.");
      else say(exc.message || String(exc), true);
    } finally {
      if (running === controller) running = null;
    }
  });
}

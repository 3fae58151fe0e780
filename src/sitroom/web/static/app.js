/* sitroom page: map, time slider, filters in the URL, event list, evidence, report.
   Every string that comes from an article is put in the page with textContent, never as HTML. */
"use strict";

const TYPE_STYLE = {
  territory_captured: ["#c0392b", "square"], territory_surrendered: ["#e74c3c", "diamond"],
  withdrawal: ["#922b21", "circle"], armed_clash: ["#a04000", "diamond"], attack: ["#d35400", "square"],
  air_strike: ["#6c3483", "diamond"], troop_deployment: ["#2471a3", "square"], evacuation: ["#b9770e", "circle"],
  appeal: ["#1e8449", "circle"], threat: ["#7d6608", "diamond"], rejection: ["#566573", "square"],
  meeting: ["#117a65", "circle"], agreement: ["#148f77", "square"], displacement: ["#7d3c98", "circle"],
  casualties: ["#000000", "diamond"], protest: ["#5d6d7e", "circle"], arrest: ["#34495e", "square"],
};
const CONTROL_COLOURS = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000"];
const state = { days: [], events: [], filters: {}, day: null, timer: null, controlLayer: null, markerLayer: null,
  controllers: {} };

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
}

function readURL() {
  const q = new URLSearchParams(location.search);
  for (const k of ["type", "actor", "country", "certainty"]) state.filters[k] = q.get(k) || "";
  state.day = q.get("day");
}

function writeURL() {
  const params = { ...state.filters, day: state.day };
  history.replaceState(null, "", "?" + query(params));
}

const map = L.map("map", { worldCopyJump: true }).setView([30, 40], 3);
const online = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  { attribution: "© OpenStreetMap contributors", maxZoom: 12 });

async function initMap() {
  const world = await getJSON("/api/world");
  const base = L.geoJSON(world, { style: { color: "#95a5a6", weight: 0.7, fillColor: "#fdfefe", fillOpacity: 1 } }).addTo(map);
  L.control.layers({ "Offline outlines": base, "Online map (needs internet)": online }, {}).addTo(map);
  state.markerLayer = L.layerGroup().addTo(map);
  state.controlLayer = L.layerGroup().addTo(map);
  map.on("zoomend", drawMarkers);
}

async function initFilters() {
  const meta = await getJSON("/api/meta");
  const fill = (id, values) => {
    const sel = document.getElementById(id);
    for (const v of values) { const o = el("option", v); o.value = v; sel.appendChild(o); }
  };
  fill("f-type", meta.event_types); fill("f-actor", meta.actors); fill("f-country", meta.countries);
  fill("f-certainty", meta.certainties);
  for (const [k, id] of [["type", "f-type"], ["actor", "f-actor"], ["country", "f-country"], ["certainty", "f-certainty"]]) {
    const sel = document.getElementById(id);
    sel.value = state.filters[k] || "";
    sel.addEventListener("change", () => { state.filters[k] = sel.value; writeURL(); refresh(); });
  }
  if (meta.first_day) {
    const days = [];
    for (let d = new Date(meta.first_day + "T00:00:00Z"); d <= new Date(meta.last_day + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1))
      days.push(d.toISOString().slice(0, 10));
    state.days = days;
  }
  const slider = document.getElementById("slider");
  slider.max = Math.max(0, state.days.length - 1);
  const at = state.day && state.days.includes(state.day) ? state.days.indexOf(state.day) : state.days.length - 1;
  slider.value = Math.max(0, at);
  state.day = state.days[slider.value] || null;
  slider.addEventListener("input", () => { state.day = state.days[slider.value]; writeURL(); refresh(); });
  document.getElementById("play").addEventListener("click", togglePlay);
}

function togglePlay() {
  const btn = document.getElementById("play");
  if (state.timer) { clearInterval(state.timer); state.timer = null; btn.textContent = "▶"; return; }
  const slider = document.getElementById("slider");
  if (Number(slider.value) >= Number(slider.max)) slider.value = 0;
  btn.textContent = "⏸";
  state.timer = setInterval(() => {
    if (Number(slider.value) >= Number(slider.max)) { togglePlay(); return; }
    slider.value = Number(slider.value) + 1;
    state.day = state.days[slider.value]; writeURL(); refresh();
  }, 700);
}

async function refresh() {
  document.getElementById("day-label").textContent = state.day || "";
  const params = { ...state.filters, until: state.day, limit: 1000 };
  const [events, control] = await Promise.all([
    getJSON("/api/events?" + query(params)),
    getJSON("/api/control?" + query({ at: state.day, country: state.filters.country })),
  ]);
  state.events = events.items;
  drawMarkers(); drawControl(control); drawList(); drawReport();
}

function markerIcon(type) {
  const [colour, shape] = TYPE_STYLE[type] || ["#555", "circle"];
  return L.divIcon({ className: "", html: `<div class="mk ${shape}" style="background:${colour}"></div>`, iconSize: [14, 14] });
}

function drawMarkers() {
  if (!state.markerLayer) return;
  state.markerLayer.clearLayers();
  const located = state.events.filter(e => e.location && e.location.latitude !== null && e.location.latitude !== undefined);
  const cells = new Map();  // cluster markers closer than 28 px at the current zoom
  for (const e of located) {
    const p = map.latLngToLayerPoint([e.location.latitude, e.location.longitude]);
    const key = `${Math.round(p.x / 28)}:${Math.round(p.y / 28)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(e);
  }
  for (const group of cells.values()) {
    const e = group[0];
    const ll = [e.location.latitude, e.location.longitude];
    if (group.length === 1) {
      const m = L.marker(ll, { icon: markerIcon(e.event_type), title: `${e.event_type} ${e.location.name}` });
      m.on("click", () => showEvent(e.fused_id));
      state.markerLayer.addLayer(m);
    } else {
      const icon = L.divIcon({ className: "", html: `<div class="cluster">${group.length}</div>`, iconSize: [26, 26] });
      const m = L.marker(ll, { icon, title: `${group.length} events` });
      m.on("click", () => map.setView(ll, map.getZoom() + 2));
      state.markerLayer.addLayer(m);
    }
  }
}

function drawControl(fc) {
  state.controlLayer.clearLayers();
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const f of fc.features) {
    const who = f.properties.controller;
    if (!(who in state.controllers)) state.controllers[who] = CONTROL_COLOURS[Object.keys(state.controllers).length % CONTROL_COLOURS.length];
    const [lon, lat] = f.geometry.coordinates;
    const circle = L.circle([lat, lon], { radius: 25000, color: state.controllers[who], fillOpacity: 0.35, weight: 1,
      className: "control-area" });
    circle.bindTooltip(`${f.properties.place}: ${who} since ${f.properties.since}`.replace(/[<>&]/g, ""));
    state.controlLayer.addLayer(circle);
  }
  const seen = new Set(fc.features.map(f => f.properties.controller));
  for (const who of seen) {
    const s = el("span", "■ " + who); s.style.color = state.controllers[who]; legend.appendChild(s);
  }
  legend.dataset.count = String(fc.features.length);
}

function drawList() {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of state.events) {
    const tr = document.createElement("tr");
    tr.dataset.id = e.fused_id;
    for (const v of [e.best_date || "", e.event_type, e.actor1 || "", (e.location || {}).name || "", e.n_sources])
      tr.appendChild(el("td", v));
    tr.addEventListener("click", () => showEvent(e.fused_id));
    body.appendChild(tr);
  }
}

async function drawReport() {
  const box = document.getElementById("report");
  if (box.classList.contains("hidden")) return;
  const since = state.days[0];
  const brief = await getJSON("/api/report?" + query({ since, until: state.day, country: state.filters.country }));
  box.replaceChildren(el("h3", `${brief.title} (${brief.since || ""} to ${brief.until || ""})`));
  for (const sec of brief.sections) {
    box.appendChild(el("h4", sec.heading));
    const ul = el("ul");
    for (const item of sec.items) {
      const li = el("li");
      const a = el("a", item.text); a.href = "#"; a.addEventListener("click", ev => { ev.preventDefault(); showEvent(item.fused_id); });
      li.appendChild(a); li.appendChild(el("span", " " + item.citations.map(n => `[${n}]`).join("")));
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }
  box.appendChild(el("h4", "Sources"));
  const ol = el("ol");
  for (const s of brief.sources) ol.appendChild(el("li", `${s.source || "unknown"}, ${s.published || ""} ${s.title || ""}`));
  box.appendChild(ol);
}

async function showEvent(id) {
  const e = await getJSON("/api/events/" + encodeURIComponent(id));
  const box = document.getElementById("detail");
  box.classList.remove("hidden");
  box.replaceChildren(el("h3", `${e.event_type} — ${(e.location || {}).name || "no place"}`));
  const dl = el("dl");
  const row = (k, v) => { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v === null || v === undefined ? "—" : v)); };
  row("actors", [e.actor1, e.actor2].filter(Boolean).join(" → "));
  row("date", `${e.best_date || "?"} (reports: ${e.date_start || "?"} to ${e.date_end || "?"})`);
  row("number", e.quantity === null ? null : `${e.quantity} ${e.quantity_unit || ""}`);
  row("certainty", e.certainty + (e.denied_by && e.denied_by.length ? `; denied by ${e.denied_by.join(", ")}` : ""));
  row("sources", e.sources.join("; "));
  box.appendChild(dl);
  for (const m of e.mentions) {
    const doc = await getJSON("/api/documents/" + encodeURIComponent(m.doc_id));
    box.appendChild(el("h4", `${doc.source || "unknown"} — ${doc.published || ""} — ${doc.title || ""}`));
    const art = el("div", null, "article");
    const text = doc.text, ev = m.evidence || {};
    art.appendChild(document.createTextNode(text.slice(0, ev.start)));
    const mark = el("mark", text.slice(ev.start, ev.end)); mark.className = "evidence"; art.appendChild(mark);
    art.appendChild(document.createTextNode(text.slice(ev.end)));
    box.appendChild(art);
    mark.scrollIntoView({ block: "nearest" });
  }
}

for (const b of document.querySelectorAll("#tabs button")) {
  b.addEventListener("click", () => {
    for (const x of document.querySelectorAll("#tabs button")) x.classList.toggle("active", x === b);
    document.getElementById("list").classList.toggle("hidden", b.dataset.tab !== "list");
    document.getElementById("report").classList.toggle("hidden", b.dataset.tab !== "report");
    drawReport();
  });
}

(async () => {
  readURL();
  await initMap();
  await initFilters();
  await refresh();
  document.body.dataset.ready = "1";
})();

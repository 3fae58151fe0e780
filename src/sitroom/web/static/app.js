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
const CONTROL_COLOURS = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#2e86c1",
  "#d4ac0d", "#6e2c00", "#1abc9c", "#884ea0"];
const CONTESTED = "#7f8c8d";
const state = { days: [], events: [], filters: {}, day: null, window: "", timer: null, controlLayer: null,
  markerLayer: null, markers: new Map(), selected: null, types: [] };

/* One colour per controller, the same in every session and on every machine: from a hash of the name. */
function colourOf(name) {
  if (name === "contested") return CONTESTED;
  let h = 2166136261;
  for (const ch of name) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return CONTROL_COLOURS[h % CONTROL_COLOURS.length];
}

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
  state.window = q.get("window") || "";
}

function writeURL() {
  const params = { ...state.filters, day: state.day, window: state.window };
  history.replaceState(null, "", "?" + query(params));
}

const map = L.map("map", { worldCopyJump: true, maxZoom: 12 }).setView([30, 40], 3);
const online = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  { attribution: "© OpenStreetMap contributors", maxZoom: 12 });

async function initMap() {
  const world = await getJSON("/api/world");
  const base = L.geoJSON(world, { style: { color: "#95a5a6", weight: 0.7, fillColor: "#fdfefe", fillOpacity: 1 } }).addTo(map);
  L.control.layers({ "Offline outlines": base, "Online map (needs internet)": online }, {}).addTo(map);
  state.markerLayer = L.markerClusterGroup({
    removeOutsideVisibleBounds: false, maxClusterRadius: 28, showCoverageOnHover: false,
    iconCreateFunction: c => L.divIcon({ className: "", html: `<div class="cluster">${c.getChildCount()}</div>`,
                                         iconSize: [26, 26] }),
  }).addTo(map);
  state.controlLayer = L.layerGroup().addTo(map);
  map.on("zoomend moveend", declutterLabels);
}

async function initFilters() {
  const meta = await getJSON("/api/meta");
  state.types = meta.event_types;
  const fill = (id, values) => {
    const sel = document.getElementById(id);
    for (const v of values) { const o = el("option", v); o.value = v; sel.appendChild(o); }
  };
  fill("f-type", meta.event_types); fill("f-actor", meta.actors); fill("f-country", meta.countries);
  fill("f-certainty", meta.certainties);
  for (const [k, id] of [["type", "f-type"], ["actor", "f-actor"], ["country", "f-country"], ["certainty", "f-certainty"]]) {
    const sel = document.getElementById(id);
    sel.value = state.filters[k] || "";
    sel.addEventListener("change", async () => { state.filters[k] = sel.value; await setDays(); writeURL(); refresh(); });
  }
  const slider = document.getElementById("slider");
  slider.addEventListener("input", () => { state.day = state.days[slider.value]; syncDay(); writeURL(); refresh(); });
  const box = document.getElementById("date");
  box.addEventListener("change", () => {
    if (!box.value || !state.days.length) return;
    const day = box.value < state.days[0] ? state.days[0] : box.value > state.days.at(-1) ? state.days.at(-1) : box.value;
    state.day = day; syncDay(); writeURL(); refresh();
  });
  const win = document.getElementById("window");
  win.value = state.window;
  win.addEventListener("change", () => { state.window = win.value; writeURL(); refresh(); });
  document.getElementById("play").addEventListener("click", togglePlay);
  drawTypeLegend();
  await setDays(true);
}

/* The slider spans the days of the events the filters select (not the whole database). */
async function setDays(fromURL = false) {
  const filters = { ...state.filters, limit: 1 };
  const first = await getJSON("/api/events?" + query({ ...filters, sort: "date" }));
  const a = first.items.length ? first.items[0].best_date : null;
  // undated events sort last, and so first in descending order: the last day is sought among dated ones
  const last = a ? await getJSON("/api/events?" + query({ ...filters, since: a, sort: "-date" })) : { items: [] };
  const b = last.items.length ? last.items[0].best_date : null;
  const days = [];
  if (a && b) for (let d = a; d <= b; d = addDays(d, 1)) days.push(d);
  state.days = days;
  const slider = document.getElementById("slider");
  slider.min = 0; slider.max = Math.max(0, days.length - 1); slider.disabled = !days.length;
  const box = document.getElementById("date");
  box.min = a || ""; box.max = b || "";
  const keep = fromURL && state.day && days.includes(state.day);
  state.day = keep ? state.day : days.length ? days.at(-1) : null;
  syncDay();
}

function syncDay() {
  const slider = document.getElementById("slider");
  if (state.day && state.days.length) slider.value = String(Math.max(0, state.days.indexOf(state.day)));
  document.getElementById("date").value = state.day || "";
  slider.dataset.first = state.days[0] || ""; slider.dataset.last = state.days.at(-1) || "";
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
    state.day = state.days[slider.value]; syncDay(); writeURL(); refresh();
  }, 700);
}

async function refresh() {
  document.getElementById("day-label").textContent = state.day || "";
  const params = { ...state.filters, since: windowStart(), until: state.day, limit: 1000 };
  const [events, control] = await Promise.all([
    getJSON("/api/events?" + query(params)),
    getJSON("/api/control?" + query({ at: state.day, country: state.filters.country })),
  ]);
  state.events = events.items;
  drawMarkers(); drawControl(control); drawList(); drawReport();
}

function windowStart() {
  return state.window && state.day ? addDays(state.day, 1 - Number(state.window)) : "";
}

/* YYYY-MM-DD ``n`` days after ``day`` (before it for a negative n). */
function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function markerIcon(type) {
  const [colour, shape] = TYPE_STYLE[type] || ["#555", "circle"];
  return L.divIcon({ className: "", html: `<div class="mk ${shape}" style="background:${colour}"></div>`, iconSize: [14, 14] });
}

function drawMarkers() {
  if (!state.markerLayer) return;
  state.markerLayer.clearLayers();
  state.markers = new Map();
  for (const e of state.events) {
    if (!e.location || e.location.latitude === null || e.location.latitude === undefined) continue;
    const m = L.marker([e.location.latitude, e.location.longitude],
      { icon: markerIcon(e.event_type), title: `${e.event_type} ${e.location.name}` });
    m.on("click", () => showEvent(e.fused_id));
    state.markers.set(e.fused_id, m);
    state.markerLayer.addLayer(m);
  }
}

function drawControl(fc) {
  state.controlLayer.clearLayers();
  const legend = document.getElementById("legend-control");
  legend.replaceChildren();
  for (const f of fc.features) {
    const who = f.properties.controller;
    const [lon, lat] = f.geometry.coordinates;
    const contested = who === "contested";
    const area = L.circle([lat, lon], { radius: 25000, color: colourOf(who), fillOpacity: contested ? 0.2 : 0.35,
      weight: contested ? 2 : 1, dashArray: contested ? "4 3" : null, className: "control-area" });
    const since = f.properties.since_precision && f.properties.since_precision !== "day"
      ? `${f.properties.since} to ${f.properties.since_end}` : f.properties.since;
    const label = contested ? `${f.properties.place} (contested)` : f.properties.place;
    area.bindTooltip(label, { permanent: true, direction: "right", className: "place-label", offset: [6, 0] });
    area.on("click", () => { area.closePopup(); });
    area.bindPopup(el("span", `${f.properties.place}: ${contested ? "contested by " + f.properties.claimants : who}`
      + ` since ${since}`));
    state.controlLayer.addLayer(area);
  }
  for (const who of [...new Set(fc.features.map(f => f.properties.controller))].sort()) {
    const s = el("span", "■ " + who); s.style.color = colourOf(who); s.dataset.controller = who;
    legend.appendChild(s);
  }
  document.getElementById("legend").dataset.count = String(fc.features.length);
  declutterLabels();
}

/* Place names that would cover one another: the first drawn keeps its label, the others hide theirs until a
   zoom gives them room (their name stays in the area's popup). */
function declutterLabels() {
  const shown = [];
  for (const label of document.querySelectorAll("#map .leaflet-tooltip.place-label")) {
    label.classList.remove("crowded");
    const r = label.getBoundingClientRect();
    if (shown.some(o => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom))
      label.classList.add("crowded");
    else shown.push(r);
  }
}

function drawTypeLegend() {
  const box = document.getElementById("legend-types");
  box.replaceChildren();
  for (const type of state.types) {
    const [colour, shape] = TYPE_STYLE[type] || ["#555", "circle"];
    const s = el("span"); const mk = el("span", null, `mk ${shape}`); mk.style.background = colour;
    s.appendChild(mk); s.appendChild(document.createTextNode(type.replace(/_/g, " "))); s.dataset.type = type;
    box.appendChild(s);
  }
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
    if (e.fused_id === state.selected) tr.classList.add("selected");
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
  state.selected = id;
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.dataset.id === id);
  highlight(e);
  const box = document.getElementById("detail");
  box.classList.remove("hidden");
  box.replaceChildren(el("h3", `${e.event_type} — ${(e.location || {}).name || "no place"}`));
  const dl = el("dl");
  const row = (k, v) => { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v === null || v === undefined ? "—" : v)); };
  row("actors", [e.actor1, e.actor2].filter(Boolean).join(" → "));
  const when = e.date_precision && e.date_precision !== "day" && e.best_date_end
    ? `${e.best_date} to ${e.best_date_end} (${e.date_precision})` : (e.best_date || "?");
  row("date", `${when} (reports: ${e.date_start || "?"} to ${e.date_end || "?"})`);
  row("number", e.quantity === null ? null : `${e.quantity} ${e.quantity_unit || ""}`);
  row("certainty", e.certainty + (e.denied_by && e.denied_by.length ? `; denied by ${e.denied_by.join(", ")}` : ""));
  row("sources", e.sources.join("; "));
  box.appendChild(dl);
  for (const m of e.mentions) {
    const doc = await getJSON("/api/documents/" + encodeURIComponent(m.doc_id));
    const head = el("h4", `${doc.source || "unknown"} — ${doc.published || ""} — ${doc.title || ""}`);
    const link = el("a", /^https?:\/\//i.test(doc.url || "") ? "source article" : "article as stored", "source");
    link.href = /^https?:\/\//i.test(doc.url || "") ? doc.url : `/api/documents/${encodeURIComponent(doc.doc_id)}/text`;
    link.target = "_blank"; link.rel = "noopener noreferrer";
    head.appendChild(link);
    box.appendChild(head);
    const art = el("div", null, "article");
    const text = doc.text, ev = m.evidence || {};
    art.appendChild(document.createTextNode(text.slice(0, ev.start)));
    const mark = el("mark", text.slice(ev.start, ev.end)); mark.className = "evidence"; art.appendChild(mark);
    art.appendChild(document.createTextNode(text.slice(ev.end)));
    box.appendChild(art);
    mark.scrollIntoView({ block: "nearest" });
  }
}

/* Pan to the selected event and ring it on the map (its cluster fanned out). */
function highlight(e) {
  if (state.ring) { map.removeLayer(state.ring); state.ring = null; }
  const loc = e.location || {};
  if (loc.latitude === null || loc.latitude === undefined) return;
  const ll = [loc.latitude, loc.longitude];
  const marker = state.markers.get(e.fused_id);
  map.setView(ll, Math.min(Math.max(map.getZoom(), 6), 8));
  if (marker) {  // still inside a cluster at that zoom: fan the cluster out rather than zoom past the outlines
    map.once("moveend", () => {
      const parent = state.markerLayer.getVisibleParent(marker);
      if (parent && parent !== marker && parent.spiderfy) parent.spiderfy();
    });
  }
  state.ring = L.circleMarker(ll, { radius: 16, color: "#f1c40f", weight: 4, fill: false, className: "selected-ring" })
    .addTo(map);
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

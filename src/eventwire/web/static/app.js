/* eventwire: the analyst's page. Reads the REST API of the same server.
 *
 * SECURITY: everything that comes from the API (article sentences, outlets,
 * actor names, places) is untrusted. The DOM is built with createElement and
 * textContent only; this file never assigns HTML strings (no innerHTML,
 * outerHTML, insertAdjacentHTML, document.write), and Leaflet is never handed a
 * string that it would parse as HTML (tooltips get DOM nodes).
 */
(function () {
  "use strict";

  var PAGE = 200;        // table rows per request; "More" reads the next page by keyset cursor
  var DAY_MS = 86400000;
  var SVG_NS = "http://www.w3.org/2000/svg";

  // PLOVER types, cooperative to conflictual, with a colour each.
  var TYPE_COLORS = {
    AGREE: "#1b7837", CONSULT: "#5aae61", SUPPORT: "#7fbf7b", COOPERATE: "#4d9221", AID: "#01665e",
    RETREAT: "#35978f", REQUEST: "#2166ac", ACCUSE: "#b2abd2", REJECT: "#8073ac", THREATEN: "#e08214",
    PROTEST: "#fdb863", SANCTION: "#762a83", MOBILIZE: "#b35806", COERCE: "#d6604d", ASSAULT: "#b2182b",
    FIGHT: "#67001f"
  };
  var TYPES = Object.keys(TYPE_COLORS);
  // Highlight roles in a sentence, in the order they are listed in a legend.
  var ROLES = ["trigger", "source", "target", "place", "time", "quantities", "attribution"];
  var ROLE_LABELS = {
    trigger: "trigger", source: "source actor", target: "target actor", place: "place", time: "time",
    quantities: "quantity", attribution: "attribution"
  };

  var $ = function (id) { return document.getElementById(id); };

  // Filters live in the form; the URL's hash mirrors them (and the open event and the map's
  // view), so a link reopens the same view.
  var FILTERS = ["type", "actor", "country", "text", "near", "within", "factuality", "since", "until", "min_sources"];

  var state = {
    events: [],        // the table's rows: the first pages of the current filters, newest first
    nextAfter: null,   // keyset cursor of the next page, or null after the last
    total: null,       // events matching the filters (server-side count)
    typeCounts: {},    // type -> count under the current filters
    dayCounts: [],     // [{key: "YYYY-MM-DD", count}] under the filters but the dates: the timeline
    cells: [],         // map grid cells of the current zoom and view
    selected: null,    // id of the event in the detail panel
    selectedEvent: null,
    loadSeq: 0,
    gridSeq: 0,
    detailSeq: 0,
    controller: null,
    days: null         // the timeline's scale, for the brush
  };

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = String(v);
        else if (k === "className") node.className = v;
        else node.setAttribute(k, String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = String(attrs[k]);
      else node.setAttribute(k, String(attrs[k]));
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function setStatus(text, isError) {
    var s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!isError);
  }

  function actorName(a) {
    if (!a) return "";
    return a.canonical || a.text || a.country || "";
  }

  function placeName(p) {
    if (!p) return "";
    var name = p.name || p.text || "";
    if (p.country && name !== p.country) name = name ? name + ", " + p.country : p.country;
    return name;
  }

  function hasCoords(e) {
    return e.place && typeof e.place.latitude === "number" && typeof e.place.longitude === "number" &&
      isFinite(e.place.latitude) && isFinite(e.place.longitude);
  }

  function typeColor(t) {
    return TYPE_COLORS[t] || "#666";
  }

  // ------------------------------------------------------------------ dates

  function dayNumber(iso) { // "YYYY-MM-DD" -> days since 1970-01-01 (UTC)
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!m) return null;
    return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS);
  }

  function isoDay(n) {
    return new Date(n * DAY_MS).toISOString().slice(0, 10);
  }

  // ------------------------------------------------------------------ map

  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.setView([20, 20], 2);
  var outlines = L.layerGroup().addTo(map);
  var cellLayer = L.layerGroup().addTo(map);
  var selectedLayer = L.layerGroup().addTo(map);

  (function tiles() {
    // An optional tile server: ?tiles=https://host/{z}/{x}/{y}.png (default: outlines only).
    var url = new URLSearchParams(window.location.search).get("tiles");
    if (!url) return;
    if (!/^https?:\/\/[^\s]+$/.test(url) || url.indexOf("{z}") < 0 || url.indexOf("{x}") < 0 || url.indexOf("{y}") < 0) {
      $("notice").textContent = "Ignoring ?tiles=: it must be an http(s) URL with {z}, {x} and {y}.";
      $("notice").hidden = false;
      return;
    }
    // The attribution is a fixed string: Leaflet renders attributions as HTML.
    L.tileLayer(url, { maxZoom: 19, attribution: "Tiles: custom server" }).addTo(map);
    document.body.classList.add("with-tiles");
  })();

  /* A ring that crosses the antimeridian (Fiji's, Russia's) jumps from 180 to -180 between two
   * points, and Leaflet draws that jump as a line across the whole map: its western points
   * are moved a turn east instead. Rings that close along the pole (Antarctica's) run along
   * the antimeridian on purpose and are left alone. */
  function unwrapRing(ring) {
    var jumps = false, polar = false;
    for (var i = 1; i < ring.length; i++) {
      if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) jumps = true;
      if (ring[i][1] < -85) polar = true;
    }
    if (!jumps || polar) return ring;
    return ring.map(function (pt) { return pt[0] < 0 ? [pt[0] + 360, pt[1]] : pt; });
  }

  function unwrapGeometry(g) {
    if (!g) return g;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (poly) { return poly.map(unwrapRing); });
    return g;
  }

  fetch("vendor/countries-110m.json")
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      countries.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      L.geoJSON(countries, {
        interactive: false,
        className: "country",
        style: { color: "#8a8a8a", weight: 0.6, fillColor: "#f3f0e8", fillOpacity: 1 }
      }).addTo(outlines);
      map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas)");
      document.body.dataset.outlines = "ready";
    })
    .catch(function (err) {
      document.body.dataset.outlines = "error";
      console.error("country outlines:", err);
    });

  /* The map shows grid cells counted by the server (/api/grid) for the current zoom and
   * view, so it costs the same for a hundred events or a million: a cell of one event is
   * that event's marker, a fuller cell a cluster that zooms in when clicked. */
  function renderCells(cells) {
    cellLayer.clearLayers();
    cells.forEach(function (c) {
      if (c.count === 1 && c.id != null) {
        var m = L.circleMarker([c.lat, c.lon], {
          radius: 6, color: "#222", weight: 0.7, fillColor: typeColor(c.type), fillOpacity: 0.85,
          className: "event-marker type-" + String(c.type || "").toLowerCase()
        });
        m.bindTooltip(function () { return el("div", { className: "tip" }, [el("strong", { text: c.type }), " event #" + c.id]); },
          { direction: "top", offset: [0, -4] });
        m.on("click", function () { openEvent(c.id); });
        m.addTo(cellLayer);
        var node = m.getElement && m.getElement();
        if (node) node.setAttribute("data-event-id", String(c.id));
        return;
      }
      var size = Math.round(20 + 6 * Math.log10(c.count));
      var label = el("span", { text: c.count >= 10000 ? Math.round(c.count / 1000) + "k" : c.count });
      var marker = L.marker([c.lat, c.lon], {
        icon: L.divIcon({ className: "cluster", html: label, iconSize: [size, size] }),
        title: c.count + " events: click to zoom in", keyboard: true
      });
      marker.on("click", function () { map.setView([c.lat, c.lon], Math.min(map.getMaxZoom(), map.getZoom() + 2)); });
      marker.addTo(cellLayer);
      var icon = marker.getElement && marker.getElement();
      if (icon) icon.setAttribute("data-count", String(c.count));
    });
    renderSelectedMarker();
  }

  function renderSelectedMarker() {
    selectedLayer.clearLayers();
    var e = state.selectedEvent;
    if (!e || !hasCoords(e)) return;
    var m = L.circleMarker([e.place.latitude, e.place.longitude], {
      radius: 9, color: "#000", weight: 3, fillColor: typeColor(e.type), fillOpacity: 0.95,
      className: "selected-marker", interactive: false
    });
    m.addTo(selectedLayer);
  }

  function viewBox() {
    var b = map.getBounds();
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    return [Math.max(-90, b.getSouth()), west, Math.min(90, b.getNorth()), east].map(function (v) { return v.toFixed(2); }).join(",");
  }

  function loadGrid(params) {
    var seq = ++state.gridSeq;
    var p = new URLSearchParams(params);
    p.set("zoom", String(map.getZoom()));
    p.set("bbox", viewBox());
    return getJSON("api/grid?" + p.toString()).then(function (body) {
      if (seq !== state.gridSeq) return;
      state.cells = body.cells || [];
      renderCells(state.cells);
      document.body.dataset.cells = String(state.cells.length);
    });
  }

  function renderLegend() {
    var box = $("legend");
    clear(box);
    TYPES.forEach(function (t) {
      var sw = el("span", { className: "swatch" });
      sw.style.backgroundColor = typeColor(t);
      var n = state.typeCounts[t];
      box.appendChild(el("span", { className: "legend-item", "data-type": t }, [sw, t + (n ? " " + n.toLocaleString("en") : "")]));
    });
  }

  // ------------------------------------------------------------------ table

  function tableRow(e) {
    var typeCell = el("td", { className: "type" }, [el("span", { className: "swatch" }), String(e.type || "")]);
    typeCell.firstChild.style.backgroundColor = typeColor(e.type);
    var tr = el("tr", { "data-event-id": e.id, tabindex: 0, className: hasCoords(e) ? "" : "no-coords" }, [
      el("td", { className: "date", text: e.date || "undated" }),
      typeCell,
      el("td", { className: "source", text: actorName(e.source) }),
      el("td", { className: "target", text: actorName(e.target) }),
      el("td", { className: "place", text: placeName(e.place) }),
      el("td", { className: "sources num", text: e.n_sources == null ? "" : e.n_sources })
    ]);
    tr.addEventListener("click", function () { openEvent(e.id); });
    tr.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openEvent(e.id); }
    });
    return tr;
  }

  function appendRows(events) {
    var frag = document.createDocumentFragment();
    events.forEach(function (e) { frag.appendChild(tableRow(e)); });
    document.querySelector("#events-table tbody").appendChild(frag);
    $("table-more").hidden = !state.nextAfter;
    highlightSelected();
  }

  function highlightSelected() {
    var rows = document.querySelectorAll("#events-table tbody tr");
    Array.prototype.forEach.call(rows, function (tr) {
      tr.classList.toggle("selected", tr.dataset.eventId === String(state.selected));
    });
  }

  function moreRows() {
    if (!state.nextAfter) return Promise.resolve();
    var p = new URLSearchParams(state.params);
    p.set("limit", String(PAGE));
    p.set("after", state.nextAfter);
    var seq = state.loadSeq;
    $("table-more").disabled = true;
    return getJSON("api/events?" + p.toString()).then(function (body) {
      if (seq !== state.loadSeq) return;
      state.events = state.events.concat(body.items || []);
      state.nextAfter = body.next_after || null;
      appendRows(body.items || []);
      summarise();
    }).catch(function (err) {
      setStatus("Could not load more events: " + err.message, true);
    }).then(function () { $("table-more").disabled = false; });
  }

  // ------------------------------------------------------------------ timeline

  /* Bars of the server's counts by day over the whole range of the other filters (the
   * dates are what the brush selects); days are gathered into bins of equal length so a
   * bar is at least two pixels wide, whatever the span. */
  function renderTimeline() {
    var box = $("timeline");
    clear(box);
    var lo = null, hi = null;
    state.dayCounts.forEach(function (c) {
      var d = dayNumber(c.key);
      if (d === null) return;
      lo = lo === null ? d : Math.min(lo, d);
      hi = hi === null ? d : Math.max(hi, d);
    });
    var width = Math.max(200, box.clientWidth || 600);
    var height = 110, padL = 40, padR = 10, padT = 8, padB = 22;
    var root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "events per day" });
    root.classList.add("timeline-svg");
    box.appendChild(root);
    if (lo === null) {
      state.days = null;
      root.appendChild(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", "class": "empty", text: "no dated events" }));
      return;
    }
    lo -= 1; hi += 1; // a day of margin on each side
    var plotW = width - padL - padR, plotH = height - padT - padB;
    var perDay = plotW / (hi - lo + 1);
    var binDays = Math.max(1, Math.ceil(2 / perDay));
    var bins = {};
    state.dayCounts.forEach(function (c) {
      var d = dayNumber(c.key);
      if (d === null) return;
      var b = lo + Math.floor((d - lo) / binDays) * binDays;
      bins[b] = (bins[b] || 0) + c.count;
    });
    var maxCount = 1;
    Object.keys(bins).forEach(function (k) { maxCount = Math.max(maxCount, bins[k]); });
    var x = function (day) { return padL + (day - lo) * perDay; };
    state.days = { lo: lo, hi: hi, x: x, padL: padL, plotW: plotW, perDay: perDay, height: height, padT: padT, plotH: plotH };

    root.appendChild(svg("line", { x1: padL, x2: padL + plotW, y1: padT + plotH + 0.5, y2: padT + plotH + 0.5, "class": "axis" }));
    root.appendChild(svg("text", { x: padL - 4, y: padT + 8, "text-anchor": "end", "class": "tick", text: maxCount }));
    root.appendChild(svg("text", { x: padL - 4, y: padT + plotH, "text-anchor": "end", "class": "tick", text: 0 }));
    ticks(lo, hi, plotW).forEach(function (t) {
      var tx = x(t.day);
      root.appendChild(svg("line", { x1: tx, x2: tx, y1: padT + plotH, y2: padT + plotH + 4, "class": "axis" }));
      root.appendChild(svg("text", { x: tx, y: height - 6, "text-anchor": "middle", "class": "tick", text: t.label }));
    });

    var bars = svg("g", { "class": "bars" });
    Object.keys(bins).forEach(function (k) {
      var day = +k, n = bins[k];
      var h = Math.max(1, (n / maxCount) * plotH);
      var last = Math.min(hi, day + binDays - 1);
      var bar = svg("rect", { x: x(day), y: padT + plotH - h, width: Math.max(1.5, perDay * binDays - 0.5), height: h,
        "class": "bar", "data-day": isoDay(day), "data-count": n });
      var when = binDays === 1 ? isoDay(day) : isoDay(day) + " – " + isoDay(last);
      bar.appendChild(svg("title", { text: when + ": " + n + (n === 1 ? " event" : " events") }));
      bars.appendChild(bar);
    });
    root.appendChild(bars);

    var brushRect = svg("rect", { "class": "brush", x: 0, y: padT, width: 0, height: plotH, visibility: "hidden" });
    root.appendChild(brushRect);
    drawBrush(brushRect);
    attachBrush(root, brushRect);
  }

  function ticks(lo, hi, plotW) {
    var out = [];
    var span = hi - lo;
    var d0 = new Date(lo * DAY_MS), y0 = d0.getUTCFullYear();
    var maxTicks = Math.max(2, Math.floor(plotW / 70));
    if (span > 3 * 365) {
      var years = Math.ceil(span / 365), step = Math.max(1, Math.ceil(years / maxTicks));
      for (var y = y0 + 1; ; y += step) {
        var day = Math.round(Date.UTC(y, 0, 1) / DAY_MS);
        if (day > hi) break;
        out.push({ day: day, label: String(y) });
      }
    } else if (span > 60) {
      var months = Math.ceil(span / 30), mstep = Math.max(1, Math.ceil(months / maxTicks));
      for (var i = 1; ; i += mstep) {
        var dm = new Date(Date.UTC(y0, d0.getUTCMonth() + i, 1));
        var dday = Math.round(dm.getTime() / DAY_MS);
        if (dday > hi) break;
        out.push({ day: dday, label: dm.toISOString().slice(0, 7) });
      }
    } else {
      var dstep = Math.max(1, Math.ceil(span / maxTicks));
      for (var dd = lo + 1; dd < hi; dd += dstep) out.push({ day: dd, label: isoDay(dd).slice(5) });
    }
    return out;
  }

  function dayAt(clientX, root) {
    var s = state.days;
    var r = root.getBoundingClientRect();
    var px = (clientX - r.left) * (root.width.baseVal.value / (r.width || 1));
    var d = s.lo + Math.floor((px - s.padL) / s.perDay);
    return Math.max(s.lo, Math.min(s.hi, d));
  }

  function brushRange() { // the dates of the From and To filters, as the brush shows them
    var a = $("filter-since").value, b = $("filter-until").value;
    return a || b ? [a || null, b || null] : null;
  }

  function drawBrush(rect, range) {
    var s = state.days;
    range = range || brushRange();
    if (!range || !s) { rect.setAttribute("visibility", "hidden"); return; }
    var a = range[0] ? Math.max(s.lo, dayNumber(range[0])) : s.lo, b = range[1] ? Math.min(s.hi, dayNumber(range[1])) : s.hi;
    if (b < a) { rect.setAttribute("visibility", "hidden"); return; }
    rect.setAttribute("x", s.x(a));
    rect.setAttribute("width", Math.max(2, s.x(b + 1) - s.x(a)));
    rect.setAttribute("visibility", "visible");
  }

  /* Dragging over the timeline sets the From and To filters (a click clears them), and the
   * page loads again: the brush is a way of typing dates. */
  function attachBrush(root, rect) {
    var start = null, startX = 0, range = null;
    root.addEventListener("pointerdown", function (ev) {
      if (!state.days || ev.button !== 0) return;
      ev.preventDefault();
      start = dayAt(ev.clientX, root);
      startX = ev.clientX;
      if (root.setPointerCapture) root.setPointerCapture(ev.pointerId);
    });
    root.addEventListener("pointermove", function (ev) {
      if (start === null) return;
      var d = dayAt(ev.clientX, root);
      range = [isoDay(Math.min(start, d)), isoDay(Math.max(start, d))];
      drawBrush(rect, range);
    });
    function finish(ev) {
      if (start === null) return;
      var moved = Math.abs(ev.clientX - startX) >= 3;
      var d = dayAt(ev.clientX, root);
      range = moved ? [isoDay(Math.min(start, d)), isoDay(Math.max(start, d))] : null; // a click clears
      start = null;
      $("filter-since").value = range ? range[0] : "";
      $("filter-until").value = range ? range[1] : "";
      load();
    }
    root.addEventListener("pointerup", finish);
    root.addEventListener("pointercancel", finish);
  }

  function summarise() {
    var shown = state.events.length, total = state.total || 0;
    var text = total.toLocaleString("en") + (total === 1 ? " event matches" : " events match");
    if (total) text += "; the table shows the newest " + shown.toLocaleString("en") + (state.nextAfter ? " (More loads the next " + PAGE + ")" : "");
    setStatus(text, false);
    var range = brushRange();
    $("brush-label").textContent = range ? (range[0] || "…") + " – " + (range[1] || "…") : "";
    $("brush-clear").hidden = !range;
    document.body.dataset.total = String(total);
    document.body.dataset.shown = String(shown);
  }

  // ------------------------------------------------------------------ loading

  function filterParams() {
    var p = new URLSearchParams();
    var value = function (id) { return $(id).value.trim(); };
    var country = value("filter-country"), minSources = value("filter-min-sources"), within = value("filter-within");
    ["type", "actor", "text", "near", "since", "until"].forEach(function (name) {
      var v = value("filter-" + name);
      if (v) p.set(name, v);
    });
    if (country) {
      if (!/^[A-Za-z]{3}$/.test(country)) throw new Error("Country must be an ISO3 code, e.g. IRQ.");
      p.set("country", country.toUpperCase());
    }
    if (p.has("near") && within) {
      if (!/^\d+(\.\d+)?$/.test(within) || +within <= 0 || +within > 2000) throw new Error("Within must be a distance from 1 to 2000 km.");
      p.set("within", within);
    }
    if (value("filter-factuality") !== "asserted") p.set("factuality", value("filter-factuality"));
    if (minSources) {
      if (!/^\d+$/.test(minSources) || +minSources > 100) throw new Error("Minimum sources must be a whole number from 0 to 100.");
      if (+minSources > 0) p.set("min_sources", minSources);
    }
    return p;
  }

  function errorText(r, body) {
    var d = body && body.detail;
    if (typeof d === "string") return d;
    if (Array.isArray(d)) return d.map(function (x) { return (x.loc || []).slice(-1)[0] + ": " + x.msg; }).join("; ");
    return "HTTP " + r.status;
  }

  function getJSON(url, signal) {
    return fetch(url, { signal: signal, headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (!r.ok) throw new Error(errorText(r, body));
        return body;
      });
    });
  }

  function updateDownloads(params) {
    ["csv", "acled-csv", "geojson"].forEach(function (fmt) {
      var p = new URLSearchParams(params);
      p.set("format", fmt);
      $("download-" + fmt).setAttribute("href", "api/export?" + p.toString());
    });
  }

  /* The filters, the open event and the map's view as the URL's hash: a permalink. */
  function writeHash() {
    if (!(window.history && history.replaceState)) return;
    var p = new URLSearchParams(state.params || "");
    if (state.selected != null) p.set("event", String(state.selected));
    var c = map.getCenter();
    p.set("map", [map.getZoom(), c.lat.toFixed(3), c.lng.toFixed(3)].join("/"));
    history.replaceState(null, "", window.location.pathname + window.location.search + "#" + p.toString());
  }

  function readHash() {
    var p = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    FILTERS.forEach(function (name) {
      var input = $("filter-" + name.replace("_", "-"));
      if (input && p.has(name)) input.value = p.get(name);
    });
    var view = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(p.get("map") || "");
    if (view) map.setView([+view[2], +view[3]], +view[1]);
    var ev = /^\d+$/.exec(p.get("event") || "");
    return ev ? +ev[0] : null;
  }

  function load() {
    var params;
    try {
      params = filterParams();
    } catch (err) {
      setStatus(err.message, true);
      document.body.dataset.state = "error";
      return Promise.resolve();
    }
    var seq = ++state.loadSeq;
    if (state.controller) state.controller.abort();
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var signal = controller ? controller.signal : undefined;
    state.controller = controller;
    state.params = params.toString();
    writeHash();
    updateDownloads(params);
    document.body.dataset.state = "loading";
    setStatus("Loading…", false);
    var page = new URLSearchParams(params);
    page.set("limit", String(PAGE));
    var undated = new URLSearchParams(params); // the timeline: every date the other filters allow
    undated.delete("since");
    undated.delete("until");
    undated.set("by", "day");
    var byType = new URLSearchParams(params);
    byType.set("by", "type");
    return Promise.all([
      getJSON("api/events?" + page.toString(), signal),
      getJSON("api/counts?" + byType.toString(), signal),
      getJSON("api/counts?" + undated.toString(), signal),
      loadGrid(params)
    ]).then(function (answers) {
      if (seq !== state.loadSeq) return;
      var events = answers[0], types = answers[1], days = answers[2];
      state.events = events.items || [];
      state.nextAfter = events.next_after || null;
      state.typeCounts = {};
      state.total = 0;
      (types.counts || []).forEach(function (c) { state.typeCounts[c.key] = c.count; state.total += c.count; });
      state.dayCounts = days.counts || [];
      clear(document.querySelector("#events-table tbody"));
      appendRows(state.events);
      renderLegend();
      renderTimeline();
      summarise();
      document.body.dataset.state = "ready";
    }).catch(function (err) {
      if (seq !== state.loadSeq || (err && err.name === "AbortError")) return;
      setStatus("Could not load events: " + err.message, true);
      document.body.dataset.state = "error";
    });
  }

  // ------------------------------------------------------------------ detail

  /* The sentence with its spans highlighted. `spans` are ARTICLE offsets (code
   * points, as Python counts them); `start` is where the sentence begins. The
   * sentence is cut at every span boundary into text nodes and <mark> nodes; a
   * piece covered by several roles gets one <mark> with a class per role. */
  function highlighted(sentence, start, spans) {
    var chars = Array.from(sentence); // code points, so offsets agree with Python's
    var n = chars.length;
    var ranges = [];
    ROLES.forEach(function (role) {
      var v = spans && spans[role];
      (Array.isArray(v) ? v : v ? [v] : []).forEach(function (s) {
        if (!s || typeof s.start !== "number" || typeof s.end !== "number") return;
        var a = Math.max(0, Math.min(n, s.start - start)), b = Math.max(0, Math.min(n, s.end - start));
        if (b > a) ranges.push({ a: a, b: b, role: role });
      });
    });
    var cuts = [0, n];
    ranges.forEach(function (r) { cuts.push(r.a, r.b); });
    cuts = cuts.filter(function (c, i) { return cuts.indexOf(c) === i; }).sort(function (p, q) { return p - q; });
    var out = el("p", { className: "sentence" });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (b <= a) continue;
      var text = chars.slice(a, b).join("");
      var roles = ranges.filter(function (r) { return r.a <= a && r.b >= b; }).map(function (r) { return r.role; });
      roles = roles.filter(function (r, j) { return roles.indexOf(r) === j; });
      if (!roles.length) {
        out.appendChild(document.createTextNode(text));
      } else {
        var mark = el("mark", { className: roles.join(" "), title: roles.map(function (r) { return ROLE_LABELS[r]; }).join(", ") });
        mark.textContent = text;
        out.appendChild(mark);
      }
    }
    return out;
  }

  function field(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", { text: label }));
    dl.appendChild(el("dd", { text: value }));
  }

  function actorLine(a) {
    if (!a) return "";
    var extra = [a.country, a.sector].filter(Boolean).join(", ");
    return actorName(a) + (extra ? " (" + extra + ")" : "");
  }

  function renderDetail(ev) {
    $("detail-title").textContent = ev.type + " · " + (ev.date || "undated");
    var body = $("detail-body");
    clear(body);
    body.dataset.eventId = String(ev.id);

    var dl = el("dl", { className: "facts" });
    field(dl, "Event", "#" + ev.id);
    field(dl, "Type", ev.type + (ev.mode ? " / " + ev.mode : ""));
    field(dl, "Factuality", ev.factuality);
    field(dl, "Date", ev.date ? ev.date + (ev.date_precision ? " (" + ev.date_precision + ")" : "") : "not known (the article has no date)");
    field(dl, "Source", actorLine(ev.source));
    field(dl, "Target", actorLine(ev.target));
    if (ev.place) {
      field(dl, "Place", placeName(ev.place) + (ev.place.geo_precision ? " (" + ev.place.geo_precision + ")" : ""));
      if (hasCoords(ev)) field(dl, "Coordinates", ev.place.latitude.toFixed(3) + ", " + ev.place.longitude.toFixed(3));
    }
    field(dl, "Fatalities", ev.fatalities);
    field(dl, "Independent sources", ev.n_sources);
    field(dl, "Reports / articles / outlets", [ev.n_reports, ev.n_articles, ev.n_outlets].join(" / "));
    if (ev.acled_event_type) field(dl, "ACLED", ev.acled_event_type + (ev.acled_sub_event_type ? " / " + ev.acled_sub_event_type : ""));
    Object.keys(ev.quantities || {}).forEach(function (k) {
      var q = ev.quantities[k];
      var text = q.min === q.max ? String(q.min) : q.min + "–" + q.max + " (median " + q.median + ")";
      if (q.conflicting) text += ", reports conflict";
      field(dl, "Quantity: " + k, text);
    });
    body.appendChild(dl);

    if (ev.corrections && ev.corrections.length) {
      var cl = el("ul", { className: "corrections" });
      ev.corrections.forEach(function (c) {
        cl.appendChild(el("li", { text: c.field + " → " + JSON.stringify(c.value) + " by " + c.author + (c.note ? ": " + c.note : "") }));
      });
      body.appendChild(el("h3", { text: "Corrections" }));
      body.appendChild(cl);
    }

    var legend = el("p", { className: "roles" }, ["Highlights: "]);
    // spans, not <mark>: "#detail mark" is only ever a highlight in a sentence
    ROLES.forEach(function (r) { legend.appendChild(el("span", { className: "key " + r, text: ROLE_LABELS[r] })); legend.appendChild(document.createTextNode(" ")); });
    var reports = ev.reports || [];
    body.appendChild(el("h3", { text: reports.length + (reports.length === 1 ? " report" : " reports") }));
    body.appendChild(legend);
    reports.forEach(function (rep) {
      var record = rep.record || {};
      var evidence = record.evidence || {};
      var sentence = rep.sentence || evidence.sentence || "";
      var meta = el("div", { className: "report-meta" }, [
        el("span", { className: "report-outlet", text: rep.outlet || "unknown outlet" }),
        el("span", { className: "report-cited", text: rep.cited_source ? "citing " + rep.cited_source : "no cited source" })
      ]);
      if (rep.independent_source) meta.appendChild(el("span", { className: "report-independent", text: "source: " + rep.independent_source }));
      if (record.date_text) meta.appendChild(el("span", { className: "report-date", text: record.date_text }));
      body.appendChild(el("div", { className: "report", "data-report-id": rep.id }, [
        meta,
        highlighted(sentence, typeof evidence.sentence_start === "number" ? evidence.sentence_start : 0, evidence.spans || {}),
        articleLine(rep, evidence)
      ]));
    });
  }

  /* Where a report comes from: a link to the article's page when its URL is http(s) (any
   * other scheme is shown as text, never followed), and to the text eventwire stored. */
  function articleLine(rep, evidence) {
    var id = rep.article_id || evidence.article_id || "";
    var line = el("div", { className: "report-article" });
    var url = rep.article_url || "";
    if (/^https?:\/\/[^\s]+$/i.test(url)) {
      line.appendChild(el("a", { className: "article-link", href: url, target: "_blank", rel: "noopener noreferrer",
        text: rep.article_title || url }));
      line.appendChild(document.createTextNode(" · "));
    } else if (rep.article_title) {
      line.appendChild(el("span", { className: "article-title", text: rep.article_title }));
      line.appendChild(document.createTextNode(" · "));
    }
    line.appendChild(el("a", { className: "article-stored", href: "api/articles/" + encodeURIComponent(id), target: "_blank",
      rel: "noopener noreferrer", text: "stored text (" + id + ")" }));
    return line;
  }

  function openEvent(id) {
    var seq = ++state.detailSeq;
    state.selected = id;
    highlightSelected();
    var panel = $("detail");
    panel.hidden = false;
    document.body.classList.add("with-detail");
    panel.dataset.state = "loading";
    $("detail-title").textContent = "Loading event #" + id + "…";
    clear($("detail-body"));
    state.selectedEvent = null;
    renderSelectedMarker();
    writeHash();
    setTimeout(function () { map.invalidateSize(); }, 0);
    return fetch("api/events/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          if (!r.ok) throw new Error(errorText(r, body));
          return body;
        });
      })
      .then(function (ev) {
        if (seq !== state.detailSeq) return;
        renderDetail(ev);
        state.selectedEvent = ev;
        renderSelectedMarker();
        panel.dataset.state = "ready";
      })
      .catch(function (err) {
        if (seq !== state.detailSeq) return;
        $("detail-title").textContent = "Event #" + id;
        $("detail-body").appendChild(el("p", { className: "error", text: "Could not load it: " + err.message }));
        panel.dataset.state = "error";
      });
  }

  function closeDetail() {
    state.detailSeq++;
    state.selected = null;
    state.selectedEvent = null;
    renderSelectedMarker();
    $("detail").hidden = true;
    document.body.classList.remove("with-detail");
    highlightSelected();
    writeHash();
    setTimeout(function () { map.invalidateSize(); }, 0);
  }

  // ------------------------------------------------------------------ wiring

  (function controls() {
    var select = $("filter-type");
    TYPES.forEach(function (t) { select.appendChild(el("option", { value: t, text: t })); });
    renderLegend();
    $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
    FILTERS.forEach(function (name) {
      $("filter-" + name.replace("_", "-")).addEventListener("change", function () { load(); });
    });
    $("filter-reset").addEventListener("click", function () {
      $("filters").reset();
      load();
    });
    $("brush-clear").addEventListener("click", function () {
      $("filter-since").value = "";
      $("filter-until").value = "";
      load();
    });
    $("table-more").addEventListener("click", moreRows);
    $("detail-close").addEventListener("click", closeDetail);
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !$("detail").hidden) closeDetail();
    });
    // the grid follows the map; the timeline follows its box's width (a window resize, the
    // detail panel opening or closing)
    var gridTimer = null;
    map.on("moveend", function () {
      clearTimeout(gridTimer);
      gridTimer = setTimeout(function () {
        if (state.params === undefined) return;
        writeHash();
        loadGrid(state.params).catch(function (err) { setStatus("Could not load the map: " + err.message, true); });
      }, 120);
    });
    var width = null, resizeTimer = null;
    function refit() {
      var w = $("timeline").clientWidth;
      if (w === width) return;
      width = w;
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(renderTimeline, 100);
    }
    if (typeof ResizeObserver === "function") new ResizeObserver(refit).observe($("timeline"));
    window.addEventListener("resize", refit);
  })();

  var linked = readHash();
  load().then(function () {
    if (linked !== null) openEvent(linked);
  });

  // for debugging from the console; read-only by convention
  window.eventwire = { state: state, load: load, openEvent: openEvent, map: map };
})();

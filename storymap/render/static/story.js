/* storymap story page: map, narrative, navigation, auto-play and presentation mode.
 *
 * Safety rule: everything that comes from the story (titles, text, quotes, place and file names)
 * reaches the DOM only through textContent or createTextNode, and Leaflet tooltips get DOM nodes,
 * never HTML strings. The only HTML strings handed to Leaflet are the constant attributions below.
 */
(function () {
  "use strict";

  function readJSON(id, fallback) {
    var el = document.getElementById(id);
    if (!el) return fallback;
    try { return JSON.parse(el.textContent); } catch (e) { return fallback; }
  }

  var story = readJSON("story-data", { title: "", summary: "", steps: [] });
  var view = readJSON("view-data", {});
  var geometries = readJSON("geometry-data", {}) || {};
  var basemap = readJSON("basemap-data", null);
  var steps = story.steps || [];
  var n = steps.length;
  var dates = view.dates || [];
  var root = document.documentElement;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Zoom for one point of each kind; also the closest a view may come when several are shown.
  // Kept coarse because the offline basemap is simplified to about 5 km: closer, coasts look angular.
  var KIND_ZOOM = { area: 4, country: 5, region: 6, water: 6, city: 7, district: 8, landmark: 8, base: 8 };
  var DEFAULT_ZOOM = 7;
  var COLORS = { current: "#b3263d", past: "#2e4057", future: "#6b7785" };

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function located(p) { return typeof p.lat === "number" && typeof p.lon === "number"; }
  // The headline to show (v2 stories), else the title; the overview and background steps say what they are.
  function headline(step) { return step.headline || step.title || "Untitled step"; }
  function kindLabel(step) { return step.kind === "overview" ? "Overview" : step.kind === "background" ? "Background" : ""; }
  function dateLine(i) {
    var k = kindLabel(steps[i]);
    return k ? k + (dates[i] ? " \u00b7 " + dates[i] : "") : (dates[i] || "Undated");
  }
  function roleWord(p) { return p.role === "origin" ? "from" : p.role === "destination" ? "to" : null; }
  var hasOverview = n > 0 && steps[0].kind === "overview";
  function stepLabel(i) { return (dates[i] ? dates[i] + " \u2014 " : "") + headline(steps[i]); }

  // ------------------------------------------------------------------------------------------
  // Static text

  document.title = story.title || document.title;
  $("story-title").textContent = story.title || "Story map";
  $("story-summary").textContent = story.summary || "";
  $("all-steps-summary").textContent = "All steps (" + n + ")";
  var list = $("step-list");
  steps.forEach(function (step, i) {
    var li = el("li");
    var a = el("a");
    a.href = "#step-" + (i + 1);
    if (dates[i]) { a.appendChild(el("span", "list-date", dates[i])); a.appendChild(document.createTextNode(" \u2014 ")); }
    a.appendChild(document.createTextNode(headline(step)));
    if (kindLabel(step)) { li.className = "kind-" + step.kind; a.appendChild(el("span", "kind", kindLabel(step))); }
    li.appendChild(a);
    list.appendChild(li);
  });

  // ------------------------------------------------------------------------------------------
  // Map

  var map = L.map("map", {
    zoomSnap: 0.25,
    worldCopyJump: true,
    keyboard: false, // arrow keys move between steps everywhere on the page
    attributionControl: false
  });
  map.setView([20, 0], 2); // layers need a view before they can be drawn
  L.control.attribution({ prefix: false }).addTo(map);
  var basemapLayer = null;
  if (basemap) {
    basemapLayer = L.geoJSON(basemap, {
      interactive: false,
      attribution: "Countries: Natural Earth via mledoze/countries and countryinfo",
      style: { color: "#8794a3", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 }
    }).addTo(map);
  }
  var tileLayer = null;
  if (view.tiles && view.tiles.url) {
    $("tiles-row").hidden = false;
    $("tiles-toggle").addEventListener("change", function (ev) {
      if (ev.target.checked) {
        // Built only when asked for, so nothing is fetched unless the reader turns tiles on.
        tileLayer = tileLayer || L.tileLayer(view.tiles.url, { maxZoom: 19, attribution: view.tiles.attribution });
        tileLayer.addTo(map);
        if (basemapLayer) basemapLayer.setStyle({ fillOpacity: 0, opacity: 0.4 });
      } else {
        if (tileLayer) map.removeLayer(tileLayer);
        if (basemapLayer) basemapLayer.setStyle({ fillOpacity: 1, opacity: 1 });
      }
    });
  }

  function tooltipNode(p) {
    var span = el("span", null, p.name);
    if (roleWord(p)) span.appendChild(el("span", "role", roleWord(p)));
    return span;
  }

  // One record per step: its markers, area shapes and movement lines, and the view that shows them.
  var layers = steps.map(function (step, i) {
    // The overview's places are everyone's: drawn only while it is the current step. A place only
    // mentioned by an event step is drawn faded and does not set the view unless nothing else is placed.
    var rec = { markers: [], areas: [], lines: [], bounds: null, maxZoom: null, overview: step.kind === "overview" };
    var framed = (step.places || []).filter(function (p) { return located(p) && p.role !== "mentioned"; });
    var pts = [];
    var seenAreas = {};
    (step.places || []).forEach(function (p) {
      var zoom = KIND_ZOOM[p.kind] || DEFAULT_ZOOM;
      rec.maxZoom = rec.maxZoom === null ? zoom : Math.min(rec.maxZoom, zoom);
      var geom = p.place_id && geometries[p.place_id];
      if (geom && !seenAreas[p.place_id]) {
        seenAreas[p.place_id] = true;
        var area = L.geoJSON(geom, { style: { weight: 1.5 } });
        area.bindTooltip(tooltipNode(p), { sticky: true, className: "sm-tooltip" });
        area.on("click", function () { goTo(i, { focus: false }); });
        rec.areas.push(area);
        var b = area.getBounds();
        if (b.isValid()) rec.bounds = rec.bounds ? rec.bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      }
      if (!located(p)) return;
      var ll = L.latLng(p.lat, p.lon);
      if (rec.overview || !framed.length || p.role !== "mentioned") pts.push(ll);
      var m = L.circleMarker(ll, { radius: 6, weight: 2 });
      m.mentioned = !rec.overview && p.role === "mentioned";
      m.bindTooltip(tooltipNode(p), { direction: "top", className: "sm-tooltip" });
      m.on("click", function () { goTo(i, { focus: false }); });
      m.stepIndex = i;
      rec.markers.push(m);
    });
    var origins = (step.places || []).filter(function (p) { return p.role === "origin" && located(p); });
    var dests = (step.places || []).filter(function (p) { return p.role === "destination" && located(p); });
    origins.forEach(function (o) {
      dests.forEach(function (d) {
        rec.lines.push(L.polyline([[o.lat, o.lon], [d.lat, d.lon]], { weight: 3, dashArray: "10 10", interactive: false }));
      });
    });
    if (pts.length) {
      var pb = L.latLngBounds(pts);
      rec.bounds = rec.bounds ? rec.bounds.extend(pb) : pb;
      rec.single = pts.length === 1 && !rec.areas.length ? pts[0] : null;
    }
    // Everything that is drawn for this step, in drawing order (areas below lines below markers).
    rec.all = rec.areas.concat(rec.lines, rec.markers);
    return rec;
  });

  var storyBounds = null;
  layers.forEach(function (rec) {
    if (rec.bounds) storyBounds = storyBounds ? storyBounds.extend(rec.bounds) : L.latLngBounds(rec.bounds.getSouthWest(), rec.bounds.getNorthEast());
  });

  function setState(rec, state) {
    // Earlier steps fade; later steps show only as small grey dots so the reader sees where the story goes.
    var color = COLORS[state];
    if (rec.overview && state !== "current") { rec.all.forEach(function (layer) { map.removeLayer(layer); }); return; }
    rec.areas.forEach(function (a) {
      if (state === "future") { map.removeLayer(a); return; }
      a.setStyle({ color: color, fillColor: color, opacity: state === "current" ? 0.9 : 0.35, fillOpacity: state === "current" ? 0.22 : 0.06 });
      if (!map.hasLayer(a)) a.addTo(map);
    });
    rec.lines.forEach(function (line) {
      if (state === "future") { map.removeLayer(line); return; }
      if (!map.hasLayer(line)) line.addTo(map);
      line.setStyle({ color: color, opacity: state === "current" ? 0.95 : 0.35, weight: state === "current" ? 3 : 2 });
      var path = line.getElement && line.getElement();
      if (path) path.classList.toggle("sm-move-current", state === "current");
    });
    rec.markers.forEach(function (m) {
      if (!map.hasLayer(m)) m.addTo(map);
      if (state === "current" && m.mentioned) {
        m.setStyle({ radius: 5, color: color, weight: 1, fillColor: "#ffffff", fillOpacity: 0.6, opacity: 0.5 });
      } else if (state === "current") {
        m.setStyle({ radius: 8, color: "#ffffff", weight: 2, fillColor: color, fillOpacity: 1, opacity: 1 });
      } else if (state === "past") {
        m.setStyle({ radius: 5, color: color, weight: 1, fillColor: color, fillOpacity: 0.35, opacity: 0.45 });
      } else {
        m.setStyle({ radius: 3.5, color: color, weight: 1.5, fillColor: "#ffffff", fillOpacity: 0.8, opacity: 0.7 });
      }
    });
  }

  // ------------------------------------------------------------------------------------------
  // Narrative

  function renderStep(container, step, i, opts) {
    clear(container);
    var date = el("p", "step-date", dateLine(i));
    var title = el(opts.titleTag || "h3", null, headline(step));
    container.appendChild(date);
    container.appendChild(title);
    container.appendChild(el("p", "step-text", step.text || ""));
    appendSources(container, step, "h4");
  }

  function appendSources(container, step, headingTag) {
    var sources = step.sources || [];
    container.appendChild(el(headingTag, null, "Sources"));
    var c = step.corroboration;
    if (sources.length && typeof c === "number") {
      container.appendChild(el("p", "corroboration", "Reported by " + c + (c === 1 ? " source" : " sources")));
    }
    var ol = el("ol", "sources");
    fillSources(ol, sources);
    if (!sources.length) ol.appendChild(el("li", "unplaced", "No sources"));
    container.appendChild(ol);
  }

  // A source is cited by its article's outlet, title and date (view.citations, from the story's
  // article list), linked when the article has an http(s) address; never by a file path.
  function citation(s) {
    var c = (view.citations || {})[s.file];
    return c && typeof c.label === "string" ? c : { label: String(s.file || "article") };
  }

  function fillSources(ol, sources) {
    sources.forEach(function (s) {
      var li = el("li");
      var c = citation(s);
      if (typeof c.url === "string" && /^https?:\/\//i.test(c.url)) {
        var a = el("a", "source-file", c.label);
        a.setAttribute("href", c.url);
        a.setAttribute("rel", "noopener noreferrer");
        a.setAttribute("target", "_blank");
        li.appendChild(a);
      } else {
        li.appendChild(el("span", "source-file", c.label));
      }
      if (s.quote) li.appendChild(el("blockquote", null, s.quote));
      ol.appendChild(li);
    });
  }

  function showNarrative(i) {
    var step = steps[i];
    $("step-date").textContent = dateLine(i);
    $("step-title").textContent = headline(step);
    $("narrative").setAttribute("data-kind", step.kind || "event");
    $("to-overview").hidden = !hasOverview || i === 0;
    $("step-text").textContent = step.text || "";
    var ul = $("step-places");
    clear(ul);
    (step.places || []).forEach(function (p) {
      var li = el("li", located(p) ? null : "unplaced", p.name);
      if (roleWord(p)) li.appendChild(el("span", "role", roleWord(p)));
      if (!located(p)) li.appendChild(document.createTextNode(" (not placed on the map)"));
      ul.appendChild(li);
    });
    $("step-places-block").hidden = !(step.places || []).length;
    var ol = $("step-sources");
    clear(ol);
    fillSources(ol, step.sources || []);
    var c = step.corroboration;
    $("step-corroboration").textContent = typeof c === "number" ? "Reported by " + c + (c === 1 ? " source" : " sources") : "";
    $("step-sources-block").hidden = !(step.sources || []).length;
    $("progress").textContent = (i + 1) + " / " + n;
    $("prev").disabled = i === 0;
    $("next").disabled = i === n - 1;
    Array.prototype.forEach.call(list.querySelectorAll("a"), function (a, j) {
      if (j === i) a.setAttribute("aria-current", "step"); else a.removeAttribute("aria-current");
    });
    // Slide and speaker notes.
    $("slide-progress").textContent = (i + 1) + " / " + n;
    $("slide-date").textContent = kindLabel(step) ? dateLine(i) : (dates[i] || "");
    $("slide-title").textContent = headline(step);
    var names = [];
    (step.places || []).forEach(function (p) { if (names.indexOf(p.name) < 0) names.push(p.name); });
    $("slide-places").textContent = names.join(" \u00b7 ");
    $("slide-bar-fill").style.width = (100 * (i + 1) / n) + "%";
    renderStep($("notes-body"), step, i, { titleTag: "h3" });
    $("status").textContent = (i === 0 && hasOverview ? "Overview" : "Step " + (i + 1) + " of " + n) + ": " + headline(step);
  }

  // ------------------------------------------------------------------------------------------
  // Moving between steps

  var current = -1;
  var settleTimer = null;

  function settled() {
    if (settleTimer) { clearTimeout(settleTimer); settleTimer = null; }
    root.setAttribute("data-settled", "true");
  }

  function frame(i, animate) {
    var rec = layers[i];
    root.setAttribute("data-settled", "false");
    settleTimer = setTimeout(settled, animate ? 3000 : 300);
    map.once("moveend", function () { setTimeout(settled, 50); });
    var bounds = rec.bounds || (i === 0 || current < 0 ? storyBounds : null);
    var opts = { padding: [40, 40], maxZoom: rec.bounds ? (rec.maxZoom || DEFAULT_ZOOM) : 6 };
    if (!bounds) {
      setTimeout(settled, 50); // nothing to show: keep the view
      return;
    }
    if (rec.single) {
      if (animate) map.flyTo(rec.single, opts.maxZoom, { duration: 1.2 });
      else map.setView(rec.single, opts.maxZoom, { animate: false });
    } else if (animate) {
      map.flyToBounds(bounds, Object.assign({ duration: 1.2 }, opts));
    } else {
      map.fitBounds(bounds, Object.assign({ animate: false }, opts));
    }
  }

  function setHash(i) {
    var hash = "#step-" + (i + 1);
    if (location.hash === hash) return;
    try { history.replaceState(null, "", hash); } catch (e) { location.hash = hash; }
  }

  function goTo(i, opts) {
    opts = opts || {};
    if (!n) return;
    i = Math.max(0, Math.min(n - 1, i));
    if (i === current && !opts.force) return;
    var first = current < 0;
    layers.forEach(function (rec, j) { setState(rec, j < i ? "past" : j === i ? "current" : "future"); });
    layers[i].all.forEach(function (layer) { if (layer.bringToFront) layer.bringToFront(); });
    showNarrative(i);
    frame(i, !first && !reduceMotion);
    current = i;
    root.setAttribute("data-step", String(i + 1));
    setHash(i);
    if (opts.focus) $("narrative").focus({ preventScroll: false });
    if (playing && !opts.fromTimer) schedule();
  }

  function next() { goTo(current + 1); }
  function prev() { goTo(current - 1); }

  function stepFromHash() {
    var m = /^#step-(\d+)$/.exec(location.hash);
    return m ? parseInt(m[1], 10) - 1 : null;
  }

  // ------------------------------------------------------------------------------------------
  // Auto-play

  var playing = false;
  var timer = null;
  function pace() { return 1000 * (parseFloat($("pace").value) || 5); }
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      if (current >= n - 1) { setPlaying(false); return; }
      goTo(current + 1, { fromTimer: true });
      schedule();
    }, pace());
  }
  function setPlaying(on) {
    playing = on && n > 1;
    $("play").textContent = playing ? "Pause" : "Play";
    $("play").setAttribute("aria-pressed", playing ? "true" : "false");
    if (timer) { clearTimeout(timer); timer = null; }
    if (playing) {
      if (current >= n - 1) goTo(0, { fromTimer: true });
      schedule();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Presentation mode

  var wentFullscreen = false;
  function setPresent(on, fromUser) {
    document.body.classList.toggle("present", on);
    $("present-toggle").setAttribute("aria-pressed", on ? "true" : "false");
    $("present-toggle").textContent = on ? "Leave presentation" : "Present";
    $("slide").setAttribute("aria-hidden", on ? "false" : "true");
    $("notes").hidden = !on;
    if (!on) document.body.classList.remove("show-notes");
    if (fromUser && on && document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().then(function () { wentFullscreen = true; }, function () {});
    }
    if (!on && wentFullscreen && document.fullscreenElement) {
      wentFullscreen = false;
      document.exitFullscreen().catch(function () {});
    }
    setTimeout(function () { map.invalidateSize(); if (current >= 0) frame(current, false); }, 60);
  }
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && wentFullscreen) { wentFullscreen = false; setPresent(false, false); }
  });

  // ------------------------------------------------------------------------------------------
  // Events

  $("prev").addEventListener("click", prev);
  $("next").addEventListener("click", next);
  $("to-overview").addEventListener("click", function () { goTo(0, { focus: true }); });
  $("play").addEventListener("click", function () { setPlaying(!playing); });
  $("pace").addEventListener("change", function () { if (playing) schedule(); });
  $("present-toggle").addEventListener("click", function () { setPresent(!document.body.classList.contains("present"), true); });
  window.addEventListener("hashchange", function () {
    var i = stepFromHash();
    if (i !== null && i >= 0 && i < n) goTo(i, { focus: true });
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var t = ev.target;
    var tag = t && t.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (t && t.isContentEditable)) return;
    var key = ev.key;
    if (key === "ArrowRight" || key === "PageDown") { next(); ev.preventDefault(); }
    else if (key === "ArrowLeft" || key === "PageUp") { prev(); ev.preventDefault(); }
    else if (key === "Home") { goTo(0); ev.preventDefault(); }
    else if (key === "End") { goTo(n - 1); ev.preventDefault(); }
    else if (key === "p" || key === "P") { setPlaying(!playing); }
    else if (key === "f" || key === "F") { setPresent(!document.body.classList.contains("present"), true); }
    else if ((key === "n" || key === "N") && document.body.classList.contains("present")) {
      document.body.classList.toggle("show-notes");
    }
    else if (key === "Escape" && document.body.classList.contains("present")) { setPresent(false, true); }
  });

  // Swipe left / right on the narrative or the slide (the map itself keeps dragging to pan).
  function swipe(node) {
    var x0 = null, y0 = null;
    node.addEventListener("touchstart", function (ev) {
      if (ev.touches.length !== 1) { x0 = null; return; }
      x0 = ev.touches[0].clientX; y0 = ev.touches[0].clientY;
    }, { passive: true });
    node.addEventListener("touchend", function (ev) {
      if (x0 === null) return;
      var t = ev.changedTouches[0];
      var dx = t.clientX - x0, dy = t.clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) { if (dx < 0) next(); else prev(); }
    }, { passive: true });
  }
  swipe($("panel"));
  swipe($("slide"));

  // ------------------------------------------------------------------------------------------
  // Start

  window.storymap = {
    goTo: function (i) { goTo(i); },
    current: function () { return current; },
    count: n,
    map: map
  };
  if (!n) {
    $("step-title").textContent = "This story has no steps.";
    $("prev").disabled = true; $("next").disabled = true; $("play").disabled = true;
    map.setView([20, 0], 2);
    settled();
  } else {
    var start = stepFromHash();
    goTo(start !== null && start >= 0 && start < n ? start : 0);
  }
  if (view.present) setPresent(true, false);
})();

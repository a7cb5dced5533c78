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
  var labelRows = readJSON("labels-data", []) || [];
  var params = new URLSearchParams(location.search);
  var presenter = params.get("view") === "presenter"; // the presenter's own window: notes, next step, timer
  // The compact layout for a frame in another page (the embed snippet asks for it with ?embed=1;
  // a small frame gets it anyway): map above, the step's headline, text and Previous / Next below.
  var framed = false;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
  if (params.get("embed") === "1" || (framed && window.innerHeight < 640)) document.body.classList.add("embed");
  // A picture for a slide or a handout (?shot=map: the map alone; ?shot=slide: the slide), no controls.
  // The scroll layout (to_html(layout="scroll")): the reader scrolls the steps' text and the map follows.
  var scrolly = view.layout === "scroll" && !shot_param() && params.get("embed") !== "1";
  function shot_param() { var v = params.get("shot"); return v === "map" || v === "slide"; }
  if (scrolly) document.body.classList.add("scroll");
  var shot = params.get("shot");
  if (shot === "map" || shot === "slide") document.body.classList.add("shot", "shot-" + shot);
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
    attributionControl: false,
    zoomControl: false
  });
  // Bottom left: the slide card takes the top of the map in presentation mode.
  L.control.zoom({ position: "bottomleft" }).addTo(map);
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

  // ------------------------------------------------------------------------------------------
  // Labels: the current step's places, always named, placed first (right of the marker, or left
  // when that would leave the map or hit another), then the basemap's names (countries, seas,
  // capitals, large cities; labels.js) around them. Text goes in with textContent only.

  var placePane = map.createPane("sm-place-labels");
  placePane.style.zIndex = 660;
  placePane.style.pointerEvents = "none";
  var placeLabels = L.layerGroup().addTo(map);
  var baseLabels = window.StorymapLabels(map, labelRows, { auto: false });

  function placeBox(text) {
    var size = document.body.classList.contains("present") ? 20 : 15;
    return { w: Math.ceil(0.6 * size * text.length) + 10, h: size + 6 };
  }
  var hits = window.StorymapLabels.overlaps;
  function drawPlaceLabels(i) {
    placeLabels.clearLayers();
    if (i < 0 || !steps[i]) return;
    var step = steps[i];
    var seen = {};
    var taken = [];
    var size = map.getSize();
    (step.places || []).forEach(function (p) {
      if (!located(p) || seen[p.name]) return;
      seen[p.name] = true;
      var text = p.name + (roleWord(p) && step.kind !== "overview" ? " (" + roleWord(p) + ")" : "");
      var box = placeBox(text);
      var pt = map.latLngToContainerPoint([p.lat, p.lon]);
      var rightRect = { x: pt.x + 12, y: pt.y - box.h / 2, w: box.w, h: box.h };
      var leftRect = { x: pt.x - 12 - box.w, y: pt.y - box.h / 2, w: box.w, h: box.h };
      var left = (pt.x + 12 + box.w > size.x - 4 || hits(rightRect, taken)) && pt.x - 12 - box.w > 4 && !hits(leftRect, taken);
      // The overview names as many of its places as fit; an event step names all of its own.
      if (step.kind === "overview" && hits(left ? leftRect : rightRect, taken)) return;
      var icon = L.divIcon({
        className: "sm-label sm-place-label sm-current" + (p.role === "mentioned" ? " sm-mentioned" : ""),
        html: el("span", "sm-label-text", text),
        iconSize: [box.w, box.h],
        iconAnchor: left ? [box.w + 12, box.h / 2] : [-12, box.h / 2]
      });
      L.marker([p.lat, p.lon], { icon: icon, pane: "sm-place-labels", interactive: false, keyboard: false }).addTo(placeLabels);
      taken.push(left ? leftRect : rightRect, { x: pt.x - 9, y: pt.y - 9, w: 18, h: 18 });
    });
  }
  function relabel() { drawPlaceLabels(current); baseLabels.draw(); }
  map.on("zoomend moveend resize", relabel);

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
      // A place only mentioned is a hollow ring, never a shape that would pull the view to it.
      var onlyMentioned = !rec.overview && p.role === "mentioned" && framed.length > 0;
      var geom = p.place_id && !onlyMentioned && geometries[p.place_id];
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
      var mentioned = !rec.overview && p.role === "mentioned";
      var m = L.circleMarker(ll, { radius: 6, weight: 2, className: mentioned ? "sm-marker sm-marker-mentioned" : "sm-marker" });
      m.mentioned = mentioned;
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

  // The current step's drawn places (markers, shapes, lines, labels) carry the class sm-current.
  function markCurrent(layer, on) {
    var node = layer.getElement && layer.getElement();
    if (node) node.classList.toggle("sm-current", on);
  }

  function setState(rec, state) {
    // Earlier steps fade; later steps show only as small grey dots so the reader sees where the story goes.
    var color = COLORS[state];
    if (rec.overview && state !== "current") { rec.all.forEach(function (layer) { map.removeLayer(layer); }); return; }
    rec.areas.forEach(function (a) {
      if (state === "future") { map.removeLayer(a); return; }
      // Earlier areas keep a faint outline only, so many of them do not pile up into grey.
      a.setStyle({ color: color, fillColor: color, opacity: state === "current" ? 0.9 : 0.25,
                   fillOpacity: state === "current" ? 0.22 : 0, weight: state === "current" ? 1.5 : 1 });
      if (!map.hasLayer(a)) a.addTo(map);
      a.eachLayer(function (part) { markCurrent(part, state === "current"); });
    });
    rec.lines.forEach(function (line) {
      if (state === "future") { map.removeLayer(line); return; }
      if (!map.hasLayer(line)) line.addTo(map);
      line.setStyle({ color: color, opacity: state === "current" ? 0.95 : 0.35, weight: state === "current" ? 3 : 2 });
      var path = line.getElement && line.getElement();
      if (path) path.classList.toggle("sm-move-current", state === "current");
      markCurrent(line, state === "current");
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
      markCurrent(m, state === "current");
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
    var media = el("div", "step-media");
    fillMedia(media, step);
    if (media.firstChild) container.appendChild(media);
    if (opts.compact) {
      // A card of the scroll layout: who reports it, in one line.
      var names = [];
      (step.sources || []).forEach(function (src) { var c = citation(src).label; if (names.indexOf(c) < 0) names.push(c); });
      if (names.length) container.appendChild(el("p", "card-sources", "Sources: " + names.join("; ")));
      return;
    }
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

  // A step's pictures: an embedded one (data:image) is shown; one on the web is a link the reader
  // may follow, never loaded by the page itself (the page asks nothing of the network).
  function fillMedia(box, step) {
    clear(box);
    (step.media || []).forEach(function (m) {
      if (!m || typeof m.url !== "string") return;
      var fig = el("figure", "media");
      var caption = (m.caption || "") + (m.credit ? " (" + m.credit + ")" : "");
      if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(m.url)) {
        var img = el("img");
        img.setAttribute("src", m.url);
        img.setAttribute("alt", m.caption || "Picture from the article");
        fig.appendChild(img);
      } else if (/^https?:\/\//i.test(m.url)) {
        var a = el("a", "media-link", "Picture" + (m.caption ? ": " + m.caption : "") + " (on the web)");
        a.setAttribute("href", m.url);
        a.setAttribute("rel", "noopener noreferrer");
        a.setAttribute("target", "_blank");
        fig.appendChild(a);
        caption = m.credit ? "Credit: " + m.credit : "";
      } else {
        return;
      }
      if (caption) fig.appendChild(el("figcaption", null, caption));
      box.appendChild(fig);
    });
    box.hidden = !box.firstChild;
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
    cards.forEach(function (c, j) { c.classList.toggle("is-current", j === i); if (j === i) c.setAttribute("aria-current", "step"); else c.removeAttribute("aria-current"); });
    $("step-date").textContent = dateLine(i);
    $("step-title").textContent = headline(step);
    $("narrative").setAttribute("data-kind", step.kind || "event");
    $("to-overview").hidden = !hasOverview || i === 0;
    $("step-text").textContent = step.text || "";
    fillMedia($("step-media"), step);
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
    showPresenter(i);
    fitSlideTitle();
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

  // What of the map is really free: the slide card, the progress badge and the controls float over
  // it in presentation mode (and may anywhere else a stylesheet puts them), so each element that
  // covers the map takes its measured size off the side of the map it hugs.
  function framePadding() {
    var m = $("map").getBoundingClientRect();
    var pad = { top: 0, right: 0, bottom: 0, left: 0 };
    [document.querySelector(".slide-card"), $("slide-progress"), $("panel"), $("notes")].forEach(function (node) {
      if (!node) return;
      var style = window.getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden" || (style.position !== "fixed" && style.position !== "absolute")) return;
      var r = node.getBoundingClientRect();
      if (!r.width || !r.height) return;
      if (Math.min(r.right, m.right) <= Math.max(r.left, m.left) || Math.min(r.bottom, m.bottom) <= Math.max(r.top, m.top)) return;
      var cut = { top: r.bottom - m.top, bottom: m.bottom - r.top, left: r.right - m.left, right: m.right - r.left };
      var lost = { top: cut.top * m.width, bottom: cut.bottom * m.width, left: cut.left * m.height, right: cut.right * m.height };
      var side = ["top", "bottom", "left", "right"].reduce(function (a, b) { return lost[b] < lost[a] ? b : a; });
      pad[side] = Math.max(pad[side], cut[side]);
    });
    var margin = Math.min(40, Math.max(12, Math.min(m.width, m.height) / 12));
    // Never leave less than a third of the map in either direction.
    var fit = function (a, b, total) {
      var room = total - a - b - 2 * margin;
      if (room >= total / 3) return [a, b];
      var k = Math.max(0, (total * 2 / 3 - 2 * margin) / Math.max(1, a + b));
      return [a * k, b * k];
    };
    var h = fit(pad.left, pad.right, m.width), v = fit(pad.top, pad.bottom, m.height);
    // Room for the current place's label to the right of its marker.
    return { paddingTopLeft: [h[0] + margin, v[0] + margin], paddingBottomRight: [h[1] + margin + 60, v[1] + margin] };
  }

  function frame(i, animate, first) {
    var rec = layers[i];
    root.setAttribute("data-settled", "false");
    settleTimer = setTimeout(settled, animate ? 3000 : 300);
    map.once("moveend", function () { setTimeout(settled, 50); });
    // A step with nothing placed keeps the view, except the first one shown (or step 1): the story's.
    var bounds = rec.bounds || (i === 0 || first ? storyBounds : null);
    if (!bounds) {
      setTimeout(settled, 50); // nothing to show: keep the view
      return;
    }
    if (rec.single) bounds = L.latLngBounds([rec.single, rec.single]);
    var opts = Object.assign({ maxZoom: rec.bounds ? (rec.maxZoom || DEFAULT_ZOOM) : 6 }, framePadding());
    if (animate) map.flyToBounds(bounds, Object.assign({ duration: 1.2 }, opts));
    else map.fitBounds(bounds, Object.assign({ animate: false }, opts));
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
    current = i;
    frame(i, !first && !reduceMotion, first);
    relabel();
    tellOther(i);
    root.setAttribute("data-step", String(i + 1));
    setHash(i);
    if (opts.focus) $("narrative").focus({ preventScroll: false });
    if (playing && !opts.fromTimer) schedule();
  }

  function next() { if (scrolly) scrollToCard(current + 1); else goTo(current + 1); }
  function prev() { if (scrolly) scrollToCard(current - 1); else goTo(current - 1); }

  // ------------------------------------------------------------------------------------------
  // Scroll layout: every step is a card in one column; the card crossing the middle of the
  // column (or of the window, on a phone) is the current step, and the map follows it.

  var cards = [];
  function scrollToCard(i) {
    i = Math.max(0, Math.min(n - 1, i));
    if (cards[i]) cards[i].scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
    goTo(i);
  }
  function buildScroll() {
    var box = $("scroll-steps");
    box.hidden = false;
    box.setAttribute("aria-label", "Story steps");
    steps.forEach(function (step, i) {
      var card = el("article", "scroll-card" + (step.kind ? " kind-" + step.kind : ""));
      card.setAttribute("data-step", String(i));
      card.setAttribute("tabindex", "-1");
      renderStep(card, step, i, { titleTag: i === 0 && step.kind === "overview" ? "h2" : "h3", compact: true });
      box.appendChild(card);
      cards.push(card);
    });
    var seen = {};
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { seen[e.target.getAttribute("data-step")] = e.isIntersecting; });
      var inView = Object.keys(seen).filter(function (k) { return seen[k]; }).map(Number).sort(function (a, b) { return a - b; });
      if (inView.length && inView[0] !== current) goTo(inView[0]);
    }, { root: window.innerWidth > 760 ? box : null, rootMargin: "-45% 0px -45% 0px", threshold: 0 });
    cards.forEach(function (c) { observer.observe(c); });
  }

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
    fitSlideTitle();
    if (fromUser && on && document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().then(function () { wentFullscreen = true; }, function () {});
    }
    if (!on && wentFullscreen && document.fullscreenElement) {
      wentFullscreen = false;
      document.exitFullscreen().catch(function () {});
    }
    setTimeout(function () { map.invalidateSize(); if (current >= 0) frame(current, false); }, 60);
  }

  // A long headline shrinks until the slide card takes at most 40% of the screen's height (down to
  // a floor that stays readable from the back of a room).
  function fitSlideTitle() {
    var t = $("slide-title");
    t.style.fontSize = "";
    if (!document.body.classList.contains("present")) return;
    var card = document.querySelector(".slide-card");
    var size = parseFloat(window.getComputedStyle(t).fontSize) || 32;
    var limit = window.innerHeight * 0.4;
    var widest = card.parentNode.getBoundingClientRect().width;
    for (var k = 0; k < 12 && size > 18 && (card.getBoundingClientRect().height > limit || t.scrollWidth > widest); k++) {
      size = Math.max(18, size * 0.88);
      t.style.fontSize = size + "px";
    }
  }
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    if (resizeTimer) clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { fitSlideTitle(); if (current >= 0) frame(current, false); }, 150);
  });

  // ------------------------------------------------------------------------------------------
  // Presenter view: a second window of this page (?view=presenter) with the speaker notes, the
  // next step and a clock; the audience screen never shows notes. The two windows keep each
  // other on the same step with postMessage (which works from file:// too); a message is only a
  // step number, and only the window this one opened, or was opened by, is listened to.

  var other = presenter ? window.opener : null;
  var started = Date.now();
  function openPresenter() {
    var url = location.href.split("#")[0].split("?")[0] + "?view=presenter#step-" + (current + 1);
    var w = window.open(url, "storymap-presenter", "width=1000,height=720");
    if (w) { other = w; }
  }
  function tellOther(i) {
    if (!other || other.closed) return;
    try { other.postMessage({ storymapStep: i }, "*"); } catch (e) { /* the other window went away */ }
  }
  window.addEventListener("message", function (ev) {
    if (!other || ev.source !== other) return;
    var data = ev.data;
    var i = data && typeof data.storymapStep === "number" ? Math.floor(data.storymapStep) : -1;
    if (i >= 0 && i < n && i !== current) { var keep = other; other = null; goTo(i); other = keep; }
  });
  function showPresenter(i) {
    if (!presenter) return;
    $("notes").hidden = false;
    var nextBox = $("notes-next");
    nextBox.textContent = i + 1 < n ? "Next: " + stepLabel(i + 1) : "Last step";
  }
  if (presenter) {
    document.body.classList.add("presenter");
    $("notes").hidden = false;
    setInterval(function () {
      var sec = Math.floor((Date.now() - started) / 1000);
      $("notes-clock").textContent = Math.floor(sec / 60) + ":" + ("0" + (sec % 60)).slice(-2);
    }, 1000);
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
  $("presenter-open").addEventListener("click", openPresenter);
  $("notes-prev").addEventListener("click", prev);
  $("notes-next-step").addEventListener("click", next);
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
    var presenting = document.body.classList.contains("present");
    // Space advances (Shift+Space goes back), as in slide software; on a focused button or link
    // outside a presentation it keeps its own meaning (press that button).
    if (key === " " && (presenting || presenter || !(tag === "BUTTON" || tag === "A" || tag === "SUMMARY"))) {
      if (ev.shiftKey) prev(); else next();
      ev.preventDefault();
    }
    else if (key === "ArrowRight" || key === "PageDown") { next(); ev.preventDefault(); }
    else if (key === "ArrowLeft" || key === "PageUp") { prev(); ev.preventDefault(); }
    else if (key === "Home") { goTo(0); ev.preventDefault(); }
    else if (key === "End") { goTo(n - 1); ev.preventDefault(); }
    else if (key === "p" || key === "P") { setPlaying(!playing); }
    else if (key === "f" || key === "F") { setPresent(!document.body.classList.contains("present"), true); }
    else if ((key === "n" || key === "N" || key === "s" || key === "S") && !presenter) { openPresenter(); }
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
    if (scrolly) { buildScroll(); map.invalidateSize(); }
    goTo(start !== null && start >= 0 && start < n ? start : 0);
    if (scrolly && start) cards[Math.max(0, Math.min(n - 1, start))].scrollIntoView({ block: "center" });
  }
  if (view.present || shot === "slide") setPresent(true, false);
})();

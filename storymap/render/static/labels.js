/* storymap basemap labels: the names of countries, seas, capitals and large cities
 * (geodata/labels.json rows [name, lat, lon, kind, minzoom, rank]) on a Leaflet map, by zoom,
 * placed greedily in rank order so that no two overlap and none covers what is already named on
 * the map (the current step's place labels and markers: opts.reserve, a CSS selector).
 *
 * Used by the exported page (inlined before story.js) and the app's map (served by the app).
 * Names reach the DOM through textContent only.
 */
(function (global) {
  "use strict";

  var FONT = { country: 13, water: 12, capital: 12, city: 11 };
  var KINDS = { country: true, water: true, capital: true, city: true };

  function box(name, kind) {
    var size = FONT[kind] || 12;
    var wide = kind === "country" ? 0.68 : 0.58; // country names are set in spaced capitals
    return { w: Math.ceil(wide * size * name.length) + (kind === "water" || kind === "country" ? 4 : 14), h: size + 6 };
  }

  function overlaps(r, placed) {
    for (var k = 0; k < placed.length; k++) {
      var q = placed[k];
      if (r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h) return true;
    }
    return false;
  }

  function icon(name, kind, b, dot) {
    var node = document.createElement("span");
    node.className = "sm-label-text";
    node.textContent = name;
    return L.divIcon({
      className: "sm-label sm-label-" + kind,
      html: node,
      iconSize: [b.w, b.h],
      // A town's name sits right of its dot; a country or sea is centred on its point.
      iconAnchor: dot ? [-2, b.h / 2] : [b.w / 2, b.h / 2]
    });
  }

  function StorymapLabels(map, rows, opts) {
    opts = opts || {};
    rows = Array.isArray(rows) ? rows.filter(function (r) {
      return Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "number" && typeof r[2] === "number"
        && KINDS[r[3]] === true && typeof r[4] === "number";
    }) : [];
    var pane = map.getPane("sm-labels") || map.createPane("sm-labels");
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    var group = L.layerGroup().addTo(map);
    var max = opts.max || 160;
    var reserve = opts.reserve || ".sm-place-label, .leaflet-tooltip.sm-current, .sm-marker.sm-current";

    function reserved() {
      var root = map.getContainer();
      var c = root.getBoundingClientRect();
      return Array.prototype.map.call(root.querySelectorAll(reserve), function (e) {
        var r = e.getBoundingClientRect();
        return { x: r.left - c.left, y: r.top - c.top, w: r.width, h: r.height };
      });
    }

    function draw() {
      group.clearLayers();
      if (!rows.length) return;
      var z = map.getZoom();
      var size = map.getSize();
      var placed = reserved();
      var shown = 0;
      for (var k = 0; k < rows.length && shown < max; k++) {
        var row = rows[k];
        if (row[4] > z + 0.01) continue;
        var kind = row[3], dot = kind === "capital" || kind === "city";
        var pt = map.latLngToContainerPoint([row[1], row[2]]);
        if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) continue;
        var b = box(row[0], kind);
        var r = dot ? { x: pt.x - 4, y: pt.y - b.h / 2, w: b.w + 4, h: b.h } : { x: pt.x - b.w / 2, y: pt.y - b.h / 2, w: b.w, h: b.h };
        if (overlaps(r, placed)) continue;
        placed.push(r);
        shown++;
        L.marker([row[1], row[2]], { icon: icon(row[0], kind, b, dot), pane: "sm-labels", interactive: false, keyboard: false }).addTo(group);
      }
    }

    if (opts.auto !== false) {
      map.on("zoomend moveend resize", draw);
      draw();
    }
    return { draw: draw, layer: group, box: box, overlaps: overlaps };
  }

  StorymapLabels.overlaps = overlaps; // the page's own place labels use the same test
  global.StorymapLabels = StorymapLabels;
})(window);

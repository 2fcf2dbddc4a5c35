/* Map of places (and of events on the events page): Leaflet with an offline base layer of country outlines (Natural Earth via
   world-atlas TopoJSON).  No tile server is ever contacted.  Text from the archive is put
   into the page with textContent only, never innerHTML. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;

  var map = L.map(el, { worldCopyJump: true, zoomSnap: 0.5, minZoom: 2, maxZoom: 12,
                        attributionControl: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("حدود الدول: Natural Earth");
  map.setView([28, 38], 4);
  map.createPane("outlines").style.zIndex = 200;

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // Natural Earth rings that cross the antimeridian (Russia, Fiji, Antarctica …) would be
  // drawn as bands across the whole map: move their western half past 180° instead.
  function unwrapRing(ring) {
    var lo = Infinity, hi = -Infinity;
    ring.forEach(function (p) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); });
    if (hi - lo <= 270) return ring;
    return ring.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });
  }
  function unwrap(geometry) {
    if (!geometry) return geometry;
    if (geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (poly) { return poly.map(unwrapRing); });
    }
    return geometry;
  }

  getJSON(el.dataset.outlines).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    countries.features.forEach(function (f) { unwrap(f.geometry); });
    L.geoJSON(countries, {
      pane: "outlines",
      interactive: false,
      style: { color: "#9c9486", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 }
    }).addTo(map);
    el.classList.add("outlines-ready");
  }).catch(function (e) { console.warn("outlines:", e); });

  function popup(p) {
    var box = document.createElement("div");
    box.dir = "rtl";
    box.className = "map-popup";
    var a = document.createElement("a");
    a.href = "/place/" + encodeURIComponent(p.id);
    a.textContent = p.name;
    var title = document.createElement("strong");
    title.appendChild(a);
    box.appendChild(title);
    var info = document.createElement("div");
    info.textContent = p.doc_count + " مقال · " + p.mention_count + " إشارة" +
      (p.country ? " · " + p.country : "");
    box.appendChild(info);
    return box;
  }

  // The events page: one marker per located event, its popup says who did what to whom
  // and links the article at the evidence (every string through textContent).
  function eventPopup(p) {
    var box = document.createElement("div");
    box.dir = "rtl";
    box.className = "map-popup";
    var title = document.createElement("strong");
    var a = document.createElement("a");
    a.href = p.href;
    a.textContent = (p.actor || "—") + " ← " + p.trigger + " ← " + (p.target || "—");
    title.appendChild(a);
    box.appendChild(title);
    var info = document.createElement("div");
    info.textContent = p.type + " · " + p.mode +
      (p.fatalities !== null && p.fatalities !== undefined ? " · قتلى: " + p.fatalities : "") +
      (p.place ? " · " + p.place : "");
    box.appendChild(info);
    return box;
  }

  if (el.dataset.events) {
    getJSON(el.dataset.events).then(function (fc) {
      var layer = L.featureGroup();
      fc.features.forEach(function (f) {
        var c = f.geometry.coordinates;
        var p = f.properties;
        var m = L.circleMarker([c[1], c[0]], {
          radius: 4 + Math.min(9, Math.sqrt(p.fatalities || 0)),
          color: "#7a1f1f", weight: 1.5, fillColor: "#c0392b", fillOpacity: 0.6
        });
        m.bindPopup(eventPopup(p));
        m.bindTooltip(p.trigger, { direction: "top", offset: [0, -6] });
        m.addTo(layer);
      });
      layer.addTo(map);
      if (fc.features.length) {
        map.fitBounds(layer.getBounds().pad(0.2), { maxZoom: 6, animate: false });
      }
      el.dataset.markers = String(fc.features.length);
      el.classList.add("events-ready");
    }).catch(function (e) {
      console.warn("events:", e);
      el.classList.add("events-failed");
    });
  }

  if (el.dataset.places) getJSON(el.dataset.places).then(function (fc) {
    var markers = {};
    var layer = L.featureGroup();
    fc.features.forEach(function (f) {
      var c = f.geometry.coordinates;  // GeoJSON order: [lon, lat]
      var p = f.properties;
      var m = L.circleMarker([c[1], c[0]], {
        radius: Math.min(13, 3.5 + 2.2 * Math.sqrt(p.doc_count || 1)),
        color: "#0f5257", weight: 1.5, fillColor: "#1b998b", fillOpacity: 0.65
      });
      m.bindPopup(popup(p));
      m.bindTooltip(p.name, { direction: "top", offset: [0, -6] });
      m.addTo(layer);
      markers[p.id] = m;
    });
    layer.addTo(map);
    if (fc.features.length) {
      map.fitBounds(layer.getBounds().pad(0.15), { maxZoom: 6, animate: false });
    }
    var want = decodeURIComponent(location.hash.slice(1));
    if (want && markers[want]) {
      map.setView(markers[want].getLatLng(), 6, { animate: false });
      markers[want].openPopup();
    }
    el.dataset.markers = String(fc.features.length);
    el.classList.add("places-ready");
  }).catch(function (e) {
    console.warn("places:", e);
    el.classList.add("places-failed");
  });
})();

// The humanitarian map: pauses, corridors and notified sites/movements from the API. The API
// leaves out coordinates the caller may not see (and audits those it shows), so features without
// a geometry are simply not drawn. Popups are built from text nodes, never HTML.
(function () {
  'use strict';
  var el = document.getElementById('hmap');
  if (!el || typeof L === 'undefined') { return; }
  var map = L.map(el, { keyboard: true }).setView([35.0, 38.0], 7);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: 'Map tiles as configured' }).addTo(map);
  }
  fetch('/api/v1/geo/countries').then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, { style: { color: '#7a869a', weight: 1, fillColor: '#eef1f4', fillOpacity: el.dataset.tiles ? 0 : 1 },
      interactive: false }).addTo(map).bringToBack();
  });
  function popup(lines) {
    var div = document.createElement('div');
    lines.forEach(function (t) {
      var p = document.createElement('p');
      p.textContent = t;
      div.appendChild(p);
    });
    return div;
  }
  function layer(url, style, describe) {
    fetch(url).then(function (r) { return r.ok ? r.json() : { features: [] }; }).then(function (fc) {
      var drawable = { type: 'FeatureCollection', features: fc.features.filter(function (f) { return f.geometry; }) };
      L.geoJSON(drawable, {
        style: style,
        pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 7, color: '#fff', fillColor: '#1a9850', fillOpacity: 0.9, weight: 2 }); },
        onEachFeature: function (f, l) { l.bindPopup(popup(describe(f.properties))); }
      }).addTo(map);
    });
  }
  layer('/api/v1/pauses?f=geojson', { color: '#6a51a3', weight: 2, fillOpacity: 0.15 }, function (p) {
    return ['Pause: ' + p.name, p.validFrom + ' – ' + p.validTo];
  });
  layer('/api/v1/corridors?f=geojson', { color: '#1a9850', weight: 4, dashArray: '6 4' }, function (p) {
    return ['Corridor: ' + p.name, 'Status: ' + p.status + (p.reason ? ' (' + p.reason + ')' : ''), p.opensAt + '–' + p.closesAt + ' UTC'];
  });
  // Notified sites come per view (bbox): the whole list with coordinates is an export, off by
  // default (TRUCE_HUMANITARIAN_EXPORT). Each move asks for the new view and replaces the layer.
  var sites = null;
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  function loadSites() {
    var b = map.getBounds();
    var bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map(function (v) { return v.toFixed(5); }).join(',');
    fetch('/api/v1/notifications?f=geojson&bbox=' + bbox).then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (fc) {
        if (sites) { map.removeLayer(sites); }
        sites = L.geoJSON({ type: 'FeatureCollection', features: fc.features.filter(function (f) { return f.geometry; }) }, {
          style: { color: '#006d2c', weight: 3 },
          pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 7, color: '#fff', fillColor: '#1a9850', fillOpacity: 0.9, weight: 2 }); },
          onEachFeature: function (f, l) {
            var p = f.properties;
            l.bindPopup(popup([p.type + ': ' + p.name, 'Notified by ' + p.organisation,
              p.responses.map(function (r) { return r.party + ': ' + r.status; }).join(', ')]));
          }
        }).addTo(map);
      });
  }
  map.on('moveend', loadSites);
  loadSites();
})();

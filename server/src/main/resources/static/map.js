// The zones-and-reports map and the single-report map. No inline script: the page passes its
// data through data- attributes so the Content-Security-Policy can forbid inline code.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var map = L.map(el, { keyboard: true }).setView([35.0, 38.0], 7);
  var tiles = el.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: 'Map tiles as configured' }).addTo(map);
  }
  fetch('/api/v1/geo/countries').then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, { style: { color: '#7a869a', weight: 1, fillColor: '#eef1f4', fillOpacity: tiles ? 0 : 1 },
      interactive: false }).addTo(map).bringToBack();
  });

  var point = el.dataset.point;
  if (point) {
    var ll = point.split(',').map(Number);
    L.circleMarker(ll, { radius: 8, color: '#fff', fillColor: '#d7301f', fillOpacity: 0.9, weight: 2 }).addTo(map);
    map.setView(ll, 10);
    return;
  }

  var search = document.getElementById('place-search');
  if (search) {
    var q = document.getElementById('place-q');
    var options = document.getElementById('place-options');
    var result = document.getElementById('place-result');
    var found = null;
    var lookup = function (text) {
      return fetch('/api/v1/places?limit=10&q=' + encodeURIComponent(text)).then(function (r) { return r.ok ? r.json() : []; });
    };
    q.addEventListener('input', function () {
      if (q.value.trim().length < 2) { return; }
      lookup(q.value.trim()).then(function (items) {
        options.textContent = '';
        items.forEach(function (p) {
          var o = document.createElement('option');
          o.value = p.name;
          o.label = p.name + ' — ' + (p.governorate || '') + ', ' + p.country;
          options.appendChild(o);
        });
      });
    });
    search.addEventListener('submit', function (e) {
      e.preventDefault();
      lookup(q.value.trim()).then(function (items) {
        if (!items.length) { result.textContent = 'No place found'; return; }
        var p = items[0];
        result.textContent = p.name + ' — ' + (p.governorate || '') + ', ' + p.country;
        if (found) { map.removeLayer(found); }
        found = L.marker([p.latitude, p.longitude], { title: p.name }).addTo(map);
        map.setView([p.latitude, p.longitude], 11);
      });
    });
  }

  var zoneStyles = {
    DE_ESCALATION_ZONE: { color: '#1f78b4', fillOpacity: 0.15, weight: 2 },
    SECURITY_ZONE: { color: '#ff7f00', fillOpacity: 0.15, weight: 2, dashArray: '4' },
    LINE_OF_CONTACT: { color: '#e31a1c', weight: 3 },
    WITHDRAWAL_LINE: { color: '#b15928', weight: 3, dashArray: '6' },
    HUMANITARIAN_CORRIDOR: { color: '#33a02c', weight: 3 },
    EXCLUSION_BUFFER: { color: '#fb9a99', fillOpacity: 0.1, weight: 1 },
    AREA_OF_CONTROL: { color: '#6a3d9a', fillOpacity: 0.25, weight: 2 }
  };
  var status = document.getElementById('map-status');
  var at = el.dataset.at ? '?at=' + encodeURIComponent(el.dataset.at) : '';
  fetch('/api/v1/zones' + at).then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, {
      style: function (f) { return zoneStyles[f.properties.type] || { color: '#555' }; },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        var label = document.createElement('span');
        label.textContent = p.name + (p.approximate ? ' (approximate)' : '');
        layer.bindTooltip(label);
      }
    }).addTo(map);
  });

  // Reports get a pane above the zones' (app.css), so that zone outlines arriving after them do
  // not cover the markers and swallow their clicks.
  map.createPane('reports');
  fetch(el.dataset.reports).then(function (r) { return r.json(); }).then(function (geo) {
    var layer = L.geoJSON(geo, {
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, { radius: 6, color: '#fff', weight: 1, fillColor: '#d7301f', fillOpacity: 0.85,
          pane: 'reports' });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        var box = document.createElement('div');
        var a = document.createElement('a');
        a.href = '/reports/' + encodeURIComponent(p.id);
        a.textContent = p.categoryLabel + ' — ' + (p.location.place || p.computed.governorate || '');
        box.appendChild(a);
        var meta = document.createElement('div');
        meta.textContent = p.reportingParty + ' · ' + p.occurredAt + ' · ' + (p.computed.governorate || '?') +
          (p.computed.zones.length ? ' · ' + p.computed.zones.join(', ') : '');
        box.appendChild(meta);
        layer.bindPopup(box);
        layer.options.title = p.id;
      }
    }).addTo(map);
    if (status) { status.textContent = geo.numberReturned + ' of ' + geo.numberMatched + ' report(s) shown'; }
    el.dataset.loaded = String(geo.numberReturned);
  });
})();

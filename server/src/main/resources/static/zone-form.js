// Zone form: load a GeoJSON file into the geometry field, or draw a polygon/line by clicking.
(function () {
  'use strict';
  var text = document.getElementById('z-geometry');
  var file = document.getElementById('z-file');
  var type = document.getElementById('z-type');
  if (file) {
    file.addEventListener('change', function () {
      var f = file.files[0];
      if (!f) { return; }
      f.text().then(function (content) {
        try {
          var geo = JSON.parse(content);
          if (geo.type === 'FeatureCollection') { geo = geo.features[0].geometry; }
          if (geo.type === 'Feature') { geo = geo.geometry; }
          text.value = JSON.stringify(geo);
        } catch (e) {
          text.value = content;
        }
      });
    });
  }
  var el = document.getElementById('draw-map');
  if (!el || typeof L === 'undefined') { return; }
  var map = L.map(el).setView([35.0, 38.0], 6);
  fetch('/api/v1/geo/countries').then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, { style: { color: '#7a869a', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 }, interactive: false }).addTo(map);
  });
  var points = [];
  var shape = null;
  function isLine() {
    var t = type ? type.value : '';
    return t === 'LINE_OF_CONTACT' || t === 'WITHDRAWAL_LINE' || t === 'HUMANITARIAN_CORRIDOR';
  }
  function redraw() {
    if (shape) { map.removeLayer(shape); shape = null; }
    if (points.length === 0) { return; }
    shape = isLine() || points.length < 3 ? L.polyline(points, { color: '#e31a1c' }) : L.polygon(points, { color: '#1f78b4' });
    shape.addTo(map);
    var coords = points.map(function (p) { return [+p.lng.toFixed(5), +p.lat.toFixed(5)]; });
    if (isLine()) {
      text.value = JSON.stringify({ type: 'LineString', coordinates: coords });
    } else if (coords.length >= 3) {
      text.value = JSON.stringify({ type: 'Polygon', coordinates: [coords.concat([coords[0]])] });
    }
  }
  map.on('click', function (e) { points.push(e.latlng); redraw(); });
  document.getElementById('draw-clear').addEventListener('click', function () { points = []; redraw(); text.value = ''; });
  try {
    var existing = JSON.parse(text.value);
    if (existing && existing.type) { L.geoJSON(existing, { style: { color: '#555' } }).addTo(map); }
  } catch (e) { /* nothing drawn yet */ }
})();

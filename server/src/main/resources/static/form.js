// Report form helpers: place suggestions from the gazetteer, and a map to pick coordinates.
(function () {
  'use strict';
  var place = document.getElementById('f-place');
  var list = document.getElementById('places');
  var timer = null;
  if (place && list) {
    place.addEventListener('input', function () {
      clearTimeout(timer);
      var q = place.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        fetch('/api/v1/places?limit=10&q=' + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = '';
            items.forEach(function (p) {
              var o = document.createElement('option');
              o.value = p.name;
              o.label = p.name + ' — ' + (p.governorate || '') + ', ' + p.country;
              list.appendChild(o);
            });
          });
      }, 200);
    });
  }
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
  var el = document.getElementById('pick-map');
  if (!el || typeof L === 'undefined') { return; }
  var lat = document.getElementById('f-latitude');
  var lon = document.getElementById('f-longitude');
  var map = L.map(el).setView([35.0, 38.0], 6);
  fetch('/api/v1/geo/countries').then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, { style: { color: '#7a869a', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 }, interactive: false }).addTo(map);
  });
  var marker = null;
  function show(ll) {
    if (marker) { marker.setLatLng(ll); } else { marker = L.marker(ll).addTo(map); }
  }
  if (lat.value && lon.value && !isNaN(+lat.value) && !isNaN(+lon.value)) { show([+lat.value, +lon.value]); }
  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(5);
    lon.value = e.latlng.lng.toFixed(5);
    show(e.latlng);
  });
})();

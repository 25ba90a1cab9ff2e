/// The web map's own script (gmgeo.js) and style sheet (gmgeo.css), written beside the page.
/// Plain ES5 on Leaflet 1.7, no build step: the page must open from file:// on any browser a
/// planner's laptop has, with no network.
enum WebPageScript {
    // The layer scripts call gmgeo.layer(spec, geojson) as they load (script tags work from
    // file://, fetch() does not); the page's last script calls gmgeo.start(config).
    static let javascript = #"""
    // gmgeo web map: draws the layers registered by layers/*.js with the report's styles.
    (function () {
      'use strict';
      var registered = [];
      var gmgeo = window.gmgeo = { layers: {}, order: [] };
      gmgeo.layer = function (spec, data) { registered.push({ spec: spec, data: data }); };

      function esc(s) {
        return String(s).replace(/[&<>"']/g, function (c) {
          return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
        });
      }

      function pathOptions(sym, pane, kind) {
        return {
          pane: pane, stroke: !!sym.stroke, color: sym.stroke || '#000', opacity: sym.stroke ? sym.strokeOpacity : 0,
          weight: sym.weight, dashArray: sym.dash, fill: kind === 'polygon' && !!sym.fill, fillColor: sym.fill || '#000',
          fillOpacity: sym.fill ? sym.fillOpacity : 0, lineJoin: 'round'
        };
      }

      // A point symbol (or a legend swatch) as inline SVG.
      function shapeSVG(sym, s) {
        var fill = sym.fill ? 'fill="' + sym.fill + '" fill-opacity="' + sym.fillOpacity + '"' : 'fill="none"';
        var stroke = sym.stroke ? ' stroke="' + sym.stroke + '" stroke-opacity="' + sym.strokeOpacity + '" stroke-width="1.2"' : '';
        var h = s / 2, r = h - 1, body;
        if (sym.shape === 'square') body = '<rect x="1" y="1" width="' + (s - 2) + '" height="' + (s - 2) + '" ' + fill + stroke + '/>';
        else if (sym.shape === 'triangle') body = '<polygon points="' + h + ',1 ' + (s - 1) + ',' + (s - 1) + ' 1,' + (s - 1) + '" ' + fill + stroke + '/>';
        else body = '<circle cx="' + h + '" cy="' + h + '" r="' + r + '" ' + fill + stroke + '/>';
        return '<svg width="' + s + '" height="' + s + '">' + body + '</svg>';
      }

      function swatch(sym, kind) {
        if (kind === 'point') return shapeSVG(sym, Math.min(sym.size, 16));
        var stroke = sym.stroke ? ' stroke="' + sym.stroke + '" stroke-opacity="' + sym.strokeOpacity + '" stroke-width="' + Math.min(sym.weight, 4) + '"' +
          (sym.dash ? ' stroke-dasharray="' + sym.dash + '"' : '') : '';
        var body = kind === 'line' ? '<line x1="1" y1="7" x2="23" y2="7"' + stroke + '/>'
          : '<rect x="1" y="1" width="22" height="12" fill="' + (sym.fill || 'none') + '" fill-opacity="' + sym.fillOpacity + '"' + stroke + '/>';
        return '<svg width="24" height="14">' + body + '</svg>';
      }

      function name(props, cfg) {
        var order = cfg.language === 'en' ? ['name_en', 'name_zh'] : ['name_zh', 'name_en'];
        order = order.concat(cfg.searchFields);
        for (var i = 0; i < order.length; i++) {
          var v = props[order[i]];
          if (v !== null && v !== undefined && v !== '') return String(v);
        }
        return '';
      }

      function value(field, v, cfg) {
        if (v === null || v === undefined || v === '') return '–';
        var words = cfg.values[field];
        if (words && words[String(v)] !== undefined) return esc(words[String(v)]);
        if (typeof v === 'number') {
          if (cfg.shareFields.indexOf(field) >= 0) return (v * 100).toFixed(1) + '%';
          return esc(v.toLocaleString(cfg.locale, { maximumFractionDigits: Math.abs(v) < 1 ? 4 : 2 }));
        }
        if (field === 'reasons') {
          return '<ul class="gm-reasons">' + String(v).split(/；|; /).map(function (r) { return '<li>' + esc(r) + '</li>'; }).join('') + '</ul>';
        }
        return esc(v);
      }

      function rows(fields, props, cfg) {
        return fields.map(function (f) {
          return '<tr><th>' + esc(cfg.fields[f] || f) + '</th><td data-field="' + esc(f) + '">' + value(f, props[f], cfg) + '</td></tr>';
        }).join('');
      }

      function popup(spec, props, cfg) {
        var id = props.project_id ? esc(props.project_id) + ' ' : '';
        var html = '<div class="gm-popup"><div class="gm-popup-layer">' + esc(spec.title) + '</div><h3>' + id + esc(name(props, cfg)) + '</h3>' +
          '<table>' + rows(spec.keyFields, props, cfg) + '</table>';
        var rest = Object.keys(props).filter(function (f) { return spec.keyFields.indexOf(f) < 0; });
        if (rest.length) html += '<details><summary>' + esc(cfg.text.more) + '</summary><table>' + rows(rest, props, cfg) + '</table></details>';
        return html + '</div>';
      }

      function build(map, entry, index, cfg) {
        var spec = entry.spec, pane = 'gm-pane-' + index;
        map.createPane(pane).style.zIndex = String(410 + index);
        entry.data.features.forEach(function (f, i) { f.gmSymbol = spec.symbols[spec.classes[i]]; });
        var items = [];
        var layer = L.geoJSON(entry.data, {
          style: function (f) { return pathOptions(f.gmSymbol, pane, spec.geometry); },
          pointToLayer: function (f, latlng) {
            var s = f.gmSymbol.size;
            return L.marker(latlng, { pane: pane, keyboard: false, icon: L.divIcon({ className: 'gm-point', html: shapeSVG(f.gmSymbol, s), iconSize: [s, s], iconAnchor: [s / 2, s / 2], popupAnchor: [0, -s / 2] }) });
          },
          onEachFeature: function (f, l) {
            l.bindPopup(function () { return popup(spec, f.properties, cfg); }, { maxWidth: 420 });
            if (spec.labelField && f.properties[spec.labelField] !== null && f.properties[spec.labelField] !== undefined) {
              // By the feature's own geometry: a projects layer mixes points and footprints.
              var point = /Point/.test(f.geometry.type), kind = point ? 'point' : spec.geometry;
              l.bindTooltip(esc(f.properties[spec.labelField]), { permanent: true, direction: point ? 'right' : 'center', interactive: false,
                offset: point ? [f.gmSymbol.size / 2, 0] : [0, 0], className: 'gm-label gm-label-' + kind });
            }
            items.push({ feature: f, layer: l });
          }
        });
        gmgeo.layers[spec.id] = { spec: spec, layer: layer, items: items };
        gmgeo.order.push(spec.id);
        return layer;
      }

      function legendHTML(map, cfg) {
        var html = '<h4>' + esc(cfg.text.legend) + '</h4>';
        gmgeo.order.forEach(function (id) {
          var l = gmgeo.layers[id];
          if (!map.hasLayer(l.layer) || !l.spec.legend.length) return;
          html += '<div class="gm-legend-layer" data-layer="' + esc(id) + '"><div class="gm-legend-title">' + esc(l.spec.title) + '</div>';
          l.spec.legend.forEach(function (e) {
            html += '<div class="gm-legend-entry">' + swatch(l.spec.symbols[e.symbol], l.spec.geometry) + '<span>' + esc(e.label) + '</span></div>';
          });
          html += '</div>';
        });
        return html;
      }

      // Every name a feature can be found by: its name fields and, for a patch named after
      // several parks ("A、B"), each part.
      function searchIndex(cfg) {
        var index = [];
        gmgeo.order.forEach(function (id) {
          gmgeo.layers[id].items.forEach(function (item) {
            cfg.searchFields.forEach(function (field) {
              var v = item.feature.properties[field];
              if (v === null || v === undefined || v === '') return;
              var names = [String(v)].concat(String(v).split('、'));
              names.forEach(function (n, k) {
                if (k === 0 || names.length > 2) index.push({ key: n.trim().toLowerCase(), text: n.trim(), id: id, item: item });
              });
            });
          });
        });
        return index;
      }

      // The best match: exact before prefix before part, and among equals one on a layer
      // already shown (a park's patch before the hidden green layer).
      function find(map, index, text) {
        var q = text.trim().toLowerCase();
        if (!q) return null;
        var tests = [function (e) { return e.key === q; }, function (e) { return e.key.indexOf(q) === 0; }, function (e) { return e.key.indexOf(q) >= 0; }];
        for (var t = 0; t < tests.length; t++) {
          var hit = index.filter(tests[t]);
          var shown = hit.filter(function (e) { return map.hasLayer(gmgeo.layers[e.id].layer); });
          if (hit.length) return shown.length ? shown[0] : hit[0];
        }
        return null;
      }

      function zoomTo(map, hit) {
        var entry = gmgeo.layers[hit.id];
        if (!map.hasLayer(entry.layer)) map.addLayer(entry.layer);
        var l = hit.item.layer;
        // No animation: a search jumps, and the popup opens on the final view.
        if (l.getBounds) map.fitBounds(l.getBounds(), { maxZoom: 16, padding: [40, 40], animate: false });
        else map.setView(l.getLatLng(), 16, { animate: false });
        l.openPopup(l.getBounds ? l.getBounds().getCenter() : undefined);
      }

      gmgeo.start = function (cfg) {
        var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
        gmgeo.map = map;
        var overlays = {}, bounds = null;
        registered.forEach(function (entry, i) {
          var layer = build(map, entry, i, cfg);
          overlays['<span class="gm-switch-name">' + esc(entry.spec.title) + '</span>'] = layer;
          if (entry.spec.visible) map.addLayer(layer);
          var b = layer.getBounds();
          if (b.isValid()) bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
        });
        map.fitBounds(bounds || L.latLngBounds([[-60, -170], [70, 170]]), { padding: [10, 10] });
        map.attributionControl.setPrefix(false);
        map.attributionControl.addAttribution(esc(cfg.credit));
        L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);

        var title = L.control({ position: 'topleft' });
        title.onAdd = function () { var d = L.DomUtil.create('div', 'gm-title'); d.textContent = cfg.title; return d; };
        title.addTo(map);

        var index = searchIndex(cfg);
        var search = L.control({ position: 'topleft' });
        search.onAdd = function () {
          var d = L.DomUtil.create('div', 'gm-search');
          var names = {};
          index.forEach(function (e) { names[e.text] = true; });
          d.innerHTML = '<input type="search" id="gm-search-input" list="gm-names" placeholder="' + esc(cfg.text.search) + '">' +
            '<datalist id="gm-names">' + Object.keys(names).sort().map(function (n) { return '<option value="' + esc(n) + '">'; }).join('') + '</datalist>' +
            '<div class="gm-search-message" id="gm-search-message"></div>';
          L.DomEvent.disableClickPropagation(d);
          var input = d.querySelector('input'), message = d.querySelector('.gm-search-message');
          function go() {
            var hit = gmgeo.search(input.value);
            message.textContent = hit || !input.value.trim() ? '' : cfg.text.noMatch + input.value;
          }
          input.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
          input.addEventListener('change', go);
          return d;
        };
        search.addTo(map);
        gmgeo.search = function (text) {
          var hit = find(map, index, text);
          if (hit) zoomTo(map, hit);
          return hit ? hit.text : null;
        };

        L.control.layers(null, overlays, { collapsed: false, position: 'topright' }).addTo(map);
        var legend = L.control({ position: 'bottomright' });
        legend.onAdd = function () { var d = L.DomUtil.create('div', 'gm-legend'); d.innerHTML = legendHTML(map, cfg); return d; };
        legend.addTo(map);
        map.on('overlayadd overlayremove', function () { legend.getContainer().innerHTML = legendHTML(map, cfg); });
        var minorLabels = function () { L.DomUtil[map.getZoom() < cfg.labelZoom ? 'addClass' : 'removeClass'](map.getContainer(), 'gm-zoomed-out'); };
        map.on('zoomend', minorLabels);
        minorLabels();
        gmgeo.readyAt = performance.now();
        gmgeo.ready = true;
      };
    })();
    """#

    static let css = #"""
    html, body, #map { height: 100%; margin: 0; }
    #map { background: LAND; font: 13px/1.4 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
    .gm-title { background: rgba(255,255,255,0.92); padding: 6px 10px; font-size: 16px; font-weight: bold; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
    .gm-search input { width: 220px; padding: 5px 8px; font: inherit; border: 1px solid #999; border-radius: 4px; }
    .gm-search-message { color: #C0392B; background: rgba(255,255,255,0.9); }
    .gm-search-message:empty { display: none; }
    .gm-legend { background: rgba(255,255,255,0.94); padding: 6px 10px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-height: 60vh; overflow-y: auto; }
    .gm-legend h4 { margin: 0 0 4px; }
    .gm-legend-title { font-weight: bold; margin-top: 4px; }
    .gm-legend-entry { display: flex; align-items: center; gap: 6px; }
    .gm-point { background: none; border: none; }
    .gm-popup h3 { margin: 2px 0 6px; font-size: 15px; }
    .gm-popup-layer { color: #666; font-size: 11px; }
    .gm-popup th { text-align: left; font-weight: normal; color: #555; padding-right: 8px; vertical-align: top; white-space: nowrap; }
    .gm-popup td { vertical-align: top; }
    .gm-reasons { margin: 0; padding-left: 16px; }
    .gm-label { background: none; border: none; box-shadow: none; padding: 0; color: #262626; font-size: 12px;
      text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff; }
    .gm-label::before { display: none; }
    .gm-zoomed-out .gm-label-point, .gm-zoomed-out .gm-label-line { display: none; }
    """#
}

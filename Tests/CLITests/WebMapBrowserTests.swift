import Foundation
import MapRender
import Testing
import TestSupport

/// The report's web map in a real browser (headless Chromium), opened from file:// as a
/// planner double-clicks it: it loads without errors or network, shows every result layer,
/// answers clicks and searches, and draws the report's colours.
@Suite("web map in a browser")
struct WebMapBrowserTests {
    /// Run first in the page (before Leaflet): records script errors, failed loads (capture
    /// phase sees a missing file) and console errors.
    static let errorCapture = """
    <script>window.gmSelftestErrors = [];
    window.addEventListener('error', function (e) { window.gmSelftestErrors.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e.type)); }, true);
    var gmConsoleError = console.error;
    console.error = function () { window.gmSelftestErrors.push('console: ' + Array.prototype.join.call(arguments, ' ')); gmConsoleError.apply(console, arguments); };</script>
    """

    /// Drives the page as a planner would (click a project, type a name and press Enter) and
    /// writes what it saw as JSON into <pre id="gm-selftest">.
    static func driver(project: String, search: String) -> String {
        """
        (function () {
          var out = { errors: window.gmSelftestErrors };
          function texts(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), function (n) { return n.textContent.trim(); }); }
          function finish() {
            var pre = document.createElement('pre');
            pre.id = 'gm-selftest';
            pre.textContent = JSON.stringify(out);
            document.body.appendChild(pre);
          }
          function afterSearch() {
            var map = gmgeo.map, c = map.getCenter();
            out.search = { zoom: map.getZoom(), center: [c.lng, c.lat], popup: texts('.leaflet-popup-content h3')[0] || null,
                           message: document.getElementById('gm-search-message').textContent };
            var input = document.getElementById('gm-search-input');
            input.value = 'no such place 无此地';
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            out.noMatch = document.getElementById('gm-search-message').textContent;
            finish();
          }
          function run() {
            var map = gmgeo.map;
            out.readyAt = gmgeo.readyAt;
            out.switcher = texts('.leaflet-control-layers-overlays label');
            out.legend = texts('.gm-legend-title');
            out.layers = gmgeo.order.slice();
            var projects = gmgeo.layers['projects-validated'];
            // From the map's centre: a screenshot's viewport may be taller than this run's, and
            // Leaflet keeps the centre when the page resizes.
            var size = map.getSize();
            out.points = projects.items.filter(function (i) { return i.layer.getLatLng; }).map(function (i) {
              var p = map.latLngToContainerPoint(i.layer.getLatLng());
              return { id: i.feature.properties.project_id, verdict: i.feature.properties.verdict, x: p.x - size.x / 2, y: p.y - size.y / 2 };
            });
            var item = projects.items.filter(function (i) { return i.feature.properties.project_id === \(project.debugDescription); })[0];
            item.layer.getElement().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
            out.popup = texts('.leaflet-popup-content')[0] || null;
            out.popupVerdict = texts('.leaflet-popup-content td[data-field=verdict]')[0] || null;
            out.popupReasons = texts('.leaflet-popup-content .gm-reasons li');
            map.closePopup();
            var input = document.getElementById('gm-search-input');
            input.value = \(search.debugDescription);
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            setTimeout(afterSearch, 1500);
          }
          function wait(n) {
            if (window.gmgeo && gmgeo.ready) { try { run(); } catch (e) { out.errors.push('driver: ' + e); finish(); } }
            else if (n > 200) { out.errors.push('the page never became ready'); finish(); }
            else setTimeout(function () { wait(n + 1); }, 25);
          }
          window.addEventListener('load', function () { wait(0); });
        })();
        """
    }

    /// What the driver saw.
    struct Run: Decodable {
        struct Point: Decodable { let id: String; let verdict: String; let x: Double; let y: Double }
        struct Search: Decodable { let zoom: Double; let center: [Double]; let popup: String?; let message: String }
        let errors: [String]
        let readyAt: Double
        let switcher: [String]
        let legend: [String]
        let layers: [String]
        let points: [Point]
        let popup: String?
        let popupVerdict: String?
        let popupReasons: [String]
        let search: Search
        let noMatch: String
    }

    /// The browser, or nil after recording why the test does not run.
    static func browser() throws -> HeadlessBrowser? {
        if let browser = HeadlessBrowser.find() { return browser }
        if ExternalTool.required { Issue.record("GMGEO_REQUIRE_TOOLS=1 but no chromium found (apt-get install chromium)") }
        print("skipped: no chromium on PATH (apt-get install chromium, or set GMGEO_CHROMIUM)")
        return nil
    }

    /// The page with the error capture first and the driver last, beside the real page.
    static func instrument(_ folder: URL, project: String, search: String) throws -> URL {
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let page = index.replacingOccurrences(of: "<head>", with: "<head>\n" + errorCapture)
            .replacingOccurrences(of: "</body>", with: "<script src=\"selftest.js\"></script>\n</body>")
        try Data(driver(project: project, search: search).utf8).write(to: folder.appendingPathComponent("selftest.js"))
        let url = folder.appendingPathComponent("selftest.html")
        try Data(page.utf8).write(to: url)
        return url
    }

    static func decode(_ dom: String) throws -> Run {
        guard let start = dom.range(of: "<pre id=\"gm-selftest\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw CocoaError(.coderValueNotFound)
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Run.self, from: Data(text.utf8))
    }

    /// The features of a GeoJSON file of the report: properties and lon/lat envelope.
    static func features(_ path: String) throws -> [(properties: [String: Any], box: (minX: Double, minY: Double, maxX: Double, maxY: Double))] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return (json?["features"] as? [[String: Any]] ?? []).map { f in
            var xs: [Double] = [], ys: [Double] = []
            func walk(_ v: Any) {
                if let p = v as? [Double], p.count >= 2 { xs.append(p[0]); ys.append(p[1]) } else if let a = v as? [Any] { a.forEach(walk) }
            }
            walk((f["geometry"] as? [String: Any])?["coordinates"] ?? [])
            return (f["properties"] as? [String: Any] ?? [:], (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0))
        }
    }

    /// The web map folder of a report written into `folder`.
    static func reportMap(in folder: TemporaryFolder) throws -> URL {
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        try #require(report.status == 0, "\(report.stderr)")
        return folder.url.appendingPathComponent("r/map")
    }

    @Test("the report's map opens from file:// with no error and no request, lists every layer, answers a click and a search")
    func reportPage() throws {
        guard let browser = try WebMapBrowserTests.browser() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let map = try WebMapBrowserTests.reportMap(in: folder)
        let page = try WebMapBrowserTests.instrument(map, project: "P19", search: "明湖城市公园")
        let (dom, requests) = try browser.dumpDOM(page, scratch: folder.url)
        let run = try WebMapBrowserTests.decode(dom)

        #expect(run.errors.isEmpty, "\(run.errors)")
        #expect(requests.isEmpty, "the page asked the network for \(requests)")
        // Every result layer of the report folder, and the district's own base lines.
        let resultLayers = try FileManager.default.contentsOfDirectory(atPath: folder.path("r"))
            .filter { $0.hasSuffix(".geojson") }.map { String($0.dropLast(8)) }
        #expect(resultLayers.count == 8)
        for layer in resultLayers + ["boundary", "roads", "rail", "stations", "control-zones", "green"] {
            #expect(run.layers.contains(layer), "\(layer) is not on the web map: \(run.layers)")
        }
        #expect(run.switcher == ["绿地服务覆盖比例", "绿地服务缺口", "道路景观带覆盖比例", "控制带", "景观管控区", "提升片区", "绿地", "斑块重要性",
                                 "边界", "道路", "轨道", "站点", "生态连接", "待建连接", "项目"])
        // The legend lists the layers shown at first, not the hidden ones.
        #expect(run.legend.contains("项目") && run.legend.contains("斑块重要性") && !run.legend.contains("绿地服务缺口"), "\(run.legend)")

        // P19's popup: its verdict in words and each of its reasons, as the GeoJSON has them.
        let p19 = try WebMapBrowserTests.features(folder.path("r/projects-validated.geojson"))
            .first { $0.properties["project_id"] as? String == "P19" }
        let reasons = (p19?.properties["reasons"] as? String ?? "").replacingOccurrences(of: "；", with: "; ").components(separatedBy: "; ")
        #expect(p19?.properties["verdict"] as? String == "conflict")
        #expect(run.popupVerdict == "冲突", "\(run.popup ?? "no popup")")
        #expect(run.popupReasons == reasons && !reasons.isEmpty, "\(run.popupReasons) vs \(reasons)")
        #expect(run.popup?.contains("华夏路沿街商业") == true)

        // The park search zooms in on the park (its box from the report's green layer input).
        let park = try WebMapBrowserTests.features(SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/green.geojson").path)
            .first { $0.properties["name_zh"] as? String == "明湖城市公园" }
        let box = try #require(park?.box)
        #expect(run.search.zoom >= 14, "zoom \(run.search.zoom)")
        #expect((box.minX...box.maxX).contains(run.search.center[0]) && (box.minY...box.maxY).contains(run.search.center[1]),
                "centre \(run.search.center) outside \(box)")
        #expect(run.search.popup == "明湖城市公园" && run.search.message.isEmpty)
        #expect(run.noMatch.hasPrefix("没有找到"), "\(run.noMatch)")
        print("web map: ready \(Int(run.readyAt)) ms after navigation (virtual time), \(run.layers.count) layers")
    }

    @Test("a screenshot of the first view has the report's colours where the page says its features are")
    func screenshotColours() throws {
        guard let browser = try WebMapBrowserTests.browser() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let map = try WebMapBrowserTests.reportMap(in: folder)
        let run = try WebMapBrowserTests.decode(try browser.dumpDOM(try WebMapBrowserTests.instrument(map, project: "P19", search: "x"),
                                                                   scratch: folder.url).dom)
        let png = folder.url.appendingPathComponent("shot.png")
        try browser.screenshot(map.appendingPathComponent("index.html"), to: png)
        let image = try RasterImage(png: png.path)
        // The verdict colours of the printed maps (Palette.red, Palette.green, Palette.orange).
        let colours = ["conflict": Color("#C0392B"), "ok": Color("#5E9E5B"), "needs-review": Color("#E08E2B")].compactMapValues { $0 }
        let centre = (x: Double(image.width) / 2, y: Double(image.height) / 2)
        let inView = run.points.filter { abs($0.x) < centre.x - 20 && abs($0.y) < centre.y - 20 }
        #expect(Set(inView.map(\.verdict)) == ["conflict", "ok", "needs-review"], "\(inView)")
        for point in inView {
            let want = try #require(colours[point.verdict])
            // The triangle's lower middle: inside the symbol whatever the rounding.
            let got = image.color(x: Int((centre.x + point.x).rounded()), y: Int((centre.y + point.y).rounded()) + 2)
            #expect(abs(got.red - want.red) < 0.06 && abs(got.green - want.green) < 0.06 && abs(got.blue - want.blue) < 0.06,
                    "\(point.id) (\(point.verdict)) at \(point.x),\(point.y) is \(got), want \(want)")
        }
        // No tiles: off the district the page shows the printed maps' land colour.
        let land = image.color(x: 60, y: image.height / 2)
        #expect(abs(land.red - Palette.land.red) < 0.02 && abs(land.green - Palette.land.green) < 0.02 && abs(land.blue - Palette.land.blue) < 0.02, "\(land)")
    }

    @Test("the network check sees a request: a page asking for an image on the web is caught")
    func networkCheckWorks() throws {
        guard let browser = try WebMapBrowserTests.browser() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = folder.url.appendingPathComponent("online.html")
        try Data(#"<html><body><img src="https://tiles.gmgeo.invalid/0/0/0.png"></body></html>"#.utf8).write(to: page)
        let requests = try browser.dumpDOM(page, budget: 2000, scratch: folder.url).networkRequests
        #expect(requests.contains("https://tiles.gmgeo.invalid/0/0/0.png"), "\(requests)")
    }
}

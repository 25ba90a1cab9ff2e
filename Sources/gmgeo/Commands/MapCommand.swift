import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning

/// `gmgeo map LAYER... -o map.png|pdf|svg`: a map for a report.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw layers onto one map (PNG, PDF or SVG) with title, legend, scale bar, north arrow and labels, or as an offline web map.",
        discussion: """
        Layers are drawn in the order given (the first at the bottom) in the working CRS of the rules (EPSG:4547 for Guangming), so shapes are true to scale. Embedded layers get their own sober styles; --style FILE (TOML) sets fill, stroke, width (mm), dash, opacity, symbol, size, label, and classes by an attribute (categorize = "class") or colours by a number (graduate = "share", breaks = [..]). PDF and SVG stay vector with real text.

        --web DIR writes the layers as an interactive page instead, DIR/index.html: layer switcher, legend, scale bar, popups with each feature's fields, search by name. It opens by double-click (file://) with no network: Leaflet (Debian's libjs-leaflet) is copied into DIR and each layer is a script beside the page. DIR is replaced as a whole, and only when it is new, empty or an earlier gmgeo output.

        Examples:
          gmgeo map boundary green roads rail stations -o overview.pdf --title "光明区景观提升 总图"
          gmgeo map boundary upgrade-districts roads -o loucun.png --extent-of upgrade-districts:楼村北 --dpi 300
          gmgeo map green-service.geojson boundary -o service.png --style styles.toml --page A3
          gmgeo map roads stations --label stations=name_zh --bbox 113.92,22.72,113.97,22.76 -o hub.svg
          gmgeo map boundary green roads my_sites.gpkg --web sites-map --title "选址方案" --lang zh
        """
    )

    @Argument(help: "The layers to draw, bottom first (files, connections or embedded names).") var layers: [String]
    @Option(name: [.short, .customLong("output")], help: "The map file: .png, .pdf or .svg.") var output: String?
    @Option(help: ArgumentHelp("Write an offline web map into this folder instead (DIR/index.html).", valueName: "DIR")) var web: String?
    @Option(help: "The language of the web map's words: zh (default) or en.") var lang: Language = .zh
    @Option(help: "The title printed above the map.") var title: String = ""
    @Option(help: "Page size: A5, A4, A3 or A2.") var page: String = "A4"
    @Flag(help: "Portrait instead of landscape.") var portrait = false
    @Option(help: "PNG resolution in dots per inch (150 or 300 for print).") var dpi: Double = 150
    @Option(help: "A TOML style file (one table per layer name).") var style: String?
    @Option(help: "Label a layer with a field: LAYER=FIELD (repeatable).") var label: [String] = []
    @Option(name: .customLong("extent-of"), help: "Frame one named feature: LAYER:NAME.") var extentOf: String?
    @Option(help: "Frame a lon/lat box: minlon,minlat,maxlon,maxlat.") var bbox: String?
    @Option(help: "Extra space around --extent-of or --bbox, as a share of its size.") var margin: Double = 0.1
    @Option(help: "Show this layer's whole extent in a small inset, with the map's frame marked (default with --extent-of or --bbox: boundary).") var inset: String?
    @Flag(name: .customLong("no-inset"), help: "No inset, even when the map frames part of the district.") var noInset = false
    @Option(help: "The data source line under the map (default: built from the layers' source fields, with the OpenStreetMap credit where a layer derives from it).") var attribution: String?

    func validate() throws {
        switch (output, web) {
        case (nil, nil): throw ValidationError("give the map file with -o (.png, .pdf or .svg) or a folder for a web map with --web")
        case (.some, .some): throw ValidationError("give -o or --web, not both")
        case (let output?, nil):
            guard MapFormat(path: output) != nil else { throw ValidationError("the map file must end in .png, .pdf or .svg") }
        case (nil, .some):
            // The page frames every layer and is zoomed by hand: print-only options would be ignored.
            let printOnly = [("--extent-of", extentOf != nil), ("--bbox", bbox != nil), ("--inset", inset != nil), ("--no-inset", noInset), ("--portrait", portrait)]
            if let given = printOnly.first(where: \.1) { throw ValidationError("\(given.0) is for printed maps; the web map shows every layer and zooms by hand") }
        }
        if extentOf != nil && bbox != nil { throw ValidationError("give --extent-of or --bbox, not both") }
        if !(0...5).contains(margin) { throw ValidationError("--margin must be between 0 and 5") }
    }

    func run() throws {
        var styles = try style.map { try StyleFile.load($0) } ?? [:]
        for item in label {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw InputError("--label '\(item)': give LAYER=FIELD") }
            let drawn = layers.map(MapCommand.shortName)
            guard drawn.contains(parts[0]) else {
                throw InputError("--label '\(item)': the layer \(parts[0]) is not drawn; layers drawn: \(drawn.joined(separator: ", "))")
            }
            var s = styles[parts[0]] ?? Palette.style(for: parts[0])
            s.labelField = parts[1]
            styles[parts[0]] = s
        }
        // A layer with its style: from --style or --label, else the palette's for its name.
        let mapLayer = { (argument: String) throws -> MapLayer in
            let name = MapCommand.shortName(argument)
            var layer = try LayerInput.readProjected(argument, options: ReadOptions())
            // A green layer's point parks are drawn as the analyses count them: circles.
            if name == "green" { layer = try GreenPoints.circles(layer, location: argument) }
            return MapLayer(layer: layer, style: styles[name] ?? Palette.style(for: name))
        }
        let mapLayers = try layers.map { argument -> MapLayer in
            let m = try mapLayer(argument)
            if let field = m.style.labelField { _ = try m.layer.requireField(field) }
            return m
        }
        let credit = attribution ?? SourceLine.text(for: mapLayers.map(\.layer))
        if let web {
            try writeWeb(mapLayers, credit: credit, to: web)
            return
        }
        guard let output else { return }
        try MapCommand.warnIfNoCJKFont()
        let setup = try PageSetup(paper: page, landscape: !portrait, dpi: dpi, title: title, attribution: credit)
        // A map of part of the district shows where that part is: the district in an inset.
        let framed = extentOf != nil || bbox != nil
        let insetName = noInset ? nil : inset ?? (framed ? "boundary" : nil)
        let insetLayer = try insetName.map(mapLayer)
        let report = try MapRenderer.render(mapLayers, page: setup, extent: try extent(), inset: insetLayer, to: output)
        let notes = [report.droppedLabels > 0 ? "\(report.droppedLabels) overlapping labels left out" : nil, insetName.map { "inset: \($0)" }].compactMap { $0 }
        Stderr.write("gmgeo: drew \(report.featuresDrawn.values.reduce(0, +)) features at 1:\(Int(report.scaleDenominator.rounded())) to \(output)\(notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")\n")
    }

    /// The layers as a web map in `folder`, staged beside it and swapped in complete.
    private func writeWeb(_ mapLayers: [MapLayer], credit: String, to folder: String) throws {
        try Staging.checkReplaceableFolder(folder)
        try OutputPath.checkParent(of: folder)
        let ids = layers.map(MapCommand.shortName)
        let page = WebMap(title: title.isEmpty ? ids.joined(separator: " · ") : title, language: lang, credit: credit,
                          layers: zip(ids, mapLayers).map { WebMapLayer(id: $0.0, layer: $0.1.layer, style: $0.1.style) })
        let staging = try Staging(for: folder)
        let bytes: Int
        do {
            bytes = try page.write(into: staging.folder)
        } catch {
            staging.discard()
            throw error
        }
        try staging.commitFolder()
        Stderr.write("gmgeo: wrote a web map of \(mapLayers.count) layers (\(mapLayers.map { $0.layer.features.count }.reduce(0, +)) features, \(bytes / 1024) KB) to \(folder)/index.html\n")
    }

    /// The frame asked for, in the working CRS's metres, or nil for all layers.
    private func extent() throws -> Envelope? {
        if let extentOf {
            guard let colon = extentOf.firstIndex(of: ":") else { throw InputError("--extent-of '\(extentOf)': give LAYER:NAME") }
            let layerName = String(extentOf[..<colon]), feature = String(extentOf[extentOf.index(after: colon)...])
            let layer = try LayerInput.readProjected(layerName, options: ReadOptions())
            guard let hit = layer.features.first(where: { f in Feature.nameFields.contains { f[$0].description == feature } }),
                  let e = hit.geometry?.envelope else {
                let names = layer.features.enumerated().map { $0.element.displayName(index: $0.offset) }
                let shown = names.prefix(30).joined(separator: ", ") + (names.count > 30 ? ", ... (\(names.count) in all)" : "")
                throw InputError("--extent-of: no feature named '\(feature)' in \(layerName); names there: \(shown)")
            }
            return e.expanded(by: max(e.width, e.height) * margin)
        }
        if let bbox {
            let v = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard v.count == 4, v[0] < v[2], v[1] < v[3] else { throw InputError("--bbox '\(bbox)': give minlon,minlat,maxlon,maxlat") }
            let box = try Transformer(from: .wgs84, to: try WorkingCRS.standard()).transform(try Geometry.rectangle(Envelope(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3])))
            guard let e = box.envelope else { return nil }
            return e.expanded(by: max(e.width, e.height) * margin)
        }
        return nil
    }

    /// "roads", "GeoData/x/green.geojson" -> "green": the name styles are looked up by.
    static func shortName(_ argument: String) -> String {
        let source = (try? LayerReference(argument).source) ?? argument
        return ((source as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Chinese labels need the Noto CJK fonts (fonts-noto-cjk); say so when they are missing.
    static func warnIfNoCJKFont() throws {
        let candidates = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"]
        if !candidates.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            Stderr.write("gmgeo: warning: the Noto Sans CJK font is not installed (apt-get install fonts-noto-cjk); Chinese text may show as boxes\n")
        }
    }
}

import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    @Suite("Input contract: tables, encodings, references")
    struct InputContractTests {
        @Test("coordinate columns: English and Chinese names, one location column, explicit names")
        func columns() throws {
            #expect(try CoordinateColumns.decide(["id", "lng", "lat"]) == .xy(x: 1, y: 2))
            #expect(try CoordinateColumns.decide(["名称", "经度", "纬度"]) == .xy(x: 1, y: 2))
            #expect(try CoordinateColumns.decide(["X坐标", "Y坐标", "备注"]) == .xy(x: 0, y: 1))
            #expect(try CoordinateColumns.decide(["Longitude", "Latitude"]) == .xy(x: 0, y: 1))
            #expect(try CoordinateColumns.decide(["name", "location"]) == .pair(1))
            #expect(try CoordinateColumns.decide(["name", "WKT", "lon", "lat"]) == .wkt(1))
            #expect(try CoordinateColumns.decide(["东", "北"], request: .init(x: "东", y: "北")) == .xy(x: 0, y: 1))
            #expect(try CoordinateColumns.decide(["a", "pos"], request: .init(pair: "pos")) == .pair(1))
        }

        @Test("ambiguous or missing coordinate columns are refused, naming the columns", arguments: [
            (["x", "lon", "lat"], "2 columns could be x (longitude/easting): x, lon"),
            (["lng", "lon", "lat"], "2 columns could be x (longitude/easting): lng, lon"),
            (["lon", "LON", "lat"], "2 columns could be x (longitude/easting): lon, LON"),
            (["名称", "地址"], "no coordinate columns recognised; the columns are: 名称, 地址"),
            (["lon", "name"], "an x column (lon) but no y column"),
        ])
        func ambiguous(_ columns: [String], _ expected: String) {
            do {
                _ = try CoordinateColumns.decide(columns)
                Issue.record("accepted \(columns)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
            #expect(throws: ColumnChoiceError.self) { try CoordinateColumns.decide(columns, request: .init(x: "nope", y: "lat")) }
        }

        @Test("CSV text: quotes, doubled quotes, line breaks in a cell, CRLF, tabs, and a line too long")
        func delimited() throws {
            let table = try DelimitedText(Array("name,note\r\n\"A, Inc\",\"say \"\"hi\"\"\"\r\nB,\"two\nlines\"\r\n".utf8))
            #expect(table.columns == ["name", "note"])
            #expect(table.records.map(\.cells) == [["A, Inc", "say \"hi\""], ["B", "two\nlines"]])
            #expect(table.records.map(\.line) == [2, 3])
            let tabs = try DelimitedText(Array("lon\tlat\n1\t2\n".utf8))
            #expect(tabs.records.first?.cells == ["1", "2"])
            let long = Array("a,b\n".utf8) + [UInt8](repeating: 65, count: DelimitedText.maximumLineLength + 10) + [10]
            #expect(throws: DelimitedText.Failure.self) { try DelimitedText(long) }
            #expect(throws: DelimitedText.Failure.self) { try DelimitedText(Array("a,b\n\"open,1\n".utf8)) }
        }

        @Test("encodings: GBK and GB18030 decode strictly; bytes invalid in UTF-8 are found where they are")
        func encodings() throws {
            // 光明 in GBK is B9 E2 C3 F7 (as the GBK Shapefile test checks in the .dbf).
            #expect(try TextEncoding.utf8Bytes([0xB9, 0xE2, 0xC3, 0xF7], from: "GBK") == Array("光明".utf8))
            #expect(try TextEncoding.utf8Bytes([0xB9, 0xE2, 0xC3, 0xF7], from: "GB18030") == Array("光明".utf8))
            #expect(try TextEncoding.utf8Bytes([0xEF, 0xBB, 0xBF] + Array("lon".utf8), from: nil) == Array("lon".utf8))
            #expect(TextEncoding.firstInvalidUTF8(Array("ab".utf8) + [0xB9, 0xE2]) == 2)
            do {
                _ = try TextEncoding.utf8Bytes(Array("ok\n".utf8) + [0xB9, 0xE2], from: "UTF-8")
                Issue.record("accepted GBK bytes as UTF-8")
            } catch let failure as TextEncoding.Failure {
                #expect(failure.offset == 3)
            }
            #expect(throws: IOError.self) { try TextEncoding.utf8Bytes([0x41], from: "no-such-encoding") }
        }

        @Test("a GBK CSV from Excel: refused as UTF-8 naming the line, read right with GBK")
        func gbkCSV() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.path("sites.csv")
            // 名称,经度,纬度 / 光明,113.93,22.75 in GBK.
            let gbk: [UInt8] = [0xC3, 0xFB, 0xB3, 0xC6] + Array(",".utf8) + [0xBE, 0xAD, 0xB6, 0xC8] + Array(",".utf8) + [0xCE, 0xB3, 0xB6, 0xC8]
                + Array("\n".utf8) + [0xB9, 0xE2, 0xC3, 0xF7] + Array(",113.93,22.75\n".utf8)
            try Data(gbk).write(to: URL(fileURLWithPath: path))
            do {
                _ = try VectorSource(path)
                Issue.record("read GBK as UTF-8")
            } catch let error as IOError {
                #expect(error.description.contains("sites.csv: line 1: the text is not valid UTF-8") && error.description.contains("--encoding GBK"),
                        "\(error.description)")
            }
            let layer = try VectorSource(path, options: ReadOptions(encoding: "GBK")).readLayer()
            #expect(layer.features.map { $0["名称"] } == [.string("光明")])
            #expect(layer.features.first?.geometry?.coordinates.first.map { [$0.x, $0.y] } == [113.93, 22.75])
        }

        @Test("bad rows: refused with line numbers and reasons, or skipped into a rejects file, the same on both CSV paths")
        func badRows() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.path("pts.csv")
            try "id,lng,lat\n1,113.9,22.7\n2,,22.7\n\n3,abc,22.7\n4,113.91,inf\n,,\n5,113.92,22.72\n".write(toFile: path, atomically: true, encoding: .utf8)
            let expected = "4 of 6 rows cannot be read (line 3: no value in column lng; line 5: 'abc' in column lng is not a number; line 6: 'inf' in column lat is not a finite number; line 7: no value in column lng)"
            for read in [{ _ = try VectorSource(path) }, { _ = try PointTable.read(path) }] {
                do {
                    try read()
                    Issue.record("accepted bad rows")
                } catch let error as IOError {
                    #expect(error.description == "\(path): \(expected); correct them, or leave them out with --skip-bad-rows REJECTS.csv")
                }
            }
            var options = ReadOptions()
            options.badRows = .skip(rejects: folder.path("rejects.csv"))
            let source = try VectorSource(path, options: options)
            let layer = try source.readLayer()
            #expect(layer.features.map { $0["id"] } == [.integer(1), .integer(5)])
            #expect(layer.features.map(\.id) == [2, 8], "ids are line numbers: the row a planner finds in Excel")
            #expect(source.warnings.first?.contains("left out 4 unreadable rows (lines 3, 5, 6, 7)") == true)
            let rejects = try String(contentsOfFile: folder.path("rejects.csv"), encoding: .utf8)
            #expect(rejects.hasPrefix("line,reason,id,lng,lat\n3,no value in column lng,2,,22.7\n5,'abc' in column lng is not a number,3,abc,22.7\n"))
            options.badRows = .skip(rejects: folder.path("rejects2.csv"))
            let table = try #require(try PointTable.read(path, options: options))
            #expect(table.xs == [113.9, 113.92] && table.ys == [22.7, 22.72])
            #expect(try String(contentsOfFile: folder.path("rejects2.csv"), encoding: .utf8) == rejects)
        }

        @Test("an AMap location column, a WKT column and explicitly named columns give the same points")
        func otherColumns() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try "name,location\nA,\"113.93,22.75\"\n".write(toFile: folder.path("amap.csv"), atomically: true, encoding: .utf8)
            try "name,WKT\nA,POINT (113.93 22.75)\n".write(toFile: folder.path("wkt.csv"), atomically: true, encoding: .utf8)
            try "name,东经,北纬\nA,113.93,22.75\n".write(toFile: folder.path("named.csv"), atomically: true, encoding: .utf8)
            try "\u{FEFF}name,E,N\nA,113.93,22.75\n".write(toFile: folder.path("bom.csv"), atomically: true, encoding: .utf8)
            var explicit = ReadOptions()
            explicit.columns = .init(x: "E", y: "N")
            for (file, options) in [("amap.csv", ReadOptions()), ("wkt.csv", ReadOptions()), ("named.csv", ReadOptions()), ("bom.csv", explicit)] {
                let layer = try VectorSource(folder.path(file), options: options).readLayer()
                #expect(layer.features.count == 1 && layer.features[0]["name"] == .string("A"), "\(file)")
                #expect(layer.features.first?.geometry?.coordinates.first.map { [$0.x, $0.y] } == [113.93, 22.75], "\(file)")
            }
            #expect(try VectorSource(folder.path("wkt.csv")).readLayer().field("WKT") == nil, "the WKT column is the geometry, not an attribute")
        }

        @Test("layer references: settings after '#', unknown settings named, an existing file name taken whole")
        func references() throws {
            let r = try LayerReference("sites.csv#crs=gcj02,encoding=GBK,x=经度,y=纬度,skip-bad-rows=bad.csv,layer=a")
            #expect(r.source == "sites.csv")
            let options = try r.options(over: ReadOptions())
            #expect(options.crs == .gcj02 && options.encoding == "GBK" && options.layer == "a")
            #expect(options.columns == .init(x: "经度", y: "纬度") && options.badRows == .skip(rejects: "bad.csv"))
            do {
                _ = try LayerReference("sites.csv#src=gcj02")
                Issue.record("accepted an unknown setting")
            } catch {
                #expect(error.description.contains("unknown setting 'src' after '#'; settings: layer, crs, encoding"))
            }
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try "x".write(toFile: folder.path("a#b.csv"), atomically: true, encoding: .utf8)
            #expect(try LayerReference(folder.path("a#b.csv")).source == folder.path("a#b.csv"))
            #expect(try LayerReference("PG:dbname=x#y").source == "PG:dbname=x#y")
        }

        @Test("a DataV export (a bare array of Features) reads as a FeatureCollection named after the file")
        func dataV() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try #"[{"type":"Feature","properties":{"name":"光明区","adcode":440311},"geometry":{"type":"Point","coordinates":[113.93,22.75]}}]"#
                .write(toFile: folder.path("guangming.json"), atomically: true, encoding: .utf8)
            let layer = try VectorSource(folder.path("guangming.json")).readLayer()
            #expect(layer.name == "guangming")
            #expect(layer.features.map { $0["name"] } == [.string("光明区")] && layer.features.map { $0["adcode"] } == [.integer(440311)])
        }

        @Test("files GDAL cannot open are named for what they are", arguments: [
            ("page.geojson", Array("<!DOCTYPE html><html></html>".utf8), "a web page, not geodata"),
            ("sites.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0], "an Excel workbook"),
            ("x.json", Array(#"{"a":1}"#.utf8), "JSON that is not GeoJSON"),
            ("empty.geojson", [], "the file is empty"),
        ])
        func unreadable(_ name: String, _ bytes: [UInt8], _ expected: String) throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path(name)))
            do {
                _ = try VectorSource(folder.path(name))
                Issue.record("opened \(name)")
            } catch {
                #expect("\(error)".contains(expected), "\(error)")
            }
        }

        @Test("a GBK Shapefile without .cpg: refused with the --encoding GBK advice, read right with it; never U+FFFD")
        func gbkShapefileWithoutCPG() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try LayerWriter(format: .shapefile, encoding: "GBK").write(try RoundTripTests.sample(), to: folder.path("survey.shp"))
            try FileManager.default.removeItem(atPath: folder.path("survey.cpg"))
            do {
                _ = try VectorSource(folder.path("survey.shp")).readLayer()
                Issue.record("read GBK bytes as UTF-8")
            } catch let error as IOError {
                #expect(error.description.contains("survey.shp: layer survey: feature 0: field name_zh is not valid UTF-8 text"))
                #expect(error.description.contains("add --encoding GBK"))
            }
            var describing = ReadOptions()
            describing.refusesImpossibleCRS = false
            let described = try VectorSource(folder.path("survey.shp"), options: describing)
            _ = try described.readLayer()
            #expect(described.warnings.filter { $0.contains("not valid UTF-8") }.count == 1)
            let layer = try VectorSource(folder.path("survey.shp"), options: ReadOptions(encoding: "GBK")).readLayer()
            #expect(layer.features.map { $0["name_zh"].description } == ["虹桥公园", "茅洲河碧道", "光明小镇"])
        }
    }
}

extension GeoIOTests {
    @Suite("Output keeps what the input said")
    struct OutputContractTests {
        static func gcjPoint() throws -> Layer {
            Layer(name: "sites", crs: .gcj02, fields: [Field("name", .string)],
                  features: [Feature(geometry: try Geometry.point(113.9537, 22.7327), properties: ["name": .string("站")])])
        }

        @Test("GCJ-02 features are written converted to WGS 84 with a WGS 84 label, never under it unconverted", arguments: [
            (OutputFormat.shapefile, "s.shp"), (.gpkg, "s.gpkg"), (.geojson, "s.geojson"), (.flatgeobuf, "s.fgb"),
        ])
        func gcj02(_ format: OutputFormat, _ name: String) throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try LayerWriter(format: format).write(try Self.gcjPoint(), to: folder.path(name))
            if format == .shapefile { #expect(FileManager.default.fileExists(atPath: folder.path("s.prj"))) }
            let back = try VectorSource(folder.path(name)).readLayer()
            #expect(back.crs?.epsgCode == 4326)
            let c = try #require(back.features.first?.geometry?.coordinates.first)
            let expected = ChinaOffset.gcj02ToWGS84(113.9537, 22.7327)
            #expect(abs(c.x - expected.0) < 1.1e-7 && abs(c.y - expected.1) < 1.1e-7, "\(c) vs \(expected)")
            #expect(abs(c.x - 113.9537) > 1e-3, "the offset (about 500 m) was removed")
        }

        @Test("writing into an existing GeoPackage keeps its other layers; a same-named layer is refused, replaced or appended to")
        func geoPackageLayers() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.path("plan.gpkg")
            let sample = try RoundTripTests.sample()
            try LayerWriter(format: .gpkg).write(sample, to: path)
            var other = sample
            other.name = "other"
            try LayerWriter(format: .gpkg).write(other, to: path)
            #expect(try VectorSource(path).layerNames.sorted() == ["green", "other"])
            do {
                try LayerWriter(format: .gpkg).write(sample, to: path)
                Issue.record("replaced a layer without --overwrite")
            } catch let error as IOError {
                #expect(error.description.contains("already has a layer 'green'; add --overwrite"))
            }
            var one = sample
            one.features = [sample.features[0]]
            var writer = LayerWriter(format: .gpkg)
            writer.mode = .overwrite
            try writer.write(one, to: path)
            #expect(try VectorSource(path, options: ReadOptions(layer: "green")).readLayer().features.count == 1)
            writer.mode = .append
            try writer.write(sample, to: path)
            #expect(try VectorSource(path, options: ReadOptions(layer: "green")).readLayer().features.count == 4)
            #expect(try VectorSource(path, options: ReadOptions(layer: "other")).readLayer().features.count == 3)
            #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)).contains { $0.hasPrefix(".gmgeo") })
        }

        @Test("an output that cannot be written fails before anything is made")
        func unwritable() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            #expect(throws: IOError.self) { try OutputPath.check(folder.path("missing/x.geojson")) }
            #expect(throws: IOError.self) { try OutputPath.check(folder.url.path) }
            #expect(throws: IOError.self) { try OutputPath.check("/dev/null") }
            try OutputPath.check(folder.path("x.geojson"))
        }
    }
}

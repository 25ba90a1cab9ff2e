import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    /// Layers read from PostGIS through GDAL's PostgreSQL driver (`PG:` connections).
    @Suite("PostGIS", .enabled(if: PostGISFixture.connection != nil, "no PostGIS server: run Scripts/test.sh or set GMGEO_TEST_PG"))
    struct PostGISTests {
        @Test("a PostGIS table reads with its CRS, fields and Chinese text")
        func read() throws {
            let connection = try #require(PostGISFixture.connection)
            let source = try VectorSource(connection, options: ReadOptions(layer: "green"))
            #expect(source.driver == "PostgreSQL")
            let layer = try source.readLayer()
            #expect(layer.crs?.epsgCode == 4547)
            #expect(Set(layer.features.map { $0["name_zh"].description }) == ["虹桥公园", "大顶岭"])
            #expect(try layer.features.map { try $0.geometry?.area() ?? 0 } == [1e6, 1e6])
            let filtered = try VectorSource(connection, options: ReadOptions(layer: "green", filter: "class = 'forest'")).readLayer()
            #expect(filtered.features.map { $0["name_zh"].description } == ["大顶岭"])
        }

        @Test("gmgeo query on a PG: source; errors never show the password")
        func cli() throws {
            let connection = try #require(PostGISFixture.connection)
            // The park square spans x 494500-495500, y 2516500-2517500 in EPSG:4547.
            let hit = try CommandRunner.gmgeo(["query", connection, "--layer", "green", "--intersects", "POINT (495000 2517000)", "--wkt-crs", "EPSG:4547"])
            #expect(hit.status == 0, "\(hit.stderr)")
            #expect(hit.stdout.contains("虹桥公园") && hit.stderr.contains("1 of 2 features"))
            #expect(!hit.stderr.contains("password=gmgeo"))
            let missing = try CommandRunner.gmgeo(["info", connection, "--layer", "nope"])
            #expect(missing.status == 2 && missing.stderr.contains("no layer 'nope'") && !missing.stderr.contains("password=gmgeo"))
        }
    }
}

extension GeoIOTests.PostGISTests {
    @Test("convert writes a new table in one transaction: complete, or absent after an error; never replaces one")
    func writeTable() throws {
        let connection = try #require(PostGISFixture.connection)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let table = "gmgeo_test_\(UUID().uuidString.prefix(8).lowercased())"
        let ok = try CommandRunner.gmgeo(["convert", "green", connection, "--output-layer", table, "--to-crs", "EPSG:4547"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let back = try VectorSource(connection, options: ReadOptions(layer: table)).readLayer()
        let original = try VectorSource(SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/green.geojson").path).readLayer()
        #expect(back.features.count == original.features.count && back.crs?.epsgCode == 4547)
        #expect(Set(back.features.map { $0["name_zh"].description }) == Set(original.features.map { $0["name_zh"].description }))
        let again = try CommandRunner.gmgeo(["convert", "green", connection, "--output-layer", table])
        #expect(again.status == 2 && again.stderr.contains("already has a layer") && !again.stderr.contains("password=gmgeo"))
        // A valid feature, then a broken one: the transaction is rolled back, no table is left.
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":"a"},"geometry":{"type":"Polygon","coordinates":[[[113.9,22.7],[113.91,22.7],[113.91,22.71],[113.9,22.7]]]}},{"type":"Feature","properties":{"n":"b"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}"#
            .write(toFile: folder.path("half.geojson"), atomically: true, encoding: .utf8)
        let broken = "\(table)_broken"
        let failed = try CommandRunner.gmgeo(["convert", folder.path("half.geojson"), connection, "--output-layer", broken])
        #expect(failed.status == 2 && failed.stderr.contains("invalid geometry"))
        #expect(try !VectorSource(connection).layerNames.contains(broken))
    }
}

import Foundation
import GeoCore
import Planning
import Testing

extension PlanningTests {
    @Suite("Coverage")
    struct CoverageTests {
        @Test("overlapping cover counts once; holes are not covered area")
        func overlapsAndHoles() throws {
            // Zone A: 100 x 100 with a 20 x 20 hole (9,600 m²). Cover: x 0-50 and x 25-75, overlapping.
            let a = try Geometry(wkt: "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))")
            let b = try Scenes.rect(200, 0, 300, 100)
            let result = try Coverage.compute(zones: [Zone(name: "A", geometry: a), Zone(name: "B", geometry: b)], cover: [try Scenes.rect(0, 0, 50, 100), try Scenes.rect(25, 0, 75, 100)],
                                              target: 0.7)
            // Union of cover: x 0-75 = 7,500 m², minus the hole (inside it) = 7,100 m².
            #expect(result.rows[0].area == 9600)
            #expect(abs(result.rows[0].covered - 7100) < 1e-9)
            #expect(abs(result.rows[0].share - 7100.0 / 9600) < 1e-12)
            #expect(abs(try result.rows[0].uncovered.area() - 2500) < 1e-9)
            #expect(result.meetsTarget(result.rows[0]) == true)
            #expect(result.rows[1].covered == 0 && result.rows[1].share == 0 && result.meetsTarget(result.rows[1]) == false)
            #expect(try result.rows[1].uncovered.area() == 10_000)
        }

        @Test("a buffered point covers its polygonal circle, clipped to the zone")
        func bufferedCover() throws {
            // A point at the zone's corner, buffered 10 m: a quarter of the 32-gon lies inside.
            let result = try Coverage.compute(zones: [Zone(name: "Z", geometry: try Scenes.rect(0, 0, 100, 100))], cover: [try Geometry.point(0, 0)], buffer: 10)
            #expect(abs(result.rows[0].covered - Scenes.circleArea(10) / 4) < 1e-9)
        }

        @Test("green service: 0.5 ha counts as green but not as a park; the radii come from the rules")
        func greenService() throws {
            let rules = try Scenes.rules().greenService
            let side = (5000.0).squareRoot()  // 0.5 ha square
            let green = try Scenes.rect(500 - side / 2, 500 - side / 2, 500 + side / 2, 500 + side / 2)
            let zone = try Scenes.rect(0, 0, 1000, 1000)
            let result = try GreenService.compute(zones: [Zone(name: "Z", geometry: zone)], green: [green], rules: rules)
            // Square grown by r with round corners: s² + 4 s r + (polygonal circle of radius r).
            let r = rules.greenRadius
            let expected = 5000 + 4 * side * r + Scenes.circleArea(r)
            #expect(abs(result.rows[0].greenShare - expected / 1e6) < 1e-9)
            #expect(result.rows[0].parkShare == 0 && result.rows[0].bothShare == 0 && !result.rows[0].meetsTarget)
            #expect(result.greenCount == 1 && result.parkCount == 0)
            // Make it a 4 ha park: now it serves both; the share of both is the park-radius... the smaller reach.
            let park = try Scenes.rect(400, 400, 600, 600)
            let both = try GreenService.compute(zones: [Zone(name: "Z", geometry: zone)], green: [park], rules: rules)
            let greenReach = 40_000 + 4 * 200 * r + Scenes.circleArea(r)
            #expect(abs(both.rows[0].bothShare - greenReach / 1e6) < 1e-9)
        }
    }
}

import Foundation
import GeoCore
import GeoIO
import Planning
import Testing
import TestSupport

extension PlanningTests {
    @Suite("Project kinds and the validation of a projects layer")
    struct ProjectKindTests {
        static func data() throws -> PlanningData {
            try PlanningData(folder: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming"))
        }

        /// Projects at one spot (华夏路沿街, ok for a general project in the sample) with `kinds`.
        static func layer(_ kinds: [FieldValue], geometry: Bool = true) throws -> Layer {
            let spot = try Transformer.shared(from: .wgs84, to: .guangmingWorking).transform(try Geometry.point(113.9600, 22.7605))
            return Layer(name: "p", crs: .guangmingWorking, fields: [Field("name_zh", .string), Field("类型", .string)],
                         features: kinds.enumerated().map { i, k in
                             Feature(id: Int64(i + 2), geometry: geometry ? spot : nil, properties: ["name_zh": .string("项目\(i)"), "类型": k])
                         })
        }

        @Test("the plan's Chinese words, the keys and plausible spellings all name a kind", arguments: [
            ("重点项目", "key"), ("key", "key"), (" Key ", "key"), ("重大产业项目", "major-industrial"), ("major industrial", "major-industrial"),
            ("公共配套设施", "public-facility"), ("公建配套设施", "public-facility"), ("片区整体开发", "area-wide"), ("一般项目", "general"),
            ("ＫＥＹ", "key"),
        ])
        func words(_ written: String, _ key: String) throws {
            #expect(try Scenes.rules().kinds.key(for: written) == key)
        }

        @Test("a kind the rules do not know is refused naming the row, the value and the accepted values")
        func unknownRefused() throws {
            let data = try Self.data()
            do {
                _ = try ProjectLayerValidation(try Self.layer([.string("一般项目"), .string("商业综合体"), .null]), source: "p.gpkg", kindField: "类型", data: data)
                Issue.record("validated unknown kinds")
            } catch let error as ProjectInputError {
                #expect(error.description.hasPrefix("p.gpkg: 2 of 3 projects have a kind the rules do not know (feature 3 (项目1) has '商业综合体'; feature 4 (项目2) has '')"))
                #expect(error.description.contains("accepted in 类型: ") && error.description.contains("general (一般项目"))
                #expect(error.description.contains("--unknown-kind review"))
            }
        }

        @Test("with --unknown-kind review such a project needs review and says why; a known one passes, saying what it passed")
        func unknownReviewed() throws {
            let result = try ProjectLayerValidation(try Self.layer([.string("一般项目"), .string("商业综合体")]), source: "p.gpkg", kindField: "类型",
                                                    data: try Self.data(), unknownKinds: .review)
            #expect(result.assessments.map(\.verdict) == [.ok, .needsReview])
            #expect(result.assessments[1].rules.map(\.code) == ["unknown-kind"])
            #expect(result.assessments[1].reasons.contains("'商业综合体' is not one the rules know"))
            #expect(result.assessments[0].reasons.hasPrefix("passed every check: inside Guangming District;"))
            #expect(!result.assessments.contains { $0.reasons.contains("no rule applies") })
            #expect(result.table.headers == ["project", "name", "kind", "kind_key", "street", "upgrade district", "control zones", "verdict", "reasons", "lon", "lat"])
            #expect(result.table.rows[0][2] == "一般项目" && result.table.rows[0][3] == "general")
            // Back in WGS 84 where the point was made.
            #expect(result.table.rows[0][9] == "113.9600000" && result.table.rows[0][10] == "22.7605000")
            #expect(result.checked.features.map { $0["kind_key"] } == [.string("general"), .null])
        }

        @Test("projects without a location are refused, never dropped")
        func unlocated() throws {
            do {
                _ = try ProjectLayerValidation(try Self.layer([.string("key")], geometry: false), source: "p.csv", kindField: "类型", data: try Self.data())
                Issue.record("validated a project without a location")
            } catch let error as ProjectInputError {
                #expect(error.description.hasPrefix("p.csv: 1 of 1 projects have no location (line 2 (项目0))"))
            }
        }

        @Test("[review] may only name kinds that [project_kinds] defines")
        func rulesKinds() throws {
            let text = try String(contentsOf: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/rules.toml"), encoding: .utf8)
            let broken = text.replacingOccurrences(of: #"kinds_in_zone = ["key"]"#, with: #"kinds_in_zone = ["keys"]"#)
            #expect(broken != text)
            do {
                _ = try PlanningRules(toml: broken, file: "r.toml")
                Issue.record("accepted an undefined kind")
            } catch let error as RulesError {
                #expect(error.description.hasPrefix("r.toml: [review] names the kind 'keys', which [project_kinds] does not define"))
            }
        }
    }
}

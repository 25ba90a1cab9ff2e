import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One GEOS XML test file: its precision model, whether A is prepared, and its cases.
struct GEOSXMLFile {
    struct Test {
        let op: String
        let arg1: String
        let arg2: String?
        let arg3: String?
        let expected: String
    }

    struct Case {
        let description: String
        let a: String
        let b: String?
        let tests: [Test]
    }

    /// Grid size of a fixed precision model (1/scale), nil for floating.
    var gridSize: Double?
    var prepared = false
    var cases: [Case] = []

    /// Parses a file in the format GEOS's XMLTester reads.
    init(contentsOf url: URL) throws {
        let parser = XMLParser(data: try Data(contentsOf: url))
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        gridSize = delegate.gridSize
        prepared = delegate.prepared
        cases = delegate.cases
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var gridSize: Double?
        var prepared = false
        var cases: [Case] = []
        private var text = ""
        private var desc = "", a = "", b: String?
        private var tests: [Test] = []
        private var opAttributes: [String: String] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            switch name {
            case "precisionModel":
                if let scale = attributes["scale"].flatMap(Double.init), scale > 0 { gridSize = 1 / scale }
            case "case":
                desc = ""; a = ""; b = nil; tests = []
            case "op":
                opAttributes = attributes
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "geometryOperation": prepared = value.hasSuffix("PreparedGeometryOperation")
            case "desc": desc = value
            case "a": a = value
            case "b": b = value
            case "op":
                tests.append(Test(op: (opAttributes["name"] ?? "").lowercased(), arg1: opAttributes["arg1"] ?? "A",
                                  arg2: opAttributes["arg2"], arg3: opAttributes["arg3"], expected: value))
            case "case":
                cases.append(Case(description: desc, a: a, b: b, tests: tests))
            default:
                break
            }
            text = ""
        }
    }
}

import Foundation
import GeoCore
import Settings
import Testing

/// gmgeo's TOML reader against the TOML 1.0 specification's own examples (toml.io) and the
/// inputs that aborted the library it replaced.
@Suite("TOML reader")
struct TOMLTests {
    @Test("the value kinds of the specification")
    func values() throws {
        let t = try TOMLTable(string: #"""
        # a comment
        str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."
        lit = 'C:\Users\nodejs\templates'
        ml = """
        Roses are red
        Violets are blue"""
        trimmed = """\
               The quick brown \
               fox."""
        mll = '''
        The first newline is
        trimmed in raw strings.'''
        int1 = +99
        int2 = -17
        int3 = 1_000
        hex = 0xDEADBEEF
        oct = 0o755
        bin = 0b11010110
        flt1 = +1.0
        flt2 = -0.01
        flt3 = 5e+22
        flt4 = 6.626e-34
        flt5 = 224_617.445_991
        sf1 = inf
        sf2 = -inf
        sf3 = nan
        bool = true
        "quoted key" = 1
        arr = [ 1, 2, 3, ]
        nested = [ [ 1, 2 ], ["a", 'b'] ]
        multi = [
          "red",   # a comment in an array
          "yellow",
        ]
        point = { x = 1, y = 2 }
        empty = {}
        """#)
        #expect(t["str"]?.string == "I'm a string. \"You can quote me\". Name\tJos\u{E9}\nLocation\tSF.")
        #expect(t["lit"]?.string == #"C:\Users\nodejs\templates"#)
        #expect(t["ml"]?.string == "Roses are red\nViolets are blue")
        #expect(t["trimmed"]?.string == "The quick brown fox.")
        #expect(t["mll"]?.string == "The first newline is\ntrimmed in raw strings.")
        #expect([t["int1"], t["int2"], t["int3"], t["hex"], t["oct"], t["bin"]].map { $0?.int } == [99, -17, 1000, 0xDEADBEEF, 0o755, 0b11010110])
        #expect([t["flt1"], t["flt2"], t["flt3"], t["flt4"], t["flt5"]].map { $0?.double } == [1.0, -0.01, 5e22, 6.626e-34, 224_617.445_991])
        #expect(t["sf1"]?.double == .infinity && t["sf2"]?.double == -.infinity && t["sf3"]?.double?.isNaN == true)
        #expect(t["bool"]?.bool == true && t["quoted key"]?.int == 1)
        #expect(t["arr"]?.array?.compactMap(\.int) == [1, 2, 3])
        #expect(t["nested"]?.array?.last?.array?.compactMap(\.string) == ["a", "b"])
        #expect(t["multi"]?.array?.compactMap(\.string) == ["red", "yellow"])
        #expect(t["point"]?.table?["y"]?.int == 2 && t["empty"]?.table?.isEmpty == true)
    }

    @Test("tables, dotted keys and arrays of tables, keys in the order written")
    func tables() throws {
        let t = try TOMLTable(string: """
        [crs]
        working = "EPSG:4547"
        [corridors]
        expressway = 50.0
        fruit.apple.color = "red"
        fruit.apple.size = 3
        [a.b.c]
        d = 1
        [a]
        e = 2
        [[products]]
        name = "Hammer"
        [[products]]
        name = "Nail"
        [products.detail]
        size = 1
        [review]
        zones = ["光明中心区", "大科学装置核心区"]
        """)
        #expect(t.keys == ["crs", "corridors", "a", "products", "review"])
        #expect(t["corridors"]?.table?["fruit"]?.table?["apple"]?.table?["size"]?.int == 3)
        #expect(t["a"]?.table?["b"]?.table?["c"]?.table?["d"]?.int == 1 && t["a"]?.table?["e"]?.int == 2)
        let products = try #require(t["products"]?.array)
        #expect(products.compactMap { $0.table?["name"]?.string } == ["Hammer", "Nail"])
        #expect(products.last?.table?["detail"]?.table?["size"]?.int == 1)
        #expect(t["review"]?.table?["zones"]?.array?.compactMap(\.string) == ["光明中心区", "大科学装置核心区"])
    }

    @Test("malformed documents are errors naming the line, never a crash", arguments: [
        ("[[", 1, "a key is missing at the end of the file"),
        ("[", 1, "a key is missing"),
        ("[a]\nb = 1\n[a]\n", 3, "the table [a] is defined twice"),
        ("a = 1\na = 2\n", 2, "the key 'a' is defined twice"),
        ("a = \"open\n", 1, "must end on its line"),
        ("a = [1, 2\n", 2, "never closed"),
        ("a = 1 b = 2\n", 1, "one key = value per line"),
        ("a = 01\n", 1, "leading zeros"),
        ("a = 1__0\n", 1, "underscores"),
        ("a = 1979-05-27\n", 1, "dates and times"),
        ("a = .5\n", 1, "expected a value, found '.'"),
        ("a = \"\\q\"\n", 1, "unknown escape"),
        ("a = { b = 1\n", 1, "inline table"),
        ("a = {b = 1}\n[a]\n", 2, "is an inline table; it cannot be extended"),
        ("a = [1]\n[[a]]\n", 2, "not an array of tables"),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple]\n", 3, "defined twice"),
        ("x = \u{7}\n", 1, "expected a value"),
        ("= 1\n", 1, "expected a key"),
        ("a = tru\n", 1, "expected a value"),
    ])
    func errors(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try TOMLTable(string: text)
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.line == line && error.message.contains(message), "\(text.debugDescription): \(error)")
        }
    }

    @Test("arrays nested past the limit are refused before the reader recurses far")
    func deepArrays() {
        let deep = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: TOMLError.self) { try TOMLTable(string: deep) }
        let deepTables = "a = " + String(repeating: "{b = ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(throws: TOMLError.self) { try TOMLTable(string: deepTables) }
    }

    @Test("random mutations of a rules file read or throw, and never crash")
    func mutations() throws {
        let seed = """
        [crs]
        working = "EPSG:4547"
        [corridors]
        expressway = 50.0   # m
        [review]
        zones = ["光明中心区", "轨道沿线"]
        point = { x = 1, y = 'two' }
        [[layers]]
        name = \"\"\"multi
        line\"\"\"
        """
        var generator = SplitMix64(seed: 20261129)  // deterministic: a failing mutation can be replayed
        let alphabet = Array("[]{}=,.\"'#\n\\ 0x_e+-ab".utf8)
        for _ in 0..<20_000 {
            var bytes = Array(seed.utf8)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
                }
            }
            _ = try? TOMLTable(string: String(decoding: bytes, as: UTF8.self))
        }
    }
}

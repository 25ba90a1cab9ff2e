import Foundation

/// libFuzzer's entry (Scripts/fuzz.sh builds with -sanitize=fuzzer and GMGEO_FUZZ, and
/// libFuzzer supplies main).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTarget.selected.run(Data(bytes: bytes, count: count))
    return 0
}

#if !GMGEO_FUZZ
/// Without libFuzzer: replays the files given as arguments through the selected target
/// (GMGEO_FUZZ_TARGET), e.g. a crash file or the whole seed corpus.
@main
struct Replay {
    static func main() {
        let target = FuzzTarget.selected
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.map { "\(path)/\($0)" } } ?? [path]
            for file in files.sorted() {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(data)
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs replayed without a crash")
    }
}
#endif

#if GMGEO_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry as `<module>_main`; under libFuzzer that entry hands
/// over to libFuzzer's driver.
@_cdecl("GMGeoFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { bytes, size in
        guard let bytes else { return 0 }
        return fuzzOneInput(bytes, size)
    }
}
#endif

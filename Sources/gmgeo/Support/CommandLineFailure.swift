import ArgumentParser
import Foundation
import GeoCore
import Planning

/// A failure the user can fix: shown as one line on stderr, exit status 2.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Turns any error into the one-line message and exit status the CLI promises.
enum CommandLineFailure {
    /// Prints "gmgeo: <message>" to stderr and exits with status 2.
    static func report(_ error: Error) -> Never {
        let message: String
        switch error {
        case let e as InputError: message = e.description
        case let e as NetworkError: message = e.description
        case let e as any LocatedError: message = e.description
        default:
            // Argument errors: the parser's own message, first line only, plus where to look.
            let full = GMGeo.message(for: error)
            let first = full.split(separator: "\n").first.map(String.init) ?? full
            let text = first.replacingOccurrences(of: "Error: ", with: "")
            message = text.contains("help") ? text : text + " (see gmgeo help)"
        }
        let oneLine = "gmgeo: " + message.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        Stderr.write(oneLine)
        // Keep the text referenced until the process ends, so leak checkers see nothing lost.
        withExtendedLifetime(oneLine) { exit(2) }
    }
}

/// Unbuffered writes to standard error.
enum Stderr {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Planning

/// A failure the user can fix, found by a command itself: one line on stderr, exit status 2.
struct InputError: LocatedError {
    let message: String
    var location: String?
    init(_ message: String) { self.message = message }
    var description: String { "\(locationPrefix)\(message)" }
}

/// Turns any error into the one-line message and exit status the CLI promises.
enum CommandLineFailure {
    /// Prints "gmgeo: <message>" to stderr and exits with status 2.
    static func report(_ error: Error) -> Never {
        let message: String
        // Every gmgeo error is a LocatedError (GeometryError, CRSError, IOError, RulesError,
        // MapError, NetworkError, ProjectInputError, InputError): one protocol, one line.
        switch error {
        case let e as any LocatedError: message = e.description
        default:
            // Argument errors: the parser's own message, first line only, plus where to look.
            let full = GMGeo.message(for: error)
            let first = full.split(separator: "\n").first.map(String.init) ?? full
            let text = first.replacingOccurrences(of: "Error: ", with: "")
            message = text.contains("help") ? text : text + " (see gmgeo help)"
        }
        let oneLine = "gmgeo: " + Secrets.scrub(message).split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        Stderr.discardNotes()
        Stderr.writeNow(oneLine)
        // Keep the texts referenced from a global until the process ends (exit() frees
        // nothing), so leak checkers see nothing lost.
        lastWords.withLock { $0 = [message, oneLine] }
        exit(2)
    }

    private static let lastWords = Locked<[String]>([])
}

/// Standard error. Notes (an assumed CRS, rows left out, the summary line) are held until the
/// command succeeds, so a failure prints its one line and nothing else; progress (shown
/// only for work longer than two seconds) goes out at once and lets the held notes out first.
enum Stderr {
    private static let held = Locked<[String]>([])

    /// Holds a note until the command ends well.
    static func write(_ text: String) {
        held.withLock { $0.append(Secrets.scrub(text)) }
    }

    /// Writes at once (progress, the failure line), after any held notes.
    static func writeNow(_ text: String) {
        flush()
        FileHandle.standardError.write(Data(Secrets.scrub(text).utf8))
    }

    /// Writes the held notes.
    static func flush() {
        let notes = held.withLock { notes -> [String] in
            defer { notes = [] }
            return notes
        }
        if !notes.isEmpty { FileHandle.standardError.write(Data(notes.joined().utf8)) }
    }

    /// Drops the held notes: the command failed, and its one line says why.
    static func discardNotes() {
        held.withLock { $0 = [] }
    }
}

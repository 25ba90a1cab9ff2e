import Foundation

/// Step-by-step progress on stderr, shown only once the work has taken more than two seconds
/// (quick runs stay quiet).
final class Progress {
    private let start = Date()
    private let total: Int
    private var step = 0
    private var pending: [String] = []

    init(steps: Int) { total = steps }

    /// Announces the next step.
    func next(_ what: String) {
        step += 1
        let line = "gmgeo: [\(step)/\(total)] \(what)"
        if Date().timeIntervalSince(start) > 2 {
            for earlier in pending { Stderr.writeNow(earlier + "\n") }
            pending = []
            Stderr.writeNow(line + "\n")
        } else {
            pending = [line]
        }
    }

    /// Seconds since the start.
    var elapsed: Double { Date().timeIntervalSince(start) }
}

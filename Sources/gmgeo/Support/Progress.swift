import Foundation
import GeoCore

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

/// Progress within one long step (done of total), from any thread: a line every five
/// seconds once the step has run for two.
final class StepProgress: Sendable {
    private let state = Locked((start: Date(), shown: Date.distantPast))
    private let what: String

    init(_ what: String) { self.what = what }

    /// Reports `done` of `total`.
    func report(_ done: Int, _ total: Int) {
        let now = Date()
        let show = state.withLock { s -> Bool in
            guard now.timeIntervalSince(s.start) > 2, now.timeIntervalSince(s.shown) > 5 else { return false }
            s.shown = now
            return true
        }
        if show { Stderr.writeNow("gmgeo:   \(what): \(100 * done / max(1, total))% (\(done) of \(total))\n") }
    }
}

import Dispatch
import Foundation

/// Runs independent work on every core (each thread with its own GEOS and PROJ contexts).
public enum ParallelMap {
    /// `body(i)` for every i in `range`, in parallel, results in order; rethrows the first error.
    public static func map<T: Sendable>(_ range: Range<Int>, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Results<T>(count: range.count)
        let base = range.lowerBound
        DispatchQueue.concurrentPerform(iterations: range.count) { i in
            results.set(i, Result { try body(base + i) })
        }
        return try results.all()
    }
}

/// Per-index results written by worker threads (each index by exactly one thread).
private final class Results<T: Sendable>: @unchecked Sendable {
    private var items: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, Error>) { lock.withLock { items[i] = r } }

    func all() throws -> [T] {
        try lock.withLock { items }.map { r in
            guard let r else { throw GeometryError(.operation, operation: "parallel", message: "a task did not finish") }
            return try r.get()
        }
    }
}

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

    /// `body(i)` for every i in `range`, in parallel, results in order: work that cannot fail.
    public static func map<T: Sendable>(_ range: Range<Int>, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: range.count)
        let base = range.lowerBound
        DispatchQueue.concurrentPerform(iterations: range.count) { i in
            results.set(i, .success(body(base + i)))
        }
        // Every index is set once concurrentPerform returns; a gap would be computed here.
        return range.map { i in results.value(i - base) ?? body(i) }
    }

    /// `body` over consecutive chunks of `0..<count` (at most `size` items each) in parallel,
    /// the chunks' results joined in order: for many small items, where one task per item
    /// would cost more than the work.
    public static func chunked<T: Sendable>(_ count: Int, size: Int, _ body: @Sendable (Range<Int>) throws -> [T]) throws -> [T] {
        let size = max(1, size)
        let chunks = (count + size - 1) / size
        return try map(0..<chunks) { c in try body((c * size)..<min(count, (c + 1) * size)) }.flatMap { $0 }
    }

    /// `body` over consecutive chunks, as above, for work that cannot fail.
    public static func chunked<T: Sendable>(_ count: Int, size: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let size = max(1, size)
        let chunks = (count + size - 1) / size
        return map(0..<chunks) { c in body((c * size)..<min(count, (c + 1) * size)) }.flatMap { $0 }
    }
}

/// Per-index results written by worker threads (each index by exactly one thread).
private final class Results<T: Sendable>: @unchecked Sendable {
    private var items: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, Error>) { lock.withLock { items[i] = r } }

    func value(_ i: Int) -> T? { lock.withLock { try? items[i]?.get() } }

    func all() throws -> [T] {
        try lock.withLock { items }.map { r in
            guard let r else { throw GeometryError(.operation, operation: "parallel", message: "a task did not finish") }
            return try r.get()
        }
    }
}

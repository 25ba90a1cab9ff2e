import Foundation

/// A value shared between threads behind a lock. Built on NSLock (a pthread mutex) rather
/// than Synchronization.Mutex: on Linux Mutex waits with raw futex calls ThreadSanitizer
/// cannot see, so every access through it was reported as a race.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

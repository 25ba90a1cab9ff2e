#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One instance of `T` per thread, made on first use in that thread and released when the
/// thread exits (GEOS and PROJ contexts must not be shared between threads).
final class ThreadLocal<T: AnyObject>: @unchecked Sendable {
    private var key = pthread_key_t()
    private let make: @Sendable () -> T

    init(_ make: @escaping @Sendable () -> T) {
        self.make = make
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<AnyObject>.fromOpaque(raw).release()
        }
    }

    /// This thread's instance.
    var value: T {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<T>.fromOpaque(raw).takeUnretainedValue()
        }
        let made = make()
        pthread_setspecific(key, Unmanaged.passRetained(made as AnyObject).toOpaque())
        return made
    }
}

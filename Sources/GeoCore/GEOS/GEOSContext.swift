import CGEOS

/// One GEOS context handle per thread, created on first use and finished when the thread ends.
///
/// GEOS's reentrant API reports errors through a handler bound to the context, so the
/// message must be read on the same thread right after the failing call: `call` does that.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error GEOS reported on this thread's context, cleared before every call.
    var lastError: String?
    /// Readers and writers are costly to create, so each thread keeps its own.
    lazy var readers = GEOSReaders(handle)

    private init?() {
        guard let handle = GEOS_init_r() else { return nil }
        self.handle = handle
        GEOSContext_setErrorMessageHandler_r(handle, geosErrorHandler, Unmanaged.passUnretained(self).toOpaque())
        GEOSContext_setNoticeMessageHandler_r(handle, nil, nil)
    }

    deinit {
        readers.destroy()
        GEOS_finish_r(handle)
    }

    private static let perThread = ThreadLocal<GEOSContext> {
        // GEOS only fails to create a context when memory is exhausted.
        guard let context = GEOSContext() else { fatalError("GEOS_init_r failed: out of memory") }
        return context
    }

    /// This thread's context.
    static var current: GEOSContext { perThread.value }

    /// Calls GEOS and turns a nil result into a `GeometryError` carrying GEOS's message.
    @inline(__always)
    static func call<R>(_ operation: String, code: GeometryError.Code = .operation,
                        _ body: (GEOSContextHandle_t) -> R?) throws(GeometryError) -> R {
        let context = current
        context.lastError = nil
        guard let result = body(context.handle) else {
            throw GeometryError(code, operation: operation,
                                message: context.lastError ?? "GEOS returned no result")
        }
        return result
    }

    /// Calls a GEOS predicate (0 false, 1 true, 2 exception).
    @inline(__always)
    static func predicate(_ operation: String, _ body: (GEOSContextHandle_t) -> CChar) throws(GeometryError) -> Bool {
        let context = current
        context.lastError = nil
        switch body(context.handle) {
        case 0: return false
        case 1: return true
        default:
            throw GeometryError(.operation, operation: operation,
                                message: context.lastError ?? "GEOS reported an exception")
        }
    }

    /// Calls a GEOS function that returns 0 on error (measures, coordinate access).
    @inline(__always)
    static func status(_ operation: String, _ body: (GEOSContextHandle_t) -> Int32) throws(GeometryError) {
        let context = current
        context.lastError = nil
        if body(context.handle) == 0 {
            throw GeometryError(.operation, operation: operation,
                                message: context.lastError ?? "GEOS reported an exception")
        }
    }
}

private func geosErrorHandler(_ message: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {
    guard let message, let userData else { return }
    let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
    context.lastError = String(cString: message)
}

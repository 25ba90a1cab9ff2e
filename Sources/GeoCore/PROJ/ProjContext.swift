import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PROJ context owned by one thread (PROJ contexts must not be shared between threads).
/// Used for short-lived objects only: CRS lookups whose PJ is destroyed before returning.
final class ProjContext {
    let handle: OpaquePointer
    /// The last error PROJ logged on this context (more specific than its errno string).
    var lastLogged: String?

    /// Creates a fresh PROJ context whose error log is captured instead of printed.
    init() {
        handle = proj_context_create()
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque()) { userData, _, message in
            guard let userData, let message else { return }
            Unmanaged<ProjContext>.fromOpaque(userData).takeUnretainedValue().lastLogged = String(cString: message)
        }
    }

    deinit { proj_context_destroy(handle) }

    /// This thread's context for short-lived lookups.
    static var current: ProjContext {
        if let raw = pthread_getspecific(projContextKey) {
            return Unmanaged<ProjContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = ProjContext()
        pthread_setspecific(projContextKey, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// PROJ's message for the last error on this context, or a fallback.
    func lastError(_ fallback: String) -> String {
        if let logged = lastLogged {
            lastLogged = nil
            return logged
        }
        let code = proj_context_errno(handle)
        guard code != 0, let text = proj_context_errno_string(handle, code) else { return fallback }
        return String(cString: text)
    }
}

private let projContextKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { raw in
        guard let raw else { return }
        Unmanaged<ProjContext>.fromOpaque(raw).release()
    }
    return key
}()

/// An owned PJ object, destroyed exactly once. Sendable only so a per-thread table can hold
/// it: each object is used by the one thread that created it (see `Transformer`).
final class ProjObject: @unchecked Sendable {
    let pj: OpaquePointer
    /// Keeps the context the object was made in alive as long as the object.
    let context: ProjContext

    init(_ pj: OpaquePointer, _ context: ProjContext) {
        self.pj = pj
        self.context = context
        LiveHandles.projCount.add(1, ordering: .relaxed)
    }

    deinit {
        proj_destroy(pj)
        LiveHandles.projCount.subtract(1, ordering: .relaxed)
    }
}

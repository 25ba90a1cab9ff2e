import CPROJ

/// A PROJ context owned by one thread (PROJ contexts must not be shared between threads).
/// CRS lookups use the calling thread's context and destroy their PJ before returning;
/// a `Transformer` keeps its operations (and their contexts, through `ProjObject`) for as
/// long as it lives, which for `Transformer.shared` is the whole process.
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

    private static let perThread = ThreadLocal { ProjContext() }

    /// This thread's context.
    static var current: ProjContext { perThread.value }

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

/// An owned PJ object, destroyed exactly once. Sendable only so a per-thread table can hold
/// it: each object is used by the one thread that created it (see `Transformer`).
final class ProjObject: @unchecked Sendable {
    let pj: OpaquePointer
    /// Keeps the context the object was made in alive as long as the object.
    let context: ProjContext

    init(_ pj: OpaquePointer, _ context: ProjContext) {
        self.pj = pj
        self.context = context
        LiveHandles.track(.proj, 1)
    }

    deinit {
        proj_destroy(pj)
        LiveHandles.track(.proj, -1)
    }
}

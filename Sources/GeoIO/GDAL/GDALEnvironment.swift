import Foundation
import CGDAL

/// GDAL's process-wide set-up (drivers registered once, errors captured rather than printed)
/// and its thread-local last error.
enum GDALEnvironment {
    private static let registered: Bool = {
        GDALAllRegister()
        // Errors are read with CPLGetLastErrorMsg and reported by us, one line each.
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // KML's <name> and <description> carry the fields "name" and "description" both
        // ways, so every attribute reads back under the name it was written with (LIBKML's
        // defaults, "Name" and "Description", renamed a planner's "name" field).
        CPLSetConfigOption("LIBKML_NAME_FIELD", "name")
        CPLSetConfigOption("LIBKML_DESCRIPTION_FIELD", "description")
        return true
    }()

    /// Registers the drivers on first use.
    static func ensureRegistered() { _ = registered }

    /// Clears GDAL's last error on this thread before a call whose failure we explain.
    static func resetError() { CPLErrorReset() }

    /// GDAL's last error message on this thread, or `fallback`.
    static func lastError(_ fallback: String) -> String {
        guard let message = CPLGetLastErrorMsg(), message.pointee != 0 else { return fallback }
        // GDAL's messages may span lines; the CLI promises one.
        return Secrets.scrub(String(cString: message).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " "))
    }

    /// A NULL-terminated list of C strings for GDAL options (nil when `items` is empty),
    /// valid inside `body`, typed as GDAL's `const char* const*`.
    static func withStringList<R>(_ items: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) rethrows -> R {
        try withMutableStringList(items) { list in
            try body(list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) })
        }
    }

    /// The same list typed as `char**`, for the GDAL functions declared that way.
    static func withMutableStringList<R>(_ items: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for item in items { list = CSLAddString(list, item) }
        defer { CSLDestroy(list) }
        return try body(list)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Checked writes to standard output. A write that fails (a full disk, a closed file) is an
/// error, never a silent exit 0; a reader that went away (`| head`) ends the process quietly
/// by SIGPIPE, as Unix tools end.
public enum StandardOutput {
    /// Writes all of `bytes` to standard output.
    /// - Throws: `IOError.write` when the output cannot take them.
    public static func write(_ bytes: [UInt8]) throws(IOError) {
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            while offset < buffer.count {
                let n = Glibc.write(1, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        guard let failure else { return }
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        throw IOError(.write, "cannot write: \(String(cString: strerror(failure)))", location: "standard output")
    }

    /// Writes `text` (UTF-8).
    public static func write(_ text: String) throws(IOError) { try write(Array(text.utf8)) }

    /// Writes `data`.
    public static func write(_ data: Data) throws(IOError) { try write([UInt8](data)) }
}

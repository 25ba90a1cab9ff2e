#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Decoding text in a declared encoding (UTF-8, GBK, GB18030, ...) to UTF-8, strictly: a
/// byte sequence the encoding does not define is an error naming where it is, never a
/// replacement character.
public enum TextEncoding {
    /// Where decoding failed: the byte offset of the first undecodable sequence.
    public struct Failure: Error, Sendable {
        /// The encoding the text was declared in.
        public let encoding: String
        /// The byte offset of the first sequence that is not valid.
        public let offset: Int
    }

    /// True for the names that mean UTF-8 ("UTF-8", "utf8", nil).
    public static func isUTF8(_ name: String?) -> Bool {
        guard let name else { return true }
        return ["utf8", "utf-8"].contains(name.lowercased())
    }

    /// `bytes` (without a UTF-8 byte-order mark) as UTF-8 bytes.
    /// - Throws: `Failure` at the first invalid sequence; `IOError.format` for an unknown encoding.
    public static func utf8Bytes(_ bytes: [UInt8], from encoding: String?) throws -> [UInt8] {
        var input = bytes
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        if isUTF8(encoding) {
            if let bad = firstInvalidUTF8(input) { throw Failure(encoding: "UTF-8", offset: bad) }
            return input
        }
        return try convert(input, from: encoding ?? "UTF-8")
    }

    /// The offset of the first byte that does not start or continue valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // Fast path: the standard library validates far faster than a byte loop.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }

    /// iconv conversion to UTF-8, stopping at the first sequence the encoding rejects.
    private static func convert(_ input: [UInt8], from encoding: String) throws -> [UInt8] {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else {
            throw IOError(.format, "unknown encoding '\(encoding)'; use UTF-8, GBK or GB18030")
        }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        var produced = 0
        let failedAt: Int? = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return nil }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                produced = outBuffer.count - outLeft
                return result == -1 ? inBuffer.count - inLeft : nil
            }
        }
        if let failedAt { throw Failure(encoding: encoding, offset: failedAt) }
        return Array(output[0..<produced])
    }
}

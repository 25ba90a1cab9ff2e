import Foundation
import GeoCore

/// GeoJSON (one FeatureCollection) or GeoJSONSeq (one Feature per line) text, streamed
/// to a file in a staging folder in large blocks.
final class GeoJSONBackend: FeatureBackend {
    private let staging: Staging
    private let file: FileHandle
    private let encoder: GeoJSONText
    private let sequence: Bool
    private let path: String
    private var buffer: [UInt8] = []
    private var written = 0
    /// Bytes gathered before they go to the file.
    private static let blockSize = 1 << 20

    init(path: String, sequence: Bool, fields: [Field], decimals: Int) throws {
        self.path = path
        self.sequence = sequence
        encoder = GeoJSONText(decimals: decimals, fields: fields)
        staging = try Staging(for: path)
        let temporary = staging.temporaryFile.path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            staging.discard()
            throw IOError(.write, "cannot create the file", location: path)
        }
        file = handle
        buffer.reserveCapacity(GeoJSONBackend.blockSize + 65_536)
        if !sequence { buffer.append(contentsOf: "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n".utf8) }
    }

    func write(_ feature: Feature, geometry: Geometry?, place: String) throws {
        if !sequence && written > 0 { buffer.append(contentsOf: ",\n".utf8) }
        do {
            try encoder.append(feature, geometry: geometry, to: &buffer)
        } catch {
            throw IOError(.write, "cannot write the geometry: \(error)", location: place)
        }
        if sequence { buffer.append(UInt8(ascii: "\n")) }
        written += 1
        if buffer.count >= GeoJSONBackend.blockSize { try flush() }
    }

    func finish() throws {
        if !sequence { buffer.append(contentsOf: "\n]\n}\n".utf8) }
        do {
            try flush()
            try file.close()
        } catch {
            staging.discard()
            throw error
        }
        try staging.commitFiles()
    }

    func discard() {
        try? file.close()
        staging.discard()
    }

    private func flush() throws {
        do {
            try file.write(contentsOf: buffer)
        } catch {
            throw IOError(.write, "cannot write: \(error.localizedDescription)", location: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

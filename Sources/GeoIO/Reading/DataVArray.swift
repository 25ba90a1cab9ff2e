import CGDAL
import Foundation

/// DataV (and some web-map) exports are a bare JSON array of GeoJSON Features; GDAL reads
/// only a FeatureCollection, so the array is wrapped in one, in GDAL's memory file system.
enum DataVArray {
    /// The /vsimem/ path of the wrapped copy when `path` holds a JSON array, else nil.
    static func wrapped(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        guard let first = head.drop(while: { [0xEF, 0xBB, 0xBF, 32, 9, 10, 13].contains($0) }).first, first == UInt8(ascii: "[") else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = Array("{\"type\":\"FeatureCollection\",\"features\":".utf8) + Array(data.drop(while: { [0xEF, 0xBB, 0xBF].contains($0) })) + Array("}".utf8)
        // Named after the file, since GDAL names the layer after it.
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = "/vsimem/gmgeo-\(UUID().uuidString)/\(stem).geojson"
        guard let buffer = VSIMalloc(bytes.count)?.assumingMemoryBound(to: GByte.self) else { return nil }
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: bytes.count) }
        }
        // GDAL takes ownership of the buffer and frees it on VSIUnlink.
        guard let file = VSIFileFromMemBuffer(name, buffer, vsi_l_offset(bytes.count), 1) else {
            VSIFree(buffer)
            return nil
        }
        VSIFCloseL(file)
        return name
    }
}

import Foundation

/// A ZIP archive of uncompressed ("stored") entries, enough to hand pandoc its reference
/// document (a .docx is a ZIP of XML parts). Entries carry a fixed 1980-01-01 time, so the
/// same parts give the same bytes.
struct StoredZip {
    private var entries: [(name: String, data: Data)] = []

    /// Adds a file.
    mutating func add(_ name: String, _ text: String) { entries.append((name, Data(text.utf8))) }

    /// The archive's bytes.
    func bytes() -> Data {
        var out = Data(), central = Data()
        for (name, data) in entries {
            let offset = UInt32(out.count), crc = StoredZip.crc32(data), nameBytes = Data(name.utf8)
            // Local header: signature, version 2.0, no flags, stored, time 0, date 1980-01-01.
            out.append(le32(0x0403_4B50)); out.append(le16(20)); out.append(le16(0)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21)); out.append(le32(crc))
            out.append(le32(UInt32(data.count))); out.append(le32(UInt32(data.count)))
            out.append(le16(UInt16(nameBytes.count))); out.append(le16(0)); out.append(nameBytes); out.append(data)
            central.append(le32(0x0201_4B50)); central.append(le16(20)); central.append(le16(20)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21)); central.append(le32(crc))
            central.append(le32(UInt32(data.count))); central.append(le32(UInt32(data.count)))
            central.append(le16(UInt16(nameBytes.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0)); central.append(le32(offset)); central.append(nameBytes)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(entries.count))); out.append(le16(UInt16(entries.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(centralOffset)); out.append(le16(0))
        return out
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP requires.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
    private func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }
}

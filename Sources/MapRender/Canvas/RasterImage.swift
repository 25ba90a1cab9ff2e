import CCairo

/// A PNG read back into memory, to check what a map shows (tests, previews).
public struct RasterImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Premultiplied ARGB32 pixels, row by row.
    private let pixels: [UInt32]

    /// Reads a PNG file.
    public init(png path: String) throws {
        guard let surface = cairo_image_surface_create_from_png(path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw MapError("cannot read the PNG", location: path)
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw MapError("the PNG has no pixels", location: path) }
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { out[y * width + x] = row[x] }
        }
        pixels = out
    }

    /// The colour at pixel (x, y), un-premultiplied.
    public func color(x: Int, y: Int) -> Color {
        let v = pixels[y * width + x]
        let a = Double((v >> 24) & 0xFF) / 255
        guard a > 0 else { return Color(0, 0, 0, 0) }
        return Color(Double((v >> 16) & 0xFF) / 255 / a, Double((v >> 8) & 0xFF) / 255 / a, Double(v & 0xFF) / 255 / a, a)
    }

    /// How many pixels are within `tolerance` (per channel) of `color`.
    public func count(_ color: Color, tolerance: Double = 0.02) -> Int {
        var n = 0
        for y in 0..<height {
            for x in 0..<width {
                let c = self.color(x: x, y: y)
                if abs(c.red - color.red) <= tolerance, abs(c.green - color.green) <= tolerance, abs(c.blue - color.blue) <= tolerance { n += 1 }
            }
        }
        return n
    }
}

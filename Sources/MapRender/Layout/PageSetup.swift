import GeoCore

/// The page a map is drawn on: size in millimetres, resolution for PNG, and its texts.
public struct PageSetup: Sendable {
    /// Page width in millimetres.
    public var widthMM: Double
    /// Page height in millimetres.
    public var heightMM: Double
    /// Pixels per inch for PNG (150 for screens and drafts, 300 for print).
    public var dpi: Double
    /// The title printed above the map (empty: none).
    public var title: String
    /// The data source line printed under the map.
    public var attribution: String
    /// White space around everything, in mm.
    public var margin: Double = 8

    /// A named ISO page ("A4", "A3"), portrait unless `landscape`.
    public init(paper: String = "A4", landscape: Bool = true, dpi: Double = 150, title: String = "", attribution: String = "") throws {
        let sizes: [String: (Double, Double)] = ["A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594)]
        guard let (w, h) = sizes[paper.uppercased()] else {
            throw MapError("unknown page size '\(paper)'; use A5, A4, A3 or A2")
        }
        guard dpi >= 36, dpi <= 1200 else { throw MapError("dpi must be between 36 and 1200, got \(dpi)") }
        widthMM = landscape ? h : w
        heightMM = landscape ? w : h
        self.dpi = dpi
        self.title = title
        self.attribution = attribution
    }

    /// The PNG size in pixels.
    public var pixelSize: (width: Int, height: Int) {
        (Int((widthMM * dpi / 25.4).rounded()), Int((heightMM * dpi / 25.4).rounded()))
    }
}

/// Maps ground coordinates (metres, x east, y north) to page millimetres (y down), true to scale.
struct Viewport {
    /// The map frame on the page, in mm.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    let centreX: Double, centreY: Double
    /// Millimetres of page per metre of ground.
    let scale: Double

    init(extent: Envelope, frame: (x: Double, y: Double, width: Double, height: Double)) {
        self.frame = frame
        let w = max(extent.width, 1e-9), h = max(extent.height, 1e-9)
        scale = min(frame.width / w, frame.height / h)
        centreX = (extent.minX + extent.maxX) / 2
        centreY = (extent.minY + extent.maxY) / 2
    }

    func page(_ x: Double, _ y: Double) -> (Double, Double) {
        (frame.x + frame.width / 2 + (x - centreX) * scale, frame.y + frame.height / 2 - (y - centreY) * scale)
    }

    /// The map scale denominator (1 : N).
    var denominator: Double { 1000 / scale }
}

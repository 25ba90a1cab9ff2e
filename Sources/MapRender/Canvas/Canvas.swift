import CCairo
import Foundation
import GeoCore

/// A cairo drawing surface measured in millimetres of the page; PDF and SVG stay vector with
/// real text. The file is written to `path` when `finish` succeeds.
final class Canvas {
    let format: MapFormat
    let widthMM: Double, heightMM: Double
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let path: String
    private var finished = false
    /// The smallest text drawn so far, in mm (the print-size check).
    private(set) var smallestText = Double.infinity
    /// The font for all text: Noto Sans CJK covers Chinese and Latin.
    static let fontFamily = "Noto Sans CJK SC"

    /// Opens a page of `widthMM` x `heightMM`; PNG at `dpi` pixels per inch.
    init(format: MapFormat, widthMM: Double, heightMM: Double, dpi: Double, path: String) throws {
        self.format = format
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.path = path
        let points = 72.0 / 25.4
        let made: OpaquePointer?
        let scale: Double
        switch format {
        case .png:
            scale = dpi / 25.4
            made = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((widthMM * scale).rounded()), Int32((heightMM * scale).rounded()))
        case .pdf:
            scale = points
            made = cairo_pdf_surface_create(path, widthMM * points, heightMM * points)
        case .svg:
            scale = points
            made = cairo_svg_surface_create(path, widthMM * points, heightMM * points)
        }
        guard let made, cairo_surface_status(made) == CAIRO_STATUS_SUCCESS else {
            if let made { cairo_surface_destroy(made) }
            throw MapError("cannot create the \(format.rawValue) page", location: path)
        }
        if format == .pdf {
            // No creation date, so the same map gives the same file.
            cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_CREATE_DATE, "")
        }
        surface = made
        guard let context = cairo_create(made) else {
            cairo_surface_destroy(made)
            throw MapError("cannot draw on the page", location: path)
        }
        cr = context
        cairo_scale(cr, scale, scale)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_select_font_face(cr, Canvas.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        if !finished, format != .png { try? FileManager.default.removeItem(atPath: path) }
    }

    private func set(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    private func dash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Fills the page.
    func background(_ c: Color) {
        set(c)
        cairo_paint(cr)
    }

    /// Restricts drawing to a rectangle until `unclip`.
    func clip(x: Double, y: Double, width: Double, height: Double) {
        cairo_save(cr)
        cairo_rectangle(cr, x, y, width, height)
        cairo_clip(cr)
    }

    func unclip() { cairo_restore(cr) }

    /// A polygon given as rings (shell then holes) in page millimetres; holes by even-odd.
    /// `hatch` draws 45° lines every `Canvas.hatchSpacing` mm inside it, on one page-wide grid
    /// so neighbouring polygons' lines meet.
    func polygon(_ rings: [[(Double, Double)]], fill: Color?, stroke: Color?, width: Double, dashes: [Double] = [], hatch: Color? = nil) {
        func outline() {
            cairo_new_path(cr)
            for ring in rings {
                guard let first = ring.first else { continue }
                cairo_move_to(cr, first.0, first.1)
                for p in ring.dropFirst() { cairo_line_to(cr, p.0, p.1) }
                cairo_close_path(cr)
            }
        }
        outline()
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        if let fill, fill.alpha > 0 {
            set(fill)
            cairo_fill_preserve(cr)
        }
        if let hatch, hatch.alpha > 0 {
            cairo_save(cr)
            cairo_clip(cr)
            var (x1, y1, x2, y2) = (0.0, 0.0, 0.0, 0.0)
            cairo_clip_extents(cr, &x1, &y1, &x2, &y2)
            // Lines x - y = c, c on multiples of the spacing along x.
            let step = Canvas.hatchSpacing * 2.0.squareRoot()
            var c = ((x1 - y2) / step).rounded(.down) * step
            cairo_new_path(cr)
            while c <= x2 - y1 {
                cairo_move_to(cr, c + y1, y1)
                cairo_line_to(cr, c + y2, y2)
                c += step
            }
            set(hatch)
            cairo_set_line_width(cr, Canvas.hatchWidth)
            dash([])
            cairo_stroke(cr)
            cairo_restore(cr)
            // The hatch lines took the outline's place as the current path.
            outline()
        }
        if let stroke, stroke.alpha > 0, width > 0 {
            set(stroke)
            cairo_set_line_width(cr, width)
            dash(dashes)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Hatch line spacing and width, mm: visible at 1:100,000 through road lines, light enough to
    /// read the fill beneath.
    static let hatchSpacing = 1.2, hatchWidth = 0.18

    /// A polyline in page millimetres.
    func line(_ points: [(Double, Double)], color: Color, width: Double, dashes: [Double] = []) {
        guard let first = points.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        set(color)
        cairo_set_line_width(cr, width)
        dash(dashes)
        cairo_stroke(cr)
    }

    /// A point symbol of `size` mm.
    func symbol(_ kind: PointSymbol, at p: (Double, Double), size: Double, fill: Color, stroke: Color?) {
        let r = size / 2
        cairo_new_path(cr)
        switch kind {
        case .circle: cairo_arc(cr, p.0, p.1, r, 0, 2 * .pi)
        case .square: cairo_rectangle(cr, p.0 - r, p.1 - r, size, size)
        case .triangle:
            cairo_move_to(cr, p.0, p.1 - r)
            cairo_line_to(cr, p.0 + r * 0.866, p.1 + r * 0.5)
            cairo_line_to(cr, p.0 - r * 0.866, p.1 + r * 0.5)
            cairo_close_path(cr)
        }
        set(fill)
        if let stroke {
            cairo_fill_preserve(cr)
            set(stroke)
            cairo_set_line_width(cr, max(0.15, size / 10))
            dash([])
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// Width and height in mm of `text` at `size` mm.
    func measure(_ text: String, size: Double) -> (width: Double, height: Double) {
        cairo_set_font_size(cr, size)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, text, &e)
        return (e.x_advance, size)
    }

    /// Text with its baseline-left at `p`, turned by `angle` radians; a halo drawn first when given.
    func text(_ text: String, at p: (Double, Double), size: Double, color: Color, halo: Color? = nil, bold: Bool = false,
              angle: Double = 0) {
        smallestText = min(smallestText, size)
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, p.0, p.1)
        cairo_rotate(cr, angle)
        let p = (0.0, 0.0)
        cairo_select_font_face(cr, Canvas.fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        if let halo {
            cairo_new_path(cr)
            cairo_move_to(cr, p.0, p.1)
            cairo_text_path(cr, text)
            set(halo)
            cairo_set_line_width(cr, size * 0.22)
            dash([])
            cairo_stroke(cr)
        }
        cairo_move_to(cr, p.0, p.1)
        set(color)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
    }

    /// Finishes the page and writes the file (PNG written here, PDF/SVG completed).
    func finish() throws {
        if cairo_status(cr) != CAIRO_STATUS_SUCCESS {
            throw MapError("drawing failed: \(String(cString: cairo_status_to_string(cairo_status(cr))))", location: path)
        }
        if format == .png {
            let status = cairo_surface_write_to_png(surface, path)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw MapError("cannot write the PNG: \(String(cString: cairo_status_to_string(status)))", location: path)
            }
        } else {
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw MapError("cannot write the \(format.rawValue): \(String(cString: cairo_status_to_string(status)))", location: path)
            }
        }
        finished = true
    }
}

/// Symbols for point features.
public enum PointSymbol: String, Sendable, CaseIterable {
    case circle, square, triangle
}

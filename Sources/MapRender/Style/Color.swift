import Foundation

/// An RGBA colour, components 0...1.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    /// Red, green, blue and alpha, each 0 to 1.
    public var red: Double, green: Double, blue: Double, alpha: Double

    /// Creates a colour from components in 0...1.
    public init(_ red: Double, _ green: Double, _ blue: Double, _ alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Parses "#RRGGBB", "#RRGGBBAA" or a few names ("none", "white", "black").
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "none", "transparent": self.init(0, 0, 0, 0); return
        case "white": self.init(1, 1, 1); return
        case "black": self.init(0, 0, 0); return
        default: break
        }
        guard t.hasPrefix("#"), [7, 9].contains(t.count), let value = UInt64(t.dropFirst(), radix: 16) else { return nil }
        let hasAlpha = t.count == 9
        let v = hasAlpha ? value : (value << 8) | 0xFF
        self.init(Double((v >> 24) & 0xFF) / 255, Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255)
    }

    /// The same colour with another alpha.
    public func withAlpha(_ a: Double) -> Color { Color(red, green, blue, a) }

    /// A mix of two colours (t = 0 gives self).
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(red + (other.red - red) * t, green + (other.green - green) * t, blue + (other.blue - blue) * t, alpha + (other.alpha - alpha) * t)
    }

    /// "#RRGGBB" (alpha appended when not opaque).
    public var description: String {
        func h(_ c: Double) -> String {
            let s = String(Int((c * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(red) + h(green) + h(blue) + (alpha < 1 ? h(alpha) : "")
    }
}

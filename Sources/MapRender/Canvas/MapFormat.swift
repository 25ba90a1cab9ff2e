import Foundation

/// The output formats of a map.
public enum MapFormat: String, Sendable, CaseIterable {
    case png, pdf, svg

    /// The format for a file name's extension.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }
}

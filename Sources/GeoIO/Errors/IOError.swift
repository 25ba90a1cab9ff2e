import GeoCore

/// An error reading or writing a layer: what went wrong, where (file, layer, feature), and
/// GDAL's own message when there is one.
public struct IOError: LocatedError, Equatable, Sendable {
    /// The kind of failure; extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case open, unknownLayer, unknownField, noCRS, geometry, write, format, empty }
        private let kind: Kind
        /// The source could not be opened or is not a vector source.
        public static let open = Code(kind: .open)
        /// No layer by that name.
        public static let unknownLayer = Code(kind: .unknownLayer)
        /// No field by that name.
        public static let unknownField = Code(kind: .unknownField)
        /// The source has no CRS and the coordinates are not plainly lon/lat.
        public static let noCRS = Code(kind: .noCRS)
        /// A feature's geometry could not be read or is broken.
        public static let geometry = Code(kind: .geometry)
        /// The output could not be written.
        public static let write = Code(kind: .write)
        /// The format is unknown or cannot do what was asked.
        public static let format = Code(kind: .format)
        /// The layer has no features where some are needed.
        public static let empty = Code(kind: .empty)
        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// The reason, and how to fix it where possible.
    public let message: String
    /// Where: "file", "file: layer roads", "file: feature 12".
    public var location: String?

    /// Creates an error with a message saying what went wrong.
    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// One line for the command line.
    public var description: String { "\(locationPrefix)\(message)" }
}

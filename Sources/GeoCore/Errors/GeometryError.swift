/// An error from a geometry operation: what failed, GEOS's own message, and where.
public struct GeometryError: LocatedError, Equatable, Sendable {
    /// The kind of failure; extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case parse, invalidInput, operation, unsupported }
        private let kind: Kind
        /// Text could not be read as WKT, WKB or GeoJSON.
        public static let parse = Code(kind: .parse)
        /// Input was readable but unusable (NaN coordinates, empty where a value is needed, ...).
        public static let invalidInput = Code(kind: .invalidInput)
        /// GEOS failed while computing a result.
        public static let operation = Code(kind: .operation)
        /// The request is not supported by the installed GEOS.
        public static let unsupported = Code(kind: .unsupported)
        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// The operation's name, as a user would call it (e.g. "buffer", "read WKT").
    public let operation: String
    /// The reason, including GEOS's message where there is one.
    public let message: String
    /// Where the geometry came from (file, feature), when known.
    public var location: String?

    /// Creates an error for `operation` with a message saying what went wrong.
    public init(_ code: Code, operation: String, message: String, location: String? = nil) {
        self.code = code
        self.operation = operation
        self.message = message
        self.location = location
    }

    /// One line for the command line: "where: operation: message".
    public var description: String {
        "\(locationPrefix)\(operation): \(message)"
    }

}

/// An error from a coordinate reference system or transformation, with PROJ's message.
public struct CRSError: LocatedError, Equatable, Sendable {
    /// The kind of failure; extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case unknownCRS, transformation, invalidCoordinate }
        private let kind: Kind
        /// The CRS definition could not be understood.
        public static let unknownCRS = Code(kind: .unknownCRS)
        /// No transformation between the two CRSs could be built or it failed.
        public static let transformation = Code(kind: .transformation)
        /// A coordinate is NaN, infinite or outside the CRS's domain.
        public static let invalidCoordinate = Code(kind: .invalidCoordinate)
        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// The reason, including PROJ's message, and how to fix it where possible.
    public let message: String
    /// Where the coordinate came from (file, line, feature), when known.
    public var location: String?
    /// For a batch of points, the (0-based) index of the one that failed, so callers can
    /// name its line without reading it back out of the message.
    public let pointIndex: Int?

    /// Creates an error with a message saying what went wrong.
    public init(_ code: Code, message: String, location: String? = nil, pointIndex: Int? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.pointIndex = pointIndex
    }

    /// One line for the command line.
    public var description: String {
        "\(locationPrefix)\(message)"
    }

}

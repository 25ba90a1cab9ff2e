import GeoCore

/// An error drawing or writing a map: what went wrong and where (the file).
public struct MapError: LocatedError, Sendable {
    /// What went wrong.
    public let message: String
    /// Where: the file, when known.
    public var location: String?

    /// Creates an error with a message saying what went wrong.
    public init(_ message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }

    /// One line for the command line.
    public var description: String { locationPrefix + message }
}

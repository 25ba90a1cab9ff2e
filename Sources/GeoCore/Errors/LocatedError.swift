/// An error that can say where it happened (file, feature, argument), prefixed to its message.
public protocol LocatedError: Error, CustomStringConvertible {
    /// Where the error happened, outermost first ("roads.geojson: feature 12"), when known.
    var location: String? { get set }
}

extension LocatedError {
    /// The same error with `location` added in front of any location it already has.
    public func at(_ location: String) -> Self {
        var copy = self
        copy.location = self.location.map { "\(location): \($0)" } ?? location
        return copy
    }

    /// "where: " or nothing, for `description`.
    public var locationPrefix: String { location.map { "\($0): " } ?? "" }
}

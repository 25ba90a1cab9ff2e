import GeoCore

/// The rule for a source that names no CRS, shared by every reader: coordinates all within
/// lon/lat ranges are taken as EPSG:4326, with a note for the user; anything else is refused.
public enum MissingCRS {
    /// EPSG:4326 and the note to print for `location`, or an error asking for --crs.
    public static func assume(lonLat: Bool, location: String) throws -> (crs: CRS, note: String) {
        guard lonLat else {
            throw IOError(.noCRS, "no CRS given and the coordinates are not lon/lat; name it with --crs (e.g. --crs EPSG:4547, gcj02)",
                          location: location)
        }
        return (.wgs84, "\(location): no CRS given; every coordinate is within lon/lat ranges, so assuming EPSG:4326 (use --crs to say otherwise)")
    }
}

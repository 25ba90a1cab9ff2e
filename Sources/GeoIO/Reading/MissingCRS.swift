import Foundation
import GeoCore

/// The rule for a source that names no CRS, shared by every reader: coordinates all within
/// lon/lat ranges are taken as EPSG:4326, with a note for the user; anything else is refused.
public enum MissingCRS {
    /// EPSG:4326 and the note to print for `location`, or an error asking for --crs.
    public static func assume(lonLat: Bool, location: String, source: String) throws -> (crs: CRS, note: String) {
        guard lonLat else {
            throw IOError(.noCRS, "no CRS given and the coordinates are not lon/lat; name it after the file name, e.g. '\(fixExample(source))', or with --crs for a command's main input",
                          location: location)
        }
        return (.wgs84, "\(location): no CRS given; every coordinate is within lon/lat ranges, so assuming EPSG:4326 (use --crs or 'FILE#crs=...' to say otherwise)")
    }
}

extension MissingCRS {
    /// The argument that fixes a missing or wrong CRS for `source`: "parcels.shp#crs=EPSG:4547".
    public static func fixExample(_ source: String, crs: String = "EPSG:4547") -> String {
        "\((source as NSString).lastPathComponent)#crs=\(crs)"
    }
}

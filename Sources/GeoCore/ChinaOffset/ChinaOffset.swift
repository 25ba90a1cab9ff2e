import Foundation

/// Conversions between WGS 84 and the Chinese web-map systems GCJ-02 and BD-09,
/// which PROJ does not have. All functions take and return (longitude, latitude) in degrees.
///
/// GCJ-02 is WGS 84 plus a published non-linear offset on the Krasovsky ellipsoid; it has
/// no closed-form inverse, so `gcj02ToWGS84` iterates to `inverseTolerance`. Points outside
/// China's rough bounding box are returned unchanged, as every GCJ-02 library does.
public enum ChinaOffset {
    /// Krasovsky 1940 semi-major axis and eccentricity squared, as used by the GCJ-02 formula.
    static let a = 6378245.0
    static let ee = 0.00669342162296594323
    /// BD-09's rotation constant.
    static let xPi = Double.pi * 3000.0 / 180.0
    /// Stop iterating the inverse when a step moves less than this (degrees, about 1 mm).
    public static let inverseTolerance = 1e-10

    /// True when the point is outside the box in which GCJ-02 applies.
    public static func isOutsideChina(_ lon: Double, _ lat: Double) -> Bool {
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
    }

    /// WGS 84 to GCJ-02.
    public static func wgs84ToGCJ02(_ lon: Double, _ lat: Double) -> (Double, Double) {
        if isOutsideChina(lon, lat) { return (lon, lat) }
        let (dLon, dLat) = offset(lon, lat)
        return (lon + dLon, lat + dLat)
    }

    /// GCJ-02 to WGS 84 by fixed-point iteration (a one-step inverse is 1-2 m off).
    public static func gcj02ToWGS84(_ lon: Double, _ lat: Double) -> (Double, Double) {
        if isOutsideChina(lon, lat) { return (lon, lat) }
        var (wLon, wLat) = (lon, lat)
        for _ in 0..<30 {
            let (gLon, gLat) = wgs84ToGCJ02(wLon, wLat)
            let (stepLon, stepLat) = (lon - gLon, lat - gLat)
            wLon += stepLon
            wLat += stepLat
            if abs(stepLon) < inverseTolerance && abs(stepLat) < inverseTolerance { break }
        }
        return (wLon, wLat)
    }

    /// The approximate one-step inverse some libraries use (1-2 m off); only for matching
    /// their output, never for real conversions.
    public static func gcj02ToWGS84OneStep(_ lon: Double, _ lat: Double) -> (Double, Double) {
        if isOutsideChina(lon, lat) { return (lon, lat) }
        let (dLon, dLat) = offset(lon, lat)
        return (lon - dLon, lat - dLat)
    }

    /// GCJ-02 to BD-09.
    public static func gcj02ToBD09(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let z = (lon * lon + lat * lat).squareRoot() + 0.00002 * sin(lat * xPi)
        let theta = atan2(lat, lon) + 0.000003 * cos(lon * xPi)
        return (z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    /// BD-09 to GCJ-02 (Baidu's published inverse).
    public static func bd09ToGCJ02(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let x = lon - 0.0065, y = lat - 0.006
        let z = (x * x + y * y).squareRoot() - 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000003 * cos(x * xPi)
        return (z * cos(theta), z * sin(theta))
    }

    /// WGS 84 to BD-09 (through GCJ-02).
    public static func wgs84ToBD09(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let (gLon, gLat) = wgs84ToGCJ02(lon, lat)
        return gcj02ToBD09(gLon, gLat)
    }

    /// BD-09 to WGS 84 (through GCJ-02).
    public static func bd09ToWGS84(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let (gLon, gLat) = bd09ToGCJ02(lon, lat)
        return gcj02ToWGS84(gLon, gLat)
    }

    /// The GCJ-02 offset (degrees) to add to a WGS 84 point.
    static func offset(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let x = lon - 105.0, y = lat - 35.0
        var dLat = offsetLat(x, y)
        var dLon = offsetLon(x, y)
        let radLat = lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }

    private static func offsetLat(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func offsetLon(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return r
    }
}

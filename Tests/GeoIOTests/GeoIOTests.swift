import Testing

/// Every GeoIO suite nests here, run serially (temporary files, GDAL state).
@Suite(.serialized) enum GeoIOTests {}

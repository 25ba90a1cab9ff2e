import Testing

/// Every GeoCore suite nests in this one, run serially, so counts of live C handles taken
/// before and after a test see only that test's work.
@Suite(.serialized) enum GeoCoreTests {}

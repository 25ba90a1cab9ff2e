import Testing

/// Every MapRender suite nests here, run serially.
@Suite(.serialized) enum MapRenderTests {}

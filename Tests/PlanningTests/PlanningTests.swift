import Testing

/// Every Planning suite nests here, run serially.
@Suite(.serialized) enum PlanningTests {}

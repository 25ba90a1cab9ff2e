"""Shared helpers of the benchmark scripts."""
import statistics
import time


def median_time(fn, runs):
    """Median seconds of `runs` calls of fn after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def median_times(fns, runs):
    """Median seconds of each of `fns` over `runs` rounds, after one warm-up of each.

    The calls are interleaved (a, b, a, b, ...) so that a slow spell of a shared machine
    weighs on every contender alike instead of on whichever ran during it.
    """
    for fn in fns:
        fn()
    times = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]

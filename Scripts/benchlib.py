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

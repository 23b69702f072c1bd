"""The one timing rule of the bench scripts: the median of `repeat` runs after one warm-up run (caches, template
loading), so one slow run on a shared machine does not move a ratio."""
import statistics
import time


def median_seconds(action, repeat: int) -> float:
    action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)

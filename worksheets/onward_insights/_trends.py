"""Change over time, said with whole numbers so every Python agrees: earlier half against later half."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def halves(values: Sequence[int]) -> tuple[list[int], list[int]]:
    """The earlier and later halves of a sequence, leaving out the middle item when the count is odd."""
    size = len(values) // 2
    return list(values[:size]), list(values[len(values) - size :])


def direction(values: Sequence[int], threshold: int) -> int:
    """+1, 0 or -1: whether the later half's average is higher (or lower) by at least ``threshold``."""
    earlier, later = halves(values)
    size = len(earlier)
    if size == 0:
        return 0
    difference = sum(later) - sum(earlier)  # the difference of the averages, times size
    if difference >= threshold * size:
        return 1
    if difference <= -threshold * size:
        return -1
    return 0


def rounded_average(values: Sequence[int]) -> int:
    """The average rounded half up, in whole numbers."""
    return (2 * sum(values) + len(values)) // (2 * len(values))


def crowded(days: Sequence[date], within_days: int, at_least: int = 3) -> tuple[date, int] | None:
    """The first day from which ``at_least`` of ``days`` fall within ``within_days``, and how many do."""
    ahead = sorted(days)
    for index, first in enumerate(ahead):
        count = sum((day - first).days <= within_days for day in ahead[index:])
        if count >= at_least:
            return first, count
    return None

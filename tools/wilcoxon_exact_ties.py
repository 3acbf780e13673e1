#!/usr/bin/env python3
"""Exact two-sided p of the Wilcoxon signed-rank test WITH ties, by enumerating every
sign assignment: an independent reference for the app's exact p (which counts subset
sums of doubled ranks). Plain Python, no packages.

For each cohort: drop zero differences, give tied |differences| their average rank,
take W+ (the rank sum of positive differences), and count, over all 2^n equally likely
sign assignments, those whose W+ lies at least as far from n(n+1)/4 as the observed one.
The 2^n assignments are enumerated as every pair of assignments of the two halves of the
ranks (meet in the middle), so n = 25 takes a moment, not an hour.

Usage: python3 tools/wilcoxon_exact_ties.py   (prints the Rust test data)
"""

import bisect
import random
from fractions import Fraction


def average_ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [Fraction(0)] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        rank = Fraction(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        i = j + 1
    return ranks


def subset_sums(ranks):
    sums = [Fraction(0)]
    for r in ranks:
        sums = sums + [s + r for s in sums]
    return sums


def exact_p(before, after):
    diffs = [a - b for a, b in zip(after, before) if a != b]
    n = len(diffs)
    ranks = average_ranks([abs(d) for d in diffs])
    w_plus = sum(r for r, d in zip(ranks, diffs) if d > 0)
    centre = sum(ranks) / 2
    distance = abs(w_plus - centre)
    left, right = ranks[: n // 2], ranks[n // 2 :]
    right_sums = sorted(subset_sums(right))
    extreme = 0
    for s in subset_sums(left):
        # Count right sums t with |s + t - centre| >= distance.
        low = centre - distance - s  # t <= low
        high = centre + distance - s  # t >= high
        at_most_low = bisect.bisect_right(right_sums, low)
        at_least_high = len(right_sums) - bisect.bisect_left(right_sums, high)
        if low >= high:  # distance 0: every assignment counts once
            extreme += len(right_sums)
        else:
            extreme += at_most_low + at_least_high
    return n, float(Fraction(extreme, 2**n))


def milk_cohort(rng, families, improve):
    before = [rng.choice([1, 2, 2, 3]) for _ in range(families)]
    after = [min(3, b + (1 if rng.random() < improve else rng.choice([0, 0, -1]))) for b in before]
    after = [max(1, a) for a in after]
    return before, after


def changed_cohort(rng, families):
    """Every family's status changed: 25 non-zero differences, heavily tied."""
    before = [rng.choice([1, 1, 2, 2, 3]) for _ in range(families)]
    after = [b + rng.choice([1, 1, 2]) if b == 1 else (b + 1 if b == 2 and rng.random() < 0.7 else b - 1) for b in before]
    return before, after


def main():
    rng = random.Random(20261202)
    cohorts = [
        ("milk_10_families", *milk_cohort(rng, 10, 0.5)),
        ("milk_19_families", *milk_cohort(rng, 19, 0.45)),
        ("milk_25_families", *milk_cohort(rng, 25, 0.4)),
        ("milk_25_families_mostly_better", *milk_cohort(rng, 25, 0.7)),
        ("knowledge_12_fathers", [rng.choice([40, 50, 60, 70]) for _ in range(12)], None),
        ("milk_16_no_change_dominant", *milk_cohort(rng, 16, 0.2)),
        ("milk_25_families_every_one_changed", *changed_cohort(rng, 25)),
    ]
    knowledge = cohorts[4]
    cohorts[4] = (knowledge[0], knowledge[1], [min(100, b + rng.choice([0, 10, 20, 20, 30, -10])) for b in knowledge[1]])
    for name, before, after in cohorts:
        n, p = exact_p(before, after)
        fmt = lambda xs: ", ".join(f"{x}." for x in xs)
        print(f"    TiedCohort {{\n        name: \"{name}\",\n        before: &[{fmt(before)}],\n"
              f"        after: &[{fmt(after)}],\n        n: {n},\n        exact: {p!r},\n    }},")


if __name__ == "__main__":
    main()

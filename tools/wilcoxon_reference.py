#!/usr/bin/env python3
"""Reference values for src-tauri/src/stats.rs, from scipy.stats.wilcoxon.

zero_method="wilcox" drops zero differences, correction=False has no continuity
correction; method="approx" gives the normal approximation with tie-corrected
variance, method="exact" the exact distribution (scipy's exact assumes no ties, so it
is recorded only for tie-free cases). Run: python3 tools/wilcoxon_reference.py
"""
import numpy as np
import scipy
from scipy.stats import wilcoxon

rng = np.random.default_rng(7)
cases = {
    "all_improve": ([1, 1, 2, 2, 1, 2, 1, 2], [3, 2, 3, 3, 2, 3, 3, 3]),
    "mixed_signs": ([2, 3, 1, 2, 2, 3, 1, 2, 3, 1], [3, 2, 2, 2, 3, 2, 3, 3, 3, 2]),
    "seed_002_like": ([2] * 13 + [1] * 4 + [3] * 3, [3] * 9 + [2] * 4 + [3, 3, 3, 2] + [3, 3, 3]),
    "zeros_and_ties": ([2, 2, 2, 1, 1, 3, 3, 2, 1, 2, 2, 1], [2, 3, 3, 1, 2, 3, 2, 3, 3, 2, 3, 2]),
    "one_pair": ([1, 2, 2], [2, 2, 2]),
    "two_pairs": ([1, 2], [3, 3]),
    "all_worse": ([3, 3, 2, 3, 2, 3], [2, 1, 1, 2, 1, 1]),
    "knowledge": ([40, 50, 60, 30, 70, 50, 60, 40, 80, 50], [90, 80, 100, 70, 90, 90, 80, 80, 100, 70]),
    "no_ties_classic": ([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
                        [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]),
    "no_ties_n25": (list(range(25)), [i + d for i, d in zip(range(25), [0.5 + k * 1.01 * (-1) ** (k % 3 == 0) for k in range(25)])]),
    "n60": (rng.integers(1, 4, 60).tolist(), rng.integers(1, 4, 60).tolist()),
}
print(f"# scipy {scipy.__version__}")
for name, (before, after) in cases.items():
    before, after = np.array(before, float), np.array(after, float)
    d = after - before
    nz = d[d != 0]
    n = len(nz)
    ranks = scipy.stats.rankdata(np.abs(nz))
    r_plus, r_minus = ranks[nz > 0].sum(), ranks[nz < 0].sum()
    approx = wilcoxon(after, before, zero_method="wilcox", correction=False, method="approx") if n >= 1 else None
    ties = len(np.unique(np.abs(nz))) < n
    exact = wilcoxon(after, before, zero_method="wilcox", method="exact").pvalue if (n >= 1 and n <= 25 and not ties) else None
    z = getattr(approx, "zstatistic", None)
    print(name, dict(before=before.tolist(), after=after.tolist(), n=n, r_minus=r_minus, r_plus=r_plus,
                     z=None if z is None else float(z), p=float(approx.pvalue), exact=exact))

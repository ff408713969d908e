#!/usr/bin/env python3
"""Reference values for dev.pilotgate.internal.analysis.stats (MannKendallTest, TheilSenTest).

Run from the repository root:

    python3 pilot-gate-core/src/test/resources/stats/reference.py

Needs numpy and scipy (written against scipy 1.17.1, numpy 2.4.6). Everything here is computed
independently of the Java code:

* Mann-Kendall S, Var(S) and Z by direct formula (double loop, tie groups via np.unique),
  one-sided p-values with scipy.stats.norm.
* Cross-check: scipy.stats.kendalltau(time, y) (tau-b, asymptotic method) has
  p = 2 * P(N >= |S| / sqrt(Var(S))) - the same S and tie-corrected Var(S) without the
  continuity correction - so its p-value must match ours computed that way.
* Theil-Sen: scipy.stats.theilslopes(y, x, method='separate').
* Hamed-Rao (1998) factor as in pymannkendall.hamed_rao_modification_test of the 1.4.x
  releases (without the abs() of the sum that only pymannkendall's unreleased master, after
  1.4.3, applies): detrend with the Theil-Sen slope against
  the index 1..n, scipy.stats.rankdata (average ties), biased ACF of the ranks, keep lags with
  |rho_k| > norm.ppf(0.975) / sqrt(n), n/n* = 1 + 2 / (n(n-1)(n-2)) * sum.
"""
import math

import numpy as np
from scipy import stats


def mk(y):
    y = np.asarray(y, dtype=float)
    n = len(y)
    s = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            s += int(np.sign(y[j] - y[i]))
    _, counts = np.unique(y, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(int(t) * (int(t) - 1) * (2 * int(t) + 5) for t in counts)) / 18.0
    return n, s, var


def z_of(s, var):
    if var <= 0 or s == 0:
        return 0.0
    return (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var)


def hamed_rao_factor(y):
    y = np.asarray(y, dtype=float)
    n = len(y)
    if n < 3:
        return 1.0, [], float('nan')
    slope = stats.theilslopes(y, np.arange(n, dtype=float), method='separate').slope
    detrended = y - np.arange(1, n + 1) * slope
    ranks = stats.rankdata(detrended)
    d = ranks - ranks.mean()
    acov = np.correlate(d, d, 'full')[n - 1:] / n
    if acov[0] == 0:
        return 1.0, [], float(slope)
    rho = acov / acov[0]
    bound = stats.norm.ppf(0.975) / math.sqrt(n)
    total = 0.0
    significant = []
    for k in range(1, n):
        if abs(rho[k]) > bound:
            significant.append(k)
            total += (n - k) * (n - k - 1) * (n - k - 2) * rho[k]
    return float(1 + 2.0 / (n * (n - 1) * (n - 2)) * total), significant, float(slope)


def report(name, y, hamed_rao=False):
    n, s, var = mk(y)
    print(f"== {name} (n={n})")
    print(f"   S={s} VarS={var!r}")
    z = z_of(s, var)
    if n >= 2 and var > 0:
        print(f"   z={z!r} pIncreasing={float(stats.norm.sf(z))!r} pDecreasing={float(stats.norm.cdf(z))!r}")
        if s != 0 and n >= 3:
            tau = stats.kendalltau(np.arange(n), y, method='asymptotic')
            p_no_cc = 2 * stats.norm.sf(abs(s) / math.sqrt(var))
            assert math.isclose(tau.pvalue, p_no_cc, rel_tol=1e-9), (tau.pvalue, p_no_cc)
            print(f"   kendalltau p={float(tau.pvalue)!r} == 2*sf(|S|/sqrt(VarS))={float(p_no_cc)!r}  OK")
    else:
        print("   degenerate: z=0, p=1")
    if hamed_rao:
        f, lags, slope = hamed_rao_factor(y)
        print(f"   Hamed-Rao: slope={slope!r} significant lags={lags} factor={f!r}")
        if f > 0 and var > 0:
            vc = var * f
            zc = z_of(s, vc)
            print(f"   corrected VarS={vc!r} z={zc!r} pIncreasing={float(stats.norm.sf(zc))!r} "
                  f"pDecreasing={float(stats.norm.cdf(zc))!r}")


def theil_sen(name, x, y):
    r = stats.theilslopes(y, x, method='separate')
    print(f"== Theil-Sen {name}: slope={float(r.slope)!r} intercept={float(r.intercept)!r}")


nan = float('nan')
ARBITRARY = [
    32., 20., 25., 189., 240., 193., 379., 278., 301., 0., 0., 82., 0., 4., nan, nan, 121., 234.,
    360., 262., 120., 30., 11., 1., 7., 3., 31., 31., 355., 102., 248., 274., 308., nan, 5., 26.,
    11., 16., 6., 48., 388., 539., 431., 272., 404., 186., 0., 2., 0., 4., 1., 54., 272., 459.,
    235., 164., 365., 135., 2., nan, nan, 4., 0., 128., 210., 163., 446., 225., 462., 467., 19.,
    13., 0., 3., 17., 132., 178., 338., 525., 623., 145., 31., 19., 3., 0., 29., 25., 87., 259.,
    756., 486., 180., 292., 43., 92., 1., 0., 16., 2., 0., 130., 253., 594., 111., 273., 30., 0.,
    4., 0., 27., 24., 41., 292., 378., 499., 265., 320., 227., 4., 0., 4., 14., 8., 48., 416.,
    240., 404., 207., 733., 105., 0., 112., 0., 14., 0., 30., 140., 202., 289., 159., 424., 106.,
    3., 0., 65., 3., 14., 58., 268., 466., 432., 266., 240., 95., 1., 0., 10., 26., 4., 114., 94.,
    289., 173., 208., 263., 156., 5., 0., 16., 16., 14., 0., 111., 475., 534., 432., 471., 117.,
    70., 1., 3., 28., 7., 401., 184., 283., 338., 171., 335., 176., 0., 0., 10., 11., 9., 140.,
    102., 208., 298., 245., 220., 29., 2., 27., 10., 13., 26., 84., 143., 367., 749., 563., 283.,
    353., 10., 0., 0., 0., 0., 9., 246., 265., 343., 429., 168., 133., 17., 0., 18., 35., 76.,
    158., 272., 250., 190., 289., 466., 84., 0., 0., 0., 0., 0., 22., 217., 299., 185., 115.,
    344., 203., 8., nan, nan, 0., 5., 284., 123., 254., 476., 496., 326., 27., 20., 0., 4., 53.,
    72., 113., 214., 364., 219., 220., 156., 264., 0., 13., 0., 0., 45., 90., 137., 638., 529.,
    261., 206., 251., 0., 0., 5., 9., 58., 72., 138., 130., 471., 328., 356., 523., 0., 1., 0.,
    0., 12., 143., 193., 184., 192., 138., 174., 69., 1., 0., 0., 18., 25., 28., 92., 732., 320.,
    256., 302., 131., 15., 0., 27., 0., 22., 20., 213., 393., 474., 374., 109., 159., 0., 0., 0.,
    3., 3., 49., 205., 128., 194., 570., 169., 89., 0., 0., 0., 0., 0., 26., 185., 286., 92.,
    225., 244., 190., 3., 20.,
]

# --- Mann-Kendall cases -------------------------------------------------------------------
report("strictly increasing", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], hamed_rao=True)
report("strictly decreasing", [9.5, 8.1, 7.7, 6.0, 5.2, 4.4, 3.3, 2.0])
report("noisy increasing", [0.52, 0.49, 0.55, 0.61, 0.58, 0.63, 0.60, 0.67, 0.66, 0.71,
                            0.69, 0.74, 0.70, 0.78, 0.77, 0.75, 0.82, 0.80, 0.86, 0.84],
       hamed_rao=True)
report("ties, several groups", [3, 1, 3, 2, 2, 5, 3, 4, 4, 6, 5, 7, 7, 7])
report("constant", [4, 4, 4, 4, 4])
report("length 2 rising", [1.0, 2.0])
report("length 3", [2.0, 1.0, 3.0])
report("length 3 rising", [1.0, 2.0, 3.0])

# Exactly linear with a non-integer step: the detrended values differ only by rounding noise,
# so the factor printed here (from the ranks of that noise) is meaningless; the Java code
# deliberately treats such residuals as tied and uses 1.
linear = [0.5 + 0.1 * i for i in range(30)]
report("exactly linear, step 0.1 (Java: factor 1 by design)", linear, hamed_rao=True)

# Autocorrelated: AR(1) with phi = 0.8 on a weak trend, 30 "days", rounded to 2 decimals so
# the Java literal is exact: a_0 = e_0, a_i = 0.8 a_(i-1) + e_i, e ~ N(0,1) from
# numpy.random.default_rng(2026), y_i = round(0.05 i + a_i, 2).
rng = np.random.default_rng(2026)
e = rng.normal(size=30)
a = np.zeros(30)
a[0] = e[0]
for i in range(1, 30):
    a[i] = 0.8 * a[i - 1] + e[i]
auto = [float(round(0.05 * i + v, 2)) for i, v in enumerate(a)]
print("autocorrelated series:", auto)
report("autocorrelated AR(1)", auto, hamed_rao=True)

# Signed zeros: a zero Sen slope leaves -0.0 in the detrended values; rankdata ties it with
# +0.0 (numpy compares them equal), as S and Var(S) do. The Java code must rank them tied too.
report("signed zeros, zero Sen slope", [0.0, -0.0, 1.0, 0.0, -0.0, 1.0, 0.0, -0.0, 1.0, -0.0, 0.0, 1.0],
       hamed_rao=True)

# Published: pymannkendall issue #29 (series1: printed var_s = 212.666..., z = 2.125748992103599).
series1 = [0.41625778, 0.40488883, 0.43044564, 0.44369687, 0.46613348, 0.44420775,
           0.45091315, 0.48484614, 0.40252088, 0.43944978, 0.51613973, 0.49302274]
series2 = [0.35257984, 0.38692909, 0.39669828, 0.36296244, 0.42035612, 0.39374964,
           0.41100085, 0.43182076, 0.40815853, 0.45394297, 0.41584767, 0.47399517]
report("pymannkendall issue 29 series1", series1, hamed_rao=True)
report("pymannkendall issue 29 series2 (factor <= 0)", series2, hamed_rao=True)

# Published: Holy Cross "Mann-Kendall Example (by hand)": S = 54, V = (14*13*33 - 2*1*9)/18,
# Z = 2.9058, p = .0018.
report("Holy Cross by-hand example", [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3,
                                      15.9, 19.0, 18.3, 20.1, 21.7])

# Published: pymannkendall tests/test_pymannkendall.py, fixture arbitrary_1d_data (360 values,
# NaN = missing, skipped): original_test gives s = -1959.0, var_s = 4889800.333333333,
# z = -0.8854562842589916, two-sided p = 0.37591058740506833.
arbitrary = np.array(ARBITRARY)
present = arbitrary[~np.isnan(arbitrary)]
report("pymannkendall arbitrary_1d_data without NaN", present, hamed_rao=True)
# pymannkendall's hamed_rao_modification_test detrends with the Sen slope of the series *with*
# its gaps (pairs (i, j) of original positions, NaN slopes dropped), so its published
# var_s = 259723.81316716125 differs from the gap-free value above; reproduce it here to show
# that the rest of the procedure is the same.
m = len(arbitrary)
gappy = [(arbitrary[j] - arbitrary[i]) / (j - i) for i in range(m - 1) for j in range(i + 1, m)]
gappy_slope = np.nanmedian(gappy)
n = len(present)
ranks = stats.rankdata(present - np.arange(1, n + 1) * gappy_slope)
d = ranks - ranks.mean()
rho = (np.correlate(d, d, 'full')[n - 1:] / n)
rho = rho / rho[0]
bound = stats.norm.ppf(0.975) / math.sqrt(n)
total = sum((n - k) * (n - k - 1) * (n - k - 2) * rho[k] for k in range(1, n) if abs(rho[k]) > bound)
_, s_arb, var_arb = mk(present)
print(f"   with pymannkendall's gappy slope {float(gappy_slope)!r}: "
      f"VarS={float(var_arb * (1 + 2.0 / (n * (n - 1) * (n - 2)) * total))!r} (published 259723.81316716125)")

# --- Theil-Sen cases ----------------------------------------------------------------------
xs = list(range(10))
ys = [2 * x + 1 for x in xs]
ys[7] = 100
theil_sen("outlier", xs, ys)
theil_sen("repeated x", [1, 1, 2, 2, 3, 3, 4, 5], [2.0, 3.0, 3.5, 5.0, 6.5, 6.0, 9.0, 9.5])
theil_sen("noisy increasing vs index", list(range(20)),
          [0.52, 0.49, 0.55, 0.61, 0.58, 0.63, 0.60, 0.67, 0.66, 0.71,
           0.69, 0.74, 0.70, 0.78, 0.77, 0.75, 0.82, 0.80, 0.86, 0.84])

package dev.pilotgate.internal.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reference values, unless a test says it quotes a published source, come from
 * {@code python3 pilot-gate-core/src/test/resources/stats/reference.py} (numpy 2.4.6,
 * scipy 1.17.1), which computes S, Var(S), Z and the one-sided p-values by direct formula with
 * {@code scipy.stats.norm}, cross-checks S and Var(S) against {@code scipy.stats.kendalltau}'s
 * asymptotic p-value, and computes the Hamed–Rao factor with {@code scipy.stats.theilslopes},
 * {@code scipy.stats.rankdata} and {@code numpy.correlate}.
 */
class MannKendallTest {
  /** pymannkendall tests/test_pymannkendall.py, fixture {@code arbitrary_1d_data}; NaN = missing. */
  private static final double NAN = Double.NaN;
  private static final double[] PYMANNKENDALL_ARBITRARY_1D = {
    32., 20., 25., 189., 240., 193., 379., 278., 301., 0., 0., 82., 0., 4., NAN, NAN, 121., 234.,
    360., 262., 120., 30., 11., 1., 7., 3., 31., 31., 355., 102., 248., 274., 308., NAN, 5., 26.,
    11., 16., 6., 48., 388., 539., 431., 272., 404., 186., 0., 2., 0., 4., 1., 54., 272., 459.,
    235., 164., 365., 135., 2., NAN, NAN, 4., 0., 128., 210., 163., 446., 225., 462., 467., 19.,
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
    344., 203., 8., NAN, NAN, 0., 5., 284., 123., 254., 476., 496., 326., 27., 20., 0., 4., 53.,
    72., 113., 214., 364., 219., 220., 156., 264., 0., 13., 0., 0., 45., 90., 137., 638., 529.,
    261., 206., 251., 0., 0., 5., 9., 58., 72., 138., 130., 471., 328., 356., 523., 0., 1., 0.,
    0., 12., 143., 193., 184., 192., 138., 174., 69., 1., 0., 0., 18., 25., 28., 92., 732., 320.,
    256., 302., 131., 15., 0., 27., 0., 22., 20., 213., 393., 474., 374., 109., 159., 0., 0., 0.,
    3., 3., 49., 205., 128., 194., 570., 169., 89., 0., 0., 0., 0., 0., 26., 185., 286., 92.,
    225., 244., 190., 3., 20.,
  };

  /** pymannkendall issue #29: a series where the Hamed–Rao factor finds no significant lag. */
  private static final double[] ISSUE_29_SERIES_1 = {
    0.41625778, 0.40488883, 0.43044564, 0.44369687, 0.46613348, 0.44420775,
    0.45091315, 0.48484614, 0.40252088, 0.43944978, 0.51613973, 0.49302274,
  };
  /** pymannkendall issue #29: a series where the Hamed–Rao formula goes negative. */
  private static final double[] ISSUE_29_SERIES_2 = {
    0.35257984, 0.38692909, 0.39669828, 0.36296244, 0.42035612, 0.39374964,
    0.41100085, 0.43182076, 0.40815853, 0.45394297, 0.41584767, 0.47399517,
  };

  private static final double[] NOISY_INCREASING = {
    0.52, 0.49, 0.55, 0.61, 0.58, 0.63, 0.60, 0.67, 0.66, 0.71,
    0.69, 0.74, 0.70, 0.78, 0.77, 0.75, 0.82, 0.80, 0.86, 0.84,
  };

  /**
   * AR(1), phi = 0.8, on a trend of 0.05 a day, 30 days: a_0 = e_0, a_i = 0.8 a_(i-1) + e_i with
   * e from numpy.random.default_rng(2026).normal, y_i = round(0.05 i + a_i, 2) (reference.py).
   */
  private static final double[] AUTOCORRELATED = {
    -0.79, -0.34, -2.11, -0.22, 0.54, 0.23, -0.03, 0.39, 0.17, 0.04, 0.89, 1.38, 1.2, 1.04, 1.17,
    0.52, 0.21, 0.93, 0.83, -0.48, -0.62, 0.41, 0.36, 0.41, 1.25, 3.11, 2.08, 3.32, 1.75, 1.9,
  };

  /** Relative closeness, for values that may be tiny (p-values far in a tail). */
  private static void assertClose(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.max(Math.abs(expected) * 1e-10, 1e-15)));
  }

  private static void assertResult(MannKendall r, int n, long s, double varianceS, double z,
      double pIncreasing, double pDecreasing, double varianceCorrection) {
    assertThat(r.n()).isEqualTo(n);
    assertThat(r.s()).isEqualTo(s);
    assertClose(r.varianceS(), varianceS);
    assertClose(r.z(), z);
    assertClose(r.pIncreasing(), pIncreasing);
    assertClose(r.pDecreasing(), pDecreasing);
    assertClose(r.varianceCorrection(), varianceCorrection);
  }

  private static double[] withoutNaN(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }

  @Test
  void mannKendall_strictlyIncreasing_isSignificantlyIncreasing() {
    MannKendall r = MannKendall.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    assertResult(r, 10, 45, 125.0, 3.9354796403996297,
        4.151535166322487e-05, 0.9999584846483368, 1.0);
  }

  @Test
  void mannKendall_strictlyIncreasing_hamedRaoWithAllResidualsTied_leavesVarianceAlone() {
    // Detrended by the exact slope 1 every residual is 0: no autocorrelation to estimate.
    MannKendall r = MannKendall.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, true);
    assertResult(r, 10, 45, 125.0, 3.9354796403996297,
        4.151535166322487e-05, 0.9999584846483368, 1.0);
  }

  @Test
  void mannKendall_exactlyLinearNonIntegerSeries_hamedRaoIgnoresRoundingNoise() {
    // y = 0.5 + 0.1 i: the residuals of the slope-0.1 detrending differ by a few ulps only.
    // reference.py, ranking that noise as pymannkendall does, gets a factor of 1.557...; by
    // design the residuals count as tied here and the factor is 1 (S and Var(S) as reference.py).
    double[] linear = new double[30];
    for (int i = 0; i < linear.length; i++) {
      linear[i] = 0.5 + 0.1 * i;
    }
    MannKendall r = MannKendall.test(linear, true);
    assertThat(r.varianceCorrection()).isEqualTo(1.0);
    assertThat(r).isEqualTo(MannKendall.test(linear));
    assertThat(r.s()).isEqualTo(435);
    assertClose(r.varianceS(), 3141.6666666666665);
    assertClose(r.z(), 7.743007455519685);
    assertClose(r.pIncreasing(), 4.854617283354197e-15);
  }

  @Test
  void mannKendall_strictlyDecreasing_isSignificantlyDecreasing() {
    MannKendall r = MannKendall.test(new double[] {9.5, 8.1, 7.7, 6.0, 5.2, 4.4, 3.3, 2.0});
    assertResult(r, 8, -28, 65.33333333333333, -3.340383700311406,
        0.9995816864344403, 0.0004183135655596522, 1.0);
  }

  @Test
  void mannKendall_noisyIncreasing_matchesReference() {
    MannKendall r = MannKendall.test(NOISY_INCREASING);
    assertResult(r, 20, 164, 950.0, 5.288418328862859,
        6.168927729846086e-08, 0.9999999383107226, 1.0);
  }

  @Test
  void mannKendall_noisyIncreasing_negativeLagOneAutocorrelation_shrinksVariance() {
    MannKendall r = MannKendall.test(NOISY_INCREASING, true);
    assertResult(r, 20, 164, 197.26639035418222, 11.60542516606781,
        1.9338026839248793e-31, 1.0, 0.20764883195177075);
  }

  @Test
  void mannKendall_tiedSeries_usesTieCorrection() {
    // tie groups: two of size 3 (3, 7) and three of size 2 (2, 4, 5)
    MannKendall r = MannKendall.test(new double[] {3, 1, 3, 2, 2, 5, 3, 4, 4, 6, 5, 7, 7, 7});
    assertThat(r.varianceS())
        .isEqualTo((14 * 13 * 33 - 2 * (3 * 2 * 11) - 3 * (2 * 1 * 9)) / 18.0);
    assertResult(r, 14, 64, 323.3333333333333, 3.503606389416306,
        0.00022950163161223743, 0.9997704983683877, 1.0);
  }

  @Test
  void mannKendall_constantSeries_givesNoEvidenceWithoutNaN() {
    for (boolean corrected : new boolean[] {false, true}) {
      MannKendall r = MannKendall.test(new double[] {4, 4, 4, 4, 4}, corrected);
      assertThat(r).isEqualTo(new MannKendall(5, 0, 0.0, 0.0, 1.0, 1.0, 1.0));
    }
  }

  @Test
  void mannKendall_emptySeries_givesNoEvidence() {
    assertThat(MannKendall.test(new double[0]))
        .isEqualTo(new MannKendall(0, 0, 0.0, 0.0, 1.0, 1.0, 1.0));
    assertThat(MannKendall.test(new double[0], true))
        .isEqualTo(new MannKendall(0, 0, 0.0, 0.0, 1.0, 1.0, 1.0));
  }

  @Test
  void mannKendall_singleValue_givesNoEvidence() {
    assertThat(MannKendall.test(new double[] {3.5}, true))
        .isEqualTo(new MannKendall(1, 0, 0.0, 0.0, 1.0, 1.0, 1.0));
  }

  @Test
  void mannKendall_twoValues_continuityCorrectionCancelsTheOnlyPair() {
    assertResult(MannKendall.test(new double[] {1.0, 2.0}, true), 2, 1, 1.0, 0.0, 0.5, 0.5, 1.0);
    assertResult(MannKendall.test(new double[] {2.0, 1.0}), 2, -1, 1.0, 0.0, 0.5, 0.5, 1.0);
    assertThat(MannKendall.test(new double[] {2.0, 2.0}))
        .isEqualTo(new MannKendall(2, 0, 0.0, 0.0, 1.0, 1.0, 1.0));
  }

  @Test
  void mannKendall_threeValues_matchesReference() {
    // n = 3: every Hamed-Rao weight (n-k)(n-k-1)(n-k-2) is 0, so the factor is 1
    for (boolean corrected : new boolean[] {false, true}) {
      assertResult(MannKendall.test(new double[] {2.0, 1.0, 3.0}, corrected),
          3, 1, 3.6666666666666665, 0.0, 0.5, 0.5, 1.0);
    }
    assertResult(MannKendall.test(new double[] {1.0, 2.0, 3.0}),
        3, 3, 3.6666666666666665, 1.044465935734187, 0.1481349357421432, 0.8518650642578568, 1.0);
  }

  @Test
  void mannKendall_autocorrelatedSeries_hamedRaoFactorAboveOneWeakensEvidence() {
    MannKendall plain = MannKendall.test(AUTOCORRELATED);
    assertResult(plain, 30, 204, 3140.6666666666665, 3.6223058338901715,
        0.00014599430771712276, 0.9998540056922829, 1.0);

    MannKendall corrected = MannKendall.test(AUTOCORRELATED, true);
    assertResult(corrected, 30, 204, 5818.862306266222, 2.66119683146885,
        0.0038931712473897506, 0.9961068287526103, 1.8527474972191325);
    assertThat(corrected.varianceCorrection()).isGreaterThan(1.0);
    assertThat(corrected.pIncreasing()).isGreaterThan(plain.pIncreasing());
  }

  @Test
  void mannKendall_signedZeros_hamedRaoRanksMinusZeroTiedWithZero() {
    // A zero Sen slope leaves -0.0 in the detrended values. S and Var(S) count -0.0 and 0.0 as
    // tied; so must the ranking of the correction (reference.py: factor 1.5727...; ranking -0.0
    // below 0.0, as a natural ranking of the raw doubles does, gave 1.4772...).
    double[] series = {0, -0.0, 1, 0, -0.0, 1, 0, -0.0, 1, -0.0, 0, 1};
    MannKendall corrected = MannKendall.test(series, true);
    assertResult(corrected, 12, 8, 218.08484848484846, 0.47400758699625617,
        0.31774724846239477, 0.6822527515376052, 1.5727272727272728);
    assertThat(MannKendall.testCorrectingWhenWider(series)).isEqualTo(corrected);
    assertResult(MannKendall.test(series), 12, 8, 138.66666666666666, 0.5944454429259128,
        0.2761071110170752, 0.7238928889829248, 1.0);
    // the same series written with +0.0 only gives the same result
    double[] positive = Arrays.stream(series).map(v -> v + 0.0).toArray();
    assertThat(MannKendall.test(positive, true)).isEqualTo(corrected);
  }

  @Test
  void mannKendall_holyCrossWorkedExample_matchesPublishedValues() {
    // Published: D. Little, "A Mann-Kendall Example ("By Hand")", College of the Holy Cross,
    // https://mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt :
    // S = 54, V = (14)(13)(33)/18 - (2)(1)(9)/18, Z = (S - 1)/sqrt(V) = 2.9058, p = .0018.
    double[] series = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3,
      20.1, 21.7};
    MannKendall r = MannKendall.test(series);
    assertThat(r.s()).isEqualTo(54);
    assertThat(r.varianceS()).isEqualTo((14 * 13 * 33 - 2 * 1 * 9) / 18.0);
    assertThat(r.z()).isCloseTo(2.9058, within(5e-5));
    assertThat(r.pIncreasing()).isCloseTo(0.0018, within(5e-5));
    // and to full precision against reference.py
    assertResult(r, 14, 54, 332.6666666666667, 2.905836845996537,
        0.001831361881441218, 0.9981686381185588, 1.0);
  }

  @Test
  void mannKendall_pymannkendallFixture_matchesPublishedOriginalTest() {
    // Published: pymannkendall tests/test_pymannkendall.py, test_original_test on
    // arbitrary_1d_data (NaN skipped): s = -1959.0, var_s = 4889800.333333333,
    // z = -0.8854562842589916, two-sided p = 0.37591058740506833.
    MannKendall r = MannKendall.test(withoutNaN(PYMANNKENDALL_ARBITRARY_1D));
    assertThat(r.n()).isEqualTo(353);
    assertThat(r.s()).isEqualTo(-1959);
    assertClose(r.varianceS(), 4889800.333333333);
    assertClose(r.z(), -0.8854562842589916);
    assertClose(2 * Math.min(r.pIncreasing(), r.pDecreasing()), 0.37591058740506833);
    assertClose(r.pDecreasing(), 0.18795529370253417);
    assertClose(r.pIncreasing(), 0.8120447062974658);
  }

  @Test
  void mannKendall_pymannkendallFixture_hamedRao_matchesReference() {
    // pymannkendall publishes var_s = 259723.81316716125 here, but it detrends with the Sen slope
    // of the series *with* its NaN gaps (-0.006369...); the series we are given has none, so its
    // slope is -0.0064516... reference.py reproduces both numbers with the same procedure.
    MannKendall r = MannKendall.test(withoutNaN(PYMANNKENDALL_ARBITRARY_1D), true);
    assertThat(r.s()).isEqualTo(-1959);
    assertClose(r.varianceCorrection(), 257403.38678462413 / 4889800.333333333);
    assertThat(r.varianceS()).isCloseTo(257403.38678462413, within(257403.38678462413 * 1e-10));
    assertThat(r.z()).isCloseTo(-3.859273515045842, within(1e-10));
    assertThat(r.pDecreasing()).isCloseTo(5.686229941764997e-05, within(5.686229941764997e-05 * 1e-8));
    assertClose(r.pIncreasing(), 0.9999431377005823);
  }

  @Test
  void mannKendall_issue29Series1_noSignificantLag_matchesPublishedValues() {
    // Published: pymannkendall issue #29 output for series1 with hamed_rao_modification_test:
    // s = 32.0, var_s = 212.66666666666666, z = 2.125748992103599, p = 0.03352416523500468.
    MannKendall r = MannKendall.test(ISSUE_29_SERIES_1, true);
    assertThat(r.s()).isEqualTo(32);
    assertClose(r.varianceS(), 212.66666666666666);
    assertClose(r.z(), 2.125748992103599);
    assertClose(2 * r.pIncreasing(), 0.03352416523500468);
    assertThat(r.varianceCorrection()).isEqualTo(1.0);
  }

  @Test
  void mannKendall_issue29Series2_nonPositiveFactor_fallsBackToPlainTest() {
    // pymannkendall issue #29: for series2 its Hamed-Rao test printed var_s = -8.737179487179525
    // and z = p = NaN. reference.py gives the factor -0.04108391608391626 (= -8.737.../212.666...).
    // The factor is not applied: the result is the plain test, with no NaN anywhere.
    MannKendall plain = MannKendall.test(ISSUE_29_SERIES_2);
    MannKendall corrected = MannKendall.test(ISSUE_29_SERIES_2, true);
    assertResult(plain, 12, 44, 212.66666666666666, 2.948619569692089,
        0.0015959831767743866, 0.9984040168232257, 1.0);
    assertThat(corrected).isEqualTo(plain);
  }

  @Test
  void mannKendall_pValues_areComplementaryAndMirrorUnderReversal() {
    MannKendall forward = MannKendall.test(AUTOCORRELATED);
    double[] reversed = new double[AUTOCORRELATED.length];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = AUTOCORRELATED[AUTOCORRELATED.length - 1 - i];
    }
    MannKendall backward = MannKendall.test(reversed);
    assertThat(forward.pIncreasing() + forward.pDecreasing()).isCloseTo(1.0, within(1e-15));
    assertThat(backward.s()).isEqualTo(-forward.s());
    assertThat(backward.z()).isEqualTo(-forward.z());
    assertThat(backward.pDecreasing()).isCloseTo(forward.pIncreasing(), within(1e-15));
  }

  @Test
  void mannKendall_doesNotModifyInput() {
    double[] values = AUTOCORRELATED.clone();
    MannKendall.test(values, true);
    assertThat(values).containsExactly(AUTOCORRELATED);
  }

  @Test
  void mannKendall_nanValue_isRefusedNamingIndexAndValue() {
    assertThatThrownBy(() -> MannKendall.test(new double[] {1, 2, 3, Double.NaN, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("valuesInTimeOrder[3] must be a finite number but was 'NaN'");
  }

  @Test
  void mannKendall_infiniteValue_isRefusedNamingIndexAndValue() {
    assertThatThrownBy(() -> MannKendall.test(new double[] {Double.NEGATIVE_INFINITY, 1}, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("valuesInTimeOrder[0] must be a finite number but was '-Infinity'");
    assertThatThrownBy(() -> MannKendall.test(new double[] {0, 1, Double.POSITIVE_INFINITY}))
        .hasMessage("valuesInTimeOrder[2] must be a finite number but was 'Infinity'");
  }

  @Test
  void mannKendall_nullSeries_isRefused() {
    assertThatThrownBy(() -> MannKendall.test(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("valuesInTimeOrder must not be null");
  }

  @Test
  void mannKendall_resultWithNaN_cannotBeBuilt() {
    assertThatThrownBy(() -> new MannKendall(3, 1, 3.0, Double.NaN, 0.5, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("z must be finite but was NaN");
    assertThatThrownBy(() -> new MannKendall(3, 1, 3.0, 0.0, 0.5, 0.5, 0.0))
        .hasMessage("varianceCorrection must be a finite number > 0 but was 0.0");
    assertThatThrownBy(() -> new MannKendall(3, 1, 3.0, 0.0, 1.5, 0.5, 1.0))
        .hasMessage("pIncreasing must lie in [0, 1] but was 1.5");
  }
}

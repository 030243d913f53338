package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.embed.Vectors;
import dev.papergraph.text.TermVectors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rule that fuses the lexical and the semantic score of a pair into its text score:
 *
 * <pre>
 *   text = αL · lexical + αS · max(0, semantic),
 *   αL ∝ (1 − w) / σL,  αS ∝ w / σS,  αL + αS = 1
 * </pre>
 *
 * where {@code w} is the semantic weight ({@link EngineOptions#semanticWeight()}) and σL, σS are
 * the standard deviations of each score over the corpus's pairs. Dividing by σ puts both scores on
 * one scale (z-scores; the means only shift every score of a row equally and are left out), so the
 * weight means the same on any corpus; the rescaling to {@code αL + αS = 1} keeps the text score in
 * [0, 1]. The score is symmetric and defined for every pair, so top-k lists can be exact.
 *
 * <p>σL and σS are estimated on {@link #SAMPLE_PAIRS} pairs drawn with a fixed seed (all pairs when
 * the corpus has fewer): deterministic, and about 0.2 % relative error.
 *
 * @param semanticWeight w in (0, 1)
 * @param sigmaLexical σL
 * @param sigmaSemantic σS
 * @param alphaLexical αL
 * @param alphaSemantic αS
 */
public record Fusion(
    double semanticWeight,
    double sigmaLexical,
    double sigmaSemantic,
    double alphaLexical,
    double alphaSemantic) {

  /** Pairs sampled to estimate the spreads. */
  public static final int SAMPLE_PAIRS = 200_000;

  private static final long SEED = 0x5eed_f05eL;

  /**
   * The rule for these scores (estimating the spreads), the pairs' scores computed on {@code
   * threads} threads and summed in the pairs' order (so the result does not depend on the count).
   */
  static Fusion of(double semanticWeight, TermVectors lexical, float[][] semantic, int threads) {
    int n = semantic.length;
    long all = (long) n * (n - 1) / 2;
    // the pairs, as a then b: every pair when there are few, else a seeded sample
    int m = (int) Math.min(all, SAMPLE_PAIRS);
    int[] first = new int[m];
    int[] second = new int[m];
    if (all <= SAMPLE_PAIRS) {
      int i = 0;
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          first[i] = a;
          second[i++] = b;
        }
      }
    } else {
      SplittableRandom r = new SplittableRandom(SEED);
      for (int i = 0; i < m; ) {
        int a = r.nextInt(n), b = r.nextInt(n);
        if (a != b) {
          first[i] = a;
          second[i++] = b;
        }
      }
    }
    // scored grouped by first paper (its lexical row spread once), each into the pair's own slot
    int[] order = byFirst(first, n);
    double[] lex = new double[m];
    double[] sem = new double[m];
    Parallel.forEach(
        threads,
        m,
        lexical::cosineRow,
        (row, p) -> {
          int i = order[p];
          row.of(first[i]);
          lex[i] = row.cosine(second[i]);
          sem[i] = Math.max(0, Vectors.dot(semantic[first[i]], semantic[second[i]]));
        });
    double sl = 0, sl2 = 0, ss = 0, ss2 = 0;
    for (int i = 0; i < m; i++) {
      double l = lex[i], s = sem[i];
      sl += l;
      sl2 += l * l;
      ss += s;
      ss2 += s * s;
    }
    double sigmaL = m < 2 ? 1 : Math.sqrt(Math.max(0, sl2 / m - (sl / m) * (sl / m)));
    double sigmaS = m < 2 ? 1 : Math.sqrt(Math.max(0, ss2 / m - (ss / m) * (ss / m)));
    if (!(sigmaL > 1e-12)) {
      sigmaL = 1;
    }
    if (!(sigmaS > 1e-12)) {
      sigmaS = 1;
    }
    double l = (1 - semanticWeight) / sigmaL, s = semanticWeight / sigmaS;
    return new Fusion(semanticWeight, sigmaL, sigmaS, l / (l + s), s / (l + s));
  }

  /** The pairs' indices ordered by first paper, then index (a counting sort: O(m + n)). */
  private static int[] byFirst(int[] first, int n) {
    int[] start = new int[n + 1];
    for (int a : first) {
      start[a + 1]++;
    }
    for (int a = 0; a < n; a++) {
      start[a + 1] += start[a];
    }
    int[] order = new int[first.length];
    for (int i = 0; i < first.length; i++) {
      order[start[first[i]]++] = i;
    }
    return order;
  }

  /** The fused text score of a pair. */
  public double text(double lexical, double semantic) {
    return Math.min(1.0, alphaLexical * lexical + alphaSemantic * Math.max(0, semantic));
  }

  /**
   * Upper bounds of the fused text scores of one paper with every other, from bounds of the lexical
   * cosines: {@code out[b] ≥} {@link #text}{@code (lexical[b] · lexicalScale + 2^-120, semantic[b]
   * + semanticShift)}, the double score, for every b, computed in float as {@code aL' · lexical[b]
   * + aS' · max(0, semantic[b] + shift') + 2^-100}: each constant is rounded up from {@code (1 +
   * 2^-18)} times its value (for aL', times lexicalScale too), which covers the rounding of the
   * four float operations along any path ({@code 2^-24} each, relative: a float sum's error is
   * relative to its result, so no cancellation escapes it) and of the double score's own (relative
   * {@code 2^-51}); {@code 2^-100} covers products below float's normal range and the {@code
   * 2^-120} above. The caps of {@link #text} at 1 only lower the score. At most about {@code 2^-17}
   * above the double bound, so a search passes the same pairs but for a rare one near its threshold
   * (scored exactly, never wrongly dropped). In float so that the JIT vectorises the loop: about
   * eight times faster than the same loop in double, whose float-to-double conversions HotSpot 17
   * does not vectorise (a microbenchmark of 10,000-pair rows).
   *
   * @param lexicalScale multiplies every lexical value (a search's bound of its float sums)
   */
  void texts(
      float[] lexical, double lexicalScale, float[] semantic, double semanticShift, float[] out) {
    float aL = up(alphaLexical * lexicalScale * ROUNDING_MARGIN);
    float aS = up(alphaSemantic * ROUNDING_MARGIN);
    float shift = up(semanticShift);
    for (int b = 0; b < out.length; b++) {
      out[b] = aL * lexical[b] + aS * Math.max(0f, semantic[b] + shift) + 0x1p-100f;
    }
  }

  /** The factor {@link #texts}' constants are raised by: {@code 1 + 2^-18}. */
  private static final double ROUNDING_MARGIN = 1 + 0x1p-18;

  /** The least float at or above v (v finite and within float's range). */
  private static float up(double v) {
    float f = (float) v;
    return f < v ? Math.nextUp(f) : f;
  }

  /** The rule and its fitted values, for the run manifest. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "fusion.rule",
        "text = aL*lexical + aS*max(0,semantic); aL ~ (1-w)/sdL, aS ~ w/sdS, aL+aS = 1");
    m.put("fusion.semanticWeight", semanticWeight);
    m.put("fusion.sdLexical", round(sigmaLexical));
    m.put("fusion.sdSemantic", round(sigmaSemantic));
    m.put("fusion.alphaLexical", round(alphaLexical));
    m.put("fusion.alphaSemantic", round(alphaSemantic));
    return m;
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
  }
}

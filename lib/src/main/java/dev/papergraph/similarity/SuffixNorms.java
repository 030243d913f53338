package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.text.TermVectors;

/**
 * Per-paper norms of the common end of each row, for the length bounds of L2AP (Anastasiu and
 * Karypis 2014): the exact top-k search takes a query's terms rarest first, so once its terms up to
 * some document frequency are added, a paper can gain from the rest at most {@code ‖query rest‖ ·
 * ‖paper's terms at least as frequent‖} (Cauchy-Schwarz), which is far below the query rest's own
 * norm for most papers, whose weight sits in their rare terms.
 *
 * <p>Terms are grouped in bands of document frequency, two per power of two ({@link #band}), so a
 * paper's norm over the terms of band b and above, {@link #norm}, is a table lookup; it also counts
 * the terms of band b rarer than the query's current term, so it stays an upper bound. For each
 * term, {@link #termMax} is the largest such norm among the papers holding it, at the term's own
 * band: it bounds what a paper first met at that term can gain from there on.
 *
 * <p>Every stored value is rounded up from its double sum, so the bounds stay safe. Memory: one
 * float per paper and band (about 34 bands at 75,000 papers: 10 MB) and one per term. Immutable and
 * thread-safe once built.
 */
final class SuffixNorms {

  private final int n;
  private final int bands;

  /** Band-major: {@code norms[b * n + doc]}, so one band's values of all papers lie together. */
  private final float[] norms;

  private final float[] termMax;

  private SuffixNorms(int n, int bands, float[] norms, float[] termMax) {
    this.n = n;
    this.bands = bands;
    this.norms = norms;
    this.termMax = termMax;
  }

  /**
   * The band of a document frequency: twice its binary logarithm, plus one in the upper half of its
   * power of two; never decreases as {@code df} grows.
   */
  static int band(int df) {
    int e = 31 - Integer.numberOfLeadingZeros(Math.max(1, df));
    return e == 0 ? 0 : 2 * e + ((df >>> (e - 1)) & 1);
  }

  /** The norms of these vectors' rows, computed on {@code threads} threads. */
  static SuffixNorms of(TermVectors vectors, int threads) {
    int n = vectors.size();
    int v = vectors.vocabularySize();
    int maxBand = 0;
    for (int t = 0; t < v; t++) {
      maxBand = Math.max(maxBand, band(vectors.docFrequency(t)));
    }
    int bands = maxBand + 1;
    float[] norms = new float[bands * n];
    Parallel.forEach(
        threads,
        n,
        () -> new double[bands],
        (sums, d) -> {
          java.util.Arrays.fill(sums, 0);
          for (int p = vectors.start(d), pe = vectors.end(d); p < pe; p++) {
            double w = vectors.weightAt(p);
            sums[band(vectors.docFrequency(vectors.termAt(p)))] += w * w;
          }
          double suffix = 0;
          for (int b = bands - 1; b >= 0; b--) {
            suffix += sums[b];
            norms[b * n + d] = roundUp(Math.sqrt(suffix));
          }
        });
    float[] termMax = new float[v];
    for (int d = 0; d < n; d++) {
      for (int p = vectors.start(d), pe = vectors.end(d); p < pe; p++) {
        int t = vectors.termAt(p);
        float norm = norms[band(vectors.docFrequency(t)) * n + d];
        if (norm > termMax[t]) {
          termMax[t] = norm;
        }
      }
    }
    return new SuffixNorms(n, bands, norms, termMax);
  }

  /** A float at least the double given (the double's float rounded up). */
  private static float roundUp(double x) {
    float f = (float) x;
    return f >= x ? f : Math.nextUp(f);
  }

  /** Where band b's values start in {@link #norm}'s array, for a row of lookups. */
  int offset(int band) {
    return band * n;
  }

  /**
   * The norm of a paper's weights on the terms of the band at {@code offset} ({@link #offset}) and
   * above: at least the norm over any of its terms at least as frequent as that band's.
   */
  float norm(int offset, int doc) {
    return norms[offset + doc];
  }

  /**
   * The largest {@link #norm} at a term's own band among the papers holding the term: what a paper
   * first met at that term has left, in norm, on that term and the more frequent ones.
   */
  float termMax(int term) {
    return termMax[term];
  }

  /** The number of bands. */
  int bands() {
    return bands;
  }
}

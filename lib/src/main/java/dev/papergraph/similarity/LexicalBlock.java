package dev.papergraph.similarity;

import dev.papergraph.text.TermVectors;
import java.util.Arrays;

/**
 * The lexical products, summed in float, of a block of rows with every paper: a row's rare terms
 * scatter their postings ({@code acc[doc] += q · w}, one random access per posting); its frequent
 * terms (document frequency at least {@link #DENSE_SHARE} of the papers) add a dense column of the
 * term's weights instead ({@code acc[b] += q · column[b]} for every b, zero where the paper lacks
 * the term), a loop the JIT vectorises, taken a {@link #TILE} of papers at a time for all the
 * block's rows so that each column tile is read once per block. On 10,000 arXiv papers ~150 such
 * terms make about 80 % of the postings a row search walks.
 *
 * <p>The sums are the same products added in another order than the postings scatter alone would (a
 * product with an absent term is 0 and adds nothing): a float sum of non-negative products in any
 * order is within the same relative bound of the exact sum, so {@link FusedSimilarity#lexicalSlack}
 * holds for them as it does for the scatter.
 *
 * <p>Memory: at most {@link #MAX_DENSE_BYTES} of columns ({@code n} floats each), the most frequent
 * terms first.
 */
final class LexicalBlock {

  /** A term is dense from a document frequency of this share of the papers on. */
  static final double DENSE_SHARE = 1.0 / 8;

  /** The least document frequency of a dense term, whatever the corpus size. */
  static final int DENSE_MIN = 64;

  /** Bytes of dense columns at most (the most frequent terms are kept). */
  static final long MAX_DENSE_BYTES = 32L << 20;

  /** Papers per tile of the dense pass: a column tile and the rows' sums of it stay in L1/L2. */
  static final int TILE = 2048;

  /** Rows per block at most (a row's place is 8 bits of an entry). */
  static final int MAX_ROWS = 256;

  private final TermVectors vectors;
  private final int n;

  /** Each term's dense column, or -1. */
  private final int[] column;

  /** columns[c][b]: the weight of dense term c in paper b (0 where absent). */
  private final float[][] columns;

  LexicalBlock(TermVectors vectors) {
    this(vectors, DENSE_SHARE);
  }

  /** The columns of the terms in at least this share of the papers (and {@link #DENSE_MIN}). */
  LexicalBlock(TermVectors vectors, double denseShare) {
    this.vectors = vectors;
    this.n = vectors.size();
    int terms = vectors.vocabularySize();
    column = new int[terms];
    Arrays.fill(column, -1);
    int least = Math.max(DENSE_MIN, (int) Math.ceil(n * denseShare));
    // frequent terms, most frequent first (ties by term id), as many as the bytes allow
    long[] frequent = new long[terms];
    int f = 0;
    for (int t = 0; t < terms; t++) {
      int df = vectors.docFrequency(t);
      if (df >= least) {
        frequent[f++] = ((long) (Integer.MAX_VALUE - df) << 32) | t;
      }
    }
    Arrays.sort(frequent, 0, f);
    int count = (int) Math.min(f, n == 0 ? 0 : MAX_DENSE_BYTES / (4L * n));
    columns = new float[count][];
    for (int c = 0; c < count; c++) {
      int t = (int) frequent[c];
      column[t] = c;
      float[] col = new float[n];
      for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
        col[vectors.postingDoc(pp)] = vectors.postingWeight(pp);
      }
      columns[c] = col;
    }
  }

  /** The number of terms summed as dense columns. */
  int denseTerms() {
    return columns.length;
  }

  /**
   * Adds the lexical products of rows {@code from..to-1} with every paper to {@code sums}: {@code
   * sums[r][b]} for row {@code from + r} and paper b, summed in float.
   *
   * @param sums at least {@code to − from} arrays of n floats (zero, or sums to add to)
   * @throws IllegalArgumentException if the block has more than {@link #MAX_ROWS} rows
   */
  void add(int from, int to, float[][] sums) {
    if (to - from > MAX_ROWS) {
      throw new IllegalArgumentException("at most " + MAX_ROWS + " rows: " + (to - from));
    }
    // the rare terms' postings scattered; the frequent ones noted as (column, row, weight)
    long[] entries = new long[64];
    int m = 0;
    for (int d = from; d < to; d++) {
      float[] acc = sums[d - from];
      for (int p = vectors.start(d), pe = vectors.end(d); p < pe; p++) {
        float q = vectors.weightAt(p);
        int t = vectors.termAt(p);
        int c = column[t];
        if (c >= 0) {
          if (m == entries.length) {
            entries = Arrays.copyOf(entries, 2 * m);
          }
          entries[m++] =
              ((long) c << 40)
                  | ((long) (d - from) << 32)
                  | (Float.floatToRawIntBits(q) & 0xFFFF_FFFFL);
        } else {
          for (int pp = vectors.postingStart(t), ppe = vectors.postingEnd(t); pp < ppe; pp++) {
            acc[vectors.postingDoc(pp)] += q * vectors.postingWeight(pp);
          }
        }
      }
    }
    if (m == 0) {
      return;
    }
    // by column, so the rows sharing a term read its tile one after the other
    Arrays.sort(entries, 0, m);
    for (int lo = 0; lo < n; lo += TILE) {
      int hi = Math.min(n, lo + TILE);
      for (int e = 0; e < m; e++) {
        long x = entries[e];
        axpy(
            sums[(int) (x >>> 32) & 0xFF],
            columns[(int) (x >>> 40)],
            Float.intBitsToFloat((int) x),
            lo,
            hi);
      }
    }
  }

  /** {@code acc[b] += q · col[b]} for b in {@code lo..hi-1}: one loop the JIT vectorises. */
  private static void axpy(float[] acc, float[] col, float q, int lo, int hi) {
    for (int b = lo; b < hi; b++) {
      acc[b] += q * col[b];
    }
  }
}

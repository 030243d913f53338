package dev.papergraph.similarity;

/**
 * The dot products of a block of rows with every vector at once, in float arithmetic laid out so
 * that HotSpot's auto-vectoriser (SuperWord) turns the inner loop into SIMD instructions: the
 * vectors are stored transposed in blocks of {@link #BLOCK} (one {@code float[BLOCK]} per dimension
 * and block), and each row's products with a block are accumulated as {@code y[b] += s0·x0[b] + … +
 * s3·x3[b]}, a loop over one index that the JIT vectorises, where a scalar dot product per pair
 * cannot be (a float reduction). Measured about ten times the pairs per second of {@code
 * Vectors.dot} on AVX-512.
 *
 * <p>The results are approximate: float sums in another order than {@code Vectors.dot}'s double
 * sums. They differ from it by at most {@link #slack} (the first-order bound of recursive float
 * summation, {@code (dim − 1)·2⁻²⁴·Σ|aᵢbᵢ| ≤ dim·2⁻²⁴·‖a‖·‖b‖}, doubled for safety), so callers use
 * them as bounds and compute exact products for the pairs that matter. Written by hand: no library
 * on the classpath offers a vectorised dense product for Java 17 without the incubating vector API.
 *
 * <p>Cost {@code rows · n · dim} multiply-adds per call; memory one more copy of the vectors.
 */
final class BlockedDots {

  /** Vectors per transposed block: a multiple of the widest SIMD register's floats (16). */
  static final int BLOCK = 128;

  private final int n;
  private final int dim;
  private final float[][] vectors;

  /** blocks[j][i][b]: dimension i of vector j·BLOCK + b (0 past the last vector). */
  private final float[][][] blocks;

  private final double maxNorm;
  private final double[] norm;

  /**
   * The blocks of these vectors.
   *
   * @throws IllegalArgumentException if the vectors differ in length
   */
  BlockedDots(float[][] vectors) {
    this.vectors = vectors;
    this.n = vectors.length;
    this.dim = n == 0 ? 0 : vectors[0].length;
    int count = (n + BLOCK - 1) / BLOCK;
    blocks = new float[count][dim][BLOCK];
    norm = new double[n];
    double max = 0;
    for (int a = 0; a < n; a++) {
      float[] v = vectors[a];
      if (v.length != dim) {
        throw new IllegalArgumentException(
            "vector " + a + " has " + v.length + " dimensions, not " + dim);
      }
      double s = 0;
      for (int i = 0; i < dim; i++) {
        blocks[a / BLOCK][i][a % BLOCK] = v[i];
        s += (double) v[i] * v[i];
      }
      norm[a] = Math.sqrt(s);
      max = Math.max(max, norm[a]);
    }
    maxNorm = max;
  }

  /**
   * The most the approximate product of row a with any vector differs from the exact one ({@code
   * Vectors.dot}).
   */
  double slack(int a) {
    return 2.0 * (dim + 1) * 0x1p-24 * norm[a] * maxNorm + Double.MIN_NORMAL;
  }

  /**
   * Approximate products of rows {@code from..to-1} with every vector: {@code out[r][b]} for row
   * {@code from + r} and vector b.
   *
   * @param scratch {@code to − from} arrays of {@link #BLOCK} floats
   * @param out {@code to − from} arrays of at least n floats
   */
  void products(int from, int to, float[][] scratch, float[][] out) {
    int rows = to - from;
    for (int j = 0; j < blocks.length; j++) {
      for (int r = 0; r < rows; r++) {
        java.util.Arrays.fill(scratch[r], 0);
      }
      block(blocks[j], from, rows, scratch);
      int base = j * BLOCK, len = Math.min(BLOCK, n - base);
      for (int r = 0; r < rows; r++) {
        System.arraycopy(scratch[r], 0, out[r], base, len);
      }
    }
  }

  /** Adds the products of the rows with one block: four dimensions per pass over a row's sums. */
  private void block(float[][] x, int from, int rows, float[][] acc) {
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      float[] x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
      for (int r = 0; r < rows; r++) {
        float[] e = vectors[from + r];
        float s0 = e[i], s1 = e[i + 1], s2 = e[i + 2], s3 = e[i + 3];
        float[] y = acc[r];
        for (int b = 0; b < y.length; b++) {
          y[b] += s0 * x0[b] + s1 * x1[b] + s2 * x2[b] + s3 * x3[b];
        }
      }
    }
    for (; i < dim; i++) {
      float[] x0 = x[i];
      for (int r = 0; r < rows; r++) {
        float s0 = vectors[from + r][i];
        float[] y = acc[r];
        for (int b = 0; b < y.length; b++) {
          y[b] += s0 * x0[b];
        }
      }
    }
  }
}

package dev.papergraph.similarity;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dot products of a block of rows with every vector at once, in float arithmetic laid out so
 * that HotSpot's auto-vectoriser (SuperWord) turns the inner loop into SIMD instructions: the
 * vectors are stored transposed in blocks of {@link #BLOCK} (one {@code float[BLOCK]} per dimension
 * and block), and each row's products with a block are accumulated as {@code y[b] += s0·x0[b] + … +
 * s3·x3[b]}, a loop over one index that the JIT vectorises, where a scalar dot product per pair
 * cannot be (a float reduction). Measured about ten times the pairs per second of {@code
 * Vectors.dot} on AVX-512. Where the JIT compiles {@link Math#fma} to one instruction, from {@link
 * #FMA_FROM} vectors on, each pass is four fused multiply-adds instead (fewer roundings, half the
 * arithmetic instructions: ~35 % less time than the multiply-add form at this block size on
 * AVX-512); elsewhere {@code Math.fma} is computed in {@code BigDecimal}, so it is never used
 * there.
 *
 * <p>The results are approximate: float sums in another order than {@code Vectors.dot}'s double
 * sums. They differ from it by at most {@link #slack} (the first-order bound of recursive float
 * summation in any order, {@code (dim − 1)·2⁻²⁴·Σ|aᵢbᵢ| ≤ dim·2⁻²⁴·‖a‖·‖b‖}, doubled for safety;
 * fused multiply-adds round less), so callers use them as bounds and compute exact products for the
 * pairs that matter. Written by hand: no library on the classpath offers a vectorised dense product
 * for Java 17 without the incubating vector API.
 *
 * <p>Cost {@code rows · n · dim} multiply-adds per call; memory one more copy of the vectors.
 * {@link RowBlocks} computes each pair's product once for both of its rows.
 */
final class BlockedDots {

  /**
   * Vectors per transposed block: a multiple of the widest SIMD register's floats (16). The inner
   * loop runs over a block; at 128 its loop overhead cost a quarter of the time against 512 (a
   * microbenchmark of 32 rows by one block, AVX-512), and 32 rows' sums of 512 still sit in L2.
   */
  static final int BLOCK = 512;

  /**
   * Vectors from which the products use {@link Math#fma} where it is one instruction: asking the VM
   * whether it is costs ~40 ms, more than all the products of a smaller set.
   */
  static final int FMA_FROM = 2048;

  private final int n;
  private final int dim;
  private final float[][] vectors;

  /** blocks[j][i][b]: dimension i of vector j·BLOCK + b (0 past the last vector). */
  private final float[][][] blocks;

  private final double maxNorm;
  private final double[] norm;
  private final boolean fma;

  /**
   * The blocks of these vectors.
   *
   * @throws IllegalArgumentException if the vectors differ in length
   */
  BlockedDots(float[][] vectors) {
    this(vectors, vectors.length >= FMA_FROM && FastFma.AVAILABLE);
  }

  /**
   * The blocks of these vectors, their products by fused multiply-adds or not.
   *
   * @throws IllegalArgumentException if the vectors differ in length
   */
  BlockedDots(float[][] vectors, boolean fma) {
    this.fma = fma;
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
      norm[a] = Math.sqrt(transpose(v, blocks[a / BLOCK], a % BLOCK));
      max = Math.max(max, norm[a]);
    }
    maxNorm = max;
  }

  /**
   * Writes vector v as column c of a transposed block and returns its squared norm. A method of its
   * own so that the JIT compiles it after a few hundred vectors: as a loop inside the constructor,
   * called once, it ran interpreted for most of a 10,000-vector set (JFR).
   */
  private static double transpose(float[] v, float[][] block, int c) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      block[i][c] = v[i];
      s += (double) v[i] * v[i];
    }
    return s;
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
    for (int j = 0; j < blocks.length; j++) {
      products(j, from, to - from, scratch, out);
    }
  }

  /** The products of rows {@code from..from+rows-1} with block j: in scratch and in out. */
  private void products(int j, int from, int rows, float[][] scratch, float[][] out) {
    for (int r = 0; r < rows; r++) {
      Arrays.fill(scratch[r], 0);
    }
    if (fma) {
      blockFma(blocks[j], from, rows, scratch);
    } else {
      block(blocks[j], from, rows, scratch);
    }
    int base = j * BLOCK, len = Math.min(BLOCK, n - base);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(scratch[r], 0, out[r], base, len);
    }
  }

  /**
   * Row blocks of these vectors handed out in increasing order ({@link RowBlocks#next}), with each
   * pair's product computed once for both its rows while {@code n² / 2} bytes stay within {@link
   * #MIRROR_MAX_BYTES}.
   *
   * @param rows rows per block, a divisor of {@link #BLOCK}
   * @throws IllegalArgumentException if rows does not divide {@link #BLOCK}
   */
  RowBlocks rowBlocks(int rows) {
    if (rows < 1 || BLOCK % rows != 0) {
      throw new IllegalArgumentException("rows per block must divide " + BLOCK + ": " + rows);
    }
    return new RowBlocks(rows);
  }

  /**
   * The most memory {@link RowBlocks} keeps for products computed by one row for the other: about
   * {@code n² / 2} bytes at the peak (16 bits per product, a quarter of all pairs held at once), 50
   * MB at 10,000 vectors, 200 MB at 20,000; above it (n above 23,170) every row computes all its
   * products, twice the multiply-adds and no extra memory.
   */
  static final long MIRROR_MAX_BYTES = 256L << 20;

  /**
   * The approximate products of row blocks with every vector, each pair's product computed once: a
   * block of rows computes its products with the vectors of its own {@link #BLOCK} and of every
   * later one, and keeps those with later blocks' vectors, rounded up to 16-bit fixed point, for
   * the rows of those blocks, which take them instead of computing them (the float products are the
   * same either way: the same terms summed in the same order, each a product of the same two
   * floats). A kept product is then at most one fixed-point step (about 6·10⁻⁵ for unit vectors)
   * above the computed one: still an upper bound within {@link #slack} of the exact product plus
   * that step. Each kept block is dropped once the rows that take it have.
   *
   * <p>Blocks are handed out in increasing order by {@link #next}; a block takes the kept products
   * of every earlier block, waiting for those still computing (which never wait themselves before
   * their products are kept, so the blocks in progress always advance).
   */
  final class RowBlocks {
    private final int rows;
    private final int count;
    private final int perBlock;
    private final boolean mirrored;
    private final AtomicInteger next = new AtomicInteger();

    /** Per row block: counted down once its products for later rows are kept (or it failed). */
    private final CountDownLatch[] kept;

    /**
     * tiles[j][r]: row block r's products with the vectors of block j, quantised upward, vector by
     * vector ({@code [c · rows + i]} for vector {@code j · BLOCK + c} and row {@code r · rows +
     * i}); null once taken by every row of block j.
     */
    private final short[][][] tiles;

    /** Per vector block: its row blocks that have not yet taken their kept products. */
    private final AtomicInteger[] takersLeft;

    private final double scale;
    private final float step;
    private volatile boolean failed;

    private RowBlocks(int rows) {
      this.rows = rows;
      this.count = (n + rows - 1) / rows;
      this.perBlock = BLOCK / rows;
      this.mirrored = (long) n * n / 2 <= MIRROR_MAX_BYTES && blocks.length > 1;
      this.kept = new CountDownLatch[mirrored ? count : 0];
      for (int r = 0; r < kept.length; r++) {
        kept[r] = new CountDownLatch(1);
      }
      this.tiles = new short[mirrored ? blocks.length : 0][][];
      this.takersLeft = new AtomicInteger[tiles.length];
      for (int j = 0; j < tiles.length; j++) {
        tiles[j] = new short[Math.min(count, j * perBlock)][];
        takersLeft[j] = new AtomicInteger(Math.min(count, (j + 1) * perBlock) - j * perBlock);
      }
      // a power of two, so that v · scale and q / scale are exact; |v| stays below 32,000 / scale
      // (a product is at most maxNorm² plus its tiny rounding)
      this.scale =
          Math.scalb(
              1.0, Math.getExponent(32_000 / Math.max(maxNorm * maxNorm, Double.MIN_NORMAL)));
      this.step = (float) (1 / scale);
    }

    /** Whether products are kept for later rows (else each row block computes all of its own). */
    boolean mirrored() {
      return mirrored;
    }

    /** The fixed-point step: the most a kept product lies above the computed one. */
    double step() {
      return step;
    }

    /** Row blocks in all. */
    int count() {
      return count;
    }

    /**
     * The next row block to compute, in increasing order from 0; called {@link #count} times in
     * all, by the threads that compute them.
     */
    int next() {
      int r = next.getAndIncrement();
      if (r >= count) {
        throw new IllegalStateException("all " + count + " row blocks handed out");
      }
      return r;
    }

    /** The first row of row block r. */
    int from(int r) {
      return r * rows;
    }

    /** One past the last row of row block r. */
    int to(int r) {
      return Math.min(n, (r + 1) * rows);
    }

    /**
     * The approximate products of row block r with every vector: {@code out[i][b]} for row {@code
     * from(r) + i} and vector b, each at least the float product and at most one fixed-point step
     * above it (see the class comment). Waits for earlier row blocks still computing.
     *
     * @param scratch {@code rows} arrays of {@link #BLOCK} floats
     * @param out {@code rows} arrays of at least n floats
     * @throws IllegalStateException if an earlier block failed, or the thread is interrupted
     */
    void products(int r, float[][] scratch, float[][] out) {
      int from = from(r), to = to(r);
      if (!mirrored) {
        BlockedDots.this.products(from, to, scratch, out);
        return;
      }
      int own = from / BLOCK;
      try {
        computeFrom(own, r, scratch, out);
      } catch (RuntimeException | Error e) {
        failed = true;
        throw e;
      } finally {
        kept[r].countDown();
      }
      if (own > 0) {
        take(own, r, out);
      }
    }

    /** Computes the products with vector blocks own.. and keeps those past own for their rows. */
    private void computeFrom(int own, int r, float[][] scratch, float[][] out) {
      int from = from(r), size = to(r) - from;
      for (int j = own; j < blocks.length; j++) {
        BlockedDots.this.products(j, from, size, scratch, out);
        if (j > own) {
          int len = Math.min(BLOCK, n - j * BLOCK);
          short[] tile = new short[len * rows];
          for (int i = 0; i < size; i++) {
            keep(scratch[i], len, tile, i);
          }
          tiles[j][r] = tile;
        }
      }
    }

    /**
     * Row i's first len products rounded up to fixed point, {@code tile[c · rows + i] = ceil(y[c] ·
     * scale)}: the integer part and one more where the product is above it ({@code Math.ceil} for
     * every value a short holds, without its conversions).
     */
    private void keep(float[] y, int len, short[] tile, int i) {
      double scale = this.scale;
      for (int c = 0; c < len; c++) {
        double v = y[c] * scale;
        int q = (int) v;
        tile[c * rows + i] = (short) (v > q ? q + 1 : q);
      }
    }

    /** Takes the products that the rows before vector block own kept for row block r's rows. */
    private void take(int own, int r, float[][] out) {
      int offset = from(r) - own * BLOCK, size = to(r) - from(r);
      short[][] mine = tiles[own];
      for (int q = 0; q < mine.length; q++) {
        await(q);
        short[] tile = mine[q];
        int base = from(q);
        for (int i = 0; i < size; i++) {
          float[] o = out[i];
          int at = (offset + i) * rows;
          for (int x = 0; x < rows; x++) {
            o[base + x] = tile[at + x] * step;
          }
        }
      }
      if (takersLeft[own].decrementAndGet() == 0) {
        Arrays.fill(mine, null);
      }
    }

    private void await(int q) {
      try {
        kept[q].await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for row block " + q, e);
      }
      if (failed) {
        throw new IllegalStateException("row block " + q + " failed");
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

  /**
   * {@link #block} by fused multiply-adds: {@code y[b] = fma(s3, x3[b], … fma(s0, x0[b], y[b]))}.
   */
  private void blockFma(float[][] x, int from, int rows, float[][] acc) {
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      float[] x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
      for (int r = 0; r < rows; r++) {
        float[] e = vectors[from + r];
        float s0 = e[i], s1 = e[i + 1], s2 = e[i + 2], s3 = e[i + 3];
        float[] y = acc[r];
        for (int b = 0; b < y.length; b++) {
          y[b] =
              Math.fma(
                  s3, x3[b], Math.fma(s2, x2[b], Math.fma(s1, x1[b], Math.fma(s0, x0[b], y[b]))));
        }
      }
    }
    for (; i < dim; i++) {
      float[] x0 = x[i];
      for (int r = 0; r < rows; r++) {
        float s0 = vectors[from + r][i];
        float[] y = acc[r];
        for (int b = 0; b < y.length; b++) {
          y[b] = Math.fma(s0, x0[b], y[b]);
        }
      }
    }
  }

  /** Whether this VM compiles {@link Math#fma} to an instruction (HotSpot's {@code UseFMA}). */
  static final class FastFma {
    static final boolean AVAILABLE = ask();

    private FastFma() {}

    private static boolean ask() {
      try {
        return Boolean.parseBoolean(
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseFMA")
                .getValue());
      } catch (RuntimeException | LinkageError e) {
        // not HotSpot, or no such option: the multiply-add form, which is right everywhere
        return false;
      }
    }
  }
}

package dev.papergraph.analysis;

import dev.ludovic.netlib.arpack.ARPACK;
import dev.ludovic.netlib.arpack.JavaARPACK;
import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Eigenvector centrality of the weighted adjacency matrix A: the principal eigenvector, normalised
 * to unit Euclidean length, non-negative. The result is the limit of networkx's {@code
 * eigenvector_centrality(G, weight="weight")} (power iteration on {@code A + I} from the uniform
 * vector), computed the way igraph's {@code eigenvector_centrality} and networkx's {@code
 * eigenvector_centrality_numpy} (scipy's {@code eigsh}) compute it: by ARPACK's implicitly
 * restarted Lanczos method (Lehoucq, Sorensen and Yang 1998, "ARPACK Users' Guide", SIAM), here its
 * pure-Java translation ({@code dev.ludovic.netlib:arpack}), to machine precision.
 *
 * <p>Why not the power iteration itself: on a similarity graph of nearly separate communities the
 * second eigenvalue is close to the first, and the power iteration converges with their ratio (at
 * the 74,728 arXiv papers' graph, 0.9991 per iteration: 21,000 iterations to networkx's tolerance
 * of {@code n · 1e-13}, and still 3·10⁻⁷ from the eigenvector), where Lanczos needs about a hundred
 * products with A (see docs/BENCHMARKS.md §4, session 4).
 *
 * <p>Each connected component is solved on its own: the principal eigenvalue of a connected
 * component is simple (Perron-Frobenius), so each solve is well posed. The components whose
 * eigenvalue is the largest of the graph (equal to a relative {@code 1e-10}: identical components)
 * share the result in proportion to the uniform start's projection on their eigenvector, which is
 * what the power iteration converges to; every other component scores 0 (the power iteration's
 * values there decay towards 0 geometrically). A graph without edges scores {@code 1/√n}
 * everywhere, as networkx gives.
 *
 * <p>Cost: about a hundred products {@code Ax} ({@code O(m)} each) plus ARPACK's {@code O(n · ncv)}
 * orthogonalisation per restart, {@code ncv} = {@link #LANCZOS_VECTORS}.
 */
public final class EigenvectorScores {

  /**
   * Default tolerance: 0, ARPACK's machine precision (the relative residual {@code ‖Ax − λx‖ ≤ ε
   * |λ|}), the default of scipy's {@code eigsh} and of igraph.
   */
  public static final double TOLERANCE_DEFAULT = 0;

  /** Default maximum number of ARPACK restarts (Lanczos iterations of {@code ncv} vectors). */
  public static final int MAX_ITERATIONS_DEFAULT = 10_000;

  /** Lanczos vectors ARPACK keeps (its {@code ncv}), or the component's size if smaller. */
  static final int LANCZOS_VECTORS = 20;

  /** Components whose principal eigenvalues differ by at most this, relatively, are equal. */
  static final double SAME_EIGENVALUE = 1e-10;

  /**
   * Adjacency entries (twice the edges) below which a product runs on one thread: a smaller product
   * takes less time than starting the threads for it.
   */
  static final int PARALLEL_MIN_ENTRIES = 1 << 16;

  /** The pure-Java ARPACK keeps its state in static fields: one solve at a time. */
  private static final Object ARPACK_LOCK = new Object();

  /**
   * netlib's loader logs a java.util.logging warning to stderr when it finds no native ARPACK for
   * the platform; the pure-Java one is the one used here, so that line would only break a build's
   * one-line messages. Held here: java.util.logging keeps its loggers weakly.
   */
  private static final Logger NETLIB_LOADER = quiet("dev.ludovic.netlib.arpack.InstanceBuilder");

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.OFF);
    return logger;
  }

  private EigenvectorScores() {}

  /**
   * The scores by vertex index, on one thread; see {@link #of(IndexedGraph, double, int, int)}.
   *
   * @throws IllegalStateException if ARPACK fails or does not converge in {@code maxIterations}
   */
  public static double[] of(IndexedGraph<?> graph, double tolerance, int maxIterations) {
    return of(graph, tolerance, maxIterations, 1);
  }

  /**
   * The scores by vertex index, each product {@code Ax} computed on at most {@code threads} threads
   * (the same values, to the last bit, on any number of threads); all 0 for an empty graph.
   *
   * @param tolerance ARPACK's relative residual, 0 for machine precision
   * @param maxIterations ARPACK's maximum number of restarts per component
   * @throws IllegalStateException if ARPACK fails or does not converge in {@code maxIterations}
   * @throws IllegalArgumentException if threads or maxIterations is below 1, or tolerance negative
   */
  public static double[] of(
      IndexedGraph<?> graph, double tolerance, int maxIterations, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maximum iterations must be positive: " + maxIterations);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance cannot be negative: " + tolerance);
    }
    return new Algorithm(graph, tolerance, maxIterations, threads).run();
  }

  private static final class Algorithm {
    private final IndexedGraph<?> graph;
    private final double tolerance;
    private final int maxIterations;
    private final int threads;
    private final int n;

    Algorithm(IndexedGraph<?> graph, double tolerance, int maxIterations, int threads) {
      this.graph = graph;
      this.tolerance = tolerance;
      this.maxIterations = maxIterations;
      this.threads = threads;
      this.n = graph.size();
    }

    double[] run() {
      double[] x = new double[n];
      if (n == 0) return x;
      // the vertices of each component in increasing order: order[start[c] .. start[c + 1])
      int[] component = graph.components();
      int components = 0;
      for (int c : component) components = Math.max(components, c + 1);
      int[] start = new int[components + 1];
      for (int c : component) start[c + 1]++;
      for (int c = 0; c < components; c++) start[c + 1] += start[c];
      int[] order = new int[n];
      int[] fill = Arrays.copyOf(start, components);
      for (int v = 0; v < n; v++) order[fill[component[v]]++] = v;
      // each vertex's position within its component
      int[] local = new int[n];
      for (int c = 0; c < components; c++) {
        for (int i = start[c]; i < start[c + 1]; i++) local[order[i]] = i - start[c];
      }
      // the principal eigenpair of each component; x holds each component's unit eigenvector
      double[] lambda = new double[components];
      double max = 0;
      for (int c = 0; c < components; c++) {
        lambda[c] = principal(order, start[c], start[c + 1], local, x);
        max = Math.max(max, lambda[c]);
      }
      // the uniform start's projection on each leading component's eigenvector, then normalised
      double norm = 0;
      for (int c = 0; c < components; c++) {
        boolean leading = lambda[c] >= max - SAME_EIGENVALUE * max;
        double projection = 0;
        for (int i = start[c]; i < start[c + 1]; i++) projection += x[order[i]];
        for (int i = start[c]; i < start[c + 1]; i++) {
          int v = order[i];
          x[v] = leading ? x[v] * projection : 0;
          norm += x[v] * x[v];
        }
      }
      norm = Math.sqrt(norm);
      for (int v = 0; v < n; v++) x[v] /= norm;
      return x;
    }

    /**
     * Writes the unit principal eigenvector, non-negative, of the component {@code order[from ..
     * to)} (its vertices in increasing order, {@code local} their positions in it) into {@code x}
     * at its vertices and returns its eigenvalue.
     */
    private double principal(int[] order, int from, int to, int[] local, double[] x) {
      int size = to - from;
      int[] first = graph.first();
      int[] nb = graph.neighbour();
      double[] w = graph.weight();
      if (size == 1) {
        x[order[from]] = 1;
        return 0;
      }
      if (size == 2) {
        x[order[from]] = x[order[from + 1]] = Math.sqrt(0.5);
        return w[first[order[from]]];
      }
      long entries = 0;
      for (int i = from; i < to; i++) entries += first[order[i] + 1] - first[order[i]];
      int workers = entries >= PARALLEL_MIN_ENTRIES ? threads : 1;
      int ncv = Math.min(size, LANCZOS_VECTORS);
      intW ido = new intW(0);
      intW info = new intW(1); // 1: resid holds the start vector
      doubleW tol = new doubleW(tolerance);
      double[] resid = new double[size];
      Arrays.fill(resid, 1 / Math.sqrt(size));
      double[] v = new double[size * ncv];
      int[] iparam = new int[11];
      iparam[0] = 1; // exact shifts
      iparam[2] = maxIterations;
      iparam[6] = 1; // mode 1: the standard problem A x = λ x
      int[] ipntr = new int[11];
      double[] workd = new double[3 * size];
      int lworkl = ncv * (ncv + 8);
      double[] workl = new double[lworkl];
      double[] value = new double[1];
      double[] vector = new double[size];
      synchronized (ARPACK_LOCK) {
        ARPACK arpack = JavaARPACK.getInstance();
        while (true) {
          arpack.dsaupd(
              ido, "I", size, "LA", 1, tol, resid, ncv, v, size, iparam, ipntr, workd, workl,
              lworkl, info);
          if (ido.val != 1 && ido.val != -1) break;
          // workd[out] = A workd[in]; each row's neighbours (all in the component) in increasing
          // index, so the sums do not depend on the thread count
          int in = ipntr[0] - 1;
          int out = ipntr[1] - 1;
          Parallel.forEach(
              workers,
              size,
              i -> {
                int u = order[from + i];
                double s = 0;
                for (int k = first[u]; k < first[u + 1]; k++) {
                  s += workd[in + local[nb[k]]] * w[k];
                }
                workd[out + i] = s;
              });
        }
        if (info.val == 1) {
          throw new IllegalStateException(
              "eigenvector centrality did not converge in " + maxIterations + " ARPACK restarts");
        }
        if (info.val != 0) {
          throw new IllegalStateException("ARPACK dsaupd failed with info " + info.val);
        }
        intW ierr = new intW(0);
        arpack.dseupd(
            true,
            "A",
            new boolean[ncv],
            value,
            vector,
            size,
            0,
            "I",
            size,
            "LA",
            new intW(1),
            tol.val,
            resid,
            ncv,
            v,
            size,
            iparam,
            ipntr,
            workd,
            workl,
            lworkl,
            ierr);
        if (ierr.val != 0) {
          throw new IllegalStateException("ARPACK dseupd failed with info " + ierr.val);
        }
      }
      // the Perron vector is of one sign; rounding can leave entries of the other at about 1e-17
      double sum = 0;
      for (double e : vector) sum += e;
      double sign = sum < 0 ? -1 : 1;
      double norm = 0;
      for (int i = 0; i < size; i++) {
        vector[i] = Math.max(0, sign * vector[i]);
        norm += vector[i] * vector[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < size; i++) x[order[from + i]] = vector[i] / norm;
      return value[0];
    }
  }
}

package dev.papergraph.analysis;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import java.util.Arrays;

/**
 * Eigenvector centrality of the weighted adjacency matrix A by power iteration on {@code A + I}
 * from the uniform vector, normalised to unit Euclidean length, stopping when the L1 change is
 * below {@code n · tolerance}: the procedure and result of networkx's {@code
 * eigenvector_centrality(G, weight="weight")}. The shift by I keeps the iteration convergent on
 * bipartite components (stars, trees, pairs), common in nearest-neighbour graphs, where plain power
 * iteration on A (JGraphT's {@code EigenvectorCentrality}) oscillates. The converged vector is the
 * principal eigenvector of A. Cost {@code O(m)} per iteration.
 */
public final class EigenvectorScores {

  /** Default tolerance per vertex. */
  public static final double TOLERANCE_DEFAULT = 1e-13;

  /** Default maximum number of iterations. */
  public static final int MAX_ITERATIONS_DEFAULT = 100_000;

  /**
   * Adjacency entries (twice the edges) below which a product runs on one thread: a smaller product
   * takes less time than starting the threads for it.
   */
  static final int PARALLEL_MIN_ENTRIES = 1 << 16;

  private EigenvectorScores() {}

  /**
   * The scores by vertex index; all 0 for an empty graph.
   *
   * @throws IllegalStateException if the iteration does not converge in {@code maxIterations}
   */
  public static double[] of(IndexedGraph<?> graph, double tolerance, int maxIterations) {
    return of(graph, tolerance, maxIterations, 1);
  }

  /**
   * The scores by vertex index, each product {@code (A + I)x} computed on at most {@code threads}
   * threads; the same values, to the last bit, on any number of threads.
   *
   * @throws IllegalStateException if the iteration does not converge in {@code maxIterations}
   * @throws IllegalArgumentException if threads is below 1
   */
  public static double[] of(
      IndexedGraph<?> graph, double tolerance, int maxIterations, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    int n = graph.size();
    if (n == 0) return new double[0];
    int[] first = graph.first();
    int[] nb = graph.neighbour();
    double[] w = graph.weight();
    int workers = nb.length >= PARALLEL_MIN_ENTRIES ? threads : 1;
    double[] x = new double[n];
    double[] last = new double[n];
    Arrays.fill(x, 1.0 / n);
    for (int it = 0; it < maxIterations; it++) {
      double[] t = last;
      last = x;
      x = t;
      // x[u] = last[u] + sum over neighbours v of last[v] * w(u, v), the neighbours in increasing
      // index: each sum in the same order as a scatter over v = 0..n-1 would add it, so the result
      // does not depend on how the vertices are split over threads
      final double[] in = last;
      final double[] out = x;
      Parallel.forEach(
          workers,
          n,
          u -> {
            double s = in[u];
            for (int k = first[u]; k < first[u + 1]; k++) {
              s += in[nb[k]] * w[k];
            }
            out[u] = s;
          });
      double norm = 0;
      for (double value : x) norm += value * value;
      norm = Math.sqrt(norm);
      if (norm == 0) norm = 1;
      double change = 0;
      for (int v = 0; v < n; v++) {
        x[v] /= norm;
        change += Math.abs(x[v] - last[v]);
      }
      if (change < n * tolerance) {
        return x;
      }
    }
    throw new IllegalStateException(
        "eigenvector centrality did not converge in " + maxIterations + " iterations");
  }
}

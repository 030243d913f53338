package dev.papergraph.analysis;

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

  private EigenvectorScores() {}

  /**
   * The scores by vertex index; all 0 for an empty graph.
   *
   * @throws IllegalStateException if the iteration does not converge in {@code maxIterations}
   */
  public static double[] of(IndexedGraph<?> graph, double tolerance, int maxIterations) {
    int n = graph.size();
    if (n == 0) return new double[0];
    int[] first = graph.first();
    int[] nb = graph.neighbour();
    double[] w = graph.weight();
    double[] x = new double[n];
    double[] last = new double[n];
    Arrays.fill(x, 1.0 / n);
    for (int it = 0; it < maxIterations; it++) {
      double[] t = last;
      last = x;
      x = t;
      System.arraycopy(last, 0, x, 0, n);
      for (int v = 0; v < n; v++) {
        for (int k = first[v]; k < first[v + 1]; k++) {
          x[nb[k]] += last[v] * w[k];
        }
      }
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

package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;

/**
 * Modularity of a partition, computed from its definition (Newman 2004, weighted): {@code Q = Σ_c
 * [w_c / W - γ (K_c / 2W)²]}, where {@code W} is the total edge weight, {@code w_c} the weight of
 * the edges inside community c and {@code K_c} the sum of the strengths of its vertices. With γ = 1
 * this is the value networkx ({@code modularity(G, communities, weight="weight")}) and igraph
 * report. It is independent of the optimiser, which works with its own scaled quality. Cost {@code
 * O(n + m)}.
 */
public final class Modularity {

  private Modularity() {}

  /**
   * The modularity of a partition.
   *
   * @param graph the graph
   * @param membership community of each vertex index, values in {@code [0, n)}
   * @param resolution γ, 1 for standard modularity
   * @return Q; 0 for a graph without edge weight (modularity is undefined there)
   * @throws IllegalArgumentException if membership has the wrong length or a community is out of
   *     range
   */
  public static double of(IndexedGraph<?> graph, int[] membership, double resolution) {
    int n = graph.size();
    if (membership.length != n) {
      throw new IllegalArgumentException(
          "membership has " + membership.length + " entries for " + n + " vertices");
    }
    int[] first = graph.first();
    int[] nb = graph.neighbour();
    double[] w = graph.weight();
    double[] inside = new double[n];
    double[] strength = new double[n];
    double total2 = 0; // 2W: every edge is stored twice
    for (int i = 0; i < n; i++) {
      int c = membership[i];
      if (c < 0 || c >= n) {
        throw new IllegalArgumentException(
            "community " + c + " of vertex " + i + " is out of range");
      }
      for (int k = first[i]; k < first[i + 1]; k++) {
        total2 += w[k];
        strength[c] += w[k];
        if (membership[nb[k]] == c) {
          inside[c] += w[k]; // counted from both ends: 2 w_c
        }
      }
    }
    if (total2 == 0) {
      return 0;
    }
    double q = 0;
    for (int c = 0; c < n; c++) {
      if (strength[c] > 0) {
        double k = strength[c] / total2;
        q += inside[c] / total2 - resolution * k * k;
      }
    }
    return q;
  }
}

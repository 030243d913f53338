package dev.papergraph.layout;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;

/**
 * Computes the layout of a paper graph: ForceAtlas2 ({@link ForceAtlas2}) over the similarity
 * graph, edge weight = similarity score. Deterministic: the same graph, groups and seed give the
 * same positions, bit for bit.
 *
 * <p>Takes the community of each paper as a plain map rather than {@code analysis.Communities}: the
 * start needs a grouping only, from the partition or from anywhere else.
 */
public final class Layouts {

  private Layouts() {}

  /**
   * The layout with default options for the graph's size.
   *
   * @param graph the papers and their similarity edges
   * @param groups community number of each paper id (e.g. {@code communities.membership()}), used
   *     to start each community near its own centre so that the layout settles faster; {@code null}
   *     or empty for a plain random start
   * @param seed the seed of the random start
   */
  public static Layout compute(PaperGraph graph, Map<String, Integer> groups, long seed) {
    return compute(
        graph, groups, ForceAtlas2.Options.defaults(seed, graph.similarity().vertexSet().size()));
  }

  /** The layout with these options; see {@link #compute(PaperGraph, Map, long)}. */
  public static Layout compute(
      PaperGraph graph, Map<String, Integer> groups, ForceAtlas2.Options options) {
    Graph<String, SimilarityEdge> g = graph.similarity();
    List<String> ids = new ArrayList<>(graph.papers().keySet());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int n = ids.size();
    int[] first = new int[n + 1];
    for (int i = 0; i < n; i++) {
      first[i + 1] = first[i] + g.degreeOf(ids.get(i));
    }
    int[] neighbours = new int[first[n]];
    double[] weights = new double[first[n]];
    int[] fill = first.clone();
    // Edges in sorted (first, second) order so that the arrays do not depend on set iteration
    // order.
    List<SimilarityEdge> edges = new ArrayList<>(g.edgeSet());
    edges.sort(
        (a, b) -> {
          int c = a.first().compareTo(b.first());
          return c != 0 ? c : a.second().compareTo(b.second());
        });
    for (SimilarityEdge e : edges) {
      int a = index.get(e.first());
      int b = index.get(e.second());
      double w = g.getEdgeWeight(e);
      neighbours[fill[a]] = b;
      weights[fill[a]++] = w;
      neighbours[fill[b]] = a;
      weights[fill[b]++] = w;
    }
    double[][] start =
        groups == null || groups.isEmpty() ? null : groupedStart(ids, groups, options.seed());
    double[][] xy = new ForceAtlas2(first, neighbours, weights, start, options).positions();
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      positions.put(ids.get(i), new Layout.Point(xy[0][i], xy[1][i]));
    }
    return new Layout(positions);
  }

  // Communities start on a spiral of centres (largest first), papers scattered around their centre.
  private static double[][] groupedStart(List<String> ids, Map<String, Integer> groups, long seed) {
    Random random = new Random(seed);
    int n = ids.size();
    double spread = 10 * Math.sqrt(Math.max(1, n));
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Integer c = groups.get(ids.get(i));
      double px = (random.nextDouble() - 0.5) * spread * 0.3;
      double py = (random.nextDouble() - 0.5) * spread * 0.3;
      if (c != null) {
        double angle = c * 2.399963229728653; // golden angle
        double radius = spread * 0.5 * Math.sqrt((c + 1.0) / (c + 2.0));
        px += radius * Math.cos(angle);
        py += radius * Math.sin(angle);
      } else {
        px *= 3;
        py *= 3;
      }
      x[i] = px;
      y[i] = py;
    }
    return new double[][] {x, y};
  }
}

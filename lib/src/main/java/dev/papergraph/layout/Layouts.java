package dev.papergraph.layout;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongConsumer;
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
    return compute(graph, groups, options, iterations -> {});
  }

  /**
   * The layout with these options, reporting each ForceAtlas2 iteration done ({@link
   * ForceAtlas2.Options#iterations()} in all); see {@link #compute(PaperGraph, Map, long)}.
   */
  public static Layout compute(
      PaperGraph graph,
      Map<String, Integer> groups,
      ForceAtlas2.Options options,
      LongConsumer iterationsDone) {
    Graph<String, SimilarityEdge> g = graph.similarity();
    // Edges in sorted (first, second) order so that the arrays do not depend on set iteration
    // order.
    List<SimilarityEdge> edges = new ArrayList<>(g.edgeSet());
    edges.sort(
        (a, b) -> {
          int c = a.first().compareTo(b.first());
          return c != 0 ? c : a.second().compareTo(b.second());
        });
    return compute(
        new ArrayList<>(graph.papers().keySet()),
        edges.size(),
        e -> edges.get(e).first(),
        e -> edges.get(e).second(),
        e -> g.getEdgeWeight(edges.get(e)),
        groups,
        options,
        iterationsDone);
  }

  /**
   * The layout of the graph that {@code PaperGraph.of(papers, links)} would build, straight from
   * the links (a build lays out its links without building that graph), reporting each ForceAtlas2
   * iteration done: the same positions as {@link #compute(PaperGraph, Map, ForceAtlas2.Options,
   * LongConsumer)} of that graph.
   *
   * @param ids the papers' ids, in corpus order
   * @param links distinct pairs, both ends among the ids, the edge weight the explanation's score;
   *     the similarity engines give them ordered by first, then second id, the order the layout
   *     reads them in (links in any other order are sorted first)
   */
  public static Layout compute(
      List<String> ids,
      List<Link> links,
      Map<String, Integer> groups,
      ForceAtlas2.Options options,
      LongConsumer iterationsDone) {
    Comparator<Link> order = Comparator.comparing(Link::a).thenComparing(Link::b);
    List<Link> edges = links;
    for (int e = 1; e < links.size() && edges == links; e++) {
      if (order.compare(links.get(e - 1), links.get(e)) > 0) {
        edges = new ArrayList<>(links);
        edges.sort(order);
      }
    }
    List<Link> sorted = edges;
    return compute(
        ids,
        sorted.size(),
        e -> sorted.get(e).a(),
        e -> sorted.get(e).b(),
        e -> sorted.get(e).explanation().score(),
        groups,
        options,
        iterationsDone);
  }

  /** The layout of edges {@code first(e) -- second(e)}, in that order, {@code m} in all. */
  private static Layout compute(
      List<String> ids,
      int m,
      IntFunction<String> firstOf,
      IntFunction<String> secondOf,
      IntToDoubleFunction weightOf,
      Map<String, Integer> groups,
      ForceAtlas2.Options options,
      LongConsumer iterationsDone) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int n = ids.size();
    int[] a = new int[m];
    int[] b = new int[m];
    int[] first = new int[n + 1];
    for (int e = 0; e < m; e++) {
      a[e] = index.get(firstOf.apply(e));
      b[e] = index.get(secondOf.apply(e));
      first[a[e] + 1]++;
      first[b[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      first[i + 1] += first[i];
    }
    int[] neighbours = new int[first[n]];
    double[] weights = new double[first[n]];
    int[] fill = first.clone();
    for (int e = 0; e < m; e++) {
      double w = weightOf.applyAsDouble(e);
      neighbours[fill[a[e]]] = b[e];
      weights[fill[a[e]]++] = w;
      neighbours[fill[b[e]]] = a[e];
      weights[fill[b[e]]++] = w;
    }
    double[][] start =
        groups == null || groups.isEmpty() ? null : groupedStart(ids, groups, options.seed());
    double[][] xy =
        new ForceAtlas2(first, neighbours, weights, start, options).positions(iterationsDone);
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

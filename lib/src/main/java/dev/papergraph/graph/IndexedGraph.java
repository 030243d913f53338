package dev.papergraph.graph;

import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;

/**
 * A weighted undirected graph in flat arrays (compressed sparse rows), the form the analysis
 * algorithms run on: vertex {@code i} has neighbours {@code neighbour[first[i]] ..
 * neighbour[first[i + 1] - 1]}, sorted by index, with weights in {@code weight} at the same
 * positions. Every edge appears twice, once from each end.
 *
 * <p>Vertex indices follow the source graph's vertex iteration order, which for {@link PaperGraph}
 * is corpus order; the arrays are therefore the same on every run. Built once, immutable by
 * convention (the arrays are shared, not copied: do not write to them).
 *
 * @param <V> the vertex type
 */
public final class IndexedGraph<V> {

  private final List<V> vertices;
  private final Map<V, Integer> index;
  private final int[] first;
  private final int[] neighbour;
  private final double[] weight;

  private IndexedGraph(
      List<V> vertices, Map<V, Integer> index, int[] first, int[] neighbour, double[] weight) {
    this.vertices = vertices;
    this.index = index;
    this.first = first;
    this.neighbour = neighbour;
    this.weight = weight;
  }

  /**
   * Indexes an undirected weighted graph. Cost {@code O(n + m log d)}.
   *
   * @throws IllegalArgumentException if the graph is directed, has a self-loop, or an edge weight
   *     that is negative or not finite
   */
  public static <V, E> IndexedGraph<V> of(Graph<V, E> graph) {
    if (graph.getType().isDirected()) {
      throw new IllegalArgumentException("the analysis needs an undirected graph");
    }
    int n = graph.vertexSet().size();
    List<V> vertices = new ArrayList<>(n);
    Map<V, Integer> index = new HashMap<>(n * 2);
    for (V v : graph.vertexSet()) {
      index.put(v, vertices.size());
      vertices.add(v);
    }
    int m = graph.edgeSet().size();
    int[] ends = new int[2 * m];
    double[] weights = new double[m];
    int e = 0;
    for (E edge : graph.edgeSet()) {
      ends[2 * e] = index.get(graph.getEdgeSource(edge));
      ends[2 * e + 1] = index.get(graph.getEdgeTarget(edge));
      weights[e] = graph.getEdgeWeight(edge);
      if (ends[2 * e] == ends[2 * e + 1]) {
        throw new IllegalArgumentException(
            "self-loop on " + vertices.get(ends[2 * e]) + ": the analysis needs a simple graph");
      }
      if (!(weights[e] >= 0) || Double.isInfinite(weights[e])) {
        throw new IllegalArgumentException(
            "edge weight must be finite and non-negative: " + edge + " has " + weights[e]);
      }
      e++;
    }
    return of(vertices, index, ends, weights);
  }

  /**
   * The similarity graph that {@link PaperGraph#of} would build of these papers and links, indexed
   * as {@link #of(PaperGraph)} indexes it (vertices in the papers' order), without building the
   * JGraphT graphs: what the analysis reads of a build's graph. Cost {@code O(n + m log d)}.
   *
   * @param ids the papers' ids, in corpus order
   * @param links distinct pairs, both ends among the ids; the weight is the explanation's score
   * @throws IllegalArgumentException if two papers share an id, a link names an unknown paper, two
   *     links join the same pair, or a score is negative or not finite
   */
  public static IndexedGraph<String> of(List<String> ids, List<Link> links) {
    List<String> vertices = List.copyOf(ids);
    Map<String, Integer> index = index(vertices);
    int m = links.size();
    int[] ends = new int[2 * m];
    // links come sorted by their first end, whose id is then one String for a run of links: its
    // index is looked up once a run
    String lastA = null;
    Integer a = null;
    for (int e = 0; e < m; e++) {
      Link l = links.get(e);
      if (l.a() != lastA) {
        lastA = l.a();
        a = index.get(lastA);
      }
      Integer b = index.get(l.b());
      if (a == null || b == null) {
        throw new IllegalArgumentException(
            "link to a paper outside the corpus: " + l.a() + " -- " + l.b());
      }
      ends[2 * e] = a;
      ends[2 * e + 1] = b;
    }
    return of(vertices, index, links, ends);
  }

  /**
   * {@link #of(List, List)} of links whose ends' positions among the ids are known (as the
   * similarity engine knows them, {@code PaperSimilarity.linkEnds()}): no id is looked up, each is
   * compared with the id at its position, which is the same String when both come from the same
   * papers. Cost {@code O(n + m log d)}.
   *
   * @param ends link e joins the ids at {@code ends[2e]} (its first end) and {@code ends[2e + 1]}
   * @throws IllegalArgumentException as {@link #of(List, List)}, and if {@code ends} does not give
   *     the links' ends
   */
  public static IndexedGraph<String> of(List<String> ids, List<Link> links, int[] ends) {
    List<String> vertices = List.copyOf(ids);
    Map<String, Integer> index = index(vertices);
    int n = vertices.size();
    if (ends.length != 2 * links.size()) {
      throw new IllegalArgumentException(
          ends.length + " link ends given for " + links.size() + " links");
    }
    for (int e = 0; e < links.size(); e++) {
      Link l = links.get(e);
      int a = ends[2 * e], b = ends[2 * e + 1];
      if (a < 0 || a >= n || b < 0 || b >= n) {
        throw new IllegalArgumentException(
            "link to a paper outside the corpus: " + l.a() + " -- " + l.b());
      }
      if (!vertices.get(a).equals(l.a()) || !vertices.get(b).equals(l.b())) {
        throw new IllegalArgumentException(
            "the ends given for " + l.a() + " -- " + l.b() + " are other papers");
      }
    }
    return of(vertices, index, links, ends);
  }

  /** Each id's position; the ids must be distinct. */
  private static Map<String, Integer> index(List<String> vertices) {
    int n = vertices.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      if (index.put(vertices.get(i), i) != null) {
        throw new IllegalArgumentException("two papers share the id " + vertices.get(i));
      }
    }
    return index;
  }

  /** The graph of the links with ends {@code ends}, checked for weights and repeated pairs. */
  private static IndexedGraph<String> of(
      List<String> vertices, Map<String, Integer> index, List<Link> links, int[] ends) {
    int n = vertices.size();
    int m = links.size();
    double[] weights = new double[m];
    for (int e = 0; e < m; e++) {
      weights[e] = links.get(e).explanation().score();
      if (!(weights[e] >= 0) || Double.isInfinite(weights[e])) {
        throw new IllegalArgumentException(
            "edge weight must be finite and non-negative: " + links.get(e) + " has " + weights[e]);
      }
    }
    IndexedGraph<String> g = of(vertices, index, ends, weights);
    for (int i = 0; i < n; i++) {
      for (int k = g.first[i] + 1; k < g.first[i + 1]; k++) {
        if (g.neighbour[k] == g.neighbour[k - 1]) {
          throw new IllegalArgumentException(
              "two links join " + vertices.get(i) + " and " + vertices.get(g.neighbour[k]));
        }
      }
    }
    return g;
  }

  /** The graph of edges {@code ends[2e] -- ends[2e + 1]} with weights {@code weights[e]}. */
  private static <V> IndexedGraph<V> of(
      List<V> vertices, Map<V, Integer> index, int[] ends, double[] weights) {
    int n = vertices.size();
    int[] first = new int[n + 1];
    for (int k = 0; k < ends.length; k++) {
      first[ends[k] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      first[i + 1] += first[i];
    }
    int[] neighbour = new int[first[n]];
    double[] weight = new double[first[n]];
    int[] fill = Arrays.copyOf(first, n);
    for (int e = 0; e < weights.length; e++) {
      int s = ends[2 * e];
      int t = ends[2 * e + 1];
      double w = weights[e];
      neighbour[fill[s]] = t;
      weight[fill[s]++] = w;
      neighbour[fill[t]] = s;
      weight[fill[t]++] = w;
    }
    // sort each row by neighbour index so that every pass over a row is in a fixed order
    for (int i = 0; i < n; i++) {
      sortRow(neighbour, weight, first[i], first[i + 1]);
    }
    return new IndexedGraph<>(
        Collections.unmodifiableList(vertices), index, first, neighbour, weight);
  }

  private static void sortRow(int[] nb, double[] w, int from, int to) {
    if (to - from > 32) {
      // long rows (hubs): sort (neighbour, position) keys rather than insertion-sorting in
      // O(d^2); the position breaks ties as a stable sort would
      long[] order = new long[to - from];
      for (int i = 0; i < order.length; i++) {
        order[i] = (long) nb[from + i] << 32 | i;
      }
      Arrays.sort(order);
      int[] n2 = new int[order.length];
      double[] w2 = new double[order.length];
      for (int i = 0; i < order.length; i++) {
        int at = from + (int) order[i];
        n2[i] = nb[at];
        w2[i] = w[at];
      }
      System.arraycopy(n2, 0, nb, from, n2.length);
      System.arraycopy(w2, 0, w, from, w2.length);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int kn = nb[i];
      double kw = w[i];
      int j = i - 1;
      while (j >= from && nb[j] > kn) {
        nb[j + 1] = nb[j];
        w[j + 1] = w[j];
        j--;
      }
      nb[j + 1] = kn;
      w[j + 1] = kw;
    }
  }

  /**
   * A graph on the same vertices (in the same order) with other edges, given in this class's flat
   * form; the arrays are taken, not copied. Cost {@code O(n + m)} for the checks.
   *
   * @param first row offsets, length {@code size() + 1}
   * @param neighbour each row's neighbours, sorted, every edge stored from both ends
   * @param weight the weights at the same positions
   * @throws IllegalArgumentException if the arrays do not fit together, a row is not strictly
   *     increasing or holds its own vertex or an index out of range, or a weight is negative or not
   *     finite
   */
  public IndexedGraph<V> withEdges(int[] first, int[] neighbour, double[] weight) {
    int n = size();
    if (first.length != n + 1
        || first[0] != 0
        || first[n] != neighbour.length
        || weight.length != neighbour.length
        || neighbour.length % 2 != 0) {
      throw new IllegalArgumentException("the edge arrays do not fit " + n + " vertices");
    }
    for (int i = 0; i < n; i++) {
      if (first[i + 1] < first[i]) {
        throw new IllegalArgumentException("row offsets decrease at vertex " + i);
      }
      for (int k = first[i]; k < first[i + 1]; k++) {
        int j = neighbour[k];
        if (j < 0 || j >= n || j == i || (k > first[i] && neighbour[k - 1] >= j)) {
          throw new IllegalArgumentException(
              "row " + i + " is not a sorted list of other vertices");
        }
        if (!(weight[k] >= 0) || Double.isInfinite(weight[k])) {
          throw new IllegalArgumentException(
              "edge weight must be finite and non-negative: "
                  + i
                  + " -- "
                  + j
                  + " has "
                  + weight[k]);
        }
      }
    }
    return new IndexedGraph<>(vertices, index, first, neighbour, weight);
  }

  /** Convenience: the similarity graph of a {@link PaperGraph}. */
  public static IndexedGraph<String> of(PaperGraph graph) {
    return of(graph.similarity());
  }

  /** The number of vertices. */
  public int size() {
    return vertices.size();
  }

  /** The number of undirected edges. */
  public int edgeCount() {
    return neighbour.length / 2;
  }

  /** The vertices by index. */
  public List<V> vertices() {
    return vertices;
  }

  /** The vertex with index {@code i}. */
  public V vertex(int i) {
    return vertices.get(i);
  }

  /** The index of a vertex. */
  public Optional<Integer> indexOf(V v) {
    return Optional.ofNullable(index.get(v));
  }

  /** Row offsets, length {@code size() + 1}. Shared: do not modify. */
  public int[] first() {
    return first;
  }

  /** Neighbour indices, length {@code 2 * edgeCount()}. Shared: do not modify. */
  public int[] neighbour() {
    return neighbour;
  }

  /** Edge weights parallel to {@link #neighbour()}. Shared: do not modify. */
  public double[] weight() {
    return weight;
  }

  /** The number of neighbours of vertex {@code i}. */
  public int degree(int i) {
    return first[i + 1] - first[i];
  }

  /** The sum of the weights of the edges at vertex {@code i}. */
  public double strength(int i) {
    double s = 0;
    for (int k = first[i]; k < first[i + 1]; k++) {
      s += weight[k];
    }
    return s;
  }

  /** The total weight of all edges, each counted once. */
  public double totalWeight() {
    double s = 0;
    for (double w : weight) {
      s += w;
    }
    return s / 2;
  }

  /**
   * The connected component of each vertex, numbered 0, 1, ... in order of their lowest vertex
   * index. Cost {@code O(n + m)}.
   */
  public int[] components() {
    int n = size();
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    int[] queue = new int[n];
    int c = 0;
    for (int s = 0; s < n; s++) {
      if (comp[s] >= 0) continue;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      comp[s] = c;
      while (head < tail) {
        int v = queue[head++];
        for (int k = first[v]; k < first[v + 1]; k++) {
          if (comp[neighbour[k]] < 0) {
            comp[neighbour[k]] = c;
            queue[tail++] = neighbour[k];
          }
        }
      }
      c++;
    }
    return comp;
  }

  /** The subgraph induced by the given vertex indices (in that order), indexed afresh. */
  public IndexedGraph<V> induced(int[] members) {
    int[] local = new int[size()];
    Arrays.fill(local, -1);
    return induced(members, local);
  }

  /**
   * The subgraph induced by the given vertex indices, as {@link #induced(int[])}, with a scratch
   * array of {@code size()} entries, all -1, which is left so: a caller inducing many small
   * subgraphs (one per community) then needs no array of the whole graph's size for each.
   *
   * @throws IllegalArgumentException if the scratch is not {@code size()} long
   */
  public IndexedGraph<V> induced(int[] members, int[] local) {
    if (local.length != size()) {
      throw new IllegalArgumentException(
          "the scratch has " + local.length + " entries for " + size() + " vertices");
    }
    Map<V, Integer> idx = new HashMap<>(members.length * 2);
    List<V> vs = new ArrayList<>(members.length);
    for (int i = 0; i < members.length; i++) {
      local[members[i]] = i;
      vs.add(vertices.get(members[i]));
      idx.put(vertices.get(members[i]), i);
    }
    int[] f = new int[members.length + 1];
    for (int i = 0; i < members.length; i++) {
      int v = members[i];
      int c = 0;
      for (int k = first[v]; k < first[v + 1]; k++) {
        if (local[neighbour[k]] >= 0) c++;
      }
      f[i + 1] = f[i] + c;
    }
    int[] nb = new int[f[members.length]];
    double[] w = new double[nb.length];
    for (int i = 0; i < members.length; i++) {
      int v = members[i];
      int p = f[i];
      for (int k = first[v]; k < first[v + 1]; k++) {
        int u = local[neighbour[k]];
        if (u >= 0) {
          nb[p] = u;
          w[p++] = weight[k];
        }
      }
      sortRow(nb, w, f[i], f[i + 1]);
    }
    for (int v : members) {
      local[v] = -1;
    }
    return new IndexedGraph<>(Collections.unmodifiableList(vs), idx, f, nb, w);
  }
}

package dev.papergraph.analysis;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.jgrapht.alg.scoring.PageRank;

/**
 * Every {@link Measure} of every paper, over the whole graph and within each community. Conventions
 * (the same as networkx 2.8.8, checked against it in the tests):
 *
 * <ul>
 *   <li>PageRank: JGraphT's {@link PageRank} on the weighted graph (its arithmetic over our flat
 *       arrays, see {@link #pageRank}), damping from the options, dangling (isolated) papers' rank
 *       spread uniformly, tolerance 1e-13;
 *   <li>betweenness, closeness, harmonic: {@link PathCentralities}, edge length {@code 1/weight};
 *   <li>degree: the number of neighbours; strength: the sum of edge weights;
 *   <li>eigenvector: {@link EigenvectorScores}.
 * </ul>
 *
 * <p>The path measures are our own rather than JGraphT's {@code BetweennessCentrality}, {@code
 * ClosenessCentrality} and {@code HarmonicCentrality}: those run one boxed Dijkstra per source and
 * per measure, have no sampling for large graphs, and JGraphT's closeness is 0 for every vertex of
 * a disconnected graph, where we need Wasserman-Faust. The tests check ours against JGraphT's
 * (whose normalised undirected betweenness is half networkx's: it halves before dividing by {@code
 * (n-1)(n-2)}). Within-community values are the same measures on the subgraph a community induces
 * (normalisations use the community's size).
 */
public final class CentralityAnalysis {

  /**
   * Communities up to this many papers (and at most the options' exact limit) get exact path
   * measures within them; larger ones are sampled with the options' bound. At 10,000 arXiv papers
   * the 8 communities above 500 papers, sampled (205-271 pivots each), keep Spearman's rho to the
   * exact values at 0.97-0.99 for betweenness and closeness at half the within-community passes'
   * cost.
   */
  static final int WITHIN_EXACT_LIMIT = 500;

  /**
   * The work budget of the path measures over the whole graph (see {@link PathCentralities}):
   * 1.2·10⁸ vertex and edge visits. It leaves graphs of up to about 40,000 papers at the options' ε
   * (10,000 arXiv papers need 272 of the 1,440 pivots it allows) and samples 187 pivots instead of
   * 316 at 74,728 papers (ε 0.195 instead of 0.15): against 2,844 pivots (ε 0.05) betweenness keeps
   * Spearman's rho 0.84 (0.85 at ε 0.15), closeness 0.97-0.99 (0.99), at about 60 % of the passes'
   * cost. The within-community passes keep {@link PathCentralities#PIVOT_WORK_BUDGET}.
   */
  static final long OVERALL_PATH_BUDGET = 120_000_000L;

  private final IndexedGraph<String> graph;
  private final CentralityOptions options;
  private final int threads;
  private final Communities communities;
  private final Future<Overall> overallTask;
  private Result result;

  /** The scores and how the path measures were computed, kept after the first computation. */
  private record Result(Centralities centralities, Map<String, Object> report) {}

  /**
   * The overall scores of a graph whose vertices are paper ids, on every processor.
   *
   * @throws NullPointerException if graph or options is null
   */
  public CentralityAnalysis(IndexedGraph<String> graph, CentralityOptions options) {
    this(graph, options, Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * The overall scores of a graph whose vertices are paper ids and, when communities are given, the
   * scores within each community; the path measures on at most {@code threads} threads (the values
   * do not depend on it). Computed once, on first access; thread-safe.
   *
   * @param communities a partition of the graph's papers, or {@code null} for overall scores only
   * @throws IllegalArgumentException if threads is below 1, or a community member is not in the
   *     graph (on first access)
   * @throws NullPointerException if graph or options is null
   */
  public CentralityAnalysis(
      IndexedGraph<String> graph, CentralityOptions options, int threads, Communities communities) {
    this(graph, options, threads, communities, null);
  }

  /**
   * As {@link #CentralityAnalysis(IndexedGraph, CentralityOptions, int, Communities)}, with the
   * scores over the whole graph computed elsewhere by {@link #overall} (on another thread, while
   * Leiden makes the communities); the first access waits for them. With {@code overall} null they
   * are computed here, on first access.
   */
  CentralityAnalysis(
      IndexedGraph<String> graph,
      CentralityOptions options,
      int threads,
      Communities communities,
      Future<Overall> overall) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.options = Objects.requireNonNull(options, "options");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
    this.communities = communities;
    this.overallTask = overall;
  }

  /** The scores over the whole graph by vertex index, and how their path measures were computed. */
  static final class Overall {
    private final Map<Measure, double[]> values;
    private final PathReport paths = new PathReport();

    private Overall(IndexedGraph<String> graph, CentralityOptions options, int threads) {
      values = measures(graph, options, threads, paths, OVERALL_PATH_BUDGET);
    }
  }

  /**
   * The scores of every paper over the whole graph, which do not depend on the communities, on at
   * most {@code threads} threads (the values do not depend on it).
   */
  static Overall overall(IndexedGraph<String> graph, CentralityOptions options, int threads) {
    return new Overall(graph, options, threads);
  }

  /** The scores over the whole graph and, when communities were given, within each community. */
  public Centralities centralities() {
    return result(papersDone -> {}).centralities();
  }

  /**
   * The scores, as {@link #centralities()}; when they are computed by this call, the papers of each
   * graph scored are reported to {@code papersDone}: every paper once for the whole graph, then
   * (with communities) once more for the scores within its community.
   */
  public Centralities centralities(LongConsumer papersDone) {
    return result(papersDone).centralities();
  }

  /** How the path measures were computed, for the run manifest (mode and number of sources). */
  public Map<String, Object> report() {
    return result(papersDone -> {}).report();
  }

  private synchronized Result result(LongConsumer papersDone) {
    if (result == null) {
      result = compute(papersDone);
    }
    return result;
  }

  private Result compute(LongConsumer papersDone) {
    Overall whole = null;
    if (overallTask == null) {
      whole = overall(graph, options, threads);
      papersDone.accept(graph.size());
    }
    PathReport paths = new PathReport();
    Map<Measure, Map<String, Double>> within = new EnumMap<>(Measure.class);
    if (communities != null) {
      // each paper's score within its community, by graph index (0 outside every community)
      Map<Measure, double[]> byIndex = new EnumMap<>(Measure.class);
      for (Measure m : Measure.values()) byIndex.put(m, new double[graph.size()]);
      long scored = 0;
      // one path work budget for all communities, shared in proportion to their vertices and
      // internal edges, so that the within-community passes cost no more than those over the
      // whole graph however many communities there are
      List<Community> list = communities.communities();
      CentralityOptions withinOptions =
          options.withExactLimit(Math.min(options.exactLimit(), WITHIN_EXACT_LIMIT));
      int[][] members = new int[list.size()][];
      for (int c = 0; c < list.size(); c++) members[c] = indices(list.get(c).members());
      long[] visits = visits(graph, members);
      long allVisits = 0;
      for (long x : visits) allVisits += x;
      int[] local = new int[graph.size()];
      Arrays.fill(local, -1);
      for (int c = 0; c < list.size(); c++) {
        int[] in = members[c];
        IndexedGraph<String> sub = graph.induced(in, local); // its vertex i is the graph's in[i]
        long share =
            Math.max(
                1,
                (long)
                    ((double) PathCentralities.PIVOT_WORK_BUDGET
                        * visits[c]
                        / Math.max(1, allVisits)));
        measures(sub, withinOptions, threads, paths, share)
            .forEach(
                (m, values) -> {
                  double[] all = byIndex.get(m);
                  for (int i = 0; i < in.length; i++) all[in[i]] = values[i];
                });
        papersDone.accept(sub.size());
        scored += sub.size();
      }
      // papers outside every community score 0 within: nothing to compute for them
      if (scored < graph.size()) {
        papersDone.accept(graph.size() - scored);
      }
      // in graph order, like the overall scores
      within = toIds(graph, byIndex);
    }
    if (whole == null) {
      // computed meanwhile on another thread; its papers are reported once it is done
      whole = Parallel.await(overallTask);
      papersDone.accept(graph.size());
    }
    Map<Measure, Map<String, Double>> overall = toIds(graph, whole.values);
    paths.exact &= whole.paths.exact;
    paths.sources += whole.paths.sources;
    paths.epsilon = Math.max(paths.epsilon, whole.paths.epsilon);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("centrality.paths.mode", paths.exact ? "exact" : "sampled");
    report.put("centrality.paths.sources", paths.sources);
    report.put("centrality.paths.epsilon", paths.epsilon);
    return new Result(new Centralities(overall, within), Collections.unmodifiableMap(report));
  }

  /**
   * Twice the vertices and internal edges of each community (2 per vertex, 1 per edge end), the
   * share of the path work budget it gets. A method of its own: its loop over every edge of the
   * graph runs once, and compiled inside {@link #compute} it made the compiler translate that whole
   * large method for it.
   */
  private static long[] visits(IndexedGraph<String> graph, int[][] members) {
    int[] of = new int[graph.size()];
    Arrays.fill(of, -1);
    for (int c = 0; c < members.length; c++) {
      for (int v : members[c]) of[v] = c;
    }
    int[] first = graph.first();
    int[] nb = graph.neighbour();
    long[] visits = new long[members.length];
    for (int v = 0; v < of.length; v++) {
      if (of[v] < 0) continue;
      visits[of[v]] += 2;
      for (int k = first[v]; k < first[v + 1]; k++) {
        if (of[nb[k]] == of[v]) visits[of[v]]++;
      }
    }
    return visits;
  }

  /** The path measures' exactness and sources, summed over the graphs of one computation. */
  private static final class PathReport {
    boolean exact = true;
    int sources;
    double epsilon;
  }

  private int[] indices(List<String> ids) {
    int[] idx = new int[ids.size()];
    for (int i = 0; i < idx.length; i++) {
      String id = ids.get(i);
      idx[i] =
          graph
              .indexOf(id)
              .orElseThrow(
                  () -> new IllegalArgumentException("community member not in graph: " + id));
    }
    return idx;
  }

  private static Map<Measure, double[]> measures(
      IndexedGraph<String> g,
      CentralityOptions options,
      int threads,
      PathReport report,
      long pathBudget) {
    Map<Measure, double[]> out = new EnumMap<>(Measure.class);
    int n = g.size();
    out.put(Measure.PAGERANK, pageRank(g, options.damping()));
    PathCentralities paths = new PathCentralities(g, options, threads, pathBudget);
    out.put(Measure.BETWEENNESS, paths.betweenness());
    out.put(Measure.CLOSENESS, paths.closeness());
    out.put(Measure.HARMONIC, paths.harmonic());
    report.exact &= paths.exact();
    report.sources += paths.sources();
    report.epsilon = Math.max(report.epsilon, paths.epsilon());
    double[] degree = new double[n];
    double[] strength = new double[n];
    for (int v = 0; v < n; v++) {
      degree[v] = g.degree(v);
      strength[v] = g.strength(v);
    }
    out.put(Measure.DEGREE, degree);
    out.put(Measure.STRENGTH, strength);
    out.put(
        Measure.EIGENVECTOR,
        EigenvectorScores.of(
            g,
            EigenvectorScores.TOLERANCE_DEFAULT,
            EigenvectorScores.MAX_ITERATIONS_DEFAULT,
            threads));
    return out;
  }

  /** PageRank's stopping rule, as JGraphT's {@link PageRank} is called with it. */
  static final double PAGERANK_TOLERANCE = 1e-13;

  /** PageRank's iteration cap. */
  static final int PAGERANK_MAX_ITERATIONS = 100_000;

  /**
   * Weighted PageRank over the flat arrays: the power iteration of JGraphT 1.5.3's {@link PageRank}
   * on an undirected weighted graph, operation for operation and in its order (a vertex's in-edges
   * in the order the copy of the graph it was given listed them, which is neighbour order), so the
   * values are the same bit for bit (CentralityAnalysisTest checks it) without building a boxed
   * copy of the graph. Dangling (isolated) vertices spread their rank uniformly. Cost {@code O(n +
   * m)} per iteration.
   */
  static double[] pageRank(IndexedGraph<?> g, double damping) {
    int n = g.size();
    double[] cur = new double[n];
    if (n == 0) return cur;
    int[] first = g.first();
    int[] nb = g.neighbour();
    double[] w = g.weight();
    // each vertex's weight sum, its edges added in neighbour order as JGraphT adds them
    double[] weightSum = new double[n];
    for (int v = 0; v < n; v++) {
      for (int k = first[v]; k < first[v + 1]; k++) weightSum[nb[k]] += w[k];
    }
    double[] next = new double[n];
    Arrays.fill(cur, 1.0d / n);
    double maxChange = PAGERANK_TOLERANCE;
    for (int it = PAGERANK_MAX_ITERATIONS; it > 0 && maxChange >= PAGERANK_TOLERANCE; it--) {
      // the rank teleported to every vertex, dangling vertices' rank included
      double r = 0d;
      for (int v = 0; v < n; v++) {
        r += first[v + 1] > first[v] ? (1d - damping) * cur[v] : cur[v];
      }
      r /= n;
      maxChange = 0d;
      for (int v = 0; v < n; v++) {
        double contribution = 0d;
        for (int k = first[v]; k < first[v + 1]; k++) {
          int u = nb[k];
          contribution += damping * cur[u] * w[k] / weightSum[u];
        }
        double value = r + contribution;
        maxChange = Math.max(maxChange, Math.abs(value - cur[v]));
        next[v] = value;
      }
      double[] t = cur;
      cur = next;
      next = t;
    }
    return cur;
  }

  /** The scores by paper id, each measure's array kept by vertex index ({@link VertexScores}). */
  private static Map<Measure, Map<String, Double>> toIds(
      IndexedGraph<String> g, Map<Measure, double[]> values) {
    Map<Measure, Map<String, Double>> out = new EnumMap<>(Measure.class);
    values.forEach((m, arr) -> out.put(m, new VertexScores(g, arr)));
    return out;
  }
}

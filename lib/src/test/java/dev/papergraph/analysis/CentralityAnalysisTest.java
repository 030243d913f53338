package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class CentralityAnalysisTest {

  /** Reads a reference TSV written by make_reference.py: measure -> vertex -> value. */
  static Map<Measure, Map<String, Double>> reference(String name) {
    Map<Measure, Map<String, Double>> out = new EnumMap<>(Measure.class);
    String[] header = null;
    for (String line : TestGraphs.resource(name).split("\n")) {
      String[] f = line.split("\t");
      if (line.startsWith("# vertex")) {
        header = f;
        continue;
      }
      for (int i = 1; i < f.length; i++) {
        Measure m = Measure.byName(header[i]).orElseThrow();
        out.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(f[0], Double.parseDouble(f[i]));
      }
    }
    return out;
  }

  static void assertMatches(
      Map<Measure, Map<String, Double>> expected,
      Map<Measure, Map<String, Double>> actual,
      String what) {
    assertEquals(Measure.values().length, expected.size(), "reference has every measure");
    for (Measure m : Measure.values()) {
      Map<String, Double> e = expected.get(m);
      assertEquals(e.keySet(), actual.get(m).keySet(), what + " " + m + " vertices");
      for (String v : e.keySet()) {
        assertEquals(e.get(v), actual.get(m).get(v), 1e-6, what + " " + m.key() + " of " + v);
      }
    }
  }

  @Test
  void karateEqualsNetworkx() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("karate.gml"));
    Centralities c = new CentralityAnalysis(g, CentralityOptions.defaults()).centralities();
    assertMatches(reference("karate_reference.tsv"), c.scores(), "karate");
    // the published top betweenness (REFERENCE_VALUES.md): 1 then 34
    assertEquals(List.of("1", "34", "33"), c.ranking(Measure.BETWEENNESS).subList(0, 3));
  }

  @Test
  void karateWithinCommunityEqualsNetworkxOnInducedSubgraphs() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("karate.gml"));
    List<String> low = new ArrayList<>();
    List<String> high = new ArrayList<>();
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (String v : g.vertices()) {
      boolean isLow = Integer.parseInt(v) <= 17;
      (isLow ? low : high).add(v);
      membership.put(v, isLow ? 0 : 1);
    }
    Communities split =
        new Communities(
            membership,
            List.of(
                new Community(0, low, List.of(), List.of()),
                new Community(1, high, List.of(), List.of())),
            0,
            "given",
            1,
            0);
    CentralityAnalysis analysis = new CentralityAnalysis(g, CentralityOptions.defaults(), 2, split);
    Centralities c = analysis.centralities();
    assertMatches(
        reference("karate_split_within_reference.tsv"), c.withinCommunity(), "karate within");
    assertMatches(reference("karate_reference.tsv"), c.scores(), "karate overall");
    // exact: one pass from each vertex with a neighbour, overall and within its half
    int sources = 34;
    for (String v : g.vertices()) {
      int at = g.indexOf(v).orElseThrow();
      for (int k = g.first()[at]; k < g.first()[at + 1]; k++) {
        if (membership.get(g.vertex(g.neighbour()[k])).equals(membership.get(v))) {
          sources++;
          break;
        }
      }
    }
    Map<String, Object> expected =
        Map.of(
            "centrality.paths.mode",
            "exact",
            "centrality.paths.sources",
            sources,
            "centrality.paths.epsilon",
            0.0);
    assertEquals(expected, analysis.report());
    // computed once: asking again neither recomputes nor adds to the report
    assertSame(c, analysis.centralities());
    assertEquals(expected, analysis.report());
  }

  @Test
  void pathMeasuresEqualJGraphTOnWeightedGraph() {
    // dolphins with made-up non-uniform weights, lengths 1/weight on the JGraphT side
    Graph<String, DefaultWeightedEdge> g = TestGraphs.gml("dolphins.gml");
    int i = 0;
    for (DefaultWeightedEdge e : g.edgeSet()) g.setEdgeWeight(e, 0.1 + (i++ % 7) / 7.0);
    Map<DefaultWeightedEdge, Double> lengths = new HashMap<>();
    for (DefaultWeightedEdge e : g.edgeSet()) lengths.put(e, 1.0 / g.getEdgeWeight(e));
    Graph<String, DefaultWeightedEdge> byLength = new AsWeightedGraph<>(g, lengths);
    Map<String, Double> bc = new BetweennessCentrality<>(byLength, true).getScores();
    Map<String, Double> hc = new HarmonicCentrality<>(byLength, false, false).getScores();
    IndexedGraph<String> ig = IndexedGraph.of(g);
    PathCentralities p = new PathCentralities(ig, CentralityOptions.defaults());
    double[] ours = p.betweenness();
    double[] harm = p.harmonic();
    for (int v = 0; v < ig.size(); v++) {
      // JGraphT halves undirected betweenness before normalising by (n-1)(n-2); networkx does not
      assertEquals(2 * bc.get(ig.vertex(v)), ours[v], 1e-9, "betweenness of " + ig.vertex(v));
      assertEquals(hc.get(ig.vertex(v)), harm[v], 1e-9, "harmonic of " + ig.vertex(v));
    }
    assertTrue(p.exact());
    assertEquals(62, p.sources());
  }

  @Test
  void sampledBetweennessStaysWithinItsStatedBound() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("dolphins.gml"));
    double eps = 0.3;
    double delta = 0.1;
    CentralityOptions sampled =
        CentralityOptions.defaults().withExactLimit(10).withBound(eps, delta);
    int k = PathCentralities.pivots(62, eps, delta);
    assertEquals((int) Math.ceil(Math.log(2 * 62 / delta) / (2 * Math.pow(eps * 61 / 62, 2))), k);
    assertTrue(k < 62, "the bound needs fewer pivots than vertices: " + k);
    PathCentralities approx = new PathCentralities(g, sampled);
    double[] exact = new PathCentralities(g, CentralityOptions.defaults()).betweenness();
    double[] est = approx.betweenness();
    assertFalse(approx.exact());
    assertEquals(k, approx.sources());
    double worst = 0;
    for (int v = 0; v < g.size(); v++) worst = Math.max(worst, Math.abs(exact[v] - est[v]));
    assertTrue(worst <= eps, "worst error " + worst);
    assertTrue(worst > 0, "a sample of " + k + " of 62 sources is not exact");
    // the estimator is the exact sum scaled by |C| / k: same seed, same estimate
    assertEquals(
        Arrays.toString(est), Arrays.toString(new PathCentralities(g, sampled).betweenness()));
  }

  @Test
  void reportedEpsilonIsTheBoundThePivotsGuarantee() {
    // the inverse of the pivot count: k pivots for ε guarantee at most ε, and one pivot fewer not
    for (int n : new int[] {62, 20_000, 74_728, 1_000_000}) {
      int k = PathCentralities.pivots(n, 0.1, 0.1);
      assertTrue(PathCentralities.epsilonOf(n, k, 0.1) <= 0.1, "n=" + n);
      assertTrue(PathCentralities.epsilonOf(n, k - 1, 0.1) > 0.1, "n=" + n);
    }
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("dolphins.gml"));
    PathCentralities sampled =
        new PathCentralities(
            g, CentralityOptions.defaults().withExactLimit(10).withBound(0.3, 0.1));
    assertEquals(
        PathCentralities.epsilonOf(62, PathCentralities.pivots(62, 0.3, 0.1), 0.1),
        sampled.epsilon(),
        1e-15);
    assertEquals(0.0, new PathCentralities(g, CentralityOptions.defaults()).epsilon());
  }

  @Test
  void renumberedPassesGiveTheSameValuesBitForBit() {
    // weights from {1, 2, 4} make many paths of exactly equal length, so the heap's ties and the
    // path counts of equal paths are exercised; three components, the largest sampled
    Random random = new Random(7);
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    int n = 3_000;
    for (int v = 0; v < n; v++) g.addVertex("v" + v);
    int[] start = {0, 2_500, 2_900, n};
    for (int c = 0; c < 3; c++) {
      int from = start[c];
      int size = start[c + 1] - from;
      for (int v = from + 1; v < start[c + 1]; v++) {
        link(g, "v" + v, "v" + (from + random.nextInt(v - from)), random);
      }
      for (int e = 0; e < 3 * size; e++) {
        int a = from + random.nextInt(size);
        int b = from + random.nextInt(size);
        if (a != b) link(g, "v" + a, "v" + b, random);
      }
    }
    IndexedGraph<String> ig = IndexedGraph.of(g);
    CentralityOptions options = CentralityOptions.defaults().withExactLimit(1_000);
    PathCentralities plain = new PathCentralities(ig, options, 2, 1_000_000_000L, n + 1);
    PathCentralities renumbered = new PathCentralities(ig, options, 2, 1_000_000_000L, 0);
    assertFalse(plain.exact());
    assertEquals(plain.sources(), renumbered.sources());
    assertTrue(Arrays.equals(plain.betweenness(), renumbered.betweenness()));
    assertTrue(Arrays.equals(plain.closeness(), renumbered.closeness()));
    assertTrue(Arrays.equals(plain.harmonic(), renumbered.harmonic()));
  }

  private static void link(Graph<String, DefaultWeightedEdge> g, String a, String b, Random r) {
    if (g.containsEdge(a, b)) return;
    g.setEdgeWeight(g.addEdge(a, b), 1 << r.nextInt(3));
  }

  @Test
  void aComponentWithinTheExactLimitIsSampledWhenItsExactPassesExceedTheWorkBudget() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("dolphins.gml"));
    long visits = g.size() + g.edgeCount(); // 62 + 159
    CentralityOptions options = CentralityOptions.defaults(); // exact up to 2000 papers
    PathCentralities fits = new PathCentralities(g, options, 1, 62 * visits);
    assertTrue(fits.exact());
    assertEquals(62, fits.sources());
    PathCentralities capped = new PathCentralities(g, options, 1, 20 * visits);
    assertFalse(capped.exact());
    assertEquals(20, capped.sources());
    assertEquals(PathCentralities.epsilonOf(62, 20, options.delta()), capped.epsilon(), 1e-15);
    // below the floor the component still gets MIN_PIVOTS passes
    PathCentralities floor = new PathCentralities(g, options, 1, 1);
    assertEquals(PathCentralities.MIN_PIVOTS, floor.sources());
  }

  @Test
  void isolatedPapersGetZeroPathScoresAndUniformTeleportRank() {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (String v : List.of("a", "b", "c", "z")) g.addVertex(v);
    g.setEdgeWeight(g.addEdge("a", "b"), 0.5);
    g.setEdgeWeight(g.addEdge("b", "c"), 0.25);
    Centralities c =
        new CentralityAnalysis(IndexedGraph.of(g), CentralityOptions.defaults()).centralities();
    assertEquals(0.0, c.score(Measure.BETWEENNESS, "z"));
    assertEquals(0.0, c.score(Measure.CLOSENESS, "z"));
    assertEquals(0.0, c.score(Measure.HARMONIC, "z"));
    // b lies on the only a-c path: 2 ordered pairs / ((n-1)(n-2)) = 2/6
    assertEquals(1.0 / 3, c.score(Measure.BETWEENNESS, "b"), 1e-12);
    // closeness of a: reaches 2 of 3 others, distances 2 and 2+4: (2/8)(2/3)
    assertEquals((2.0 / 8) * (2.0 / 3), c.score(Measure.CLOSENESS, "a"), 1e-12);
    assertEquals(0.75, c.score(Measure.STRENGTH, "b"), 1e-12);
    double sum = 0;
    for (String v : List.of("a", "b", "c", "z")) sum += c.score(Measure.PAGERANK, v);
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void rejectsZeroWeightEdgesForPathMeasures() {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    g.addVertex("a");
    g.addVertex("b");
    g.setEdgeWeight(g.addEdge("a", "b"), 0);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PathCentralities(IndexedGraph.of(g), CentralityOptions.defaults()));
    assertTrue(e.getMessage().contains("positive"));
  }

  /**
   * ARPACK's Lanczos eigenvector is the limit of networkx's power iteration on A + I from the
   * uniform vector (the scatter loop below, run to a change of 1e-15 per vertex): equal within 1e-9
   * on a random weighted graph large enough for the parallel product, and equal to the last bit on
   * one and two threads.
   */
  @Test
  void eigenvectorScoresAreTheLimitOfThePowerIterationOnAnyThreadCount() {
    Random random = new Random(42);
    Graph<String, DefaultWeightedEdge> jg = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    int n = 6000;
    for (int v = 0; v < n; v++) jg.addVertex("v" + v);
    for (int v = 1; v < n; v++) {
      for (int e = 0; e < 8; e++) {
        int u = random.nextInt(v);
        if (!jg.containsEdge("v" + u, "v" + v)) {
          jg.setEdgeWeight(jg.addEdge("v" + u, "v" + v), random.nextDouble());
        }
      }
    }
    IndexedGraph<String> g = IndexedGraph.of(jg);
    assertTrue(g.neighbour().length >= EigenvectorScores.PARALLEL_MIN_ENTRIES, "parallel path");
    double[] one = EigenvectorScores.of(g, 0, 10_000, 1);
    double[] two = EigenvectorScores.of(g, 0, 10_000, 2);
    double[] power = scatterIteration(g, 1e-15);
    for (int v = 0; v < n; v++) {
      assertEquals(power[v], one[v], 1e-9, "v" + v);
      assertEquals(Double.doubleToLongBits(one[v]), Double.doubleToLongBits(two[v]), "v" + v);
    }
  }

  /**
   * On a disconnected graph the power iteration converges to the leading components only, shared in
   * proportion to the uniform start: two identical weighted triangles share the leading eigenvalue
   * (so networkx gives both the same scores), a heavier pair and a path score 0 beside them, an
   * isolated vertex 0; a graph without edges is uniform.
   */
  @Test
  void eigenvectorScoresOfDisconnectedGraphsAreThePowerIterationsLimit() {
    Graph<String, DefaultWeightedEdge> jg = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (String v : List.of("a", "b", "c", "d", "e", "f", "p", "q", "r", "s", "t", "z")) {
      jg.addVertex(v);
    }
    for (String[] t : new String[][] {{"a", "b", "c"}, {"d", "e", "f"}}) {
      jg.setEdgeWeight(jg.addEdge(t[0], t[1]), 0.9);
      jg.setEdgeWeight(jg.addEdge(t[1], t[2]), 0.5);
      jg.setEdgeWeight(jg.addEdge(t[0], t[2]), 0.3);
    }
    jg.setEdgeWeight(jg.addEdge("p", "q"), 0.95);
    jg.setEdgeWeight(jg.addEdge("r", "s"), 0.4);
    jg.setEdgeWeight(jg.addEdge("s", "t"), 0.7);
    IndexedGraph<String> g = IndexedGraph.of(jg);
    double[] ours = EigenvectorScores.of(g, 0, 10_000);
    double[] power = scatterIteration(g, 1e-15);
    for (int v = 0; v < g.size(); v++) {
      assertEquals(power[v], ours[v], 1e-12, g.vertex(v));
    }
    int a = g.indexOf("a").orElseThrow();
    int d = g.indexOf("d").orElseThrow();
    assertEquals(ours[a], ours[d], 1e-15, "identical components share the leading eigenvalue");
    for (String v : List.of("p", "q", "r", "s", "t", "z")) {
      assertEquals(0.0, ours[g.indexOf(v).orElseThrow()], v);
    }
    Graph<String, DefaultWeightedEdge> empty = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (String v : List.of("a", "b", "c", "d")) empty.addVertex(v);
    double[] uniform = EigenvectorScores.of(IndexedGraph.of(empty), 0, 10_000);
    assertEquals("[0.5, 0.5, 0.5, 0.5]", Arrays.toString(uniform));
  }

  /** Power iteration on A + I as networkx writes it: x = last, then x[u] += last[v] w(v, u). */
  private static double[] scatterIteration(IndexedGraph<String> g, double tolerance) {
    int n = g.size();
    double[] x = new double[n];
    Arrays.fill(x, 1.0 / n);
    for (int it = 0; it < 1_000_000; it++) {
      double[] last = x.clone();
      for (int v = 0; v < n; v++) {
        for (int k = g.first()[v]; k < g.first()[v + 1]; k++) {
          x[g.neighbour()[k]] += last[v] * g.weight()[k];
        }
      }
      double norm = 0;
      for (double value : x) norm += value * value;
      norm = Math.sqrt(norm);
      double change = 0;
      for (int v = 0; v < n; v++) {
        x[v] /= norm;
        change += Math.abs(x[v] - last[v]);
      }
      if (change < n * tolerance) {
        return x;
      }
    }
    throw new AssertionError("the power iteration did not converge");
  }

  /** JGraphT's own PageRank over a boxed copy of the graph, as this class called it before. */
  private static double[] jgraphtPageRank(IndexedGraph<?> g, double damping) {
    Graph<Integer, DefaultWeightedEdge> jg = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < g.size(); v++) jg.addVertex(v);
    for (int v = 0; v < g.size(); v++) {
      for (int k = g.first()[v]; k < g.first()[v + 1]; k++) {
        if (g.neighbour()[k] > v) jg.setEdgeWeight(jg.addEdge(v, g.neighbour()[k]), g.weight()[k]);
      }
    }
    Map<Integer, Double> scores =
        new PageRank<>(
                jg,
                damping,
                CentralityAnalysis.PAGERANK_MAX_ITERATIONS,
                CentralityAnalysis.PAGERANK_TOLERANCE)
            .getScores();
    double[] out = new double[g.size()];
    for (int v = 0; v < out.length; v++) out[v] = scores.get(v);
    return out;
  }

  @Test
  void pageRankIsJGraphTsBitForBit() {
    List<IndexedGraph<String>> graphs = new ArrayList<>();
    graphs.add(IndexedGraph.of(TestGraphs.gml("karate.gml")));
    Random random = new Random(7);
    for (int trial = 0; trial < 30; trial++) {
      // sparse and dense random graphs with isolated vertices and uneven weights
      int n = 1 + random.nextInt(300);
      double p = random.nextDouble() * (trial % 3 == 0 ? 0.5 : 0.03);
      Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
      for (int v = 0; v < n; v++) g.addVertex("v" + v);
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          if (random.nextDouble() < p) {
            g.setEdgeWeight(
                g.addEdge("v" + a, "v" + b), 0.001 + random.nextDouble() * random.nextDouble());
          }
        }
      }
      graphs.add(IndexedGraph.of(g));
    }
    for (IndexedGraph<String> g : graphs) {
      for (double damping : new double[] {0.85, 0.5, 0.99}) {
        double[] expected = jgraphtPageRank(g, damping);
        double[] actual = CentralityAnalysis.pageRank(g, damping);
        for (int v = 0; v < expected.length; v++) {
          assertEquals(
              Double.doubleToRawLongBits(expected[v]),
              Double.doubleToRawLongBits(actual[v]),
              "PageRank of vertex " + v + " of " + g.size() + " at damping " + damping);
        }
      }
    }
  }

  @Test
  void pathMeasuresWithinACommunityAboveTheLimitAreSampledWithinTheBound() {
    // one community of 600 papers (a ring with random chords), one of 40 (a ring): only the first
    // is above the within-community limit
    int big = CentralityAnalysis.WITHIN_EXACT_LIMIT + 100;
    int small = 40;
    SimpleWeightedGraph<String, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Random random = new Random(7);
    List<String> bigMembers = new ArrayList<>();
    List<String> smallMembers = new ArrayList<>();
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (int i = 0; i < big + small; i++) {
      String v = "v" + i;
      graph.addVertex(v);
      (i < big ? bigMembers : smallMembers).add(v);
      membership.put(v, i < big ? 0 : 1);
    }
    for (int i = 0; i < big; i++) {
      link(graph, "v" + i, "v" + ((i + 1) % big), 0.2 + random.nextDouble());
      link(graph, "v" + i, "v" + random.nextInt(big), 0.2 + random.nextDouble());
    }
    for (int i = 0; i < small; i++) {
      link(graph, "v" + (big + i), "v" + (big + (i + 1) % small), 0.2 + random.nextDouble());
    }
    link(graph, "v0", "v" + big, 0.5);
    IndexedGraph<String> g = IndexedGraph.of(graph);
    Communities split =
        new Communities(
            membership,
            List.of(
                new Community(0, bigMembers, List.of(), List.of()),
                new Community(1, smallMembers, List.of(), List.of())),
            0,
            "given",
            1,
            0);
    CentralityOptions options = CentralityOptions.defaults();
    CentralityAnalysis analysis = new CentralityAnalysis(g, options, 2, split);
    Map<Measure, Map<String, Double>> within = analysis.centralities().withinCommunity();
    assertEquals("sampled", analysis.report().get("centrality.paths.mode"));

    // the big community: sampled, every betweenness within the bound of the exact value
    IndexedGraph<String> bigGraph = g.induced(indices(g, bigMembers));
    PathCentralities exactBig =
        new PathCentralities(bigGraph, options.withExactLimit(Integer.MAX_VALUE), 1);
    assertTrue(exactBig.exact());
    PathCentralities sampledBig =
        new PathCentralities(
            bigGraph, options.withExactLimit(CentralityAnalysis.WITHIN_EXACT_LIMIT), 1);
    assertFalse(sampledBig.exact(), "a community above the limit is sampled");
    double[] exact = exactBig.betweenness();
    double worst = 0;
    boolean anyDifferent = false;
    for (int i = 0; i < bigGraph.size(); i++) {
      double got = within.get(Measure.BETWEENNESS).get(bigGraph.vertex(i));
      worst = Math.max(worst, Math.abs(got - exact[i]));
      anyDifferent |= got != exact[i];
    }
    assertTrue(anyDifferent, "the big community's values are estimates");
    assertTrue(worst <= options.epsilon(), "worst betweenness error " + worst + " above the bound");

    // the small community: exact, the same values as its induced subgraph's networkx-checked passes
    IndexedGraph<String> smallGraph = g.induced(indices(g, smallMembers));
    PathCentralities exactSmall = new PathCentralities(smallGraph, options, 1);
    assertTrue(exactSmall.exact());
    double[] b = exactSmall.betweenness();
    for (int i = 0; i < smallGraph.size(); i++) {
      assertEquals(b[i], within.get(Measure.BETWEENNESS).get(smallGraph.vertex(i)));
    }
  }

  private static void link(
      SimpleWeightedGraph<String, DefaultWeightedEdge> g, String a, String b, double w) {
    if (!a.equals(b) && !g.containsEdge(a, b)) {
      g.setEdgeWeight(g.addEdge(a, b), w);
    }
  }

  private static int[] indices(IndexedGraph<String> g, List<String> ids) {
    return ids.stream().mapToInt(v -> g.indexOf(v).orElseThrow()).toArray();
  }
}

package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class LeidenCommunitiesTest {

  /** Standard modularity (resolution 1, as the igraph and networkx references), no minimum size. */
  private static final CommunityOptions NO_MIN =
      CommunityOptions.defaults().withResolution(1.0).withMinSize(1, SmallCommunities.MERGE);

  @Test
  void partitionsTheInputGraphAndMeasuresTheOtherOne() {
    // Leiden on karate with every weight 1, modularity of the same vertices with other weights
    IndexedGraph<String> karate = IndexedGraph.of(TestGraphs.gml("karate.gml"));
    double[] other = new double[karate.weight().length];
    for (int i = 0; i < karate.size(); i++) {
      for (int k = karate.first()[i]; k < karate.first()[i + 1]; k++) {
        other[k] = 1 + Math.min(i, karate.neighbour()[k]) % 3;
      }
    }
    IndexedGraph<String> measured =
        karate.withEdges(karate.first().clone(), karate.neighbour().clone(), other);
    Communities alone = new LeidenCommunities(karate, NO_MIN).communities();
    Communities c = new LeidenCommunities(karate, measured, NO_MIN).communities();
    assertEquals(alone.membership(), c.membership(), "the partition is the input's");
    int[] m = new int[karate.size()];
    for (int i = 0; i < m.length; i++) m[i] = c.membership().get(karate.vertex(i));
    assertEquals(Modularity.of(measured, m, 1.0), c.modularity(), 1e-12);
    assertTrue(Math.abs(c.modularity() - alone.modularity()) > 1e-3, "measured on other weights");
    IndexedGraph<String> dolphins = IndexedGraph.of(TestGraphs.gml("dolphins.gml"));
    assertThrows(
        IllegalArgumentException.class, () -> new LeidenCommunities(karate, dolphins, NO_MIN));
  }

  @Test
  void theNetworkOfTheRowsIsTheNetworkOfTheEdgeList() {
    // a weighted graph with an isolated vertex and weights that differ in their last bits
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 60; i++) g.addVertex("v" + i);
    for (int e = 0; e < 240; e++) {
      String a = "v" + random.nextInt(59);
      String b = "v" + random.nextInt(59);
      if (!a.equals(b) && !g.containsEdge(a, b)) {
        g.setEdgeWeight(g.addEdge(a, b), random.nextDouble() / 3);
      }
    }
    IndexedGraph<String> ig = IndexedGraph.of(g);
    for (boolean strengths : new boolean[] {true, false}) {
      // what CWTS's edge-list constructor makes of the edges (i, j), i < j
      int m = ig.edgeCount();
      LargeIntArray[] edges = {new LargeIntArray(m), new LargeIntArray(m)};
      LargeDoubleArray weights = new LargeDoubleArray(m);
      long e = 0;
      for (int i = 0; i < ig.size(); i++) {
        for (int k = ig.first()[i]; k < ig.first()[i + 1]; k++) {
          if (ig.neighbour()[k] > i) {
            edges[0].set(e, i);
            edges[1].set(e, ig.neighbour()[k]);
            weights.set(e++, ig.weight()[k]);
          }
        }
      }
      Network expected = new Network(ig.size(), strengths, edges, weights, false, true);
      Network rows = LeidenCommunities.network(ig, strengths);
      assertArrayEquals(expected.getEdges()[0].toArray(), rows.getEdges()[0].toArray());
      assertArrayEquals(expected.getEdges()[1].toArray(), rows.getEdges()[1].toArray());
      assertArrayEquals(expected.getEdgeWeights().toArray(), rows.getEdgeWeights().toArray());
      assertArrayEquals(expected.getNodeWeights(), rows.getNodeWeights());
      assertEquals(expected.getTotalEdgeWeight(), rows.getTotalEdgeWeight());
      assertEquals(expected.getTotalEdgeWeightSelfLinks(), rows.getTotalEdgeWeightSelfLinks());
    }
  }

  @Test
  void karateReachesIgraphLeidenModularity() {
    Graph<String, DefaultWeightedEdge> g = TestGraphs.gml("karate.gml");
    assertEquals(34, g.vertexSet().size());
    assertEquals(78, g.edgeSet().size());
    Communities c = new LeidenCommunities(g, NO_MIN).communities();
    // igraph Leiden 0.4188 (REFERENCE_VALUES.md), exact optimum 0.4198 in 4 communities
    assertTrue(c.modularity() >= 0.4188, "karate modularity " + c.modularity());
    assertEquals(4, c.communities().size());
  }

  @Test
  void startsAreCappedByTheWorkBudgetOnlyOnLargeGraphs() {
    assertEquals(10, new LeidenCommunities(TestGraphs.gml("karate.gml"), NO_MIN).startsRun());
    // a ring of 20,000 papers each linked to its next 5: 100,000 edges, 300,000 / 100,000 = 3
    IndexedGraph<String> g = ring(20_000);
    assertEquals(100_000, g.edgeCount());
    assertEquals(3, new LeidenCommunities(g, NO_MIN).startsRun());
    assertEquals(2, new LeidenCommunities(g, NO_MIN.withStarts(2)).startsRun());
    // all ten up to 30,000 edges, one above 150,000
    assertEquals(10, new LeidenCommunities(ring(6_000), NO_MIN).startsRun());
    assertEquals(1, new LeidenCommunities(ring(31_000), NO_MIN).startsRun());
  }

  /** A ring of n papers each linked to its next 5: 5n edges. */
  private static IndexedGraph<String> ring(int n) {
    Graph<String, DefaultWeightedEdge> ring = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int i = 0; i < n; i++) ring.addVertex("p" + i);
    for (int i = 0; i < n; i++) {
      for (int j = 1; j <= 5; j++) ring.addEdge("p" + i, "p" + (i + j) % n);
    }
    return IndexedGraph.of(ring);
  }

  @Test
  void dolphinsReachesIgraphLeidenModularity() {
    Graph<String, DefaultWeightedEdge> g = TestGraphs.gml("dolphins.gml");
    assertEquals(62, g.vertexSet().size());
    assertEquals(159, g.edgeSet().size());
    Communities c = new LeidenCommunities(g, NO_MIN).communities();
    assertTrue(c.modularity() >= 0.5177, "dolphins modularity " + c.modularity());
  }

  @Test
  void reportedModularityEqualsJGraphTMeasurer() {
    for (String name : List.of("karate.gml", "dolphins.gml")) {
      Graph<String, DefaultWeightedEdge> g = TestGraphs.gml(name);
      Communities c = new LeidenCommunities(g, NO_MIN).communities();
      List<Set<String>> parts = new ArrayList<>();
      for (Community k : c.communities()) parts.add(new HashSet<>(k.members()));
      double expected = new UndirectedModularityMeasurer<>(g).modularity(parts);
      assertEquals(expected, c.modularity(), 1e-12, name);
    }
  }

  @Test
  void modularityOfFixedSplitEqualsNetworkx() {
    // karate split {1..17} / {18..34}: networkx 2.8.8 modularity, see make_reference.py
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.gml("karate.gml"));
    int[] m = new int[g.size()];
    for (int i = 0; i < g.size(); i++) m[i] = Integer.parseInt(g.vertex(i)) <= 17 ? 0 : 1;
    double expected =
        Double.parseDouble(TestGraphs.resource("karate_split_modularity.txt").strip());
    assertEquals(expected, Modularity.of(g, m, 1.0), 1e-12);
  }

  @Test
  void sameSeedGivesSameCommunities() {
    Graph<String, DefaultWeightedEdge> g = TestGraphs.gml("dolphins.gml");
    CommunityOptions o = NO_MIN.withStarts(1).withSeed(7);
    Communities a = new LeidenCommunities(g, o).communities();
    Communities b = new LeidenCommunities(g, o).communities();
    assertEquals(a.membership(), b.membership());
    assertEquals(a.communities(), b.communities());
    assertEquals(a.modularity(), b.modularity());
  }

  @Test
  void communitiesAreNumberedBySizeWithSortedMembers() {
    Communities c = new LeidenCommunities(TestGraphs.gml("dolphins.gml"), NO_MIN).communities();
    for (int i = 0; i < c.communities().size(); i++) {
      Community k = c.communities().get(i);
      assertEquals(i, k.id());
      if (i > 0) assertTrue(c.communities().get(i - 1).size() >= k.size());
      assertEquals(k.members().stream().sorted().toList(), k.members());
      for (String m : k.members()) assertEquals(i, c.membership().get(m));
    }
  }

  /** Two 4-cliques a, b joined by one edge; a pair {p, q} hanging on a by two edges; z isolated. */
  private static Graph<String, DefaultWeightedEdge> cliquesPairAndIsolated() {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    String[][] cliques = {{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}};
    for (String[] k : cliques) {
      for (String v : k) g.addVertex(v);
      for (int i = 0; i < k.length; i++)
        for (int j = i + 1; j < k.length; j++) g.addEdge(k[i], k[j]);
    }
    g.addEdge("a1", "b1");
    for (String v : List.of("p", "q", "z")) g.addVertex(v);
    g.setEdgeWeight(g.addEdge("p", "q"), 5);
    g.setEdgeWeight(g.addEdge("p", "a2"), 0.2);
    g.setEdgeWeight(g.addEdge("q", "b2"), 0.1);
    return g;
  }

  @Test
  void smallCommunityMergesIntoMostConnectedNeighbourAndIsolatedOneIsMarked() {
    Graph<String, DefaultWeightedEdge> g = cliquesPairAndIsolated();
    Communities without = new LeidenCommunities(g, NO_MIN).communities();
    assertEquals(without.membership().get("p"), without.membership().get("q"));
    assertFalse(
        without.membership().get("p").equals(without.membership().get("a1")),
        "pair is its own community");

    Communities c =
        new LeidenCommunities(g, NO_MIN.withMinSize(3, SmallCommunities.MERGE)).communities();
    assertEquals(
        c.membership().get("a1"), c.membership().get("p"), "pair merged into a (0.2 > 0.1)");
    assertEquals(c.membership().get("a1"), c.membership().get("q"));
    Community z = c.of("z").orElseThrow();
    assertEquals(List.of("z"), z.members());
    assertTrue(z.small(), "an isolated paper cannot merge and is marked");
    assertEquals(3, c.communities().size());
    assertEquals(
        List.of(false, false, true), c.communities().stream().map(Community::small).toList());

    Communities marked =
        new LeidenCommunities(g, NO_MIN.withMinSize(3, SmallCommunities.MARK)).communities();
    assertTrue(marked.of("p").orElseThrow().small());
    assertEquals(List.of("p", "q"), marked.of("p").orElseThrow().members());
  }

  @Test
  void cpmResolutionIsADensityThreshold() {
    Graph<String, DefaultWeightedEdge> g = cliquesPairAndIsolated();
    g.removeVertex("p");
    g.removeVertex("q");
    CommunityOptions cpm = NO_MIN.withQuality(QualityFunction.CPM);
    Map<String, Integer> low =
        new LeidenCommunities(g, cpm.withResolution(0.5)).communities().membership();
    assertEquals(low.get("a1"), low.get("a4"));
    assertEquals(low.get("b1"), low.get("b4"));
    assertFalse(low.get("a1").equals(low.get("b1")));
    // cliques have density 1: a threshold above it leaves every paper alone
    Communities high = new LeidenCommunities(g, cpm.withResolution(1.5)).communities();
    assertEquals(g.vertexSet().size(), high.communities().size());
  }

  @Test
  void graphWithoutEdgesGivesSingletonsAndZeroModularity() {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    g.addVertex("x");
    g.addVertex("y");
    Communities c = new LeidenCommunities(g, CommunityOptions.defaults()).communities();
    assertEquals(2, c.communities().size());
    assertEquals(0.0, c.modularity());
    assertTrue(c.communities().get(0).small());
  }

  /**
   * The path alpha - "alpha beta" - beta with both edges 0.6803300768136978, the graph {@code
   * papergraph build --weight topic=0.3 --resolution 1.5} makes of three papers titled "Alpha",
   * "Beta", "Alpha beta". At γ = 1.5 the middle paper is exactly as good with either end; in CWTS's
   * local moving its own cluster's weight comes out one ulp high ({@code (w + 2w) - 2w != w}), so
   * it leaves for the other end in every iteration and "until stable" never ends.
   */
  private static Graph<String, DefaultWeightedEdge> tiedPath() {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (String v : List.of("alpha", "beta", "alpha beta")) g.addVertex(v);
    g.setEdgeWeight(g.addEdge("alpha", "alpha beta"), 0.6803300768136978);
    g.setEdgeWeight(g.addEdge("beta", "alpha beta"), 0.6803300768136978);
    return g;
  }

  @Test
  void untilStableEndsWhenTwoPartitionsOfEqualQualityAlternate() {
    Graph<String, DefaultWeightedEdge> g = tiedPath();
    CommunityOptions o = NO_MIN.withResolution(1.5);
    assertEquals(0, o.iterations(), "the default is until stable");
    // a hang guard, not a timing assertion: before the cap this never returned
    Communities c =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> new LeidenCommunities(g, o).communities());

    // the middle paper joins one end; which one is a tie
    assertEquals(2, c.communities().size());
    Map<String, Integer> m = c.membership();
    assertTrue(
        m.get("alpha beta").equals(m.get("alpha")) != m.get("alpha beta").equals(m.get("beta")),
        m.toString());
    // networkx 2.8.8: modularity(G, [{alpha, alpha beta}, {beta}], weight="weight") = -0.125 (γ =
    // 1),
    // -0.4375 at resolution=1.5, the best of the five partitions of three papers
    assertEquals(-0.125, c.modularity(), 1e-12);
    IndexedGraph<String> ig = IndexedGraph.of(g);
    int[] found = new int[ig.size()];
    for (int i = 0; i < ig.size(); i++) found[i] = m.get(ig.vertex(i));
    double best = Double.NEGATIVE_INFINITY;
    for (int[] p : new int[][] {{0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {0, 1, 2}}) {
      best = Math.max(best, Modularity.of(ig, p, 1.5));
    }
    assertEquals(-0.4375, best, 1e-12);
    assertEquals(best, Modularity.of(ig, found, 1.5), 1e-12);

    Communities again = new LeidenCommunities(g, o).communities();
    assertEquals(c.membership(), again.membership(), "same seed, same communities");
  }

  @Test
  void untilStableIsCappedAtFourIterationsOnlyAboveHalfAMillionInputEdges() {
    // 100,000 papers each linked to its next 5: exactly 500,000 edges, not above the gate
    LeidenCommunities atGate = new LeidenCommunities(ring(100_000), NO_MIN);
    assertEquals(CommunityOptions.UNTIL_STABLE_CAP, atGate.untilStableCapRun());
    LeidenCommunities above = new LeidenCommunities(ring(100_001), NO_MIN);
    assertEquals(500_005, above.inputEdges());
    assertEquals(LeidenCommunities.LARGE_UNTIL_STABLE_CAP, above.untilStableCapRun());
    int ran = above.iterationsRun();
    assertTrue(ran >= 1 && ran <= 4, "iterations run " + ran);
    // a fixed iteration count is not capped
    assertEquals(6, new LeidenCommunities(ring(100_001), NO_MIN.withIterations(6)).iterationsRun());
    LeidenCommunities karate = new LeidenCommunities(TestGraphs.gml("karate.gml"), NO_MIN);
    assertTrue(karate.iterationsRun() >= 1, "karate ran " + karate.iterationsRun());
  }

  @Test
  void untilStableCapIsRecordedInTheParameters() {
    assertEquals(
        CommunityOptions.UNTIL_STABLE_CAP,
        CommunityOptions.defaults().parameters().get("leiden.untilStableCap"));
  }

  @Test
  void rejectsInvalidOptionsNamingTheValue() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> CommunityOptions.defaults().withResolution(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CommunityOptions.defaults().withStarts(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> CommunityOptions.defaults().withMinSize(0, SmallCommunities.MARK));
    assertThrows(
        IllegalArgumentException.class, () -> CommunityOptions.defaults().withIterations(-2));
  }
}

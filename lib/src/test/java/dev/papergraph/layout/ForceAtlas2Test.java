package dev.papergraph.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ForceAtlas2Test {

  /** Compressed adjacency of an undirected edge list over n nodes. */
  static Object[] adjacency(int n, int[][] edges, double w) {
    int[] first = new int[n + 1];
    for (int[] e : edges) {
      first[e[0] + 1]++;
      first[e[1] + 1]++;
    }
    for (int i = 0; i < n; i++) first[i + 1] += first[i];
    int[] fill = first.clone();
    int[] nb = new int[first[n]];
    double[] wt = new double[first[n]];
    for (int[] e : edges) {
      nb[fill[e[0]]] = e[1];
      wt[fill[e[0]]++] = w;
      nb[fill[e[1]]] = e[0];
      wt[fill[e[1]]++] = w;
    }
    return new Object[] {first, nb, wt};
  }

  static double[][] layout(int n, int[][] edges, ForceAtlas2.Options o) {
    Object[] adj = adjacency(n, edges, 1.0);
    return new ForceAtlas2((int[]) adj[0], (int[]) adj[1], (double[]) adj[2], null, o).positions();
  }

  /** Two 10-cliques (0-9, 10-19) joined by the edge 9-10. */
  static int[][] twoCliques() {
    List<int[]> e = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 10; i++) {
        for (int j = i + 1; j < 10; j++) e.add(new int[] {10 * c + i, 10 * c + j});
      }
    }
    e.add(new int[] {9, 10});
    return e.toArray(new int[0][]);
  }

  static double dist(double[][] p, int a, int b) {
    return Math.hypot(p[0][a] - p[0][b], p[1][a] - p[1][b]);
  }

  @Test
  void sameSeedGivesTheSamePositionsBitForBitAndAnotherSeedOthers() {
    ForceAtlas2.Options o = ForceAtlas2.Options.defaults(42, 20);
    double[][] a = layout(20, twoCliques(), o);
    double[][] b = layout(20, twoCliques(), o);
    assertArrayEquals(a[0], b[0], 0.0);
    assertArrayEquals(a[1], b[1], 0.0);
    double[][] c = layout(20, twoCliques(), o.withSeed(43));
    assertFalse(Arrays.equals(a[0], c[0]));
  }

  @Test
  void threadCountDoesNotChangeTheResult() {
    Random r = new Random(8);
    int n = 5000;
    int[][] edges = new int[3 * n][];
    for (int i = 0; i < edges.length; i++) {
      int a = i / 3;
      int b = r.nextInt(n);
      edges[i] = new int[] {a, b == a ? (b + 1) % n : b};
    }
    ForceAtlas2.Options o = ForceAtlas2.Options.defaults(4, n).withIterations(20);
    double[][] one = layout(n, edges, o.withThreads(1));
    double[][] three = layout(n, edges, o.withThreads(3));
    assertArrayEquals(one[0], three[0], 0.0);
    assertArrayEquals(one[1], three[1], 0.0);
    assertEquals(
        "threads must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> o.withThreads(0)).getMessage());
  }

  @Test
  void twoCliquesJoinedByOneEdgeLandApartWithBarnesHutAndExactRepulsion() {
    for (double theta : new double[] {ForceAtlas2.THETA_DEFAULT, 0}) {
      double[][] p = layout(20, twoCliques(), ForceAtlas2.Options.defaults(1, 20).withTheta(theta));
      double maxInside = 0;
      double minAcross = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 20; i++) {
        for (int j = i + 1; j < 20; j++) {
          double d = dist(p, i, j);
          if ((i < 10) == (j < 10)) maxInside = Math.max(maxInside, d);
          else minAcross = Math.min(minAcross, d);
        }
      }
      // every pair inside a clique is closer than the two cliques' nearest members, bridge aside
      double minAcrossNoBridge = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 10; i++) {
        for (int j = 10; j < 20; j++) {
          if (i != 9 && j != 10) minAcrossNoBridge = Math.min(minAcrossNoBridge, dist(p, i, j));
        }
      }
      assertTrue(
          maxInside < minAcrossNoBridge,
          "theta " + theta + ": inside " + maxInside + " across " + minAcrossNoBridge);
    }
  }

  @Test
  void barnesHutRepulsionIsCloseToExactRepulsion() {
    // one step from the same random start: the approximate forces move nodes almost as the exact
    // ones
    Random r = new Random(3);
    int n = 300;
    List<int[]> e = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int a = r.nextInt(n);
      int b = r.nextInt(n);
      if (a != b) e.add(new int[] {a, b});
    }
    int[][] edges = e.toArray(new int[0][]);
    double[][] start = new double[2][n];
    for (int i = 0; i < n; i++) {
      start[0][i] = r.nextDouble() * 1000;
      start[1][i] = r.nextDouble() * 1000;
    }
    Object[] adj = adjacency(n, edges, 1.0);
    ForceAtlas2.Options one = ForceAtlas2.Options.defaults(5, n).withIterations(1);
    double[][] exact =
        new ForceAtlas2((int[]) adj[0], (int[]) adj[1], (double[]) adj[2], start, one.withTheta(0))
            .positions();
    double[][] approx =
        new ForceAtlas2(
                (int[]) adj[0], (int[]) adj[1], (double[]) adj[2], start, one.withTheta(0.5))
            .positions();
    // positions are centred after the run: compare displacements after centring the start too
    double cx = Arrays.stream(start[0]).average().orElse(0);
    double cy = Arrays.stream(start[1]).average().orElse(0);
    double moved = 0;
    double error = 0;
    for (int i = 0; i < n; i++) {
      moved += Math.hypot(exact[0][i] - (start[0][i] - cx), exact[1][i] - (start[1][i] - cy));
      error += Math.hypot(exact[0][i] - approx[0][i], exact[1][i] - approx[1][i]);
    }
    assertTrue(moved > 0);
    assertTrue(error < 0.05 * moved, "Barnes-Hut error " + error + " vs displacement " + moved);
  }

  @Test
  void coincidentNodesOfALargeGraphGiveTheSamePositionsOnAnyThreadCount() {
    // the quadtree's quadrants are built on several threads from 2,048 nodes; a third of these
    // start at one point, so their cells reach the depth limit and merge them
    int n = 3000;
    Random r = new Random(5);
    double[][] start = new double[2][n];
    for (int i = 0; i < n; i++) {
      if (i % 3 != 0) {
        start[0][i] = r.nextDouble() * 100 - 50;
        start[1][i] = r.nextDouble() * 100 - 50;
      }
    }
    int[][] edges = new int[n][];
    for (int i = 0; i < n; i++) edges[i] = new int[] {i, (i + 1 + r.nextInt(n - 1)) % n};
    Object[] adj = adjacency(n, edges, 0.5);
    ForceAtlas2.Options o = ForceAtlas2.Options.defaults(3, n).withIterations(5);
    double[][] one =
        new ForceAtlas2((int[]) adj[0], (int[]) adj[1], (double[]) adj[2], start, o.withThreads(1))
            .positions();
    double[][] two =
        new ForceAtlas2((int[]) adj[0], (int[]) adj[1], (double[]) adj[2], start, o.withThreads(2))
            .positions();
    assertArrayEquals(one[0], two[0], 0.0);
    assertArrayEquals(one[1], two[1], 0.0);
  }

  @Test
  void coincidentStartsIsolatedNodesAndTinyGraphsStayFinite() {
    int n = 50;
    double[][] start = new double[][] {new double[n], new double[n]}; // all at the origin
    Object[] adj = adjacency(n, new int[][] {{0, 1}, {1, 2}}, 0.5);
    double[][] p =
        new ForceAtlas2(
                (int[]) adj[0],
                (int[]) adj[1],
                (double[]) adj[2],
                start,
                ForceAtlas2.Options.defaults(1, n).withIterations(50))
            .positions();
    for (int i = 0; i < n; i++) {
      assertTrue(Double.isFinite(p[0][i]) && Double.isFinite(p[1][i]), "node " + i);
    }
    assertEquals(0, layout(0, new int[0][], ForceAtlas2.Options.defaults(1, 0))[0].length);
    double[][] single = layout(1, new int[0][], ForceAtlas2.Options.defaults(1, 1));
    assertEquals(0.0, single[0][0], 0.0);
    assertEquals(0.0, single[1][0], 0.0);
  }

  @Test
  void optionsRejectInvalidValuesNamingThem() {
    ForceAtlas2.Options d = ForceAtlas2.Options.defaults(1, 10);
    assertEquals(
        "iterations must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> d.withIterations(0)).getMessage());
    assertEquals(
        "theta cannot be negative: -1.0",
        assertThrows(IllegalArgumentException.class, () -> d.withTheta(-1)).getMessage());
    assertEquals(
        "scaling ratio must be positive: 0.0",
        assertThrows(IllegalArgumentException.class, () -> d.withScalingRatio(0)).getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ForceAtlas2(new int[] {0, 1}, new int[0], new double[0], null, d));
  }

  @Test
  void layoutsOfAPaperGraphCoverEveryPaperIncludingIsolatedOnes() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      papers.add(
          Paper.builder()
              .id("p" + (char) ('a' + i / 26) + (char) ('a' + i % 26))
              .title("Paper " + i)
              .build());
    }
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      links.add(
          Link.of(papers.get(i).id(), papers.get((i + 1) % 20).id(), EdgeExplanation.ofScore(0.5)));
    }
    PaperGraph g = PaperGraph.of(papers, links);
    Layout a = Layouts.compute(g, null, 9);
    Layout b = Layouts.compute(g, Map.of("paa", 0, "pab", 0), 9);
    assertEquals(30, a.positions().size());
    assertEquals(a, Layouts.compute(g, null, 9));
    assertFalse(a.equals(b), "groups change the start");
    assertEquals(List.copyOf(g.papers().keySet()), List.copyOf(a.positions().keySet()));
  }

  /**
   * A 75,000-node graph (10 random neighbours each) laid out with the defaults; opt-in because it
   * takes tens of seconds: {@code -Dpapergraph.bigLayout=true}. Prints the time.
   */
  @Test
  void laysOutSeventyFiveThousandNodes() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("papergraph.bigLayout"), "set -Dpapergraph.bigLayout=true to run");
    int n = 75_000;
    Random r = new Random(11);
    int[][] edges = new int[n * 5][];
    for (int i = 0; i < edges.length; i++) {
      int a = i / 5;
      int b = r.nextInt(n);
      edges[i] = new int[] {a, b == a ? (b + 1) % n : b};
    }
    ForceAtlas2.Options o = ForceAtlas2.Options.defaults(1, n);
    long t0 = System.nanoTime();
    double[][] p = layout(n, edges, o);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "ForceAtlas2: %d nodes, %d edges, %d iterations: %d ms%n",
        n, edges.length, o.iterations(), ms);
    for (int i = 0; i < n; i++) {
      assertTrue(Double.isFinite(p[0][i]) && Double.isFinite(p[1][i]));
    }
  }
}

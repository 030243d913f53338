package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class SharedNeighbourGraphTest {

  /** A graph of n vertices "v0".. without edges: only its vertices are used. */
  private static IndexedGraph<String> vertices(int n) {
    SimpleWeightedGraph<String, DefaultWeightedEdge> g =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int i = 0; i < n; i++) g.addVertex("v" + i);
    return IndexedGraph.of(g);
  }

  @Test
  void weightsAreTheJaccardOfTheClosedListsAsSeuratComputesThem() {
    // k = 2: closed lists {0,1,2}, {1,0,2}, {2,0,3}, {3,2,4}, {4,3,0}
    int[][] lists = {{1, 2}, {0, 2}, {0, 3}, {2, 4}, {3, 0}};
    IndexedGraph<String> snn = SharedNeighbourGraph.of(vertices(5), lists, 1);
    // Seurat: shared / (2 (k + 1) - shared); pruned below 1/15 (nothing here is that small)
    assertEquals(1.0, weight(snn, 0, 1), 0); // {0,1,2} and {1,0,2}: 3 / (6 - 3)
    assertEquals(0.5, weight(snn, 0, 2), 0); // {0,2}: 2 / 4
    assertEquals(0.2, weight(snn, 0, 3), 0); // {2}: 1 / 5
    assertEquals(0.2, weight(snn, 0, 4), 0); // {0}
    assertEquals(0.5, weight(snn, 1, 2), 0);
    assertEquals(0.2, weight(snn, 1, 4), 0); // {0}
    assertEquals(0.5, weight(snn, 2, 4), 0); // {0, 3}
    assertEquals(0.5, weight(snn, 3, 4), 0); // {3, 4}
    assertEquals(10, snn.edgeCount()); // every pair shares a member here
    assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), snn.vertices());
  }

  private static double weight(IndexedGraph<String> g, int a, int b) {
    for (int k = g.first()[a]; k < g.first()[a + 1]; k++) {
      if (g.neighbour()[k] == b) return g.weight()[k];
    }
    return 0;
  }

  @Test
  void equalsBruteForceOverAllPairsOnAnyNumberOfThreads() {
    Random random = new Random(7);
    int n = 600;
    int[][] lists = new int[n][];
    for (int i = 0; i < n; i++) {
      // lists of 0..10 papers, drawn mostly near i so that lists overlap, with a few hubs
      Set<Integer> l = new HashSet<>();
      int size = random.nextInt(11);
      while (l.size() < size) {
        int j = random.nextInt(4) == 0 ? random.nextInt(5) : (i + random.nextInt(21) - 10 + n) % n;
        if (j != i) l.add(j);
      }
      lists[i] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Set<Integer>> closed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> c = new HashSet<>();
      c.add(i);
      for (int j : lists[i]) c.add(j);
      closed.add(c);
    }
    IndexedGraph<String> one = SharedNeighbourGraph.of(vertices(n), lists, 1);
    int edges = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        Set<Integer> inter = new HashSet<>(closed.get(a));
        inter.retainAll(closed.get(b));
        Set<Integer> union = new HashSet<>(closed.get(a));
        union.addAll(closed.get(b));
        double j = (double) inter.size() / union.size();
        if (j >= 1.0 / 15) {
          edges++;
          assertEquals(j, weight(one, a, b), 1e-15, a + " " + b);
          assertEquals(j, weight(one, b, a), 1e-15, b + " " + a);
        } else {
          assertEquals(0, weight(one, a, b), a + " " + b + " pruned");
        }
      }
    }
    assertTrue(edges > 1000, "edges " + edges);
    assertEquals(edges, one.edgeCount());
    IndexedGraph<String> four = SharedNeighbourGraph.of(vertices(n), lists, 4);
    assertArrayEquals(one.first(), four.first());
    assertArrayEquals(one.neighbour(), four.neighbour());
    assertArrayEquals(one.weight(), four.weight());
  }

  @Test
  void pairsBelowOneFifteenthAreDropped() {
    // k = 10, one shared member: 1 / 21 < 1/15; two: 2 / 20 kept
    int[][] lists = new int[22][];
    lists[0] = new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    lists[11] = new int[] {1, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    for (int i = 0; i < 22; i++) if (lists[i] == null) lists[i] = new int[0];
    IndexedGraph<String> snn = SharedNeighbourGraph.of(vertices(22), lists, 1);
    assertEquals(0, weight(snn, 0, 11));
    lists[11][1] = 2;
    snn = SharedNeighbourGraph.of(vertices(22), lists, 1);
    assertEquals(0.1, weight(snn, 0, 11), 0);
    for (double w : snn.weight()) assertTrue(w >= SharedNeighbourGraph.PRUNE && w <= 1, "" + w);
  }

  @Test
  void rejectsListsThatDoNotFitTheGraph() {
    IndexedGraph<String> g = vertices(3);
    assertThrows(
        IllegalArgumentException.class, () -> SharedNeighbourGraph.of(g, new int[2][0], 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SharedNeighbourGraph.of(g, new int[][] {{0}, {}, {}}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SharedNeighbourGraph.of(g, new int[][] {{1, 1}, {}, {}}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SharedNeighbourGraph.of(g, new int[][] {{3}, {}, {}}, 1));
  }
}

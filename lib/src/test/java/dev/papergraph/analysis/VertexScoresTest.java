package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VertexScoresTest {

  private static final IndexedGraph<String> GRAPH =
      IndexedGraph.of(List.of("c", "a", "b"), List.of());

  @Test
  void isTheMapOfScoresByIdInVertexOrder() {
    VertexScores s = new VertexScores(GRAPH, new double[] {0.5, -0.0, 2});
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("c", 0.5);
    expected.put("a", -0.0);
    expected.put("b", 2.0);
    assertEquals(expected, s);
    assertEquals(expected.hashCode(), s.hashCode());
    assertEquals(List.of("c", "a", "b"), List.copyOf(s.keySet()));
    assertEquals(2.0, s.get("b"));
    assertNull(s.get("d"));
    assertEquals(7.0, s.getOrDefault("d", 7.0));
    assertTrue(s.containsKey("a"));
    assertFalse(s.containsKey("d"));
    assertThrows(UnsupportedOperationException.class, () -> s.put("a", 1.0));
  }

  @Test
  void centralitiesKeepItWithoutCopying() {
    VertexScores s = new VertexScores(GRAPH, new double[] {1, 2, 3});
    Centralities c = new Centralities(Map.of(Measure.PAGERANK, s));
    assertSame(s, c.scores().get(Measure.PAGERANK));
    assertEquals(2.0, c.score(Measure.PAGERANK, "a"));
    assertEquals(List.of("b", "a", "c"), c.ranking(Measure.PAGERANK));
  }

  @Test
  void rejectsAScoreCountOtherThanTheVertexCount() {
    assertEquals(
        "expected 3 scores, got 2",
        assertThrows(IllegalArgumentException.class, () -> new VertexScores(GRAPH, new double[2]))
            .getMessage());
  }
}

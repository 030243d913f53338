package dev.papergraph.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SimilarityEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A build indexes its graph straight from the links ({@link IndexedGraph#of(List, List)}), without
 * the JGraphT graphs: the arrays must be those of the paper graph's index, whatever the links'
 * order, and what {@link PaperGraph#of} refuses is refused.
 */
class IndexedGraphTest {

  private static List<Paper> papers;
  private static List<String> ids;
  private static List<Link> links;

  @BeforeAll
  static void seeds() throws Exception {
    papers = Readers.standard().load(Seeds.sources().subList(0, 2), null).papers();
    ids = papers.stream().map(Paper::id).toList();
    links = SimilarityEngine.of(papers, EngineOptions.defaults()).links();
  }

  private static void assertSameGraph(IndexedGraph<String> expected, IndexedGraph<String> actual) {
    assertEquals(expected.vertices(), actual.vertices());
    assertArrayEquals(expected.first(), actual.first());
    assertArrayEquals(expected.neighbour(), actual.neighbour());
    assertArrayEquals(expected.weight(), actual.weight());
    for (String id : ids) {
      assertEquals(expected.indexOf(id), actual.indexOf(id));
    }
  }

  @Test
  void theLinksIndexAsThePaperGraphOfThemDoes() {
    IndexedGraph<String> ofGraph = IndexedGraph.of(PaperGraph.of(papers, links));
    assertTrue(ofGraph.edgeCount() > papers.size(), "a graph with edges to compare");
    assertSameGraph(ofGraph, IndexedGraph.of(ids, links));

    List<Link> shuffled = new ArrayList<>(links);
    Collections.shuffle(shuffled, new Random(7));
    assertSameGraph(ofGraph, IndexedGraph.of(ids, shuffled));
  }

  @Test
  void whatThePaperGraphRefusesIsRefused() {
    Link first = links.get(0);
    List<String> withoutAnEnd = new ArrayList<>(ids);
    withoutAnEnd.remove(first.b());
    IllegalArgumentException outside =
        assertThrows(IllegalArgumentException.class, () -> IndexedGraph.of(withoutAnEnd, links));
    assertTrue(outside.getMessage().contains(first.b()), outside.getMessage());

    List<String> twice = new ArrayList<>(ids);
    twice.add(ids.get(3));
    IllegalArgumentException shared =
        assertThrows(IllegalArgumentException.class, () -> IndexedGraph.of(twice, links));
    assertEquals("two papers share the id " + ids.get(3), shared.getMessage());

    List<Link> repeated = new ArrayList<>(links);
    repeated.add(links.get(links.size() / 2));
    IllegalArgumentException pair =
        assertThrows(IllegalArgumentException.class, () -> IndexedGraph.of(ids, repeated));
    assertTrue(pair.getMessage().startsWith("two links join "), pair.getMessage());
  }

  @Test
  void theEnginesLinkEndsIndexAsTheIdsDo() {
    SimilarityEngine engine = SimilarityEngine.of(papers, EngineOptions.defaults());
    List<Link> made = engine.links();
    IndexedGraph<String> byIds = IndexedGraph.of(ids, made);
    assertSameGraph(byIds, IndexedGraph.of(ids, made, engine.linkEnds()));
    // asked again (not right after links()): computed again, the same
    int[] again = engine.linkEnds();
    assertSameGraph(byIds, IndexedGraph.of(ids, made, again));

    int t = again[0];
    again[0] = again[1];
    again[1] = t;
    IllegalArgumentException other =
        assertThrows(IllegalArgumentException.class, () -> IndexedGraph.of(ids, made, again));
    assertTrue(other.getMessage().contains("are other papers"), other.getMessage());
  }

  @Test
  void aHubsLongRowIsSortedWithItsWeights() {
    // 40 neighbours: the long-row sort, links given in decreasing order
    List<String> star = new ArrayList<>();
    List<Link> spokes = new ArrayList<>();
    star.add("hub");
    for (int i = 40; i >= 1; i--) {
      star.add(String.format("leaf%02d", i));
      spokes.add(new Link("hub", String.format("leaf%02d", i), EdgeExplanation.ofScore(i / 100.0)));
    }
    IndexedGraph<String> g = IndexedGraph.of(star, spokes);
    assertEquals(40, g.degree(0));
    for (int k = g.first()[0]; k < g.first()[1]; k++) {
      int leaf = g.neighbour()[k];
      assertEquals(k - g.first()[0] + 1, leaf);
      assertEquals(Integer.parseInt(star.get(leaf).substring(4)) / 100.0, g.weight()[k]);
    }
  }
}

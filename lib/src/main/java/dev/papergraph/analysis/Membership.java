package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;

/**
 * The community of every vertex of a graph, kept by vertex index in an {@code int[]} and seen as an
 * unmodifiable map from paper id to community number that iterates in vertex (corpus) order, as
 * {@link VertexScores} keeps the scores. The membership was a {@code LinkedHashMap<String,
 * Integer>}, an entry and (above 127) a boxed number per paper, made by Leiden and copied twice
 * more by {@link Communities} (once more when labelled): at a million papers three million entries
 * in a stage that runs at the edge of its heap. This holds the array and looks ids up in the
 * graph's own index.
 */
final class Membership extends ByVertex<Integer> {

  private final int[] community;

  /**
   * The community {@code community[i]} of the vertex {@code graph.vertex(i)}; the array is kept,
   * not copied, and must not change afterwards.
   *
   * @throws IllegalArgumentException if there is not one number per vertex
   */
  Membership(IndexedGraph<String> graph, int[] community) {
    super(graph, community.length, "community numbers");
    this.community = community;
  }

  @Override
  Integer value(int i) {
    return community[i];
  }
}

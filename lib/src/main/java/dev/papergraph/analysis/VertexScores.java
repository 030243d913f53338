package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;

/**
 * One score per vertex of a graph, kept by vertex index in a {@code double[]} and seen as an
 * unmodifiable map from paper id to score that iterates in vertex (corpus) order. The scores were
 * {@code LinkedHashMap<String, Double>}s, an entry and a boxed value per paper: at a million papers
 * 14 million of each (7 measures overall and within communities), copied once more by {@link
 * Centralities}, most of the analysis stage's garbage collections. This holds the array and looks
 * ids up in the graph's own index.
 */
final class VertexScores extends ByVertex<Double> {

  private final double[] values;

  /**
   * The scores {@code values[i]} of the vertices {@code graph.vertex(i)}; the array is kept, not
   * copied, and must not change afterwards.
   *
   * @throws IllegalArgumentException if there is not one value per vertex
   */
  VertexScores(IndexedGraph<String> graph, double[] values) {
    super(graph, values.length, "scores");
    this.values = values;
  }

  @Override
  Double value(int i) {
    return values[i];
  }
}

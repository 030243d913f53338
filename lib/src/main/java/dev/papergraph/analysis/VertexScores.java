package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One score per vertex of a graph, kept by vertex index in a {@code double[]} and seen as an
 * unmodifiable map from paper id to score that iterates in vertex (corpus) order. The scores were
 * {@code LinkedHashMap<String, Double>}s, an entry and a boxed value per paper: at a million papers
 * 14 million of each (7 measures overall and within communities), copied once more by {@link
 * Centralities}, most of the analysis stage's garbage collections. This holds the array and looks
 * ids up in the graph's own index.
 */
final class VertexScores extends AbstractMap<String, Double> {

  private final IndexedGraph<String> graph;
  private final double[] values;

  /**
   * The scores {@code values[i]} of the vertices {@code graph.vertex(i)}; the array is kept, not
   * copied, and must not change afterwards.
   *
   * @throws IllegalArgumentException if there is not one value per vertex
   */
  VertexScores(IndexedGraph<String> graph, double[] values) {
    if (values.length != graph.size()) {
      throw new IllegalArgumentException(
          "expected " + graph.size() + " scores, got " + values.length);
    }
    this.graph = graph;
    this.values = values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String id && graph.indexOf(id).isPresent();
  }

  @Override
  public Double get(Object key) {
    if (!(key instanceof String id)) return null;
    return graph.indexOf(id).map(i -> values[i]).orElse(null);
  }

  @Override
  public Double getOrDefault(Object key, Double defaultValue) {
    Double v = get(key);
    return v == null ? defaultValue : v;
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= values.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(graph.vertex(i), values[i]);
          }
        };
      }
    };
  }
}

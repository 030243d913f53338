package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One value per vertex of a graph, kept by vertex index in a primitive array of the subclass and
 * seen as an unmodifiable map from paper id to value that iterates in vertex (corpus) order: what
 * the analysis hands on per paper ({@link VertexScores}, {@link Membership}) without an entry and a
 * boxed value per paper. Ids are looked up in the graph's own index.
 *
 * @param <V> the boxed value type the map shows
 */
abstract class ByVertex<V> extends AbstractMap<String, V> {

  private final IndexedGraph<String> graph;
  private final int size;

  /**
   * A view of {@code values} values, one per vertex of the graph.
   *
   * @param what what the values are, for the message
   * @throws IllegalArgumentException if there is not one value per vertex
   */
  ByVertex(IndexedGraph<String> graph, int values, String what) {
    if (values != graph.size()) {
      throw new IllegalArgumentException(
          "expected " + graph.size() + " " + what + ", got " + values);
    }
    this.graph = graph;
    this.size = values;
  }

  /** The value of vertex i. */
  abstract V value(int i);

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String id && graph.indexOf(id).isPresent();
  }

  @Override
  public V get(Object key) {
    if (!(key instanceof String id)) return null;
    return graph.indexOf(id).map(this::value).orElse(null);
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V v = get(key);
    return v == null ? defaultValue : v;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, V> next() {
            if (next >= size) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(graph.vertex(i), value(i));
          }
        };
      }
    };
  }
}

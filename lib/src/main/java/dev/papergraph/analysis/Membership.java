package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The community of every vertex of a graph, kept by vertex index in an {@code int[]} and seen as an
 * unmodifiable map from paper id to community number that iterates in vertex (corpus) order, as
 * {@link VertexScores} keeps the scores. The membership was a {@code LinkedHashMap<String,
 * Integer>}, an entry and (above 127) a boxed number per paper, made by Leiden and copied twice
 * more by {@link Communities} (once more when labelled): at a million papers three million entries
 * in a stage that runs at the edge of its heap. This holds the array and looks ids up in the
 * graph's own index.
 */
final class Membership extends AbstractMap<String, Integer> {

  private final IndexedGraph<String> graph;
  private final int[] community;

  /**
   * The community {@code community[i]} of the vertex {@code graph.vertex(i)}; the array is kept,
   * not copied, and must not change afterwards.
   *
   * @throws IllegalArgumentException if there is not one number per vertex
   */
  Membership(IndexedGraph<String> graph, int[] community) {
    if (community.length != graph.size()) {
      throw new IllegalArgumentException(
          "expected " + graph.size() + " community numbers, got " + community.length);
    }
    this.graph = graph;
    this.community = community;
  }

  @Override
  public int size() {
    return community.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String id && graph.indexOf(id).isPresent();
  }

  @Override
  public Integer get(Object key) {
    if (!(key instanceof String id)) return null;
    return graph.indexOf(id).map(i -> community[i]).orElse(null);
  }

  @Override
  public Integer getOrDefault(Object key, Integer defaultValue) {
    Integer c = get(key);
    return c == null ? defaultValue : c;
  }

  @Override
  public Set<Map.Entry<String, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return community.length;
      }

      @Override
      public Iterator<Map.Entry<String, Integer>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < community.length;
          }

          @Override
          public Map.Entry<String, Integer> next() {
            if (next >= community.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(graph.vertex(i), community[i]);
          }
        };
      }
    };
  }
}

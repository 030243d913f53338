package dev.papergraph.viz;

import java.util.List;

/**
 * Free-text search over the papers (e.g. the workspace's Lucene index), plugged into the viewer's
 * search box for queries that match no title.
 */
@FunctionalInterface
public interface FreeTextSearch {
  /** Paper ids best first, at most {@code limit}. */
  List<String> search(String query, int limit);
}

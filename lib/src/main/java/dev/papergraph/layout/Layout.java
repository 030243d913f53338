package dev.papergraph.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 2-D positions of the papers, in layout units (exports scale them as their format wants).
 *
 * @param positions {x, y} of every paper id
 */
public record Layout(Map<String, Point> positions) {

  /** A position. */
  public record Point(double x, double y) {}

  public Layout {
    positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
  }

  /** The position of a paper, (0, 0) when it has none. */
  public Point of(String paperId) {
    return positions.getOrDefault(paperId, new Point(0, 0));
  }
}

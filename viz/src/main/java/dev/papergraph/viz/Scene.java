package dev.papergraph.viz;

import java.util.List;
import java.util.Optional;

/**
 * What to draw, computed by {@link ViewerModel#scene()}: the shown papers with position, colour,
 * size, label and state; the drawn edges with their shade; the legend; the on-screen notices. The
 * GraphStream view, the PNG and the SVG all draw a scene, so they show the same styled graph.
 *
 * @param nodes the shown papers (filtered-out ones are absent), in corpus order
 * @param edges the drawn edges, strongest first (at most the edge cap, plus the selection's edges)
 * @param legend one entry per coloured community, then one for the rest when there is a rest
 * @param notices lines to show on screen, e.g. that only the strongest edges are drawn
 * @param minX left of the frame, layout units: the box of the connected papers with a margin, the
 *     same whatever is shown so the picture stays put; papers outside it are drawn on its border
 * @param minY bottom of the frame, layout units
 * @param maxX right of the frame, layout units
 * @param maxY top of the frame, layout units
 */
public record Scene(
    List<Node> nodes,
    List<Edge> edges,
    List<LegendEntry> legend,
    List<String> notices,
    double minX,
    double minY,
    double maxX,
    double maxY) {

  public Scene {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    legend = List.copyOf(legend);
    notices = List.copyOf(notices);
  }

  /** How a paper is drawn. */
  public enum State {
    /** Drawn in its community colour. */
    NORMAL,
    /** The selected paper: community colour with a dark ring. */
    SELECTED,
    /** Outside the focus: drawn pale. */
    FADED
  }

  /**
   * A shown paper.
   *
   * @param id the paper id
   * @param x layout x (inside the frame)
   * @param y layout y (up is larger y, as in the layout)
   * @param community the community id, -1 when the paper has none
   * @param rgb fill colour 0xRRGGBB (the community colour, or {@link Palette#FADED})
   * @param size relative size in [0, 1] from the chosen centrality (renderers map it to pixels)
   * @param state normal, selected or faded
   * @param label the label to write next to it (most central papers and the selection)
   */
  public record Node(
      String id,
      double x,
      double y,
      int community,
      int rgb,
      double size,
      State state,
      Optional<String> label) {}

  /**
   * A drawn edge.
   *
   * @param a id of one end
   * @param b id of the other end
   * @param weight the similarity (edge weight)
   * @param shade 0 for the weakest drawn edge to 1 for the strongest
   * @param rgb colour 0xRRGGBB from the shade, or {@link Palette#FADED_EDGE}
   * @param faded true when an end is faded
   */
  public record Edge(String a, String b, double weight, double shade, int rgb, boolean faded) {}

  /**
   * A legend line.
   *
   * @param community the community id, or -1 for the line of the uncoloured rest
   * @param rgb its colour
   * @param label its readable label
   * @param size number of papers
   */
  public record LegendEntry(int community, int rgb, String label, int size) {
    /** "label (size)". */
    public String text() {
      return label + " (" + size + ")";
    }
  }

  /** The node with this id, if shown. */
  public Optional<Node> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }
}

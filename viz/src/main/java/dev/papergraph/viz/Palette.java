package dev.papergraph.viz;

/**
 * The colours of the viewer and the pictures. Community colours are the exports' colours ({@link
 * dev.papergraph.write.Palette}, the one palette of papergraph), so a community has the same colour
 * in GraphML, GEXF, VOSviewer, the web map, {@code render} and {@code view}; this class adds only
 * the fixed colours of the light screen (background, faded elements, edges). Colours are 0xRRGGBB
 * integers so that the headless model needs no AWT.
 */
public final class Palette {

  /** Colour of papers drawn without a colour of their own (isolated papers, tiny groups). */
  public static final int OTHER = dev.papergraph.write.Palette.GREY;

  /** Background of the view and the light pictures. */
  public static final int BACKGROUND = 0xFFFFFF;

  /** Fill of a faded paper (outside the focus). */
  public static final int FADED = 0xE8E8E8;

  /** Colour of a faded edge. */
  public static final int FADED_EDGE = 0xF0F0F0;

  /** Colour of the weakest drawn edge. */
  public static final int EDGE_WEAK = 0xDADADA;

  /** Colour of the strongest drawn edge. */
  public static final int EDGE_STRONG = 0x4A4A4A;

  private Palette() {}

  /** The colour of a community by id (0 = largest), as in every export. */
  public static int community(int id) {
    return dev.papergraph.write.Palette.colour(id);
  }

  /** The edge colour for a shade in [0, 1]: 0 weakest, 1 strongest. */
  public static int edge(double shade) {
    return mix(EDGE_WEAK, EDGE_STRONG, shade);
  }

  /** Linear mix of two colours, {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
  public static int mix(int a, int b, double t) {
    double u = Math.max(0, Math.min(1, t));
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - u) + ((b >> 16) & 0xFF) * u);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - u) + ((b >> 8) & 0xFF) * u);
    int bl = (int) Math.round((a & 0xFF) * (1 - u) + (b & 0xFF) * u);
    return (r << 16) | (g << 8) | bl;
  }

  /** CSS form, e.g. "#4E79A7". */
  public static String css(int rgb) {
    return String.format("#%06X", rgb & 0xFFFFFF);
  }
}

package dev.papergraph.viz;

import java.util.List;

/**
 * The colours of the viewer and the pictures: one categorical colour per large community (Tableau
 * 10 order, then three more), a grey for the rest, and the fixed colours of background, faded
 * elements and edges. Colours are 0xRRGGBB integers so that the headless model needs no AWT.
 */
public final class Palette {

  /** Colours of communities 0, 1, 2, ... (largest first); later communities are {@link #OTHER}. */
  public static final List<Integer> COMMUNITY = List.of(
      0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948,
      0xB07AA1, 0xFF9DA7, 0x9C755F, 0x17BECF, 0x8CD17D, 0xD37295);

  /** Colour of papers in communities beyond the palette (small ones and isolated papers). */
  public static final int OTHER = 0xA0A0A0;
  /** Background of the view and the pictures. */
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

  /** The colour of a community by id (0 = largest). */
  public static int community(int id) {
    return id >= 0 && id < COMMUNITY.size() ? COMMUNITY.get(id) : OTHER;
  }

  /** True when the community has its own colour (is listed in the legend on its own). */
  public static boolean hasOwnColour(int id) {
    return id >= 0 && id < COMMUNITY.size();
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

package dev.papergraph.write;

/**
 * Deterministic qualitative colours for communities: Tableau 10 for the ten largest communities
 * (ids 0-9, which the analysis numbers by decreasing size), then hues spaced by the golden angle so
 * that neighbouring ids stay apart; papers in no community are grey.
 */
public final class Palette {

  private static final int[] TABLEAU10 = {
    0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F,
    0x8CD17D
  };

  /** The grey of papers without a community. */
  public static final int GREY = 0xBAB0AC;

  private Palette() {}

  /**
   * The colour of a community as {@code 0xRRGGBB}.
   *
   * @param community the community id, or a negative number for none
   */
  public static int colour(int community) {
    if (community < 0) {
      return GREY;
    }
    if (community < TABLEAU10.length) {
      return TABLEAU10[community];
    }
    double hue = ((community - TABLEAU10.length) * 137.50776405003785 + 15) % 360;
    double saturation = 0.55 + 0.2 * ((community / 7) % 2);
    double value = 0.85 - 0.15 * ((community / 3) % 2);
    return hsv(hue, saturation, value);
  }

  // HSV to RGB, hue in degrees [0, 360), saturation and value in [0, 1].
  private static int hsv(double hue, double saturation, double value) {
    double c = value * saturation;
    double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
    double m = value - c;
    double r;
    double g;
    double b;
    switch ((int) (hue / 60)) {
      case 0 -> {
        r = c;
        g = x;
        b = 0;
      }
      case 1 -> {
        r = x;
        g = c;
        b = 0;
      }
      case 2 -> {
        r = 0;
        g = c;
        b = x;
      }
      case 3 -> {
        r = 0;
        g = x;
        b = c;
      }
      case 4 -> {
        r = x;
        g = 0;
        b = c;
      }
      default -> {
        r = c;
        g = 0;
        b = x;
      }
    }
    return (int) Math.round((r + m) * 255) << 16
        | (int) Math.round((g + m) * 255) << 8
        | (int) Math.round((b + m) * 255);
  }

  /** {@code #rrggbb}. */
  public static String hex(int rgb) {
    return String.format("#%06x", rgb & 0xFFFFFF);
  }
}

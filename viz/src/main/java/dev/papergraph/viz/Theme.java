package dev.papergraph.viz;

import java.util.Locale;

/**
 * The colours of a picture around the community colours: light for print and bright rooms, dark for
 * dimmed ones. Colours are 0xRRGGBB.
 *
 * @param background the canvas
 * @param text paper labels, legend text
 * @param muted captions and notes
 * @param notice notices such as the edge cap
 * @param panel the legend panel
 * @param rule the line between map and legend
 * @param edge edges between communities (edges inside one take its colour)
 * @param labelShade how far community labels move from their community colour towards the text
 *     colour, 0-1, so that they read on the background
 */
public record Theme(
    int background,
    int text,
    int muted,
    int notice,
    int panel,
    int rule,
    int edge,
    double labelShade) {

  /** Dark text on white. */
  public static final Theme LIGHT =
      new Theme(0xFFFFFF, 0x222222, 0x666666, 0x8A4B00, 0xF7F7F7, 0xDDDDDD, 0x9A9A9A, 0.45);

  /** Light text on a near-black blue. */
  public static final Theme DARK =
      new Theme(0x16181D, 0xE8E8E8, 0xA0A0A0, 0xF0B060, 0x1F2228, 0x3A3D45, 0x8A8F99, 0.25);

  /**
   * The theme of a name, light or dark (any case).
   *
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static Theme of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "light" -> LIGHT;
      case "dark" -> DARK;
      default ->
          throw new IllegalArgumentException("unknown theme " + name + "; use light or dark");
    };
  }

  /** The colour a community's label is written in: its colour, moved towards the text colour. */
  public int label(int communityRgb) {
    return Palette.mix(communityRgb, text == LIGHT.text ? 0x000000 : 0xFFFFFF, labelShade);
  }
}

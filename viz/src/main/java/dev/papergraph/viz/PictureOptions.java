package dev.papergraph.viz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a picture is drawn: its size in pixels, its theme, which labels go on the map, an optional
 * heading over the legend and a caption under it.
 *
 * @param width picture width, pixels, {@value #MIN_SIDE}..{@value #MAX_SIDE}
 * @param height picture height, pixels, {@value #MIN_SIDE}..{@value #MAX_SIDE}
 * @param theme light or dark
 * @param labels which labels are written on the map
 * @param heading the legend's heading, e.g. "Communities" (the default) or the community zoomed on
 * @param caption a line under the legend, e.g. what sizes the papers; empty for none
 */
public record PictureOptions(
    int width,
    int height,
    Theme theme,
    LabelMode labels,
    String heading,
    Optional<String> caption) {

  /** Default picture width, pixels. */
  public static final int WIDTH_DEFAULT = 1600;

  /** Default picture height, pixels. */
  public static final int HEIGHT_DEFAULT = 1000;

  /** Smallest width or height accepted, pixels. */
  public static final int MIN_SIDE = 400;

  /** Largest width or height accepted, pixels. */
  public static final int MAX_SIDE = 10_000;

  /** The named sizes {@link #parseSize} accepts, width x height. */
  public static final Map<String, int[]> PRESETS = presets();

  private static final Pattern SIZE = Pattern.compile("(\\d{1,6})\\s*[xX\u00D7]\\s*(\\d{1,6})");

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException naming the size when a side is out of range
   */
  public PictureOptions {
    if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "picture size must be "
              + MIN_SIDE
              + ".."
              + MAX_SIDE
              + " pixels a side: "
              + width
              + "x"
              + height);
    }
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(caption, "caption");
  }

  /**
   * The defaults at a size: light theme, community and paper labels, heading "Communities", no
   * caption.
   */
  public static PictureOptions of(int width, int height) {
    return new PictureOptions(
        width, height, Theme.LIGHT, LabelMode.BOTH, "Communities", Optional.empty());
  }

  /** These options with another theme. */
  public PictureOptions withTheme(Theme t) {
    return new PictureOptions(width, height, t, labels, heading, caption);
  }

  /** These options with other labels. */
  public PictureOptions withLabels(LabelMode l) {
    return new PictureOptions(width, height, theme, l, heading, caption);
  }

  /** These options with another legend heading. */
  public PictureOptions withHeading(String h) {
    return new PictureOptions(width, height, theme, labels, h, caption);
  }

  /** These options with a caption under the legend. */
  public PictureOptions withCaption(String c) {
    return new PictureOptions(width, height, theme, labels, heading, Optional.of(c));
  }

  /**
   * A size given as {@code WIDTHxHEIGHT} (e.g. {@code 1920x1080}) or a preset name ({@link
   * #PRESETS}: {@code hd} and {@code slide} 1920x1080, {@code 4k} 3840x2160, {@code square}
   * 1200x1200, {@code default} 1600x1000).
   *
   * @return {width, height}
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static int[] parseSize(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int[] preset = PRESETS.get(t);
    if (preset != null) {
      return preset.clone();
    }
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size "
              + text
              + ": use WIDTHxHEIGHT in pixels (e.g. 1920x1080) or one of "
              + String.join(", ", PRESETS.keySet()));
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private static Map<String, int[]> presets() {
    Map<String, int[]> p = new LinkedHashMap<>();
    p.put("default", new int[] {WIDTH_DEFAULT, HEIGHT_DEFAULT});
    p.put("hd", new int[] {1920, 1080});
    p.put("slide", new int[] {1920, 1080});
    p.put("4k", new int[] {3840, 2160});
    p.put("square", new int[] {1200, 1200});
    return Collections.unmodifiableMap(p);
  }
}

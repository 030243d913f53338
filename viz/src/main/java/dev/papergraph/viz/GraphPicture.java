package dev.papergraph.viz;

import dev.papergraph.io.AtomicOutput;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Pictures of a {@link Scene}, drawn without a display: PNG with Java2D and SVG as text (labels
 * stay text, searchable and editable), both from the same {@link PicturePlan}: the map on the left
 * with community labels over the communities and paper titles where they fit, the legend on the
 * right, notices under the map.
 *
 * <p>Why our own drawing rather than GraphStream's {@code SwingFileSinkImages}: the picture must
 * carry the legend, the placed labels and the edge-cap notice, which GraphStream's image sink
 * cannot draw, and drawing the plan directly gives byte-identical files for the same input. The
 * interactive viewer draws the same scene with GraphStream and the same {@link Palette}.
 */
public final class GraphPicture {

  /** Default picture width, pixels. */
  public static final int WIDTH_DEFAULT = PictureOptions.WIDTH_DEFAULT;

  /** Default picture height, pixels. */
  public static final int HEIGHT_DEFAULT = PictureOptions.HEIGHT_DEFAULT;

  /** Smallest width or height accepted, pixels. */
  public static final int MIN_SIDE = PictureOptions.MIN_SIDE;

  /** Largest width or height accepted, pixels. */
  public static final int MAX_SIDE = PictureOptions.MAX_SIDE;

  // the SVG names the fonts Java's logical SansSerif stands for on usual systems, widest first
  private static final String SVG_FONTS = "'DejaVu Sans', Verdana, Arial, sans-serif";

  /** The picture formats, from the output file's extension. */
  public enum Format {
    PNG,
    SVG;

    /**
     * The format of a file name ending in .png or .svg (any case).
     *
     * @throws IllegalArgumentException naming the file when the extension is neither
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".png")) {
        return PNG;
      }
      if (name.endsWith(".svg")) {
        return SVG;
      }
      throw new IllegalArgumentException(file + ": the picture must end in .png or .svg");
    }
  }

  private GraphPicture() {}

  /**
   * Writes a picture with default options at a size, atomically, PNG or SVG after the file's
   * extension.
   *
   * @throws IllegalArgumentException if the extension or the size is not accepted
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
   * @throws IOException if writing fails (the previous file is then intact)
   */
  public static void write(Scene scene, Path file, int width, int height, boolean overwrite)
      throws IOException {
    Format.of(file);
    write(scene, file, PictureOptions.of(width, height), overwrite);
  }

  /**
   * Writes a picture atomically, PNG or SVG after the file's extension.
   *
   * @throws IllegalArgumentException if the extension is not .png or .svg
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
   * @throws IOException if writing fails (the previous file is then intact)
   */
  public static void write(Scene scene, Path file, PictureOptions options, boolean overwrite)
      throws IOException {
    write(PicturePlan.of(scene, options), file, overwrite);
  }

  /**
   * Writes a planned picture atomically, PNG or SVG after the file's extension.
   *
   * @throws IllegalArgumentException if the extension is not .png or .svg
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
   * @throws IOException if writing fails (the previous file is then intact)
   */
  public static void write(PicturePlan plan, Path file, boolean overwrite) throws IOException {
    Format format = Format.of(file);
    if (format == Format.PNG) {
      BufferedImage image = draw(plan);
      AtomicOutput.write(
          file,
          overwrite,
          out -> {
            if (!ImageIO.write(image, "png", out)) {
              throw new IOException("no PNG writer in this Java runtime");
            }
          });
    } else {
      String svg = svg(plan);
      AtomicOutput.write(
          file,
          overwrite,
          out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(svg);
            w.flush();
          });
    }
  }

  /**
   * The part of a default picture of this size where the map is drawn; the legend is to its right.
   */
  public static Rectangle graphArea(int width, int height) {
    Rectangle2D.Double map =
        PicturePlan.of(
                new Scene(List.of(), List.of(), List.of(), List.of(), 0, 0, 1, 1),
                PictureOptions.of(width, height))
            .map();
    return new Rectangle(0, 0, (int) map.width, (int) map.height);
  }

  /** Draws a scene with default options into a new RGB image. */
  public static BufferedImage draw(Scene scene, int width, int height) {
    return draw(PicturePlan.of(scene, PictureOptions.of(width, height)));
  }

  /** Draws a plan into a new RGB image. */
  public static BufferedImage draw(PicturePlan plan) {
    PictureOptions o = plan.options();
    Theme theme = o.theme();
    BufferedImage image = new BufferedImage(o.width(), o.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(new Color(theme.background()));
      g.fillRect(0, 0, o.width(), o.height());

      for (PicturePlan.Stroke e : plan.strokes()) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) e.alpha()));
        g.setColor(new Color(e.rgb()));
        g.setStroke(
            new BasicStroke((float) e.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(e.x1(), e.y1(), e.x2(), e.y2()));
      }
      g.setComposite(AlphaComposite.SrcOver);
      for (PicturePlan.Disc d : plan.discs()) {
        Ellipse2D.Double dot =
            new Ellipse2D.Double(d.x() - d.r(), d.y() - d.r(), 2 * d.r(), 2 * d.r());
        g.setColor(new Color(d.rgb()));
        g.fill(dot);
        g.setColor(new Color(theme.background()));
        g.setStroke(new BasicStroke((float) Math.min(1.0, d.r() * 0.25)));
        g.draw(dot);
        if (d.selected()) {
          g.setColor(new Color(theme.text()));
          g.setStroke(new BasicStroke((float) Math.max(2, d.r() * 0.3)));
          g.draw(dot);
        }
      }
      // paper titles under community labels
      for (PicturePlan.Label l : plan.labels()) {
        if (l.kind() == PicturePlan.Kind.PAPER) {
          text(g, l.text());
        }
      }
      for (PicturePlan.Label l : plan.labels()) {
        if (l.kind() == PicturePlan.Kind.COMMUNITY) {
          text(g, l.text());
        }
      }
      for (PicturePlan.Text t : plan.notices()) {
        text(g, t);
      }

      Rectangle2D.Double panel = plan.panel();
      g.setColor(new Color(theme.panel()));
      g.fill(panel);
      g.setColor(new Color(theme.rule()));
      g.setStroke(new BasicStroke(1));
      g.draw(new Line2D.Double(panel.x + 0.5, 0, panel.x + 0.5, panel.height));
      for (PicturePlan.Swatch s : plan.swatches()) {
        g.setColor(new Color(s.rgb()));
        g.fill(new Rectangle2D.Double(s.x(), s.y(), s.side(), s.side()));
      }
      for (PicturePlan.Text t : plan.legend()) {
        text(g, t);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void text(Graphics2D g, PicturePlan.Text t) {
    Shape glyphs =
        PicturePlan.font(t)
            .createGlyphVector(PicturePlan.fontRenderContext(), t.text())
            .getOutline((float) t.x(), (float) t.y());
    if (t.halo() >= 0) {
      g.setColor(new Color(t.halo()));
      g.setStroke(
          new BasicStroke((float) t.haloWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(glyphs);
    }
    g.setColor(new Color(t.rgb()));
    g.fill(glyphs);
  }

  /**
   * The scene as an SVG document with default options, the same geometry as {@link #draw(Scene,
   * int, int)}.
   */
  public static String svg(Scene scene, int width, int height) {
    return svg(PicturePlan.of(scene, PictureOptions.of(width, height)));
  }

  /** A plan as an SVG document: the same geometry as {@link #draw(PicturePlan)}, text as text. */
  public static String svg(PicturePlan plan) {
    PictureOptions o = plan.options();
    Theme theme = o.theme();
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s\">%n",
            o.width(),
            o.height(),
            o.width(),
            o.height(),
            SVG_FONTS));
    b.append(
        String.format(
            Locale.ROOT,
            "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
            o.width(),
            o.height(),
            Palette.css(theme.background())));
    b.append("<g id=\"edges\" stroke-linecap=\"round\">\n");
    for (PicturePlan.Stroke e : plan.strokes()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"%.3f\" stroke-width=\"%.2f\"/>%n",
              e.x1(),
              e.y1(),
              e.x2(),
              e.y2(),
              Palette.css(e.rgb()),
              e.alpha(),
              e.width()));
    }
    b.append("</g>\n<g id=\"papers\">\n");
    for (PicturePlan.Disc d : plan.discs()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.2f\"><title>%s</title></circle>%n",
              d.x(),
              d.y(),
              d.r(),
              Palette.css(d.rgb()),
              Palette.css(d.selected() ? theme.text() : theme.background()),
              d.selected() ? Math.max(2, d.r() * 0.3) : Math.min(1.0, d.r() * 0.25),
              xml(d.id())));
    }
    b.append("</g>\n<g id=\"paper-labels\">\n");
    for (PicturePlan.Label l : plan.labels()) {
      if (l.kind() == PicturePlan.Kind.PAPER) {
        svgText(b, l.text());
      }
    }
    b.append("</g>\n<g id=\"community-labels\">\n");
    for (PicturePlan.Label l : plan.labels()) {
      if (l.kind() == PicturePlan.Kind.COMMUNITY) {
        svgText(b, l.text());
      }
    }
    b.append("</g>\n<g id=\"notices\">\n");
    plan.notices().forEach(t -> svgText(b, t));
    b.append("</g>\n<g id=\"legend\">\n");
    Rectangle2D.Double panel = plan.panel();
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
            panel.x,
            panel.width,
            panel.height,
            Palette.css(theme.panel())));
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            panel.x + 0.5,
            panel.x + 0.5,
            panel.height,
            Palette.css(theme.rule())));
    for (PicturePlan.Swatch s : plan.swatches()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
              s.x(),
              s.y(),
              s.side(),
              s.side(),
              Palette.css(s.rgb())));
    }
    plan.legend().forEach(t -> svgText(b, t));
    b.append("</g>\n</svg>\n");
    return b.toString();
  }

  private static void svgText(StringBuilder b, PicturePlan.Text t) {
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s fill=\"%s\"",
            t.x(),
            t.y(),
            t.size(),
            t.bold() ? " font-weight=\"bold\"" : "",
            Palette.css(t.rgb())));
    if (t.halo() >= 0) {
      b.append(
          String.format(
              Locale.ROOT,
              " stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
              Palette.css(t.halo()),
              t.haloWidth()));
    }
    b.append('>').append(xml(t.text())).append("</text>\n");
  }

  /**
   * Text escaped for XML content and attributes, with every character XML 1.0 forbids left out
   * (control characters, lone surrogates, U+FFFE and U+FFFF), so any title makes a well-formed
   * file.
   */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          boolean legal =
              c == 0x9
                  || c == 0xA
                  || c == 0xD
                  || (c >= 0x20 && c <= 0xD7FF)
                  || (c >= 0xE000 && c <= 0xFFFD)
                  || (c >= 0x10000 && c <= 0x10FFFF);
          if (legal) {
            b.appendCodePoint(c);
          }
        }
      }
    }
    return b.toString();
  }
}

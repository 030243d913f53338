package dev.papergraph.viz;

import dev.papergraph.io.AtomicOutput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Pictures of a {@link Scene}, drawn without a display: PNG with Java2D and SVG as text, both with
 * the same geometry (graph on the left, legend of community labels on the right, notices below).
 *
 * <p>Why our own drawing rather than GraphStream's {@code SwingFileSinkImages}: the picture must
 * carry the legend and the edge-cap notice, which GraphStream's image sink cannot draw (it renders
 * the graph alone), and drawing the scene directly gives byte-identical files for the same input.
 * The interactive viewer draws the same scene with GraphStream and the same {@link Palette}.
 */
public final class GraphPicture {

  /** Default picture width, pixels. */
  public static final int WIDTH_DEFAULT = 1600;
  /** Default picture height, pixels. */
  public static final int HEIGHT_DEFAULT = 1000;
  /** Smallest width or height accepted, pixels. */
  public static final int MIN_SIDE = 400;
  /** Largest width or height accepted, pixels. */
  public static final int MAX_SIDE = 10_000;

  /** The picture formats, from the output file's extension. */
  public enum Format {
    PNG, SVG;

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
   * Writes a picture atomically, PNG or SVG after the file's extension.
   *
   * @throws IllegalArgumentException if the extension or the size is not accepted
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
   * @throws IOException if writing fails (the previous file is then intact)
   */
  public static void write(Scene scene, Path file, int width, int height, boolean overwrite) throws IOException {
    Format format = Format.of(file);
    checkSize(width, height);
    if (format == Format.PNG) {
      BufferedImage image = draw(scene, width, height);
      AtomicOutput.write(file, overwrite, out -> {
        if (!ImageIO.write(image, "png", out)) {
          throw new IOException("no PNG writer in this Java runtime");
        }
      });
    } else {
      String svg = svg(scene, width, height);
      AtomicOutput.write(file, overwrite, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(svg);
        w.flush();
      });
    }
  }

  /**
   * The part of a picture of this size where the graph is drawn; the legend is to its right.
   */
  public static Rectangle graphArea(int width, int height) {
    Geometry g = new Geometry(null, width, height);
    return new Rectangle(0, 0, g.graphWidth, g.graphHeight);
  }

  /** Draws a scene into a new RGB image. */
  public static BufferedImage draw(Scene scene, int width, int height) {
    checkSize(width, height);
    Geometry geo = new Geometry(scene, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(new Color(Palette.BACKGROUND));
      g.fillRect(0, 0, width, height);

      Map<String, Scene.Node> byId = scene.nodes().stream().collect(Collectors.toMap(Scene.Node::id, n -> n));
      for (Scene.Edge e : edgeOrder(scene)) {
        Scene.Node a = byId.get(e.a());
        Scene.Node b = byId.get(e.b());
        g.setColor(new Color(e.rgb()));
        g.setStroke(new BasicStroke((float) geo.edgeWidth(e)));
        g.draw(new Line2D.Double(geo.x(a.x()), geo.y(a.y()), geo.x(b.x()), geo.y(b.y())));
      }
      for (Scene.Node n : nodeOrder(scene)) {
        double r = geo.radius(n);
        Ellipse2D.Double dot = new Ellipse2D.Double(geo.x(n.x()) - r, geo.y(n.y()) - r, 2 * r, 2 * r);
        g.setColor(new Color(n.rgb()));
        g.fill(dot);
        if (n.state() == Scene.State.SELECTED) {
          g.setColor(Color.BLACK);
          g.setStroke(new BasicStroke((float) Math.max(2, geo.scale)));
          g.draw(dot);
        }
      }
      Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, geo.labelFontSize);
      g.setFont(labelFont);
      FontMetrics fm = g.getFontMetrics();
      for (Scene.Node n : scene.nodes()) {
        if (n.label().isEmpty()) {
          continue;
        }
        String text = n.label().get();
        float tx = (float) (geo.x(n.x()) + geo.radius(n) + 3);
        if (tx + fm.stringWidth(text) > geo.graphWidth - 4) {
          tx = (float) (geo.x(n.x()) - geo.radius(n) - 3 - fm.stringWidth(text)); // keep clear of the legend
        }
        float ty = (float) (geo.y(n.y()) + fm.getAscent() / 2.0 - 1);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect((int) tx - 1, (int) (ty - fm.getAscent()), fm.stringWidth(text) + 2, fm.getHeight());
        g.setColor(new Color(0x222222));
        g.drawString(text, tx, ty);
      }

      // legend
      g.setColor(new Color(0xF7F7F7));
      g.fillRect(geo.graphWidth, 0, width - geo.graphWidth, height);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(geo.graphWidth, 0, geo.graphWidth, height);
      Font head = new Font(Font.SANS_SERIF, Font.BOLD, geo.legendFontSize + 2);
      Font body = new Font(Font.SANS_SERIF, Font.PLAIN, geo.legendFontSize);
      g.setFont(head);
      g.setColor(new Color(0x222222));
      g.drawString("Communities", geo.legendX, geo.legendTop);
      g.setFont(body);
      FontMetrics bm = g.getFontMetrics();
      int y = geo.legendTop + geo.legendLine;
      for (Scene.LegendEntry entry : scene.legend()) {
        g.setColor(new Color(entry.rgb()));
        g.fillRect(geo.legendX, y - geo.swatch + 2, geo.swatch, geo.swatch);
        g.setColor(new Color(0x222222));
        List<String> lines = wrap(entry.text(), bm, width - geo.legendX - geo.swatch - 16);
        for (int i = 0; i < Math.min(2, lines.size()); i++) {
          String line = i == 1 && lines.size() > 2 ? fit(String.join(" ", lines.subList(1, lines.size())), bm,
              width - geo.legendX - geo.swatch - 16) : lines.get(i);
          g.drawString(line, geo.legendX + geo.swatch + 8, y);
          y += i == 0 && lines.size() > 1 ? geo.legendLine * 4 / 5 : geo.legendLine;
        }
      }
      if (!scene.nodes().isEmpty()) {
        g.setColor(new Color(0x666666));
        y += geo.legendLine / 2;
        for (String line : wrap("Size: centrality. Edge shade: similarity.", bm, width - geo.legendX - 12)) {
          g.drawString(line, geo.legendX, y);
          y += geo.legendLine;
        }
      }
      // notices under the graph
      int ny = height - geo.margin / 3 - (scene.notices().size() - 1) * geo.legendLine;
      g.setColor(new Color(0x8A4B00));
      for (String notice : scene.notices()) {
        g.drawString(fit(notice, bm, geo.graphWidth - 20), 10, ny);
        ny += geo.legendLine;
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The scene as an SVG document with the same geometry as {@link #draw}. */
  public static String svg(Scene scene, int width, int height) {
    checkSize(width, height);
    Geometry geo = new Geometry(scene, width, height);
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
        width, height, width, height));
    b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", width, height,
        Palette.css(Palette.BACKGROUND)));
    Map<String, Scene.Node> byId = scene.nodes().stream().collect(Collectors.toMap(Scene.Node::id, n -> n));
    b.append("<g id=\"edges\" stroke-linecap=\"round\">\n");
    for (Scene.Edge e : edgeOrder(scene)) {
      Scene.Node a = byId.get(e.a());
      Scene.Node c = byId.get(e.b());
      b.append(String.format(Locale.ROOT,
          "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>%n",
          geo.x(a.x()), geo.y(a.y()), geo.x(c.x()), geo.y(c.y()), Palette.css(e.rgb()), geo.edgeWidth(e)));
    }
    b.append("</g>\n<g id=\"papers\">\n");
    for (Scene.Node n : nodeOrder(scene)) {
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"%s><title>%s</title></circle>%n",
          geo.x(n.x()), geo.y(n.y()), geo.radius(n), Palette.css(n.rgb()),
          n.state() == Scene.State.SELECTED ? " stroke=\"#000000\" stroke-width=\"2\"" : "", xml(n.id())));
    }
    b.append("</g>\n<g id=\"labels\" fill=\"#222222\" font-size=\"").append(geo.labelFontSize).append("\">\n");
    for (Scene.Node n : scene.nodes()) {
      if (n.label().isPresent()) {
        // about 0.55 em per character: flip labels that would run into the legend
        boolean flip = geo.x(n.x()) + geo.radius(n) + 3 + 0.55 * geo.labelFontSize * n.label().get().length() > geo.graphWidth - 4;
        b.append(String.format(Locale.ROOT,
            "<text x=\"%.2f\" y=\"%.2f\"%s dominant-baseline=\"middle\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\">%s</text>%n",
            flip ? geo.x(n.x()) - geo.radius(n) - 3 : geo.x(n.x()) + geo.radius(n) + 3, geo.y(n.y()),
            flip ? " text-anchor=\"end\"" : "", xml(n.label().get())));
      }
    }
    b.append("</g>\n<g id=\"legend\">\n");
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#F7F7F7\" stroke=\"#DDDDDD\"/>%n",
        geo.graphWidth, width - geo.graphWidth, height));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"bold\" fill=\"#222222\">Communities</text>%n",
        geo.legendX, geo.legendTop, geo.legendFontSize + 2));
    int y = geo.legendTop + geo.legendLine;
    for (Scene.LegendEntry entry : scene.legend()) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
          geo.legendX, y - geo.swatch + 2, geo.swatch, geo.swatch, Palette.css(entry.rgb())));
      // about 0.55 em per character, as in the PNG's wrapping
      int chars = (int) ((width - geo.legendX - geo.swatch - 16) / (0.55 * geo.legendFontSize));
      List<String> lines = wrapChars(entry.text(), chars);
      for (int i = 0; i < Math.min(2, lines.size()); i++) {
        String line = i == 1 && lines.size() > 2 ? String.join(" ", lines.subList(1, lines.size())) : lines.get(i);
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"#222222\">%s</text>%n",
            geo.legendX + geo.swatch + 8, y, geo.legendFontSize, xml(line)));
        y += i == 0 && lines.size() > 1 ? geo.legendLine * 4 / 5 : geo.legendLine;
      }
    }
    b.append("</g>\n");
    int ny = height - geo.margin / 3 - (scene.notices().size() - 1) * geo.legendLine;
    for (String notice : scene.notices()) {
      b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-size=\"%d\" fill=\"#8A4B00\">%s</text>%n",
          ny, geo.legendFontSize, xml(notice)));
      ny += geo.legendLine;
    }
    b.append("</svg>\n");
    return b.toString();
  }

  // faded first, then weak to strong, so strong edges are on top
  private static List<Scene.Edge> edgeOrder(Scene scene) {
    List<Scene.Edge> edges = new ArrayList<>(scene.edges());
    edges.sort(Comparator.comparing((Scene.Edge e) -> !e.faded()).thenComparingDouble(Scene.Edge::weight)
        .thenComparing(Scene.Edge::a).thenComparing(Scene.Edge::b));
    return edges;
  }

  // faded first, then small to large, the selection last
  private static List<Scene.Node> nodeOrder(Scene scene) {
    List<Scene.Node> nodes = new ArrayList<>(scene.nodes());
    nodes.sort(Comparator.comparingInt((Scene.Node n) -> n.state() == Scene.State.FADED ? 0
            : n.state() == Scene.State.NORMAL ? 1 : 2)
        .thenComparingDouble(Scene.Node::size).thenComparing(Scene.Node::id));
    return nodes;
  }

  private static void checkSize(int width, int height) {
    if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("picture size must be " + MIN_SIDE + ".." + MAX_SIDE + " pixels a side: "
          + width + "x" + height);
    }
  }

  private static String fit(String text, FontMetrics fm, int width) {
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String t = text;
    while (t.length() > 1 && fm.stringWidth(t + "\u2026") > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip() + "\u2026";
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static List<String> wrapChars(String text, int chars) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Where things go in a picture of a given size: layout units to pixels, y pointing up. */
  private static final class Geometry {
    final int graphWidth;
    final int graphHeight;
    final int margin;
    final double scale;
    final int labelFontSize;
    final int legendFontSize;
    final int legendX;
    final int legendTop;
    final int legendLine;
    final int swatch;
    final double minR;
    final double maxR;
    private final double ox;
    private final double oy;
    private final double k;

    Geometry(Scene scene, int width, int height) {
      scale = Math.min(width, height) / 1000.0;
      int legendWidth = (int) Math.round(Math.max(260, width * 0.24));
      graphWidth = width - legendWidth;
      margin = (int) Math.round(40 * scale);
      graphHeight = height - margin;
      labelFontSize = (int) Math.max(10, Math.round(12 * scale));
      legendFontSize = (int) Math.max(11, Math.round(14 * scale));
      legendX = graphWidth + (int) Math.round(16 * scale);
      legendTop = (int) Math.round(36 * scale);
      legendLine = (int) Math.round(legendFontSize * 1.6);
      swatch = legendFontSize;
      minR = 2.5 * scale;
      maxR = 13 * scale;
      if (scene == null) {
        ox = oy = 0;
        k = 1;
        return;
      }
      double w = Math.max(1e-9, scene.maxX() - scene.minX());
      double h = Math.max(1e-9, scene.maxY() - scene.minY());
      double room = Math.min((graphWidth - 2.0 * margin) / w, (graphHeight - 2.0 * margin) / h);
      k = scene.maxX() > scene.minX() || scene.maxY() > scene.minY() ? room : 1;
      // centre the drawing in the graph area
      ox = (graphWidth - k * w) / 2 - k * scene.minX();
      oy = (graphHeight - k * h) / 2 + k * scene.maxY();
    }

    double x(double lx) {
      return ox + k * lx;
    }

    double y(double ly) {
      return oy - k * ly;
    }

    double radius(Scene.Node n) {
      return minR + (maxR - minR) * n.size();
    }

    double edgeWidth(Scene.Edge e) {
      return scale * (e.faded() ? 0.6 : 0.6 + 1.6 * e.shade());
    }
  }
}

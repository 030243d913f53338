package dev.papergraph.viz;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Timeline;
import dev.papergraph.io.AtomicOutput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
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
import javax.imageio.ImageIO;

/**
 * A stacked-area picture of a {@link Timeline}: papers per period, one band per community in the
 * community colours of {@code render} ({@link dev.papergraph.write.Palette}), the largest
 * communities by name in a legend on the right (label terms and size, as in {@code render}'s
 * legend), the rest in one grey band. PNG with Java2D, SVG as text, both from the same list of
 * shapes, so the two are the same picture and the output is byte-identical for the same input.
 *
 * <p>Why our own drawing rather than XChart: the pictures of this project are drawn this way
 * ({@link GraphPicture}), with the same fonts, background and legend, and a stacked area is a few
 * polygons; a charting library would bring its own look and a dependency for that.
 */
public final class TimelinePicture {

  /** Default picture width, pixels. */
  public static final int WIDTH_DEFAULT = 1400;

  /** Default picture height, pixels. */
  public static final int HEIGHT_DEFAULT = 800;

  /** Default number of communities drawn in their own colour. */
  public static final int COMMUNITIES_DEFAULT = 10;

  private sealed interface Shape permits Area, Line, Text, Box {}

  private record Area(double[] xs, double[] ys, int rgb) implements Shape {}

  private record Line(double x1, double y1, double x2, double y2, int rgb, double width)
      implements Shape {}

  private record Box(double x, double y, double w, double h, int rgb) implements Shape {}

  /** Text; anchor -1 start, 0 middle, 1 end; y is the baseline. */
  private record Text(double x, double y, String text, int size, boolean bold, int rgb, int anchor)
      implements Shape {}

  private TimelinePicture() {}

  /**
   * Writes the picture atomically, PNG or SVG after the file's extension.
   *
   * @param shown how many of the largest communities get their own band, at least 1
   * @throws IllegalArgumentException if the extension, size or count is not accepted, or the
   *     timeline has no dated paper
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
   */
  public static void write(
      Timeline timeline,
      Communities communities,
      int shown,
      Path file,
      int width,
      int height,
      boolean overwrite)
      throws IOException {
    GraphPicture.Format format = GraphPicture.Format.of(file);
    List<Shape> shapes = shapes(timeline, communities, shown, width, height);
    if (format == GraphPicture.Format.PNG) {
      BufferedImage image = draw(shapes, width, height);
      AtomicOutput.write(
          file,
          overwrite,
          out -> {
            if (!ImageIO.write(image, "png", out)) {
              throw new IOException("no PNG writer in this Java runtime");
            }
          });
    } else {
      String svg = svg(shapes, width, height);
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
   * The communities drawn in their own colour: the {@code shown} largest (ties by id), in id order.
   */
  public static List<Community> largest(Communities communities, int shown) {
    return communities.communities().stream()
        .sorted(Comparator.comparingInt(Community::size).reversed().thenComparingInt(Community::id))
        .limit(shown)
        .sorted(Comparator.comparingInt(Community::id))
        .toList();
  }

  private static List<Shape> shapes(
      Timeline t, Communities communities, int shown, int width, int height) {
    if (shown < 1) {
      throw new IllegalArgumentException("communities shown must be at least 1: " + shown);
    }
    if (width < GraphPicture.MIN_SIDE
        || height < GraphPicture.MIN_SIDE
        || width > GraphPicture.MAX_SIDE
        || height > GraphPicture.MAX_SIDE) {
      throw new IllegalArgumentException(
          "picture size must be "
              + GraphPicture.MIN_SIDE
              + " to "
              + GraphPicture.MAX_SIDE
              + " pixels a side: "
              + width
              + "x"
              + height);
    }
    if (t.periods() == 0) {
      throw new IllegalArgumentException("no paper has a date to place on a timeline");
    }
    List<Community> bands = largest(communities, shown);
    boolean other = bands.size() < communities.communities().size();
    int n = t.periods();
    // the stacked totals: row b is the top of band b
    int rows = bands.size() + (other ? 1 : 0);
    double[][] top = new double[rows][n];
    int max = 1;
    for (int i = 0; i < n; i++) {
      int period = t.first() + i;
      double sum = 0;
      for (int b = 0; b < bands.size(); b++) {
        sum += t.count(bands.get(b).id(), period);
        top[b][i] = sum;
      }
      if (other) {
        top[rows - 1][i] = t.total(period);
      }
      max = Math.max(max, t.total(period));
    }
    int font = Math.max(11, Math.min(width, height) / 60);
    double left = font * 5;
    double right = width * 0.70;
    double topY = font * 4;
    double bottom = height - font * 4;
    double step = (right - left) / Math.max(1, n - 1);
    double tick = niceStep(max);
    double yMax = Math.ceil(max / tick) * tick;
    List<Shape> out = new ArrayList<>();
    out.add(new Box(0, 0, width, height, Palette.BACKGROUND));
    String unit = t.period().key();
    out.add(
        new Text(
            left, font * 2, "Papers per " + unit + " by community", font + 3, true, 0x222222, -1));
    // grid and y axis labels
    for (double v = 0; v <= yMax + 1e-9; v += tick) {
      double y = bottom - (bottom - topY) * v / yMax;
      out.add(new Line(left, y, right, y, 0xE6E6E6, 1));
      out.add(
          new Text(
              left - font / 2.0,
              y + font / 3.0,
              String.valueOf((long) v),
              font,
              false,
              0x555555,
              1));
    }
    // bands, bottom first
    for (int b = 0; b < rows; b++) {
      double[] xs = new double[2 * n];
      double[] ys = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double x = n == 1 ? (left + right) / 2 : left + i * step;
        xs[i] = x;
        ys[i] = bottom - (bottom - topY) * top[b][i] / yMax;
        xs[2 * n - 1 - i] = x;
        ys[2 * n - 1 - i] = bottom - (bottom - topY) * (b == 0 ? 0 : top[b - 1][i]) / yMax;
      }
      int rgb =
          b < bands.size() ? dev.papergraph.write.Palette.colour(bands.get(b).id()) : Palette.OTHER;
      out.add(new Area(xs, ys, rgb));
    }
    out.add(new Line(left, bottom, right, bottom, 0x444444, 1));
    // period labels, at most about 14
    int every = Math.max(1, (int) Math.ceil(n / 14.0));
    for (int i = 0; i < n; i += every) {
      double x = n == 1 ? (left + right) / 2 : left + i * step;
      out.add(new Line(x, bottom, x, bottom + font / 2.0, 0x444444, 1));
      out.add(
          new Text(
              x, bottom + font * 1.8, t.period().label(t.first() + i), font, false, 0x333333, 0));
    }
    if (t.undated() > 0) {
      out.add(
          new Text(
              left,
              height - font,
              t.undated() + " papers without a " + unit + " are not drawn",
              font,
              false,
              0x777777,
              -1));
    }
    // legend: largest band on top, as the bands stack
    double lx = right + font * 2;
    double ly = topY;
    out.add(new Text(lx, ly, "Communities", font + 1, true, 0x222222, -1));
    ly += font * 1.8;
    int chars = Math.max(10, (int) ((width - lx - font * 3) / (font * 0.55)));
    List<String> lines = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    if (other) {
      int rest = communities.communities().size() - bands.size();
      lines.add(rest + " smaller communities");
      colours.add(Palette.OTHER);
    }
    for (int b = bands.size() - 1; b >= 0; b--) {
      Community c = bands.get(b);
      lines.add(cut(c.id() + "  " + c.label(), chars - 6) + " (" + c.size() + ")");
      colours.add(dev.papergraph.write.Palette.colour(c.id()));
    }
    for (int i = 0; i < lines.size(); i++) {
      out.add(new Box(lx, ly - font * 0.8, font * 0.9, font * 0.9, colours.get(i)));
      out.add(new Text(lx + font * 1.4, ly, lines.get(i), font, false, 0x222222, -1));
      ly += font * 1.6;
    }
    return out;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
  }

  /** A step of 1, 2 or 5 times a power of ten giving about five grid lines up to max. */
  static double niceStep(double max) {
    double raw = max / 5;
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return Math.max(1, m * p);
      }
    }
    return Math.max(1, 10 * p);
  }

  private static BufferedImage draw(List<Shape> shapes, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      for (Shape s : shapes) {
        if (s instanceof Box b) {
          g.setColor(new Color(b.rgb()));
          g.fill(new Rectangle2D.Double(b.x(), b.y(), b.w(), b.h()));
        } else if (s instanceof Area a) {
          Path2D.Double p = new Path2D.Double();
          p.moveTo(a.xs()[0], a.ys()[0]);
          for (int i = 1; i < a.xs().length; i++) {
            p.lineTo(a.xs()[i], a.ys()[i]);
          }
          p.closePath();
          g.setColor(new Color(a.rgb()));
          g.fill(p);
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(0.6f));
          g.draw(p);
        } else if (s instanceof Line l) {
          g.setColor(new Color(l.rgb()));
          g.setStroke(new BasicStroke((float) l.width()));
          g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (s instanceof Text t) {
          g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, t.size()));
          FontMetrics fm = g.getFontMetrics();
          double w = fm.stringWidth(t.text());
          double x = t.anchor() < 0 ? t.x() : t.anchor() == 0 ? t.x() - w / 2 : t.x() - w;
          g.setColor(new Color(t.rgb()));
          g.drawString(t.text(), (float) x, (float) t.y());
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static String svg(List<Shape> shapes, int width, int height) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n",
            width,
            height,
            width,
            height));
    for (Shape s : shapes) {
      if (s instanceof Box x) {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" " + "fill=\"%s\"/>\n",
                x.x(),
                x.y(),
                x.w(),
                x.h(),
                hex(x.rgb())));
      } else if (s instanceof Area a) {
        b.append("<polygon points=\"");
        for (int i = 0; i < a.xs().length; i++) {
          b.append(
              String.format(Locale.ROOT, "%s%.1f,%.1f", i > 0 ? " " : "", a.xs()[i], a.ys()[i]));
        }
        b.append(
            String.format(
                Locale.ROOT,
                "\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>\n",
                hex(a.rgb())));
      } else if (s instanceof Line l) {
        b.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                l.x1(),
                l.y1(),
                l.x2(),
                l.y2(),
                hex(l.rgb()),
                l.width()));
      } else if (s instanceof Text t) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s fill=\"%s\" "
                    + "text-anchor=\"%s\">%s</text>\n",
                t.x(),
                t.y(),
                t.size(),
                t.bold() ? " font-weight=\"bold\"" : "",
                hex(t.rgb()),
                t.anchor() < 0 ? "start" : t.anchor() == 0 ? "middle" : "end",
                escape(t.text())));
      }
    }
    return b.append("</svg>\n").toString();
  }

  private static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

package dev.papergraph.viz;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where everything of a picture goes, in pixels: the papers as discs, the edges as strokes, the
 * labels on the map with their boxes, the legend and the notices. {@link GraphPicture} draws a plan
 * as PNG or SVG; tests check the plan (no two labels overlap, every community has a label).
 *
 * <p>The map: papers outside the focus are left out; the layout is turned so that its long axis
 * lies along the canvas's long side (the principal axis of the positions, as VOSviewer turns its
 * maps; a force layout has no meaningful orientation) and fitted to the canvas with a margin. Paper
 * radii and edge widths and opacity follow the number of papers and edges drawn, so that 400 and
 * 5,000 papers both read: the radius grows with the square root of the area per paper, the edge
 * opacity falls with the square root of the number of edges.
 *
 * <p>The labels: each community drawn in its own colour gets a label over its papers (the median
 * position of its papers), in a size that grows with the square root of its size, with a halo of
 * the background colour; largest community first, each placed at the free spot nearest its papers
 * (rings of candidate positions around the median), shrunk when nothing is free. Then paper titles,
 * most central first (the selection before all), each at the first free side of its paper (right,
 * left, above, below and the four corners), or not at all: no label overlaps another.
 *
 * <p>Text is measured with Java2D's metrics of the logical SansSerif font at fractional sizes, the
 * same metrics the PNG is drawn with; cost O(n + m + L^2) for n papers, m edges and L labels tried.
 */
public final class PicturePlan {

  /** What a label names. */
  public enum Kind {
    /** A community's label, over its papers. */
    COMMUNITY,
    /** A paper's title, beside it. */
    PAPER
  }

  /**
   * A paper.
   *
   * @param id the paper id
   * @param x centre, pixels from the left
   * @param y centre, pixels from the top
   * @param r radius, pixels
   * @param rgb fill 0xRRGGBB
   * @param selected true for the selected (focus) paper, drawn with a ring
   */
  public record Disc(String id, double x, double y, double r, int rgb, boolean selected) {}

  /**
   * An edge.
   *
   * @param x1 one end, pixels
   * @param y1 one end, pixels
   * @param x2 other end, pixels
   * @param y2 other end, pixels
   * @param rgb colour 0xRRGGBB
   * @param alpha opacity 0-1
   * @param width stroke width, pixels
   */
  public record Stroke(
      double x1, double y1, double x2, double y2, int rgb, double alpha, double width) {}

  /**
   * A piece of text.
   *
   * @param text the text (one line)
   * @param x left end of the baseline, pixels
   * @param y baseline, pixels
   * @param size font size, pixels
   * @param bold bold or plain
   * @param rgb colour 0xRRGGBB
   * @param halo the colour of the halo around the glyphs, or -1 for none
   * @param haloWidth the halo's stroke width, pixels
   */
  public record Text(
      String text,
      double x,
      double y,
      double size,
      boolean bold,
      int rgb,
      int halo,
      double haloWidth) {}

  /**
   * A label on the map.
   *
   * @param kind community or paper
   * @param key the community id ("3") or the paper id
   * @param text what is drawn
   * @param box the space the text takes, pixels (no two labels' boxes intersect)
   */
  public record Label(Kind kind, String key, Text text, Rectangle2D.Double box) {}

  /**
   * A coloured square of the legend.
   *
   * @param x left, pixels
   * @param y top, pixels
   * @param side side, pixels
   * @param rgb colour 0xRRGGBB
   */
  public record Swatch(double x, double y, double side, int rgb) {}

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font BASE_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  // label boxes keep this far apart, pixels at scale 1
  private static final double GAP = 3;

  /**
   * Papers of a community a map must show for the community to get a label on it (all of them when
   * it is smaller): a map of everything labels every community; an ego map does not label the
   * communities it only touches.
   */
  public static final int MIN_LABELLED_PRESENCE = 3;

  /** Most central papers listed in the legend of a map of one community. */
  public static final int CENTRAL_LISTED = 10;

  private final PictureOptions options;
  private final Rectangle2D.Double map;
  private final Rectangle2D.Double panel;
  private final List<Stroke> strokes = new ArrayList<>();
  private final List<Disc> discs = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final List<Swatch> swatches = new ArrayList<>();
  private final List<Text> legend = new ArrayList<>();
  private final List<Text> notices = new ArrayList<>();
  private final List<Integer> unlabelled = new ArrayList<>();
  private final double scale;

  private PicturePlan(PictureOptions options, double mapWidth) {
    this.options = options;
    this.scale = Math.min(options.width(), options.height()) / 1000.0;
    this.map = new Rectangle2D.Double(0, 0, mapWidth, options.height());
    this.panel = new Rectangle2D.Double(mapWidth, 0, options.width() - mapWidth, options.height());
  }

  /** The plan of a scene's picture. */
  public static PicturePlan of(Scene scene, PictureOptions options) {
    double s = Math.min(options.width(), options.height()) / 1000.0;
    double panelWidth = Math.round(Math.max(250 * s, options.width() * 0.2));
    PicturePlan plan = new PicturePlan(options, options.width() - panelWidth);
    plan.build(scene);
    return plan;
  }

  /** The options drawn with. */
  public PictureOptions options() {
    return options;
  }

  /** The map's part of the picture (left), pixels. */
  public Rectangle2D.Double map() {
    return (Rectangle2D.Double) map.clone();
  }

  /** The legend's part of the picture (right), pixels. */
  public Rectangle2D.Double panel() {
    return (Rectangle2D.Double) panel.clone();
  }

  /** The edges, in drawing order (weakest first). */
  public List<Stroke> strokes() {
    return List.copyOf(strokes);
  }

  /** The papers, in drawing order (smallest first, the selection last). */
  public List<Disc> discs() {
    return List.copyOf(discs);
  }

  /** The labels on the map: community labels first, then paper titles. */
  public List<Label> labels() {
    return List.copyOf(labels);
  }

  /** The legend's swatches. */
  public List<Swatch> swatches() {
    return List.copyOf(swatches);
  }

  /** The legend's text, heading first. */
  public List<Text> legend() {
    return List.copyOf(legend);
  }

  /** The notices under the map. */
  public List<Text> notices() {
    return List.copyOf(notices);
  }

  /**
   * Communities drawn in their own colour that got no label (empty unless labels are off or space
   * ran out).
   */
  public List<Integer> unlabelledCommunities() {
    return List.copyOf(unlabelled);
  }

  /** The font a text is drawn in. */
  public static Font font(Text t) {
    return (t.bold() ? BASE_BOLD : BASE).deriveFont((float) t.size());
  }

  /** The font render context the plan measures with (antialiased, fractional metrics). */
  public static FontRenderContext fontRenderContext() {
    return FRC;
  }

  /** Width of a text in pixels. */
  static double width(String text, double size, boolean bold) {
    return (bold ? BASE_BOLD : BASE).deriveFont((float) size).getStringBounds(text, FRC).getWidth();
  }

  // ------------------------------------------------------------------ building

  private void build(Scene scene) {
    double s = scale;
    Theme theme = options.theme();
    Map<String, Scene.Node> shown = new LinkedHashMap<>();
    for (Scene.Node n : scene.nodes()) {
      if (n.state() != Scene.State.FADED) {
        shown.put(n.id(), n);
      }
    }
    List<Scene.Edge> edges =
        scene.edges().stream()
            .filter(e -> !e.faded() && shown.containsKey(e.a()) && shown.containsKey(e.b()))
            .toList();

    // notices first: they take the bottom of the map
    double noticeSize = Math.max(11, 13 * s);
    double noticeLine = noticeSize * 1.45;
    double mapBottom =
        map.height - scene.notices().size() * noticeLine - (scene.notices().isEmpty() ? 0 : 8 * s);
    double ny = mapBottom + noticeLine * 0.8;
    for (String notice : scene.notices()) {
      notices.add(
          new Text(
              fit(notice, noticeSize, false, map.width - 20 * s),
              10 * s,
              ny,
              noticeSize,
              false,
              theme.notice(),
              -1,
              0));
      ny += noticeLine;
    }
    Rectangle2D.Double area = new Rectangle2D.Double(0, 0, map.width, mapBottom);

    // sizes from the number of papers: radius ~ the square root of the area per paper
    int n = shown.size();
    double perPaper = area.width * area.height / Math.max(1, n);
    double base = Math.max(1.2, Math.min(9 * s, 0.09 * Math.sqrt(perPaper)));
    double maxR = base * 2.2;
    double margin = 24 * s + maxR;

    // turn the layout so its principal axis lies along the canvas's long side, then fit it
    double[] xs = new double[n];
    double[] ys = new double[n];
    List<Scene.Node> nodes = new ArrayList<>(shown.values());
    double mx = 0;
    double my = 0;
    for (Scene.Node node : nodes) {
      mx += node.x();
      my += node.y();
    }
    mx /= Math.max(1, n);
    my /= Math.max(1, n);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (Scene.Node node : nodes) {
      double dx = node.x() - mx;
      double dy = node.y() - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    double axis = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    double turn = (area.width >= area.height ? 0 : Math.PI / 2) - axis;
    double cos = Math.cos(turn);
    double sin = Math.sin(turn);
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double dx = nodes.get(i).x() - mx;
      double dy = nodes.get(i).y() - my;
      xs[i] = dx * cos - dy * sin;
      ys[i] = dx * sin + dy * cos;
      x0 = Math.min(x0, xs[i]);
      x1 = Math.max(x1, xs[i]);
      y0 = Math.min(y0, ys[i]);
      y1 = Math.max(y1, ys[i]);
    }
    double w = Math.max(1e-9, x1 - x0);
    double h = Math.max(1e-9, y1 - y0);
    double k = n < 2 ? 1 : Math.min((area.width - 2 * margin) / w, (area.height - 2 * margin) / h);
    double ox = n == 0 ? 0 : area.width / 2 - k * (x0 + x1) / 2;
    double oy =
        n == 0 ? 0 : area.height / 2 + k * (y0 + y1) / 2; // y up in the layout, down on screen
    Map<String, double[]> at = new HashMap<>();
    for (int i = 0; i < n; i++) {
      at.put(nodes.get(i).id(), new double[] {ox + k * xs[i], oy - k * ys[i]});
    }

    // edges: weakest first so strong ones are on top; opacity falls as edges get many
    double alphaMax =
        Math.max(0.12, Math.min(0.5, 0.5 * Math.sqrt(1500.0 / Math.max(1, edges.size()))));
    double widthScale = s * Math.max(0.75, Math.min(1.2, Math.sqrt(800.0 / Math.max(1, n))));
    List<Scene.Edge> edgeOrder = new ArrayList<>(edges);
    edgeOrder.sort(
        Comparator.comparingDouble(Scene.Edge::weight)
            .thenComparing(Scene.Edge::a)
            .thenComparing(Scene.Edge::b));
    for (Scene.Edge e : edgeOrder) {
      Scene.Node a = shown.get(e.a());
      Scene.Node b = shown.get(e.b());
      double[] pa = at.get(e.a());
      double[] pb = at.get(e.b());
      int rgb =
          a.community() >= 0
                  && a.community() == b.community()
                  && a.rgb() == b.rgb()
                  && a.rgb() != Palette.OTHER
              ? a.rgb()
              : theme.edge();
      strokes.add(
          new Stroke(
              pa[0],
              pa[1],
              pb[0],
              pb[1],
              rgb,
              alphaMax * (0.3 + 0.7 * e.shade()),
              widthScale * (0.6 + 1.0 * e.shade())));
    }

    // papers: small first, the selection last
    List<Scene.Node> nodeOrder = new ArrayList<>(nodes);
    nodeOrder.sort(
        Comparator.comparingInt((Scene.Node x) -> x.state() == Scene.State.SELECTED ? 1 : 0)
            .thenComparingDouble(Scene.Node::size)
            .thenComparing(Scene.Node::id));
    Map<String, Double> radius = new HashMap<>();
    for (Scene.Node node : nodeOrder) {
      double r = base * (0.55 + 1.65 * node.size());
      radius.put(node.id(), r);
      double[] p = at.get(node.id());
      discs.add(
          new Disc(node.id(), p[0], p[1], r, node.rgb(), node.state() == Scene.State.SELECTED));
    }

    // community labels
    Map<Integer, List<Scene.Node>> members = new LinkedHashMap<>();
    for (Scene.Node node : nodes) {
      if (node.community() >= 0 && node.rgb() != Palette.OTHER) {
        members.computeIfAbsent(node.community(), c -> new ArrayList<>()).add(node);
      }
    }
    List<Scene.LegendEntry> coloured =
        scene.legend().stream()
            .filter(e -> e.community() >= 0 && members.containsKey(e.community()))
            .toList();
    int largest =
        coloured.stream().mapToInt(e -> members.get(e.community()).size()).max().orElse(1);
    if (options.labels().communities()) {
      for (Scene.LegendEntry e : coloured) {
        List<Scene.Node> ms = members.get(e.community());
        if (ms.size() < Math.min(MIN_LABELLED_PRESENCE, e.size())) {
          continue; // a paper or two of a community at the edge of an ego map: the legend names it
        }
        double[] px = ms.stream().mapToDouble(m -> at.get(m.id())[0]).sorted().toArray();
        double[] py = ms.stream().mapToDouble(m -> at.get(m.id())[1]).sorted().toArray();
        double cx = median(px);
        double cy = median(py);
        double size = s * (14 + 16 * Math.sqrt(ms.size() / (double) largest));
        String text = mapLabel(e.label());
        if (!placeCommunityLabel(e, text, size, cx, cy, area)) {
          unlabelled.add(e.community());
        }
      }
    }

    // paper labels: most central first, where they fit
    if (options.labels().papers()) {
      double size = Math.max(10, 12 * s);
      List<Scene.Node> candidates =
          new ArrayList<>(nodes.stream().filter(x -> x.label().isPresent()).toList());
      candidates.sort(
          Comparator.comparingInt((Scene.Node x) -> x.state() == Scene.State.SELECTED ? 0 : 1)
              .thenComparingDouble(x -> -x.size())
              .thenComparing(Scene.Node::id));
      for (Scene.Node node : candidates) {
        double[] p = at.get(node.id());
        placePaperLabel(
            node, shortTitle(node.label().get()), size, p[0], p[1], radius.get(node.id()), area);
      }
    }

    legend(scene, coloured, nodes);
  }

  private boolean placeCommunityLabel(
      Scene.LegendEntry e,
      String text,
      double size0,
      double cx,
      double cy,
      Rectangle2D.Double area) {
    Theme theme = options.theme();
    double minSize = Math.min(size0, Math.max(9, 11 * scale));
    List<Double> sizes = new ArrayList<>();
    for (double size = size0; size > minSize; size *= 0.85) {
      sizes.add(size);
    }
    sizes.add(minSize);
    for (int attempt = 0; attempt < sizes.size(); attempt++) {
      double size = sizes.get(attempt);
      boolean last = attempt == sizes.size() - 1;
      Metrics m = metrics(text, size, true);
      double step = Math.max(4, m.height * 0.5);
      // the last, smallest attempt may go anywhere; larger ones stay near their papers
      double reach =
          last ? Math.hypot(area.width, area.height) : Math.max(area.width, area.height) * 0.2;
      int rings = (int) Math.ceil(reach / step);
      for (int ring = 0; ring <= rings; ring++) {
        int directions = ring == 0 ? 1 : 8 + 4 * ring;
        for (int d = 0; d < directions; d++) {
          // start straight above and go round, so that labels stack over their papers first
          double angle = -Math.PI / 2 + 2 * Math.PI * d / directions;
          double bx = cx + ring * step * Math.cos(angle) * 1.6 - m.width / 2;
          double by = cy + ring * step * Math.sin(angle) - m.height / 2;
          Rectangle2D.Double box = new Rectangle2D.Double(bx, by, m.width, m.height);
          if (fits(box, area)) {
            labels.add(
                new Label(
                    Kind.COMMUNITY,
                    Integer.toString(e.community()),
                    new Text(
                        text,
                        bx,
                        by + m.ascent,
                        size,
                        true,
                        theme.label(e.rgb()),
                        theme.background(),
                        Math.max(2, size * 0.22)),
                    box));
            return true;
          }
        }
      }
    }
    return false;
  }

  private void placePaperLabel(
      Scene.Node node,
      String text,
      double size,
      double x,
      double y,
      double r,
      Rectangle2D.Double area) {
    Theme theme = options.theme();
    Metrics m = metrics(text, size, false);
    double gap = 2 + 0.3 * r;
    double[][] spots = {
      {x + r + gap, y - m.height / 2},
      {x - r - gap - m.width, y - m.height / 2},
      {x - m.width / 2, y - r - gap - m.height},
      {x - m.width / 2, y + r + gap},
      {x + r * 0.7, y - r * 0.7 - m.height},
      {x - r * 0.7 - m.width, y - r * 0.7 - m.height},
      {x + r * 0.7, y + r * 0.7},
      {x - r * 0.7 - m.width, y + r * 0.7}
    };
    for (double[] spot : spots) {
      Rectangle2D.Double box = new Rectangle2D.Double(spot[0], spot[1], m.width, m.height);
      if (fits(box, area)) {
        labels.add(
            new Label(
                Kind.PAPER,
                node.id(),
                new Text(
                    text,
                    spot[0],
                    spot[1] + m.ascent,
                    size,
                    node.state() == Scene.State.SELECTED,
                    theme.text(),
                    theme.background(),
                    Math.max(2, size * 0.3)),
                box));
        return;
      }
    }
  }

  // inside the map and clear of every label placed so far
  private boolean fits(Rectangle2D.Double box, Rectangle2D.Double area) {
    double pad = 4 * scale;
    if (box.x < area.x + pad
        || box.y < area.y + pad
        || box.x + box.width > area.x + area.width - pad
        || box.y + box.height > area.y + area.height - pad) {
      return false;
    }
    double gap = GAP * scale;
    for (Label l : labels) {
      Rectangle2D.Double o = l.box();
      if (box.x < o.x + o.width + gap
          && o.x < box.x + box.width + gap
          && box.y < o.y + o.height + gap
          && o.y < box.y + box.height + gap) {
        return false;
      }
    }
    return true;
  }

  private void legend(Scene scene, List<Scene.LegendEntry> coloured, List<Scene.Node> nodes) {
    Theme theme = options.theme();
    double s = scale;
    double x = panel.x + 18 * s;
    double right = panel.x + panel.width - 14 * s;
    double bottom = panel.height - 16 * s;
    double headSize = Math.max(13, 18 * s);
    double bodySize = Math.max(11, 14 * s);
    double line = bodySize * 1.35;
    double y = 34 * s;
    for (String l : wrap(options.heading(), headSize, true, right - x, 3)) {
      legend.add(new Text(l, x, y, headSize, true, theme.text(), -1, 0));
      y += headSize * 1.3;
    }
    y += line * 0.35;

    List<Scene.LegendEntry> entries = new ArrayList<>(coloured);
    boolean anyGrey = nodes.stream().anyMatch(n -> n.rgb() == Palette.OTHER);
    scene.legend().stream()
        .filter(e -> e.community() < 0)
        .filter(e -> anyGrey)
        .forEach(entries::add);
    double swatch = bodySize * 0.9;
    double textX = x + swatch + 8 * s;
    // room for the captions and a "more" line below the entries
    double reserve = options.caption().map(c -> 3 * line).orElse(line) + line * 1.2;
    for (int i = 0; i < entries.size(); i++) {
      Scene.LegendEntry e = entries.get(i);
      List<String> lines = wrap(e.text(), bodySize, false, right - textX, 2);
      if (y + lines.size() * line > bottom - reserve && i < entries.size() - 1) {
        int more = 0;
        int papers = 0;
        for (Scene.LegendEntry rest : entries.subList(i, entries.size())) {
          more++;
          papers += rest.size();
        }
        legend.add(
            new Text(
                String.format(Locale.ROOT, "+ %d more (%,d papers)", more, papers),
                textX,
                y,
                bodySize,
                false,
                theme.muted(),
                -1,
                0));
        y += line;
        break;
      }
      swatches.add(new Swatch(x, y - swatch * 0.9, swatch, e.rgb()));
      for (String l : lines) {
        legend.add(new Text(l, textX, y, bodySize, false, theme.text(), -1, 0));
        y += line;
      }
      y += line * 0.25;
    }

    // one community alone: its most central papers, as in `papergraph communities`
    if (coloured.size() == 1) {
      List<Scene.Node> central =
          new ArrayList<>(nodes.stream().filter(n -> n.label().isPresent()).toList());
      central.sort(
          Comparator.comparingDouble((Scene.Node n) -> -n.size()).thenComparing(Scene.Node::id));
      if (!central.isEmpty()) {
        y += line * 0.5;
        legend.add(new Text("Most central papers", x, y, bodySize, true, theme.text(), -1, 0));
        y += line;
        int rank = 1;
        for (Scene.Node n : central) {
          List<String> lines =
              wrap(rank + ". " + n.label().get(), bodySize * 0.92, false, right - x, 2);
          if (y + lines.size() * line > bottom - reserve || rank > CENTRAL_LISTED) {
            break;
          }
          for (String l : lines) {
            legend.add(new Text(l, x, y, bodySize * 0.92, false, theme.text(), -1, 0));
            y += line * 0.95;
          }
          rank++;
        }
      }
    }
    if (options.caption().isPresent() && !nodes.isEmpty()) {
      y += line * 0.5;
      for (String l : wrap(options.caption().get(), bodySize * 0.9, false, right - x, 3)) {
        if (y > bottom) {
          break;
        }
        legend.add(new Text(l, x, y, bodySize * 0.9, false, theme.muted(), -1, 0));
        y += line;
      }
    }
  }

  // ------------------------------------------------------------------ text helpers

  private record Metrics(double width, double height, double ascent) {}

  private static Metrics metrics(String text, double size, boolean bold) {
    Font f = (bold ? BASE_BOLD : BASE).deriveFont((float) size);
    LineMetrics lm = f.getLineMetrics(text, FRC);
    double width = f.getStringBounds(text, FRC).getWidth();
    return new Metrics(width, lm.getAscent() + lm.getDescent(), lm.getAscent());
  }

  /** A community's label on the map: its leading terms, as many as fit in about 28 characters. */
  static String mapLabel(String label) {
    String[] terms = label.split(" / ");
    StringBuilder b = new StringBuilder(terms[0]);
    for (int i = 1; i < terms.length && i < 3; i++) {
      if (b.length() + 3 + terms[i].length() > 28) {
        break;
      }
      b.append(" / ").append(terms[i]);
    }
    return b.toString();
  }

  /** Longest paper title on the map, characters; longer ones are cut at a word with an ellipsis. */
  public static final int TITLE_CHARS = 40;

  static String shortTitle(String title) {
    String t = title.endsWith("\u2026") ? title.substring(0, title.length() - 1).strip() : title;
    if (t.length() <= TITLE_CHARS && t.length() == title.length()) {
      return title;
    }
    int cut = t.lastIndexOf(' ', TITLE_CHARS - 1);
    String head =
        (cut > TITLE_CHARS / 2
                ? t.substring(0, cut)
                : t.substring(0, Math.min(t.length(), TITLE_CHARS - 1)))
            .strip();
    head = head.replaceAll("[\\s:;,.\\-\u2013\u2014]+$", "");
    return head + "\u2026";
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The text cut to a width with an ellipsis. */
  static String fit(String text, double size, boolean bold, double width) {
    if (width(text, size, bold) <= width) {
      return text;
    }
    String t = text;
    while (t.length() > 1 && width(t + "\u2026", size, bold) > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip() + "\u2026";
  }

  /** Words wrapped to a width, at most {@code maxLines} lines, the last cut with an ellipsis. */
  static List<String> wrap(String text, double size, boolean bold, double width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (line.length() > 0 && width(line + " " + word, size, bold) > width) {
        if (lines.size() == maxLines - 1) {
          String rest = line + " " + String.join(" ", Arrays.copyOfRange(words, i, words.length));
          lines.add(fit(rest, size, bold, width));
          return lines;
        }
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(fit(line.toString(), size, bold, width));
    return lines;
  }
}

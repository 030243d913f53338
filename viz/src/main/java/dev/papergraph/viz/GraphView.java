package dev.papergraph.viz;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.swing.Timer;
import javax.swing.event.MouseInputListener;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.swing_viewer.SwingViewer;
import org.graphstream.ui.swing_viewer.ViewPanel;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.Viewer;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;

/**
 * The GraphStream view of a {@link ViewerModel}: a GraphStream graph kept in step with the model's
 * {@link Scene} (positions from the layout, colour classes from the {@link Palette}, sizes from the
 * chosen centrality, labels, edge shades, faded and hidden papers), drawn by GraphStream's Swing
 * viewer. A click selects a paper in the model, hovering shows a paper's title, the wheel zooms and
 * dragging the background pans.
 *
 * <p>Swing thread only: the graph lives in the GUI thread ({@code GRAPH_IN_GUI_THREAD}), so every
 * change is made there and no locking is needed. Close it on the Swing thread too.
 *
 * <p>Cost: {@link #refresh()} is O(n + m) over the scene; only changed attributes are sent to
 * GraphStream, and edges are added or removed by difference, so a click on a 5,000-paper graph
 * touches a few hundred elements.
 */
public final class GraphView {

  /** Smallest paper, pixels. */
  public static final double NODE_MIN_PX = 5;

  /** Largest paper, pixels. */
  public static final double NODE_MAX_PX = 24;

  /**
   * Above this many papers, shapes are drawn without anti-aliasing, which paints a frame several
   * times faster.
   */
  public static final int SMOOTH_MAX_PAPERS = 2000;

  private final ViewerModel model;
  private final Graph graph = new SingleGraph("papergraph", false, true);
  private final SwingViewer viewer;
  private final ViewPanel panel;
  private final Map<String, String> shownClass = new HashMap<>();
  private final Set<String> edgeIds = new LinkedHashSet<>();
  private final Map<String, Optional<String>> labels = new HashMap<>();
  // what GraphStream was last told, so a refresh sends only changes
  private final Map<String, Float> sizes = new HashMap<>();
  private final Map<String, String> edgeLooks = new HashMap<>();
  private String hovered;
  private long centred;
  // labels kept inside the canvas: the side each label is drawn on, and the view it was placed for
  private final Map<String, String> labelSides = new HashMap<>();
  private final Map<String, String> labelTexts = new HashMap<>();
  private String placedFor = "";
  private final Timer labelTimer;
  private boolean closed;

  /**
   * A view of the model.
   *
   * @param liveLayout whether GraphStream's force layout keeps refining the positions on screen
   */
  public GraphView(ViewerModel model, boolean liveLayout) {
    this.model = model;
    System.setProperty("org.graphstream.ui", "swing");
    graph.setAttribute("ui.stylesheet", stylesheet(model.scene()));
    if (model.analysis().graph().papers().size() <= SMOOTH_MAX_PAPERS) {
      graph.setAttribute("ui.quality");
      graph.setAttribute("ui.antialias");
    }
    for (String id : model.analysis().graph().papers().keySet()) {
      graph.addNode(id);
    }
    for (String id : model.analysis().graph().papers().keySet()) {
      var p = model.position(id);
      graph.getNode(id).setAttribute("xyz", p.x(), p.y(), 0.0);
    }
    viewer = new SwingViewer(graph, Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
    if (liveLayout) {
      viewer.enableAutoLayout();
    } else {
      viewer.disableAutoLayout();
    }
    panel = (ViewPanel) viewer.addDefaultView(false);
    panel.setMouseManager(new Mouse());
    centred = model.centreRequests();
    refresh();
    // the camera moves by wheel, drag, fit and resize: re-place the labels when the view changed
    labelTimer = new Timer(LABEL_CHECK_MS, e -> placeLabels());
    labelTimer.start();
  }

  /** How often the view is checked for camera changes that move labels, milliseconds. */
  static final int LABEL_CHECK_MS = 200;

  /**
   * Font size of labels, as in the style sheet; the selection's is {@value #SELECTED_LABEL_SIZE}.
   */
  static final int LABEL_SIZE = 11;

  /** Font size of the selection's label. */
  static final int SELECTED_LABEL_SIZE = 13;

  /**
   * Keeps every label inside the canvas for the current view: a label that would run past the right
   * edge goes to the left of its paper, and one that fits on neither side is shortened to the room
   * on the wider side. Runs on the Swing thread whenever the camera or the labels changed.
   */
  void placeLabels() {
    Camera camera = panel.getCamera();
    int width = panel.getWidth();
    if (closed
        || !panel.isShowing()
        || width <= 0
        || camera.getMetrics().ratioPx2Gu <= 0
        || camera.getMetrics().viewport[2] <= 0) {
      return; // not drawn yet, or closed
    }
    String view =
        width
            + "x"
            + panel.getHeight()
            + "@"
            + camera.getViewCenter()
            + "/"
            + camera.getViewPercent()
            + "#"
            + labels.hashCode()
            + ":"
            + hovered;
    if (view.equals(placedFor)) {
      return;
    }
    placedFor = view;
    for (Map.Entry<String, Optional<String>> e : new TreeMap<>(labels).entrySet()) {
      String id = e.getKey();
      String text = id.equals(hovered) ? model.title(id) : e.getValue().orElse(null);
      if (text == null) {
        continue;
      }
      LabelPlace place = labelPlace(id, text, width);
      Node node = graph.getNode(id);
      if (!place.side().equals(labelSides.get(id))) {
        node.setAttribute(
            "ui.style",
            place.side().equals("left")
                ? "text-alignment: at-left; text-offset: -4px, 0px;"
                : "text-alignment: at-right; text-offset: 4px, 0px;");
        labelSides.put(id, place.side());
      }
      if (!place.text().equals(labelTexts.get(id))) {
        node.setAttribute("ui.label", place.text());
        labelTexts.put(id, place.text());
      }
    }
  }

  /** Where a paper's label goes in the current view: its side and its (possibly shortened) text. */
  record LabelPlace(String side, String text, Rectangle box) {}

  /** The place of a label in the current view (for tests: the box must lie inside the canvas). */
  LabelPlace labelPlace(String id, String text, int width) {
    var p = model.position(id);
    Point3 px = panel.getCamera().transformGuToPx(p.x(), p.y(), 0);
    boolean selected = model.selected().map(id::equals).orElse(false);
    FontMetrics fm =
        panel.getFontMetrics(
            new Font(Font.SANS_SERIF, Font.PLAIN, selected ? SELECTED_LABEL_SIZE : LABEL_SIZE));
    double r = sizes.getOrDefault(id, (float) NODE_MIN_PX) / 2.0;
    int pad = 8; // offset, text padding and box
    int rightRoom = (int) (width - 2 - (px.x + r + pad));
    int leftRoom = (int) (px.x - r - pad - 2);
    String shown = text;
    String side;
    if (labelWidth(fm, text) <= rightRoom) {
      side = "right";
    } else if (labelWidth(fm, text) <= leftRoom) {
      side = "left";
    } else {
      side = rightRoom >= leftRoom ? "right" : "left";
      if (!id.equals(hovered)) {
        shown =
            shorten(
                fm,
                text,
                Math.max(rightRoom, leftRoom)); // the hovered title stays whole: it is asked for
      }
    }
    int w = labelWidth(fm, shown);
    int x = side.equals("right") ? (int) (px.x + r + pad) : (int) (px.x - r - pad - w);
    return new LabelPlace(
        side, shown, new Rectangle(x, (int) px.y - fm.getHeight() / 2, w, fm.getHeight()));
  }

  // the text's width with GraphStream's box padding, and a tenth for font differences
  private static int labelWidth(FontMetrics fm, String text) {
    return (int) Math.ceil(fm.stringWidth(text) * 1.1) + 4;
  }

  private static String shorten(FontMetrics fm, String text, int room) {
    String t = text;
    while (t.length() > 1 && labelWidth(fm, t + "\u2026") > room) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip() + "\u2026";
  }

  /** The Swing component to put in a window. */
  public ViewPanel component() {
    return panel;
  }

  /** The GraphStream graph (for tests and for the window's status line). */
  public Graph graph() {
    return graph;
  }

  /** Shows the whole graph again. */
  public void fit() {
    panel.getCamera().resetView();
  }

  /**
   * Brings the view in step with the model's scene; call on the Swing thread after a model change.
   */
  public void refresh() {
    Scene scene = model.scene();
    Set<String> shown = new TreeSet<>();
    for (Scene.Node n : scene.nodes()) {
      shown.add(n.id());
      Node node = graph.getNode(n.id());
      String cls = colourClass(n);
      if (!cls.equals(shownClass.get(n.id()))) {
        node.setAttribute("ui.class", cls);
        node.removeAttribute("ui.hide");
        shownClass.put(n.id(), cls);
      }
      Float size = (float) (NODE_MIN_PX + (NODE_MAX_PX - NODE_MIN_PX) * n.size());
      if (!size.equals(sizes.put(n.id(), size))) {
        node.setAttribute("ui.size", size);
      }
      if (!n.label().equals(labels.get(n.id())) && !n.id().equals(hovered)) {
        if (n.label().isPresent()) {
          node.setAttribute("ui.label", n.label().get());
        } else {
          node.removeAttribute("ui.label");
        }
        labelTexts.remove(n.id());
        placedFor = "";
      }
      labels.put(n.id(), n.label());
    }
    for (String id : new TreeSet<>(shownClass.keySet())) {
      if (!shown.contains(id)) {
        graph.getNode(id).setAttribute("ui.hide");
        graph.getNode(id).removeAttribute("ui.label");
        shownClass.remove(id);
        labels.remove(id);
      }
    }

    Set<String> drawn = new LinkedHashSet<>();
    for (Scene.Edge e : scene.edges()) {
      String id = e.a() + "\t" + e.b();
      drawn.add(id);
      Edge edge = graph.getEdge(id);
      if (edge == null) {
        edge = graph.addEdge(id, e.a(), e.b());
        edgeIds.add(id);
      }
      String look = e.faded() + ":" + e.shade();
      if (!look.equals(edgeLooks.put(id, look))) {
        if (e.faded()) {
          edge.setAttribute("ui.class", "faded");
        } else {
          edge.removeAttribute("ui.class");
          edge.setAttribute("ui.color", (float) e.shade()); // GraphStream wants a Float here
        }
        edge.setAttribute("ui.size", (float) (0.6 + 1.6 * e.shade()));
      }
    }
    edgeIds.removeIf(
        id -> {
          if (drawn.contains(id)) {
            return false;
          }
          graph.removeEdge(id);
          edgeLooks.remove(id);
          return true;
        });

    if (model.centreRequests() != centred) {
      centred = model.centreRequests();
      model
          .centre()
          .ifPresent(
              p -> {
                Camera camera = panel.getCamera();
                camera.setViewCenter(p.x(), p.y(), 0);
                camera.setViewPercent(Math.min(camera.getViewPercent(), 0.4));
              });
    }
  }

  /** Closes the viewer. Call on the Swing thread. */
  public void close() {
    closed = true;
    labelTimer.stop();
    // GraphStream 2.0 fails to close a view holding a style group it never drew (a null map in
    // StyleGroup.removeRenderer), e.g. the faded class right after a focus: draw once off screen
    // first
    BufferedImage scratch =
        new BufferedImage(
            Math.max(1, panel.getWidth()),
            Math.max(1, panel.getHeight()),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      panel.paint(g);
    } finally {
      g.dispose();
    }
    viewer.close();
  }

  private static String colourClass(Scene.Node n) {
    return switch (n.state()) {
      case FADED -> "faded";
      case SELECTED -> "s" + String.format("%06X", n.rgb());
      case NORMAL -> "k" + String.format("%06X", n.rgb());
    };
  }

  /**
   * The style sheet: one class per colour of the scene's legend, plain and selected, and the faded
   * class.
   */
  static String stylesheet(Scene scene) {
    StringBuilder css = new StringBuilder();
    css.append("graph { fill-color: ")
        .append(Palette.css(Palette.BACKGROUND))
        .append("; padding: 40px; }\n");
    css.append("node { size-mode: dyn-size; size: 8px; fill-color: ")
        .append(Palette.css(Palette.OTHER))
        .append("; stroke-mode: none; z-index: 2; text-alignment: at-right; text-offset: 4px, 0px;")
        .append(" text-size: 11; text-color: #222222; text-background-mode: rounded-box;")
        .append(" text-background-color: #FFFFFFCC; text-padding: 2px; }\n");
    Set<Integer> colours = new TreeSet<>();
    scene.legend().forEach(e -> colours.add(e.rgb()));
    colours.add(Palette.OTHER);
    for (int rgb : colours) {
      String hex = String.format("%06X", rgb);
      css.append("node.k").append(hex).append(" { fill-color: #").append(hex).append("; }\n");
      css.append("node.s")
          .append(hex)
          .append(" { fill-color: #")
          .append(hex)
          .append(
              "; stroke-mode: plain; stroke-color: #000000; stroke-width: 3px; z-index: 4; text-size: 13; }\n");
    }
    css.append("node.faded { fill-color: ")
        .append(Palette.css(Palette.FADED))
        .append("; z-index: 1; text-color: #999999; }\n");
    css.append(
            "edge { shape: line; size-mode: dyn-size; size: 1px; fill-mode: dyn-plain; fill-color: ")
        .append(Palette.css(Palette.EDGE_WEAK))
        .append(", ")
        .append(Palette.css(Palette.EDGE_STRONG))
        .append("; z-index: 0; }\n");
    css.append("edge.faded { fill-mode: plain; fill-color: ")
        .append(Palette.css(Palette.FADED_EDGE))
        .append("; }\n");
    return css.toString();
  }

  /**
   * Click to select, hover for the title, wheel to zoom, drag a paper to move it or the background
   * to pan.
   */
  private final class Mouse implements MouseManager, MouseInputListener, MouseWheelListener {
    private static final EnumSet<InteractiveElement> NODES = EnumSet.of(InteractiveElement.NODE);
    private GraphicElement dragged;
    private int pressX;
    private int pressY;
    private Point3 pressCentre;
    private boolean moved;

    @Override
    public void init(GraphicGraph graphic, View view) {
      panel.addMouseListener(this);
      panel.addMouseMotionListener(this);
      panel.addMouseWheelListener(this);
    }

    @Override
    public void release() {
      panel.removeMouseListener(this);
      panel.removeMouseMotionListener(this);
      panel.removeMouseWheelListener(this);
    }

    @Override
    public EnumSet<InteractiveElement> getManagedTypes() {
      return NODES;
    }

    @Override
    public void mousePressed(MouseEvent e) {
      dragged = panel.findGraphicElementAt(NODES, e.getX(), e.getY());
      pressX = e.getX();
      pressY = e.getY();
      pressCentre = panel.getCamera().getViewCenter();
      moved = false;
    }

    @Override
    public void mouseDragged(MouseEvent e) {
      moved |= Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3;
      if (!moved) {
        return;
      }
      if (dragged != null) {
        panel.moveElementAtPx(dragged, e.getX(), e.getY());
      } else {
        Camera camera = panel.getCamera();
        Point3 a = camera.transformPxToGu(pressX, pressY);
        Point3 b = camera.transformPxToGu(e.getX(), e.getY());
        camera.setViewCenter(pressCentre.x - (b.x - a.x), pressCentre.y - (b.y - a.y), 0);
        // the transform moved with the camera: keep the press point as the new reference
        pressX = e.getX();
        pressY = e.getY();
        pressCentre = camera.getViewCenter();
      }
    }

    @Override
    public void mouseReleased(MouseEvent e) {
      if (!moved) {
        GraphicElement hit = panel.findGraphicElementAt(NODES, e.getX(), e.getY());
        if (hit != null) {
          model.select(hit.getId());
        }
      }
      dragged = null;
    }

    @Override
    public void mouseMoved(MouseEvent e) {
      GraphicElement hit = panel.findGraphicElementAt(NODES, e.getX(), e.getY());
      String id = hit == null ? null : hit.getId();
      if (Objects.equals(id, hovered)) {
        return;
      }
      if (hovered != null) {
        Node old = graph.getNode(hovered);
        Optional<String> label = labels.getOrDefault(hovered, Optional.empty());
        if (label.isPresent()) {
          old.setAttribute("ui.label", label.get());
        } else {
          old.removeAttribute("ui.label");
        }
      }
      if (hovered != null) {
        labelTexts.remove(hovered);
      }
      hovered = id;
      if (id != null) {
        graph.getNode(id).setAttribute("ui.label", model.title(id));
        labelTexts.remove(id);
        labels.putIfAbsent(id, Optional.empty());
      }
      placedFor = "";
      placeLabels();
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
      Camera camera = panel.getCamera();
      double percent = camera.getViewPercent() * Math.pow(1.15, e.getPreciseWheelRotation());
      camera.setViewPercent(Math.max(0.02, Math.min(4, percent)));
    }

    @Override
    public void mouseClicked(MouseEvent e) {}

    @Override
    public void mouseEntered(MouseEvent e) {}

    @Override
    public void mouseExited(MouseEvent e) {}
  }
}

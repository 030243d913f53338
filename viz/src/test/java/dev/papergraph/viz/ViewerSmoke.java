package dev.papergraph.viz;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.view.util.InteractiveElement;

/**
 * Run by {@link ViewerWindowXvfbTest} in a child JVM under Xvfb: opens the real viewer window on
 * the seed analysis, takes a screenshot with {@link Robot}, clicks the most central paper with the
 * mouse, and writes what it saw: {@code screen.png} and {@code result.properties} (the view's
 * rectangle in the screenshot, the legend colours, the paper under the click and the model's
 * selection after it). Closes the viewer on the Swing thread, as GraphStream requires.
 */
public final class ViewerSmoke {

  /** A label of a usual title's length, placed on every paper to check the side rule. */
  static final String PROBE_LABEL = "A probe label as long as a paper's usual title";

  private ViewerSmoke() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    System.setProperty("org.graphstream.ui", "swing");
    ViewerModel model = new ViewerModel(Fixtures.seed());
    AtomicReference<ViewerWindow> window = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> window.set(ViewerWindow.open(model, "seed corpus", false)));
    Robot robot = new Robot();
    robot.setAutoDelay(50);
    Thread.sleep(2500); // GraphStream repaints on a 40 ms timer; let it draw a few frames
    robot.waitForIdle();

    Properties result = new Properties();
    AtomicReference<Rectangle> frameBounds = new AtomicReference<>();
    AtomicReference<Rectangle> viewBounds = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          frameBounds.set(window.get().frame().getBounds());
          var panel = window.get().view().component();
          Point p = panel.getLocationOnScreen();
          viewBounds.set(new Rectangle(p.x, p.y, panel.getWidth(), panel.getHeight()));
        });
    BufferedImage shot = robot.createScreenCapture(frameBounds.get());
    ImageIO.write(shot, "png", out.resolve("screen.png").toFile());
    Rectangle v = viewBounds.get();
    Rectangle f = frameBounds.get();
    result.setProperty("view", (v.x - f.x) + "," + (v.y - f.y) + "," + v.width + "," + v.height);
    StringBuilder colours = new StringBuilder();
    for (Scene.LegendEntry e : model.scene().legend()) {
      colours.append(colours.length() > 0 ? "," : "").append(String.format("%06X", e.rgb()));
    }
    result.setProperty("legend", colours.toString());

    // the legend wraps inside its viewport; every label lies inside the canvas
    SwingUtilities.invokeAndWait(
        () -> {
          ViewerWindow w = window.get();
          int viewportWidth = w.legendScroll().getViewport().getWidth();
          StringBuilder overflow = new StringBuilder();
          int wrapped = 0;
          for (var box : w.legendBoxes()) {
            int right = box.getX() + Math.max(box.getWidth(), box.getPreferredSize().width);
            if (right > viewportWidth) {
              overflow.append(box.getText()).append(" to ").append(right).append("; ");
            }
            if (box.getHeight() > 1.6 * box.getFontMetrics(box.getFont()).getHeight()) {
              wrapped++;
            }
          }
          result.setProperty("legendViewport", Integer.toString(viewportWidth));
          result.setProperty("legendOverflow", overflow.toString());
          result.setProperty("legendWrapped", Integer.toString(wrapped));
          result.setProperty(
              "legendScrollsSideways",
              Boolean.toString(w.legendScroll().getHorizontalScrollBar().isShowing()));
          GraphView view = w.view();
          view.placeLabels();
          int width = view.component().getWidth();
          StringBuilder outside = new StringBuilder();
          int labelled = 0;
          int flipped = 0;
          for (Scene.Node n : model.scene().nodes()) {
            Object label = view.graph().getNode(n.id()).getAttribute("ui.label");
            if (label == null) {
              continue;
            }
            labelled++;
            GraphView.LabelPlace place = view.labelPlace(n.id(), label.toString(), width);
            if (!place.text().equals(label.toString())) {
              outside.append(n.id()).append(" label not as placed; ");
            }
            if (place.side().equals("left")) {
              flipped++;
            }
            if (place.box().x < 0 || place.box().x + place.box().width > width) {
              outside.append(n.id()).append(' ').append(place.box()).append("; ");
            }
          }
          // the same rule for a long label on every paper, wherever the layout put the papers: the
          // papers at the right edge must put it on their left, and no box may leave the canvas
          int probeFlipped = 0;
          for (Scene.Node n : model.scene().nodes()) {
            GraphView.LabelPlace place = view.labelPlace(n.id(), PROBE_LABEL, width);
            if (place.side().equals("left")) {
              probeFlipped++;
            }
            if (place.box().x < 0 || place.box().x + place.box().width > width) {
              outside.append(n.id()).append(" probe ").append(place.box()).append("; ");
            }
          }
          result.setProperty("labelled", Integer.toString(labelled));
          result.setProperty("labelsFlipped", Integer.toString(flipped));
          result.setProperty("probeLabelsFlipped", Integer.toString(probeFlipped));
          result.setProperty("labelsOutside", outside.toString());
        });

    // click the largest paper where the view says it is
    AtomicReference<Point> target = new AtomicReference<>();
    AtomicReference<String> expected = new AtomicReference<>("");
    SwingUtilities.invokeAndWait(
        () -> {
          var panel = window.get().view().component();
          Scene.Node big =
              model.scene().nodes().stream()
                  .max(Comparator.comparingDouble(Scene.Node::size))
                  .orElseThrow();
          var pos = model.position(big.id());
          Point3 px = panel.getCamera().transformGuToPx(pos.x(), pos.y(), 0);
          GraphicElement hit =
              panel.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), px.x, px.y);
          expected.set(hit == null ? "" : hit.getId());
          Point origin = panel.getLocationOnScreen();
          target.set(
              new Point(origin.x + (int) Math.round(px.x), origin.y + (int) Math.round(px.y)));
        });
    robot.mouseMove(target.get().x, target.get().y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
    Thread.sleep(500);
    AtomicReference<String> selected = new AtomicReference<>("");
    AtomicReference<String> panelTitle = new AtomicReference<>("");
    SwingUtilities.invokeAndWait(
        () -> {
          selected.set(model.selected().orElse(""));
          panelTitle.set(model.details().map(PaperDetails::title).orElse(""));
        });
    result.setProperty("clicked", expected.get());
    result.setProperty("selected", selected.get());
    result.setProperty("panelTitle", panelTitle.get());

    // hover over an unlabelled paper: its title appears as its label
    AtomicReference<String> hoverTarget = new AtomicReference<>("");
    SwingUtilities.invokeAndWait(
        () -> {
          var panel = window.get().view().component();
          for (Scene.Node n : model.scene().nodes()) {
            if (n.label().isPresent()) {
              continue;
            }
            Point3 px = panel.getCamera().transformGuToPx(n.x(), n.y(), 0);
            GraphicElement hit =
                panel.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), px.x, px.y);
            if (hit != null
                && hit.getId().equals(n.id())
                && px.x > 20
                && px.y > 20
                && px.x < panel.getWidth() - 20
                && px.y < panel.getHeight() - 20) {
              Point origin = panel.getLocationOnScreen();
              target.set(
                  new Point(origin.x + (int) Math.round(px.x), origin.y + (int) Math.round(px.y)));
              hoverTarget.set(n.id());
              break;
            }
          }
        });
    robot.mouseMove(target.get().x, target.get().y);
    robot.waitForIdle();
    Thread.sleep(300);
    AtomicReference<String> hoverLabel = new AtomicReference<>("");
    SwingUtilities.invokeAndWait(
        () -> {
          Object label =
              window.get().view().graph().getNode(hoverTarget.get()).getAttribute("ui.label");
          hoverLabel.set(label == null ? "" : label.toString());
        });
    result.setProperty("hovered", hoverTarget.get());
    result.setProperty("hoverLabel", hoverLabel.get());

    BufferedImage after = robot.createScreenCapture(frameBounds.get());
    ImageIO.write(after, "png", out.resolve("after-click.png").toFile());

    SwingUtilities.invokeAndWait(() -> window.get().close());
    try (Writer w = Files.newBufferedWriter(out.resolve("result.properties"))) {
      result.store(w, "viewer smoke run");
    }
    System.exit(0);
  }
}

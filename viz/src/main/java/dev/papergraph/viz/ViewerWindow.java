package dev.papergraph.viz;

import dev.papergraph.analysis.Measure;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.Scrollable;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.HyperlinkEvent;

/**
 * The viewer window: the GraphStream view in the middle; above it the search box, the size measure,
 * the minimum edge weight and the focus controls; on the right the side panel of the selected paper
 * (its neighbours are links) and the legend, whose check boxes filter communities; below, the
 * counts and any notice such as the edge cap. Everything goes through the {@link ViewerModel}; the
 * window only draws it.
 *
 * <p>Create, use and close it on the Swing thread.
 */
public final class ViewerWindow {

  /** Initial window width, pixels. */
  public static final int WIDTH = 1400;

  /** Initial window height, pixels. */
  public static final int HEIGHT = 900;

  private static final int WEIGHT_STEPS = 100;

  private final ViewerModel model;
  private final GraphView view;
  private final JFrame frame;
  private final JEditorPane details = new JEditorPane("text/html", "");
  private final JLabel status = new JLabel(" ");
  private final JLabel notice = new JLabel(" ");
  private final JTextField search = new JTextField(24);
  private final JCheckBox focus = new JCheckBox("Focus");
  private final JSpinner hops =
      new JSpinner(new SpinnerNumberModel(1, 1, ViewerModel.FOCUS_HOPS_MAX, 1));
  private final JLabel weightLabel = new JLabel();
  private final List<JCheckBox> legendBoxes = new ArrayList<>();
  private final JScrollPane legendScroll;
  private int legendWrap;
  private boolean updating;

  /**
   * Opens a window on the model.
   *
   * @param title the window title, e.g. the workspace folder
   * @param liveLayout whether the force layout keeps refining positions on screen
   */
  public static ViewerWindow open(ViewerModel model, String title, boolean liveLayout) {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException(
          "open the viewer on the Swing thread (SwingUtilities.invokeAndWait)");
    }
    ViewerWindow w = new ViewerWindow(model, title, liveLayout);
    w.frame.setVisible(true);
    return w;
  }

  private ViewerWindow(ViewerModel model, String title, boolean liveLayout) {
    this.model = model;
    this.view = new GraphView(model, liveLayout);
    frame = new JFrame("papergraph: " + title);
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            view.close();
          }
        });

    JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
    top.add(new JLabel("Search"));
    search.setToolTipText(
        "A title fragment, an id, or free text; Enter selects and centres the best match");
    search.addActionListener(e -> search());
    top.add(search);
    top.add(new JLabel("Size by"));
    JComboBox<String> measures =
        new JComboBox<>(model.sizeMeasures().stream().map(Measure::key).toArray(String[]::new));
    measures.setSelectedItem(model.sizeMeasure().key());
    measures.addActionListener(
        e ->
            model.setSizeMeasure(
                Measure.byName((String) measures.getSelectedItem()).orElseThrow()));
    top.add(measures);
    top.add(new JLabel("Min weight"));
    JSlider weight = new JSlider(0, WEIGHT_STEPS, 0);
    weight.setPreferredSize(new Dimension(140, weight.getPreferredSize().height));
    weight.addChangeListener(
        e -> model.setMinEdgeWeight(model.maxEdgeWeight() * weight.getValue() / WEIGHT_STEPS));
    top.add(weight);
    top.add(weightLabel);
    focus.setToolTipText("Fade every paper more than the given number of hops from the selection");
    focus.addActionListener(e -> applyFocus());
    hops.addChangeListener(e -> applyFocus());
    top.add(focus);
    top.add(hops);
    top.add(new JLabel("hops"));
    JButton clear = new JButton("Clear");
    clear.addActionListener(e -> model.clearSelection());
    top.add(clear);
    JButton fit = new JButton("Fit");
    fit.addActionListener(e -> view.fit());
    top.add(fit);

    details.setEditable(false);
    details.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
    details.addHyperlinkListener(
        e -> {
          if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED
              && e.getDescription().startsWith("paper:")) {
            model.selectAndCentre(e.getDescription().substring("paper:".length()));
          }
        });
    JPanel legend = legend();
    // the legend wraps to the width it is given and scrolls only vertically, so no line is cut off
    legendScroll =
        new JScrollPane(
            legend,
            JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
            JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    legendScroll.getVerticalScrollBar().setUnitIncrement(16);
    legendScroll
        .getViewport()
        .addComponentListener(
            new ComponentAdapter() {
              @Override
              public void componentResized(ComponentEvent e) {
                wrapLegend();
              }
            });
    JSplitPane side =
        new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(details), legendScroll);
    side.setResizeWeight(0.65);
    side.setPreferredSize(new Dimension(380, HEIGHT));

    JPanel bottom = new JPanel(new BorderLayout());
    bottom.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
    notice.setForeground(new Color(0x8A4B00));
    bottom.add(status, BorderLayout.WEST);
    bottom.add(notice, BorderLayout.EAST);

    JSplitPane centre = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, view.component(), side);
    centre.setResizeWeight(1.0);
    frame.getContentPane().setLayout(new BorderLayout());
    frame.getContentPane().add(top, BorderLayout.NORTH);
    frame.getContentPane().add(centre, BorderLayout.CENTER);
    frame.getContentPane().add(bottom, BorderLayout.SOUTH);
    frame.setSize(WIDTH, HEIGHT);
    frame.setLocation(0, 0);

    model.addChangeListener(this::update);
    update();
  }

  /** The frame. */
  public JFrame frame() {
    return frame;
  }

  /** The GraphStream view. */
  public GraphView view() {
    return view;
  }

  /** The model shown. */
  public ViewerModel model() {
    return model;
  }

  /** Closes the window and the GraphStream viewer. Call on the Swing thread. */
  public void close() {
    frame.dispose();
  }

  private void search() {
    String q = search.getText();
    Optional<SearchHit> hit = model.searchAndSelect(q);
    if (hit.isEmpty() && !q.isBlank()) {
      status.setText("No paper matches \u201C" + q.strip() + "\u201D");
    }
  }

  private void applyFocus() {
    if (updating) {
      return;
    }
    if (focus.isSelected() && model.selected().isPresent()) {
      model.focus((Integer) hops.getValue());
    } else {
      model.clearFocus();
    }
  }

  private void update() {
    updating = true;
    try {
      view.refresh();
      Scene scene = model.scene();
      focus.setEnabled(model.selected().isPresent());
      focus.setSelected(model.focusHops().isPresent());
      weightLabel.setText(String.format(Locale.ROOT, "%.2f", model.minEdgeWeight()));
      status.setText(
          String.format(
              Locale.ROOT,
              "%,d papers shown, %,d edges drawn, sized by %s",
              scene.nodes().size(),
              scene.edges().size(),
              model.sizeMeasure().key()));
      notice.setText(scene.notices().isEmpty() ? " " : String.join("  ", scene.notices()));
      details.setText(html(model.details()));
      details.setCaretPosition(0);
      Optional<Set<Integer>> filter = model.communityFilter();
      for (JCheckBox box : legendBoxes) {
        int c = (Integer) box.getClientProperty("community");
        box.setSelected(
            filter.isEmpty()
                || (c >= 0
                    ? filter.get().contains(c)
                    : !smallCommunities().isEmpty()
                        && filter.get().containsAll(smallCommunities())));
      }
    } finally {
      updating = false;
    }
  }

  private JPanel legend() {
    JPanel panel = new LegendPanel();
    panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
    panel.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    JLabel head = new JLabel("<html><b>Communities</b> (untick to hide)</html>");
    panel.add(head);
    for (Scene.LegendEntry e : model.scene().legend()) {
      JCheckBox box =
          new JCheckBox(legendText(e, LEGEND_WRAP_DEFAULT), new Swatch(e.rgb(), false), true);
      box.setSelectedIcon(new Swatch(e.rgb(), true));
      box.putClientProperty("community", e.community());
      box.putClientProperty("entry", e);
      box.setAlignmentX(Component.LEFT_ALIGNMENT);
      box.addActionListener(a -> applyCommunityFilter());
      legendBoxes.add(box);
      panel.add(box);
    }
    panel.add(Box.createVerticalGlue());
    legendWrap = LEGEND_WRAP_DEFAULT;
    return panel;
  }

  // the width legend text wraps at before the window is shown, pixels
  private static final int LEGEND_WRAP_DEFAULT = 280;

  private static String legendText(Scene.LegendEntry e, int wrap) {
    return "<html><body style='width:" + wrap + "px'>" + escape(e.text()) + "</body></html>";
  }

  // re-wraps the legend lines to the viewport's width. Swing's HTML scales CSS pixels (by about
  // 4/3),
  // so the wrap width is narrowed until the widest line's preferred width fits the viewport.
  private void wrapLegend() {
    int available = legendScroll.getViewport().getWidth() - 12; // the panel's border
    if (available <= 0 || available == legendWrap) {
      return;
    }
    legendWrap = available;
    int wrap = Math.max(60, available - 30);
    for (int attempt = 0; attempt < 6; attempt++) {
      int widest = 0;
      for (JCheckBox box : legendBoxes) {
        box.setText(legendText((Scene.LegendEntry) box.getClientProperty("entry"), wrap));
        widest = Math.max(widest, box.getPreferredSize().width);
      }
      if (widest <= available || wrap <= 60) {
        break;
      }
      wrap = Math.max(60, (int) (wrap * (double) available / widest) - 2);
    }
    legendScroll.getViewport().getView().revalidate();
  }

  /** The legend's check boxes, one per line (for tests). */
  List<JCheckBox> legendBoxes() {
    return List.copyOf(legendBoxes);
  }

  /** The legend's scroll pane (for tests). */
  JScrollPane legendScroll() {
    return legendScroll;
  }

  /** A panel as wide as the viewport it is in, so its lines wrap instead of scrolling sideways. */
  private static final class LegendPanel extends JPanel implements Scrollable {
    @Override
    public Dimension getPreferredScrollableViewportSize() {
      return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
      return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
      return Math.max(16, visible.height - 16);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
      return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
      return false;
    }
  }

  private Set<Integer> smallCommunities() {
    Set<Integer> listed = new TreeSet<>();
    model.scene().legend().forEach(e -> listed.add(e.community()));
    Set<Integer> small = new TreeSet<>();
    model
        .analysis()
        .communities()
        .communities()
        .forEach(
            c -> {
              if (!listed.contains(c.id())) {
                small.add(c.id());
              }
            });
    return small;
  }

  private void applyCommunityFilter() {
    if (updating) {
      return;
    }
    Set<Integer> shown = new TreeSet<>();
    boolean all = true;
    for (JCheckBox box : legendBoxes) {
      int c = (Integer) box.getClientProperty("community");
      all &= box.isSelected();
      if (box.isSelected()) {
        if (c >= 0) {
          shown.add(c);
        } else {
          shown.addAll(smallCommunities());
        }
      }
    }
    if (all) {
      model.showAllCommunities();
    } else {
      model.showCommunities(shown);
    }
  }

  private String html(Optional<PaperDetails> selected) {
    if (selected.isEmpty()) {
      return "<html><body style='font-family:sans-serif;font-size:11px;padding:6px'>"
          + "<p><b>Click a paper</b> to see its details and strongest neighbours.</p>"
          + "<p>Search by title fragment or free text above; <i>Focus</i> fades everything more than "
          + "<i>k</i> hops from the selection. Wheel: zoom. Drag the background: pan.</p></body></html>";
    }
    PaperDetails d = selected.get();
    StringBuilder b =
        new StringBuilder("<html><body style='font-family:sans-serif;font-size:11px;padding:4px'>");
    b.append("<h3 style='margin:2px'>").append(escape(d.title())).append("</h3>");
    if (!d.authors().isEmpty()) {
      b.append("<p>").append(escape(String.join(", ", d.authors()))).append("</p>");
    } else {
      d.authorCount()
          .ifPresent(
              n ->
                  b.append("<p>").append(n).append(n == 1 ? " author" : " authors").append("</p>"));
    }
    List<String> facts = new ArrayList<>();
    d.organisation().ifPresent(o -> facts.add(escape(o)));
    d.date().ifPresent(facts::add);
    d.upvotes().ifPresent(u -> facts.add(u + " upvotes"));
    facts.add("<code>" + escape(d.id()) + "</code>");
    b.append("<p>").append(String.join(" &middot; ", facts)).append("</p>");
    if (d.community() >= 0) {
      b.append("<p><span style='color:")
          .append(
              Palette.css(
                  model.hasOwnColour(d.community())
                      ? Palette.community(d.community())
                      : Palette.OTHER))
          .append("'>&#9632;</span> ")
          .append("community ")
          .append(d.community())
          .append(": ")
          .append(escape(d.communityLabel()))
          .append("</p>");
    }
    b.append("<table cellspacing=0 cellpadding=1>");
    for (Map.Entry<Measure, Double> c : d.centralities().entrySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td align=right>%.4g</td></tr>",
              c.getKey().key(),
              c.getValue()));
    }
    b.append("</table>");
    b.append("<h4 style='margin:4px 0 2px 0'>Strongest neighbours</h4>");
    if (d.neighbours().isEmpty()) {
      b.append("<p><i>none: no edge above the engine's threshold</i></p>");
    }
    b.append("<ol style='margin-left:16px'>");
    for (PaperDetails.Neighbour n : d.neighbours()) {
      b.append("<li><a href='paper:")
          .append(escape(n.id()))
          .append("'>")
          .append(escape(n.title()))
          .append("</a><br>")
          .append("<span style='color:#555555'>")
          .append(escape(n.explanation()))
          .append("</span></li>");
    }
    b.append("</ol>");
    d.abstractText()
        .ifPresent(
            a ->
                b.append("<h4 style='margin:4px 0 2px 0'>Abstract</h4><p>")
                    .append(escape(a))
                    .append("</p>"));
    return b.append("</body></html>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace("\"", "&quot;");
  }

  /** A colour swatch for a legend check box: filled when ticked, outlined when not. */
  private record Swatch(int rgb, boolean ticked) implements Icon {
    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
      g.setColor(new Color(rgb));
      if (ticked) {
        g.fillRect(x + 1, y + 1, 12, 12);
      } else {
        g.drawRect(x + 1, y + 1, 11, 11);
      }
    }

    @Override
    public int getIconWidth() {
      return 14;
    }

    @Override
    public int getIconHeight() {
      return 14;
    }
  }
}

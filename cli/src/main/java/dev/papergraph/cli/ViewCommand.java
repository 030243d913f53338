package dev.papergraph.cli;

import dev.papergraph.analysis.Measure;
import dev.papergraph.viz.ViewerModel;
import dev.papergraph.viz.ViewerWindow;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papergraph view}: opens the interactive viewer on the workspace graph. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Open the interactive viewer on the workspace graph: click a paper for its details and "
            + "strongest neighbours, search, focus on a neighbourhood, filter communities and edge weights.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph view                              the workspace in ./.papergraph",
      "  papergraph view --select \"Grokking at the Edge\"  open with a paper selected",
      "  papergraph view --live-layout                keep refining the layout on screen",
      "",
      "Needs a display; without one, draw a picture with `papergraph render -o graph.png`."
    })
final class ViewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin YearOptions years;

  @Option(
      names = "--size-by",
      paramLabel = "MEASURE",
      description = "Centrality that sizes the papers at first (default: pagerank).")
  String sizeBy;

  @Option(
      names = "--edge-cap",
      paramLabel = "N",
      description =
          "Draw at most the N strongest edges, and say so on screen (default: ${DEFAULT-VALUE}).")
  int edgeCap = ViewerModel.EDGE_CAP_DEFAULT;

  @Option(
      names = "--labels",
      paramLabel = "N",
      description = "Label the N most central papers (default: ${DEFAULT-VALUE}).")
  int labels = ViewerModel.LABELS_DEFAULT;

  @Option(
      names = "--select",
      paramLabel = "PAPER",
      description =
          "Select and centre this paper at start: an id, DOI, arXiv id or title fragment, as for "
              + "`papergraph neighbors`.")
  String select;

  @Option(
      names = "--live-layout",
      description = "Let the force layout keep refining the positions on screen.")
  boolean liveLayout;

  @Override
  public Integer call() throws Exception {
    if (select == null) {
      requireDisplay();
    }
    Workspace ws = workspace.open();
    // the paper to select is found as every command finds a PAPER (a bare DOI, an arXiv id, a title
    // fragment), and a mistake in it is reported before the display is looked for
    PaperRef selected = select == null ? null : Papers.resolve(ws, select);
    requireDisplay();
    ViewerModel model;
    try {
      model = new ViewerModel(RenderCommand.analysis(ws, years), edgeCap, labels);
      // free text (a phrase or a pasted abstract) through the workspace's Lucene index
      model.setFreeTextSearch(
          (query, limit) -> {
            try {
              return ws.search(query, limit).stream().map(hit -> hit.paper().id()).toList();
            } catch (IOException e) {
              spec.commandLine().getErr().println("papergraph: search failed: " + e.getMessage());
              return List.of();
            }
          });
      if (sizeBy != null) {
        model.setSizeMeasure(
            Measure.byName(sizeBy)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--size-by "
                                + sizeBy
                                + ": unknown measure; use one of "
                                + model.sizeMeasures().stream().map(Measure::key).toList())));
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (selected != null) {
      model.selectAndCentre(selected.id());
    }
    System.setProperty("org.graphstream.ui", "swing");
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<ViewerWindow> window = new AtomicReference<>();
    // the window lives on the Swing thread; this thread only waits for it to close
    SwingUtilities.invokeAndWait(
        () -> {
          window.set(ViewerWindow.open(model, ws.dir().toString(), liveLayout));
          window
              .get()
              .frame()
              .addWindowListener(
                  new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                      closed.countDown();
                    }
                  });
        });
    if (!GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .println("papergraph: viewer open on " + ws.dir() + "; close its window to quit");
      spec.commandLine().getErr().flush();
    }
    closed.await();
    return Main.EXIT_OK;
  }

  private static void requireDisplay() throws UserException {
    if (GraphicsEnvironment.isHeadless()) {
      throw new UserException(
          "no display to open the viewer on (is DISPLAY set?); "
              + "draw a picture instead with `papergraph render -o graph.png`");
    }
  }
}

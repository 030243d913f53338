package dev.papergraph.cli;

import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Measure;
import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.ViewerModel;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papergraph render}: draws the styled graph with its legend to PNG or SVG, headlessly. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Draw the workspace graph (coloured by community, sized by centrality, legend of community "
        + "labels) to a PNG or SVG picture, without a display.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  papergraph render -o graph.png                      the workspace in ./.papergraph",
        "  papergraph render -o graph.svg --size-by degree     SVG, papers sized by degree",
        "  papergraph render -o q.png --community 3 --force    one community, replacing q.png"})
final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin YearOptions years;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The picture to write; .png or .svg decides the format.")
  Path output;

  @Option(names = "--width", paramLabel = "PX", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width = GraphPicture.WIDTH_DEFAULT;

  @Option(names = "--height", paramLabel = "PX", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height = GraphPicture.HEIGHT_DEFAULT;

  @Option(names = "--size-by", paramLabel = "MEASURE",
      description = "Centrality that sizes the papers: pagerank, betweenness, closeness, harmonic, degree, "
          + "strength, eigenvector (default: pagerank).")
  String sizeBy;

  @Option(names = "--community", paramLabel = "N", description = "Draw only this community (repeatable).")
  List<Integer> communities = new ArrayList<>();

  @Option(names = "--min-weight", paramLabel = "W", description = "Draw only edges of at least this weight (default: 0).")
  double minWeight;

  @Option(names = "--edge-cap", paramLabel = "N",
      description = "Draw at most the N strongest edges, and say so on the picture (default: ${DEFAULT-VALUE}).")
  int edgeCap = ViewerModel.EDGE_CAP_DEFAULT;

  @Option(names = "--labels", paramLabel = "N",
      description = "Label the N most central papers (default: ${DEFAULT-VALUE}).")
  int labels = ViewerModel.LABELS_DEFAULT;

  @Option(names = {"-f", "--force"}, description = "Overwrite the picture if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    // user mistakes first, before any work
    try {
      GraphPicture.Format.of(output);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (!force && Files.exists(output)) {
      throw new UserException(output + " exists; use --force to overwrite it");
    }
    Workspace ws = workspace.open();
    ViewerModel model;
    try {
      model = configure(new ViewerModel(analysis(ws, years), edgeCap, labels));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    try {
      GraphPicture.write(model.scene(), output, width, height, force);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    } catch (FileAlreadyExistsException e) {
      throw new UserException(output + " exists; use --force to overwrite it");
    }
    if (!GlobalOptions.of(spec).quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("papergraph: wrote %s (%d papers, %d edges drawn)%n", output, model.scene().nodes().size(),
          model.scene().edges().size());
      model.scene().notices().forEach(n -> err.println("papergraph: " + n));
      err.flush();
    }
    return Main.EXIT_OK;
  }

  private ViewerModel configure(ViewerModel model) {
    if (sizeBy != null) {
      model.setSizeMeasure(Measure.byName(sizeBy).orElseThrow(() -> new IllegalArgumentException(
          "--size-by " + sizeBy + ": unknown measure; use one of "
              + model.sizeMeasures().stream().map(Measure::key).toList())));
    }
    if (!communities.isEmpty()) {
      model.showCommunities(communities);
    }
    model.setMinEdgeWeight(minWeight);
    return model;
  }

  /** The analysis the workspace saved (graph, communities, centralities, layout, manifest): no rebuild. */
  static Analysis analysis(Workspace ws) throws IOException {
    return ws.analysis();
  }

  /** The saved analysis restricted to the papers of the years the options keep (all when none given). */
  static Analysis analysis(Workspace ws, YearOptions years) throws IOException {
    java.util.Optional<java.util.Set<String>> kept = years.keep(ws);
    return kept.isPresent() ? dev.papergraph.write.Exports.restrict(ws.analysis(), kept.get()) : ws.analysis();
  }
}

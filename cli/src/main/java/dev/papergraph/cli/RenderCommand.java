package dev.papergraph.cli;

import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Measure;
import dev.papergraph.read.Readers;
import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.SketchAnalysis;
import dev.papergraph.viz.ViewerModel;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code papergraph render}: draws the styled graph with its legend to PNG or SVG, headlessly. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Draw the graph (coloured by community, sized by centrality, legend of community labels) "
        + "to a PNG or SVG picture, without a display.",
    footer = {"%nExamples:",
        "  papergraph render -o graph.png",
        "  papergraph render -o graph.svg --size-by degree --min-weight 0.2",
        "  papergraph render -o quant.png --community 3 --force"})
final class RenderCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The picture to write; .png or .svg decides the format.")
  Path output;

  @Option(names = "--width", paramLabel = "PX", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width = GraphPicture.WIDTH_DEFAULT;

  @Option(names = "--height", paramLabel = "PX", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height = GraphPicture.HEIGHT_DEFAULT;

  @Option(names = "--size-by", paramLabel = "MEASURE",
      description = "Centrality that sizes the papers: pagerank, degree, strength, ... (default: pagerank).")
  String sizeBy;

  @Option(names = "--community", paramLabel = "N", description = "Draw only this community (repeatable).")
  List<Integer> communities = new ArrayList<>();

  @Option(names = "--min-weight", paramLabel = "W", description = "Draw only edges of at least this weight (default: 0).")
  double minWeight;

  @Option(names = "--edge-cap", paramLabel = "N",
      description = "Draw at most the N strongest edges (default: ${DEFAULT-VALUE}).")
  int edgeCap = ViewerModel.EDGE_CAP_DEFAULT;

  @Option(names = "--labels", paramLabel = "N",
      description = "Label the N most central papers (default: ${DEFAULT-VALUE}).")
  int labels = ViewerModel.LABELS_DEFAULT;

  @Option(names = {"-f", "--force"}, description = "Overwrite the picture if it exists.")
  boolean force;

  @Override
  public Integer call() {
    try {
      GraphPicture.Format.of(output); // fail on a bad name before any work
      ViewerModel model = new ViewerModel(loadAnalysis(), edgeCap, labels);
      if (sizeBy != null) {
        model.setSizeMeasure(Measure.byName(sizeBy).orElseThrow(() -> new IllegalArgumentException(
            "--size-by " + sizeBy + ": unknown measure; use one of " + model.sizeMeasures().stream().map(Measure::key).toList())));
      }
      if (!communities.isEmpty()) {
        model.showCommunities(communities);
      }
      model.setMinEdgeWeight(minWeight);
      GraphPicture.write(model.scene(), output, width, height, force);
      System.err.printf("papergraph: wrote %s (%d papers, %d edges drawn)%n", output,
          model.scene().nodes().size(), model.scene().edges().size());
      model.scene().notices().forEach(n -> System.err.println("papergraph: " + n));
      return 0;
    } catch (FileAlreadyExistsException e) {
      System.err.println("papergraph: " + output + " exists; use --force to overwrite it");
      return Main.EXIT_USER_ERROR;
    } catch (IllegalArgumentException e) {
      System.err.println("papergraph: " + e.getMessage());
      return Main.EXIT_USER_ERROR;
    } catch (IOException e) {
      System.err.println("papergraph: cannot write " + output + ": " + e.getMessage());
      return Main.EXIT_USER_ERROR;
    }
  }

  /**
   * The analysis to draw. Until the workspace (issue 6) stores one, the bundled seed corpus is
   * analysed on the spot with the viewer's sketch analysis.
   */
  static Analysis loadAnalysis() throws IOException {
    var corpus = Readers.standard().load(Readers.bundled(RenderCommand.class.getClassLoader(), BuildCommand.BUNDLED), null);
    return SketchAnalysis.of(corpus.papers());
  }
}

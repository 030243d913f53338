package dev.papergraph.cli;

import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.LabelMode;
import dev.papergraph.viz.PictureOptions;
import dev.papergraph.viz.PicturePlan;
import dev.papergraph.viz.Theme;
import dev.papergraph.viz.ViewerModel;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import dev.papergraph.write.AnalysedGraph;
import dev.papergraph.write.Exports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papergraph render}: draws the map of the workspace graph to PNG or SVG, headlessly. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Draw the map of the workspace graph to a PNG or SVG picture, without a display: papers "
            + "coloured by community and sized by centrality, a label over each community, paper titles where "
            + "they fit, and a legend. The layout is fitted to the picture; sizes and edge shades follow the "
            + "number of papers. SVG keeps the text as text.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph render -o graph.png                  the workspace in ./.papergraph",
      "  papergraph render -o talk.png --size slide --theme dark   dark 1920x1080",
      "  papergraph render -o map.svg --labels communities    community labels only",
      "  papergraph render -o c3.png --community 3       community 3 alone, zoomed",
      "  papergraph render -o ego.png --focus \"Grokking at the Edge\" --depth 2"
    })
final class RenderCommand implements Callable<Integer> {

  /** Default number of most central papers considered for a title on the map. */
  static final int PAPER_LABELS_DEFAULT = 20;

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin YearOptions years;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The picture to write; .png or .svg decides the format.")
  Path output;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description =
          "Picture size in pixels, e.g. 1920x1080, or a preset: default (1600x1000), hd or slide "
              + "(1920x1080), 4k (3840x2160), square (1200x1200).")
  String size;

  @Option(
      names = "--width",
      paramLabel = "PX",
      description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width = PictureOptions.WIDTH_DEFAULT;

  @Option(
      names = "--height",
      paramLabel = "PX",
      description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height = PictureOptions.HEIGHT_DEFAULT;

  @Option(names = "--theme", paramLabel = "THEME", description = "light or dark (default: light).")
  String theme = "light";

  @Option(
      names = "--labels",
      paramLabel = "WHICH",
      description = "Labels on the map: none, communities, papers, both (default: both).")
  String labels = "both";

  @Option(
      names = "--paper-labels",
      paramLabel = "N",
      description =
          "Consider the N most central papers for a title on the map; titles are drawn only "
              + "where they fit (default: ${DEFAULT-VALUE}).")
  int paperLabels = PAPER_LABELS_DEFAULT;

  @Option(
      names = "--size-by",
      paramLabel = "MEASURE",
      description =
          "Centrality that sizes the papers: pagerank, betweenness, closeness, harmonic, degree, "
              + "strength, eigenvector (default: pagerank).")
  String sizeBy;

  @Option(
      names = "--community",
      paramLabel = "N",
      description = "Draw only this community, zoomed, with its own legend (repeatable).")
  List<Integer> communities = new ArrayList<>();

  @Option(
      names = "--focus",
      paramLabel = "PAPER",
      description =
          "Draw the map around this paper (id, DOI, arXiv id or title fragment): it and the "
              + "papers within --depth hops.")
  String focus;

  @Option(
      names = "--depth",
      paramLabel = "D",
      description =
          "Hops around the --focus paper, 1-" + ViewerModel.FOCUS_HOPS_MAX + " (default: 1).")
  Integer depth;

  @Option(
      names = "--min-weight",
      paramLabel = "W",
      description = "Draw only edges of at least this weight (default: 0).")
  double minWeight;

  @Option(
      names = "--edge-cap",
      paramLabel = "N",
      description =
          "Draw at most the N strongest edges, and say so on the picture (default: ${DEFAULT-VALUE}).")
  int edgeCap = ViewerModel.EDGE_CAP_DEFAULT;

  @Option(
      names = {"-f", "--force"},
      description = "Overwrite the picture if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    // user mistakes first, before any work
    PictureOptions options = options();
    if (depth != null && focus == null) {
      throw new ParameterException(spec.commandLine(), "--depth needs --focus PAPER");
    }
    if (focus != null && !communities.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--focus and --community cannot be used together");
    }
    if (paperLabels < 0) {
      throw new ParameterException(
          spec.commandLine(), "--paper-labels cannot be negative: " + paperLabels);
    }
    try {
      GraphPicture.Format.of(output);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    // papergraph writes regular files only: a device, FIFO or symlink at -o is refused
    // (OutputFiles)
    OutputFiles.requireWritable(output, List.of());
    if (!force && Files.exists(output)) {
      throw new UserException(output + " exists; use --force to overwrite it");
    }
    Workspace ws = workspace.open();
    AnalysedGraph analysis = analysis(ws, years);
    ViewerModel model;
    try {
      model = new ViewerModel(analysis, edgeCap, options.labels().papers() ? paperLabels : 0);
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
      model.setMinEdgeWeight(minWeight);
      if (!communities.isEmpty()) {
        model.showCommunities(communities);
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (communities.size() == 1) {
      Community c = analysis.communities().communities().get(communities.get(0));
      options = options.withHeading("Community " + c.id());
    }
    if (focus != null) {
      PaperRef paper = Papers.resolve(ws, focus);
      int hops = depth == null ? 1 : depth;
      try {
        model.select(paper.id());
        model.focus(hops);
      } catch (IllegalArgumentException e) {
        throw new UserException("--depth " + hops + ": " + e.getMessage());
      }
      options =
          options.withHeading(
              String.format(
                  Locale.ROOT,
                  "Within %d hop%s of \u201C%s\u201D",
                  hops,
                  hops == 1 ? "" : "s",
                  paper.title()));
    }
    options =
        options.withCaption(
            "Paper size: "
                + model.sizeMeasure().key()
                + ". Edges: similarity, "
                + "stronger is darker and thicker.");
    PicturePlan plan = PicturePlan.of(model.scene(), options);
    try {
      GraphPicture.write(plan, output, force);
    } catch (FileAlreadyExistsException e) {
      throw new UserException(output + " exists; use --force to overwrite it");
    }
    if (!GlobalOptions.of(spec).quiet) {
      PrintWriter err = spec.commandLine().getErr();
      long communityLabels =
          plan.labels().stream().filter(l -> l.kind() == PicturePlan.Kind.COMMUNITY).count();
      err.printf(
          Locale.ROOT,
          "papergraph: wrote %s (%d papers, %d edges drawn, %d community and %d paper labels)%n",
          output,
          plan.discs().size(),
          plan.strokes().size(),
          communityLabels,
          plan.labels().size() - communityLabels);
      model.scene().notices().forEach(n -> err.println("papergraph: " + n));
      err.flush();
    }
    return Main.EXIT_OK;
  }

  private PictureOptions options() {
    int w = width;
    int h = height;
    boolean sideGiven =
        spec.commandLine().getParseResult().hasMatchedOption("--width")
            || spec.commandLine().getParseResult().hasMatchedOption("--height");
    try {
      if (size != null) {
        if (sideGiven) {
          throw new ParameterException(
              spec.commandLine(), "--size and --width/--height cannot be used together");
        }
        int[] wh = PictureOptions.parseSize(size);
        w = wh[0];
        h = wh[1];
      }
      return PictureOptions.of(w, h).withTheme(Theme.of(theme)).withLabels(LabelMode.of(labels));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * The analysis the workspace saved (graph, communities, centralities, layout, manifest): no
   * rebuild.
   */
  static AnalysedGraph analysis(Workspace ws) throws IOException {
    return ws.analysis();
  }

  /**
   * The saved analysis restricted to the papers of the years the options keep (all when none
   * given).
   */
  static AnalysedGraph analysis(Workspace ws, YearOptions years) throws IOException {
    Optional<Set<String>> kept = years.keep(ws);
    return kept.isPresent() ? Exports.restrict(ws.analysis(), kept.get()) : ws.analysis();
  }
}

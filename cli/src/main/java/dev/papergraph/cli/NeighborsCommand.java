package dev.papergraph.cli;

import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import dev.papergraph.write.AnalysedGraph;
import dev.papergraph.write.ExportFormat;
import dev.papergraph.write.Exports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph neighbors}: the papers around a paper, as a tree or an ego-graph file. */
@Command(
    name = "neighbors",
    aliases = "neighbours",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show the papers most similar to PAPER, with why (the shared terms of each edge).",
      "With --depth 2 or more, the neighbours of the neighbours too, as a tree: each paper follows its top N "
          + "strongest edges. --export writes this ego graph to a file instead.",
      "PAPER is an id, a DOI, an arXiv id, or a fragment of the title."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph neighbors \"Grokking at the Edge\"",
      "  papergraph neighbors title:215cdfb109b560a0 --depth 2 --top 3",
      "  papergraph neighbors \"PD-Quant\" --export pdquant.graphml"
    })
final class NeighborsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;
  @Mixin YearOptions years;

  @Parameters(paramLabel = "PAPER", description = "Id, DOI, arXiv id or title fragment.")
  String paper;

  @Option(
      names = "--depth",
      paramLabel = "D",
      defaultValue = "1",
      description = "Hops from PAPER (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Strongest edges followed per paper (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--export",
      paramLabel = "FILE",
      description = "Write the ego graph to FILE instead of printing it.")
  Path export;

  @Mixin ExportTarget exportArgs;

  @Override
  public Integer call() throws Exception {
    if (depth < 1) {
      throw new ParameterException(spec.commandLine(), "--depth must be at least 1: " + depth);
    }
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1: " + top);
    }
    Workspace ws = workspace.open();
    PaperRef center = Papers.resolve(ws, paper);
    Neighbourhoods.EgoGraph ego = ws.ego(center.id(), depth, top);
    Optional<Set<String>> kept = years.keep(ws);
    // a paper outside the years is left out with the papers reached through it
    List<Row> rows = new ArrayList<>();
    int skipBelow = Integer.MAX_VALUE;
    for (Row r : tree(ego)) {
      if (r.hop() > skipBelow) {
        continue;
      }
      skipBelow = Integer.MAX_VALUE;
      if (kept.isPresent() && !kept.get().contains(r.id())) {
        skipBelow = r.hop();
        continue;
      }
      rows.add(r);
    }
    if (export != null) {
      ExportFormat format = exportArgs.formatFor(export);
      Set<String> ids = new LinkedHashSet<>(ego.papers());
      if (kept.isPresent()) {
        ids.clear();
        ids.add(center.id());
        rows.forEach(r -> ids.add(r.id()));
      }
      AnalysedGraph part = Exports.restrict(ws.analysis(), ids);
      List<Path> files = ExportToFile.write(part, format, export, exportArgs, spec.commandLine());
      if (!GlobalOptions.of(spec).quiet) {
        spec.commandLine()
            .getErr()
            .println(
                "papergraph: wrote the ego graph of "
                    + center.id()
                    + " ("
                    + ids.size()
                    + " papers, "
                    + part.graph().similarity().edgeSet().size()
                    + " edges) to "
                    + String.join(", ", files.stream().map(Path::toString).toList()));
      }
      return Main.EXIT_OK;
    }
    String id = "  (" + center.id() + ")";
    output.heading(
        "Neighbours of "
            + Text.cut(
                Text.terminal(center.title()),
                Math.max(10, output.columns() - Text.width("Neighbours of " + id)))
            + id);
    Table t = Papers.edgeTable("hop", "via");
    for (Row r : rows) {
      String title = ws.title(r.id());
      if (output.table()) {
        title = "  ".repeat(r.hop() - 1) + title;
      }
      Papers.edgeRow(
          t,
          r.edge().explanation(),
          r.hop(),
          YearOptions.year(ws, r.id()),
          r.id(),
          title,
          r.hop() > 1 ? r.edge().other(r.id()) : null);
    }
    output.print(t);
    if (ego.papers().size() == 1 && !GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "papergraph: "
                  + center.id()
                  + " has no edges (no paper is similar "
                  + "enough); try `papergraph search` with its title, or rebuild with a lower --min-score");
    }
    return Main.EXIT_OK;
  }

  /** A paper of the ego graph with the edge that reached it. */
  record Row(String id, int hop, SimilarityEdge edge) {}

  /**
   * The ego graph as a tree in depth-first order: each paper is placed under the strongest edge to
   * a paper one hop closer; children by decreasing edge score, then id.
   */
  static List<Row> tree(Neighbourhoods.EgoGraph ego) {
    Map<String, Integer> hops = ego.hops();
    Map<String, List<Row>> children = new HashMap<>();
    Map<String, Boolean> placed = new HashMap<>();
    // edges come strongest first, so the first edge to a closer paper is the strongest one
    for (SimilarityEdge e : ego.edges()) {
      for (String child : List.of(e.first(), e.second())) {
        String parent = e.other(child);
        if (hops.get(child) == hops.get(parent) + 1 && placed.putIfAbsent(child, true) == null) {
          children
              .computeIfAbsent(parent, k -> new ArrayList<>())
              .add(new Row(child, hops.get(child), e));
        }
      }
    }
    List<Row> out = new ArrayList<>();
    addChildren(ego.center(), children, out);
    return out;
  }

  private static void addChildren(String parent, Map<String, List<Row>> children, List<Row> out) {
    for (Row r : children.getOrDefault(parent, List.of())) {
      out.add(r);
      addChildren(r.id(), children, out);
    }
  }
}

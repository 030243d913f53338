package dev.papergraph.cli;

import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph path}: the strongest chain of similar papers from one paper to another. */
@Command(
    name = "path",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show the strongest path between two papers: the chain of edges with the smallest total length, an edge "
          + "of score s having length 1/s (few strong steps beat many weak ones), with the shared terms of every "
          + "step. Exits 1 when the papers are not connected."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph path \"Grokking at the Edge\" \"PD-Quant\"",
      "  papergraph path title:215cdfb109b560a0 title:5db00aa7a68f1cb8 --output json"
    })
final class PathCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Parameters(
      index = "0",
      paramLabel = "FROM",
      description = "Id, DOI, arXiv id or title fragment.")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "Id, DOI, arXiv id or title fragment.")
  String to;

  @Override
  public Integer call() throws Exception {
    Workspace ws = workspace.open();
    PaperRef a = Papers.resolve(ws, from);
    PaperRef b = Papers.resolve(ws, to);
    Optional<Neighbourhoods.PaperPath> found = ws.neighbourhoods().strongestPath(a.id(), b.id());
    if (found.isEmpty()) {
      throw new UserException(
          "no path: \""
              + Text.echo(a.title())
              + "\" and \""
              + Text.echo(b.title())
              + "\" are in parts of the graph that no edge joins");
    }
    Neighbourhoods.PaperPath path = found.get();
    output.heading(
        String.format(
            Locale.ROOT,
            "%d steps, length %.3f (sum of 1/score)",
            path.edges().size(),
            path.length()));
    Table t = Papers.edgeTable("step");
    for (int i = 0; i < path.papers().size(); i++) {
      String id = path.papers().get(i);
      SimilarityEdge e = i == 0 ? null : path.edges().get(i - 1);
      Papers.edgeRow(
          t, e == null ? null : e.explanation(), i, YearOptions.year(ws, id), id, ws.title(id));
    }
    output.print(t);
    return Main.EXIT_OK;
  }
}

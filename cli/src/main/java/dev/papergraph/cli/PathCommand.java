package dev.papergraph.cli;

import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph path}: the strongest chain of similar papers from one paper to another. */
@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Show the strongest path between two papers: the chain of edges with the smallest total",
        "length, an edge of score s having length 1/s (few strong steps beat many weak ones),",
        "with the shared terms of every step. Exits 1 when the papers are not connected."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  papergraph path \"Grokking at the Edge\" \"PD-Quant\"",
        "  papergraph path arxiv:2501.04697 doi:10.48550/arxiv.2212.07048 --output json"})
final class PathCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "FROM", description = "Id, DOI, arXiv id or title fragment.")
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
      throw new UserException("no path: \"" + a.title() + "\" and \"" + b.title()
          + "\" are in parts of the graph that no edge joins");
    }
    Neighbourhoods.PaperPath path = found.get();
    PrintWriter out = spec.commandLine().getOut();
    if (output.form == OutputOptions.Form.table) {
      out.printf(Locale.ROOT, "%d steps, length %.3f (sum of 1/score)%n", path.edges().size(), path.length());
    }
    Table t = new Table("step", "score", "id", "title", "shared terms")
        .maxWidth("title", 70).maxWidth("shared terms", 45);
    for (int i = 0; i < path.papers().size(); i++) {
      String id = path.papers().get(i);
      SimilarityEdge e = i == 0 ? null : path.edges().get(i - 1);
      t.row(i, e == null ? null : e.score(), id, ws.title(id),
          e == null ? null : Papers.sharedTerms(e.explanation(), 5));
    }
    t.print(out, output.form);
    return Main.EXIT_OK;
  }
}
